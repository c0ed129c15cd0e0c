import pg, { escapeLiteral } from 'pg'
import { HistoryError } from '../errors.js'
import { quoteIdent } from '../render/ident.js'
import type { HistoryRow, HistoryState } from './types.js'

/** Where applied migrations are recorded: config.historySchema / config.historyTable. */
export interface HistoryTable {
  readonly schema: string
  readonly table: string
}

/** The table's name as SQL text, always quoted. */
export function historySql(ref: HistoryTable): string {
  return `${quoteIdent(ref.schema)}.${quoteIdent(ref.table)}`
}

/** Runs `fn`, turning what commonly stops work on the history table into an error that names it and says what to do. */
async function onHistory<T>(ref: HistoryTable, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn()
  } catch (error) {
    const { code, message } = error as { code?: string; message?: string }
    const table = historySql(ref)
    switch (code) {
      case '55P03':
        throw new HistoryError('history_locked', `another session holds a lock on ${table}, and waiting for it ran past lock-wait: find it in pg_locks / pg_stat_activity, or raise --lock-wait`, undefined, { cause: error })
      case '42501':
        throw new HistoryError('history_permission', `${message} while creating ${table}: GRANT CREATE ON SCHEMA ${quoteIdent(ref.schema)} to this user, or point --history-schema at a schema it may write`, undefined, { cause: error })
      case '42703': // the table exists but is not ours: an application table named as the history table
        throw new HistoryError('history_not_ours', `the history table ${table} (--history-schema/--history-table) is an existing table that is not a db-migrate history (${message}): name another history table; nothing was changed`, undefined, { cause: error })
      case '25006':
        throw new HistoryError('read_only', `the database is read-only (a standby, or default_transaction_read_only), so ${table} cannot be written: point the database URL at the primary, writable database`, undefined, { cause: error })
      default:
        throw error
    }
  }
}

/** True when the history table exists (status and dry runs read it without creating it). */
export async function historyExists(client: pg.ClientBase, ref: HistoryTable): Promise<boolean> {
  const { rows } = await client.query<{ found: boolean }>('SELECT to_regclass($1) IS NOT NULL AS found', [historySql(ref)])
  return rows[0]!.found
}

/** Creates the schema (only when missing: CREATE SCHEMA needs a privilege even with IF NOT EXISTS) and the table. */
export async function ensureHistory(client: pg.ClientBase, ref: HistoryTable): Promise<void> {
  return onHistory(ref, () => createHistory(client, ref))
}

async function createHistory(client: pg.ClientBase, ref: HistoryTable): Promise<void> {
  const { rows } = await client.query<{ table: boolean; schema: boolean }>(
    'SELECT to_regclass($1) IS NOT NULL AS table, to_regnamespace($2) IS NOT NULL AS schema', [historySql(ref), quoteIdent(ref.schema)])
  if (rows[0]!.table) return
  if (!rows[0]!.schema) await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(ref.schema)}`)
  await client.query(createHistorySql(ref))
}

/** The history table's DDL. */
export function createHistorySql(ref: HistoryTable): string {
  return `CREATE TABLE IF NOT EXISTS ${historySql(ref)} (
  name text PRIMARY KEY,
  checksum text NOT NULL,
  state text NOT NULL DEFAULT 'applied' CHECK (state IN ('applied', 'running', 'reverting')),
  applied_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  duration_ms integer,
  error text
)`
}

/** Every recorded migration, oldest name first; empty when the table does not exist yet. */
export async function readHistory(client: pg.ClientBase, ref: HistoryTable): Promise<HistoryRow[]> {
  if (!(await historyExists(client, ref))) return []
  const { rows } = await onHistory(ref, () => client.query<{ name: string; checksum: string; state: HistoryState; applied_at: Date; duration_ms: number | null; error: string | null }>(
    `SELECT name, checksum, state, applied_at, duration_ms, error FROM ${historySql(ref)} ORDER BY name COLLATE "C"`,
  ))
  return rows.map((r) => ({ name: r.name, checksum: r.checksum, state: r.state, appliedAt: r.applied_at, durationMs: r.duration_ms, error: r.error }))
}

/** Records a migration as `state`, replacing any row of the same name. */
export async function writeRow(client: pg.ClientBase, ref: HistoryTable, row: HistoryWrite): Promise<void> {
  await client.query(writeRowSql(ref, row))
}

interface HistoryWrite {
  readonly name: string
  readonly checksum: string
  readonly state: HistoryState
  /** `transaction`: the time since the transaction began, as the server counts it (the row goes in the migration's own). */
  readonly durationMs: number | null | 'transaction'
}

const durationSql = (ms: HistoryWrite['durationMs']) =>
  ms === null ? 'NULL' : ms === 'transaction' ? '(extract(epoch FROM clock_timestamp() - now()) * 1000)::integer' : String(Math.round(ms))

/** writeRow's statement with its values inlined, so that it can go in one query with the COMMIT after it. */
export function writeRowSql(ref: HistoryTable, row: HistoryWrite): string {
  return `INSERT INTO ${historySql(ref)} (name, checksum, state, duration_ms)
     VALUES (${escapeLiteral(row.name)}, ${escapeLiteral(row.checksum)}, ${escapeLiteral(row.state)}, ${durationSql(row.durationMs)})
     ON CONFLICT (name) DO UPDATE SET checksum = excluded.checksum, state = excluded.state, duration_ms = excluded.duration_ms,
       applied_at = clock_timestamp(), error = NULL`
}

/** Marks a row `running`/`reverting` before a migration without a transaction starts, clearing an old error. */
export async function setState(client: pg.ClientBase, ref: HistoryTable, name: string, state: HistoryState): Promise<void> {
  await client.query(`UPDATE ${historySql(ref)} SET state = $2, error = NULL WHERE name = $1`, [name, state])
}

/** Keeps Postgres' message on the row of a migration without a transaction that failed. */
export async function recordError(client: pg.ClientBase, ref: HistoryTable, name: string, error: string): Promise<void> {
  await client.query(`UPDATE ${historySql(ref)} SET error = $2 WHERE name = $1`, [name, error])
}

/** Forgets a migration (reverted, or resolved as rolled back); false when it was not recorded. */
export async function deleteRow(client: pg.ClientBase, ref: HistoryTable, name: string): Promise<boolean> {
  const { rowCount } = await client.query(deleteRowSql(ref, name))
  return (rowCount ?? 0) > 0
}

/** deleteRow's statement with the name inlined. */
export function deleteRowSql(ref: HistoryTable, name: string): string {
  return `DELETE FROM ${historySql(ref)} WHERE name = ${escapeLiteral(name)}`
}
