// A database's `pg_dump -s` restored into another with psql, by the client programs of `pg_config --bindir`:
// what a team's restored copy of production holds. pg_dump must be at least as new as the server it dumps.
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'

const bindir = (() => {
  try {
    return execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim()
  } catch {
    return null
  }
})()

/** TEST_DATABASE_URL's server: the one whose version this machine's pg_dump matches. */
export const dumpServerUrl = process.env.TEST_DATABASE_URL

/** Why the restore tests cannot run here, or false when they can. */
export const dumpSkip: string | false = !dumpServerUrl ? 'TEST_DATABASE_URL is not set: pg_dump needs a server of its own version'
  : !bindir || !existsSync(join(bindir, 'pg_dump')) ? 'pg_config --bindir names no pg_dump' : false

/** The major version of this machine's pg_dump. */
export function pgDumpMajor(): number {
  return Number(/(\d+)/.exec(execFileSync(join(bindir!, 'pg_dump'), ['--version'], { encoding: 'utf8' }))![1])
}

/** Restores `pg_dump -s --no-owner` of `fromUrl` (with `dumpArgs`, e.g. `-T table`) into the empty database `toUrl`. */
export function restoreSchema(fromUrl: string, toUrl: string, dumpArgs: readonly string[] = []): void {
  const dump = spawnSync(join(bindir!, 'pg_dump'), ['--schema-only', '--no-owner', ...dumpArgs, fromUrl], { encoding: 'utf8' })
  if (dump.status !== 0) throw new Error(`pg_dump failed: ${dump.stderr}`)
  const load = spawnSync(join(bindir!, 'psql'), ['-X', '-q', '-v', 'ON_ERROR_STOP=1', toUrl], { input: dump.stdout, encoding: 'utf8' })
  if (load.status !== 0) throw new Error(`the restore failed: ${load.stderr}`)
}
