// The action's start: the runner launches `node dist/index.js` (Node 24) with INPUT_* variables; we time process start
// to the first query the server receives, through a proxy in front of the given server.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Project } from '../generate/project.js'
import { runProcess, toolEnv } from '../lib/process.js'
import { contactProxy } from '../lib/proxy.js'
import { actionDefaults } from '../../test/helpers/runner.js'
import { lastLine } from './upgrade.js'

/** Times from the process start, as the server saw them. */
export interface ActionStart {
  /** Process start to the first TCP connection to the server. */
  readonly connectMs: number
  /** Process start to the first query. */
  readonly firstQueryMs: number
  /** Process start to exit (the whole `upgrade` of the project). */
  readonly exitMs: number
  readonly maxRssMb: number | null
}

const floorScript = fileURLToPath(new URL('../child/floor-process.mjs', import.meta.url))

/** Runs the bundled action once (`upgrade` of `project` on the empty database `database`), timing its first contact. */
export async function actionStart(node24: string, actionJs: string, actionYml: string, project: Project, database: { host: string; port: number; name: string }): Promise<ActionStart> {
  const proxy = await contactProxy(database)
  const scratch = mkdtempSync(join(tmpdir(), 'db-migrate-bench-action-'))
  try {
    const files = Object.fromEntries(['GITHUB_OUTPUT', 'GITHUB_STATE', 'GITHUB_STEP_SUMMARY'].map((k) => [k, join(scratch, k.toLowerCase())]))
    for (const path of Object.values(files)) writeFileSync(path, '')
    const inputs = { ...actionDefaults(actionYml), command: 'upgrade', 'database-url': `postgresql://postgres@127.0.0.1:${proxy.port}/${database.name}`, migrations: project.migrationsDir }
    const env = toolEnv({ ...files, GITHUB_WORKSPACE: project.dir, GITHUB_ACTIONS: 'true', ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])) })
    return await timedContact(proxy, () => runProcess(node24, [actionJs], { cwd: project.dir, env }), 'the action')
  } finally {
    rmSync(scratch, { recursive: true, force: true })
    await proxy.close()
  }
}

/** The floor: a bare Node 24 process that loads pg, connects and sends one query. */
export async function bareNodeStart(node24: string, database: { host: string; port: number; name: string }): Promise<ActionStart> {
  const proxy = await contactProxy(database)
  try {
    const url = `postgresql://postgres@127.0.0.1:${proxy.port}/${database.name}`
    return await timedContact(proxy, () => runProcess(node24, [floorScript, url], { cwd: process.cwd(), env: toolEnv() }), 'bare node')
  } finally {
    await proxy.close()
  }
}

async function timedContact(proxy: Awaited<ReturnType<typeof contactProxy>>, start: () => ReturnType<typeof runProcess>, what: string): Promise<ActionStart> {
  const started = performance.now()
  const run = await start()
  const { connectedAt, firstQueryAt } = proxy.contact
  if (run.code !== 0 || connectedAt === null || firstQueryAt === null) {
    throw new Error(`${what} exited ${run.code}${firstQueryAt === null ? ' without a query' : ''}: ${lastLine(run.stderr || run.stdout)}`)
  }
  // runProcess times from its own spawn; the proxy's marks are from `started`, a few microseconds earlier
  return { connectMs: connectedAt - started, firstQueryMs: firstQueryAt - started, exitMs: run.wallMs, maxRssMb: run.maxRssMb }
}
