// Flags checked before anything runs: the dotenv flag Node cannot take, and durations within PostgreSQL's limits.
import assert from 'node:assert/strict'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { duration } from '../../src/config/config.js'
import { adminQuery, scratchDatabase, testServers } from '../helpers/postgres.js'
import { copyFixture } from '../helpers/project.js'
import { runAction, runCli } from '../helpers/runner.js'

const [server] = await testServers()

describe('--dotenv', () => {
  it('is our own flag: a missing file is our one-line error and exit 2, never Node\'s exit 9', async () => {
    const dir = copyFixture('e2e-blog')
    const run = await runCli(['status', '--dotenv', '.env.ci'], { cwd: dir })
    assert.equal(run.code, 2)
    assert.equal(run.stderr, 'db-migrate: --dotenv .env.ci does not exist: create it or point --dotenv at your .env\n')
  })

  it('reads the file it names, and --env-file (which Node takes first) is refused pointing at --dotenv', async () => {
    const db = await scratchDatabase(server!)
    try {
      const dir = copyFixture('e2e-blog')
      writeFileSync(join(dir, '.env.ci'), `DATABASE_URL=${db.url}\n`)
      const run = await runCli(['upgrade', 'head', '--dotenv', '.env.ci'], { cwd: dir })
      assert.equal(run.code, 0, run.stderr)
      assert.equal((await adminQuery(db.url, 'select count(*)::int as n from db_migrate_history')).rows[0].n, 2)
      const node = await runCli(['status', '--env-file', '.env.ci'], { cwd: dir })
      assert.equal(node.code, 2)
      assert.match(node.stderr, /^db-migrate: --env-file is read by Node itself .*: use --dotenv <file>\n$/)
      const help = await runCli(['--help'], { cwd: dir })
      assert.match(help.stdout, /--dotenv <file>/)
    } finally {
      await db.drop()
    }
  })
})

describe('durations', () => {
  it('are refused before anything runs when PostgreSQL could not take them or they have no unit, naming the flag', async () => {
    const db = await scratchDatabase(server!)
    try {
      const dir = copyFixture('e2e-blog')
      for (const [flag, value, message] of [
        ['--lock-timeout', '1000h', "--lock-timeout '1000h' is longer than PostgreSQL allows (2147483647 ms, about 24 days): use a shorter one, or 0 for no limit"],
        ['--statement-timeout', '1000h', "--statement-timeout '1000h' is longer than PostgreSQL allows (2147483647 ms, about 24 days): use a shorter one, or 0 for no limit"],
        ['--lock-wait', '30', "--lock-wait '30' has no unit: write 30ms, 30s or 30min"],
        ['--connect-timeout', '0.1ms', "--connect-timeout '0.1ms' rounds to 0 ms, which means no limit: use at least 1ms, or write 0 for no limit"],
      ] as const) {
        for (const args of [['upgrade', '--dry-run'], ['upgrade']]) {
          const run = await runCli([...args, flag, value, '--database-url', db.url], { cwd: dir })
          assert.equal(run.code, 2, `${flag} ${value}`)
          assert.equal(run.stderr, `db-migrate: ${message}\n`)
        }
      }
      const action = await runAction({ cwd: dir, inputs: { 'database-url': db.url, 'statement-timeout': '5' } })
      assert.equal(action.code, 1)
      assert.match(action.stdout, /::error::input 'statement-timeout' '5' has no unit/)
      assert.equal((await adminQuery(db.url, `select to_regclass('db_migrate_history') is null as untouched`)).rows[0].untouched, true)
    } finally {
      await db.drop()
    }
  })

  it('take units up to the limit, and 0 for no limit', () => {
    assert.equal(duration('0', 'x'), 0)
    assert.equal(duration('24d', 'x'), 24 * 86_400_000)
    assert.equal(duration('2147483647ms', 'x'), 2_147_483_647)
    assert.equal(duration('1.5s', 'x'), 1500)
  })
})
