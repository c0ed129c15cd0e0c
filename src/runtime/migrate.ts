import type pg from 'pg'
import type { Config } from '../config/config.js'
import { waitForConnection } from '../db/client.js'
import { HistoryError, MigrationError, type MigrationProgress } from '../errors.js'
import type { Log } from '../log.js'
import { compareNames, displayPath, listMigrations } from './files.js'
import { ensureHistory, readHistory, type HistoryTable } from './history.js'
import { adoptUmzug } from './adopt.js'
import { acquireLock } from './lock.js'
import { loadMigrationModule } from './module.js'
import { assertNoProblems, findProblems } from './problems.js'
import { progressKnown } from './progress.js'
import { currentRevision, planDowngrade, planUpgrade, type Plan } from './target.js'
import type { HistoryRow, MigrationFile } from './types.js'
import { contextMaker } from './context.js'
import { downMissing, runSteps, type StepResult } from './run-steps.js'
import { migrationScript } from './script.js'

/** What an upgrade or downgrade did, or with dryRun would do. */
export interface MigrateResult {
  readonly direction: 'up' | 'down'
  readonly dryRun: boolean
  /** Newest applied migration before the run; null at base. */
  readonly from: string | null
  /** The revision asked for, resolved to a full name; null for base. */
  readonly target: string | null
  /** Newest applied migration after the run (unchanged by a dry run). */
  readonly current: string | null
  /** Names the run applies (up) or reverts (down), in order. */
  readonly planned: string[]
  /** What actually ran; empty for a dry run. */
  readonly applied: StepResult[]
  /** Migrations not applied after the run. */
  readonly pending: string[]
  /** A dry run's (or `--sql`'s) SQL: what the run would send, its bookkeeping included. */
  readonly script?: string
  /** `--sql`: the script is the whole output. */
  readonly scriptOnly?: boolean
}

/**
 * Upgrades or downgrades the database at `databaseUrl` to `config.revision`, safely (see runtime/apply-one.ts).
 * `listed`: the migrations folder as the caller listed it already.
 */
export async function migrate(config: Config, databaseUrl: string, log: Log, direction: 'up' | 'down', listed?: readonly MigrationFile[]): Promise<MigrateResult> {
  const files = listed ? [...listed] : listMigrations(config.migrationsDir, config.cwd, config.migrationsIgnore)
  const ref: HistoryTable = { schema: config.historySchema, table: config.historyTable }
  const client = await waitForConnection(databaseUrl, config.connectTimeoutMs)
  try {
    if (config.dryRun || config.sql) {
      const history = await readHistory(client, ref)
      const adopted = await adoptUmzug(client, ref, config.umzugStorage, files, log, true, history)
      try {
        const { plan, from, applied } = await prepare(config, files, direction, adopted.length ? await readHistory(client, ref) : history)
        const planned = result(config, direction, from, plan, new Set(applied), [], files)
        const script = migrationScript(plan.steps, { direction, history: ref, session: sessionSql(config, false), cwd: config.cwd })
        return { ...planned, dryRun: true, script, scriptOnly: config.sql }
      } finally {
        if (adopted.length) await client.query('ROLLBACK')
      }
    }
    const restore = await applySessionSettings(client, config)
    const release = await acquireLock(client, ref, config.lockWaitMs, log)
    try {
      // Read the history only now, under the lock, so a run that waited never repeats another's work.
      const history = await readHistory(client, ref)
      const adopted = await adoptUmzug(client, ref, config.umzugStorage, files, log, false, history)
      const { plan, from, applied } = await prepare(config, files, direction, adopted.length ? await readHistory(client, ref) : history)
      // only a run with module migrations needs their context (and, for Sequelize, the project's sequelize)
      const modules = plan.steps.some((f) => f.kind === 'module')
      const makeContext = contextMaker({ kind: modules ? config.contextKind : 'pg', factory: config.contextFactory, cwd: config.cwd })
      // A module that does not load stops the run before anything is written, the history table included.
      await Promise.all(plan.steps.filter((f) => f.kind === 'module').map((f) => loadMigrationModule(f.path, displayPath(f.path, config.cwd))))
      if (applied.length === 0) await ensureHistory(client, ref)
      const done = await runSteps(client, ref, direction, plan.steps, config.cwd, log, makeContext, restore).catch(async (error: unknown) => {
        if (error instanceof MigrationError) error.progress = await progressAfter(client, ref, files, plan, direction).catch(() => progressKnown(files, plan, applied, error.migration.name))
        throw error
      })
      // under the lock, the history is what it was with this run's steps added or removed
      const after = new Set(applied)
      for (const step of done) {
        if (direction === 'up') after.add(step.name)
        else after.delete(step.name)
      }
      return result(config, direction, from, plan, after, done, files)
    } finally {
      await release().catch(() => {})
    }
  } finally {
    await client.end().catch(() => {})
  }
}

