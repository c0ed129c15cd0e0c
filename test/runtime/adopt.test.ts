// Adopting a database migrated another way: Umzug's own history (the real umzug and sequelize packages), and a
// schema restored from a dump, stamped.
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { Sequelize } from 'sequelize'
import { SequelizeStorage, Umzug } from 'umzug'
import { adminQuery, scratchDatabase, testServers, type TestServer } from '../helpers/postgres.js'
import { copyFixture } from '../helpers/project.js'
import { runAction, runCli } from '../helpers/runner.js'

const servers = await testServers()
const names = ['20240101000000_create_account', '20240102000000_add_account_name', '20240103000000_create_invoice']

const tablesOf = async (url: string) =>
  (await adminQuery(url, `select table_name from information_schema.tables where table_schema = 'public' order by 1`)).rows.map((r) => r.table_name)

/** Migrates with Umzug itself, as the project did before switching, up to `to` (a file name, with its extension). */
async function migrateWithUmzug(dir: string, url: string, to: string, storage: { tableName?: string; columnName?: string } = {}) {
  const sequelize = new Sequelize(url, { logging: false })
  try {
    const umzug = new Umzug({
      migrations: { glob: ['migrations/*.cjs', { cwd: dir }] },
      context: sequelize.getQueryInterface(),
      storage: new SequelizeStorage({ sequelize, ...storage }),
      logger: undefined,
    })
    await umzug.up({ to })
  } finally {
    await sequelize.close()
  }
}

async function withDatabase(server: TestServer, fn: (url: string) => Promise<void>) {
  const db = await scratchDatabase(server)
  try {
    await fn(db.url)
  } finally {
    await db.drop()
  }
}

for (const server of servers) {
  describe(`adopting an Umzug database (${server.label})`, () => {
    it('continues at the next pending migration, the dry run included', () => withDatabase(server, async (url) => {
      const dir = copyFixture('umzug-adopt')
      await migrateWithUmzug(dir, url, `${names[1]}.cjs`)
      const dry = await runCli(['upgrade', 'head', '--dry-run', '--database-url', url], { cwd: dir })
      assert.equal(dry.code, 0, dry.stderr)
      assert.ok(dry.stdout.startsWith(`Dry run: would apply 1 migration:\n  ${names[2]}\n`), dry.stdout)
      assert.match(dry.stdout, new RegExp(`\\nCurrent revision: ${names[1]}\\nPending: ${names[2]}\\n$`))
      assert.match(dry.stderr, /would import 2 migration\(s\) Umzug recorded in "public"\."SequelizeMeta"/)
      assert.deepEqual(await tablesOf(url), ['SequelizeMeta', 'account'])

      const up = await runCli(['upgrade', 'head', '--database-url', url], { cwd: dir })
      assert.equal(up.code, 0, up.stderr)
      assert.match(up.stdout, new RegExp(`^Applied 1 migration:\\n {2}${names[2]} `))
      assert.match(up.stderr, /imported 2 migration\(s\) Umzug recorded/)
      const status = JSON.parse((await runCli(['status', '--json', '--database-url', url], { cwd: dir })).stdout)
      assert.deepEqual(status.applied.map((a: { name: string }) => a.name), names)
      assert.deepEqual(status.pending, [])
    }))

    it('reads a custom Umzug storage table and column, in the action too', () => withDatabase(server, async (url) => {
      const dir = copyFixture('umzug-adopt')
      await migrateWithUmzug(dir, url, `${names[0]}.cjs`, { tableName: 'umzug_log', columnName: 'migration' })
      const run = await runAction({ cwd: dir, inputs: { 'database-url': url, 'umzug-table': 'umzug_log', 'umzug-column': 'migration' } })
      assert.equal(run.code, 0, run.stdout)
      assert.deepEqual(JSON.parse(run.outputs.applied!), names.slice(1))
      assert.equal(run.outputs['current-revision'], names[2])
    }))

    it('refuses an Umzug history that names a file it cannot find, recording nothing', () => withDatabase(server, async (url) => {
      const dir = copyFixture('umzug-adopt')
      await migrateWithUmzug(dir, url, `${names[1]}.cjs`)
      await adminQuery(url, `insert into "SequelizeMeta" (name) values ('20231231000000_gone.js')`)
      const up = await runCli(['upgrade', 'head', '--database-url', url], { cwd: dir })
      assert.equal(up.code, 2)
      assert.match(up.stderr, /^db-migrate: Umzug's history "public"\."SequelizeMeta" records 20231231000000_gone\.js, which no file in the migrations folder matches: .*nothing was recorded\n$/)
      assert.deepEqual(await tablesOf(url), ['SequelizeMeta', 'account'])
    }))
  })
}

const pgBin = execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim()
const serverMajor = async (url: string) => Number((await adminQuery(url, 'show server_version_num')).rows[0].server_version_num) / 10000 | 0
const pgDumpMajor = Number(/(\d+)/.exec(execFileSync(join(pgBin, 'pg_dump'), ['--version'], { encoding: 'utf8' }))![1])

for (const server of servers) {
  describe(`stamp (${server.label})`, () => {
    it('records a database restored from a dump as migrated, without running anything', async (t) => {
      if ((await serverMajor(server.url)) > pgDumpMajor) return t.skip(`pg_dump ${pgDumpMajor} cannot dump this server`)
      const source = await scratchDatabase(server)
      const target = await scratchDatabase(server)
      try {
        const dir = copyFixture('umzug-adopt')
        assert.equal((await runCli(['upgrade', 'head', '--database-url', source.url], { cwd: dir })).code, 0)
        const dump = execFileSync(join(pgBin, 'pg_dump'), ['--schema-only', '--no-owner', '-T', 'db_migrate_history', source.url], { encoding: 'utf8' })
        execFileSync(join(pgBin, 'psql'), ['-q', '-v', 'ON_ERROR_STOP=1', target.url], { input: dump })

        const dry = await runCli(['stamp', names[1]!.slice(0, 10), '--dry-run', '--database-url', target.url], { cwd: dir })
        assert.equal(dry.code, 0, dry.stderr)
        assert.equal(dry.stdout, `Dry run: would stamp 2 migrations as applied (not run):\n  ${names[0]}\n  ${names[1]}\nCurrent revision: base\n`)
        assert.deepEqual(await tablesOf(target.url), ['account', 'invoice'])

        const unknown = await runCli(['stamp', '20990101', '--database-url', target.url], { cwd: dir })
        assert.equal(unknown.code, 2)
        assert.match(unknown.stderr, /^db-migrate: .*20990101/)
        assert.deepEqual(await tablesOf(target.url), ['account', 'invoice'])

        const stamped = await runCli(['stamp', 'head', '--database-url', target.url], { cwd: dir })
        assert.equal(stamped.code, 0, stamped.stderr)
        assert.equal(stamped.stdout, `Stamped 3 migrations as applied (not run):\n  ${names.join('\n  ')}\nCurrent revision: ${names[2]}\n`)
        const up = await runCli(['upgrade', 'head', '--database-url', target.url], { cwd: dir })
        assert.equal(up.code, 0, up.stderr)
        assert.equal(up.stdout, `Nothing to apply: the database is at ${names[2]}.\nCurrent revision: ${names[2]}\n`)
        const again = await runAction({ cwd: dir, inputs: { command: 'stamp', revision: 'head', 'database-url': target.url } })
        assert.equal(again.code, 0, again.stdout)
        assert.equal(again.outputs['current-revision'], names[2])
        assert.match(again.summary, /### ✅ db-migrate stamp/)
      } finally {
        await source.drop()
        await target.drop()
      }
    })
  })
}
