import assert from 'node:assert/strict'
import { it } from 'node:test'
import { upgrade } from '../../src/commands/upgrade.js'
import { RevisionError } from '../../src/errors.js'
import { silentLog } from '../../src/log.js'
import { eachServer, history, rows, tables } from './project.js'
import { project } from '../helpers/project.js'

const all = ['20240101000000_create_user', '20240102000000_create_post', '20240103000000_seed_admin', '20240104000000_index_post_user']

eachServer('upgrade', (database) => {
  it('applies SQL, TypeScript, JavaScript and no-transaction migrations to head, with no build step', async () => {
    const db = await database()
    const p = project('runtime-basic')
    const result = await upgrade(p.config(), db.url, silentLog)
    assert.deepEqual(result.applied.map((s) => s.name), all)
    assert.deepEqual(result.applied.map((s) => s.file), [
      'migrations/20240101000000_create_user.sql', 'migrations/20240102000000_create_post.ts',
      'migrations/20240103000000_seed_admin.js', 'migrations/20240104000000_index_post_user.sql',
    ])
    assert.deepEqual(result.applied.map((s) => s.transactional), [true, true, true, false])
    assert.ok(result.applied.every((s) => Number.isInteger(s.durationMs) && s.durationMs >= 0))
    assert.equal(result.current, all[3])
    assert.equal(result.from, null)
    assert.deepEqual(result.pending, [])
    assert.deepEqual(await tables(db.url), ['db_migrate_history', 'post', 'user'])
    assert.deepEqual(await rows(db.url, 'SELECT name FROM "user"'), [{ name: 'admin' }])
    const indexes = await rows<{ indexname: string; valid: boolean }>(db.url,
      `SELECT indexname, indisvalid AS valid FROM pg_indexes JOIN pg_index ON indexrelid = (quote_ident(indexname))::regclass WHERE tablename = 'post' AND indexname LIKE 'post\\_%\\_idx' ORDER BY 1`)
    assert.deepEqual(indexes, [{ indexname: 'post_title_idx', valid: true }, { indexname: 'post_user_id_idx', valid: true }])
    const recorded = await rows<{ name: string; checksum: string; state: string; duration_ms: number; applied_at: Date }>(db.url, 'SELECT * FROM db_migrate_history ORDER BY name')
    assert.deepEqual(recorded.map((r) => [r.name, r.state, r.checksum.length]), all.map((n) => [n, 'applied', 64]))
    assert.ok(recorded.every((r) => r.applied_at instanceof Date && typeof r.duration_ms === 'number'))

    const again = await upgrade(p.config(), db.url, silentLog)
    assert.deepEqual(again.applied, [])
    assert.equal(again.from, all[3])
  })

  it('goes to a full name, a unique prefix and +N, one step at a time', async () => {
    const db = await database()
    const p = project('runtime-basic')
    const first = await upgrade(p.config({ revision: '20240101000000_create_user' }), db.url, silentLog)
    assert.deepEqual(first.applied.map((s) => s.name), [all[0]])
    assert.deepEqual(first.pending, all.slice(1))
    const second = await upgrade(p.config({ revision: '20240102' }), db.url, silentLog)
    assert.deepEqual(second.applied.map((s) => s.name), [all[1]])
    assert.equal(second.target, all[1])
    const third = await upgrade(p.config({ revision: '+2' }), db.url, silentLog)
    assert.deepEqual(third.applied.map((s) => s.name), [all[2], all[3]])
    assert.deepEqual(await history(db.url), all)
  })

  it('refuses to go below the current revision, past head, or backwards, changing nothing', async () => {
    const db = await database()
    const p = project('runtime-basic')
    await upgrade(p.config({ revision: '20240102' }), db.url, silentLog)
    await assert.rejects(upgrade(p.config({ revision: '20240101' }), db.url, silentLog),
      (e: Error) => e instanceof RevisionError && /20240101000000_create_user is below the current revision 20240102000000_create_post: use downgrade/.test(e.message))
    await assert.rejects(upgrade(p.config({ revision: '+5' }), db.url, silentLog),
      (e: Error) => e instanceof RevisionError && /only 2 migration\(s\) come after 20240102000000_create_post/.test(e.message))
    await assert.rejects(upgrade(p.config({ revision: '-1' }), db.url, silentLog), (e: Error) => e instanceof RevisionError && /use downgrade -1/.test(e.message))
    await assert.rejects(upgrade(p.config({ revision: 'base' }), db.url, silentLog), (e: Error) => e instanceof RevisionError && /downgrade base/.test(e.message))
    assert.deepEqual(await history(db.url), all.slice(0, 2))
  })

  it('names the candidates of an unknown or ambiguous revision', async () => {
    const db = await database()
    const p = project('runtime-basic')
    await assert.rejects(upgrade(p.config({ revision: 'nope' }), db.url, silentLog), (e: Error) => {
      assert.ok(e instanceof RevisionError)
      assert.match(e.message, /unknown revision 'nope'/)
      assert.deepEqual(e.candidates, all)
      return true
    })
    await assert.rejects(upgrade(p.config({ revision: '2024010' }), db.url, silentLog), (e: Error) => {
      assert.ok(e instanceof RevisionError)
      assert.match(e.message, /revision '2024010' is ambiguous: it matches 20240101000000_create_user, 20240102000000_create_post/)
      assert.deepEqual(e.candidates, all)
      return true
    })
    // refused before anything was written, the history table included
    assert.deepEqual(await tables(db.url), [])
  })

  it('plans without changing anything on a dry run, not even creating the history table', async () => {
    const db = await database()
    const p = project('runtime-basic')
    const result = await upgrade(p.config({ 'dry-run': 'true', revision: '+3' }), db.url, silentLog)
    assert.equal(result.dryRun, true)
    assert.deepEqual(result.planned, all.slice(0, 3))
    assert.deepEqual(result.applied, [])
    assert.equal(result.current, null)
    assert.equal(result.target, all[2])
    assert.deepEqual(result.pending, all)
    assert.deepEqual(await tables(db.url), [])
  })
})
