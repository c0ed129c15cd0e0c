import type { Config } from '../config/config.js'
import type { Log } from '../log.js'
import { migrate, type MigrateResult } from '../runtime/migrate.js'

/** Reverts every migration after `config.revision`, which stays applied (`base` reverts all); with `config.dryRun`, only plans. */
export function downgrade(config: Config, databaseUrl: string, log: Log): Promise<MigrateResult> {
  return migrate(config, databaseUrl, log, 'down')
}
