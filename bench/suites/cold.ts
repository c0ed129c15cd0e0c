// Cold figures on the embedded server: its start, and `check` in a fresh process with its stage breakdown.
import type { Project } from '../generate/project.js'
import type { Bundle } from '../lib/bundle.js'
import type { Figure } from '../lib/figures.js'
import { summarize, type Sample } from '../lib/stats.js'
import { checkCli, checkInChild, type CheckRun } from '../measure/check.js'
import { embeddedStarts } from '../measure/embedded.js'
import { floorOneTransaction, floorPerMigration, floorPerStatement, migrationTexts } from '../measure/floors.js'
import type { BinarySource } from '../../src/provision/binaries.js'
import { startEmbedded } from '../../src/provision/embedded.js'
import { freshDatabase } from '../lib/database.js'
import { upgradeInProcess } from '../measure/upgrade.js'

/** Embedded start figures, and the samples the budgets use. */
export interface EmbeddedFigures {
  readonly figures: Figure[]
  readonly cold: Sample
  readonly cached: Sample
  readonly version: string
}

/**
 * Floor (b) and migrate() on an embedded server (durability off, as check's server runs), alternating: without fsync
 * at every commit, what the runtime adds to the floor shows. Floor (b) here is what check's replay is a ratio to.
 */
export async function embeddedUpgradeFigures(project: Project, runs: number): Promise<{ figures: Figure[]; floorB: Sample }> {
  const server = await startEmbedded()
  try {
    const texts = migrationTexts(project)
    const oneTransaction: number[] = []
    const floor: number[] = []
    const up: number[] = []
    const perStatement: number[] = []
    const fresh = async (label: string, fn: (url: string) => Promise<number>) => {
      const db = await freshDatabase(server.url, label)
      try {
        return await fn(db.url)
      } finally {
        await db.drop()
      }
    }
    for (let i = 0; i < runs; i++) {
      oneTransaction.push(await fresh('floor_a', (url) => floorOneTransaction(url, texts)))
      floor.push(await fresh('floor_b', (url) => floorPerMigration(url, texts)))
      up.push(await fresh('upgrade', (url) => upgradeInProcess(project, url)))
      perStatement.push(await fresh('floor_s', (url) => floorPerStatement(url, texts)))
    }
    const group = 'upgrade head from empty (embedded server, durability off)'
    const floorB = summarize(floor)
    const floorA = summarize(oneTransaction)
    return {
      floorB,
      figures: [
        { group, label: 'floor (a): all SQL, one transaction', size: project.label, unit: 'ms', sample: floorA },
        { group, label: 'floor (b): one transaction per migration + bookkeeping insert', size: project.label, unit: 'ms', sample: floorB, floor: { label: 'floor (a)', median: floorA.median } },
        { group, label: 'migrate() in-process', size: project.label, unit: 'ms', sample: summarize(up), floor: { label: 'floor (b)', median: floorB.median } },
        { group, label: '  aside: floor (b) sending statements one by one, split as the runtime does', size: project.label, unit: 'ms', sample: summarize(perStatement), floor: { label: 'floor (b)', median: floorB.median } },
      ],
    }
  } finally {
    await server.stop()
  }
}

/** Cold and cached starts, `runs` times each, with a new empty cache every time. */
export async function embeddedFigures(runs: number, source?: BinarySource): Promise<EmbeddedFigures> {
  const cold: number[] = []
  const cached: number[] = []
  let version = ''
  for (let i = 0; i < runs; i++) {
    const run = await embeddedStarts(source)
    cold.push(run.coldMs)
    cached.push(run.cachedMs)
    version = run.version
  }
  const group = `embedded PostgreSQL ${version} ready (binaries: ${source ?? 'default order'})`
  const coldSample = summarize(cold)
  const cachedSample = summarize(cached)
  return {
    cold: coldSample,
    cached: cachedSample,
    version,
    figures: [
      { group, label: 'cold: empty cache (initdb, then start)', size: '', unit: 'ms', sample: coldSample },
      { group, label: 'from the cached cluster (copy, then start)', size: '', unit: 'ms', sample: cachedSample },
    ],
  }
}

