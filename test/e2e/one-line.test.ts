// One line per fact: what a command did is said once, on stdout; stderr carries only progress a person waits on.
import assert from 'node:assert/strict'
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, describe, it } from 'node:test'
import { scratchDatabase, testServers } from '../helpers/postgres.js'
import { copyFixture } from '../helpers/project.js'
import { runCli } from '../helpers/runner.js'

const [server] = await testServers()
const user = '20240301090000_create_user'
const post = '20240302090000_create_post'

describe('one line per fact', () => {
  it('init and revision print what they wrote once, on stdout, and nothing on stderr', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'db-migrate-one-line-'))
    after(() => rmSync(dir, { recursive: true, force: true }))
    const init = await runCli(['init'], { cwd: dir })
    assert.equal(init.code, 0, init.stderr)
    assert.equal(init.stderr, '')
    assert.match(init.stdout, /^created migrations\/\d{14}_create_user_and_post\.sql\n/)
    assert.equal(init.stdout.match(/create_user_and_post\.sql/g)?.length, 1)
    const again = await runCli(['init'], { cwd: dir })
    assert.equal(again.stderr, '')
    assert.equal(again.stdout.match(/\.env\.example/g)?.length, 1)
    const revision = await runCli(['revision', '-m', 'add email'], { cwd: dir })
    assert.equal(revision.code, 0, revision.stderr)
    assert.equal(revision.stderr, '')
    assert.match(revision.stdout, /^Wrote migrations\/\d{14}_add_email\.sql and migrations\/\d{14}_add_email\.down\.sql\n$/)
  })

  it('upgrade, stamp, resolve and status: the result once; stderr only says which migration is running', async () => {
    const db = await scratchDatabase(server!)
    try {
      const dir = copyFixture('e2e-blog')
      const cli = (...args: string[]) => runCli([...args, '--database-url', db.url], { cwd: dir })
      const upgrade = await cli('upgrade', '+1')
      assert.equal(upgrade.code, 0, upgrade.stderr)
      assert.equal(upgrade.stderr, `applying ${user}\n`)
      assert.equal(upgrade.stdout.match(new RegExp(user, 'g'))?.length, 2, upgrade.stdout) // the applied row and the current revision
      const nothing = await cli('upgrade', '+0')
      assert.equal(nothing.stderr, '')
      assert.equal(nothing.stdout, `Nothing to apply: the database is at ${user}.\nCurrent revision: ${user}\nPending: ${post}\n`)
      const stamp = await cli('stamp', 'head')
      assert.equal(stamp.stderr, '')
      assert.match(stamp.stdout, /^Stamped 1 migration as applied/)
      const resolve = await cli('resolve', post, '--rolled-back')
      assert.equal(resolve.stderr, '')
      assert.equal(resolve.stdout, `${post}: recorded as rolled-back\n`)
      appendFileSync(join(dir, 'migrations', `${user}.sql`), '\n-- edited\n')
      const status = await cli('status')
      assert.equal(status.code, 0, status.stderr)
      assert.equal(status.stderr, '')
      assert.equal(`${status.stdout}`.match(/changed after it was applied/g)?.length, 1, status.stdout)
    } finally {
      await db.drop()
    }
  })

  it('check says once that the models match; stderr only says how much it replayed', async () => {
    const dir = copyFixture('e2e-blog')
    const check = await runCli(['check', '--shadow-database-url', server!.url, '--no-cache'], { cwd: dir })
    assert.equal(check.code, 0, check.stderr)
    assert.equal(check.stderr, 'Replayed 2 migrations, from an empty database.\n')
    assert.equal(check.stdout, 'OK: the models match the 2 migrations.\n')
  })
})
