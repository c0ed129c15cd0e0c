import type pg from 'pg'
import { advice } from '../db/advice.js'
import { sessionEnded } from '../db/client.js'
import { AppError, MigrationError, errorMessage } from '../errors.js'
import type { Log } from '../log.js'
import type { MakeContext } from './context.js'
import { displayPath, readSqlFile } from './files.js'
import { deleteRowSql, recordError, setState, writeRow, writeRowSql, type HistoryTable } from './history.js'
import { lineInStack } from './module.js'
import { AfterFileError, optsOutOfTransaction, prepareSqlFile, runPreparedSql, type PreparedSql } from './sql-run.js'
import { thrownMessage, watchRejections } from './thrown.js'
import { trackedClient } from './tracked-client.js'
import type { MigrationFile, MigrationModule } from './types.js'

/** A migration that ran, and how long it took (including its bookkeeping). */
export interface StepResult {
  readonly name: string
  readonly file: string
  readonly durationMs: number
  readonly transactional: boolean
}

/** What every migration of one run shares. */
export interface RunSession {
  readonly client: pg.ClientBase
  readonly ref: HistoryTable
  readonly cwd: string
  readonly log: Log
  readonly makeContext: MakeContext
  /** Sets the session back after a migration: RESET ALL and the run's own settings. */
  readonly reset: string
}

/**
 * The whole life of one migration, up or down:
 * 1. begin: BEGIN (a SQL file's goes with its text), or for a migration without a transaction a `running`/`reverting` row;
 * 2. run: the SQL file, or the module's up/down with Umzug's parameters `{ name, path, context, client }`;
 * 3. history row, COMMIT and the session's reset in one query (for a SQL file, the same query as the file); or on any failure ROLLBACK (the history row with it),
 *    or for a migration without a transaction the error kept on its row, which then needs attention.
 * `module` is the loaded module for a `.ts`/`.js` migration, undefined for SQL; `start` is what stepStart made
 * ready beforehand, if anything.
 */
export async function applyOne(session: RunSession, file: MigrationFile, direction: 'up' | 'down', module: MigrationModule | undefined, start = stepStart(session, file, direction, module)): Promise<StepResult> {
  const { client, ref, cwd, log } = session
  const { show, transactional } = start
  const started = Date.now()
  log.info(`${direction === 'up' ? 'applying' : 'reverting'} ${file.name}${transactional ? '' : ' (no transaction)'}`)

  // 1. begin
  let xid: string | null = null
  if (transactional && module) {
    // a module's code could still end our transaction in a way the client does not see: remember its id to notice
    const [, begun] = (await client.query('BEGIN; SELECT txid_current()::text AS xid')) as unknown as pg.QueryResult<{ xid: string }>[]
    xid = begun!.rows[0]!.xid
  } else if (!transactional && direction === 'up') {
    await writeRow(client, ref, { name: file.name, checksum: file.checksum, state: 'running', durationMs: null })
  } else if (!transactional) {
    await setState(client, ref, file.name, 'reverting')
  }

  const finish = () => finishSql(session, file, direction, transactional, started)

  // 2. run
  let finished = false
  try {
    if (module) await runModule(session, file, direction, module, show, xid)
    else if (!start.query || 'refused' in start.query) throw start.query?.refused
    else finished = await runPreparedSql(client, start.query)
  } catch (error) {
    if (transactional) await client.query('ROLLBACK').catch(() => {})
    else await recordError(client, ref, file.name, shortError(error)).catch(() => {})
    if (error instanceof AfterFileError) throw commitFailed(file, direction, cwd, transactional, error.committed, error.error)
    throw error
  }

  // 3. history row and COMMIT, in one round trip (unless they went with the file)
  if (!finished) {
    try {
      await client.query(finish())
    } catch (error) {
      if (transactional) await client.query('ROLLBACK').catch(() => {})
      throw commitFailed(file, direction, cwd, transactional, false, error)
    }
  }
  const durationMs = Date.now() - started
  return { name: file.name, file: direction === 'up' ? show : displayPath(file.path, cwd), durationMs, transactional }
}

/** What a migration's run needs before its first round trip; for a SQL file, its query put together. */
export interface StepStart {
  /** The file that runs, as messages show it. */
  readonly show: string
  readonly transactional: boolean
  /** A SQL file's run made ready, or what refused it (thrown when the migration runs, as if refused then). */
  readonly query?: PreparedSql | { readonly refused: unknown }
}

/**
 * Reads a SQL migration and puts its query together (its history row and COMMIT included), without touching the
 * database: runSteps does it for the next migration while the server runs the one before.
 */
export function stepStart(session: RunSession, file: MigrationFile, direction: 'up' | 'down', module: MigrationModule | undefined): StepStart {
  const show = displayPath(direction === 'down' && file.downPath ? file.downPath : file.path, session.cwd)
  if (module) return { show, transactional: module.transaction !== false }
  const sql = readSqlFile(direction === 'up' ? file.path : file.downPath!)
  const transactional = !optsOutOfTransaction(sql)
  // a file without a transaction runs statement by statement, its history row written after it with its duration
  const run = { name: file.name, direction, file: show, transactional, ...(transactional ? { then: finishSql(session, file, direction, true, 0) } : {}) }
  try {
    return { show, transactional, query: prepareSqlFile(sql, run) }
  } catch (refused) {
    return { show, transactional, query: { refused } }
  }
}

