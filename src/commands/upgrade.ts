import type { Config } from '../config/config.js'
import type { Log } from '../log.js'
import type { MigrationFile } from '../runtime/types.js'
import { migrate, type MigrateResult } from '../runtime/migrate.js'

/** Applies pending migrations up to `config.revision` (default head); with `config.dryRun`, only plans. `listed`: the folder as listed already. */
export function upgrade(config: Config, databaseUrl: string, log: Log, listed?: readonly MigrationFile[]): Promise<MigrateResult> {
  return migrate(config, databaseUrl, log, 'up', listed)
}
