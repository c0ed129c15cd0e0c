// The models-file renderer without a database: what a person reads in the file pull writes.
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { renderModelsFile } from '../../src/render/models-file.js'
import { emptySchema, type Column, type Schema, type Table } from '../../src/schema/schema.js'

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
    const schema = { ...demo, views: [{ schema: 'public', name: 'recent_posts' }], tables: [{ ...demo.tables[1]!, partitionBy: 'RANGE (id)' }] } as unknown as Schema
    assert.deepEqual(renderModelsFile(schema).omitted, ["the schema's views: pull does not write them yet", 'table user: its partitionBy: pull does not write it yet'])
  })
})
