import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { it } from 'node:test'
import pg from 'pg'
import { resolve } from '../../src/commands/resolve.js'
import { status } from '../../src/commands/status.js'
import { downgrade } from '../../src/commands/downgrade.js'
import { upgrade } from '../../src/commands/upgrade.js'
import { HistoryError, MigrationError } from '../../src/errors.js'
import { silentLog, type Log } from '../../src/log.js'
import { lockKey } from '../../src/runtime/lock.js'
import { eachServer, history, rows, tables } from './project.js'
import { project } from '../helpers/project.js'

const basic = ['20240101000000_create_user', '20240102000000_create_post', '20240103000000_seed_admin', '20240104000000_index_post_user']

function recordingLog(): Log & { lines: string[] } {
  const lines: string[] = []
  return { lines, info: (m) => lines.push(m), warn: (m) => lines.push(`warning: ${m}`) }
}

eachServer('safety', (database) => {
  it('rolls a failed migration back with its history row, keeps the ones before, and names file, line and statement', async () => {
    const db = await database()
    const p = project('runtime-failing')
    await assert.rejects(upgrade(p.config(), db.url, silentLog), (e: Error) => {
      assert.ok(e instanceof MigrationError)
      assert.deepEqual(e.migration, {
        name: '20240102000000_broken_post', file: 'migrations/20240102000000_broken_post.sql', direction: 'up', line: 4,
        statement: 'ALTER TABLE post\n  ADD CONSTRAINT post_user_fk FOREIGN KEY (user_id) REFERENCES no_such_table (id)',
      })
      assert.match(e.message, /^migration 20240102000000_broken_post \(up\) failed at migrations\/20240102000000_broken_post\.sql:4: relation "no_such_table" does not exist — in: ALTER TABLE post ADD CONSTRAINT/)
      return true
    })
    assert.deepEqual(await tables(db.url), ['db_migrate_history', 'user'])
    assert.deepEqual(await history(db.url), ['20240101000000_create_user'])
  })

  it('points at the line of the error position inside a multi-statement file', async () => {
    const db = await database()
    const p = project('runtime-failing')
    p.write('migrations/20240102000000_broken_post.sql', 'CREATE TABLE post (id integer);\n\nINSERT INTO post (id)\n  VALUES (1);\nSELECT id,\n       missing_column\n  FROM post;\n')
    await assert.rejects(upgrade(p.config(), db.url, silentLog), (e: Error) => {
      assert.ok(e instanceof MigrationError)
      assert.equal(e.migration.line, 6)
      assert.match(e.message, /broken_post\.sql:6: column "missing_column" does not exist/)
      return true
    })
    assert.deepEqual(await tables(db.url), ['db_migrate_history', 'user'])
  })

  it('commits a migration and its history row together: a failing bookkeeping write undoes the migration', async () => {
    const db = await database()
    const p = project('runtime-failing')
    p.remove('migrations/20240103000000_after_broken.sql')
    // The migration succeeds but makes its own history row impossible to write.
    p.write('migrations/20240102000000_broken_post.sql',
      `CREATE TABLE victim (id integer);\nALTER TABLE db_migrate_history ADD CONSTRAINT no_victim CHECK (name NOT LIKE '%broken%');\n`)
    await assert.rejects(upgrade(p.config(), db.url, silentLog), /no_victim/)
    assert.deepEqual(await tables(db.url), ['db_migrate_history', 'user'])
    assert.deepEqual(await rows(db.url, `SELECT conname FROM pg_constraint WHERE conname = 'no_victim'`), [])
    assert.deepEqual(await history(db.url), ['20240101000000_create_user'])
  })

  it('leaves a failed no-transaction migration as needing attention until it is resolved', async () => {
    const db = await database()
    const p = project('runtime-no-transaction-failing')
    await assert.rejects(upgrade(p.config(), db.url, silentLog), (e: Error) => e instanceof MigrationError && /column "nickname" does not exist/.test(e.message))
    // The first statement ran on its own and stays; the row says the migration did not finish.
    assert.deepEqual(await rows(db.url, `SELECT indexname FROM pg_indexes WHERE tablename = 'user' AND indexname LIKE 'user\\_%\\_idx'`), [{ indexname: 'user_name_idx' }])
    assert.deepEqual(await history(db.url), ['20240101000000_create_user', '20240102000000_index_user_name (running)'])

    await assert.rejects(upgrade(p.config(), db.url, silentLog), (e: Error) => {
      assert.ok(e instanceof HistoryError)
      assert.equal(e.code, 'needs_attention')
      assert.match(e.message, /^migration 20240102000000_index_user_name was being applied without a transaction and needs attention \(it failed: column "nickname" does not exist at line 3\): .*db-migrate resolve 20240102000000_index_user_name --applied.* or `--rolled-back`/)
      return true
    })
    const report = await status(p.config(), db.url)
    assert.deepEqual(report.problems.map((x) => [x.kind, x.name]), [['needs_attention', '20240102000000_index_user_name']])

    // The person fixes the file, drops what the first attempt left, and marks it rolled back; then it runs again.
    p.write('migrations/20240102000000_index_user_name.sql', '-- db-migrate: no-transaction\nCREATE INDEX CONCURRENTLY IF NOT EXISTS user_name_idx ON "user" (name);\n')
    const resolved = await resolve(p.config({ revision: '20240102' }), db.url, silentLog, 'rolled-back')
    assert.deepEqual(resolved, { name: '20240102000000_index_user_name', resolution: 'rolled-back', previous: 'running' })
    const result = await upgrade(p.config(), db.url, silentLog)
    assert.deepEqual(result.applied.map((s) => s.name), ['20240102000000_index_user_name'])
    assert.deepEqual((await status(p.config(), db.url)).problems, [])
  })

  it('accepts a migration resolved as applied', async () => {
    const db = await database()
    const p = project('runtime-no-transaction-failing')
    await assert.rejects(upgrade(p.config(), db.url, silentLog), MigrationError)
    await resolve(p.config({ revision: '20240102000000_index_user_name' }), db.url, silentLog, 'applied')
    assert.deepEqual(await history(db.url), ['20240101000000_create_user', '20240102000000_index_user_name'])
    const result = await upgrade(p.config(), db.url, silentLog)
    assert.deepEqual(result.applied, [])
    assert.equal(result.current, '20240102000000_index_user_name')
  })

  it('rolls back a migration whose deferred constraint fails at COMMIT', async () => {
    const db = await database()
    const p = project('runtime-failing')
    p.remove('migrations/20240103000000_after_broken.sql')
    p.write('migrations/20240102000000_broken_post.sql',
      'CREATE TABLE post (id integer PRIMARY KEY, user_id integer REFERENCES "user" (id) DEFERRABLE INITIALLY DEFERRED);\nINSERT INTO post VALUES (1, 42);\n')
    await assert.rejects(upgrade(p.config(), db.url, silentLog), (e: Error) =>
      e instanceof MigrationError && e.migration.statement === 'COMMIT' &&
      /^migration 20240102000000_broken_post \(up\) failed while committing: insert or update on table "post" violates foreign key constraint .*; it was rolled back with its history row$/.test(e.message))
    assert.deepEqual(await tables(db.url), ['db_migrate_history', 'user'])
    assert.deepEqual(await history(db.url), ['20240101000000_create_user'])
  })

  it('refuses transaction control in a migration that runs in a transaction', async () => {
    const db = await database()
    const p = project('runtime-failing')
    p.write('migrations/20240102000000_broken_post.sql', 'BEGIN;\nCREATE TABLE post (id integer);\nCOMMIT;\n')
    await assert.rejects(upgrade(p.config(), db.url, silentLog), (e: Error) =>
      e instanceof HistoryError && e.code === 'transaction_control' && /has a BEGIN statement, .*-- db-migrate: no-transaction/.test(e.message))
    assert.deepEqual(await tables(db.url), ['db_migrate_history', 'user'])
  })

  it('names the line of a failing TypeScript migration and the file of one that does not compile', async () => {
    const db = await database()
    const p = project('runtime-failing')
    p.write('migrations/20240102000000_broken_post.sql', 'SELECT 1;\n')
    p.write('migrations/20240103000000_after_broken.sql', 'SELECT 1;\n')
    p.write('migrations/20240104000000_typed.ts', [
      'import type { MigrationContext } from "../../../../src/runtime/types.js"',
      'export async function up({ client }: MigrationContext): Promise<void> {',
      '  await client.query("CREATE TABLE typed (id integer)")',
      '  throw new Error("data check failed: 3 orphans")',
      '}',
      '',
    ].join('\n'))
    await assert.rejects(upgrade(p.config(), db.url, silentLog), (e: Error) =>
      e instanceof MigrationError && e.migration.line === 4 &&
      e.message === 'migration 20240104000000_typed (up) failed at migrations/20240104000000_typed.ts:4: data check failed: 3 orphans')
    assert.ok(!(await tables(db.url)).includes('typed'))
    p.remove('migrations/20240104000000_typed.ts')
    p.write('migrations/20240104000000_garbled.ts', 'export async function up( {\n')
    await assert.rejects(upgrade(p.config(), db.url, silentLog), (e: Error) =>
      e instanceof HistoryError && e.code === 'migration_import' && /^migrations\/20240104000000_garbled\.ts could not be loaded: /.test(e.message) && !e.message.includes('\n'))
    assert.deepEqual(await history(db.url), ['20240101000000_create_user', '20240102000000_broken_post', '20240103000000_after_broken'])
  })

  it('stops before applying anything when an applied file changed, but not for CRLF line endings', async () => {
    const db = await database()
    const p = project('runtime-basic')
    await upgrade(p.config({ revision: '20240102' }), db.url, silentLog)
    const path = 'migrations/20240101000000_create_user.sql'
    const original = readFileSync(join(p.dir, path), 'utf8')
    p.write(path, original.replace(/\n/g, '\r\n'))
    assert.deepEqual((await upgrade(p.config({ revision: '+1' }), db.url, silentLog)).applied.map((s) => s.name), [basic[2]])

    p.write(path, original.replace('varchar(50)', 'varchar(80)'))
    await assert.rejects(upgrade(p.config(), db.url, silentLog), (e: Error) => {
      assert.ok(e instanceof HistoryError)
      assert.equal(e.code, 'checksum_mismatch')
      assert.equal(e.message, 'migrations/20240101000000_create_user.sql changed after it was applied: undo the edit and put the change in a new migration (db-migrate revision -m "..."), or accept the file as it is with `db-migrate resolve 20240101000000_create_user --applied`; nothing was changed')
      return true
    })
    assert.deepEqual(await history(db.url), basic.slice(0, 3))
    await resolve(p.config({ revision: '20240101' }), db.url, silentLog, 'applied')
    assert.deepEqual((await upgrade(p.config(), db.url, silentLog)).applied.map((s) => s.name), [basic[3]])
  })

  it('stops when an applied file vanished or was renamed', async () => {
    const db = await database()
    const p = project('runtime-basic')
    await upgrade(p.config({ revision: '20240102' }), db.url, silentLog)
    p.remove('migrations/20240102000000_create_post.ts')
    await assert.rejects(upgrade(p.config(), db.url, silentLog), (e: Error) =>
      e instanceof HistoryError && e.code === 'missing_file' && /^migration 20240102000000_create_post is applied but its file is gone from migrations/.test(e.message))
    p.write('migrations/20240102000000_create_post_renamed.sql', 'CREATE TABLE post (id integer);\n')
    await assert.rejects(upgrade(p.config(), db.url, silentLog), (e: Error) => e instanceof HistoryError && e.code === 'missing_file')
    assert.deepEqual(await history(db.url), basic.slice(0, 2))
  })

  it('refuses a pending migration older than the newest applied one unless allowed', async () => {
    const db = await database()
    const p = project('runtime-basic')
    await upgrade(p.config(), db.url, silentLog)
    p.write('migrations/20240101120000_late_branch.sql', 'CREATE TABLE late (id integer);\n')
    await assert.rejects(upgrade(p.config(), db.url, silentLog), (e: Error) =>
      e instanceof HistoryError && e.code === 'out_of_order' && /^migrations\/20240101120000_late_branch\.sql is pending but sorts before 20240104000000_index_post_user/.test(e.message))
    assert.ok(!(await tables(db.url)).includes('late'))
    const result = await upgrade(p.config({ 'allow-out-of-order': 'true' }), db.url, silentLog)
    assert.deepEqual(result.applied.map((s) => s.name), ['20240101120000_late_branch'])
    assert.ok((await tables(db.url)).includes('late'))
    p.write('migrations/20240101120000_late_branch.down.sql', 'DROP TABLE late;\n')
    // -1 reverts the migration applied last, not the newest name
    const back = await downgrade(p.config({ revision: '-1', 'allow-out-of-order': 'true' }), db.url, silentLog)
    assert.deepEqual(back.applied.map((s) => s.name), ['20240101120000_late_branch'])
    assert.ok(!(await tables(db.url)).includes('late'))
    assert.equal(back.current, '20240104000000_index_post_user')
  })

  it('serialises concurrent runs with the advisory lock: each migration runs once', async () => {
    const db = await database()
    const p = project('runtime-basic')
    p.write('migrations/20240101000001_slow.sql', 'SELECT pg_sleep(0.6);\n')
    const logs = [recordingLog(), recordingLog()]
    const results = await Promise.all(logs.map((log) => upgrade(p.config(), db.url, log)))
    const counts = results.map((r) => r.applied.length).sort()
    assert.deepEqual(counts, [0, 5])
    assert.ok(logs.some((l) => l.lines.some((line) => /^waiting for the migration lock on "public"\."db_migrate_history": another db-migrate run \(server pid \d+\) holds it$/.test(line))))
    assert.equal((await history(db.url)).length, 5)
  })

  it('gives up waiting for the lock after lock-wait', async () => {
    const db = await database()
    const p = project('runtime-basic')
    const holder = new pg.Client({ connectionString: db.url })
    await holder.connect()
    try {
      await holder.query('SELECT pg_advisory_lock($1::bigint)', [lockKey({ schema: 'public', table: 'db_migrate_history' })])
      const started = Date.now()
      await assert.rejects(upgrade(p.config({ 'lock-wait': '300ms' }), db.url, silentLog), (e: Error) =>
        e instanceof HistoryError && e.code === 'lock_wait' && e.message === 'another db-migrate run held the migration lock on "public"."db_migrate_history" for 300ms: let it finish, or raise lock-wait')
      assert.ok(Date.now() - started < 3000)
      assert.deepEqual(await tables(db.url), [])
    } finally {
      await holder.end()
    }
  })

  it('applies statement-timeout and lock-timeout to the migrations', async () => {
    const db = await database()
    const p = project('runtime-basic')
    p.write('migrations/20240101000001_slow.sql', 'SELECT pg_sleep(2);\n')
    await assert.rejects(upgrade(p.config({ 'statement-timeout': '100ms' }), db.url, silentLog), (e: Error) =>
      e instanceof MigrationError && e.migration.name === '20240101000001_slow' && /canceling statement due to statement timeout/.test(e.message))
    p.remove('migrations/20240101000001_slow.sql')

    const holder = new pg.Client({ connectionString: db.url })
    await holder.connect()
    try {
      await holder.query('BEGIN; LOCK TABLE "user" IN ACCESS EXCLUSIVE MODE')
      await assert.rejects(upgrade(p.config({ 'lock-timeout': '100ms' }), db.url, silentLog), (e: Error) =>
        e instanceof MigrationError && e.migration.name === '20240102000000_create_post' && /canceling statement due to lock timeout/.test(e.message))
    } finally {
      await holder.end()
    }
    assert.deepEqual(await history(db.url), [basic[0]])
  })

  it('keeps the history in the configured schema and table, quoted', async () => {
    const db = await database()
    const p = project('runtime-basic')
    await upgrade(p.config({ 'history-schema': 'Ops Schema', 'history-table': 'Migrations"Log', revision: '+1' }), db.url, silentLog)
    assert.deepEqual(await rows(db.url, `SELECT name FROM "Ops Schema"."Migrations""Log"`), [{ name: basic[0] }])
    assert.deepEqual(await tables(db.url), ['user'])
  })
})
