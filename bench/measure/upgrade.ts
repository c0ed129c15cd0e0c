// `upgrade head` from an empty database: in-process through migrate(), and as the CLI process a user runs.
import { silentLog } from '../../src/log.js'
import { migrate } from '../../src/runtime/migrate.js'
import type { Project } from '../generate/project.js'
import { projectConfig } from '../lib/config.js'
import { runProcess, toolEnv, type ProcessRun } from '../lib/process.js'

/** migrate(config, url, log, 'up') to head on the empty database at `url`. Returns ms. */
export async function upgradeInProcess(project: Project, url: string): Promise<number> {
  const config = projectConfig(project, 'upgrade', { 'database-url': url, revision: 'head' })
  const started = performance.now()
  const result = await migrate(config, url, silentLog, 'up')
  const elapsed = performance.now() - started
  if (result.applied.length !== project.migrations) {
    throw new Error(`upgrade applied ${result.applied.length} of ${project.migrations} migrations`)
  }
  return elapsed
}

/** `node dist/cli.js upgrade head --database-url URL` in the project's folder, start to exit. */
export async function upgradeCli(cli: string, project: Project, url: string, node = process.execPath): Promise<ProcessRun> {
  const run = await runProcess(node, [cli, 'upgrade', 'head', '--database-url', url, '--migrations', project.migrationsDir], { cwd: project.dir, env: toolEnv() })
  if (run.code !== 0) throw new Error(`db-migrate upgrade exited ${run.code}: ${lastLine(run.stderr || run.stdout)}`)
  return run
}

/** The last line of a process's output: where tools put their error. */
export function lastLine(text: string): string {
  return text.trim().split('\n').pop() ?? ''
}
