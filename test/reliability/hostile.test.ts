// Hostile input a user can hand the tool by accident: odd files in the migrations folder, odd bytes in a file, a
// password that is a common word. Each says what is wrong in one line, or runs as psql would run it.
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, describe, it } from 'node:test'
import { runAction, runCli } from '../helpers/runner.js'
import { adminQuery } from '../helpers/postgres.js'
import { annotations, assertNoSecret, backendsRunning, eachServer, migrateTo, oneErrorLine, rows, snapshot, startCli, until } from './support.js'
import { project } from '../helpers/project.js'

const ledger = 'migrations/20250101000000_create_ledger'

eachServer('hostile input', (database) => {
  it('--migrations naming a file: one line naming the setting, exit 2, nothing touched', async () => {
    const db = await database()
    const p = project('reliability-chain')
    const run = await runCli(['upgrade', '--migrations', `${ledger}.sql`, '--database-url', db.url], { cwd: p.dir })
    assert.equal(run.code, 2, run.stderr)
    assert.match(oneErrorLine(run.stderr), /migrations setting \(--migrations\) names migrations\/20250101000000_create_ledger\.sql, which is a file/)
    assert.doesNotMatch(run.stderr, /ENOTDIR|scandir/)
    assert.deepEqual(await snapshot(db.url), { tables: [], history: [] })
  })

  it('a migration that is a symlink is applied and listed, wherever it points', async () => {
    const db = await database()
    const p = project('reliability-chain')
    mkdirSync(join(p.dir, 'elsewhere'))
    p.rename('migrations/20250105000000_create_refund.sql', 'elsewhere/refund.sql')
    symlinkSync(join(p.dir, 'elsewhere', 'refund.sql'), join(p.dir, 'migrations', '20250105000000_create_refund.sql'))
    p.write('migrations/20250106000000_create_tag.sql.real', 'CREATE TABLE tag (id integer);\n')
    symlinkSync('20250106000000_create_tag.sql.real', join(p.dir, 'migrations', '20250106000000_create_tag.sql'))
    const status = await runCli(['status', '--database-url', db.url], { cwd: p.dir })
    assert.match(status.stdout, /20250105000000_create_refund/)
    assert.match(status.stdout, /20250106000000_create_tag/)
    const run = await runCli(['upgrade', '--database-url', db.url], { cwd: p.dir })
    assert.equal(run.code, 0, run.stderr)
    const { tables } = await snapshot(db.url)
    assert.ok(tables.includes('public.refund') && tables.includes('public.tag'), tables.join(', '))
  })

  it('a dangling symlink among the migrations is refused in one line naming it', async () => {
    const db = await database()
    const p = project('reliability-chain')
    symlinkSync(join(p.dir, 'nowhere.sql'), join(p.dir, 'migrations', '20250106000000_create_tag.sql'))
    const run = await runCli(['upgrade', '--database-url', db.url], { cwd: p.dir })
    assert.equal(run.code, 2, run.stderr)
    assert.match(oneErrorLine(run.stderr), /migrations\/20250106000000_create_tag\.sql is a symbolic link to nothing/)
    assert.deepEqual(await snapshot(db.url), { tables: [], history: [] })
  })

  it('a Latin-1 SQL file is refused, naming the file, line and byte; nothing is applied', async () => {
    const db = await database()
    const p = project('reliability-chain')
    p.writeBytes('migrations/20250106000000_add_city.sql', Buffer.from("CREATE TABLE city (name text);\nINSERT INTO city VALUES ('Z\xfcrich');\n", 'latin1'))
    const run = await runCli(['upgrade', '--database-url', db.url], { cwd: p.dir })
    assert.equal(run.code, 2, run.stderr)
    assert.match(oneErrorLine(run.stderr), /migrations\/20250106000000_add_city\.sql:2 is not UTF-8 \(byte 0xfc\)/)
    assert.deepEqual(await snapshot(db.url), { tables: [], history: [] })
  })

  it('a SQL file with a UTF-8 byte order mark runs, as under psql', async () => {
    const db = await database()
    const p = project('reliability-chain')
    p.write('migrations/20250106000000_add_city.sql', "\uFEFFcreate table city (name text);\ninsert into city values ('Zürich');\n")
    const run = await runCli(['upgrade', '--database-url', db.url], { cwd: p.dir })
    assert.equal(run.code, 0, run.stderr)
    assert.deepEqual(await rows(db.url, 'SELECT name FROM city'), [{ name: 'Zürich' }])
  })

  it('an unterminated $$ early in a long file: one line, not the rest of the file', async () => {
    const db = await database()
    const p = project('reliability-chain')
    const rest = Array.from({ length: 40 }, (_, i) => `CREATE TABLE filler_${i} (id integer);`).join('\n')
    p.write('migrations/20250106000000_add_fn.sql', `CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1;\n${rest}\n`)
    const run = await runCli(['upgrade', '--database-url', db.url], { cwd: p.dir })
    assert.equal(run.code, 2, run.stderr)
    const error = oneErrorLine(run.stderr)
    assert.match(error, /20250106000000_add_fn\.sql:1/)
    assert.match(error, /unterminated dollar-quoted string/)
    assert.doesNotMatch(run.stderr, /filler_3/)
    assert.equal(run.stderr.trim().split('\n').filter((l) => !/^(applying|applied) /.test(l)).length, 1, run.stderr)
  })

  it('a password that is a common word: the URL keeps its scheme and user, the password is hidden', async () => {
    const db = await database()
    const p = project('reliability-chain')
    const url = new URL(db.url)
    url.password = 'postgres'
    url.pathname = '/no_such_database'
    const run = await runCli(['upgrade'], { cwd: p.dir, env: { DATABASE_URL: url.toString() } })
    assert.equal(run.code, 2, run.stderr)
    assert.match(oneErrorLine(run.stderr), /database does not exist at postgresql:\/\/postgres:\*\*\*@127\.0\.0\.1:\d+\/no_such_database/)
  })

  it('--history-table naming an application table: one line naming the setting and the table, nothing touched', async () => {
    const db = await database()
    const p = project('reliability-chain')
    await migrateTo(p, db.url, '20250101')
    const before = await snapshot(db.url)
    for (const command of ['upgrade', 'status']) {
      const run = await runCli([command, '--history-table', 'ledger', '--database-url', db.url], { cwd: p.dir })
      assert.equal(run.code, 2, run.stderr)
      const error = oneErrorLine(run.stderr)
      assert.match(error, /history table "public"\."ledger" \(--history-schema\/--history-table\) is an existing table that is not a db-migrate history/)
    }
    assert.deepEqual(await snapshot(db.url), before)
  })

  it('revision -m with a line break: the message stays a comment, and the empty migration applies', async () => {
    const db = await database()
    const p = project('reliability-chain')
    for (const format of ['sql', 'ts']) {
      const made = await runCli(['revision', '-m', `line one\nDROP TABLE ledger;\u2028line two`, '--format', format], { cwd: p.dir })
      assert.equal(made.code, 0, made.stderr)
    }
    const run = await runCli(['upgrade', '--database-url', db.url], { cwd: p.dir })
    assert.equal(run.code, 0, run.stderr)
    assert.ok((await snapshot(db.url)).tables.includes('public.ledger'))
  })

  it('an un-awaited rejection whose message has the database URL: one line naming the migration, redacted, rolled back', async () => {
    const db = await database()
    const p = project('reliability-chain')
    p.write('migrations/20250106000000_leak.ts', [
      'export async function up({ client }: any): Promise<void> {',
      '  await client.query("CREATE TABLE leaked (id integer)")',
      '  Promise.reject(new Error(`lost ${process.env.DATABASE_URL}`))',
      '}',
    ].join('\n'))
    const run = await runCli(['upgrade'], { cwd: p.dir, env: { DATABASE_URL: db.secretUrl } })
    assert.equal(run.code, 2, run.stderr)
    assert.match(oneErrorLine(run.stderr), /migration 20250106000000_leak \(up\) failed at migrations\/20250106000000_leak\.ts:3: a promise it did not await rejected: lost postgresql:\/\/postgres:\*\*\*@127\.0\.0\.1/)
    assert.doesNotMatch(run.stderr, /^\s+at /m)
    assertNoSecret(run.stdout, run.stderr)
    assert.ok(!(await snapshot(db.url)).tables.includes('public.leaked'))
  })

  it('a migration that rejects with no reason: "rejected without an error", naming the file', async () => {
    const db = await database()
    const p = project('reliability-chain')
    p.write('migrations/20250106000000_nothing.ts', 'export function up(): Promise<void> {\n  return new Promise((_resolve, reject) => reject())\n}\n')
    const run = await runCli(['upgrade', '--database-url', db.url], { cwd: p.dir })
    assert.equal(run.code, 2, run.stderr)
    assert.match(oneErrorLine(run.stderr), /migration 20250106000000_nothing \(up\) failed in migrations\/20250106000000_nothing\.ts: rejected without an error/)
  })

  it('a migration waiting on a second connection of its own is bounded by --statement-timeout, and says which setting', async () => {
    const db = await database()
    const p = project('reliability-chain')
    p.install('pg')
    await migrateTo(p, db.url, 'head')
    p.write('migrations/20250106000000_self_wait.ts', [
      'import pg from "pg"',
      'export async function up({ client }: any): Promise<void> {',
      '  await client.query("ALTER TABLE ledger ADD COLUMN note text")',
      '  const other = new pg.Client({ connectionString: process.env.DATABASE_URL })',
      '  await other.connect()',
      '  try { await other.query("SELECT count(*) FROM ledger") } finally { await other.end() }',
      '  await client.query("UPDATE ledger SET note = \'x\'")',
      '}',
    ].join('\n'))
    const started = Date.now()
    const run = await runCli(['upgrade', '--lock-timeout', '2s', '--statement-timeout', '3s'], { cwd: p.dir, env: { DATABASE_URL: db.url } })
    assert.ok(Date.now() - started < 20_000, `took ${Date.now() - started} ms`)
    assert.equal(run.code, 2, run.stderr)
    const error = oneErrorLine(run.stderr)
    assert.match(error, /migration 20250106000000_self_wait \(up\) failed/)
    assert.match(error, /idle_in_transaction_session_timeout, set from --statement-timeout/)
    assert.ok(!(await rows(db.url, "SELECT 1 FROM information_schema.columns WHERE table_name = 'ledger' AND column_name = 'note'")).length)
  })

  for (const kind of ['ts', 'sql'] as const) {
    it(`action: the connection lost while a ${kind} migration runs, the outputs and summary still say done, stopped and pending`, async () => {
      const db = await database()
      const p = project('reliability-chain')
      p.write(`migrations/20250106000000_doomed.${kind}`, kind === 'sql' ? 'CREATE TABLE doomed (id integer);\nSELECT pg_sleep(30);\n' : [
        'export async function up({ client }: any): Promise<void> {',
        '  await client.query("CREATE TABLE doomed (id integer)")',
        '  await new Promise((resolve) => setTimeout(resolve, 5000))',
        '  await client.query("INSERT INTO doomed VALUES (1)")',
        '}',
      ].join('\n'))
      const running = runAction({ cwd: p.dir, inputs: { command: 'upgrade', 'database-url': db.secretUrl } })
      let pids: number[] = []
      await until('the migration to run', async () => (pids = await backendsRunning(db.url, 'CREATE TABLE doomed')).length > 0, 30_000)
      await adminQuery(db.url, 'SELECT pg_terminate_backend(pid) FROM unnest($1::int[]) AS pid', [pids])
      const run = await running
      assert.equal(run.code, 1, run.stdout)
      const earlier = ['20250101000000_create_ledger', '20250102000000_create_account', '20250103000000_create_invoice', '20250104000000_create_payment', '20250105000000_create_refund']
      assert.deepEqual(JSON.parse(run.outputs.applied ?? '[]'), earlier)
      assert.deepEqual(JSON.parse(run.outputs.pending ?? '[]'), ['20250106000000_doomed'])
      assert.equal(run.outputs['current-revision'], '20250105000000_create_refund')
      assert.match(run.summary, /Done before the failure/)
      assert.match(run.summary, /Pending:\*\* `20250106000000_doomed`/)
      const located = annotations(run.stdout).filter((line) => line.includes(`file=migrations/20250106000000_doomed.${kind}`))
      assert.equal(located.length, 1, run.stdout)
      assert.match(located[0]!, /terminating connection due to administrator command/)
      assert.match(located[0]!, /connection to the database was lost/)
      assert.doesNotMatch(run.everything, /Client has encountered a connection error/)
      assertNoSecret(run.everything)
    })
  }
})

