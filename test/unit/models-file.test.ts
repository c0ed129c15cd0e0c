// The models-file renderer without a database: what a person reads in the file pull writes.
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { renderModelsFile } from '../../src/render/models-file.js'
import { emptySchema, type Column, type Grant, type Schema, type Sequence, type Table } from '../../src/schema/schema.js'

const column = (name: string, type: string, more: Partial<Column> = {}): Column =>
  ({ name, type, notNull: false, default: null, identity: null, generated: null, comment: null, ...more })
const table = (name: string, columns: Column[], more: Partial<Table> = {}): Table =>
  ({ schema: 'public', name, columns, primaryKey: null, uniques: [], foreignKeys: [], checks: [], exclusions: [], indexes: [], comment: null,
    partitionBy: null, partitionOf: null, inherits: [], unlogged: false, rowLevelSecurity: 'disabled', policies: [], ...more })

const demo: Schema = {
  ...emptySchema,
  tables: [
    table('post', [column('id', 'integer', { notNull: true }), column('title', 'character varying(100)', { notNull: true }), column('text', 'text'), column('user_id', 'integer', { notNull: true })], {
      primaryKey: { name: 'post_pkey', columns: ['id'], include: [], deferral: 'not deferrable' },
      foreignKeys: [{ name: 'post_user_id_fkey', columns: ['user_id'], refSchema: 'public', refTable: 'user', refColumns: ['id'], onDelete: 'no action', onUpdate: 'no action', match: 'simple', notValid: false, deferral: 'not deferrable' }],
    }),
    table('user', [column('id', 'integer', { notNull: true }), column('name', 'character varying(50)', { notNull: true })], {
      primaryKey: { name: 'user_pkey', columns: ['id'], include: [], deferral: 'not deferrable' },
    }),
  ],
}

