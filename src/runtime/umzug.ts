import { readFileSync } from 'node:fs'
import type pg from 'pg'
import { Umzug, type MigrationParams, type RunnableMigration, type UmzugStorage } from 'umzug'
import { advice } from '../db/advice.js'
import { AppError, MigrationError, errorMessage } from '../errors.js'
import type { Log } from '../log.js'
import { displayPath } from './files.js'
import { deleteRowSql, readHistory, recordError, setState, writeRow, writeRowSql, type HistoryTable } from './history.js'
import { lineInStack, loadMigrationModule } from './module.js'
import { trackedClient } from './tracked-client.js'
import { optsOutOfTransaction, runSqlFile } from './sql-run.js'
import type { MigrationFile, MigrationModule } from './types.js'

/** What Umzug hands every migration and the storage: the one connection that holds the lock. */
export interface RunContext {
  readonly client: pg.ClientBase
}

/** A migration that ran, and how long it took (including its bookkeeping). */
export interface StepResult {
  readonly name: string
  readonly file: string
  readonly durationMs: number
  readonly transactional: boolean
}

interface Running {
  readonly file: MigrationFile
  readonly started: number
  readonly transactional: boolean
}

/**
 * Runs `steps` through Umzug on `client`. Umzug calls a migration's up/down and then, separately, the storage;
 * so a transactional migration's BEGIN is issued in up/down and its COMMIT only after the history row is
 * written, in the storage. A migration that opts out records a `running`/`reverting` row first.
 * After each migration the session is reset (RESET ALL, then `restore`), so what one migration SETs (search_path, a
 * role) does not leak into the next: a run of many behaves as runs of one at a time.
 */
export async function runSteps(client: pg.ClientBase, ref: HistoryTable, direction: 'up' | 'down', steps: readonly MigrationFile[], cwd: string, log: Log, restore = ''): Promise<StepResult[]> {
  const reset = `RESET ALL${restore ? `; ${restore}` : ''}`
  const running = new Map<string, Running>()
  const done: StepResult[] = []
  const modules = new Map<string, Promise<MigrationModule>>()
  const moduleOf = (file: MigrationFile) => {
    if (!modules.has(file.name)) modules.set(file.name, loadMigrationModule(file.path, displayPath(file.path, cwd)))
    return modules.get(file.name)!
  }

  const run = async (file: MigrationFile, dir: 'up' | 'down') => {
    const show = displayPath(dir === 'down' && file.downPath ? file.downPath : file.path, cwd)
    const module = file.kind === 'module' ? await moduleOf(file) : undefined
    const sql = module ? undefined : readFileSync(dir === 'up' ? file.path : file.downPath!, 'utf8')
    const transactional = module ? module.transaction !== false : !optsOutOfTransaction(sql!)
    running.set(file.name, { file, started: Date.now(), transactional })
    log.info(`${dir === 'up' ? 'applying' : 'reverting'} ${file.name}${transactional ? '' : ' (no transaction)'}`)
    let xid: string | null = null
    if (transactional && module) {
      // a module's code could end our transaction itself: remember its id to notice that afterwards
      const [, started] = (await client.query('BEGIN; SELECT txid_current()::text AS xid')) as unknown as pg.QueryResult<{ xid: string }>[]
      xid = started!.rows[0]!.xid
    } else if (!transactional && dir === 'up') {
      await writeRow(client, ref, { name: file.name, checksum: file.checksum, state: 'running', durationMs: null })
    } else if (!transactional) {
      await setState(client, ref, file.name, 'reverting')
    } // a SQL file's BEGIN goes with its text (runSqlFile)
    try {
      if (module) {
        const fn = dir === 'up' ? module.up : module.down!
        const tracked = trackedClient(client)
        const forgetExit = failOnExit(file.name, show)
        try {
          await fn({ client: tracked.client, name: file.name })
          await tracked.settle()
          if (xid !== null) await assertStillInTransaction(client, ref, file, xid, show, dir)
        } catch (error) {
          if (error instanceof AppError) throw error
          if (xid !== null) await assertStillInTransaction(client, ref, file, xid, show, dir)
          const line = lineInStack(error, file.path)
          throw new MigrationError(
            `migration ${file.name} (${dir}) failed${line ? ` at ${show}:${line}` : ` in ${show}`}: ${errorMessage(error)}${advice(error)}`,
            { name: file.name, file: show, direction: dir, ...(line ? { line } : {}) },
            { cause: error },
          )
        } finally {
          forgetExit()
        }
      } else {
        await runSqlFile(client, sql!, { name: file.name, direction: dir, file: show, transactional })
      }
    } catch (error) {
      if (transactional) await client.query('ROLLBACK').catch(() => {})
      else await recordError(client, ref, file.name, shortError(error)).catch(() => {})
      throw error
    }
  }

  // the history row, COMMIT and the session's reset go as one query: one round trip
  const finish = async (name: string, record: string) => {
    const step = running.get(name)!
    try {
      await client.query(step.transactional ? `${record}; COMMIT; ${reset}` : `${record}; ${reset}`)
    } catch (error) {
      if (step.transactional) await client.query('ROLLBACK').catch(() => {})
      if (error instanceof AppError) throw error
      const file = displayPath(step.file.path, cwd)
      const outcome = step.transactional
        ? 'it was rolled back with its history row'
        : `its history row was not updated, so it needs attention: check it and run db-migrate resolve ${name}`
      throw new MigrationError(`migration ${name} (${direction}) failed while committing: ${errorMessage(error)}; ${outcome}`,
        { name, file, direction, statement: 'COMMIT' }, { cause: error })
    }
    const durationMs = Date.now() - step.started
    done.push({ name, file: displayPath(step.file.path, cwd), durationMs, transactional: step.transactional })
    log.info(`${direction === 'up' ? 'applied' : 'reverted'} ${name} in ${durationMs}ms`)
  }

  const storage: UmzugStorage<RunContext> = {
    executed: async ({ context }) => (await readHistory(context.client, ref)).map((r) => r.name),
    logMigration: async ({ name }: MigrationParams<RunContext>) => {
      const step = running.get(name)!
      await finish(name, writeRowSql(ref, { name, checksum: step.file.checksum, state: 'applied', durationMs: Date.now() - step.started }))
    },
    unlogMigration: async ({ name }: MigrationParams<RunContext>) => {
      await finish(name, deleteRowSql(ref, name))
    },
  }

  const migrations: RunnableMigration<RunContext>[] = steps.map((file) => ({
    name: file.name,
    path: file.path,
    up: () => run(file, 'up'),
    down: () => run(file, 'down'),
  }))
  const umzug = new Umzug<RunContext>({ migrations, context: { client }, storage, logger: undefined })
  try {
    const names = steps.map((s) => s.name)
    if (direction === 'up') await umzug.up({ migrations: names })
    else await umzug.down({ migrations: names })
  } catch (error) {
    // Umzug wraps what a migration throws in its own error; ours already says everything.
    const cause = (error as { cause?: unknown }).cause
    throw cause instanceof AppError ? cause : error
  }
  return done
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
 * opened for it (a COMMIT or ROLLBACK of its own): whatever it did before that is committed without a history row.
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

/** Checks, before anything runs, that every step of a downgrade can be reverted. */
export async function downMissing(steps: readonly MigrationFile[], cwd: string): Promise<MigrationFile | undefined> {
  for (const file of steps) {
    if (file.kind === 'sql' ? file.downPath === null : !(await loadMigrationModule(file.path, displayPath(file.path, cwd))).down) return file
  }
  return undefined
}
