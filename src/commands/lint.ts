import { execFileSync } from 'node:child_process'
import { basename, join } from 'node:path'
import type { Config } from '../config/config.js'
import { connect } from '../db/client.js'
import { lintMigrations, type LintInput, type LintResult } from '../lint/lint.js'
import { moduleOptsOut, moduleUpSql } from '../lint/module-sql.js'
import { parseCacheIn, type ParseCache } from '../lint/parse-cache.js'
import { checkCacheRoot } from '../provision/cache.js'
import type { Log } from '../log.js'
import { displayPath, listMigrations, readSqlFile } from '../runtime/files.js'
import { optsOutOfTransaction } from '../runtime/sql-run.js'
import type { MigrationFile } from '../runtime/types.js'

/** Lints `names` (in chain order) against the server at `serverUrl`, the migrations before them read as context. */
export async function lint(config: Config, serverUrl: string, names: readonly string[], files: readonly MigrationFile[] = listMigrations(config.migrationsDir, config.cwd, config.migrationsIgnore)): Promise<LintResult> {
  const wanted = new Set(names)
  const first = files.findIndex((f) => wanted.has(f.name))
  // the migrations before are read only if a target asks about them (lintMigrations says when)
  return lintMigrations(
    files.filter((f) => wanted.has(f.name)).map((f) => lintInput(f, config)),
    { serverMajor: await serverMajor(serverUrl), disabled: config.lintDisabled, lockTimeout: config.lockTimeoutMs !== null && config.lockTimeoutMs > 0, ...parsedKept(config) },
    () => (first < 0 ? [] : files.slice(0, first).map((f) => lintInput(f, config))),
  )
}

/**
 * The migrations a pull request adds: those not in the merge base with `config.baseRef`; without a base branch
 * (or a git history to find it in), the newest migration. `config.all` takes them all.
 */
export function addedMigrations(config: Config, log: Log, files: readonly MigrationFile[] = listMigrations(config.migrationsDir, config.cwd, config.migrationsIgnore)): string[] {
  if (config.all) return files.map((f) => f.name)
  const atBase = config.baseRef ? namesAtBase(config, config.baseRef) : undefined
  if (atBase) return files.filter((f) => !atBase.has(basename(f.path))).map((f) => f.name)
  if (config.baseRef) log.warn(`cannot read branch ${config.baseRef} from git (check out with fetch-depth: 0): checking only the newest migration`)
  return files.slice(-1).map((f) => f.name)
}

function namesAtBase(config: Config, baseRef: string): Set<string> | undefined {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: config.migrationsDir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()
  for (const ref of [`origin/${baseRef}`, baseRef]) {
    try {
      const base = git('merge-base', 'HEAD', ref)
      // paths print relative to the migrations folder, the folder git runs in
      return new Set(git('ls-tree', '--name-only', base, '--', '.').split('\n').filter(Boolean).map((p) => basename(p)))
    } catch {
      // try the next spelling of the branch
    }
  }
  return undefined
}

/** check keeps its parses beside its cache of snapshots, so that a warm check does not load the parser for files it read before. */
function parsedKept(config: Config): { parsed?: ParseCache } {
  if (config.command !== 'check' || config.noCache) return {}
  return { parsed: parseCacheIn(join(checkCacheRoot(config.checkCache), 'parsed')) }
}

function lintInput(file: MigrationFile, config: Config): LintInput {
  const text = readSqlFile(file.path)
  const shown = displayPath(file.path, config.cwd)
  if (file.kind === 'module') return { name: file.name, file: shown, sql: moduleUpSql(text), inTransaction: !moduleOptsOut(text) }
  return { name: file.name, file: shown, sql: text, inTransaction: !optsOutOfTransaction(text) }
}

async function serverMajor(url: string): Promise<number> {
  const client = await connect(url)
  try {
    const { rows } = await client.query<{ v: string }>("SELECT current_setting('server_version_num') AS v")
    return Math.floor(Number(rows[0]!.v) / 10000)
  } finally {
    await client.end().catch(() => {})
  }
}
