// check with its cache of snapshots: cold (empty cache), warm with nothing new, and with one new migration, as the
// CLI process and as the migrations' side alone (replay(): copy of the snapshot, the rest applied, introspection).
import { chmodSync, cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Project } from '../generate/project.js'
import type { Bundle } from '../lib/bundle.js'
import type { Figure } from '../lib/figures.js'
import { projectConfig } from '../lib/config.js'
import { runProcess, toolEnv } from '../lib/process.js'
import { summarize } from '../lib/stats.js'
import { lastLine } from '../measure/upgrade.js'
import { replay } from '../../src/commands/replay.js'
import { silentLog } from '../../src/log.js'
import { startCheckCluster } from '../../src/provision/check-cluster.js'

type Case = 'cold' | 'warm' | 'one new'

/** A copy of `project` next to it (the models' relative imports still resolve) that the suite may add migrations to. */
function workingCopy(project: Project, tmp: string): Project {
  const dir = mkdtempSync(join(tmp, `incremental-${project.tables}x${project.migrations}-`))
  cpSync(project.dir, dir, { recursive: true })
  return { ...project, dir, migrationsDir: join(dir, 'migrations'), modelsPath: join(dir, 'models.ts') }
}

/** Adds the `i`th one-new migration, removing the one before: each run copies the same snapshot and applies one file. */
function oneNew(project: Project, i: number): void {
  if (i > 0) rmSync(join(project.migrationsDir, `99999999999999_bench_new_${i - 1}.sql`), { force: true })
  writeFileSync(join(project.migrationsDir, `99999999999999_bench_new_${i}.sql`), `CREATE TABLE bench_new_${i} (id integer PRIMARY KEY, note text);\n`)
}

/** `runtimes`: the Node binaries to run the CLI under, by the name the figures give them (the bench's own first). */
export async function incrementalFigures(project: Project, tmp: string, runs: number, bundle: Bundle | null, runtimes: readonly { readonly name: string; readonly node: string }[]): Promise<Figure[]> {
  const work = workingCopy(project, tmp)
  const cache = mkdtempSync(join(process.platform === 'linux' && existsSync('/dev/shm') ? '/dev/shm' : tmp, 'db-migrate-bench-check-cache-'))
  chmodSync(cache, 0o755) // as root, the server's account must reach it
  try {
    const figures: Figure[] = []
    if (bundle) for (const runtime of runtimes) figures.push(...(await cliFigures(bundle, work, join(cache, runtime.name.replace(/\W/g, '')), runs, runtime)))
    figures.push(...(await replayFigures(work, join(cache, 'in-process'), runs)))
    return figures
  } finally {
    rmSync(work.dir, { recursive: true, force: true })
    rmSync(cache, { recursive: true, force: true })
  }
}

async function cliFigures(bundle: Bundle, project: Project, cache: string, runs: number, runtime: { readonly name: string; readonly node: string }): Promise<Figure[]> {
  const times: Record<Case, number[]> = { cold: [], warm: [], 'one new': [] }
  const notes: Record<Case, string> = { cold: '', warm: '', 'one new': '' }
  const run = async (which: Case, dir: string) => {
    const r = await runProcess(runtime.node, [bundle.cli, 'check', '--json', '--migrations', project.migrationsDir, '--models', project.modelsPath], { cwd: project.dir, env: toolEnv({ DB_MIGRATE_CHECK_CACHE: dir }) })
    if (r.code !== 0 && r.code !== 1) throw new Error(`db-migrate check (${which}) exited ${r.code}: ${lastLine(r.stderr || r.stdout)}`)
    const replayed = (JSON.parse(r.stdout) as { replay: { replayed: number; fromCache: number } }).replay
    times[which].push(r.wallMs)
    notes[which] = `replayed ${replayed.replayed}, from a cached prefix of ${replayed.fromCache}`
  }
  for (let i = 0; i < runs; i++) {
    const dir = join(cache, `cli-${i}`)
    await run('cold', dir)
    await run('warm', dir)
    // two pull requests' worth on each cache: each run copies nothing, so the second starts where the first did
    for (const k of [0, 1]) {
      oneNew(project, 2 * i + k)
      await run('one new', dir)
    }
    rmSync(join(project.migrationsDir, `99999999999999_bench_new_${2 * i + 1}.sql`), { force: true })
  }
  return caseFigures(`check with its cache: \`db-migrate check\` (CLI under ${runtime.name}), start to exit`, project, times, notes)
}

async function replayFigures(project: Project, cache: string, runs: number): Promise<Figure[]> {
  const server = await startCheckCluster({ root: cache, cwd: project.dir, log: () => {}, warn: (m) => process.stderr.write(`${m}\n`) })
  if (!server) throw new Error(`the check cache ${cache} could not be started`)
  const times: Record<Case, number[]> = { cold: [], warm: [], 'one new': [] }
  const notes: Record<Case, string> = { cold: '', warm: '', 'one new': '' }
  try {
    const config = projectConfig(project, 'check')
    const time = async (which: Case | null, cache: boolean) => {
      const started = performance.now()
      const r = await replay(config, server.url, silentLog, { cache, ownServer: true })
      const took = performance.now() - started
      await r.settled // the spare copy for the next run, made while this one applied and read: check awaits it after comparing
      if (!which) return
      times[which].push(took)
      notes[which] = `replayed ${r.replay.replayed}, from a cached prefix of ${r.replay.fromCache}`
    }
    for (let i = 0; i < runs; i++) {
      await time('cold', false)
      if (i === 0) await time(null, true) // keeps the head's snapshot
      await time('warm', true)
      oneNew(project, i + 100)
      await time('one new', true)
      rmSync(join(project.migrationsDir, `99999999999999_bench_new_${i + 100}.sql`), { force: true })
    }
  } finally {
    await server.stop()
  }
  return caseFigures("check with its cache: the migrations' side alone (replay() on the cached cluster, server running)", project, times, notes)
}

function caseFigures(group: string, project: Project, times: Record<Case, number[]>, notes: Record<Case, string>): Figure[] {
  const cold = summarize(times.cold)
  return (['cold', 'warm', 'one new'] as const).map((which) => ({
    group,
    label: which === 'cold' ? 'cold: empty cache, every migration replayed' : which === 'warm' ? 'warm: nothing new' : 'warm: one new migration',
    size: project.label,
    unit: 'ms' as const,
    sample: summarize(times[which]),
    ...(which === 'cold' ? {} : { floor: { label: 'cold', median: cold.median } }),
    note: notes[which],
  }))
}
