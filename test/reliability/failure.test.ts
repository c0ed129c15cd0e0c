// A migration that fails halfway through its statements, third in a chain of five.
import assert from 'node:assert/strict'
import { it } from 'node:test'
import { runAction, runCli } from '../helpers/runner.js'
import { annotations, applied, assertNoSecret, eachServer, migrateTo, oneErrorLine, rows, snapshot, tables } from './support.js'
import { project } from '../helpers/project.js'

const third = 'migrations/20250103000000_create_invoice.sql'
const broken = `CREATE TABLE invoice (id integer PRIMARY KEY);
INSERT INTO ledger (step) VALUES ('create_invoice');
INSERT INTO invoice (id) VALUES (1);
SELECT id FROM no_such_table;
`

eachServer('a migration failing in the middle of a chain', (database) => {
  it('CLI: earlier ones stay, it and later ones do not, the error names file, statement and cause; a fixed rerun continues', async () => {
    const db = await database()
    const p = project('reliability-chain')
    p.write(third, broken)
    const env = { DATABASE_URL: db.secretUrl }
    const failed = await runCli(['upgrade', 'head'], { cwd: p.dir, env })
    assert.equal(failed.code, 2)
    const error = oneErrorLine(failed.stderr)
    assert.match(error, /20250103000000_create_invoice/)
    assert.match(error, /migrations\/20250103000000_create_invoice\.sql:4/)
    assert.match(error, /SELECT id FROM no_such_table/)
    assert.match(error, /relation "no_such_table" does not exist/)
    assertNoSecret(failed.stdout, failed.stderr)

    assert.deepEqual(await applied(db.url), ['20250101000000_create_ledger', '20250102000000_create_account'])
    assert.deepEqual((await snapshot(db.url)).history, ['20250101000000_create_ledger applied', '20250102000000_create_account applied'], 'no row of the failed one, in any state')
    const present = await tables(db.url)
    assert.ok(!present.includes('public.invoice'), 'its table is rolled back')
    assert.ok(!present.includes('public.payment') && !present.includes('public.refund'))
    assert.deepEqual((await rows<{ step: string }>(db.url, 'SELECT step FROM ledger ORDER BY id')).map((r) => r.step), ['create_ledger', 'create_account'], 'its row is rolled back')

    p.write(third, broken.replace('SELECT id FROM no_such_table;\n', ''))
    const rerun = await runCli(['upgrade', 'head', '--json'], { cwd: p.dir, env })
    assert.equal(rerun.code, 0, rerun.stderr)
    assert.deepEqual(JSON.parse(rerun.stdout).applied.map((s: { name: string }) => s.name), ['20250103000000_create_invoice', '20250104000000_create_payment', '20250105000000_create_refund'])
    assert.deepEqual((await rows<{ id: number }>(db.url, 'SELECT id FROM invoice')).map((r) => r.id), [1])
    assertNoSecret(rerun.stdout, rerun.stderr)
  })

  it('action: an error annotation on the file and line, with the statement and the cause', async () => {
    const db = await database()
    const p = project('reliability-chain')
    p.write(third, broken)
    const run = await runAction({ cwd: p.dir, inputs: { command: 'upgrade', 'database-url': db.secretUrl } })
    assert.equal(run.code, 1)
    const located = annotations(run.stdout).filter((line) => line.startsWith('::error ') && line.includes(`file=${third},line=4::`))
    assert.equal(located.length, 1, run.stdout)
    assert.match(located[0]!, /SELECT id FROM no_such_table/)
    assert.match(located[0]!, /relation "no_such_table" does not exist/)
    assertNoSecret(run.everything)
    assert.deepEqual(await applied(db.url), ['20250101000000_create_ledger', '20250102000000_create_account'])
    assert.ok(!(await tables(db.url)).includes('public.invoice'))
  })

  it('action: after the failure, the outputs and the job summary say where the run stopped', async () => {
    const db = await database()
    const p = project('reliability-chain')
    p.write(third, broken)
    const run = await runAction({ cwd: p.dir, inputs: { command: 'upgrade', 'database-url': db.url } })
    assert.equal(run.code, 1)
    assert.equal(run.outputs['current-revision'], '20250102000000_create_account')
    assert.deepEqual(JSON.parse(run.outputs.applied ?? '[]'), ['20250101000000_create_ledger', '20250102000000_create_account'])
    assert.match(run.summary, /no_such_table/)
    // the message names the migration and its file in code style, never bare
    const message = run.summary.split('\n')[2]!
    assert.match(message, /`migrations\/20250103000000_create_invoice\.sql`/)
    assert.doesNotMatch(message.replace(/`[^`]*`/g, ''), /20250103000000_create_invoice/)
  })

  it('action: the failure is shown as one error, not once per reporter', async () => {
    const db = await database()
    const p = project('reliability-chain')
    p.write(third, broken)
    const run = await runAction({ cwd: p.dir, inputs: { command: 'upgrade', 'database-url': db.url } })
    assert.equal(annotations(run.stdout).length, 1, run.stdout)
  })

  it('a down migration failing halfway through a downgrade: later ones stay reverted, it stays applied, nothing of it is undone', async () => {
    const db = await database()
    const p = project('reliability-chain')
    await migrateTo(p, db.url, 'head')
    p.write('migrations/20250103000000_create_invoice.down.sql', "DROP TABLE invoice;\nDELETE FROM ledger WHERE step = 'create_invoice';\nSELECT id FROM no_such_table;\n")
    const run = await runCli(['downgrade', 'base'], { cwd: p.dir, env: { DATABASE_URL: db.url } })
    assert.equal(run.code, 2, run.stderr)
    const error = oneErrorLine(run.stderr)
    assert.match(error, /20250103000000_create_invoice \(down\) failed at migrations\/20250103000000_create_invoice\.down\.sql:3/)
    assert.match(error, /relation "no_such_table" does not exist/)
    assert.deepEqual(await applied(db.url), ['20250101000000_create_ledger', '20250102000000_create_account', '20250103000000_create_invoice'])
    assert.ok((await tables(db.url)).includes('public.invoice'), 'its DROP TABLE was rolled back')
    assert.deepEqual((await rows<{ step: string }>(db.url, 'SELECT step FROM ledger ORDER BY id')).map((r) => r.step), ['create_ledger', 'create_account', 'create_invoice'])
  })

  it('a migration without a transaction that fails halfway: its committed part stays, the run and the next one say it needs attention', async () => {
    const db = await database()
    const p = project('reliability-chain')
    p.write(third, '-- db-migrate: no-transaction\nCREATE TABLE invoice (id integer PRIMARY KEY);\nSELECT id FROM no_such_table;\n')
    const run = await runCli(['upgrade'], { cwd: p.dir, env: { DATABASE_URL: db.url } })
    assert.equal(run.code, 2)
    assert.match(oneErrorLine(run.stderr), /20250103000000_create_invoice/)
    assert.ok((await tables(db.url)).includes('public.invoice'))
    p.write(third, '-- db-migrate: no-transaction\nCREATE TABLE IF NOT EXISTS invoice (id integer PRIMARY KEY);\n')
    const before = await snapshot(db.url)
    const next = await runCli(['upgrade'], { cwd: p.dir, env: { DATABASE_URL: db.url } })
    assert.equal(next.code, 2, next.stdout)
    const error = oneErrorLine(next.stderr)
    assert.match(error, /20250103000000_create_invoice/)
    assert.match(error, /db-migrate resolve/)
    assert.deepEqual(await snapshot(db.url), before, 'neither retried nor skipped')
  })

  it('a TypeScript migration that commits the transaction itself and then fails: its COMMIT does not end the run\'s transaction, so nothing of it stays', async () => {
    const db = await database()
    const p = project('reliability-chain')
    p.remove(third)
    p.remove('migrations/20250103000000_create_invoice.down.sql')
    p.write('migrations/20250103000000_create_invoice.ts', `export async function up({ client }: any): Promise<void> {
  await client.query('CREATE TABLE invoice (id integer PRIMARY KEY)')
  await client.query('COMMIT')
  throw new Error('failed after its own COMMIT')
}
export async function down(): Promise<void> {}
`)
    const run = await runCli(['upgrade'], { cwd: p.dir, env: { DATABASE_URL: db.url } })
    assert.equal(run.code, 2)
    const error = oneErrorLine(run.stderr)
    assert.match(error, /migrations\/20250103000000_create_invoice\.ts:4: failed after its own COMMIT/)
    const state = await snapshot(db.url)
    assert.ok(!(await tables(db.url)).includes('public.invoice'), 'its CREATE TABLE was rolled back')
    assert.ok(!state.history.some((h) => h.startsWith('20250103000000_create_invoice')), state.history.join(', '))
    const next = await runCli(['upgrade'], { cwd: p.dir, env: { DATABASE_URL: db.url } })
    assert.equal(next.code, 2)
    assert.match(oneErrorLine(next.stderr), /failed after its own COMMIT/, 'the next run tries it again')
    assert.deepEqual(await snapshot(db.url), state)
  })

  it('a TypeScript migration whose failing query was not awaited: one line naming it, exit 2, nothing of it stays', async () => {
    const db = await database()
    const p = project('reliability-chain')
    p.remove(third)
    p.remove('migrations/20250103000000_create_invoice.down.sql')
    p.write('migrations/20250103000000_create_invoice.ts', `export async function up({ client }: any): Promise<void> {
  await client.query('CREATE TABLE invoice (id integer PRIMARY KEY)')
  client.query('SELECT id FROM no_such_table')
}
export async function down(): Promise<void> {}
`)
    const run = await runCli(['upgrade'], { cwd: p.dir, env: { DATABASE_URL: db.url } })
    assert.equal(run.code, 2, run.stderr)
    const error = oneErrorLine(run.stderr)
    assert.match(error, /20250103000000_create_invoice/)
    assert.match(error, /relation "no_such_table" does not exist/)
    assert.ok(!/^\s+at /m.test(run.stderr), 'no stack trace')
    assert.deepEqual(await applied(db.url), ['20250101000000_create_ledger', '20250102000000_create_account'])
    assert.ok(!(await tables(db.url)).includes('public.invoice'))
  })

  it('a TypeScript migration that calls process.exit(0) halfway: the run does not report success', async () => {
    const db = await database()
    const p = project('reliability-chain')
    p.remove(third)
    p.remove('migrations/20250103000000_create_invoice.down.sql')
    p.write('migrations/20250103000000_create_invoice.ts', `export async function up({ client }: any): Promise<void> {
  await client.query('CREATE TABLE invoice (id integer PRIMARY KEY)')
  process.exit(0)
}
export async function down(): Promise<void> {}
`)
    const run = await runCli(['upgrade'], { cwd: p.dir, env: { DATABASE_URL: db.url } })
    assert.deepEqual(await applied(db.url), ['20250101000000_create_ledger', '20250102000000_create_account'])
    assert.equal(run.code, 2, 'a run that applied nothing of its target reports failure')
    assert.match(oneErrorLine(run.stderr), /migration 20250103000000_create_invoice ended the process \(exit 0\) while it ran/)
  })
})