/** The error for a migrations folder without migrations. */
export function noMigrations(config: Pick<Config, 'migrationsDir' | 'cwd'>): HistoryError {
  return new HistoryError('no_migrations', `migrations folder ${displayPath(config.migrationsDir, config.cwd)} has no migrations (NAME.sql, NAME.ts or NAME.js): check the migrations setting, or write one with db-migrate revision -m "..."`)
}

async function prepare(config: Config, files: readonly MigrationFile[], direction: 'up' | 'down', history: readonly HistoryRow[]) {
  assertNoProblems(findProblems(files, history, config), direction)
  if (files.length === 0) {
    // most likely a migrations setting that points at the wrong folder: deploying nothing quietly would hide it
    throw noMigrations(config)
  }
  const applied = history.map((r) => r.name)
  const plan = direction === 'up' ? planUpgrade(config.revision, files, new Set(applied))
    : planDowngrade(config.revision, files, [...history].sort((a, b) => a.appliedAt.getTime() - b.appliedAt.getTime() || compareNames(a.name, b.name)).map((r) => r.name))
  if (direction === 'down') {
    const missing = await downMissing(plan.steps, config.cwd)
    if (missing) {
      const where = missing.kind === 'sql' ? `add ${missing.name}.down.sql beside ${displayPath(missing.path, config.cwd)}` : `export a down function from ${displayPath(missing.path, config.cwd)}`
      throw new HistoryError('no_down', `migration ${missing.name} cannot be reverted: it has no down migration (${where}); nothing was changed`, displayPath(missing.path, config.cwd))
    }
  }
  return { plan, from: currentRevision(applied), applied }
}

/** What a failed run did before it failed, read back from the history (the failed step itself was rolled back). */
async function progressAfter(client: pg.ClientBase, ref: HistoryTable, files: readonly MigrationFile[], plan: Plan, direction: 'up' | 'down'): Promise<MigrationProgress> {
  const applied = new Set((await readHistory(client, ref)).filter((r) => r.state === 'applied').map((r) => r.name))
  return {
    done: plan.steps.map((s) => s.name).filter((name) => applied.has(name) === (direction === 'up')),
    current: currentRevision(applied),
    pending: files.filter((f) => !applied.has(f.name)).map((f) => f.name),
  }
}

/**
 * Session settings: lock_timeout and statement_timeout as configured, and, where the server has it (PostgreSQL 14+
 * on a platform that can watch sockets), client_connection_check_interval, so a run that dies in the middle of a
 * long statement has that statement cancelled, and its locks freed, within a second. Returns the SQL that sets
 * them again after a migration's RESET ALL.
 */
async function applySessionSettings(client: pg.ClientBase, config: Config): Promise<string> {
  const withCheck = sessionSql(config, true)
  if (await client.query(withCheck).then(() => true, () => false)) return withCheck
  const without = sessionSql(config, false)
  if (without) await client.query(without)
  return without
}

/** The SET statements of a run's session, as one string. */
export function sessionSql(config: Config, checkInterval: boolean): string {
  // the values are validated integers: literal SQL keeps these in the same round trip as a COMMIT
  return [
    // without a lock-timeout of its own, no statement waits for a lock longer than the run waits for a concurrent run
    `SET lock_timeout = '${config.lockTimeoutMs ?? config.lockWaitMs}ms'`,
    config.statementTimeoutMs === null ? '' : `SET statement_timeout = '${config.statementTimeoutMs}ms'`,
    // a migration waiting on a connection of its own, blocked by its own locks, sits idle in its transaction
    config.statementTimeoutMs === null ? '' : `SET idle_in_transaction_session_timeout = '${config.statementTimeoutMs}ms'`,
    checkInterval ? `SET client_connection_check_interval = '1s'` : '',
  ].filter(Boolean).join('; ')
}

function result(config: Config, direction: 'up' | 'down', from: string | null, plan: Plan, applied: ReadonlySet<string>, done: StepResult[], files: readonly MigrationFile[]): MigrateResult {
  return {
    direction,
    dryRun: config.dryRun,
    from,
    target: plan.target,
    current: currentRevision(applied),
    planned: plan.steps.map((s) => s.name),
    applied: done,
    pending: files.filter((f) => !applied.has(f.name)).map((f) => f.name),
  }
}
