import { chmodSync, mkdirSync } from 'node:fs'
import { homedir, tmpdir } from 'node:os'
import { join } from 'node:path'
import { canReach, type ServerUser } from './server-user.js'

/**
 * Where downloaded binaries and initialised clusters are kept between runs: DB_MIGRATE_CACHE, else the runner's
 * tool cache on GitHub, else XDG_CACHE_HOME or ~/.cache. When the server runs as another user (we are root) and it
 * cannot reach that place (/root is mode 700), a directory under the system temp dir is used instead.
 */
export function cacheRoot(user: ServerUser | null, env: NodeJS.ProcessEnv = process.env): string {
  const preferred = env.DB_MIGRATE_CACHE
    || (env.RUNNER_TOOL_CACHE && join(env.RUNNER_TOOL_CACHE, 'db-migrate'))
    || join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'db-migrate')
  return canReach(preferred, user) ? preferred : join(tmpdir(), 'db-migrate-cache')
}

/** mkdir -p with directories the server's user can search, whatever the umask. */
export function ensureDir(path: string): string {
  if (mkdirSync(path, { recursive: true, mode: 0o755 })) chmodSync(path, 0o755)
  return path
}
