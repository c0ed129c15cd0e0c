// Extensions, sequences, domains, composite types and collations compared with no database: what differs, in what order.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { compare } from '../../../src/compare/compare.js'
import { reverseAll } from '../../../src/ops/operation.js'
import { renderSql } from '../../../src/render/sql.js'
import type { Schema } from '../../../src/schema/schema.js'
import type { Extension, Sequence } from '../../../src/schema/types.js'
import { column, id, schema, table } from './fixtures.js'

const citext: Extension = { name: 'citext', schema: 'public', version: '1.6' }
const seq = (more: Partial<Sequence> = {}): Sequence => ({
  schema: 'public', name: 'order_no', type: 'bigint', start: '1', increment: '1', min: '1', max: '9223372036854775807', cache: '1', cycle: false, ownedBy: null, ...more,
})
const withObjects = (base: Schema, more: Partial<Schema>): Schema => ({ ...base, ...more })
const sql = (from: Schema, to: Schema) => renderSql(compare(from, to)).map((s) => s.sql)

test('an extension is created before the column of its type and dropped after it', () => {
  const before = schema([table('account', [id])])
  const after = withObjects(schema([table('account', [id, column('email', 'citext')])]), { extensions: [citext] })
  assert.deepEqual(sql(before, after), ['CREATE EXTENSION citext VERSION \'1.6\'', 'ALTER TABLE account ADD COLUMN email citext'])
  assert.deepEqual(renderSql(reverseAll(compare(before, after))).map((s) => s.sql), ['ALTER TABLE account DROP COLUMN email', 'DROP EXTENSION citext'])
  assert.deepEqual(sql(after, before), ['ALTER TABLE account DROP COLUMN email', 'DROP EXTENSION citext'])
})

test('another version is an update, unless versions are ignored', () => {
  const from = withObjects(schema([]), { extensions: [{ ...citext, version: '1.5' }] })
  const to = withObjects(schema([]), { extensions: [citext] })
  assert.deepEqual(sql(from, to), ["ALTER EXTENSION citext UPDATE TO '1.6'"])
  assert.deepEqual(compare(from, to, { ignoreExtensionVersions: true }), [])
  assert.deepEqual(renderSql(compare(from, { ...to, extensions: [{ ...citext, schema: 'ext' }], schemas: ['ext'] }, { ignoreExtensionVersions: true })).map((s) => s.sql), [
    'CREATE SCHEMA ext',
    'ALTER EXTENSION citext SET SCHEMA ext',
  ])
})

test('a sequence is created before the table that draws from it, and owned once the column exists', () => {
  const t = table('invoice', [id, column('no', 'bigint', { default: "nextval('order_no'::regclass)" })])
  const to = withObjects(schema([t]), { sequences: [seq({ start: '1000', cache: '10', ownedBy: { schema: 'public', table: 'invoice', column: 'no' } })] })
  assert.deepEqual(sql(schema([]), to), [
    'CREATE SEQUENCE order_no START WITH 1000 CACHE 10',
    "CREATE TABLE invoice (\n  id integer NOT NULL,\n  no bigint DEFAULT nextval('order_no'::regclass)\n)",
    'ALTER SEQUENCE order_no OWNED BY invoice.no',
  ])
  // the way down frees the sequence before the table goes, so dropping the table does not take the sequence with it
  assert.deepEqual(renderSql(reverseAll(compare(schema([]), to))).map((s) => s.sql), ['ALTER SEQUENCE order_no OWNED BY NONE', 'DROP TABLE invoice', 'DROP SEQUENCE order_no'])
})

test('changed options are one ALTER SEQUENCE naming only them; a new owner frees the old one first', () => {
  const owner = (column: string) => ({ schema: 'public', table: 'invoice', column })
  const t = schema([table('invoice', [id, column('no', 'bigint')])])
  const from = withObjects(t, { sequences: [seq({ ownedBy: owner('no') })] })
  const to = withObjects(t, { sequences: [seq({ increment: '5', cycle: true, ownedBy: owner('id') })] })
  assert.deepEqual(sql(from, to), ['ALTER SEQUENCE order_no INCREMENT BY 5 CYCLE', 'ALTER SEQUENCE order_no OWNED BY NONE', 'ALTER SEQUENCE order_no OWNED BY invoice.id'])
})

