// Passwords of database URLs shown nowhere: not in stdout, stderr, the job summary, outputs or error messages,
// whether the run succeeds or fails, whichever way the password was given.
import assert from 'node:assert/strict'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { it } from 'node:test'
import { runAction, runCli, type ProcessResult } from '../helpers/runner.js'
import { assertHidden, eachServer, type Database } from './support.js'
import { project } from '../helpers/project.js'

// A password that needs percent-encoding in a URL, so that neither its plain nor its encoded form may show
// (the plain Sup3r-S3cret-Pw is checked by every other file of this folder).
const secret = 'S3cret/P@ss:w%rd#1'

function withSecret(url: string, secret: string, change: (u: URL) => void = () => {}): string {
  const u = new URL(url)
  u.password = encodeURIComponent(secret)
  change(u)
  return u.toString()
}

const models = `import { table, integer, serial, text } from 'db-migrate-action'
export const ledger = table('ledger', { id: serial().primaryKey(), step: text().notNull().unique() })
export const account = table('account', { id: integer().primaryKey() })
export const invoice = table('invoice', { id: integer().primaryKey() })
export const payment = table('payment', { id: integer().primaryKey() })
export const refund = table('refund', { id: integer().primaryKey() })
`

eachServer('secrets', (database) => {
  it('CLI: upgrade, status, downgrade and check, --json and text, succeeding and failing', async () => {
    const db: Database = await database()
    const p = project('reliability-chain')
    mkdirSync(join(p.dir, 'src'))
    p.write('src/models.ts', models)
    const url = withSecret(db.url, secret)
    const shadow = withSecret(db.url, secret, (u) => { u.pathname = '/postgres' })
    const runs: ProcessResult[] = []
    const cli = async (args: string[], env: NodeJS.ProcessEnv = { DATABASE_URL: url }) => {
      const r = await runCli(args, { cwd: p.dir, env })
      runs.push(r)
      return r
    }
    assert.equal((await cli(['upgrade', '+2', '--json'])).code, 0, runs.at(-1)!.stderr)
    assert.equal((await cli(['status', '--json'])).code, 0)
    assert.equal((await cli(['status'])).code, 0)
    assert.equal((await cli(['check', '--shadow-database-url', shadow])).code, 0, runs.at(-1)!.stdout + runs.at(-1)!.stderr)
    assert.equal((await cli(['check', '--json', '--shadow-database-url', shadow])).code, 0)
    assert.equal((await cli(['upgrade', '--dry-run'])).code, 0)
    assert.equal((await cli(['upgrade', '--json'])).code, 0)
    assert.equal((await cli(['downgrade', '-1', '--json'])).code, 0)
    const u = new URL(db.url)
    p.write('.env', `DB_HOST=${u.hostname}\nDB_PORT=${u.port}\nDB_NAME=${u.pathname.slice(1)}\nDB_USER=${u.username}\nDB_PASS=${secret}\n`)
    assert.equal((await cli(['status', '--json'], {})).code, 0, runs.at(-1)!.stderr)
    // Failures: the password must not ride along in the error either.
    assert.equal((await cli(['status', '--connect-timeout', '1s', '--database-url', withSecret(db.url, secret, (x) => { x.port = '1' })])).code, 2)
    assert.equal((await cli(['status', '--database-url', withSecret(db.url, secret, (x) => { x.pathname = '/no_such_database' })])).code, 2)
    assert.equal((await cli(['upgrade', '--json', '--database-url', withSecret(db.url, secret, (x) => { x.pathname = '/no_such_database' })])).code, 2)
    assert.equal((await cli(['status', '--connect-timeout', '1s'], { DB_HOST: '127.0.0.1', DB_PORT: '1', DB_NAME: 'x', DB_USER: 'postgres', DB_PASS: secret })).code, 2)
    assert.equal((await cli(['check', '--connect-timeout', '1s', '--shadow-database-url', withSecret(db.url, secret, (x) => { x.port = '1' })])).code, 2)
    p.write('migrations/20250104000000_create_payment.sql', `CREATE TABLE payment (id integer);\nSELECT no_such_function('${'x'}');\n`)
    assert.equal((await cli(['upgrade'])).code, 2)
    for (const r of runs) assertHidden(secret, r.stdout, r.stderr)
  })

  it('action: upgrade, status, check and a failing upgrade show it nowhere', async () => {
    const db = await database()
    const p = project('reliability-chain')
    mkdirSync(join(p.dir, 'src'))
    p.write('src/models.ts', models)
    const url = withSecret(db.url, secret)
    const shadow = withSecret(db.url, secret, (u) => { u.pathname = '/postgres' })
    const upgrade = await runAction({ cwd: p.dir, inputs: { command: 'upgrade', revision: '+2', 'database-url': url } })
    assert.equal(upgrade.code, 0, upgrade.stdout)
    assert.ok(upgrade.summary.length > 0, 'the summary was written')
    const status = await runAction({ cwd: p.dir, inputs: { command: 'status', 'database-url': url } })
    assert.equal(status.code, 0, status.stdout)
    const check = await runAction({ cwd: p.dir, inputs: { command: 'check', 'database-url': url, 'shadow-database-url': shadow } })
    assert.equal(check.code, 0, check.stdout)
    const fromEnv = await runAction({ cwd: p.dir, inputs: { command: 'status' }, env: { DATABASE_URL: url } })
    assert.equal(fromEnv.code, 0, fromEnv.stdout)
    p.write('migrations/20250103000000_create_invoice.sql', 'SELECT no_such_function();\n')
    const failing = await runAction({ cwd: p.dir, inputs: { command: 'upgrade', 'database-url': url } })
    assert.equal(failing.code, 1)
    const unreachable = await runAction({ cwd: p.dir, inputs: { command: 'status', 'database-url': withSecret(db.url, secret, (x) => { x.port = '1' }), 'connect-timeout': '1s' } })
    assert.equal(unreachable.code, 1)
    for (const run of [upgrade, status, check, fromEnv, failing, unreachable]) assertHidden(secret, run.everything)
  })

  it('a password given as a query parameter (?password=, ?sslpassword=) is hidden too', async () => {
    const db = await database()
    const p = project('reliability-chain')
    const inQuery = (change: (u: URL) => void, parameter = 'password') => {
      const u = new URL(db.url)
      change(u)
      u.searchParams.set(parameter, secret)
      return u.toString()
    }
    const runs = [
      await runCli(['status', '--json', '--database-url', inQuery(() => {})], { cwd: p.dir }),
      await runCli(['status', '--connect-timeout', '1s', '--database-url', inQuery((u) => { u.port = '1' })], { cwd: p.dir }),
      await runCli(['status', '--database-url', inQuery((u) => { u.pathname = '/no_such_database' })], { cwd: p.dir }),
      await runCli(['status', '--connect-timeout', '1s', '--database-url', inQuery((u) => { u.port = '1' }, 'sslpassword')], { cwd: p.dir }),
    ]
    assert.equal(runs[0]!.code, 0, runs[0]!.stderr)
    const action = await runAction({ cwd: p.dir, inputs: { command: 'status', 'database-url': inQuery((u) => { u.port = '1' }), 'connect-timeout': '1s' } })
    assert.equal(action.code, 1)
    for (const r of runs) assertHidden(secret, r.stdout, r.stderr)
    assertHidden(secret, action.everything)
  })
}, { concurrency: 2 })
