// The JavaScript of a large TypeScript models module is kept by its exact content: a second load reads it back, any
// edit (or other options) makes it again, and a cache that cannot be written only costs the transform.
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { after, describe, it } from 'node:test'
import { cachedFrom, cachedTransform } from '../../src/loader/transform-cache.js'

const dir = mkdtempSync(join(tmpdir(), 'db-migrate-transforms-'))
after(() => rmSync(dir, { recursive: true, force: true }))

describe('the transform cache', () => {
  it('returns what it made for the same path, source and options, and makes it again when any of them changes', () => {
    const cache = join(dir, 'unit')
    let made = 0
    const make = (code: string) => () => (made++, code)
    assert.equal(cachedTransform(cache, '/p/models.ts', 'let a: number = 1', 'o1', make('let a = 1')), 'let a = 1')
    assert.equal(cachedTransform(cache, '/p/models.ts', 'let a: number = 1', 'o1', make('other')), 'let a = 1')
    assert.equal(made, 1)
    assert.equal(cachedTransform(cache, '/p/models.ts', 'let a: number = 2', 'o1', make('let a = 2')), 'let a = 2')
    assert.equal(cachedTransform(cache, '/p/models.ts', 'let a: number = 2', 'o2', make('let a = 2 // o2')), 'let a = 2 // o2')
    assert.equal(cachedTransform(cache, '/q/models.ts', 'let a: number = 2', 'o2', make('let a = 2 // q')), 'let a = 2 // q')
    assert.equal(made, 4)
    const blocked = join(dir, 'a-file')
    writeFileSync(blocked, '')
    assert.equal(cachedTransform(blocked, '/p/models.ts', 'x', 'o1', make('made')), 'made')
  })

  it('a large models module loads the same from the cache, and an edit to it is seen', () => {
    const project = mkdtempSync(join(dir, 'project-'))
    const cache = join(dir, 'cache')
    const models = join(project, 'models.ts')
    const write = (tables: number) => {
      const lines = [`import { integer, table, text } from 'db-migrate-action'`]
      for (let i = 0; i < tables; i++) lines.push(`export const t${i}: ReturnType<typeof table> = table('t_${i}', { id: integer().primaryKey(), note: text() })`)
      writeFileSync(models, `${lines.join('\n')}\n`)
    }
    const load = () => {
      const script = `import { loadModels } from ${JSON.stringify(fileURLToPath(new URL('../../src/models/load.ts', import.meta.url)))}
const { schema } = await loadModels(${JSON.stringify(models)})
console.log(schema.tables.map((t) => t.name).join(','))`
      const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', env: { ...process.env, DB_MIGRATE_CACHE: cache } })
      assert.equal(r.status, 0, r.stderr)
      return r.stdout.trim().split(',')
    }
    write(1000)
    const first = load()
    assert.equal(first.length, 1000)
    assert.deepEqual(readdirSync(join(cache, 'transforms')).length, 1, 'a module this large is kept')
    assert.deepEqual(load(), first)
    write(1001)
    assert.equal(load().length, 1001)
    assert.ok(cachedFrom < 1000 * 80)
  })
})
