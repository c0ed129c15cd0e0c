import assert from 'node:assert/strict'
import { test } from 'node:test'
import { compare } from '../../../src/compare/compare.js'
import type { Operation } from '../../../src/ops/operation.js'
import type { Check, ForeignKey, Index, Schema, Table, Unique } from '../../../src/schema/schema.js'
import { column, id, pk, schema, table } from './fixtures.js'

const ref = { schema: 'public', name: 'item' }
const owner = table('owner', [id], { primaryKey: pk('owner') })
const item = (more: Partial<Table>): Schema =>
  schema([owner, table('item', [id, column('owner_id', 'integer'), column('price', 'numeric'), column('code', 'text')], more)])
const unique = (name: string, columns: string[], nullsNotDistinct = false): Unique => ({ name, columns, nullsNotDistinct, include: [], deferral: 'not deferrable' })
const check = (name: string, definition: string): Check => ({ name, definition })
const fk = (name: string, more: Partial<ForeignKey> = {}): ForeignKey => ({
  name, columns: ['owner_id'], refSchema: 'public', refTable: 'owner', refColumns: ['id'], onDelete: 'no action', onUpdate: 'no action', deferral: 'not deferrable', match: 'simple', notValid: false, ...more,
})
const index = (name: string, rest: string, unique = false): Index => ({
  name, unique, method: 'btree', definition: `CREATE ${unique ? 'UNIQUE ' : ''}INDEX ${name} ON public.item USING btree ${rest}`,
})

