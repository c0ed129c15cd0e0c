// Many runs at once on one database: the advisory lock serialises them, nothing runs twice, all agree at the end.
import assert from 'node:assert/strict'
import { it } from 'node:test'
import { runAction, runCli } from '../helpers/runner.js'
import { applied, eachServer, migrateTo, rows, startCli, tables } from './support.js'
import { project } from '../helpers/project.js'

const chain = ['20250101000000_create_ledger', '20250102000000_create_account', '20250103000000_create_invoice', '20250104000000_create_payment', '20250105000000_create_refund']
const head = chain.at(-1)!

/** The schema and the ledger rows each migration inserts agree with the history, migration for migration. */
async function assertSchemaMatchesHistory(url: string): Promise<string[]> {
  const history = await applied(url)
  assert.deepEqual(history, chain.slice(0, history.length), 'history is a prefix of the chain')
  const expectedTables = history.map((name) => `public.${name.replace(/^\d+_create_/, '')}`)
  assert.deepEqual((await tables(url)).filter((t) => t !== 'public.db_migrate_history').sort(), expectedTables.sort())
  if (history.length) {
    const ledger = await rows<{ step: string; n: string }>(url, 'SELECT step, count(*) AS n FROM ledger GROUP BY step ORDER BY step')
    assert.deepEqual(ledger.map((r) => [r.step, Number(r.n)]), history.map((name) => [name.replace(/^\d+_/, ''), 1]).sort())
  }
  return history
}

eachServer('concurrent runs', (database) => {
  it('8 upgrades at once (4 CLI, 4 action): each migration applied once, every run exits 0 and reports head', async () => {
    const db = await database()
    const p = project('reliability-chain')
    const clis = Array.from({ length: 4 }, () => startCli(['upgrade', 'head', '--json'], { cwd: p.dir, env: { DATABASE_URL: db.url } }).done)
    const actions = Array.from({ length: 4 }, () => runAction({ cwd: p.dir, inputs: { command: 'upgrade', revision: 'head', 'database-url': db.url } }))
    const [cliResults, actionResults] = await Promise.all([Promise.all(clis), Promise.all(actions)])
    for (const r of cliResults) {
      assert.equal(r.code, 0, r.stderr)
      assert.equal(JSON.parse(r.stdout).current, head)
    }
    for (const r of actionResults) {
      assert.equal(r.code, 0, r.stdout + r.stderr)
      assert.equal(r.outputs['current-revision'], head)
    }
    const appliedByRun = [...cliResults.map((r) => JSON.parse(r.stdout).applied.map((s: { name: string }) => s.name)), ...actionResults.map((r) => JSON.parse(r.outputs.applied!))]
    assert.deepEqual(appliedByRun.flat().sort(), chain, 'the runs between them applied each migration once')
    assert.deepEqual(await assertSchemaMatchesHistory(db.url), chain)
  })

  it('a downgrade racing an upgrade ends in one of the two states, never a mix', async () => {
    const db = await database()
    const p = project('reliability-chain')
    const start = await runCli(['upgrade', chain[1]!], { cwd: p.dir, env: { DATABASE_URL: db.url } })
    assert.equal(start.code, 0, start.stderr)
    const [up, down] = await Promise.all([
      startCli(['upgrade', 'head'], { cwd: p.dir, env: { DATABASE_URL: db.url } }).done,
      runAction({ cwd: p.dir, inputs: { command: 'downgrade', revision: chain[0]!, 'database-url': db.url } }),
    ])
    assert.equal(up.code, 0, up.stderr)
    assert.equal(down.code, 0, down.stdout + down.stderr)
    const history = await assertSchemaMatchesHistory(db.url)
    assert.ok([1, chain.length].includes(history.length), `expected all applied or downgraded to ${chain[0]}, got ${history.join(', ')}`)
    const status = await runCli(['status', '--json'], { cwd: p.dir, env: { DATABASE_URL: db.url } })
    assert.equal(JSON.parse(status.stdout).current, history.at(-1))
  })

  it('8 first runs at once into a history schema that does not exist yet: one creates it, all succeed', async () => {
    const db = await database()
    const p = project('reliability-chain')
    const runs = await Promise.all(Array.from({ length: 8 }, () =>
      startCli(['upgrade', '--json', '--history-schema', 'deploy history'], { cwd: p.dir, env: { DATABASE_URL: db.url } }).done))
    for (const r of runs) assert.equal(r.code, 0, r.stderr)
    assert.deepEqual(runs.flatMap((r) => JSON.parse(r.stdout).applied.map((s: { name: string }) => s.name)).sort(), chain)
    assert.deepEqual((await rows<{ name: string }>(db.url, 'SELECT name FROM "deploy history".db_migrate_history ORDER BY name')).map((r) => r.name), chain)
  })

  it('4 downgrades to base at once: each migration reverted once, every run exits 0 and reports base', async () => {
    const db = await database()
    const p = project('reliability-chain')
    await migrateTo(p, db.url, 'head')
    const runs = await Promise.all(Array.from({ length: 4 }, () => startCli(['downgrade', 'base', '--json'], { cwd: p.dir, env: { DATABASE_URL: db.url } }).done))
    for (const r of runs) {
      assert.equal(r.code, 0, r.stderr)
      assert.equal(JSON.parse(r.stdout).current, null)
    }
    assert.deepEqual(runs.flatMap((r) => JSON.parse(r.stdout).applied.map((s: { name: string }) => s.name)).sort(), chain)
    assert.deepEqual(await assertSchemaMatchesHistory(db.url), [])
  })
})
