import type pg from 'pg'
import { HistoryError } from '../errors.js'
import type { Log } from '../log.js'
import { quoteIdent } from '../render/ident.js'
import { ensureHistory, historyExists, historySql, writeRow, type HistoryTable } from './history.js'
import type { HistoryRow, MigrationFile } from './types.js'

/** Where Umzug recorded what it ran: SequelizeStorage's `SequelizeMeta(name)` unless the project configured another. */
export interface UmzugStorage {
  readonly schema: string
  readonly table: string
  readonly column: string
}

/**
 * Records `steps` as applied without running them (stamp, and the Umzug import). Every name must have a file:
 * the caller resolved them from the files. `write: false` (a dry run) only reports.
 */
export async function recordApplied(client: pg.ClientBase, ref: HistoryTable, steps: readonly MigrationFile[], write: boolean): Promise<void> {
  if (!write) return
  await ensureHistory(client, ref)
  for (const file of steps) await writeRow(client, ref, { name: file.name, checksum: file.checksum, state: 'applied', durationMs: null })
}

/**
 * The migrations Umzug recorded as run, as our files, when our history is empty and Umzug's table exists; else null.
 * Umzug stores names with the extension (`20240101-create.js`); a name with no file here stops the run.
 * `history`: our history as the caller read it.
 */
export async function umzugApplied(client: pg.ClientBase, storage: UmzugStorage, files: readonly MigrationFile[], history: readonly HistoryRow[]): Promise<MigrationFile[] | null> {
  if (history.length > 0) return null
  const table = `${quoteIdent(storage.schema)}.${quoteIdent(storage.table)}`
  if (!(await historyExists(client, { schema: storage.schema, table: storage.table }))) return null
  let names: string[]
  try {
    names = (await client.query<{ name: string }>(`SELECT ${quoteIdent(storage.column)}::text AS name FROM ${table}`)).rows.map((r) => r.name)
  } catch (error) {
    throw new HistoryError('umzug_history', `Umzug's history ${table} has no column ${quoteIdent(storage.column)}: set umzug-column to the column that holds the names`, undefined, { cause: error })
  }
  const byName = new Map<string, MigrationFile>()
  for (const file of files) {
    byName.set(file.path.slice(file.path.lastIndexOf('/') + 1), file)
    byName.set(file.name, file)
  }
  const missing = names.filter((n) => !byName.has(n))
  if (missing.length) {
    throw new HistoryError('umzug_missing_file', `Umzug's history ${table} records ${missing.join(', ')}, which no file in the migrations folder matches: restore the file, or fix the migrations setting; nothing was recorded`)
  }
  const found = names.map((n) => byName.get(n)!)
  return [...new Set(found)].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
}

/**
 * Imports Umzug's history into ours (under the caller's lock) on the first run; returns what it recorded.
 * A dry run writes too, inside a transaction it rolls back, so its plan starts where the real run will.
 */
export async function adoptUmzug(client: pg.ClientBase, ref: HistoryTable, storage: UmzugStorage, files: readonly MigrationFile[], log: Log, dryRun: boolean, history: readonly HistoryRow[]): Promise<MigrationFile[]> {
  const found = await umzugApplied(client, storage, files, history)
  if (!found || found.length === 0) return []
  if (dryRun) await client.query('BEGIN')
  await recordApplied(client, ref, found, true)
  log.info(`${dryRun ? 'would import' : 'imported'} ${found.length} migration(s) Umzug recorded in ${quoteIdent(storage.schema)}.${quoteIdent(storage.table)} into ${historySql(ref)}, up to ${found.at(-1)!.name}`)
  return found
}
