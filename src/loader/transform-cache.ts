// The JavaScript that sucrase made of a large TypeScript file (a models module of a thousand tables takes seconds),
// kept by the exact content it came from: the path, the source, the transform's options and sucrase's version.
import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'

/** Smaller files transform faster than a cache can be read and written. */
export const cachedFrom = 64 * 1024

/** `transforms/` in db-migrate's cache: DB_MIGRATE_CACHE, else the runner's tool cache, else XDG_CACHE_HOME or ~/.cache. */
export function transformCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const root = env.DB_MIGRATE_CACHE
    || (env.RUNNER_TOOL_CACHE && join(env.RUNNER_TOOL_CACHE, 'db-migrate'))
    || join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'db-migrate')
  return join(root, 'transforms')
}

/** `make()` of `source`, from `dir` when it made this exact output before; the cache failing only costs the transform. */
export function cachedTransform(dir: string, path: string, source: string, options: string, make: () => string): string {
  const file = join(dir, `${createHash('sha256').update(path).digest('hex').slice(0, 32)}.js`)
  const key = `// ${createHash('sha256').update(`${options}\0${path}\0${source}`).digest('hex')}\n`
  try {
    const kept = readFileSync(file, 'utf8')
    if (kept.startsWith(key)) return kept.slice(key.length)
  } catch {
    // not kept yet
  }
  const code = make()
  try {
    mkdirSync(dir, { recursive: true })
    const partial = `${file}.${process.pid}.tmp`
    writeFileSync(partial, key + code)
    renameSync(partial, file)
  } catch {
    // a cache that cannot be written is no cache
  }
  return code
}
