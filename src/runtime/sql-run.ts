import type pg from 'pg'
import { advice } from '../db/advice.js'
import { queryMany, type StatementsError } from '../db/many.js'
import { HistoryError, MigrationError } from '../errors.js'
import { lineAt, offsetOfPosition, splitStatements, type SqlStatement } from './sql-split.js'

/** The first-line comment that makes a SQL migration run without a transaction. */
export const noTransactionDirective = '-- db-migrate: no-transaction'

/** True when the file's first line is `-- db-migrate: no-transaction`. */
export function optsOutOfTransaction(sql: string): boolean {
  const first = sql.replace(/^\uFEFF/, '').split('\n', 1)[0] ?? ''
  return /^\s*--\s*db-migrate:\s*no-transaction\s*$/i.test(first)
}

const begin = 'BEGIN;\n'

export interface SqlRun {
  readonly name: string
  readonly direction: 'up' | 'down'
  /** The file as messages show it. */
  readonly file: string
  readonly transactional: boolean
  /** In a transaction: what to send after the file in the same query (its history row and COMMIT), when the file
   *  can be split, so a failure is still told apart from the file's own. */
  readonly then?: string
}

/** A statement of `SqlRun.then` failed: `committed` when that was after its COMMIT. */
export class AfterFileError extends Error {
  constructor(readonly committed: boolean, readonly error: unknown) {
    super(error instanceof Error ? error.message : String(error), { cause: error })
  }
}

/** A SQL file made ready to send: split, checked, and in a transaction the query that carries it. */
export interface PreparedSql {
  readonly sql: string
  readonly run: SqlRun
  /** Null when the file cannot be split safely: it then runs as one string. */
  readonly split: SqlStatement[] | null
  readonly statements: readonly SqlStatement[]
  /** In a transaction: BEGIN, the file and `run.then` (when the file can be split), as one query. */
  readonly query?: string
  /** In a transaction: the statements holding code, which the server answers one by one. */
  readonly code?: readonly SqlStatement[]
  /** `query` carries `run.then`. */
  readonly withThen: boolean
}

/**
 * Everything a SQL file's run does before its first round trip: splitting it, refusing a transaction-control
 * statement in a transaction, putting the query together. Throws what runSqlFile would before sending anything.
 */
export function prepareSqlFile(sql: string, run: SqlRun): PreparedSql {
  const split = splitStatements(sql)
  const statements = split ?? [{ text: sql, start: 0 }]
  if (!run.transactional) return { sql, run, split, statements, withThen: false }
  refuseTransactionControl(statements, run)
  // the file's statements are counted to tell where a failure is: a file that cannot be split sends `then` apart
  const then = run.then && split !== null ? `\n;\n${run.then}` : ''
  const code = statements.filter((s) => codeStart(s.text) < s.text.length)
  return { sql, run, split, statements, query: `${begin}${sql}${then}`, code, withThen: then !== '' }
}

/**
 * Runs a SQL file prepareSqlFile made ready. In a transaction it goes as one query behind its BEGIN and before
 * `run.then`, one round trip however many statements it holds; a failure is then traced to its statement and line
 * (see locate), or to what followed the file (AfterFileError). Returns whether `then` was sent. Without a
 * transaction it runs statement by statement, each on its own as CREATE INDEX CONCURRENTLY requires. A file that
 * cannot be split safely runs as one string.
 */
export async function runPreparedSql(client: pg.ClientBase, prepared: PreparedSql): Promise<boolean> {
  const { sql, run, split, statements, query, code, withThen } = prepared
  if (query !== undefined && code !== undefined) {
    try {
      await queryMany(client, query)
      return withThen
    } catch (error) {
      const { completed, error: cause } = error as StatementsError
      // BEGIN, the file's statements, then `then`'s: its INSERT and COMMIT, and the session's reset after the COMMIT
      if (withThen && completed !== undefined && completed > code.length) throw new AfterFileError(completed - code.length >= 3, cause)
      // BEGIN is the first statement answered, and Postgres counts positions from the start of the query sent
      const failed = completed === undefined || completed === 0 || split === null ? undefined : code[completed - 1]
      throw locate(cause, sql, failed, run, begin.length)
    }
  }
  for (const statement of statements) {
    try {
      await client.query(statement.text)
    } catch (error) {
      throw sqlError(error, sql, statement, run, split === null)
    }
  }
  return false
}

function refuseTransactionControl(statements: readonly SqlStatement[], run: SqlRun): void {
  for (const statement of statements) {
    const word = /^\s*(?:(?:--[^\n]*\n|\/\*[\s\S]*?\*\/)\s*)*([a-z]+)/i.exec(statement.text)?.[1]?.toLowerCase()
    if (word && ['begin', 'commit', 'end', 'rollback', 'start', 'abort'].includes(word)) {
      throw new HistoryError('transaction_control', `${run.file} has a ${word.toUpperCase()} statement, but db-migrate runs each migration in its own transaction: remove it, or make "${noTransactionDirective}" the file's first line`, run.file)
    }
  }
}

/** The error of a whole-file query sent after `prefix` characters, placed by Postgres' position or else at `failed`. */
function locate(error: unknown, sql: string, failed: SqlStatement | undefined, run: SqlRun, prefix: number): MigrationError {
  const pgError = error as Partial<pg.DatabaseError>
  const position = Number(pgError.position) - prefix
  if (Number.isInteger(position) && position > 0) return sqlError(error, sql, failed ?? { text: sql, start: 0 }, run, failed === undefined, offsetOfPosition(sql, position))
  if (failed) return sqlError(error, sql, failed, run, false)
  const message = `${firstLineOf(pgError.message ?? String(error))}${pgError.hint ? ` (hint: ${pgError.hint})` : ''}${advice(error)}`
  return new MigrationError(`migration ${run.name} (${run.direction}) failed in ${run.file}: ${message}`, { name: run.name, file: run.file, direction: run.direction }, { cause: error })
}

function sqlError(error: unknown, sql: string, statement: SqlStatement, run: SqlRun, whole: boolean, absoluteOffset?: number): MigrationError {
  const pgError = error as Partial<pg.DatabaseError>
  const position = Number(pgError.position)
  const offset = absoluteOffset ?? (Number.isInteger(position) && position > 0
    ? statement.start + offsetOfPosition(statement.text, position)
    : statement.start + codeStart(statement.text))
  const line = lineAt(sql, offset)
  const failing = whole ? sql.split('\n')[line - 1]!.trim() : statement.text.slice(codeStart(statement.text)).trim()
  const message = firstLineOf(pgError.message ?? String(error))
  const hint = (pgError.hint ? ` (hint: ${pgError.hint})` : '') + advice(error)
  return new MigrationError(
    `migration ${run.name} (${run.direction}) failed at ${run.file}:${line}: ${message}${hint} — in: ${oneLine(failing)}`,
    { name: run.name, file: run.file, direction: run.direction, line, statement: failing },
    { cause: error },
  )
}

/** Offset of the first character that is neither whitespace nor part of a comment. */
function codeStart(text: string): number {
  return /^\s*(?:(?:--[^\n]*(?:\n|$)|\/\*[\s\S]*?\*\/)\s*)*/.exec(text)?.[0].length ?? 0
}

/** Postgres quotes the rest of the query after "at or near" (an unterminated $$ quotes the rest of the file). */
function firstLineOf(message: string): string {
  const [first, ...more] = message.split('\n')
  if (more.length === 0) return first!
  return /at or near "[^"]*$/.test(first!) ? `${first!.trimEnd()}..."` : first!
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ')
  return flat.length > 160 ? `${flat.slice(0, 157)}...` : flat
}
