import { accessSync, chmodSync, constants, mkdirSync, statfsSync } from 'node:fs'
import { homedir, tmpdir } from 'node:os'
import { join } from 'node:path'
import { errorMessage, ProvisionError } from '../errors.js'
import { canReach, serverUser, type ServerUser } from './server-user.js'

/**
 * Where downloaded binaries and initialised clusters are kept between runs: DB_MIGRATE_CACHE, else the runner's
 * tool cache on GitHub, else XDG_CACHE_HOME or ~/.cache. When the server runs as another user (we are root) and it
 * cannot reach that place (/root is mode 700), a directory under /var/tmp (or the system temp dir) is used instead.
 */
export function cacheRoot(user: ServerUser | null, env: NodeJS.ProcessEnv = process.env): string {
  const preferred = env.DB_MIGRATE_CACHE
    || (env.RUNNER_TOOL_CACHE && join(env.RUNNER_TOOL_CACHE, 'db-migrate'))
    || join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'db-migrate')
  if (canReach(preferred, user)) return preferred
  // /var/tmp is the temp dir meant to outlive a reboot, which suits a cache; it is world-searchable like /tmp
  const shared = process.platform !== 'win32' && isWritableDir('/var/tmp') ? '/var/tmp' : tmpdir()
  return join(shared, 'db-migrate-cache')
}

/**
 * Where check keeps its cluster of snapshots: the check-cache setting; else, where throwaway servers run from memory
 * (runParent: /dev/shm), a directory there, kept until reboot; else `check/` in the embedded server's cache. Measured
 * on a busy disk at 300 tables: copying a snapshot took 6-8 s on disk and 0.25 s in memory.
 */
export function checkCacheRoot(setting: string | null, env: NodeJS.ProcessEnv = process.env): string {
  if (setting) return setting
  const parent = runParent(env)
  if (parent === '/dev/shm') return join(parent, `db-migrate-check-${process.getuid?.() ?? 0}`)
  return join(cacheRoot(serverUser(), env), 'check')
}

function isWritableDir(path: string): boolean {
  try {
    accessSync(path, constants.W_OK | constants.X_OK)
    return true
  } catch {
    return false
  }
}

/** mkdir -p with directories the server's user can search, whatever the umask. */
export function ensureDir(path: string): string {
  try {
    if (mkdirSync(path, { recursive: true, mode: 0o755 })) chmodSync(path, 0o755)
  } catch (error) {
    throw new ProvisionError(`cannot create ${path} (${(error as NodeJS.ErrnoException).code ?? errorMessage(error)}): set DB_MIGRATE_CACHE to a writable directory`, { cause: error })
  }
  return path
}

/**
 * Where a server's throwaway data directory goes: DB_MIGRATE_TMPDIR, else /dev/shm on Linux when it has room
 * (Docker's default 64 MB does not), else the system temp dir. Memory suits data that is deleted on stop, and
 * copying the ~1000 files of a cluster there takes a fraction of what it takes on a busy disk.
 */
export function runParent(env: NodeJS.ProcessEnv = process.env): string {
  if (env.DB_MIGRATE_TMPDIR) return env.DB_MIGRATE_TMPDIR
  if (process.platform === 'linux') {
    try {
      const { bavail, bsize } = statfsSync('/dev/shm')
      accessSync('/dev/shm', constants.W_OK)
      if (bavail * bsize >= 1024 ** 3) return '/dev/shm'
    } catch {
      // no usable /dev/shm
    }
  }
  return tmpdir()
}