/** Cold check figures, and what the budgets and the analysis use. */
export interface CheckFigures {
  readonly figures: Figure[]
  /** Median per stage of the `stages` runs. */
  readonly stages: Record<string, number>
  /** Median of each alternative timed aside. */
  readonly experiments: Record<string, number>
  readonly whole: Sample
  readonly cli: Sample | null
  readonly cliRss: Sample | null
  readonly childRss: Sample
  readonly operations: number
  /** Whether the CLI reported drift in any run. */
  readonly cliDrift: boolean
}

/**
 * `check` cold, `runs` times each: stage by stage (timed around the public functions), check() itself, and the CLI
 * (`db-migrate check`, which starts its own server) when a bundle is there. Every run is a fresh process.
 */
export async function checkFigures(project: Project, tmp: string, runs: number, bundle: Bundle | null, floorB: number | null): Promise<CheckFigures> {
  const group = 'check, cold (embedded server started, cached cluster)'
  const staged: CheckRun[] = []
  const whole: CheckRun[] = []
  const cli: number[] = []
  const cliRss: number[] = []
  let cliDrift = false
  for (let i = 0; i < runs; i++) {
    staged.push(await checkInChild('stages', project, tmp))
    whole.push(await checkInChild('whole', project, tmp))
    if (bundle) {
      // cold: nothing of an earlier run (snapshots, stored readings, the models' manifest) to start from
      const run = await checkCli(bundle.cli, project, { DB_MIGRATE_NO_CACHE: 'true' })
      if (run.drift) cliDrift = true
      cli.push(run.wallMs)
      if (run.maxRssMb !== null) cliRss.push(run.maxRssMb)
    }
  }
  const stages: Record<string, number> = {}
  for (const name of Object.keys(staged[0]!.stages)) stages[name] = summarize(staged.map((s) => s.stages[name] ?? 0)).median
  const experiments: Record<string, number> = {}
  for (const name of Object.keys(staged[0]!.experiments)) experiments[name] = summarize(staged.map((s) => s.experiments[name] ?? 0)).median
  const floor = floorB === null ? undefined : { label: 'floor (b) on the embedded server', median: floorB }
  const wholeSample = summarize(whole.map((w) => w.totalMs))
  const childRss = summarize(whole.map((w) => w.maxRssMb))
  const cliSample = cli.length ? summarize(cli) : null
  const cliRssSample = cliRss.length ? summarize(cliRss) : null
  const figures: Figure[] = [
    ...(cliSample ? [{ group, label: '`db-migrate check` (CLI), start to exit', size: project.label, unit: 'ms' as const, sample: cliSample, ...(floor ? { floor } : {}), note: cliDrift ? 'reported drift' : 'no drift' }] : []),
    { group, label: 'server start + check() in-process', size: project.label, unit: 'ms', sample: wholeSample, ...(floor ? { floor } : {}), note: `${whole[0]!.operations} operation(s) found` },
    { group, label: 'stage by stage, sequential (sum)', size: project.label, unit: 'ms', sample: summarize(staged.map((s) => s.totalMs)), ...(floor ? { floor } : {}) },
    ...Object.keys(stages).map((name): Figure => ({
      group, label: `  stage: ${name}`, size: project.label, unit: 'ms', sample: summarize(staged.map((s) => s.stages[name] ?? 0)),
      ...(name === 'replay migrations' && floor ? { floor } : {}),
    })),
    ...Object.keys(staged[0]!.experiments).map((name): Figure => ({
      group, label: `  aside: ${name}`, size: project.label, unit: 'ms', sample: summarize(staged.map((s) => s.experiments[name] ?? 0)),
    })),
    ...(cliRssSample ? [{ group, label: '`db-migrate check` peak memory', size: project.label, unit: 'MB' as const, sample: cliRssSample }] : []),
    { group, label: 'check() peak memory (process under tsx)', size: project.label, unit: 'MB', sample: childRss, note: `after loading modules: ${whole[0]!.rssAfterLoadMb.toFixed(0)} MB` },
  ]
  return { figures, stages, experiments, whole: wholeSample, cli: cliSample, cliRss: cliRssSample, childRss, operations: whole[0]!.operations, cliDrift }
}
