// An applied migration edited, deleted or renamed, and a pending one older than the newest applied: the run stops
// before anything is applied and says which file and what to do.
import assert from 'node:assert/strict'
import { it } from 'node:test'
import { runAction, runCli } from '../helpers/runner.js'
import { annotations, eachServer, migrateTo, oneErrorLine, snapshot, type Database } from './support.js'
import { project, type Project } from '../helpers/project.js'

const invoice = 'migrations/20250103000000_create_invoice.sql'

/** A project with the first three migrations applied, and the two after them pending. */
async function halfway(database: () => Promise<Database>): Promise<{ db: Database; p: Project; cli: (...args: string[]) => ReturnType<typeof runCli> }> {
  const db = await database()
  const p = project('reliability-chain')
  const cli = (...args: string[]) => runCli(args, { cwd: p.dir, env: { DATABASE_URL: db.url } })
  await migrateTo(p, db.url, '20250103000000')
  return { db, p, cli }
}

/** Runs `upgrade head`, expects it to stop with one error line matching every pattern, and nothing to change. */
async function refused(db: Database, cli: (...args: string[]) => ReturnType<typeof runCli>, ...patterns: RegExp[]): Promise<string> {
  const before = await snapshot(db.url)
  const run = await cli('upgrade', 'head')
  assert.equal(run.code, 2, run.stderr)
  const error = oneErrorLine(run.stderr)
  for (const pattern of patterns) assert.match(error, pattern)
  const now = await snapshot(db.url)
  assert.deepEqual(now, before)
  assert.ok(!now.tables.includes('public.payment'), 'the pending migration did not run')
  return error
}

eachServer('an edited or missing history', (database) => {
  it('an applied migration edited since: stops, names the file and says what to do', async () => {
    const { db, p, cli } = await halfway(database)
    p.write(invoice, p.read(invoice).replace('PRIMARY KEY', 'PRIMARY KEY, total numeric'))
    await refused(db, cli, /migrations\/20250103000000_create_invoice\.sql changed after it was applied/, /new migration/, /db-migrate resolve 20250103000000_create_invoice --applied/)
  })

  it('an applied migration checked out with CRLF line endings (a Windows runner) is not an edit', async () => {
    const { db, p, cli } = await halfway(database)
    for (const name of ['20250101000000_create_ledger', '20250102000000_create_account', '20250103000000_create_invoice']) {
      const path = `migrations/${name}.sql`
      p.write(path, p.read(path).replace(/\n/g, '\r\n'))
    }
    const run = await cli('upgrade', 'head')
    assert.equal(run.code, 0, run.stderr)
    assert.equal((await snapshot(db.url)).history.length, 5)
  })

  it('an applied migration deleted: stops, names it and says what to do', async () => {
    const { db, p, cli } = await halfway(database)
    p.remove(invoice)
    p.remove('migrations/20250103000000_create_invoice.down.sql')
    await refused(db, cli, /migration 20250103000000_create_invoice is applied but its file is gone/, /restore it/, /db-migrate resolve 20250103000000_create_invoice --rolled-back/)
  })

  it('an applied migration renamed: stops, names the old name', async () => {
    const { db, p, cli } = await halfway(database)
    p.rename(invoice, 'migrations/20250103000000_create_invoices.sql')
    p.rename('migrations/20250103000000_create_invoice.down.sql', 'migrations/20250103000000_create_invoices.down.sql')
    await refused(db, cli, /20250103000000_create_invoice is applied but its file is gone/, /renamed/)
  })

  it('a pending migration older than the newest applied: stops, unless --allow-out-of-order', async () => {
    const { db, p, cli } = await halfway(database)
    p.write('migrations/20250102120000_create_audit.sql', 'CREATE TABLE audit (id integer);\n')
    await refused(db, cli, /migrations\/20250102120000_create_audit\.sql is pending but sorts before 20250103000000_create_invoice/, /allow-out-of-order/)
    const allowed = await cli('upgrade', 'head', '--allow-out-of-order', '--json')
    assert.equal(allowed.code, 0, allowed.stderr)
    assert.deepEqual(JSON.parse(allowed.stdout).applied.map((s: { name: string }) => s.name), ['20250102120000_create_audit', '20250104000000_create_payment', '20250105000000_create_refund'])
    assert.ok((await snapshot(db.url)).tables.includes('public.audit'))
  })

  it('action: an edited migration is one error annotation on that file', async () => {
    const { db, p } = await halfway(database)
    p.write(invoice, p.read(invoice).replace('PRIMARY KEY', 'PRIMARY KEY, total numeric'))
    const before = await snapshot(db.url)
    const run = await runAction({ cwd: p.dir, inputs: { command: 'upgrade', 'database-url': db.url } })
    assert.equal(run.code, 1)
    assert.ok(annotations(run.stdout).some((line) => line.includes(`file=${invoice}`) && line.includes('20250103000000_create_invoice')), run.stdout)
    assert.deepEqual(await snapshot(db.url), before)
  })

  it('a downgrade across a migration without a down file stops before reverting anything', async () => {
    const db = await database()
    const p = project('reliability-chain')
    p.remove('migrations/20250103000000_create_invoice.down.sql')
    await migrateTo(p, db.url, 'head')
    const before = await snapshot(db.url)
    const run = await runCli(['downgrade', 'base'], { cwd: p.dir, env: { DATABASE_URL: db.url } })
    assert.equal(run.code, 2, run.stderr)
    const error = oneErrorLine(run.stderr)
    assert.match(error, /20250103000000_create_invoice cannot be reverted: it has no down migration/)
    assert.match(error, /add 20250103000000_create_invoice\.down\.sql/)
    assert.deepEqual(await snapshot(db.url), before, 'refund and payment were not reverted either')
  })
}, { concurrency: 3 })
