// Any name PostgreSQL takes comes back through pull: reserved words, quotes, spaces, capitals, digits first,
// names that collide once camelCased or with the file's imports, and comments of any text.
import assert from 'node:assert/strict'
import { mkdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { after, it } from 'node:test'
import fc from 'fast-check'
import { pull } from '../../src/commands/pull.js'
import { parseConfig } from '../../src/config/config.js'
import { silentLog } from '../../src/log.js'
import { loadModelSource } from '../../src/models/sources/find.js'
import { quoteIdent, quoteLiteral } from '../../src/render/ident.js'
import { adminQuery, scratchDatabase } from '../helpers/postgres.js'
import { eachServer, schemaAt } from '../check/project.js'

const root = fileURLToPath(new URL('../..', import.meta.url))
const tricky = ['user', 'select', 'default', '__proto__', 'constructor', 'columns', 't', 'text', 'table', 'sql', 'AnyColumn', 'Order Items',
  'a"b', "it's", '`x`', '${x}', 'café', '2fa', 'A', 'a_b', 'aB', 'user_id', 'userId', 'x\\y']
const name = fc.oneof(fc.constantFrom(...tricky), fc.stringMatching(/^[a-zA-Z_][a-zA-Z0-9_ $]{0,12}$/))
const types = ['integer', 'text', 'varchar(10)', 'boolean', 'timestamptz', 'jsonb', 'numeric(5,2)', 'text[]', 'smallint']
const columnArb = fc.record({ name, type: fc.constantFrom(...types), notNull: fc.boolean(), comment: fc.option(fc.string({ maxLength: 20 }), { nil: null }), indexed: fc.boolean() })
const tableArb = fc.record({ name, key: name, columns: fc.uniqueArray(columnArb, { selector: (c) => c.name, maxLength: 4 }), comment: fc.option(fc.string({ maxLength: 20 }), { nil: null }) })
const schemaArb = fc.uniqueArray(tableArb, { selector: (t) => t.name, minLength: 1, maxLength: 3 })
  .map((tables) => tables.map((t) => ({ ...t, key: t.key === 'ref' ? 'ref_key' : t.key, columns: t.columns.filter((c) => c.name !== t.key && c.name !== 'ref' && c.name !== 'ref_key') })))

type GeneratedTable = { name: string; key: string; comment: string | null; columns: { name: string; type: string; notNull: boolean; comment: string | null; indexed: boolean }[] }

function ddl(tables: readonly GeneratedTable[]): string {
  const first = tables[0]!
  return tables.map((t, i) => [
    `CREATE TABLE ${quoteIdent(t.name)} (${[
      `${quoteIdent(t.key)} integer PRIMARY KEY`,
      ...t.columns.map((c) => `${quoteIdent(c.name)} ${c.type}${c.notNull ? ' NOT NULL' : ''}`),
      ...(i > 0 ? [`ref integer REFERENCES ${quoteIdent(first.name)} (${quoteIdent(first.key)})`] : []),
    ].join(', ')});`,
    ...(t.comment === null ? [] : [`COMMENT ON TABLE ${quoteIdent(t.name)} IS ${quoteLiteral(t.comment)};`]),
    ...t.columns.flatMap((c) => [
      ...(c.comment === null ? [] : [`COMMENT ON COLUMN ${quoteIdent(t.name)}.${quoteIdent(c.name)} IS ${quoteLiteral(c.comment)};`]),
      ...(c.indexed && !c.type.endsWith('[]') && c.type !== 'jsonb' ? [`CREATE INDEX ON ${quoteIdent(t.name)} (${quoteIdent(c.name)} DESC);`] : []),
    ]),
  ].join('\n')).join('\n')
}

eachServer('pull: names and comments of any spelling', (server) => {
  it('come back exactly as PostgreSQL holds them', async () => {
    const dir = join(root, 'test', '.tmp', `pull-names-property-${process.pid}`)
    mkdirSync(dir, { recursive: true })
    after(() => rmSync(dir, { recursive: true, force: true }))
    let run = 0
    await fc.assert(fc.asyncProperty(schemaArb, async (tables) => {
      const models = `pulled${run++}.ts`
      const [fromDb, toDb] = [await scratchDatabase(server, 'pull_from'), await scratchDatabase(server, 'pull_to')]
      try {
        await adminQuery(fromDb.url, ddl(tables))
        const from = await schemaAt(fromDb.url)
        const config = parseConfig({ settings: { command: 'pull', models }, env: {}, cwd: dir })
        const pulled = await pull(config, silentLog, { source: { database: fromDb.url } })
        await (await loadModelSource(parseConfig({ settings: { command: 'check', models }, env: {}, cwd: dir }))).build(toDb.url)
        assert.deepEqual(await schemaAt(toDb.url), from, pulled.text)
      } finally {
        await Promise.all([fromDb.drop(), toDb.drop()])
      }
    }), { numRuns: 25, seed: 20241202 })
  })
})
