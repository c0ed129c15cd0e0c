import assert from 'node:assert/strict'
import { test } from 'node:test'
import { compare } from '../../../src/compare/compare.js'
import { reverseAll, type Operation } from '../../../src/ops/operation.js'
import { renderSql } from '../../../src/render/sql.js'
import { emptySchema, type ForeignKey, type Schema } from '../../../src/schema/schema.js'
import { column, id, pk, schema, table } from './fixtures.js'

const fk = (name: string, columns: string[], refTable: string, more: Partial<ForeignKey> = {}): ForeignKey => ({
  name, columns, refSchema: 'public', refTable, refColumns: ['id'], onDelete: 'no action', onUpdate: 'no action', deferral: 'not deferrable', match: 'simple', notValid: false, ...more,
})

const author = table('author', [id], { primaryKey: pk('author') })
const book = table('book', [id, column('author_id', 'integer')], { primaryKey: pk('book'), foreignKeys: [fk('book_author_id_fkey', ['author_id'], 'author')] })
const node = table('node', [id, column('parent_id', 'integer')], { foreignKeys: [fk('node_parent_id_fkey', ['parent_id'], 'node')] })
const chicken = table('chicken', [id, column('egg_id', 'integer')], { primaryKey: pk('chicken'), foreignKeys: [fk('chicken_egg_id_fkey', ['egg_id'], 'egg')] })
const egg = table('egg', [id, column('chicken_id', 'integer')], { primaryKey: pk('egg'), foreignKeys: [fk('egg_chicken_id_fkey', ['chicken_id'], 'chicken')] })
const noFks = <T extends { foreignKeys: readonly ForeignKey[] }>(t: T): T => ({ ...t, foreignKeys: [] })

const cases: { name: string; from: Schema; to: Schema; want: Operation[] }[] = [
  { name: 'identical schemas', from: schema([author, book]), to: schema([author, book]), want: [] },
  { name: 'empty to empty', from: emptySchema, to: emptySchema, want: [] },
  {
    name: 'a referenced table is created first, with the foreign key inline',
    from: emptySchema,
    to: schema([book, author]),
    want: [{ kind: 'create_table', table: author }, { kind: 'create_table', table: book }],
  },
  {
    name: 'a self reference stays inline',
    from: emptySchema,
    to: schema([node]),
    want: [{ kind: 'create_table', table: node }],
  },
  {
    name: 'a cycle is broken by a separate foreign key',
    from: emptySchema,
    to: schema([chicken, egg]),
    want: [
      { kind: 'create_table', table: noFks(egg) },
      { kind: 'create_table', table: chicken },
      { kind: 'add_foreign_key', table: { schema: 'public', name: 'egg' }, foreignKey: egg.foreignKeys[0]! },
    ],
  },
  {
    name: 'a new table referencing an existing one gets its foreign key after it exists',
    from: schema([author]),
    to: schema([author, book]),
    want: [
      { kind: 'create_table', table: noFks(book) },
      { kind: 'add_foreign_key', table: { schema: 'public', name: 'book' }, foreignKey: book.foreignKeys[0]! },
    ],
  },
  {
    name: 'tables are dropped referencing first',
    from: schema([author, book]),
    to: emptySchema,
    want: [{ kind: 'drop_table', table: book }, { kind: 'drop_table', table: author }],
  },
  {
    name: 'a foreign key into a table that stays is dropped before its table',
    from: schema([author, book]),
    to: schema([author]),
    want: [
      { kind: 'drop_foreign_key', table: { schema: 'public', name: 'book' }, foreignKey: book.foreignKeys[0]! },
      { kind: 'drop_table', table: noFks(book) },
    ],
  },
  {
    name: 'a table in another schema brings its schema, dropped after it',
    from: schema([table('audit.log', [id])]),
    to: schema([table('report.log', [id])]),
    want: [
      { kind: 'create_schema', schema: 'report' },
      { kind: 'drop_table', table: table('audit.log', [id]) },
      { kind: 'create_table', table: table('report.log', [id]) },
      { kind: 'drop_schema', schema: 'audit' },
    ],
  },
  {
    name: 'table comment',
    from: schema([author]),
    to: schema([{ ...author, comment: 'writers' }]),
    want: [{ kind: 'set_table_comment', table: { schema: 'public', name: 'author' }, from: null, to: 'writers' }],
  },
]

for (const c of cases) {
  test(`compare tables: ${c.name}`, () => {
    assert.deepEqual(compare(c.from, c.to), c.want)
  })
}

test('a column moving from a parent into the table inheriting it is dropped from ONLY the parent, and the child keeps it', () => {
  const base = { schema: 'public', name: 'stamped' }
  const stamp = column('stamp', 'integer', { comment: 'when' })
  // the child comes first, as it does when its name sorts first: its column still waits for the parent's to go
  const from = schema([table('event', [column('kind', 'text')], { inherits: [base] }), table('stamped', [column('at', 'timestamp'), stamp])])
  const to = schema([table('event', [column('kind', 'text'), column('stamp', 'bigint')], { inherits: [base] }), table('stamped', [column('at', 'timestamp')])])
  const sql = (ops: readonly Operation[]) => renderSql(ops).map((s) => s.sql)
  const ops = compare(from, to)
  assert.deepEqual(sql(ops), ['ALTER TABLE ONLY stamped DROP COLUMN stamp', 'ALTER TABLE event ALTER COLUMN stamp TYPE bigint'])
  assert.deepEqual(sql(reverseAll(ops)), ['ALTER TABLE event ALTER COLUMN stamp TYPE integer USING stamp::integer', 'ALTER TABLE stamped ADD COLUMN stamp integer', "COMMENT ON COLUMN stamped.stamp IS 'when'"])
  // a child that does not take it loses it with the parent
  const other = table('other', [], { inherits: [base] })
  assert.deepEqual(sql(compare(schema([...from.tables, other]), schema([...to.tables, other]))).slice(0, 2), ['ALTER TABLE stamped DROP COLUMN stamp', 'ALTER TABLE event ADD COLUMN stamp bigint'])
})
