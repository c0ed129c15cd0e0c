// The cache of check's snapshots as users meet it: the CLI and the action, two checks at once on one cache, the
// action's outputs for actions/cache, --no-cache.
import assert from 'node:assert/strict'
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, describe, it } from 'node:test'
import { modelsProject, project } from '../helpers/project.js'
import { runAction, runCli } from '../helpers/runner.js'

const cache = mkdtempSync(join(tmpdir(), 'db-migrate-check-cache-e2e-'))
chmodSync(cache, 0o755) // as root, the server's account must reach it
after(() => rmSync(cache, { recursive: true, force: true }))

describe('check with its cache of snapshots', () => {
  it('replays only the new migration on the next run, says so, and --no-cache replays everything', async () => {
    const p = project('models-sql', modelsProject)
    const env = { DB_MIGRATE_CHECK_CACHE: join(cache, 'cli') }
    const first = await runCli(['check'], { cwd: p.dir, env })
    assert.equal(first.code, 0, first.stderr)
    assert.match(first.stderr, /^Replayed 2 migrations, from an empty database\.$/m)
    writeFileSync(join(p.dir, 'migrations', '20240103000000_noop.sql'), 'SELECT 1;\n')
    const second = await runCli(['check', '--json'], { cwd: p.dir, env })
    assert.equal(second.code, 0, second.stderr)
    assert.deepEqual({ ...JSON.parse(second.stdout).replay, cacheKey: 'k' }, { replayed: 1, fromCache: 2, cacheKey: 'k', modelsCached: true })
    const none = await runCli(['check', '--no-cache'], { cwd: p.dir, env })
    assert.match(none.stderr, /^Replayed 3 migrations, from an empty database\.$/m)
  })

  it('runs two checks at once on one cache, the second on a throwaway server, both with the same answer', async () => {
    const p = project('models-sql', modelsProject)
    const env = { DB_MIGRATE_CHECK_CACHE: join(cache, 'both') }
    const runs = await Promise.all([runCli(['check', '--json'], { cwd: p.dir, env }), runCli(['check', '--json'], { cwd: p.dir, env })])
    for (const run of runs) assert.equal(run.code, 0, run.stderr)
    const [a, b] = runs.map((r) => JSON.parse(r.stdout))
    assert.deepEqual([a.drift, a.statements, a.migrations], [b.drift, b.statements, b.migrations])
    const again = await runCli(['check', '--json'], { cwd: p.dir, env })
    assert.equal(JSON.parse(again.stdout).replay.fromCache, 2)
  })

  it('gives the action the directory and the key to keep with actions/cache', async () => {
    const p = project('models-sql', modelsProject)
    const dir = join(cache, 'action')
    const run = await runAction({ cwd: p.dir, inputs: { command: 'check', 'check-cache': dir } })
    assert.equal(run.code, 0, run.everything)
    assert.equal(run.outputs['check-cache-path'], dir)
    assert.match(run.outputs['check-cache-key'] ?? '', /^db-migrate-check-[\w-]+-[0-9a-f]{32}$/)
    assert.match(run.summary, /Replayed 2 migrations, from an empty database\./)
    const next = await runAction({ cwd: p.dir, inputs: { command: 'check', 'check-cache': dir } })
    assert.match(next.summary, /Replayed 0 migrations, on the cached snapshot of the first 2\./)
    assert.equal(next.outputs['check-cache-key'], run.outputs['check-cache-key'])
  })
})
