import { noTransactionDirective } from '../runtime/sql-run.js'
import { commonJsExtension, sequelizeModule } from '../render/sequelize-module.js'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Config } from '../config/config.js'
import { ConfigError, HistoryError } from '../errors.js'
import { migrationName } from '../render/migration-file.js'
import { compareNames, displayPath, listMigrations } from '../runtime/files.js'
import { sqlDown, sqlUp, tsModule } from '../templates/migration.js'

/** `sql` writes `NAME.sql` + `NAME.down.sql`; `ts` writes one `NAME.ts` exporting up and down. */
export type RevisionFormat = 'sql' | 'ts' | 'sequelize'

export interface RevisionResult {
  /** `<UTC timestamp YYYYMMDDHHMMSS>_<message as a slug>`. */
  readonly name: string
  /** The files written (or, on a dry run, that would be), as messages show them. */
  readonly files: string[]
  /** True when `config.dryRun` kept the files from being written. */
  readonly dryRun: boolean
}

/**
 * Writes an empty migration named after `config.message`, sorting after every existing one (a clock behind the
 * newest migration, or two revisions in one second, move the timestamp forward). A dry run writes nothing.
 */
export function revision(config: Config, options: { format?: RevisionFormat; now?: Date } = {}): RevisionResult {
  const message = config.message?.trim()
  if (!message) throw new ConfigError('message', 'revision needs a message that names the migration, e.g. -m "add email to user"')
  const existing = existsSync(config.migrationsDir) ? listMigrations(config.migrationsDir, config.cwd, config.migrationsIgnore).map((m) => m.name) : []
  const newest = existing.at(-1)
  let now = options.now ?? new Date()
  let name = migrationName(message, now)
  const taken = new Set(existing.map((n) => n.slice(0, 14)))
  if (newest !== undefined && compareNames(name, newest) <= 0) {
    const stamp = timestampOf(newest)
    if (stamp === null) throw new HistoryError('revision_name', `a new migration would sort before ${newest}, whose name does not start with a YYYYMMDDHHMMSS timestamp: rename it`)
    now = new Date(stamp.getTime() + 1000)
    name = migrationName(message, now)
  }
  while (taken.has(name.slice(0, 14))) {
    now = new Date(now.getTime() + 1000)
    name = migrationName(message, now)
  }
  const created = `${now.toISOString().slice(0, 19).replace('T', ' ')} UTC`
  const files: Array<[string, string]> = options.format === 'ts'
    ? [[`${name}.ts`, tsModule(message, created)]]
    : options.format === 'sequelize'
    ? [[`${name}${commonJsExtension(config.cwd)}`, sequelizeModule(name, message, '-- the up migration\n', '-- what undoes it\n', noTransactionDirective)]]
    : [[`${name}.sql`, sqlUp(message, created)], [`${name}.down.sql`, sqlDown(message)]]
  const written = files.map(([file]) => displayPath(join(config.migrationsDir, file), config.cwd))
  if (config.dryRun) return { name, files: written, dryRun: true }
  mkdirSync(config.migrationsDir, { recursive: true })
  for (const [file, text] of files) writeFileSync(join(config.migrationsDir, file), text, { flag: 'wx' })
  return { name, files: written, dryRun: false }
}

function timestampOf(name: string): Date | null {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})/.exec(name)
  if (!m) return null
  const date = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!))
  return Number.isNaN(date.getTime()) ? null : date
}
