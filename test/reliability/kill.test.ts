// A run that dies in the middle of a long migration: killed with SIGKILL or SIGINT, or its connection cut by the server.
import assert from 'node:assert/strict'
import { it } from 'node:test'
import { runCli } from '../helpers/runner.js'
import { advisoryLocks, applied, backendsRunning, eachServer, oneErrorLine, rows, snapshot, startCli, tables, until, type Database } from './support.js'
import { project, type Project } from '../helpers/project.js'

const third = 'migrations/20250103000000_create_invoice.sql'
const done = ['20250101000000_create_ledger', '20250102000000_create_account']
const sleeping = 'pg_sleep\\(30\\)'

/** Starts `upgrade head` and returns once Postgres runs the third migration's pg_sleep(30) for it. */
async function upgradeStuckInThird(p: Project, db: Database) {
  const run = startCli(['upgrade', 'head'], { cwd: p.dir, env: { DATABASE_URL: db.url } })
  await until('the migration to reach pg_sleep', async () => {
    if (run.child.exitCode !== null) assert.fail(`the run ended early: ${(await run.done).stderr}`)
    return (await backendsRunning(db.url, sleeping)).length > 0
  })
  return run
}

/**
 * The dead run's session is gone and no advisory lock is left within a few seconds: the server notices the closed
 * socket while the statement still runs (it would otherwise hold the lock, and the migration's locks, for 30 s).
 */
async function lockReleased(db: Database): Promise<void> {
  await until('the dead run\'s statement to end', async () => (await backendsRunning(db.url, sleeping)).length === 0, 5_000)
  await until('the advisory lock to be released', async () => (await advisoryLocks(db.url)) === 0, 5_000)
}

/** The third migration's file with its pg_sleep removed, so the next run is quick. */
function wakeUp(p: Project): void {
  p.write(third, p.read(third).replace('SELECT pg_sleep(30);\n', ''))
}

eachServer('a run killed halfway', (database) => {
  for (const signal of ['SIGKILL', 'SIGINT'] as const) {
    it(`${signal} during a transactional migration: nothing of it stays, the lock is freed at once, the next run succeeds`, async () => {
      const db = await database()
      const p = project('reliability-chain')
      p.write(third, `CREATE TABLE invoice (id integer PRIMARY KEY);\nINSERT INTO ledger (step) VALUES ('create_invoice');\nSELECT pg_sleep(30);\n`)
      const run = await upgradeStuckInThird(p, db)
      run.child.kill(signal)
      const result = await run.done
      assert.ok(result.code !== 0, 'the run did not report success')
      await lockReleased(db)
      assert.deepEqual((await snapshot(db.url)).history, done.map((n) => `${n} applied`))
      assert.ok(!(await tables(db.url)).includes('public.invoice'))

      wakeUp(p)
      const next = await runCli(['upgrade', 'head', '--lock-wait', '5s'], { cwd: p.dir, env: { DATABASE_URL: db.url } })
      assert.equal(next.code, 0, next.stderr)
      assert.equal((await applied(db.url)).length, 5)
      assert.deepEqual((await rows<{ n: string }>(db.url, `SELECT count(*) AS n FROM ledger WHERE step = 'create_invoice'`))[0]!.n, '1')
    })
  }

  it('the connection cut by the server (pg_terminate_backend): the run fails with one line, nothing stays, the next run succeeds', async () => {
    const db = await database()
    const p = project('reliability-chain')
    p.write(third, `CREATE TABLE invoice (id integer PRIMARY KEY);\nSELECT pg_sleep(30);\n`)
    const run = await upgradeStuckInThird(p, db)
    for (const pid of await backendsRunning(db.url, sleeping)) await rows(db.url, 'SELECT pg_terminate_backend($1)', [pid])
    const result = await run.done
    assert.equal(result.code, 2, result.stderr)
    assert.match(oneErrorLine(result.stderr), /20250103000000_create_invoice/)
    await lockReleased(db)
    assert.deepEqual((await snapshot(db.url)).history, done.map((n) => `${n} applied`))
    assert.ok(!(await tables(db.url)).includes('public.invoice'))

    wakeUp(p)
    const next = await runCli(['upgrade', 'head', '--lock-wait', '5s'], { cwd: p.dir, env: { DATABASE_URL: db.url } })
    assert.equal(next.code, 0, next.stderr)
    assert.equal((await applied(db.url)).length, 5)
  })

  it('kill -9 during a migration without a transaction: the next run stops and names it, status shows it, resolve settles it', async () => {
    const db = await database()
    const p = project('reliability-chain')
    p.write(third, `-- db-migrate: no-transaction\nCREATE TABLE invoice (id integer PRIMARY KEY);\nSELECT pg_sleep(30);\n`)
    const run = await upgradeStuckInThird(p, db)
    run.child.kill('SIGKILL')
    await run.done
    await lockReleased(db)
    assert.ok((await tables(db.url)).includes('public.invoice'), 'its first statement committed on its own')
    const before = await snapshot(db.url)

    wakeUp(p)
    const next = await runCli(['upgrade', 'head'], { cwd: p.dir, env: { DATABASE_URL: db.url } })
    assert.equal(next.code, 2, next.stderr)
    const error = oneErrorLine(next.stderr)
    assert.match(error, /20250103000000_create_invoice/)
    assert.match(error, /db-migrate resolve/)
    assert.deepEqual(await snapshot(db.url), before, 'neither retried nor skipped')

    const status = await runCli(['status'], { cwd: p.dir, env: { DATABASE_URL: db.url } })
    assert.match(status.stdout, /^ {2}20250103000000_create_invoice .*RUNNING$/m)
    assert.match(status.stdout, /Problems:\n {2}migration 20250103000000_create_invoice was being applied without a transaction and needs attention.*db-migrate resolve 20250103000000_create_invoice --applied/)
    const statusJson = await runCli(['status', '--json'], { cwd: p.dir, env: { DATABASE_URL: db.url } })
    const entry = JSON.parse(statusJson.stdout).applied.find((m: { name: string }) => m.name === '20250103000000_create_invoice')
    assert.equal(entry?.state, 'running')

    const resolved = await runCli(['resolve', '20250103000000_create_invoice', '--applied'], { cwd: p.dir, env: { DATABASE_URL: db.url } })
    assert.equal(resolved.code, 0, resolved.stderr)
    const after = await runCli(['upgrade', 'head', '--json'], { cwd: p.dir, env: { DATABASE_URL: db.url } })
    assert.equal(after.code, 0, after.stderr)
    assert.deepEqual(JSON.parse(after.stdout).applied.map((s: { name: string }) => s.name), ['20250104000000_create_payment', '20250105000000_create_refund'])
  })
})
