import assert from 'node:assert/strict'
import { it } from 'node:test'
import { status } from '../../src/commands/status.js'
import { upgrade } from '../../src/commands/upgrade.js'
import { silentLog } from '../../src/log.js'
import { eachServer, rows, tables } from './project.js'
import { project } from '../helpers/project.js'

const all = ['20240101000000_create_user', '20240102000000_create_post', '20240103000000_seed_admin', '20240104000000_index_post_user']

eachServer('status', (database) => {
  it('reports a fresh database as at base with everything pending, creating nothing', async () => {
    const db = await database()
    const p = project('runtime-basic')
    const result = await status(p.config(), db.url)
    assert.deepEqual(result, { current: null, head: all[3], applied: [], pending: all, problems: [] })
    assert.deepEqual(await tables(db.url), [])
  })

  it('lists applied migrations with their time and duration, and what is pending', async () => {
    const db = await database()
    const p = project('runtime-basic')
    const before = new Date(Date.now() - 1000)
    await upgrade(p.config({ revision: '+2' }), db.url, silentLog)
    const result = await status(p.config(), db.url)
    assert.equal(result.current, all[1])
    assert.deepEqual(result.pending, all.slice(2))
    assert.deepEqual(result.applied.map((a) => [a.name, a.file, a.state]), [
      [all[0], 'migrations/20240101000000_create_user.sql', 'applied'],
      [all[1], 'migrations/20240102000000_create_post.ts', 'applied'],
    ])
    for (const a of result.applied) {
      assert.ok(a.appliedAt instanceof Date && a.appliedAt >= before && a.appliedAt <= new Date())
      assert.ok(typeof a.durationMs === 'number' && a.durationMs >= 0)
    }
  })

  it('reports problems instead of failing, without importing migrations', async () => {
    const db = await database()
    const p = project('runtime-basic')
    await upgrade(p.config(), db.url, silentLog)
    p.write('migrations/20240101000000_create_user.sql', 'CREATE TABLE "user" (id bigint PRIMARY KEY);\n')
    p.remove('migrations/20240103000000_seed_admin.js')
    p.write('migrations/20240101000001_late.sql', 'SELECT 1;\n')
    // A module that throws when imported: status must not import it.
    p.write('migrations/20240102000000_create_post.ts', 'throw new Error("imported")\n')
    await rows(db.url, `UPDATE db_migrate_history SET state = 'running', error = NULL WHERE name = $1`, [all[3]])
    const result = await status(p.config(), db.url)
    assert.deepEqual(result.problems.map((x) => [x.kind, x.name, x.file]), [
      ['checksum_mismatch', all[0], 'migrations/20240101000000_create_user.sql'],
      ['checksum_mismatch', all[1], 'migrations/20240102000000_create_post.ts'],
      ['missing_file', all[2], null],
      ['needs_attention', all[3], 'migrations/20240104000000_index_post_user.sql'],
      ['out_of_order', '20240101000001_late', 'migrations/20240101000001_late.sql'],
    ])
    assert.match(result.problems[3]!.message, /was being applied without a transaction and needs attention \(the run stopped before it finished\)/)
    assert.equal(result.current, all[2])
    assert.deepEqual(result.pending, ['20240101000001_late'])
  })
})
