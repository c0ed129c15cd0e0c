import type { Config } from '../config/config.js'
import { waitForConnection } from '../db/client.js'
import { RevisionError } from '../errors.js'
import type { Log } from '../log.js'
import { recordApplied } from '../runtime/adopt.js'
import { listMigrations } from '../runtime/files.js'
import { readHistory, type HistoryTable } from '../runtime/history.js'
import { acquireLock } from '../runtime/lock.js'
import { assertNoProblems, findProblems } from '../runtime/problems.js'
import { currentRevision, planUpgrade } from '../runtime/target.js'

export interface StampResult {
  readonly dryRun: boolean
  /** Names recorded as applied (or, for a dry run, that would be), in order. */
  readonly stamped: string[]
  /** Newest applied migration afterwards (unchanged by a dry run). */
  readonly current: string | null
}

/**
 * Records the migrations up to `config.revision` as applied without running them (alembic's `stamp`): for a database
 * whose schema came another way (a dump, another tool). Only names with a file can be stamped.
 */
export async function stamp(config: Config, databaseUrl: string, log: Log): Promise<StampResult> {
  const spec = config.revision?.trim()
  if (!spec) throw new RevisionError('stamp needs a revision: head, a migration name or a unique prefix of one, or +N')
  const files = listMigrations(config.migrationsDir, config.cwd, config.migrationsIgnore)
  const ref: HistoryTable = { schema: config.historySchema, table: config.historyTable }
  const client = await waitForConnection(databaseUrl, config.connectTimeoutMs)
  const run = async (): Promise<StampResult> => {
    const history = await readHistory(client, ref)
    assertNoProblems(findProblems(files, history, config), 'up')
    const applied = new Set(history.map((r) => r.name))
    const plan = planUpgrade(spec, files, applied)
    await recordApplied(client, ref, plan.steps, !config.dryRun)
    const stamped = plan.steps.map((f) => f.name)
    const after = config.dryRun ? applied : new Set([...applied, ...stamped])
    return { dryRun: config.dryRun, stamped, current: currentRevision(after) }
  }
  try {
    if (config.dryRun) return await run()
    const release = await acquireLock(client, ref, config.lockWaitMs, log)
    try {
      return await run()
    } finally {
      await release().catch(() => {})
    }
  } finally {
    await client.end().catch(() => {})
  }
}
