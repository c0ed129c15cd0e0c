// check's cache of the models as users meet it: a check whose models did not change since the last one imports
// nothing of them (the models module appends a line to a file whenever it is imported) and reports them cached;
// after an edit of the models file, of a file it imports, of a file it reads, of an environment variable it reads,
// of a package's package.json, when a file that its import would take instead appears, and with --no-cache, its answer is that of a check without any cache.
import assert from 'node:assert/strict'
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, describe, it } from 'node:test'
import { testServers } from '../helpers/postgres.js'
import { project } from '../helpers/project.js'
import { runCli } from '../helpers/runner.js'

const server = (await testServers()).at(-1)!
const cache = mkdtempSync(join(tmpdir(), 'db-migrate-models-cache-e2e-'))
chmodSync(cache, 0o755)
after(() => rmSync(cache, { recursive: true, force: true }))

const models = (table: string, column: string) => `import { appendFileSync, readFileSync } from 'node:fs'
import { integer, table, text, varchar } from 'db-migrate-action'
import { label } from './columns.js'
import { size } from 'sizes'

appendFileSync(new URL('./imported.log', import.meta.url), 'imported\\n')

export const item = table('${table}', {
  id: integer().primaryKey(),
  label: label(),
  code: varchar(Number(readFileSync(new URL('./width.txt', import.meta.url), 'utf8'))),
  size: varchar(size),
  ${column}
  ...(process.env.DB_MIGRATE_TEST_EXTRA === 'yes' ? { extra: text() } : {}),
})
`

describe('check with the models cached', () => {
  it('imports unchanged models no more, and answers as without a cache after each change', async () => {
    const p = project(null)
    // a table name of this run only: a shared server keeps snapshots of other runs
    const t = `item_${p.dir.slice(-6).toLowerCase().replace(/[^a-z0-9]/g, '')}`
    mkdirSync(join(p.dir, 'migrations'))
    p.write('migrations/20240101000000_item.sql', `CREATE TABLE ${t} (id integer PRIMARY KEY, label text, code varchar(10), size varchar(5));\n`)
    p.write('width.txt', '10')
    p.write('package.json', '{ "type": "module" }\n')
    mkdirSync(join(p.dir, 'node_modules', 'sizes'), { recursive: true })
    p.write('node_modules/sizes/package.json', '{ "name": "sizes", "type": "module", "exports": "./small.mjs" }\n')
    p.write('node_modules/sizes/small.mjs', 'export const size = 5\n')
    p.write('node_modules/sizes/large.mjs', 'export const size = 50\n')
    p.write('columns.ts', "import { text } from 'db-migrate-action'\nexport const label = () => text()\n")
    p.write('models.ts', models(t, ''))
    const imports = () => readFileSync(join(p.dir, 'imported.log'), 'utf8').split('\n').filter(Boolean).length
    const check = async (env: Record<string, string> = {}, flags: string[] = []) => {
      const run = await runCli(['check', '--json', '--models', 'models.ts', '--shadow-database-url', server.url, ...flags], {
        cwd: p.dir,
        env: { DB_MIGRATE_CHECK_CACHE: cache, ...env },
      })
      assert.ok(run.code === 0 || run.code === 1, run.stderr)
      const json = JSON.parse(run.stdout) as { drift: boolean; statements: string[]; replay: { modelsCached: boolean } }
      return { drift: json.drift, statements: json.statements, cached: json.replay.modelsCached }
    }
    const sameAsUncached = async (what: string, env: Record<string, string> = {}) => {
      const before = imports()
      const cached = await check(env)
      assert.equal(imports(), before + 1, `${what}: the models are imported again`)
      const uncached = await check(env, ['--no-cache'])
      assert.equal(uncached.cached, false, `${what}: --no-cache builds the models`)
      assert.equal(imports(), before + 2, `${what}: --no-cache imports the models`)
      assert.deepEqual({ drift: cached.drift, statements: cached.statements }, { drift: uncached.drift, statements: uncached.statements }, what)
      return cached
    }

    const first = await check()
    assert.deepEqual(first, { drift: false, statements: [], cached: false })
    assert.equal(imports(), 1)
    assert.deepEqual(await check(), { drift: false, statements: [], cached: true }, 'unchanged models: cached')
    assert.equal(imports(), 1, 'unchanged models: not imported')

    p.write('models.ts', models(t, 'note: text(),'))
    const note = await sameAsUncached('models.ts edited')
    assert.ok(note.statements.some((s) => /ADD COLUMN note text/.test(s)), note.statements.join('\n'))
    assert.deepEqual(await check(), { ...note, cached: true }, 'models.ts unchanged since: cached')

    p.write('columns.ts', "import { varchar } from 'db-migrate-action'\nexport const label = () => varchar(20)\n")
    const label = await sameAsUncached('columns.ts edited')
    assert.ok(label.statements.some((s) => /label.*character varying\(20\)/.test(s)), label.statements.join('\n'))

    p.write('width.txt', '12')
    const width = await sameAsUncached('a file the models read edited')
    assert.ok(width.statements.some((s) => /code.*character varying\(12\)/.test(s)), width.statements.join('\n'))
    p.write('width.txt', '10')
    assert.deepEqual((await sameAsUncached('that file as it was')).statements, label.statements)

    // './columns.js' named columns.ts only while no columns.js existed
    p.write('columns.js', "import { varchar } from 'db-migrate-action'\nexport const label = () => varchar(30)\n")
    const shadowed = await sameAsUncached('a file the import would take instead appeared')
    assert.ok(shadowed.statements.some((s) => /label.*character varying\(30\)/.test(s)), shadowed.statements.join('\n'))
    p.remove('columns.js')
    assert.deepEqual((await sameAsUncached('that file removed')).statements, label.statements)

    p.write('node_modules/sizes/package.json', '{ "name": "sizes", "type": "module", "exports": "./large.mjs" }\n')
    const size = await sameAsUncached('a package the models import resolves to another file')
    assert.ok(size.statements.some((s) => /size.*character varying\(50\)/.test(s)), size.statements.join('\n'))
    p.write('node_modules/sizes/package.json', '{ "name": "sizes", "type": "module", "exports": "./small.mjs" }\n')
    assert.deepEqual((await sameAsUncached('that package as it was')).statements, label.statements)

    const extra = await sameAsUncached('an environment variable the models read changed', { DB_MIGRATE_TEST_EXTRA: 'yes' })
    assert.ok(extra.statements.some((s) => /ADD COLUMN extra text/.test(s)), extra.statements.join('\n'))
    const before = imports()
    assert.deepEqual(await check({ DB_MIGRATE_TEST_EXTRA: 'yes' }), { ...extra, cached: true }, 'the same variable again: cached')
    assert.equal(imports(), before, 'the same variable again: not imported')
    const back = await sameAsUncached('the variable unset again')
    assert.deepEqual(back.statements, label.statements)
  })
})