/** 3.'s query: for a SQL file in a transaction it goes with the file, one round trip for the whole migration. */
function finishSql(session: RunSession, file: MigrationFile, direction: 'up' | 'down', transactional: boolean, started: number): string {
  const record = direction === 'up'
    ? writeRowSql(session.ref, { name: file.name, checksum: file.checksum, state: 'applied', durationMs: transactional ? 'transaction' : Date.now() - started })
    : deleteRowSql(session.ref, file.name)
  return transactional ? `${record}; COMMIT; ${session.reset}` : `${record}; ${session.reset}`
}

/** The history row or COMMIT failed; `committed`: the migration was committed, and what failed came after. */
export function commitFailed(file: MigrationFile, direction: 'up' | 'down', cwd: string, transactional: boolean, committed: boolean, error: unknown): MigrationError {
  const outcome = committed
    ? 'it was committed with its history row, and resetting the session after it failed; the run stopped there'
    : transactional
      ? 'it was rolled back with its history row'
      : `its history row was not updated, so it needs attention: check it and run db-migrate resolve ${file.name}`
  return new MigrationError(`migration ${file.name} (${direction}) failed while committing: ${errorMessage(error)}; ${outcome}`,
    { name: file.name, file: displayPath(file.path, cwd), direction, statement: 'COMMIT' }, { cause: error })
}

/** Calls the module's up/down on the tracked client; any failure becomes one MigrationError naming the file and line. */
async function runModule(session: RunSession, file: MigrationFile, direction: 'up' | 'down', module: MigrationModule, show: string, xid: string | null): Promise<void> {
  const { client, ref, log } = session
  const fn = direction === 'up' ? module.up : module.down!
  const tracked = trackedClient(client, { inTransaction: xid !== null })
  const forgetExit = failOnExit(file.name, show)
  const rejections = watchRejections()
  let made: Awaited<ReturnType<MakeContext>> | undefined
  try {
    made = await session.makeContext({ client: tracked.client, name: file.name, path: file.path })
    await fn({ name: file.name, path: file.path, context: made.context, client: tracked.client })
    await tracked.settle()
    await rejections.check()
    if (xid !== null) await assertStillInTransaction(client, ref, file, xid, show, direction)
    if (tracked.caught() > 0) log.info(`${file.name}: ${tracked.caught()} failed statement(s) caught by the migration, each rolled back to its savepoint`)
  } catch (thrown) {
    if (thrown instanceof AppError) throw thrown
    const error = sessionEnded(client) ?? thrown
    if (xid !== null && error === thrown) await assertStillInTransaction(client, ref, file, xid, show, direction)
    const line = lineInStack(thrown, file.path)
    throw new MigrationError(
      `migration ${file.name} (${direction}) failed${line ? ` at ${show}:${line}` : ` in ${show}`}: ${thrownMessage(error)}${advice(error)}`,
      { name: file.name, file: show, direction, ...(line ? { line } : {}) },
      { cause: error },
    )
  } finally {
    forgetExit()
    rejections.stop()
    await made?.close()
  }
}

/**
 * A migration module that ends the process (process.exit) must not leave it looking like success: the run did not
 * finish. While its code runs, an exit turns into a failure that names it.
 */
function failOnExit(name: string, file: string): () => void {
  const onExit = (code: number) => {
    process.stderr.write(`db-migrate: migration ${name} ended the process (exit ${code}) while it ran, in ${file}: it and the migrations after it were not recorded as applied\n`)
    process.exitCode = 2
  }
  process.once('exit', onExit)
  return () => process.off('exit', onExit)
}

/**
 * Throws, leaving the migration marked as needing attention, when a module's code ended the transaction the runner
 * opened for it in a way the client could not turn into a savepoint (a COMMIT inside a function, a prepared statement):
 * whatever it did before that is committed without a history row.
 */
async function assertStillInTransaction(client: pg.ClientBase, ref: HistoryTable, file: MigrationFile, xid: string, show: string, dir: 'up' | 'down'): Promise<void> {
  let now: string | null
  try {
    now = (await client.query<{ xid: string | null }>('SELECT txid_current_if_assigned()::text AS xid')).rows[0]!.xid
  } catch (error) {
    if ((error as { code?: string }).code === '25P02') return // failed inside our transaction: it is still ours to roll back
    throw error
  }
  if (now === xid) return
  await client.query('ROLLBACK').catch(() => {})
  const message = `${show} ended the migration's transaction itself (COMMIT or ROLLBACK in ${dir}()), so part of it may be committed without a history row`
  await writeRow(client, ref, { name: file.name, checksum: file.checksum, state: dir === 'up' ? 'running' : 'reverting', durationMs: null }).catch(() => {})
  await recordError(client, ref, file.name, message).catch(() => {})
  throw new MigrationError(
    `migration ${file.name} (${dir}) failed: ${message}; check the database, then run db-migrate resolve ${file.name} --applied or --rolled-back. A migration that manages its own transactions exports transaction = false`,
    { name: file.name, file: show, direction: dir },
  )
}

/** What the history keeps of a failure: Postgres' message and the line, without the migration's name again. */
function shortError(error: unknown): string {
  if (!(error instanceof MigrationError)) return errorMessage(error)
  const line = error.migration.line ? ` at line ${error.migration.line}` : ''
  return `${errorMessage(error.cause ?? error)}${line}`
}
