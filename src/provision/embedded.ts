import { spawn, type ChildProcess } from 'node:child_process'
import { chownSync, closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { ProvisionError } from '../errors.js'
import { findBinaries, libraryEnv, type BinarySource, type PgBinaries } from './binaries.js'
import { cacheRoot, runParent } from './cache.js'
import { prepareCluster } from './cluster.js'
import { stopOnExit } from './exit-cleanup.js'
import { serverUser, type ServerUser } from './server-user.js'
import { claimRunDir, removeLeftovers, watchOwner } from './watchdog.js'

/** What another process needs to find and stop a detached server (JSON-serialisable). */
export interface EmbeddedState {
  readonly pid: number
  readonly port: number
  readonly url: string
  readonly version: string
  readonly dataDir: string
  /** The temporary directory holding the data directory, socket and log; removed on stop. */
  readonly runDir: string
}

/** A running throwaway PostgreSQL server on 127.0.0.1 (superuser `postgres`, no password). */
export interface EmbeddedServer {
  /** `postgresql://postgres@127.0.0.1:PORT/postgres` */
  readonly url: string
  readonly port: number
  readonly version: string
  readonly state: EmbeddedState
  /** Fast shutdown, then the temporary directory is removed. Safe to call twice. */
  stop(): Promise<void>
}

export interface StartOptions {
  /** Keep the server running after this process exits (stop it later with stopEmbedded). */
  readonly detached?: boolean
  readonly log?: (message: string) => void
  /** Which binaries to use; default DB_MIGRATE_PG_SOURCE, else `auto`. */
  readonly source?: BinarySource
  /** Where node_modules is looked for; default the process's cwd. */
  readonly cwd?: string
  /** Called once the postmaster is spawned, before it is ready. */
  readonly onSpawn?: () => void
}

// Settings for a server whose data is thrown away: durability off, enough connections for parallel tests.
const scratchSettings = {
  fsync: 'off',
  synchronous_commit: 'off',
  full_page_writes: 'off',
  listen_addresses: '127.0.0.1',
  max_connections: '100',
  shared_buffers: '32MB',
  logging_collector: 'off',
  max_wal_senders: '0',
  wal_level: 'minimal',
  // catalog queries over a thousand tables cost the planner enough to be JIT-compiled, which takes longer than running them
  jit: 'off',
}

/** Starts a PostgreSQL server from a copy of a cached cluster, on a free port; ready when this resolves. */
export async function startEmbedded(options: StartOptions = {}): Promise<EmbeddedServer> {
  const log = options.log ?? (() => {})
  const user = serverUser()
  const binaries = await findBinaries({ source: options.source, cwd: options.cwd, user, log, memo: join(cacheRoot(user), 'binaries.json') })
  removeLeftovers(runParent())
  const runDir = mkdtempSync(join(runParent(), 'db-migrate-pg-'))
  try {
    if (!options.detached) claimRunDir(runDir)
    if (user) chownSync(runDir, user.uid, user.gid)
    const dataDir = join(runDir, 'data')
    await prepareCluster(binaries, user, cacheRoot(user), dataDir, log)
    for (let attempt = 1; ; attempt++) {
      const port = await freePort()
      try {
        return await launch({ binaries, user, runDir, dataDir, port, detached: options.detached ?? false, onSpawn: options.onSpawn })
      } catch (error) {
        // another process took the port between our probe and the server's bind
        if (!(error instanceof PortTaken) || attempt >= 5) throw error
      }
    }
  } catch (error) {
    rmSync(runDir, { recursive: true, force: true })
    throw error
  }
}

/** Stops a server started (detached) by any process, from its state, and removes its directory. */
export async function stopEmbedded(state: EmbeddedState): Promise<void> {
  if (postmasterPid(state.dataDir) === state.pid) {
    signal(state.pid, 'SIGINT')
    await until(() => !isAlive(state.pid) || postmasterPid(state.dataDir) === null, 30_000)
    // postmaster.pid goes away as the postmaster's last act; give it the moment to finish exiting
    await until(() => !isAlive(state.pid), 1000)
  }
  await rm(state.runDir, { recursive: true, force: true })
}

/** The server lost the race for its port to another process: try another. */
export class PortTaken extends Error {}

export interface LaunchPlan {
  readonly binaries: PgBinaries
  readonly user: ServerUser | null
  /** Holds `data/` (the data directory), the log and, unless kept, the socket; removed on stop unless `keep`. */
  readonly runDir: string
  readonly dataDir: string
  readonly port: number
  readonly detached: boolean
  /** A data directory that outlives the server (check's cached cluster): stop leaves runDir in place. */
  readonly keep?: boolean
  /** Called once the postmaster is spawned, before it is ready: work that can overlap its start-up. */
  readonly onSpawn?: () => void
}

/** Starts the postmaster on an initialised data directory; ready when this resolves. */
export async function launch(plan: LaunchPlan): Promise<EmbeddedServer> {
  const { binaries, user, runDir, dataDir, port, detached } = plan
  const keep = plan.keep ?? false
  // a kept directory may sit at a path too long for a socket name: TCP only
  const settings = { ...scratchSettings, port: String(port), unix_socket_directories: keep ? '' : runDir }
  const args = ['-D', dataDir, ...Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`])]
  const logFile = join(runDir, 'postgres.log')
  const logFd = openSync(logFile, keep ? 'w' : 'a', 0o644)
  if (user) chownSync(logFile, user.uid, user.gid)
  let child: ChildProcess
  try {
    child = spawn(join(binaries.binDir, process.platform === 'win32' ? 'postgres.exe' : 'postgres'), args, {
      cwd: runDir,
      env: libraryEnv(binaries),
      stdio: ['ignore', logFd, logFd],
      detached,
      ...(user ? { uid: user.uid, gid: user.gid } : {}),
    })
  } finally {
    closeSync(logFd)
  }
  // never keep our event loop alive for the server: undetached ones are stopped by the exit hook instead
  child.unref()
  let exited: string | null = null
  child.on('exit', (code, sig) => (exited = sig ?? `exit ${code}`))
  child.on('error', (error) => (exited = error.message))

  const pid = child.pid
  const url = `postgresql://postgres@127.0.0.1:${port}/postgres`
  const state: EmbeddedState | null = pid === undefined ? null : { pid, port, url, version: binaries.version, dataDir, runDir }
  // guarded from the moment it exists, while it starts too: an interrupt or a kill during start-up stops it
  const forget = detached || !state ? () => {} : stopOnExit(state, keep)
  if (!detached && state) watchOwner(state.pid, runDir, keep)
  plan.onSpawn?.()

  const ready = await until(() => exited !== null || postmasterStatus(dataDir) === 'ready', 30_000)
  if (!ready || exited !== null || !state) {
    if (!exited) signal(pid, 'SIGQUIT')
    // gone before a retry starts another in the same directory; the exit hook still guards it meanwhile
    if (!exited) await until(() => exited !== null, 5000)
    forget()
    const tail = logTail(logFile)
    if (/could not bind|address already in use/i.test(tail)) throw new PortTaken(tail)
    throw new ProvisionError(`PostgreSQL ${binaries.version} from ${binaries.binDir} did not start (${exited ?? 'not ready after 30s'}): ${tail}`)
  }

  let stopping: Promise<void> | undefined
  return {
    url,
    port,
    version: binaries.version,
    state,
    stop: () => (stopping ??= (async () => {
      signal(pid, 'SIGINT')
      await until(() => exited !== null || postmasterPid(dataDir) === null, 30_000)
      if (exited === null && !detached) await until(() => exited !== null, 1000)
      forget()
      if (!keep) await rm(runDir, { recursive: true, force: true })
    })()),
  }
}

/** A port nobody listens on right now; the server may still lose the race for it (then we retry). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}

/** Line 8 of postmaster.pid: `starting`, `ready`, `stopping`; how pg_ctl tells a server is up without connecting. */
function postmasterStatus(dataDir: string): string | null {
  try {
    return readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[7]?.trim() ?? null
  } catch {
    return null
  }
}

function postmasterPid(dataDir: string): number | null {
  try {
    return Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0])
  } catch {
    return null
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
  // an exited server whose parent has not reaped it yet still answers signal 0
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'))
  } catch {
    return true
  }
}

function signal(pid: number | undefined, name: NodeJS.Signals): void {
  try {
    if (pid) process.kill(pid, name)
  } catch {
    // already gone
  }
}

function logTail(file: string): string {
  try {
    return readFileSync(file, 'utf8').trim().split('\n').slice(-3).join(' | ')
  } catch {
    return 'no server log'
  }
}

/** Polls `done` every few milliseconds; false if it never became true within `timeoutMs`. */
async function until(done: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs
  while (!done()) {
    if (Date.now() >= deadline) return false
    await new Promise((r) => setTimeout(r, 3))
  }
  return true
}