test("a serial column's own sequence is the column's: taking a free one over does not drop it", () => {
  const from = withObjects(schema([table('t', [column('id', 'integer', { notNull: true, default: "nextval('t_id_seq'::regclass)" })])]), { sequences: [seq({ name: 't_id_seq', type: 'integer', max: '2147483647' })] })
  const to = schema([table('t', [column('id', 'serial', { notNull: true })])])
  const kinds = compare(from, to).map((op) => op.kind)
  assert.deepEqual(kinds, ['alter_column'])
})

test('a column collation change is a TYPE ... COLLATE, and back to the type\'s own collation is COLLATE "default"', () => {
  const from = schema([table('t', [column('code', 'text')])])
  const to = schema([table('t', [column('code', 'text', { collation: '"C"' })])])
  assert.deepEqual(sql(from, to), ['ALTER TABLE t ALTER COLUMN code TYPE text COLLATE "C"'])
  assert.deepEqual(sql(to, from), ['ALTER TABLE t ALTER COLUMN code TYPE text COLLATE "default"'])
})

test('a domain is created before its column and rebuilt when its base type changes', () => {
  const d = { schema: 'public', name: 'posint', type: 'integer', default: '1', notNull: true, checks: [{ name: 'posint_check', definition: 'CHECK ((VALUE > 0))' }], collation: null }
  const t = schema([table('item', [id, column('qty', 'posint', { default: '2' })])])
  const from = withObjects(t, { domains: [d] })
  assert.deepEqual(sql(schema([table('item', [id])]), from), [
    'CREATE DOMAIN posint AS integer DEFAULT 1 NOT NULL CONSTRAINT posint_check CHECK ((VALUE > 0))',
    "ALTER TABLE item ADD COLUMN qty posint DEFAULT 2",
  ])
  assert.deepEqual(sql(from, withObjects(t, { domains: [{ ...d, type: 'bigint' }] })), [
    'ALTER DOMAIN posint RENAME TO posint__old',
    'CREATE DOMAIN posint AS bigint DEFAULT 1 NOT NULL CONSTRAINT posint_check CHECK ((VALUE > 0))',
    'ALTER TABLE item ALTER COLUMN qty DROP DEFAULT',
    'ALTER TABLE item ALTER COLUMN qty TYPE posint USING qty::bigint::posint',
    'ALTER TABLE item ALTER COLUMN qty SET DEFAULT 2',
    'DROP DOMAIN posint__old',
  ])
  assert.deepEqual(sql(from, withObjects(t, { domains: [{ ...d, notNull: false, default: null }] })), ['ALTER DOMAIN posint DROP DEFAULT', 'ALTER DOMAIN posint DROP NOT NULL'])
})

test('composite types are created after the composite types they hold', () => {
  const inner = { schema: 'public', name: 'inner_t', attributes: [{ name: 'a', type: 'integer', collation: null }] }
  const outer = { schema: 'public', name: 'outer_t', attributes: [{ name: 'i', type: 'inner_t', collation: null }] }
  assert.deepEqual(sql(schema([]), withObjects(schema([]), { compositeTypes: [outer, inner] })), ['CREATE TYPE inner_t AS (a integer)', 'CREATE TYPE outer_t AS (i inner_t)'])
  assert.deepEqual(sql(withObjects(schema([]), { compositeTypes: [outer, inner] }), schema([])), ['DROP TYPE outer_t', 'DROP TYPE inner_t'])
})

test("a serial column's sequence left free takes the options the other side gives it, and a free one taken over loses its own", () => {
  const serial = schema([table('t', [column('id', 'serial', { notNull: true })])])
  const drawing = schema([table('t', [column('id', 'integer', { notNull: true, default: "nextval('t_id_seq'::regclass)" })])])
  const free = withObjects(drawing, { sequences: [seq({ name: 't_id_seq', increment: '10' })] })
  assert.deepEqual(sql(serial, free), [
    'ALTER SEQUENCE t_id_seq AS bigint INCREMENT BY 10 MAXVALUE 9223372036854775807',
    "ALTER TABLE t ALTER COLUMN id SET DEFAULT nextval('t_id_seq'::regclass)",
    'ALTER SEQUENCE t_id_seq OWNED BY NONE',
  ])
  assert.deepEqual(sql(free, serial), [
    'ALTER SEQUENCE t_id_seq INCREMENT BY 1',
    'ALTER SEQUENCE t_id_seq AS integer OWNED BY t.id',
  ])
  const owned = withObjects(drawing, { sequences: [seq({ name: 't_id_seq', start: '5', min: '5', ownedBy: { schema: 'public', table: 't', column: 'id' } })] })
  assert.deepEqual(sql(serial, owned).slice(-1), ['ALTER SEQUENCE t_id_seq OWNED BY t.id'])
})
