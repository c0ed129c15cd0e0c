import type { Config } from '../config/config.js'
import { appliedMigration, survey, type AppliedMigration } from './status.js'

/** alembic's `current`: the revision the database is at. */
export interface CurrentResult {
  /** Newest applied migration; null at base. */
  readonly current: string | null
  readonly head: string | null
  /** The current migration's row (file, when applied, how long it took); null at base. */
  readonly migration: AppliedMigration | null
  /** `--verbose`: the text shows the migration's details too. */
  readonly verbose: boolean
}

export async function current(config: Config, databaseUrl: string): Promise<CurrentResult> {
  const { files, history, current } = await survey(config, databaseUrl)
  const row = history.find((r) => r.name === current)
  return { current, head: files.at(-1)?.name ?? null, migration: row ? appliedMigration(row, files, config.cwd) : null, verbose: config.verbose }
}
