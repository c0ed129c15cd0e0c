import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { it } from 'node:test'
import { upgrade } from '../../src/commands/upgrade.js'
import { HistoryError } from '../../src/errors.js'
import { silentLog } from '../../src/log.js'
import { eachServer, history, rows, tables } from './project.js'
import { project } from '../helpers/project.js'

const child = fileURLToPath(new URL('./upgrade-child.ts', import.meta.url))

/** Starts an upgrade in another process and kills it once Postgres is running `pg_sleep` for it. */
async function upgradeKilledHalfway(dir: string, url: string): Promise<void> {
  const proc = spawn(process.execPath, ['--import', 'tsx', child, dir, url], { stdio: 'ignore' })
  const exited = new Promise((resolve) => proc.on('exit', resolve))
  const deadline = Date.now() + 20_000
  for (;;) {
    const sleeping = await rows(url, `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND query ~ 'SELECT pg_sleep' AND pid <> pg_backend_pid()`)
    if (sleeping.length) break
    if (Date.now() > deadline || proc.exitCode !== null) throw new Error('the child upgrade never reached pg_sleep')
    await new Promise((r) => setTimeout(r, 50))
  }
  proc.kill('SIGKILL')
  await exited
}

eachServer('a run that dies halfway', (database) => {
  it('leaves nothing of a transactional migration, and the next run applies it', async () => {
    const db = await database()
    const p = project('runtime-basic')
    p.write('migrations/20240102000001_slow.sql', 'CREATE TABLE slow (id integer);\nSELECT pg_sleep(1);\n')
    await upgradeKilledHalfway(p.dir, db.url)
    assert.deepEqual(await history(db.url), ['20240101000000_create_user', '20240102000000_create_post'])
    // The next run waits for the dead run's lock, which Postgres frees when that session ends.
    const result = await upgrade(p.config(), db.url, silentLog)
    assert.deepEqual(result.applied.map((s) => s.name), ['20240102000001_slow', '20240103000000_seed_admin', '20240104000000_index_post_user'])
    assert.ok((await tables(db.url)).includes('slow'))
  })

  it('keeps the SQL migrations committed before the one it died in, and none after it', async () => {
    const db = await database()
    const p = project(null)
    mkdirSync(join(p.dir, 'migrations'))
    p.write('migrations/20250101000000_a.sql', 'CREATE TABLE a (id integer);\n')
    p.write('migrations/20250102000000_slow.sql', 'CREATE TABLE slow (id integer);\nSELECT pg_sleep(5);\n')
    p.write('migrations/20250103000000_c.sql', 'CREATE TABLE c (id integer);\n')
    await upgradeKilledHalfway(p.dir, db.url)
    // the server notices the dead connection within a second and ends what it was running
    const deadline = Date.now() + 10_000
    while ((await rows(db.url, `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND query ~ 'pg_sleep' AND pid <> pg_backend_pid()`)).length && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100))
    }
    assert.deepEqual(await history(db.url), ['20250101000000_a'])
    assert.deepEqual(await tables(db.url), ['a', 'db_migrate_history'])
  })

  it('marks a migration without a transaction as needing attention', async () => {
    const db = await database()
    const p = project('runtime-basic')
    p.write('migrations/20240102000001_slow.sql', '-- db-migrate: no-transaction\nCREATE TABLE slow (id integer);\nSELECT pg_sleep(1);\n')
    await upgradeKilledHalfway(p.dir, db.url)
    assert.deepEqual(await history(db.url), ['20240101000000_create_user', '20240102000000_create_post', '20240102000001_slow (running)'])
    await assert.rejects(upgrade(p.config(), db.url, silentLog), (e: Error) =>
      e instanceof HistoryError && e.code === 'needs_attention' && /20240102000001_slow was being applied without a transaction and needs attention \(the run stopped before it finished\)/.test(e.message))
    assert.ok((await tables(db.url)).includes('slow'))
  })
})
