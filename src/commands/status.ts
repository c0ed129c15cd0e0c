import type { Config } from '../config/config.js'
import { waitForConnection } from '../db/client.js'
import { displayPath, listMigrations } from '../runtime/files.js'
import { readHistory } from '../runtime/history.js'
import { findProblems, type Problem } from '../runtime/problems.js'
import { currentRevision } from '../runtime/target.js'
import type { HistoryRow, MigrationFile } from '../runtime/types.js'

/** Where the database stands against the migrations folder. */
export interface StatusResult {
  /** Newest applied migration; null at base. */
  readonly current: string | null
  /** Newest migration file; null when there are none. */
  readonly head: string | null
  readonly applied: AppliedMigration[]
  readonly pending: string[]
  /** What would stop upgrade or downgrade; status reports these rather than failing. */
  readonly problems: Problem[]
}

/** A row of the history, with its file when it still exists. */
export interface AppliedMigration {
  readonly name: string
  readonly file: string | null
  readonly appliedAt: Date
  readonly durationMs: number | null
  /** `applied`, or `running`/`reverting` for a migration without a transaction that did not finish. */
  readonly state: 'applied' | 'running' | 'reverting'
}

/** What the read-only commands (status, current, history, heads, show) read: the files, the history, their problems. */
export interface Survey {
  readonly files: MigrationFile[]
  readonly history: HistoryRow[]
  readonly problems: Problem[]
  /** Newest applied migration; null at base. */
  readonly current: string | null
}

/** Reads the history (creating nothing) and compares it with the files; imports no migration. */
export async function survey(config: Config, databaseUrl: string): Promise<Survey> {
  const files = listMigrations(config.migrationsDir, config.cwd, config.migrationsIgnore)
  const client = await waitForConnection(databaseUrl, config.connectTimeoutMs)
  try {
    // reading waits for a lock no longer than a run would wait for a concurrent one
    await client.query(`SET lock_timeout = '${config.lockWaitMs}ms'`)
    const history = await readHistory(client, { schema: config.historySchema, table: config.historyTable })
    const current = currentRevision(history.filter((r) => r.state === 'applied').map((r) => r.name))
    return { files, history, problems: findProblems(files, history, config), current }
  } finally {
    await client.end().catch(() => {})
  }
}

/** A history row as the reports show it, with its file when it still exists. */
export function appliedMigration(row: HistoryRow, files: readonly MigrationFile[], cwd: string): AppliedMigration {
  const file = files.find((f) => f.name === row.name)
  return { name: row.name, file: file ? displayPath(file.path, cwd) : null, appliedAt: row.appliedAt, durationMs: row.durationMs, state: row.state }
}

/** Where the database stands against the migrations folder. */
export async function status(config: Config, databaseUrl: string): Promise<StatusResult> {
  const { files, history, problems, current } = await survey(config, databaseUrl)
  const recorded = new Set(history.map((r) => r.name))
  return {
    current,
    head: files.at(-1)?.name ?? null,
    applied: history.map((r) => appliedMigration(r, files, config.cwd)),
    pending: files.filter((f) => !recorded.has(f.name)).map((f) => f.name),
    problems,
  }
}

/** Why `status --check` fails, one line; null when the database is at head with nothing to attend to. */
export function statusGate(result: StatusResult): string | null {
  const reasons = [
    ...(result.pending.length ? [`${result.pending.length} pending migration(s): ${result.pending.join(', ')}`] : []),
    ...result.problems.map((p) => p.message),
  ]
  return reasons.length ? `status --check: ${reasons.join('; ')}` : null
}
