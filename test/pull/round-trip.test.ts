// pull is the inverse of check: the models it writes from the migrations' head build exactly the schema those
// migrations build, names included, for every fixture of the model language and the benchmark's 300-table project.
import assert from 'node:assert/strict'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { after, before, it } from 'node:test'
import ts from 'typescript'
import { syntheticProject } from '../../bench/generate/project.js'
import { findDrift } from '../../src/commands/check.js'
import { compare } from '../../src/compare/compare.js'
import { explainDrift } from '../../src/ops/explain-drift.js'
import { loadModelSource } from '../../src/models/sources/find.js'
import { pull } from '../../src/commands/pull.js'
import { parseConfig, type RawSettings } from '../../src/config/config.js'
import { silentLog } from '../../src/log.js'
import { adminQuery, scratchDatabase } from '../helpers/postgres.js'
import { modelsProject, project } from '../helpers/project.js'
import { eachServer, schemaAt } from '../check/project.js'

const fixtures = ['models-demo', 'models-types', 'models-defaults', 'models-constraints', 'models-indexes', 'models-schemas', 'models-keys',
  'models-objects', 'models-tables', 'models-extensions', 'models-sequences', 'models-domains', 'models-composites', 'models-collations',
  'models-sql', 'models-drizzle', 'models-sequelize', 'models-sequelize-ts', 'models-typeorm', 'diff-sides', 'e2e-blog', 'reversible-chain', 'lint-chain', 'pull-names']

const root = fileURLToPath(new URL('../..', import.meta.url))
/** The files pulled so far, by fixture: each project's folder goes when its test ends. */
const written = new Map<string, string>()

async function pullThenCheck(dir: string, serverUrl: string, settings: RawSettings = {}) {
  const config = (command: string) => parseConfig({ settings: { command, models: 'pulled.ts', migrations: 'migrations', 'lock-wait': '10s', ...settings }, env: {}, cwd: dir })
  const pulled = await pull(config('pull'), silentLog, { source: { server: serverUrl } })
  const drift = await findDrift(config('check'), serverUrl, silentLog)
  const text = readFileSync(join(dir, 'pulled.ts'), 'utf8')
  written.set(dir, text)
  return { pulled, drift, text }
}

