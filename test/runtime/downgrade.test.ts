import assert from 'node:assert/strict'
import { it } from 'node:test'
import { downgrade } from '../../src/commands/downgrade.js'
import { upgrade } from '../../src/commands/upgrade.js'
import { HistoryError, RevisionError } from '../../src/errors.js'
import { silentLog } from '../../src/log.js'
import { eachServer, history, rows, tables } from './project.js'
import { project } from '../helpers/project.js'

const all = ['20240101000000_create_user', '20240102000000_create_post', '20240103000000_seed_admin', '20240104000000_index_post_user']

eachServer('downgrade', (database) => {
  it('leaves the named revision applied and reverts everything after it, as alembic does', async () => {
    const db = await database()
    const p = project('runtime-basic')
    await upgrade(p.config(), db.url, silentLog)
    const result = await downgrade(p.config({ revision: '20240101' }), db.url, silentLog)
    assert.deepEqual(result.applied.map((s) => s.name), [all[3], all[2], all[1]])
    assert.equal(result.from, all[3])
    assert.equal(result.current, all[0])
    assert.equal(result.target, all[0])
    assert.deepEqual(result.pending, all.slice(1))
    assert.deepEqual(await tables(db.url), ['db_migrate_history', 'user'])
    assert.deepEqual(await rows(db.url, 'SELECT count(*)::int AS n FROM "user"'), [{ n: 0 }])
    assert.deepEqual(await history(db.url), [all[0]])
  })

  it('steps back with -N and refuses to go past base, changing nothing', async () => {
    const db = await database()
    const p = project('runtime-basic')
    await upgrade(p.config(), db.url, silentLog)
    const result = await downgrade(p.config({ revision: '-1' }), db.url, silentLog)
    assert.deepEqual(result.applied.map((s) => s.name), [all[3]])
    assert.deepEqual(await rows(db.url, `SELECT count(*)::int AS n FROM pg_indexes WHERE indexname LIKE 'post\\_%\\_idx'`), [{ n: 0 }])
    await assert.rejects(downgrade(p.config({ revision: '-5' }), db.url, silentLog),
      (e: Error) => e instanceof RevisionError && /cannot downgrade -5: only 3 migration\(s\) are applied/.test(e.message))
    await assert.rejects(downgrade(p.config({ revision: '+1' }), db.url, silentLog), (e: Error) => e instanceof RevisionError && /use upgrade \+1/.test(e.message))
    await assert.rejects(downgrade(p.config({ revision: 'head' }), db.url, silentLog), (e: Error) => e instanceof RevisionError && /above the current revision/.test(e.message))
    await assert.rejects(downgrade(p.config(), db.url, silentLog), (e: Error) => e instanceof RevisionError && /downgrade needs a revision/.test(e.message))
    assert.deepEqual(await history(db.url), all.slice(0, 3))
  })

  it('reverts everything for base', async () => {
    const db = await database()
    const p = project('runtime-basic')
    await upgrade(p.config(), db.url, silentLog)
    const result = await downgrade(p.config({ revision: 'base' }), db.url, silentLog)
    assert.deepEqual(result.applied.map((s) => s.name), [...all].reverse())
    assert.equal(result.current, null)
    assert.equal(result.target, null)
    assert.deepEqual(await tables(db.url), ['db_migrate_history'])
    assert.deepEqual(await history(db.url), [])
  })

  it('refuses before reverting anything when a migration on the way has no down', async () => {
    const db = await database()
    const p = project('runtime-basic')
    p.write('migrations/20240101500000_audit.sql', 'CREATE TABLE audit (id integer);\n')
    await upgrade(p.config(), db.url, silentLog)
    await assert.rejects(downgrade(p.config({ revision: 'base' }), db.url, silentLog), (e: Error) => {
      assert.ok(e instanceof HistoryError)
      assert.equal(e.code, 'no_down')
      assert.equal(e.message, 'migration 20240101500000_audit cannot be reverted: it has no down migration (add 20240101500000_audit.down.sql beside migrations/20240101500000_audit.sql); nothing was changed')
      return true
    })
    assert.equal((await history(db.url)).length, 5)
    assert.deepEqual(await tables(db.url), ['audit', 'db_migrate_history', 'post', 'user'])

    p.write('migrations/20240102000000_create_post.ts', `export async function up({ client }) { await client.query('CREATE TABLE post (id integer)') }\n`)
    await assert.rejects(downgrade(p.config({ revision: '20240101500000' }), db.url, silentLog), (e: Error) => e instanceof HistoryError && e.code === 'checksum_mismatch')
  })

  it('reports a TypeScript migration without a down function before reverting anything', async () => {
    const db = await database()
    const p = project('runtime-basic')
    p.remove('migrations/20240103000000_seed_admin.js')
    p.write('migrations/20240103000000_seed_admin.ts', `export async function up({ client }: { client: { query(sql: string): Promise<unknown> } }) { await client.query('SELECT 1') }\n`)
    await upgrade(p.config(), db.url, silentLog)
    await assert.rejects(downgrade(p.config({ revision: '20240102' }), db.url, silentLog),
      (e: Error) => e instanceof HistoryError && /migration 20240103000000_seed_admin cannot be reverted: .*export a down function from migrations\/20240103000000_seed_admin\.ts/.test(e.message))
    assert.deepEqual(await history(db.url), all)
  })

  it('plans a dry run without reverting', async () => {
    const db = await database()
    const p = project('runtime-basic')
    await upgrade(p.config(), db.url, silentLog)
    const result = await downgrade(p.config({ revision: '-2', 'dry-run': 'true' }), db.url, silentLog)
    assert.deepEqual(result.planned, [all[3], all[2]])
    assert.deepEqual(result.applied, [])
    assert.equal(result.current, all[3])
    assert.deepEqual(await history(db.url), all)
  })
})