describe('renderModelsFile', () => {
  it('writes the demo database as the demo models are written by hand, referenced tables first', () => {
    const { text, tables, enums, omitted } = renderModelsFile(demo)
    assert.deepEqual([tables, enums, omitted], [2, 0, []])
    assert.match(text, /^import \{ integer, table, text, varchar \} from 'db-migrate-action'$/m)
    assert.ok(text.endsWith(`export const user = table('user', {
  id: integer().primaryKey(),
  name: varchar(50).notNull(),
})

export const post = table('post', {
  id: integer().primaryKey(),
  title: varchar(100).notNull(),
  text: text(),
  userId: integer('user_id').notNull().references(() => user.columns.id),
})
`), text)
  })

  it('imports sql for an expression default alone, and writes a literal default as a JavaScript value', () => {
    const schema: Schema = { schemas: [], enums: [], grants: [], extensions: [], sequences: [], domains: [], compositeTypes: [], collations: [], tables: [table('event', [column('at', 'timestamp with time zone', { notNull: true, default: 'now()' }), column('kind', 'text', { default: "'it''s'::text" }), column('n', 'integer', { default: '0' })])] }
    const { text } = renderModelsFile(schema)
    assert.match(text, /^import \{ integer, sql, table, text, timestamptz \} from 'db-migrate-action'$/m)
    assert.match(text, /at: timestamptz\(\)\.notNull\(\)\.default\(sql`now\(\)`\),\n  kind: text\(\)\.default\('it\\'s'\),\n  n: integer\(\)\.default\(0\),/)
  })

  it('types a reference to a table declared later only in TypeScript', () => {
    const node = table('node', [column('id', 'integer', { notNull: true }), column('parent_id', 'integer')], {
      primaryKey: { name: 'node_pkey', columns: ['id'], include: [], deferral: 'not deferrable' },
      foreignKeys: [{ name: 'node_parent_id_fkey', columns: ['parent_id'], refSchema: 'public', refTable: 'node', refColumns: ['id'], onDelete: 'cascade', onUpdate: 'no action', match: 'simple', notValid: false, deferral: 'not deferrable' }],
    })
    const schema: Schema = { schemas: [], enums: [], grants: [], extensions: [], sequences: [], domains: [], compositeTypes: [], collations: [], tables: [node] }
    assert.match(renderModelsFile(schema).text, /parentId: integer\('parent_id'\)\.references\(\(\): AnyColumn => node\.columns\.id, \{ onDelete: 'cascade' \}\)/)
    assert.match(renderModelsFile(schema).text, /import \{ integer, table, type AnyColumn \}/)
    const js = renderModelsFile(schema, { typescript: false }).text
    assert.match(js, /\.references\(\(\) => node\.columns\.id/)
    assert.doesNotMatch(js, /AnyColumn/)
  })

  it('keeps variables clear of the imports, of each other across schemas, and of reserved words', () => {
    const schema: Schema = { schemas: ['crm'], enums: [], grants: [], extensions: [], sequences: [], domains: [], compositeTypes: [], collations: [], tables: [table('text', [column('id', 'integer')]), table('delete', [column('id', 'integer')]), table('text', [column('id', 'integer')], { schema: 'crm' })] }
    const { text } = renderModelsFile(schema)
    assert.match(text, /^export const textTable = table\('text', \{$/m)
    assert.match(text, /^export const deleteTable = table\('delete', \{$/m)
    assert.match(text, /^export const crmText = table\('text', \{$/m)
  })

  it('names a kind of object it has no function for yet, so nothing is dropped unsaid', () => {
    const schema = { ...demo, statistics: [{ schema: 'public', name: 'post_stats' }], tables: [{ ...demo.tables[1]!, tablespace: 'fast' }] } as unknown as Schema
    assert.deepEqual(renderModelsFile(schema).omitted, ["the schema's statistics: pull does not write them yet", 'table user: its tablespace: pull does not write it yet'])
  })

  it('writes a sequence\'s options that CREATE SEQUENCE would not choose, a bigint beyond a number as a bigint literal, and draws a default from it', () => {
    const seq = (name: string, more: Partial<Sequence>): Sequence => ({ schema: 'public', name, type: 'bigint', start: '1', increment: '1', min: '1', max: '9223372036854775807', cache: '1', cycle: false, ownedBy: null, ...more })
    const schema: Schema = {
      ...emptySchema,
      sequences: [seq('plain', {}), seq('down', { increment: '-1', min: '-9223372036854775808', max: '-1', start: '-1' }), seq('big', { start: '9007199254740993', min: '9007199254740993' })],
      tables: [table('invoice', [column('no', 'bigint', { default: "nextval('plain'::regclass)" })])],
    }
    const { text, omitted } = renderModelsFile(schema)
    assert.deepEqual(omitted, [])
    assert.match(text, /^export const plain = sequence\('plain'\)$/m)
    assert.match(text, /^export const down = sequence\('down', \{ increment: -1 \}\)$/m)
    assert.match(text, /^export const big = sequence\('big', \{ min: 9007199254740993n \}\)$/m)
    assert.match(text, /no: bigint\(\)\.default\(plain\.nextval\(\)\)/)
  })

  it('writes partitions after their table, policies in the third argument, a declared collation by its variable', () => {
    const event = table('event', [column('at', 'date', { collation: 'ci' })], { partitionBy: 'RANGE (at)', rowLevelSecurity: 'forced',
      policies: [{ name: 'mine', command: 'select', permissive: false, roles: ['app'], using: '(at > CURRENT_DATE)', withCheck: null }] })
    const part = table('event_2024', [], { partitionOf: { schema: 'public', name: 'event', bound: "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')" } })
    const schema: Schema = { ...emptySchema, collations: [{ schema: 'public', name: 'ci', provider: 'icu', locale: 'und-u-ks-level2', lcCollate: null, lcCtype: null, deterministic: false }], tables: [part, event] }
    const { text } = renderModelsFile(schema)
    assert.match(text, /export const ci = collation\('ci', \{ provider: 'icu', locale: 'und-u-ks-level2', deterministic: false \}\)/)
    assert.match(text, /at: date\(\)\.collate\(ci\),\n\}, \(t\) => \[\n  policy\('mine', \{ for: 'select', as: 'restrictive', to: \['app'\], using: sql`\(at > CURRENT_DATE\)` \}\),\n\], \{ partitionBy: 'RANGE \(at\)', rowLevelSecurity: 'forced' \}\)/)
    assert.ok(text.indexOf('export const event =') < text.indexOf('export const event2024 ='), text)
    assert.match(text, /table\('event_2024', \{\}, \{ partitionOf: event, forValues: 'FROM \(\\'2024-01-01\\'\) TO \(\\'2025-01-01\\'\)' \}\)/)
  })

  it('leaves out the EXECUTE every routine grants PUBLIC, and groups a role\'s privileges in one grant', () => {
    const grant = (more: Partial<Grant>): Grant => ({ on: 'table', schema: 'public', name: 'user', column: null, grantee: 'app', privilege: 'SELECT', grantable: false, ...more })
    const schema: Schema = { ...demo, grants: [grant({}), grant({ privilege: 'INSERT' }), grant({ on: 'routine', name: 'add(integer, integer)', grantee: 'PUBLIC', privilege: 'EXECUTE' }), grant({ on: 'routine', name: 'add(integer, integer)', privilege: 'EXECUTE' })] }
    const { text } = renderModelsFile(schema)
    assert.match(text, /export const grants = \[\n  grant\('SELECT', 'INSERT'\)\.on\(user\)\.to\('app'\),\n  grant\('EXECUTE'\)\.onRoutine\('add\(integer, integer\)'\)\.to\('app'\),\n\]/)
  })
})