const cases: { name: string; from: Schema; to: Schema; want: Operation[] }[] = [
  { name: 'primary key names differ only', from: item({ primaryKey: pk('item') }), to: item({ primaryKey: { name: 'item_id_pk', columns: ['id'], include: [], deferral: 'not deferrable' } }), want: [] },
  { name: 'primary key added', from: item({}), to: item({ primaryKey: pk('item') }), want: [{ kind: 'add_primary_key', table: ref, primaryKey: pk('item') }] },
  {
    name: 'primary key columns changed',
    from: item({ primaryKey: pk('item') }),
    to: item({ primaryKey: pk('item', 'id', 'code') }),
    want: [
      { kind: 'drop_primary_key', table: ref, primaryKey: pk('item') },
      { kind: 'add_primary_key', table: ref, primaryKey: pk('item', 'id', 'code') },
    ],
  },
  {
    name: 'unique made initially deferred',
    from: item({ uniques: [unique('item_code_key', ['code'])] }),
    to: item({ uniques: [{ ...unique('item_code_key', ['code']), deferral: 'initially deferred' }] }),
    want: [
      { kind: 'drop_unique', table: ref, unique: unique('item_code_key', ['code']) },
      { kind: 'add_unique', table: ref, unique: { ...unique('item_code_key', ['code']), deferral: 'initially deferred' } },
    ],
  },
  {
    name: 'foreign key made deferrable',
    from: item({ foreignKeys: [fk('item_owner_id_fkey')] }),
    to: item({ foreignKeys: [fk('item_owner_id_fkey', { deferral: 'deferrable' })] }),
    want: [
      { kind: 'drop_foreign_key', table: ref, foreignKey: fk('item_owner_id_fkey') },
      { kind: 'add_foreign_key', table: ref, foreignKey: fk('item_owner_id_fkey', { deferral: 'deferrable' }) },
    ],
  },
  { name: 'unique with another name', from: item({ uniques: [unique('item_code_key', ['code'])] }), to: item({ uniques: [unique('code_uq', ['code'])] }), want: [] },
  {
    name: 'unique becomes NULLS NOT DISTINCT',
    from: item({ uniques: [unique('u', ['code'])] }),
    to: item({ uniques: [unique('u', ['code'], true)] }),
    want: [
      { kind: 'drop_unique', table: ref, unique: unique('u', ['code']) },
      { kind: 'add_unique', table: ref, unique: unique('u', ['code'], true) },
    ],
  },
  {
    name: 'column order in a unique matters',
    from: item({ uniques: [unique('u', ['code', 'price'])] }),
    to: item({ uniques: [unique('u', ['price', 'code'])] }),
    want: [
      { kind: 'drop_unique', table: ref, unique: unique('u', ['code', 'price']) },
      { kind: 'add_unique', table: ref, unique: unique('u', ['price', 'code']) },
    ],
  },
  {
    name: 'checks match by definition, whatever their names',
    from: item({ checks: [check('item_price_check', 'CHECK ((price > (0)::numeric))')] }),
    to: item({ checks: [check('positive', 'CHECK ((price > (0)::numeric))')] }),
    want: [],
  },
  {
    name: 'a check kept under the name a dropped one frees is rebuilt under that name',
    from: item({ checks: [check('x', 'CHECK ((price > (10)::numeric))'), check('y', 'CHECK ((price > (0)::numeric))')] }),
    to: item({ checks: [check('x', 'CHECK ((price > (0)::numeric))')] }),
    want: [
      { kind: 'drop_check', table: ref, check: check('x', 'CHECK ((price > (10)::numeric))') },
      { kind: 'drop_check', table: ref, check: check('y', 'CHECK ((price > (0)::numeric))') },
      { kind: 'add_check', table: ref, check: check('x', 'CHECK ((price > (0)::numeric))') },
    ],
  },
  {
    name: 'a check added NOT VALID differs from one that holds for every row',
    from: item({ checks: [check('item_price_check', 'CHECK ((price > (0)::numeric))')] }),
    to: item({ checks: [check('item_price_check', 'CHECK ((price > (0)::numeric)) NOT VALID')] }),
    want: [
      { kind: 'drop_check', table: ref, check: check('item_price_check', 'CHECK ((price > (0)::numeric))') },
      { kind: 'add_check', table: ref, check: check('item_price_check', 'CHECK ((price > (0)::numeric)) NOT VALID') },
    ],
  },
  {
    name: 'a foreign key differs by MATCH FULL and by NOT VALID',
    from: item({ foreignKeys: [fk('item_owner_id_fkey')] }),
    to: item({ foreignKeys: [fk('item_owner_id_fkey', { match: 'full', notValid: true })] }),
    want: [
      { kind: 'drop_foreign_key', table: ref, foreignKey: fk('item_owner_id_fkey') },
      { kind: 'add_foreign_key', table: ref, foreignKey: fk('item_owner_id_fkey', { match: 'full', notValid: true }) },
    ],
  },
  {
    name: 'a unique differs by its INCLUDE columns',
    from: item({ uniques: [unique('item_code_key', ['code'])] }),
    to: item({ uniques: [{ ...unique('item_code_key', ['code']), include: ['price'] }] }),
    want: [
      { kind: 'drop_unique', table: ref, unique: unique('item_code_key', ['code']) },
      { kind: 'add_unique', table: ref, unique: { ...unique('item_code_key', ['code']), include: ['price'] } },
    ],
  },
  {
    name: 'check changed',
    from: item({ checks: [check('c', 'CHECK ((price > (0)::numeric))')] }),
    to: item({ checks: [check('c', 'CHECK ((price >= (0)::numeric))')] }),
    want: [
      { kind: 'drop_check', table: ref, check: check('c', 'CHECK ((price > (0)::numeric))') },
      { kind: 'add_check', table: ref, check: check('c', 'CHECK ((price >= (0)::numeric))') },
    ],
  },
  { name: 'foreign key named differently', from: item({ foreignKeys: [fk('item_owner_id_fkey')] }), to: item({ foreignKeys: [fk('owned_by')] }), want: [] },
  {
    name: 'foreign key action changed: dropped first, added last',
    from: item({ foreignKeys: [fk('f')], uniques: [unique('u', ['code'])] }),
    to: item({ foreignKeys: [fk('f', { onDelete: 'cascade' })] }),
    want: [
      { kind: 'drop_foreign_key', table: ref, foreignKey: fk('f') },
      { kind: 'drop_unique', table: ref, unique: unique('u', ['code']) },
      { kind: 'add_foreign_key', table: ref, foreignKey: fk('f', { onDelete: 'cascade' }) },
    ],
  },
  { name: 'index with another name', from: item({ indexes: [index('item_code_idx', '(code)')] }), to: item({ indexes: [index('by_code', '(code)')] }), want: [] },
  {
    name: 'quoted index name is taken out too',
    from: item({ indexes: [index('"Code Index"', '(code)')] }),
    to: item({ indexes: [index('by_code', '(code)')] }),
    want: [],
  },
  {
    name: 'a kept index whose name a new index takes is rebuilt under its new name',
    from: item({ indexes: [index('a', '(code)')] }),
    to: item({ indexes: [index('b', '(code)'), index('a', '(price)')] }),
    want: [
      { kind: 'drop_index', table: ref, index: index('a', '(code)') },
      { kind: 'create_index', table: ref, index: index('b', '(code)') },
      { kind: 'create_index', table: ref, index: index('a', '(price)') },
    ],
  },
  {
    name: 'equal signatures pair by name first',
    from: item({ uniques: [unique('x', ['code']), unique('y', ['code'])] }),
    to: item({ uniques: [unique('y', ['code'])] }),
    want: [{ kind: 'drop_unique', table: ref, unique: unique('x', ['code']) }],
  },
  {
    name: 'index made unique',
    from: item({ indexes: [index('i', '(code)')] }),
    to: item({ indexes: [index('i', '(code)', true)] }),
    want: [
      { kind: 'drop_index', table: ref, index: index('i', '(code)') },
      { kind: 'create_index', table: ref, index: index('i', '(code)', true) },
    ],
  },
  {
    name: 'partial index predicate changed',
    from: item({ indexes: [index('i', '(code) WHERE (price > (0)::numeric)')] }),
    to: item({ indexes: [index('i', '(code)')] }),
    want: [
      { kind: 'drop_index', table: ref, index: index('i', '(code) WHERE (price > (0)::numeric)') },
      { kind: 'create_index', table: ref, index: index('i', '(code)') },
    ],
  },
]

for (const c of cases) {
  test(`compare constraints and indexes: ${c.name}`, () => {
    assert.deepEqual(compare(c.from, c.to), c.want)
  })
}
