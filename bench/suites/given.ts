// Figures against the given server: the floors, upgrade head in-process, and introspection (alone, and both sides
// with the comparison, as check does it).
import pg from 'pg'
import { compare } from '../../src/compare/compare.js'
import { renderSchemaDdl } from '../../src/render/sql.js'
import { loadModels } from '../../src/models/load.js'
import type { Project } from '../generate/project.js'
import { freshDatabase, withClient, type ScratchDatabase } from '../lib/database.js'
import type { Figure } from '../lib/figures.js'
import { summarize, type Sample } from '../lib/stats.js'
import { floorOneTransaction, floorPerMigration, migrationTexts } from '../measure/floors.js'
import { catalogFloor, columnsQueryVariants, introspectOnce } from '../measure/introspect.js'
import { upgradeInProcess } from '../measure/upgrade.js'

/** Upgrade figures at one size, and what later measures need. */
export interface UpgradeFigures {
  readonly figures: Figure[]
  /** Median of floor (b), which other figures at this size are a ratio to. */
  readonly floorB: number
  /** A database left migrated to head by the last run, for introspection; drop it when done. */
  readonly migrated: ScratchDatabase
}

/**
 * Floors (a) and (b) and migrate() to head, `runs` rounds after a warm-up round, each on a fresh database. The three
 * alternate within a round so that a slow spell of the shared machine weighs on all of them alike.
 */
export async function upgradeFigures(serverUrl: string, project: Project, runs: number, log: (m: string) => void): Promise<UpgradeFigures> {
  const texts = migrationTexts(project)
  const a: number[] = []
  const b: number[] = []
  const up: number[] = []
  let migrated: ScratchDatabase | undefined
  const steps: (() => Promise<void>)[] = [
    async () => void a.push(await onFresh(serverUrl, 'floor_a', (url) => floorOneTransaction(url, texts))),
    async () => void b.push(await onFresh(serverUrl, 'floor_b', (url) => floorPerMigration(url, texts))),
    async () => {
      await migrated?.drop()
      migrated = await freshDatabase(serverUrl, 'upgrade')
      up.push(await upgradeInProcess(project, migrated.url))
    },
  ]
  // one round first that counts for nothing: the first CREATE DATABASE and the first modules loaded are slower
  for (const step of steps) await step()
  a.length = b.length = up.length = 0
  for (let i = 0; i < runs; i++) {
    // each round starts with another of the three, so that none always follows the same one
    for (let k = 0; k < steps.length; k++) await steps[(i + k) % steps.length]!()
    log(`  ${project.label} round ${i + 1}/${runs}: floor (a) ${a.at(-1)!.toFixed(0)} ms, floor (b) ${b.at(-1)!.toFixed(0)} ms, upgrade ${up.at(-1)!.toFixed(0)} ms`)
  }
  const floorA = summarize(a)
  const floorB = summarize(b)
  const group = 'upgrade head from empty (given server)'
  return {
    floorB: floorB.median,
    migrated: migrated!,
    figures: [
      { group, label: 'floor (a): all SQL, one transaction', size: project.label, unit: 'ms', sample: floorA },
      { group, label: 'floor (b): one transaction per migration + bookkeeping insert', size: project.label, unit: 'ms', sample: floorB, floor: { label: 'floor (a)', median: floorA.median } },
      { group, label: 'migrate() in-process', size: project.label, unit: 'ms', sample: summarize(up), floor: { label: 'floor (b)', median: floorB.median } },
    ],
  }
}

async function onFresh(serverUrl: string, label: string, fn: (url: string) => Promise<number>): Promise<number> {
  const db = await freshDatabase(serverUrl, label)
  try {
    return await fn(db.url)
  } finally {
    await db.drop()
  }
}

/** Introspection figures, and what the budgets use. */
export interface IntrospectFigures {
  readonly figures: Figure[]
  readonly queriesPerSide: number
  readonly introspect: Sample
  /** Both sides introspected and compared (null unless `withModels`). */
  readonly bothSides: Sample | null
  readonly operations: number | null
}

/**
 * introspect() of the migrated database, `runs` times over one connection, against the catalog floor. With
 * `withModels`, also the models built in another database and both sides read and compared, as check does.
 */
export async function introspectFigures(serverUrl: string, project: Project, migrated: ScratchDatabase, runs: number, withModels: boolean): Promise<IntrospectFigures> {
  const group = 'introspection (given server)'
  const own: number[] = []
  const floor: number[] = []
  const perQuery: Record<string, number>[] = []
  let queries = 0
  let variants: Awaited<ReturnType<typeof columnsQueryVariants>> = null
  await withClient(migrated.url, async (client) => {
    await introspectOnce(client) // warm the server's catalog caches, as a real run's replay would have
    for (let i = 0; i < runs; i++) {
      const f = await catalogFloor(client)
      floor.push(f.ms)
      perQuery.push(f.perQuery)
      const run = await introspectOnce(client)
      own.push(run.ms)
      queries = run.queries
    }
    variants = await columnsQueryVariants(client, runs)
  })
  const introspect = summarize(own)
  const catalog = summarize(floor)
  const figures: Figure[] = [
    { group, label: 'introspect() one side', size: project.label, unit: 'ms', sample: introspect, floor: { label: 'its catalog queries alone', median: catalog.median } },
    { group, label: 'round trips per side (5 catalog reads + search_path set/restore)', size: project.label, unit: 'queries', sample: summarize([queries]) },
    ...Object.keys(perQuery[0]!).map((name): Figure => ({ group, label: `  catalog query: ${name}`, size: project.label, unit: 'ms', sample: summarize(perQuery.map((p) => p[name]!)) })),
  ]
  const v = variants as { asIs: number[]; joined: number[] } | null
  if (v) {
    const asIs = summarize(v.asIs)
    figures.push(
      { group, label: '  aside: columns query as it is', size: project.label, unit: 'ms', sample: asIs },
      { group, label: '  aside: columns query, comments by LEFT JOIN pg_description (same rows)', size: project.label, unit: 'ms', sample: summarize(v.joined), floor: { label: 'as it is', median: asIs.median } },
    )
  }
  if (!withModels) return { figures, queriesPerSide: queries, introspect, bothSides: null, operations: null }

  const modelsDb = await freshDatabase(serverUrl, 'models')
  try {
    const loaded = await loadModels(project.modelsPath, { cwd: project.dir })
    await withClient(modelsDb.url, async (client) => {
      for (const { sql } of renderSchemaDdl(loaded.schema)) await client.query(sql)
    })
    const both: number[] = []
    let operations = 0
    const a = new pg.Client({ connectionString: migrated.url })
    const b = new pg.Client({ connectionString: modelsDb.url })
    await Promise.all([a.connect(), b.connect()])
    try {
      await introspectOnce(b)
      for (let i = 0; i < runs; i++) {
        const started = performance.now()
        const [from, to] = await Promise.all([introspectOnce(a), introspectOnce(b)])
        operations = compare(from.schema, to.schema).length
        both.push(performance.now() - started)
      }
    } finally {
      await Promise.all([a.end(), b.end()])
    }
    const bothSides = summarize(both)
    figures.push({ group, label: 'both sides introspected (concurrently) + compare()', size: project.label, unit: 'ms', sample: bothSides, floor: { label: 'catalog queries of one side', median: catalog.median }, note: `${operations} operation(s) found` })
    return { figures, queriesPerSide: queries, introspect, bothSides, operations }
  } finally {
    await modelsDb.drop()
  }
}
