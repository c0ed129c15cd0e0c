// Whole processes as users run them: the CLI's start, and the action's under Node 24 (the upgrade: whole-process.ts).
import type { Project } from '../generate/project.js'
import type { Bundle } from '../lib/bundle.js'
import { freshDatabase } from '../lib/database.js'
import type { Figure } from '../lib/figures.js'
import { runProcess, toolEnv } from '../lib/process.js'
import { summarize } from '../lib/stats.js'
import { actionStart, bareNodeStart } from '../measure/action.js'

/** `node dist/cli.js --version`: starting Node and loading the CLI bundle, with no work. */
export async function cliStartFigures(bundle: Bundle, runs: number, node = process.execPath, runtime = ''): Promise<Figure[]> {
  const group = `whole process${runtime ? ` under ${runtime}` : ''} (given server)`
  const bare: number[] = []
  const own: number[] = []
  for (let i = 0; i < runs; i++) {
    bare.push((await runProcess(node, ['-e', ''], { cwd: process.cwd(), env: toolEnv() })).wallMs)
    const run = await runProcess(node, [bundle.cli, '--version'], { cwd: process.cwd(), env: toolEnv() })
    if (run.code !== 0) throw new Error(`db-migrate --version exited ${run.code}`)
    own.push(run.wallMs)
  }
  const floor = summarize(bare)
  return [
    { group, label: 'bare `node -e ""`, start to exit', size: '', unit: 'ms', sample: floor },
    { group, label: '`db-migrate --version` (loads the CLI bundle), start to exit', size: '', unit: 'ms', sample: summarize(own), floor: { label: 'bare node', median: floor.median } },
  ]
}

/** The action's process start to its first query, and the same for a bare Node 24 process that loads pg and queries. */
export async function actionFigures(bundle: Bundle, node24: string, actionYml: string, serverUrl: string, project: Project, runs: number): Promise<Figure[]> {
  const group = 'action (Node 24, given server)'
  const target = new URL(serverUrl)
  const host = target.hostname
  const port = Number(target.port || 5432)
  const firstQuery: number[] = []
  const connect: number[] = []
  const exit: number[] = []
  const rss: number[] = []
  const bare: number[] = []
  for (let i = 0; i < runs; i++) {
    const db = await freshDatabase(serverUrl, 'action')
    try {
      const run = await actionStart(node24, bundle.action, actionYml, project, { host, port, name: db.name })
      firstQuery.push(run.firstQueryMs)
      connect.push(run.connectMs)
      exit.push(run.exitMs)
      if (run.maxRssMb !== null) rss.push(run.maxRssMb)
      bare.push((await bareNodeStart(node24, { host, port, name: db.name })).firstQueryMs)
    } finally {
      await db.drop()
    }
  }
  const floor = summarize(bare)
  return [
    { group, label: 'bare node + pg: start to first query', size: '', unit: 'ms', sample: floor },
    { group, label: 'action: start to first connection', size: '', unit: 'ms', sample: summarize(connect), floor: { label: 'bare node', median: floor.median } },
    { group, label: 'action: start to first query', size: '', unit: 'ms', sample: summarize(firstQuery), floor: { label: 'bare node', median: floor.median } },
    { group, label: `action: upgrade of ${project.label}, start to exit`, size: project.label, unit: 'ms', sample: summarize(exit) },
    ...(rss.length ? [{ group, label: 'action peak memory', size: project.label, unit: 'MB' as const, sample: summarize(rss) }] : []),
  ]
}

/** Size of each bundle the action and CLI ship. */
export function bundleFigures(bundle: Bundle): Figure[] {
  return Object.entries(bundle.sizes).map(([file, bytes]) => ({
    group: `bundle size (${bundle.origin})`, label: file, size: '', unit: 'kB' as const, sample: summarize([bytes / 1024]),
  }))
}
