// No deploy to nowhere: commands that act on a database need one named, or a throwaway server asked for.
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { adminQuery, scratchDatabase, testServers } from '../helpers/postgres.js'
import { copyFixture } from '../helpers/project.js'
import { runAction, runCli } from '../helpers/runner.js'

const servers = await testServers()
const need = (command: string, setting: string, embedded: string) =>
  `${command} needs a database, and none is set: set ${setting}, DATABASE_URL or DB_HOST/DB_PORT/DB_NAME/DB_USER/DB_PASS (an empty secret counts as unset); for a throwaway PostgreSQL, ask for it with ${embedded}`

describe('no database named', () => {
  it('the CLI refuses upgrade, downgrade, stamp, resolve, status, current, history, heads and show without starting a server', async () => {
    const dir = copyFixture('e2e-blog')
    for (const args of [['upgrade'], ['downgrade', 'base'], ['stamp', 'head'], ['resolve', '20240301', '--applied'], ['status'], ['current'], ['history'], ['heads'], ['show', 'head'], ['upgrade', '--database-url', '']]) {
      const run = await runCli(args, { cwd: dir })
      assert.equal(run.code, 2, args.join(' '))
      assert.equal(run.stderr, `db-migrate: ${need(args[0]!, '--database-url', '--embedded')}\n`)
      assert.equal(run.stdout, '')
    }
  })

  it('the action with an empty database-url secret fails, names the input, and starts nothing', async () => {
    const dir = copyFixture('e2e-blog')
    const run = await runAction({ cwd: dir, inputs: { command: 'upgrade', 'database-url': '' } })
    assert.equal(run.code, 1)
    assert.match(run.stdout, new RegExp(`::error::${need('upgrade', "input 'database-url'", "input 'database-url' set to embedded").replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}`))
    assert.equal(run.outputs['database-url'], undefined)
    assert.match(run.summary, /### ❌ db-migrate upgrade failed/)
    assert.doesNotMatch(run.stdout, /started on|running on a throwaway/)
  })

  it('refuses --embedded together with a named database', async () => {
    const run = await runCli(['status', '--embedded', '--database-url', 'postgresql://u:s3cret@127.0.0.1:1/x'], { cwd: copyFixture('e2e-blog') })
    assert.equal(run.code, 2)
    assert.equal(run.stderr, 'db-migrate: --embedded asks for a throwaway server, but --database-url names a database: drop one of them\n')
  })

  it('status --embedded runs on a throwaway server and says so', async () => {
    const run = await runCli(['status', '--embedded'], { cwd: copyFixture('e2e-blog') })
    assert.equal(run.code, 0, run.stderr)
    assert.match(run.stderr, /running on a throwaway PostgreSQL [\d.]+ started on 127\.0\.0\.1:\d+ \(asked for with embedded\), not on a deployed database/)
  })
})

for (const server of servers) {
  describe(`DATABASE_URL and DB_* both set (${server.label})`, () => {
    it('DATABASE_URL wins and the DB_* parts are not read', async () => {
      const db = await scratchDatabase(server)
      try {
        const dir = copyFixture('e2e-blog')
        const env = { DATABASE_URL: db.url, DB_HOST: '127.0.0.1', DB_PORT: '1', DB_NAME: 'elsewhere', DB_USER: 'nobody', DB_PASS: 'x' }
        const run = await runCli(['upgrade', 'head'], { cwd: dir, env })
        assert.equal(run.code, 0, run.stderr)
        const rows = await adminQuery(db.url, 'select count(*)::int as n from db_migrate_history')
        assert.equal(rows.rows[0].n, 2)
      } finally {
        await db.drop()
      }
    })
  })
}
