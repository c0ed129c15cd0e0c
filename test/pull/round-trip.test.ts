// pull is the inverse of check: the models it writes from the migrations' head build exactly the schema those
// migrations build, names included, for every fixture of the model language and the benchmark's 300-table project.
import assert from 'node:assert/strict'
import { mkdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { after, it } from 'node:test'
import { syntheticProject } from '../../bench/generate/project.js'
import { findDrift } from '../../src/commands/check.js'
import { pull } from '../../src/commands/pull.js'
import { parseConfig, type RawSettings } from '../../src/config/config.js'
import { silentLog } from '../../src/log.js'
import { eachServer, project } from '../check/project.js'

const fixtures = ['models-demo', 'models-types', 'models-defaults', 'models-constraints', 'models-indexes', 'models-schemas', 'models-keys', 'pull-names']

async function pullThenCheck(dir: string, serverUrl: string, settings: RawSettings = {}) {
  const config = (command: string) => parseConfig({ settings: { command, models: 'pulled.ts', migrations: 'migrations', 'lock-wait': '10s', ...settings }, env: {}, cwd: dir })
  const pulled = await pull(config('pull'), silentLog, { source: { server: serverUrl } })
  const drift = await findDrift(config('check'), serverUrl, silentLog)
  return { pulled, drift, text: readFileSync(join(dir, 'pulled.ts'), 'utf8') }
}

eachServer('pull: the models of the migrations\' head, which check accepts', (server) => {
  for (const fixture of fixtures) {
    it(`round-trips ${fixture}: no difference, the same names, nothing left out`, async () => {
      const { pulled, drift, text } = await pullThenCheck(project(fixture).dir, server.url)
      assert.deepEqual(pulled.omitted, [])
      assert.deepEqual(drift.explanations, [], text)
      assert.equal(drift.drift, false)
      // stronger than compare(), which matches constraints by what they do: every name and spelling comes back
      assert.deepEqual(drift.models, drift.migrated, text)
      assert.equal(pulled.tables, drift.migrated.tables.length)
      assert.equal(pulled.enums, drift.migrated.enums.length)
    })
  }

  it('round-trips the benchmark\'s generated 300-table project', async () => {
    const root = join(fileURLToPath(new URL('../..', import.meta.url)), 'test', '.tmp', `pull-bench-${process.pid}`)
    mkdirSync(root, { recursive: true })
    after(() => rmSync(root, { recursive: true, force: true }))
    const generated = syntheticProject(root, 300, 600, 20240101)
    const { pulled, drift } = await pullThenCheck(generated.dir, server.url)
    assert.equal(pulled.tables, 300)
    assert.deepEqual(pulled.omitted, [])
    assert.deepEqual(drift.explanations, [])
    assert.deepEqual(drift.models, drift.migrated)
  })
})
