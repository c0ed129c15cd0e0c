// Bad input of every kind: one line that says what is wrong, a non-zero exit, the database as it was, no password.
import assert from 'node:assert/strict'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { after, it } from 'node:test'
import { adminQuery } from '../helpers/postgres.js'
import { runAction, runCli } from '../helpers/runner.js'
import { annotations, assertNoSecret, eachServer, migrateTo, oneErrorLine, password, rows, snapshot, type Database } from './support.js'
import { project, type Project } from '../helpers/project.js'

interface Case {
  readonly name: string
  /** Edits the project (or the server) before the run; returns extra arguments. */
  readonly prepare?: (p: Project, db: Database) => Promise<string[] | void> | string[] | void
  readonly args: (db: Database) => string[]
  readonly error: RegExp[]
  /** Upper bound on the run's wall time. */
  readonly withinMs?: number
}

/** `url` with its user, host, port or database replaced; the password stays. */
function variant(url: string, change: (u: URL) => void): string {
  const u = new URL(url)
  change(u)
  return u.toString()
}

const urlFlag = (db: Database) => ['--database-url', db.secretUrl]

const cases: Case[] = [
  { name: 'a malformed database URL', args: () => ['upgrade', '--database-url', `postgresql://postgres:${password}@127.0.0.1:notaport/db`], error: [/--database-url is not a valid URL/] },
  { name: 'a database URL of another scheme', args: () => ['upgrade', '--database-url', `mysql://postgres:${password}@127.0.0.1/db`], error: [/--database-url must start with postgresql:\/\//] },
  {
    name: 'an unreachable host, with a short connect timeout',
    args: (db) => ['upgrade', '--connect-timeout', '1s', '--database-url', variant(db.secretUrl, (u) => { u.hostname = '127.0.0.1'; u.port = '1' })],
    error: [/cannot connect to postgresql:\/\/postgres:\*\*\*@127\.0\.0\.1:1\//, /gave up after 1s/, /connect-timeout/],
    withinMs: 8_000,
  },
  { name: 'a role that does not exist', args: (db) => ['upgrade', '--database-url', variant(db.secretUrl, (u) => { u.username = 'no_such_role' })], error: [/authentication failed for postgresql:\/\/no_such_role:\*\*\*@/, /user and password/] },
  {
    name: 'a role that may not log in',
    prepare: async (_p, db) => {
      const role = `nologin_${db.name.replace(/\W/g, '')}`.slice(0, 60)
      await adminQuery(db.url, `CREATE ROLE "${role}" NOLOGIN`)
      after(() => adminQuery(db.url, `DROP ROLE IF EXISTS "${role}"`).catch(() => {}))
      return ['--database-url', variant(db.secretUrl, (u) => { u.username = role })]
    },
    args: () => ['upgrade'],
    error: [/authentication failed for postgresql:\/\/nologin_\w+:\*\*\*@/],
  },
  { name: 'a database that does not exist', args: (db) => ['upgrade', '--database-url', variant(db.secretUrl, (u) => { u.pathname = '/no_such_database' })], error: [/database does not exist at .*\/no_such_database: create it first/] },
  { name: 'an unknown revision', args: (db) => ['upgrade', 'nope', ...urlFlag(db)], error: [/unknown revision 'nope'/, /20250105000000_create_refund/] },
  { name: 'an ambiguous revision', args: (db) => ['upgrade', '2025010', ...urlFlag(db)], error: [/revision '2025010' is ambiguous/, /give more of the name/] },
  { name: '+5 past head', args: (db) => ['upgrade', '+5', ...urlFlag(db)], error: [/cannot upgrade \+5/, /use head/] },
  { name: '-5 past base', args: (db) => ['downgrade', '-5', ...urlFlag(db)], error: [/cannot downgrade -5/, /use base/] },
  { name: 'a missing migrations folder', args: (db) => ['upgrade', '--migrations', 'nothere', ...urlFlag(db)], error: [/migrations folder nothere does not exist/] },
  {
    name: 'a migration with a SQL syntax error',
    prepare: (p) => p.write('migrations/20250103000000_create_invoice.sql', 'CREATE TABLEE invoice (id integer);\n'),
    args: (db) => ['upgrade', ...urlFlag(db)],
    error: [/migrations\/20250103000000_create_invoice\.sql:1/, /syntax error at or near "TABLEE"/],
  },
  {
    name: 'a TypeScript migration that does not compile',
    prepare: (p) => {
      p.remove('migrations/20250103000000_create_invoice.sql')
      p.remove('migrations/20250103000000_create_invoice.down.sql')
      p.write('migrations/20250103000000_create_invoice.ts', 'export async function up({ client }: any): Promise<void> {\n  await client.query("CREATE TABLE invoice (id integer)"\n}\n')
    },
    args: (db) => ['upgrade', ...urlFlag(db)],
    error: [/migrations\/20250103000000_create_invoice\.ts could not be loaded/, /\(3:1\)/],
  },
  {
    name: 'a TypeScript migration that throws after its first statement',
    prepare: (p) => {
      p.remove('migrations/20250103000000_create_invoice.sql')
      p.remove('migrations/20250103000000_create_invoice.down.sql')
      p.write('migrations/20250103000000_create_invoice.ts', 'export async function up({ client }: any): Promise<void> {\n  await client.query("CREATE TABLE invoice (id integer)")\n  throw new Error("invoice numbering is not configured")\n}\n')
    },
    args: (db) => ['upgrade', ...urlFlag(db)],
    error: [/migration 20250103000000_create_invoice \(up\) failed at migrations\/20250103000000_create_invoice\.ts:3/, /invoice numbering is not configured/],
  },
  {
    name: 'a models file that does not load (check)',
    prepare: (p) => {
      mkdirSync(join(p.dir, 'src'), { recursive: true })
      p.write('src/models.ts', 'import { table, serial } from "db-migrate-action"\nexport const ledger = table("ledger", { id: serial().primaryKey() }\n')
    },
    args: (db) => ['check', '--shadow-database-url', variant(db.secretUrl, (u) => { u.pathname = '/postgres' })],
    error: [/models file src\/models\.ts does not compile/],
  },
  {
    name: 'a models file that references an unknown table (check)',
    prepare: (p) => {
      mkdirSync(join(p.dir, 'src'), { recursive: true })
      p.write('src/models.ts', 'import { table, serial, integer } from "db-migrate-action"\nexport const ledger = table("ledger", { id: serial().primaryKey(), ghostId: integer("ghost_id").references("ghost.id") })\n')
    },
    args: (db) => ['check', '--shadow-database-url', variant(db.secretUrl, (u) => { u.pathname = '/postgres' })],
    error: [/models file src\/models\.ts/, /references 'ghost\.id', but the models declare no table ghost/],
  },
  {
    name: 'a .env that does not parse',
    prepare: (p, db) => p.write('.env', `DATABASE_URL=${db.secretUrl}\nthis line is not a setting\n`),
    args: () => ['upgrade'],
    error: [/\.env line 2 is not KEY=value/],
  },
  {
    name: 'an empty migrations folder, with migrations applied',
    prepare: (p) => mkdirSync(join(p.dir, 'empty')),
    args: (db) => ['upgrade', '--migrations', 'empty', ...urlFlag(db)],
    error: [/migration 20250101000000_create_ledger is applied but its file is gone from empty/],
  },
  {
    name: 'a password with a malformed percent-escape',
    args: (db) => ['status', '--database-url', variant(db.secretUrl, (u) => { u.password = `${password}%zz` })],
    error: [/--database-url has a malformed %-escape in its password/, /%25/],
  },
  {
    name: 'a connection option the server rejects',
    args: (db) => ['status', '--connect-timeout', '30s', '--database-url', `${db.secretUrl}?options=-c%20statement_timeout%3Dabc`],
    error: [/invalid value for parameter "statement_timeout": "abc"/],
    // fails at once: well before the connect timeout would give up
    withinMs: 15_000,
  },
  {
    name: 'sslmode=require against a server without SSL',
    args: (db) => ['status', '--connect-timeout', '30s', '--database-url', `${db.secretUrl}?sslmode=require`],
    error: [/does not (support|accept) SSL/, /sslmode/],
    withinMs: 15_000,
  },
]

/** A database with the first two migrations applied, and a table `y` an injection would aim at. */
async function prepared(database: () => Promise<Database>, p: Project): Promise<Database> {
  const db = await database()
  await migrateTo(p, db.url, '20250102')
  await adminQuery(db.url, 'CREATE TABLE y (id integer)')
  return db
}

eachServer('bad input', (database, server) => {
  for (const c of cases) {
    it(`${c.name}: one line, exit 2, nothing changed, no password`, async () => {
      const p = project('reliability-chain')
      const db = await prepared(database, p)
      const extra = (await c.prepare?.(p, db)) ?? []
      const before = await snapshot(db.url)
      const started = Date.now()
      const run = await runCli([...c.args(db), ...extra], { cwd: p.dir })
      if (c.withinMs) assert.ok(Date.now() - started < c.withinMs, `took ${Date.now() - started} ms`)
      assert.equal(run.code, 2, `stdout:\n${run.stdout}\nstderr:\n${run.stderr}`)
      const error = oneErrorLine(run.stderr)
      for (const pattern of c.error) assert.match(error, pattern)
      assert.deepEqual(await snapshot(db.url), before)
      assertNoSecret(run.stdout, run.stderr)
    })
  }

  it('an empty migrations folder on a fresh database is an error, not a quiet success', async () => {
    const db = await database()
    const p = project('reliability-chain')
    mkdirSync(join(p.dir, 'empty'))
    const run = await runCli(['upgrade', '--migrations', 'empty'], { cwd: p.dir, env: { DATABASE_URL: db.url } })
    assert.equal(run.code, 2, run.stdout)
    assert.match(oneErrorLine(run.stderr), /migrations folder empty has no migrations/)
  })

  it('a migration that does not compile stops the run before the history table is created', async () => {
    const db = await database()
    const p = project('reliability-chain')
    p.write('migrations/20250101000000_create_ledger.ts', 'export async function up(: any) {}\n')
    p.remove('migrations/20250101000000_create_ledger.sql')
    p.remove('migrations/20250101000000_create_ledger.down.sql')
    const run = await runCli(['upgrade'], { cwd: p.dir, env: { DATABASE_URL: db.url } })
    assert.equal(run.code, 2)
    assert.match(oneErrorLine(run.stderr), /migrations\/20250101000000_create_ledger\.ts/)
    assert.deepEqual((await snapshot(db.url)).tables, [])
  })

  it('a user who may not create the history table: one line that names the table and what to do', async () => {
    const db = await database()
    const p = project('reliability-chain')
    const role = `plain_${db.name.slice(-12)}`
    await adminQuery(db.url, `CREATE ROLE "${role}" LOGIN`)
    after(() => adminQuery(db.url, `DROP ROLE IF EXISTS "${role}"`).catch(() => {}))
    await adminQuery(db.url, 'REVOKE CREATE ON SCHEMA public FROM PUBLIC')
    const run = await runCli(['upgrade', '--database-url', variant(db.secretUrl, (u) => { u.username = role })], { cwd: p.dir })
    assert.equal(run.code, 2)
    const error = oneErrorLine(run.stderr)
    assert.match(error, /permission denied/)
    assert.match(error, /db_migrate_history/)
    assert.match(error, /history-schema|GRANT/i)
    assert.deepEqual(await snapshot(db.url), { tables: [], history: [] })
    assertNoSecret(run.stdout, run.stderr)
  })

  it('a read-only database (a standby, or default_transaction_read_only): one line that says so', async () => {
    const db = await database()
    const p = project('reliability-chain')
    await adminQuery(server.url, `ALTER DATABASE "${db.name}" SET default_transaction_read_only = on`)
    const run = await runCli(['upgrade'], { cwd: p.dir, env: { DATABASE_URL: db.url } })
    await adminQuery(server.url, `ALTER DATABASE "${db.name}" RESET default_transaction_read_only`)
    assert.equal(run.code, 2)
    const error = oneErrorLine(run.stderr)
    assert.match(error, /read-only/)
    assert.match(error, /db_migrate_history|primary|writable/)
    assert.deepEqual(await snapshot(db.url), { tables: [], history: [] })
  })

  it('a history table whose name needs quoting works', async () => {
    const db = await database()
    const p = project('reliability-chain')
    const cli = (...args: string[]) => runCli([...args, '--history-table', 'my table'], { cwd: p.dir, env: { DATABASE_URL: db.url } })
    assert.equal((await cli('upgrade', '+2')).code, 0)
    const status = await cli('status', '--json')
    assert.equal(status.code, 0, status.stderr)
    assert.equal(JSON.parse(status.stdout).current, '20250102000000_create_account')
    assert.equal((await rows(db.url, 'SELECT name FROM public."my table"')).length, 2)
  })

  it('a history schema that tries to inject SQL is taken as a literal name; the table it aims at survives', async () => {
    const db = await database()
    const p = project('reliability-chain')
    await adminQuery(db.url, 'CREATE TABLE y (id integer)')
    const schema = 'x"; DROP TABLE y; --'
    const run = await runCli(['upgrade', '+1', '--history-schema', schema], { cwd: p.dir, env: { DATABASE_URL: db.url } })
    assert.ok(run.code === 0 || run.code === 2, run.stderr)
    if (run.code === 2) oneErrorLine(run.stderr)
    const tables = (await snapshot(db.url)).tables
    assert.ok(tables.includes('public.y'), 'table y survives')
    if (run.code === 0) assert.ok(tables.includes(`${schema}.db_migrate_history`), tables.join(', '))
    const quoteTable = await runCli(['upgrade', '--history-table', "t'); DROP TABLE y; --"], { cwd: p.dir, env: { DATABASE_URL: db.url } })
    assert.ok(quoteTable.code === 0 || quoteTable.code === 2, quoteTable.stderr)
    assert.ok((await snapshot(db.url)).tables.includes('public.y'), 'table y survives')
  })

  for (const [input, value, message] of [
    ['command', 'upgrad', /input 'command' 'upgrad' is unknown: did you mean upgrade\? use one of upgrade, downgrade/],
    ['dry-run', 'maybe', /input 'dry-run' 'maybe' is not a boolean: use true or false/],
    ['connect-timeout', 'soon', /input 'connect-timeout' 'soon' is not a duration/],
  ] as const) {
    it(`action: ${input}: ${value} is one ::error:: line, exit 1, nothing changed`, async () => {
      const p = project('reliability-chain')
      const db = await prepared(database, p)
      const before = await snapshot(db.url)
      const run = await runAction({ cwd: p.dir, inputs: { 'database-url': db.secretUrl, [input]: value } })
      assert.equal(run.code, 1)
      const errors = annotations(run.stdout)
      assert.equal(errors.length, 1, run.stdout)
      assert.match(errors[0]!, message)
      assert.deepEqual(await snapshot(db.url), before)
      assertNoSecret(run.everything)
    })
  }

  it('action: an unreachable database is one ::error:: line after the connect timeout', async () => {
    const p = project('reliability-chain')
    const db = await database()
    const started = Date.now()
    const run = await runAction({ cwd: p.dir, inputs: { 'database-url': variant(db.secretUrl, (u) => { u.port = '1' }), 'connect-timeout': '1s' } })
    assert.ok(Date.now() - started < 8_000)
    assert.equal(run.code, 1)
    const errors = annotations(run.stdout)
    assert.equal(errors.length, 1, run.stdout)
    assert.match(errors[0]!, /^::error::cannot connect to postgresql:\/\/postgres:\*\*\*@127\.0\.0\.1:1\/.*gave up after 1s/)
    assertNoSecret(run.everything)
  })
}, { concurrency: 4 })
