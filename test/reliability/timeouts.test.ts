// Bounded waits: a migration stuck behind another session's lock, a statement that runs too long, a concurrent run
// that holds the migration lock. Each fails after its configured time with a message that says which wait ran out.
import assert from 'node:assert/strict'
import { after, it } from 'node:test'
import pg from 'pg'
import { adminQuery } from '../helpers/postgres.js'
import { runAction, runCli } from '../helpers/runner.js'
import { annotations, assertNoSecret, backendsRunning, eachServer, migrateTo, oneErrorLine, snapshot, startCli, until, type Database } from './support.js'
import { project } from '../helpers/project.js'

const invoice = 'migrations/20250103000000_create_invoice.sql'

/** Another session holding ACCESS EXCLUSIVE on `table` in an open transaction until the test ends. */
/** Holds an ACCESS EXCLUSIVE lock on `table` until the returned release (or the end of the file). */
async function holdLock(db: Database, table: string): Promise<() => Promise<void>> {
  const client = new pg.Client({ connectionString: db.url })
  // dropping the scratch database may end this session first
  client.on('error', () => {})
  await client.connect()
  await client.query('BEGIN')
  await client.query(`LOCK TABLE ${table} IN ACCESS EXCLUSIVE MODE`)
  let released = false
  const release = async () => {
    if (released) return
    released = true
    await client.query('ROLLBACK').catch(() => {})
    await client.end().catch(() => {})
  }
  after(release)
  return release
}

eachServer('timeouts', (database) => {
  it('--lock-timeout: a migration blocked by another session fails after the timeout, nothing applied', async () => {
    const db = await database()
    const p = project('reliability-chain')
    await migrateTo(p, db.url, '20250102')
    await holdLock(db, 'ledger')
    const before = await snapshot(db.url)
    const started = Date.now()
    const run = await runCli(['upgrade', '--lock-timeout', '500ms'], { cwd: p.dir, env: { DATABASE_URL: db.secretUrl } })
    const took = Date.now() - started
    assert.equal(run.code, 2, run.stderr)
    assert.ok(took < 5_000, `took ${took} ms`)
    const error = oneErrorLine(run.stderr)
    assert.match(error, /lock timeout/)
    assert.match(error, /20250103000000_create_invoice/)
    assert.match(error, /raise --lock-timeout/)
    assert.deepEqual(await snapshot(db.url), before)
    assertNoSecret(run.stdout, run.stderr)
  })

  it('--lock-timeout and --statement-timeout hold for every migration of a run, not only the first', async () => {
    const db = await database()
    const p = project('reliability-chain')
    await adminQuery(db.url, 'CREATE TABLE audit_log (id integer)')
    await holdLock(db, 'audit_log')
    p.write(invoice, 'CREATE TABLE invoice (id integer PRIMARY KEY);\nINSERT INTO audit_log VALUES (1);\n')
    p.write('migrations/20250102000000_create_account.sql', "CREATE TABLE account (id integer PRIMARY KEY);\nINSERT INTO ledger (step) VALUES ('create_account');\nSET lock_timeout = 0;\n")
    const started = Date.now()
    const run = await runCli(['upgrade', '--lock-timeout', '500ms', '--statement-timeout', '5s'], { cwd: p.dir, env: { DATABASE_URL: db.url } })
    assert.ok(Date.now() - started < 5_000, `took ${Date.now() - started} ms`)
    assert.equal(run.code, 2, run.stderr)
    assert.match(oneErrorLine(run.stderr), /20250103000000_create_invoice.*lock timeout/)
    assert.deepEqual((await snapshot(db.url)).history, ['20250101000000_create_ledger applied', '20250102000000_create_account applied'])
  })

  it('action: lock-timeout fails the step with an annotation on the migration', async () => {
    const db = await database()
    const p = project('reliability-chain')
    await migrateTo(p, db.url, '20250102')
    await holdLock(db, 'ledger')
    const before = await snapshot(db.url)
    const run = await runAction({ cwd: p.dir, inputs: { 'database-url': db.secretUrl, 'lock-timeout': '500ms' } })
    assert.equal(run.code, 1)
    assert.ok(annotations(run.stdout).some((line) => line.includes(`file=${invoice}`) && /lock timeout/.test(line)), run.stdout)
    assert.deepEqual(await snapshot(db.url), before)
    assertNoSecret(run.everything)
  })

  it('--statement-timeout: a statement running too long fails after the timeout, nothing of its migration stays', async () => {
    const db = await database()
    const p = project('reliability-chain')
    await migrateTo(p, db.url, '20250102')
    p.write(invoice, `CREATE TABLE invoice (id integer PRIMARY KEY);\nSELECT pg_sleep(20);\n`)
    const before = await snapshot(db.url)
    const started = Date.now()
    const run = await runCli(['upgrade', '--statement-timeout', '500ms'], { cwd: p.dir, env: { DATABASE_URL: db.url } })
    assert.ok(Date.now() - started < 5_000)
    assert.equal(run.code, 2, run.stderr)
    const error = oneErrorLine(run.stderr)
    assert.match(error, /statement timeout/)
    assert.match(error, /SELECT pg_sleep\(20\)/)
    assert.match(error, /raise --statement-timeout/)
    assert.deepEqual(await snapshot(db.url), before)
  })

  it('--lock-wait: a run waiting for a concurrent run gives up after the wait, and the other run finishes', async () => {
    const db = await database()
    const p = project('reliability-chain')
    p.write(invoice, `CREATE TABLE invoice (id integer PRIMARY KEY);\nSELECT pg_sleep(3);\n`)
    const first = startCli(['upgrade'], { cwd: p.dir, env: { DATABASE_URL: db.url } })
    await until('the first run to reach pg_sleep', async () => (await backendsRunning(db.url, 'pg_sleep\\(3\\)')).length > 0)
    const started = Date.now()
    const second = await runCli(['upgrade', '--lock-wait', '1s'], { cwd: p.dir, env: { DATABASE_URL: db.url } })
    assert.ok(Date.now() - started < 2_900, 'gave up before the first run ended')
    assert.equal(second.code, 2, second.stderr)
    assert.match(oneErrorLine(second.stderr), /lock-wait/)
    const done = await first.done
    assert.equal(done.code, 0, done.stderr)
    assert.equal((await snapshot(db.url)).history.length, 5)
  })

  for (const command of ['upgrade', 'status'] as const) {
    it(`${command} --lock-wait 1s while another session holds the history table: gives up in bounded time, naming the table`, async () => {
      const db = await database()
      const p = project('reliability-chain')
      await migrateTo(p, db.url, '20250101')
      const release = await holdLock(db, 'db_migrate_history')
      const run = startCli([command, '--lock-wait', '1s'], { cwd: p.dir, env: { DATABASE_URL: db.url } })
      const result = await Promise.race([run.done, new Promise<null>((resolve) => setTimeout(() => resolve(null), 6_000))])
      if (result === null) {
        run.child.kill('SIGKILL')
        assert.fail(`${command} still waiting after 6 s`)
      }
      assert.equal(result.code, 2, result.stderr)
      const error = oneErrorLine(result.stderr)
      assert.match(error, /db_migrate_history/)
      assert.match(error, /lock/)
      await release()
      assert.deepEqual((await snapshot(db.url)).history, ['20250101000000_create_ledger applied'])
    })
  }
})
