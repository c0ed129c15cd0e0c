import { existsSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { errorMessage } from '../errors.js'
import { findBinaries, type BinarySource, type PgBinaries } from './binaries.js'
import { cacheRoot, ensureDir } from './cache.js'
import { prepareCluster } from './cluster.js'
import { freePort, launch, PortTaken, type EmbeddedServer } from './embedded.js'
import { canReach, serverUser, type ServerUser } from './server-user.js'
import { alive, isPostgres, readPid } from './watchdog.js'

export interface CheckClusterOptions {
  readonly root: string
  readonly cwd: string
  readonly source?: BinarySource
  readonly log: (message: string) => void
  readonly warn: (message: string) => void
  /** Called once the postmaster is spawned, before it is ready. */
  readonly onSpawn?: () => void
}

/**
 * Starts the server of check's cached cluster: a data directory under `root` that outlives the run, so that the
 * snapshot databases in it are there next time. One run at a time holds it (a lock file naming our pid); null when
 * another live run holds it or the cache cannot be used, and the caller starts a throwaway server instead.
 */
export async function startCheckCluster(options: CheckClusterOptions): Promise<EmbeddedServer | null> {
  const user = serverUser()
  let root: string
  try {
    root = ensureDir(options.root)
  } catch (error) {
    options.warn(`the check cache ${options.root} cannot be used (${errorMessage(error)}): replaying every migration on a throwaway server`)
    return null
  }
  const binaries = await findBinaries({ source: options.source, cwd: options.cwd, user, log: options.log, memo: join(root, 'binaries.json') })
  let dir: string
  try {
    dir = ensureDir(join(root, clusterName(binaries, user)))
  } catch (error) {
    options.warn(`the check cache ${options.root} cannot be used (${errorMessage(error)}): replaying every migration on a throwaway server`)
    return null
  }
  if (!canReach(join(dir, 'data'), user)) {
    options.warn(`the check cache ${dir} cannot be used: ${user?.name}, the account the server runs as when we are root, cannot reach it (make it and its parents world-searchable); replaying every migration on a throwaway server`)
    return null
  }
  const lock = join(dir, 'lock')
  if (!takeLock(lock)) {
    options.log(`another check holds the check cache ${dir}: replaying on a throwaway server`)
    return null
  }
  try {
    const server = await startIn(dir, binaries, user, options).catch(async (error: unknown) => {
      options.warn(`the check cache ${dir} is unreadable (${errorMessage(error).split('\n')[0]}): starting it afresh, so every migration is replayed`)
      rmSync(join(dir, 'data'), { recursive: true, force: true })
      return startIn(dir, binaries, user, options)
    })
    return {
      ...server,
      stop: async () => {
        try {
          await server.stop()
        } finally {
          releaseLock(lock)
        }
      },
    }
  } catch (error) {
    releaseLock(lock)
    options.warn(`the check cache ${dir} cannot be used (${errorMessage(error).split('\n')[0]}): replaying every migration on a throwaway server`)
    return null
  }
}

/** One cluster per major version, platform and account: files keep their owner, and a restored cache must match. */
function clusterName(binaries: PgBinaries, user: ServerUser | null): string {
  return `pg${binaries.version}-${process.platform}-${process.arch}-${user?.uid ?? process.getuid?.() ?? 0}`
}

async function startIn(dir: string, binaries: PgBinaries, user: ServerUser | null, options: CheckClusterOptions): Promise<EmbeddedServer> {
  const dataDir = join(dir, 'data')
  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    rmSync(dataDir, { recursive: true, force: true })
    await prepareCluster(binaries, user, cacheRoot(user), dataDir, options.log)
  }
  clearStalePid(dataDir)
  for (let attempt = 1; ; attempt++) {
    try {
      return await launch({ binaries, user, runDir: dir, dataDir, port: await freePort(), detached: false, keep: true, onSpawn: options.onSpawn })
    } catch (error) {
      if (!(error instanceof PortTaken) || attempt >= 5) throw error
    }
  }
}

/**
 * A run killed with its server leaves postmaster.pid behind, and maybe the server (when its watchdog died too).
 * We hold the lock, so no live run owns either: stop such a server, and remove a pid file whose pid is someone else's.
 */
function clearStalePid(dataDir: string): void {
  const file = join(dataDir, 'postmaster.pid')
  const pid = readPid(file)
  if (pid === null) return
  if (alive(pid) && isPostgres(pid)) {
    try {
      process.kill(pid, 'SIGQUIT')
    } catch {
      // gone meanwhile
    }
    const deadline = Date.now() + 10_000
    const sleeper = new Int32Array(new SharedArrayBuffer(4))
    while (existsSync(file) && Date.now() < deadline) Atomics.wait(sleeper, 0, 0, 10)
  }
  rmSync(file, { force: true })
}

/** Creates the lock file, taking over one whose process is gone. */
function takeLock(file: string): boolean {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, String(process.pid), { flag: 'wx' })
      if (attempt === 0) return true
      // two runs taking over the same stale lock: the one whose pid is left in the file goes on
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50)
      return readPid(file) === process.pid
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
    const owner = readPid(file)
    if (owner !== null && owner !== process.pid && alive(owner)) return false
    rmSync(file, { force: true })
  }
  return false
}

function releaseLock(file: string): void {
  try {
    if (readFileSync(file, 'utf8') === String(process.pid)) unlinkSync(file)
  } catch {
    // already gone
  }
}
