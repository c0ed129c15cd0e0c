// `upgrade head` as a whole process at several sizes, beside the two floors a user could run instead: a bare Node
// process that loads pg and does floor (b), and psql doing floor (b) from a script. The fixed and per-migration
// parts of each are fitted across the sizes.
import { spawnSync } from 'node:child_process'
import { readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Project } from '../generate/project.js'
import type { Bundle } from '../lib/bundle.js'
import { freshDatabase } from '../lib/database.js'
import type { Figure } from '../lib/figures.js'
import { fitLine, type LineFit } from '../lib/fit.js'
import { runProcess, toolEnv } from '../lib/process.js'
import { summarize, type Sample } from '../lib/stats.js'
import { upgradeCli } from '../measure/upgrade.js'

const floorScript = fileURLToPath(new URL('../child/floor-process.mjs', import.meta.url))

/** The three processes, as the figures name them. */
export const processLabels = {
  cli: '`db-migrate upgrade head` (CLI), start to exit',
  node: 'bare node + pg doing floor (b), start to exit',
  psql: 'psql doing floor (b) from a script, start to exit',
} as const
export type ProcessKind = keyof typeof processLabels

export interface WholeProcess {
  readonly figures: Figure[]
  /** Median start-to-exit per project label and process. */
  readonly medians: Record<string, Partial<Record<ProcessKind, Sample>>>
  /** ms = fixed + perUnit × migrations, least squares over the sizes' medians. */
  readonly fits: Partial<Record<ProcessKind, LineFit>>
}

/** psql's floor (b): the history table, then per migration BEGIN, the file (\i), the bookkeeping INSERT, COMMIT. */
function psqlScript(project: Project): string {
  const files = readdirSync(project.migrationsDir).filter((f) => f.endsWith('.sql') && !f.endsWith('.down.sql')).sort()
  const lines = ['CREATE TABLE bench_history (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now());']
  for (const file of files) {
    lines.push('BEGIN;', `\\i '${join(project.migrationsDir, file).replace(/'/g, "''")}'`, `INSERT INTO bench_history (name) VALUES ('${file.slice(0, -4).replace(/'/g, "''")}');`, 'COMMIT;')
  }
  const path = join(project.dir, 'psql-floor-b.sql')
  writeFileSync(path, `${lines.join('\n')}\n`)
  return path
}

function psqlAvailable(): boolean {
  return spawnSync('psql', ['--version'], { stdio: 'ignore' }).status === 0
}

/**
 * Each project `runs(project)` times, the three processes in turn (each on a fresh database made before its timing),
 * under `node`; `runtime` names it in the group.
 */
export async function wholeProcessFigures(bundle: Bundle, serverUrl: string, projects: readonly Project[], runs: (p: Project) => number, node: string, runtime: string): Promise<WholeProcess> {
  const group = `whole process under ${runtime} (given server)`
  const figures: Figure[] = []
  const medians: WholeProcess['medians'] = {}
  const withPsql = psqlAvailable()
  const cpuPoints: Record<'cli' | 'node', [number, number][]> = { cli: [], node: [] }
  for (const project of projects) {
    const times: Record<ProcessKind, number[]> = { cli: [], node: [], psql: [] }
    const rss: number[] = []
    const cpu: Record<'cli' | 'node', number[]> = { cli: [], node: [] }
    const script = withPsql ? psqlScript(project) : null
    for (let i = 0; i < runs(project); i++) {
      for (const kind of ['cli', 'node', 'psql'] as const) {
        if (kind === 'psql' && !script) continue
        const db = await freshDatabase(serverUrl, `process_${kind}`)
        try {
          if (kind === 'cli') {
            const run = await upgradeCli(bundle.cli, project, db.url, node)
            times.cli.push(run.wallMs)
            if (run.maxRssMb !== null) rss.push(run.maxRssMb)
            if (run.cpuMs !== null) cpu.cli.push(run.cpuMs)
          } else {
            const [command, args] = kind === 'node'
              ? [node, [floorScript, db.url, project.migrationsDir]]
              : ['psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', db.url, '-f', script!]]
            const run = await runProcess(command, args, { cwd: project.dir, env: toolEnv() })
            if (run.code !== 0) throw new Error(`${kind} floor process failed: ${run.stderr.trim()}`)
            times[kind].push(run.wallMs)
            if (kind === 'node' && run.cpuMs !== null) cpu.node.push(run.cpuMs)
          }
        } finally {
          await db.drop()
        }
      }
    }
    const samples = Object.fromEntries(Object.entries(times).filter(([, t]) => t.length).map(([k, t]) => [k, summarize(t)])) as Partial<Record<ProcessKind, Sample>>
    medians[project.label] = samples
    for (const kind of ['cli', 'node'] as const) if (cpu[kind].length) cpuPoints[kind].push([project.migrations, summarize(cpu[kind]).median])
    const floor = samples.psql ?? samples.node!
    figures.push(
      { group, label: processLabels.node, size: project.label, unit: 'ms', sample: samples.node! },
      ...(samples.psql ? [{ group, label: processLabels.psql, size: project.label, unit: 'ms' as const, sample: samples.psql }] : []),
      { group, label: processLabels.cli, size: project.label, unit: 'ms', sample: samples.cli!, floor: { label: samples.psql ? 'psql floor (b)' : 'bare node process', median: floor.median } },
      { group, label: 'the CLI over the bare node process', size: project.label, unit: 'ms', sample: summarize(times.cli.map((t, i) => t - times.node[i]!)), note: 'pair by pair' },
      // the process's own CPU time: what a busy machine's waits for the disk and the server do not blur
      ...(cpu.node.length ? [{ group, label: 'bare node + pg doing floor (b): CPU time', size: project.label, unit: 'ms' as const, sample: summarize(cpu.node) }] : []),
      ...(cpu.cli.length ? [{ group, label: '`db-migrate upgrade head`: CPU time', size: project.label, unit: 'ms' as const, sample: summarize(cpu.cli), ...(cpu.node.length ? { floor: { label: 'bare node process', median: summarize(cpu.node).median } } : {}) }] : []),
      ...(rss.length ? [{ group, label: '`db-migrate upgrade head` peak memory', size: project.label, unit: 'MB' as const, sample: summarize(rss) }] : []),
    )
  }
  const fits: WholeProcess['fits'] = {}
  for (const kind of ['cli', 'node', 'psql'] as const) {
    const points = projects.flatMap((p) => (medians[p.label]?.[kind] ? [[p.migrations, medians[p.label]![kind]!.median] as const] : []))
    const fit = points.length === projects.length ? fitLine(points) : null
    if (!fit) continue
    fits[kind] = fit
    const name = kind === 'cli' ? 'the CLI' : kind === 'node' ? 'bare node floor (b)' : 'psql floor (b)'
    figures.push(
      { group, label: `${name}: fixed part (fitted over ${projects.map((p) => p.label).join(', ')})`, size: '', unit: 'ms', sample: summarize([fit.fixed]) },
      { group, label: `${name}: per migration (fitted)`, size: '', unit: 'ms', sample: summarize([fit.perUnit]) },
    )
  }
  for (const kind of ['cli', 'node'] as const) {
    const fit = cpuPoints[kind].length === projects.length ? fitLine(cpuPoints[kind]) : null
    if (fit) figures.push({ group, label: `${kind === 'cli' ? 'the CLI' : 'bare node floor (b)'}: CPU time per migration (fitted)`, size: '', unit: 'ms', sample: summarize([fit.perUnit]) })
  }
  return { figures, medians, fits }
}
