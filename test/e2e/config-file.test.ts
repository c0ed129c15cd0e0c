// A project that keeps its settings in db-migrate.config.ts, with a template file in its migrations folder.
import assert from 'node:assert/strict'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { adminQuery, scratchDatabase, testServers } from '../helpers/postgres.js'
import { copyFixture } from '../helpers/project.js'
import { runAction, runCli } from '../helpers/runner.js'

const servers = await testServers()
const tablesOf = async (url: string) =>
  (await adminQuery(url, `select table_name from information_schema.tables where table_schema = 'public' order by 1`)).rows.map((r) => r.table_name)

for (const server of servers) {
  describe(`db-migrate.config.ts (${server.label})`, () => {
    it('takes its settings from the config file and leaves the template alone', async () => {
      const db = await scratchDatabase(server)
      try {
        const dir = copyFixture('config-file')
        const up = await runCli(['upgrade', 'head', '--database-url', db.url], { cwd: dir })
        assert.equal(up.code, 0, up.stderr)
        assert.match(up.stdout, /Current revision: 20240102000000_add_note_tag\n$/)
        assert.deepEqual(await tablesOf(db.url), ['note', 'schema_log'])
        const status = await runCli(['status', '--json', '--database-url', db.url], { cwd: dir })
        assert.equal(status.code, 0, status.stderr)
        assert.deepEqual(JSON.parse(status.stdout).pending, [])
        assert.doesNotMatch(status.stdout, /sample/)
      } finally {
        await db.drop()
      }
    })

    it('lets a flag and the environment win over the file, and names the file for a bad value', async () => {
      const db = await scratchDatabase(server)
      try {
        const dir = copyFixture('config-file')
        const flag = await runCli(['upgrade', '+1', '--history-table', 'from_flag', '--database-url', db.url], { cwd: dir })
        assert.equal(flag.code, 0, flag.stderr)
        const env = await runCli(['upgrade', 'head', '--database-url', db.url], { cwd: dir, env: { DB_MIGRATE_HISTORY_TABLE: 'from_flag' } })
        assert.equal(env.code, 0, env.stderr)
        assert.match(env.stdout, /Applied 1 migration:\n {2}20240102000000_add_note_tag/)
        assert.deepEqual(await tablesOf(db.url), ['from_flag', 'note'])

        writeFileSync(join(dir, 'db-migrate.config.ts'), `export default { migrations: 'db/migrations', lockTimeout: 'soon' }\n`)
        const bad = await runCli(['status', '--database-url', db.url], { cwd: dir })
        assert.equal(bad.code, 2)
        assert.equal(bad.stderr, `db-migrate: db-migrate.config.ts lockTimeout 'soon' is not a duration: use e.g. 500ms, 5s or 2min\n`)
        writeFileSync(join(dir, 'db-migrate.config.ts'), `export default { migrationFolder: 'db' }\n`)
        const unknown = await runCli(['status', '--database-url', db.url], { cwd: dir })
        assert.equal(unknown.code, 2)
        assert.match(unknown.stderr, /^db-migrate: db-migrate\.config\.ts sets 'migrationFolder', which is not a setting: use one of migrations, /)
      } finally {
        await db.drop()
      }
    })

    it('is read by the action too, with the ignore setting as an input', async () => {
      const db = await scratchDatabase(server)
      try {
        const dir = copyFixture('config-file')
        const run = await runAction({ cwd: dir, inputs: { 'database-url': db.url, 'migrations-ignore': 'none', migrations: '' } })
        assert.equal(run.code, 0, run.stdout)
        assert.equal(run.outputs['current-revision'], 'migration.sample')
        assert.deepEqual(await tablesOf(db.url), ['from_the_template', 'note', 'schema_log'])
      } finally {
        await db.drop()
      }
    })
  })
}
