// The CLI as a project runs it: models with views, functions and triggers that agree with the migrations check
// clean (exit 0); a trigger left out of the models is drift (exit 1) that names it; a view PostgreSQL rejects is a
// one-line error naming the models file (exit 2).
import assert from 'node:assert/strict'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { testServers } from '../helpers/postgres.js'
import { copyFixture } from '../helpers/project.js'
import { runCli } from '../helpers/runner.js'

const server = (await testServers()).at(-1)!

function objectsProject(): { dir: string; models: string } {
  const dir = copyFixture('models-objects')
  const models = readFileSync(join(dir, 'models.ts'), 'utf8').replace("'../../../src/index.js'", "'db-migrate-action'")
  writeFileSync(join(dir, 'models.ts'), models)
  return { dir, models }
}

const check = (dir: string, models: string) => runCli(['check', '--models', models, '--shadow-database-url', server.url], { cwd: dir })

describe('check with views, functions and triggers', () => {
  it('exits 0 when the models agree with the migrations', async () => {
    const { dir } = objectsProject()
    const run = await check(dir, 'models.ts')
    assert.equal(run.code, 0, run.stdout + run.stderr)
  })

  it('exits 1 naming a trigger the models leave out, with the SQL that drops it', async () => {
    const { dir, models } = objectsProject()
    writeFileSync(join(dir, 'drift.ts'), models.replace('export const productTouch = trigger(', 'export const productTouch = () => trigger('))
    const run = await check(dir, 'drift.ts')
    assert.equal(run.code, 1, run.stderr)
    assert.match(run.stdout, /trigger product_touch on product is created by the migrations but is not in the models/)
    assert.match(run.stdout, /DROP TRIGGER product_touch ON product/)
  })

  it('exits 2 with one line naming the models file when PostgreSQL rejects a view', async () => {
    const { dir, models } = objectsProject()
    writeFileSync(join(dir, 'broken.ts'), models.replace('SELECT id, slug FROM ${priced}', 'SELECT id, nosuch FROM ${priced}'))
    const run = await check(dir, 'broken.ts')
    assert.equal(run.code, 2, run.stdout + run.stderr)
    assert.match(run.stderr, /models file broken\.ts: PostgreSQL rejects the models: column "nosuch" does not exist — in: CREATE VIEW cheap AS SELECT id, nosuch FROM priced WHERE price < 10: fix the model/)
  })
})
