// `check` cold: each run is a fresh process, so module loading and the server's start are paid every time.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Project } from '../generate/project.js'
import { runProcess, toolEnv, type ProcessRun } from '../lib/process.js'
import { lastLine } from './upgrade.js'

const child = fileURLToPath(new URL('../child/check.ts', import.meta.url))

/** What one child run reports. */
export interface CheckRun {
  /** Milliseconds per stage, in the order they ran. */
  readonly stages: Record<string, number>
  /** Start of the server to the result (stopping the server excluded). */
  readonly totalMs: number
  /** Alternatives to a stage, timed aside (stages mode). */
  readonly experiments: Record<string, number>
  readonly operations: number
  /** Catalog round trips of both introspections (stages mode). */
  readonly queries: number
  /** Time to load the modules (tsx compiling TypeScript) before anything is timed. */
  readonly moduleLoadMs: number
  readonly rssAfterLoadMb: number
  readonly maxRssMb: number
  /** The child process, start to exit. */
  readonly processMs: number
}

/** Runs one cold check in a child process: `stages` (timed stage by stage) or `whole` (check() as the CLI calls it). */
export async function checkInChild(mode: 'stages' | 'whole', project: Project, tmp: string, serverUrl?: string, env: NodeJS.ProcessEnv = {}): Promise<CheckRun> {
  mkdirSync(tmp, { recursive: true })
  const file = join(tmp, `project-${project.tables}x${project.migrations}.json`)
  writeFileSync(file, JSON.stringify(project))
  const run = await runProcess(process.execPath, ['--import', 'tsx', child, mode, file, ...(serverUrl ? [serverUrl] : [])], { cwd: project.dir, env: toolEnv(env) })
  if (run.code !== 0) throw new Error(`check (${mode}) at ${project.label} exited ${run.code}: ${lastLine(run.stderr)}`)
  return { ...(JSON.parse(lastLine(run.stdout)) as Omit<CheckRun, 'processMs'>), processMs: run.wallMs }
}

/** `node dist/cli.js check --json` with no database: the CLI starts its own server. Anything but a check result throws. */
export async function checkCli(cli: string, project: Project, env: NodeJS.ProcessEnv = {}): Promise<ProcessRun & { drift: boolean }> {
  const run = await runProcess(process.execPath, [cli, 'check', '--json', '--migrations', project.migrationsDir, '--models', project.modelsPath], { cwd: project.dir, env: toolEnv(env) })
  let result: { command?: string; drift?: boolean } = {}
  try {
    result = JSON.parse(run.stdout)
  } catch {
    // not a result: reported below
  }
  if ((run.code !== 0 && run.code !== 1) || result.command !== 'check' || typeof result.drift !== 'boolean') {
    throw new Error(`db-migrate check exited ${run.code} without a result: ${lastLine(run.stderr || run.stdout)}`)
  }
  return { ...run, drift: result.drift }
}
