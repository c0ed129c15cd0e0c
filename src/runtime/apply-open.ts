import type pg from 'pg'
import type { Config } from '../config/config.js'
import { displayPath, readSqlFile } from './files.js'
import { writeRowSql, type HistoryTable } from './history.js'
import { commitFailed } from './apply-one.js'
import { sessionSql } from './migrate.js'
import { AfterFileError, optsOutOfTransaction, prepareSqlFile, runPreparedSql } from './sql-run.js'
import type { MigrationFile } from './types.js'

/** Whether `file` can run in a transaction that is never committed: a SQL migration that runs in one. */
export function appliesUncommitted(file: MigrationFile): boolean {
  return file.kind === 'sql' && !optsOutOfTransaction(readSqlFile(file.path))
}

/**
 * Applies one SQL migration as applyOne does (the session's settings, BEGIN, the file, its history row), but leaves
 * its transaction open instead of committing it: what the caller reads on `client` next is the migrated database,
 * and its ROLLBACK leaves the database as it was. Deferred constraints are checked as the COMMIT would check them,
 * and the session is reset after the file.
 */
export async function applyUncommitted(client: pg.ClientBase, config: Config, ref: HistoryTable, file: MigrationFile): Promise<void> {
  const show = displayPath(file.path, config.cwd)
  const session = sessionSql(config, false)
  if (session) await client.query(session)
  const then = `${writeRowSql(ref, { name: file.name, checksum: file.checksum, state: 'applied', durationMs: 'transaction' })}; SET CONSTRAINTS ALL IMMEDIATE`
  const prepared = prepareSqlFile(readSqlFile(file.path), { name: file.name, direction: 'up', file: show, transactional: true, then })
  let sentThen: boolean
  try {
    sentThen = await runPreparedSql(client, prepared)
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {})
    throw error instanceof AfterFileError ? commitFailed(file, 'up', config.cwd, true, false, error.error) : error
  }
  if (!sentThen) {
    await client.query(then).catch(async (error: unknown) => {
      await client.query('ROLLBACK').catch(() => {})
      throw commitFailed(file, 'up', config.cwd, true, false, error)
    })
  }
  // the history row gave the transaction an id: none means the file ended it
  const open = (await client.query<{ xid: string | null }>('SELECT txid_current_if_assigned()::text AS xid')).rows[0]!.xid
  if (open === null) throw new TransactionEnded(show)
  // what the file SET (a search_path, a role) is undone for the caller's reading, as a new session would not have it
  await client.query('RESET SESSION AUTHORIZATION; RESET ROLE; RESET ALL')
}

/** The file ended the transaction it ran in (a COMMIT in a file that cannot be split): what it did before is committed. */
export class TransactionEnded extends Error {
  constructor(readonly file: string) {
    super(`${file} ended the transaction it ran in, so part of it was committed`)
  }
}