describe('the embedded server of a CLI killed with SIGKILL', () => {
  const runParent = mkdtempSync(join(tmpdir(), 'db-migrate-runs-'))
  chmodSync(runParent, 0o755) // as root, the server runs as another user
  after(() => rmSync(runParent, { recursive: true, force: true }))
  const runDirs = () => readdirSync(runParent).filter((name) => name.startsWith('db-migrate-pg-'))
  const alive = (pid: number) => { try { process.kill(pid, 0); return true } catch { return false } }

  /** The scratch server of `check`, replaying a migration that sleeps. */
  function slowCheck() {
    const p = project('reliability-chain')
    mkdirSync(join(p.dir, 'src'))
    p.write('src/models.ts', 'import { integer, table } from "db-migrate-action"\nexport const ledger = table("ledger", { id: integer() })\n')
    p.write('migrations/20250106000000_slow.sql', 'SELECT pg_sleep(60);\n')
    return p
  }

  it('stops with it, and its folder goes', async () => {
    const p = slowCheck()
    const run = startCli(['check', '--no-cache'], { cwd: p.dir, env: { DB_MIGRATE_TMPDIR: runParent } })
    let postmaster: { pid: number; port: number } | undefined
    await until('the scratch server to replay the slow migration', async () => {
      if (run.child.exitCode !== null) assert.fail(`check ended early: ${(await run.done).stderr}`)
      const [dir] = runDirs()
      const pidFile = dir && join(runParent, dir, 'data', 'postmaster.pid')
      if (!pidFile || !existsSync(pidFile)) return false
      const lines = readFileSync(pidFile, 'utf8').split('\n')
      if (lines[7]?.trim() !== 'ready') return false
      postmaster = { pid: Number(lines[0]), port: Number(lines[3]) }
      const sleeping = await rows(`postgresql://postgres@127.0.0.1:${postmaster.port}/postgres`, "SELECT 1 FROM pg_stat_activity WHERE query LIKE '%pg_sleep(60)%' AND pid <> pg_backend_pid()").catch(() => [])
      return sleeping.length > 0
    }, 60_000)
    after(() => { if (alive(postmaster!.pid)) process.kill(postmaster!.pid, 'SIGQUIT') })
    run.child.kill('SIGKILL')
    await run.done
    await until('the server to stop and its folder to go', async () => !alive(postmaster!.pid) && runDirs().length === 0, 15_000)
  })

  it('the next run removes what a killed run left', async () => {
    const dead = spawnSync(process.execPath, ['-e', '']).pid
    const leftover = join(runParent, 'db-migrate-pg-leftover')
    mkdirSync(join(leftover, 'data'), { recursive: true })
    writeFileSync(join(leftover, 'owner.pid'), String(dead))
    writeFileSync(join(leftover, 'data', 'postmaster.pid'), `${dead}\n${join(leftover, 'data')}\n`)
    const p = slowCheck()
    p.remove('migrations/20250106000000_slow.sql')
    const run = await runCli(['check', '--no-cache'], { cwd: p.dir, env: { DB_MIGRATE_TMPDIR: runParent } })
    assert.ok(run.code === 0 || run.code === 1, run.stderr)
    assert.ok(!existsSync(leftover), 'the leftover folder is still there')
  })
})
