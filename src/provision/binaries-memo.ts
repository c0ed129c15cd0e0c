import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs'
import { delimiter, dirname, join } from 'node:path'
import type { PgBinaries } from './binaries.js'

/**
 * What a binaries search found, kept beside check's cache so that a warm run starts its server without running
 * `pg_config` and `postgres --version` first. It holds while nothing the search looked at has changed: the same
 * settings, and the same files and directories (the chosen binary, every directory on PATH, the places servers are
 * installed in), compared by inode, size, mode and modification time. Installing, upgrading or removing a server
 * changes one of them.
 */
interface Memo {
  readonly key: string
  readonly binaries: PgBinaries
  readonly stamps: readonly (readonly [string, string])[]
}

/** The settings a search depends on: another value is another search. */
export function memoKey(parts: Readonly<Record<string, string | number | null | undefined>>): string {
  return JSON.stringify(parts)
}

/** The binaries recorded in `file` for `key`, if nothing they were found from has changed since. */
export function recalled(file: string, key: string): PgBinaries | null {
  const memo = read(file).find((m) => m.key === key)
  if (!memo || !Array.isArray(memo.stamps) || typeof memo.binaries?.binDir !== 'string') return null
  return memo.stamps.every(([path, stamp]) => stampOf(path) === stamp) ? memo.binaries : null
}

/** Records `binaries` for `key`, beside the answers for a few other settings (another PATH, say); a cache that
 *  cannot be written only costs the next run the search. */
export function remember(file: string, key: string, binaries: PgBinaries, watched: readonly string[]): void {
  const memo: Memo = { key, binaries, stamps: [...new Set(watched)].map((path) => [path, stampOf(path)]) }
  const kept = [memo, ...read(file).filter((m) => m.key !== key)].slice(0, 4)
  const temporary = join(dirname(file), `.binaries-${process.pid}.json`)
  try {
    writeFileSync(temporary, JSON.stringify(kept))
    renameSync(temporary, file)
  } catch {
    // read-only or vanished cache directory
  }
}

function read(file: string): Memo[] {
  try {
    const memos: unknown = JSON.parse(readFileSync(file, 'utf8'))
    return Array.isArray(memos) ? (memos as Memo[]) : []
  } catch {
    return []
  }
}

/** Where a search for installed servers looks, and the binary it found: any change there may change its answer. */
export function watchedPaths(binaries: PgBinaries, env: NodeJS.ProcessEnv, extra: readonly string[] = []): string[] {
  const onPath = (env.PATH ?? '').split(delimiter).filter(Boolean)
  const installed = ['/usr/lib/postgresql', '/usr/local/pgsql/bin', '/opt/homebrew/opt', '/usr/local/opt']
  const exe = process.platform === 'win32' ? '.exe' : ''
  return [join(binaries.binDir, `postgres${exe}`), join(binaries.binDir, `initdb${exe}`), binaries.binDir, ...onPath, ...installed, ...extra]
}

function stampOf(path: string): string {
  try {
    const s = statSync(path)
    return `${s.ino}:${s.size}:${s.mode}:${s.mtimeMs}`
  } catch {
    return 'missing'
  }
}