eachServer('pull: the models of the migrations\' head, which check accepts', (server) => {
  // the role models-tables grants to and names in a policy: roles are the cluster's, not the database's
  before(() => adminQuery(server.url, `DO $$ BEGIN CREATE ROLE db_migrate_fixture_app; EXCEPTION WHEN duplicate_object THEN NULL; END $$`))
  for (const fixture of fixtures) {
    it(`round-trips ${fixture}: no difference, the same names, nothing left out`, async () => {
      const { pulled, drift, text } = await pullThenCheck(project(fixture, modelsProject).dir, server.url)
      assert.deepEqual(pulled.omitted, [])
      assert.deepEqual(drift.explanations, [], text)
      assert.equal(drift.drift, false)
      // stronger than compare(), which matches constraints by what they do: every name and spelling comes back
      assert.deepEqual(drift.models, drift.migrated, text)
      assert.equal(pulled.tables, drift.migrated.tables.length)
      assert.equal(pulled.enums, drift.migrated.enums.length)
    })
  }

  // every models file of the model-language fixtures, drifted copies included: each is a schema of its own
  const modelFiles = fixtures.filter((f) => existsSync(join(root, 'test', 'fixtures', f, 'models.ts'))).flatMap((f) => ['', 'drift/'].flatMap((folder) => {
    const dir = join(root, 'test', 'fixtures', f, folder)
    return existsSync(dir) ? readdirSync(dir).filter((n) => n.endsWith('.ts')).map((n) => [f, `${folder}${n}`] as const) : []
  }))
  for (const [fixture, models] of modelFiles) {
    it(`round-trips the database ${fixture}/${models} builds, read from its URL`, async () => {
      const p = project(fixture, modelsProject)
      const [fromDb, toDb] = [await scratchDatabase(server, 'pull_from'), await scratchDatabase(server, 'pull_to')]
      after(() => Promise.all([fromDb.drop(), toDb.drop()]))
      await (await loadModelSource(p.config({ models }))).build(fromDb.url)
      const from = await schemaAt(fromDb.url)
      const pulled = await pull(p.config({ command: 'pull', models: 'pulled.ts' }), silentLog, { source: { database: fromDb.url } })
      assert.deepEqual(pulled.omitted, [])
      const back = await loadModelSource(p.config({ models: 'pulled.ts' }))
      assert.equal(back.kind, 'db-migrate')
      await back.build(toDb.url)
      const to = await schemaAt(toDb.url)
      assert.deepEqual(compare(from, to).map(explainDrift), [], pulled.text)
      assert.deepEqual(to, from, pulled.text)
    })
  }

  it('writes files TypeScript compiles in strict mode, references between tables and to themselves included', () => {
    const dir = join(root, 'test', '.tmp', `pull-typecheck-${process.pid}`)
    mkdirSync(dir, { recursive: true })
    after(() => rmSync(dir, { recursive: true, force: true }))
    const files = [...written.values()].map((text, i) => {
      writeFileSync(join(dir, `pulled${i}.ts`), text)
      return join(dir, `pulled${i}.ts`)
    })
    assert.ok(files.length >= fixtures.length)
    const program = ts.createProgram(files, { strict: true, noEmit: true, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022, skipLibCheck: true })
    const errors = ts.getPreEmitDiagnostics(program).map((d) => `${d.file?.fileName ?? ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`)
    assert.deepEqual(errors, [])
  })

  it('names each thing the model language cannot declare, and check finds exactly those differences', async () => {
    const { pulled, drift } = await pullThenCheck(project('pull-limits', modelsProject).dir, server.url)
    assert.deepEqual(pulled.omitted.map((o) => o.split(':')[0]), [
      'check short_text_length on domain short_text',
      'column doc.n is a serial that allows NULL',
      'check doc_id_positive on doc',
      'check doc_title_lines on doc',
      'index doc_title_nulls_first on doc',
      'index doc_title_pattern on doc',
      'materialized view doc_count has WITH (fillfactor=50)',
      'index doc_count_n on doc_count has a comment',
    ])
    // each named by check as it was by pull; a comment on a materialized view's index is not compared
    assert.deepEqual(drift.explanations, [
      'domain short_text: checks short_text_length CHECK ((length(VALUE) < 10)) NOT VALID in the migrations, none in the models',
      'index doc_count_n on doc_count is dropped while what it depends on changes',
      'materialized view doc_count differs: definition, in a way CREATE OR REPLACE cannot change, so it is dropped and created again',
      'table doc: check doc_id_positive CHECK ((id > 0)) NO INHERIT is created by the migrations but is not in the models',
      'table doc: check doc_title_lines CHECK ((title <> \'two\nlines\'::text)) NO INHERIT is created by the migrations but is not in the models',
      'table doc: index doc_title_nulls_first is created by the migrations but is not in the models',
      'table doc: index doc_title_pattern is created by the migrations but is not in the models',
      'table doc: column n differs: nullability nullable in the migrations, NOT NULL in the models',
      'materialized view doc_count is created again as the models define it',
      'index doc_count_n on doc_count is created again after what it depends on changes',
    ])
  })

  it('round-trips the benchmark\'s generated 300-table project', async () => {
    const dir = join(root, 'test', '.tmp', `pull-bench-${process.pid}`)
    mkdirSync(dir, { recursive: true })
    after(() => rmSync(dir, { recursive: true, force: true }))
    const generated = syntheticProject(dir, 300, 600, 20240101)
    const { pulled, drift } = await pullThenCheck(generated.dir, server.url)
    assert.equal(pulled.tables, 300)
    assert.deepEqual(pulled.omitted, [])
    assert.deepEqual(drift.explanations, [])
    assert.deepEqual(drift.models, drift.migrated)
  })
})
