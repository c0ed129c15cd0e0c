// What promises to change nothing changes nothing: --dry-run, status and check leave the target database as it was,
// and check drops the scratch databases it builds.
import assert from 'node:assert/strict'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { after, it } from 'node:test'
import { adminQuery } from '../helpers/postgres.js'
import { runAction, runCli } from '../helpers/runner.js'
import { eachServer, migrateTo, rows, snapshot } from './support.js'
import { project } from '../helpers/project.js'

const models = `import { table, integer, serial, text } from 'db-migrate-action'
export const ledger = table('ledger', { id: serial().primaryKey(), step: text().notNull().unique() })
export const account = table('account', { id: integer().primaryKey() })
export const invoice = table('invoice', { id: integer().primaryKey(), total: integer() })
`

/** A role of this test alone that may create databases, so what it leaves behind can be told from others' work. */
async function creatorRole(serverUrl: string, name: string): Promise<string> {
  await adminQuery(serverUrl, `CREATE ROLE "${name}" LOGIN CREATEDB`)
  after(async () => {
    // check's snapshots, owned by the role, go first
    for (const db of await databasesOwnedBy(serverUrl, name)) await adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`).catch(() => {})
    await adminQuery(serverUrl, `DROP ROLE IF EXISTS "${name}"`).catch(() => {})
  })
  const url = new URL(serverUrl)
  url.username = name
  return url.toString()
}

async function databasesOwnedBy(serverUrl: string, role: string): Promise<string[]> {
  return (await rows<{ datname: string }>(serverUrl, 'SELECT datname FROM pg_database WHERE datdba = (SELECT oid FROM pg_roles WHERE rolname = $1)', [role])).map((r) => r.datname)
}

eachServer('runs that change nothing', (database, server) => {
  it('upgrade --dry-run and downgrade --dry-run on a fresh and on a half-migrated database', async () => {
    const db = await database()
    const p = project('reliability-chain')
    const cli = (...args: string[]) => runCli(args, { cwd: p.dir, env: { DATABASE_URL: db.url } })
    const fresh = await cli('upgrade', '--dry-run')
    assert.equal(fresh.code, 0, fresh.stderr)
    assert.match(fresh.stdout, /20250105000000_create_refund/)
    assert.deepEqual(await snapshot(db.url), { tables: [], history: [] }, 'not even the history table')
    await migrateTo(p, db.url, '20250103')
    const before = await snapshot(db.url)
    assert.equal((await cli('upgrade', '--dry-run')).code, 0)
    assert.equal((await cli('downgrade', 'base', '--dry-run')).code, 0)
    const action = await runAction({ cwd: p.dir, inputs: { 'database-url': db.url, 'dry-run': 'true' } })
    assert.equal(action.code, 0, action.stdout)
    assert.deepEqual(JSON.parse(action.outputs.pending!), ['20250104000000_create_payment', '20250105000000_create_refund'])
    assert.deepEqual(await snapshot(db.url), before)
  })

  it('check leaves the target database alone and drops its scratch databases, with drift and without', async () => {
    const db = await database()
    const p = project('reliability-chain')
    mkdirSync(join(p.dir, 'src'))
    p.write('src/models.ts', models)
    p.remove('migrations/20250104000000_create_payment.sql')
    p.remove('migrations/20250104000000_create_payment.down.sql')
    p.remove('migrations/20250105000000_create_refund.sql')
    p.remove('migrations/20250105000000_create_refund.down.sql')
    await migrateTo(p, db.url, '20250102')
    const before = await snapshot(db.url)
    const role = `reliability_check_${db.name.slice(-12)}`
    const shadow = await creatorRole(server.url, role)
    const drift = await runCli(['check', '--shadow-database-url', shadow], { cwd: p.dir, env: { DATABASE_URL: db.url } })
    assert.equal(drift.code, 1, drift.stderr)
    assert.match(drift.stdout, /total/)
    p.write('migrations/20250103000000_create_invoice.sql', 'CREATE TABLE invoice (id integer PRIMARY KEY, total integer);\nINSERT INTO ledger (step) VALUES (\'create_invoice\');\n')
    const clean = await runCli(['check', '--shadow-database-url', shadow], { cwd: p.dir, env: { DATABASE_URL: db.url } })
    assert.equal(clean.code, 0, clean.stdout + clean.stderr)
    assert.deepEqual(await snapshot(db.url), before)
    // what stays is check's snapshots of replayed heads and built models, and a spare copy, kept for the next run (README: check replays only what is new)
    const left = await databasesOwnedBy(server.url, role)
    assert.deepEqual(left.filter((name) => !/^db_migrate_(snap|models|spare)_[0-9a-f]{40}$/.test(name)), [], 'no scratch database left')
  })
}, { concurrency: 2 })
