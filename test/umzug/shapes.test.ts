// Real Umzug projects, one per shape of migration seen in the wild, run unchanged: first by Umzug itself (the
// reference: each statement autocommits), then by db-migrate's CLI on another database; both must end in the same
// schema and data. Then status, downgrade base (back to empty) and upgrade head again.
import assert from 'node:assert/strict'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { after, describe, it } from 'node:test'
import { pathToFileURL } from 'node:url'
import pg from 'pg'
import { Sequelize } from 'sequelize'
import { memoryStorage, SequelizeStorage, Umzug, type MigrationParams } from 'umzug'
import { introspect } from '../../src/introspect/introspect.js'
import { adminQuery, scratchDatabase, testServers, type TestServer } from '../helpers/postgres.js'
import { linkPackages } from '../helpers/packages.js'
import { copyFixture } from '../helpers/project.js'
import { runAction, runCli } from '../helpers/runner.js'

interface Shape {
  readonly fixture: string
  /** What the project's own Umzug setup passes as context. */
  readonly context: 'pg' | 'sequelize'
  readonly head: string
}

const shapes: Shape[] = [
  { fixture: 'umzug-pg-cjs', context: 'pg', head: '2024.01.02T00.00.00.create-book' },
  { fixture: 'umzug-sequelize-esm', context: 'sequelize', head: '20240102000000-seed-and-index' },
  { fixture: 'umzug-sequelize-cjs', context: 'sequelize', head: '20240102000000-add-color' },
  { fixture: 'umzug-sequelize-ts', context: 'sequelize', head: '2024.03.02T00.00.00.create-line' },
  { fixture: 'umzug-sequelize-destructure', context: 'sequelize', head: '002-note-pinned' },
  { fixture: 'umzug-catch', context: 'sequelize', head: '20240101000000-init' },
  { fixture: 'umzug-own-transaction', context: 'sequelize', head: '20240102000000-create-transfer' },
]

const servers = await testServers()
const history = [{ schema: 'public', name: 'db_migrate_history' }, { schema: 'public', name: 'SequelizeMeta' }]

/** A copy of the fixture with its packages installed the way npm would leave them. */
function project(shape: Shape): string {
  const dir = copyFixture(shape.fixture)
  linkPackages(dir, shape.context === 'pg' ? ['pg', 'umzug'] : ['sequelize', 'pg', 'umzug'])
  return dir
}

/** Loads a migration as the project's Umzug would: require for CommonJS, import for ES modules and (via tsx) TypeScript. */
async function load(path: string): Promise<{ up: (p: unknown) => unknown; down: (p: unknown) => unknown }> {
  const manifest = join(dirname(dirname(path)), 'package.json')
  const esm = existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { type?: string }).type === 'module'
  if (path.endsWith('.cjs') || (path.endsWith('.js') && !esm)) return createRequire(path)(path)
  return import(pathToFileURL(path).href)
}

/** Runs the project's migrations with Umzug 3 on `url`, as the project's own deploy did. */
async function umzugUp(dir: string, shape: Shape, url: string): Promise<void> {
  const resolve = ({ name, path, context }: MigrationParams<unknown>) => ({
    name,
    up: async () => (await load(path!)).up({ name, path, context }),
    down: async () => (await load(path!)).down({ name, path, context }),
  })
  const migrations = { glob: ['migrations/*.{js,cjs,ts}', { cwd: dir }] as [string, { cwd: string }], resolve }
  if (shape.context === 'pg') {
    const client = new pg.Client({ connectionString: url })
    await client.connect()
    try {
      await new Umzug({ migrations, context: client, storage: memoryStorage(), logger: undefined }).up()
    } finally {
      await client.end()
    }
    return
  }
  const sequelize = new Sequelize(url, { logging: false, pool: { max: 1 } })
  try {
    await new Umzug({ migrations, context: sequelize.getQueryInterface(), storage: new SequelizeStorage({ sequelize }), logger: undefined }).up()
  } finally {
    await sequelize.close()
  }
}

/** The schema without either tool's history table, and every row of every table. */
async function state(url: string) {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const schema = await introspect(client, { exclude: history })
    const data: Record<string, unknown> = {}
    for (const table of schema.tables) {
      const { rows } = await client.query(`SELECT coalesce(json_agg(row_to_json(t)::text ORDER BY row_to_json(t)::text), '[]') AS rows FROM "${table.name}" t`)
      data[table.name] = rows[0].rows
    }
    return { schema, data }
  }
  finally {
    await client.end()
  }
}

async function database(server: TestServer): Promise<string> {
  const db = await scratchDatabase(server, 'umzug')
  after(() => db.drop())
  return db.url
}

