// One cold `check` in a fresh process, printed as JSON on stdout. Run by bench/measure/check.ts:
//   node --import tsx bench/child/check.ts stages|whole <project.json> [serverUrl]
// Without serverUrl an embedded server is started (from the cached cluster) and counted.
// `stages` times each stage in turn around the public functions; `whole` calls check() itself, which replays
// the migrations and builds the models concurrently.
import { readFileSync } from 'node:fs'
import pg from 'pg'
import { transform } from 'sucrase'
import { check } from '../../src/commands/check.js'
import { compare } from '../../src/compare/compare.js'
import { introspect } from '../../src/introspect/introspect.js'
import { importModule } from '../../src/loader/import.js'
import { collectModels } from '../../src/models/collect.js'
import { toSchema } from '../../src/models/to-schema.js'
import { startEmbedded, type EmbeddedServer } from '../../src/provision/embedded.js'
import { createScratchDatabase } from '../../src/provision/scratch.js'
import { renderSchemaDdl, renderSql } from '../../src/render/sql.js'
import { silentLog } from '../../src/log.js'
import { migrate } from '../../src/runtime/migrate.js'
import type { Project } from '../generate/project.js'
import { projectConfig } from '../lib/config.js'

const loadedMs = performance.now()
const [mode, projectFile, givenServer] = process.argv.slice(2)
const project = JSON.parse(readFileSync(projectFile!, 'utf8')) as Project
const config = projectConfig(project, 'check')
const stages: Record<string, number> = {}
let mark = performance.now()
const lap = (stage: string) => {
  const now = performance.now()
  stages[stage] = (stages[stage] ?? 0) + now - mark
  mark = now
}

let server: EmbeddedServer | undefined
const started = performance.now()
if (!givenServer) server = await startEmbedded()
const serverUrl = givenServer ?? server!.url
lap('start-up')
const rssBefore = process.memoryUsage().rss

let queries = 0
let operations: number
let totalMs = 0
const experiments: Record<string, number> = {}
if (mode === 'whole') {
  const result = await check(config, serverUrl, silentLog)
  operations = result.operations.length
  lap('check()')
  totalMs = performance.now() - started
} else {
  // loadModels() is importModule() + collectModels() + buildSchema(); timed in two parts
  const exports = await importModule(config.modelsPath, { fresh: true })
  lap('import models module')
  const models = { schema: toSchema(collectModels(exports)) }
  lap('models to schema')
  const [migratedDb, modelsDb] = await Promise.all([createScratchDatabase(serverUrl, 'bench_check_m'), createScratchDatabase(serverUrl, 'bench_check_s')])
  lap('scratch databases')
  await migrate({ ...config, revision: undefined }, migratedDb.url, silentLog, 'up')
  lap('replay migrations')
  const counted = async (url: string, exclude: { schema: string; name: string }[]) => {
    const client = new pg.Client({ connectionString: url })
    await client.connect()
    try {
      return await introspect({ query: (text: string, values?: unknown[]) => (queries++, client.query(text, values)) }, { exclude })
    } finally {
      await client.end()
    }
  }
  const migrated = await counted(migratedDb.url, [{ schema: config.historySchema, name: config.historyTable }])
  lap('introspect migrations side')
  const client = new pg.Client({ connectionString: modelsDb.url })
  await client.connect()
  // as check() builds it (commands/check.ts, buildModels): the whole DDL as one query in one transaction
  await client.query(['BEGIN', ...renderSchemaDdl(models.schema).map((r) => r.sql), 'COMMIT'].join(';\n'))
  await client.end()
  lap('build models schema')
  const modelsSide = await counted(modelsDb.url, [])
  lap('introspect models side')
  const ops = compare(migrated, modelsSide)
  lap('compare')
  renderSql(ops)
  lap('render')
  operations = ops.length
  await Promise.all([migratedDb.drop(), modelsDb.drop()])
  lap('drop scratch databases')
  totalMs = performance.now() - started
  const source = readFileSync(config.modelsPath, 'utf8')
  const s = performance.now()
  transform(source, { transforms: ['typescript'], filePath: config.modelsPath, disableESTransforms: true, keepUnusedImports: false })
  experiments['sucrase transform of models.ts alone'] = performance.now() - s
  mark = performance.now()
}
if (server) await server.stop()
lap('stop server')

process.stdout.write(JSON.stringify({
  stages,
  totalMs,
  experiments,
  operations,
  queries,
  moduleLoadMs: loadedMs,
  rssAfterLoadMb: rssBefore / 2 ** 20,
  maxRssMb: process.resourceUsage().maxRSS / 1024,
}) + '\n')
