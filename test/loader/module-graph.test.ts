// What the loader hooks say a module was made of: every module under it, however it was reached first, and the
// facts its resolution rested on; nothing for a module they never loaded or one compiled by more than its text.
import assert from 'node:assert/strict'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, describe, it } from 'node:test'
import { pathToFileURL } from 'node:url'
import { ModuleGraph, pathHash, sha256 } from '../../src/loader/module-graph.js'

const dir = mkdtempSync(join(tmpdir(), 'db-migrate-module-graph-'))
after(() => rmSync(dir, { recursive: true, force: true }))
const url = (name: string) => pathToFileURL(join(dir, name)).href

describe('the module graph of the loader hooks', () => {
  it('holds a module loaded before under another importer, with the hashes of what was loaded', () => {
    const graph = new ModuleGraph()
    graph.edge('file:///main.js', url('shared.ts'))
    graph.loaded(url('shared.ts'), 'export const a = 1')
    graph.edge(url('shared.ts'), 'node:fs')
    graph.edge('file:///main.js', url('models.ts'))
    graph.loaded(url('models.ts'), Buffer.from('import "./shared.ts"'))
    graph.edge(url('models.ts'), url('shared.ts'))
    graph.fact(url('models.ts'), join(dir, 'shared.js'), null)
    assert.deepEqual(graph.closure(url('models.ts'))?.sort((a, b) => a.path.localeCompare(b.path)), [
      { path: join(dir, 'models.ts'), hash: sha256('import "./shared.ts"') },
      { path: join(dir, 'shared.js'), hash: null },
      { path: join(dir, 'shared.ts'), hash: sha256('export const a = 1') },
    ])
  })

  it('knows nothing of a module it never loaded, or of one compiled by more than its text', () => {
    const graph = new ModuleGraph()
    assert.equal(graph.closure(url('never.ts')), null)
    graph.loaded(url('models.ts'), 'x')
    graph.edge(url('models.ts'), url('entity.ts'))
    graph.loaded(url('entity.ts'), '@Entity() class A {}')
    graph.unknowable(url('entity.ts'))
    assert.equal(graph.closure(url('models.ts')), null)
  })

  it('tells a file by its bytes, a folder, and nothing there apart', () => {
    writeFileSync(join(dir, 'file.txt'), 'text')
    mkdirSync(join(dir, 'folder'))
    assert.equal(pathHash(join(dir, 'file.txt')), sha256('text'))
    assert.equal(pathHash(join(dir, 'folder')), 'dir')
    assert.equal(pathHash(join(dir, 'nothing')), null)
  })
})
