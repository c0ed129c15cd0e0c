import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Config } from '../config/config.js'
import { HistoryError } from '../errors.js'
import { migrationName, renderMigrationFiles } from '../render/migration-file.js'
import type { Log } from '../log.js'
import { displayPath } from '../runtime/files.js'
import { noTransactionDirective } from '../runtime/sql-run.js'
import { findDrift, type CheckResult, type DriftOptions } from './check.js'

/** What `revision --autogenerate` found and wrote. */
export interface AutogenerateResult extends CheckResult {
  /** Name of the new migration; null when the models match the migrations and nothing was written. */
  readonly name: string | null
  /** The files written (up, then down), as messages show them. */
  readonly files: readonly string[]
}

/**
 * Writes a SQL migration (`NAME.sql` + `NAME.down.sql`) that takes the migrated schema to the models' one, and
 * back. Found as check() finds drift; with no drift nothing is written. With no migrations folder yet, the first
 * migration creates everything the models declare.
 */
export async function autogenerate(config: Config, serverUrl: string, log: Log, now: Date = new Date(), options: Pick<DriftOptions, 'models'> = {}): Promise<AutogenerateResult> {
  const { migrated: _m, models: _s, ...drift } = await findDrift(config, serverUrl, log, { ...options, allowMissingMigrations: true })
  if (!drift.drift) {
    log.info('no changes: the models match the migrations, so no migration was written')
    return { ...drift, name: null, files: [] }
  }
  const name = migrationName(config.message, now)
  const { up, down } = renderMigrationFiles(name, config.message, drift.operations, { noTransactionDirective, now })
  const upPath = join(config.migrationsDir, `${name}.sql`)
  const downPath = join(config.migrationsDir, `${name}.down.sql`)
  for (const path of [upPath, downPath]) {
    if (existsSync(path)) {
      throw new HistoryError('revision_exists', `${displayPath(path, config.cwd)} already exists: wait a second and run revision again, or use another message`, displayPath(path, config.cwd))
    }
  }
  mkdirSync(config.migrationsDir, { recursive: true })
  writeFileSync(upPath, up)
  writeFileSync(downPath, down)
  const files = [displayPath(upPath, config.cwd), displayPath(downPath, config.cwd)]
  log.info(`wrote ${files.join(' and ')} (${drift.operations.length} operation(s)${drift.risky.length ? `, ${drift.risky.length} risky: review them` : ''})`)
  return { ...drift, name, files }
}