for (const server of servers) {
  describe(`Umzug projects run unchanged (${server.label})`, () => {
    for (const shape of shapes) {
      it(`${shape.fixture}: the same schema and data as under Umzug; status, downgrade base, upgrade head`, async () => {
        const dir = project(shape)
        const [reference, url] = [await database(server), await database(server)]
        await umzugUp(dir, shape, reference)
        const expected = await state(reference)
        assert.ok(expected.schema.tables.length > 0)

        const up = await runCli(['upgrade', 'head', '--database-url', url], { cwd: dir })
        assert.equal(up.code, 0, up.stdout + up.stderr)
        assert.deepEqual(await state(url), expected)

        const status = await runCli(['status', '--database-url', url], { cwd: dir })
        assert.equal(status.code, 0, status.stdout + status.stderr)
        assert.match(status.stdout, new RegExp(`Current revision: ${shape.head.replace(/\./g, '\\.')}`))

        const down = await runCli(['downgrade', 'base', '--database-url', url], { cwd: dir })
        assert.equal(down.code, 0, down.stdout + down.stderr)
        const empty = await state(url)
        assert.deepEqual({ tables: empty.schema.tables, enums: empty.schema.enums }, { tables: [], enums: [] })

        const again = await runCli(['upgrade', 'head', '--database-url', url], { cwd: dir })
        assert.equal(again.code, 0, again.stdout + again.stderr)
        assert.deepEqual(await state(url), expected)
      })
    }

    it('a Sequelize migration that fails after bulkInsert and createTable: all of it rolls back with its history row', async () => {
      const dir = project(shapes[1]!)
      const url = await database(server)
      assert.equal((await runCli(['upgrade', 'head', '--database-url', url], { cwd: dir })).code, 0)
      const before = await state(url)
      writeFileSync(join(dir, 'migrations', '20240103000000-broken.js'), `export const up = async ({ context: queryInterface }) => {
  await queryInterface.bulkInsert('users', [{ email: 'eve@example.com', active: true, createdAt: new Date() }])
  await queryInterface.createTable('audit', { id: { type: 'INTEGER', primaryKey: true } })
  await queryInterface.sequelize.query('SELECT no_such_column FROM users')
}
export const down = async () => {}
`)
      const run = await runCli(['upgrade', 'head', '--database-url', url], { cwd: dir })
      assert.equal(run.code, 2, run.stdout + run.stderr)
      assert.match(run.stderr, /migrations\/20240103000000-broken\.js:4: column "no_such_column" does not exist/)
      assert.deepEqual(await state(url), before)
      const names = await adminQuery(url, 'SELECT name FROM db_migrate_history ORDER BY name')
      assert.deepEqual(names.rows.map((r) => r.name), ['20240101000000-create-user', '20240102000000-seed-and-index'])
    })

    it('a project that depends on sequelize without having it installed: one line saying so, database untouched', async () => {
      const dir = copyFixture('umzug-sequelize-esm')
      const url = await database(server)
      const run = await runCli(['upgrade', 'head', '--database-url', url], { cwd: dir })
      assert.equal(run.code, 2, run.stdout + run.stderr)
      assert.equal(run.stderr.trim().split('\n').length, 1, run.stderr)
      assert.match(run.stderr, /package\.json depends on sequelize, but sequelize is not installed in the project: run npm install/)
      const tables = await adminQuery(url, `SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'`)
      assert.equal(tables.rows[0].n, 0)
    })

    it('--context pg gives a Sequelize project the pg client', async () => {
      const dir = project(shapes[1]!)
      const url = await database(server)
      writeFileSync(join(dir, 'migrations', '20240101000000-create-user.js'), `export const up = async ({ context, client }) => {
  if (context !== client) throw new Error('context is not the client')
  await context.query('CREATE TABLE users (id integer)')
}
`)
      const run = await runCli(['upgrade', '20240101', '--context', 'pg', '--database-url', url], { cwd: dir })
      assert.equal(run.code, 0, run.stdout + run.stderr)
    })

    it('the action runs a TypeScript Sequelize project as Umzug does', async () => {
      const shape = shapes[3]!
      const dir = project(shape)
      const [reference, url] = [await database(server), await database(server)]
      await umzugUp(dir, shape, reference)
      const run = await runAction({ cwd: dir, inputs: { command: 'upgrade', 'database-url': url } })
      assert.equal(run.code, 0, run.stdout + run.stderr)
      assert.equal(run.outputs['current-revision'], shape.head)
      assert.deepEqual(await state(url), await state(reference))
    })
  })
}
