import { quoteIdent } from '../render/ident.js'
import { displayPath, readSqlFile } from './files.js'
import { createHistorySql, deleteRowSql, writeRowSql, type HistoryTable } from './history.js'
import { optsOutOfTransaction } from './sql-run.js'
import type { MigrationFile } from './types.js'

export interface ScriptOptions {
  readonly direction: 'up' | 'down'
  readonly history: HistoryTable
  /** The session's SET statements, sent again after each migration's RESET ALL as a run does. */
  readonly session: string
  readonly cwd: string
}

/**
 * The SQL a run would send for `steps`, with its own bookkeeping (history table, BEGIN, the history row, COMMIT),
 * for a person to read or psql to run. A module migration's statements are known only when its code runs: it is
 * named, and the script stops there rather than go on without it.
 */
export function migrationScript(steps: readonly MigrationFile[], options: ScriptOptions): string {
  const { direction, history } = options
  const reset = `RESET ALL;${options.session ? `\n${options.session};` : ''}`
  const out = [
    `-- db-migrate ${direction === 'up' ? 'upgrade' : 'downgrade'}: ${steps.length} migration(s)`,
    ...(options.session ? [`${options.session};`] : []),
  ]
  if (direction === 'up') out.push(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(history.schema)};`, `${createHistorySql(history)};`)
  for (const file of steps) {
    const path = direction === 'up' ? file.path : file.downPath
    out.push('', `-- ${file.name} (${direction}): ${displayPath(path ?? file.path, options.cwd)}`)
    if (file.kind === 'module' || path === null) {
      const why = `migration ${file.name} is a module: its statements are known only when it runs; apply it with db-migrate ${direction === 'up' ? 'upgrade' : 'downgrade'}`
      out.push(`DO $$ BEGIN RAISE EXCEPTION '%', ${literal(why)}; END $$;`)
      break
    }
    const sql = readSqlFile(path)
    const transactional = !optsOutOfTransaction(sql)
    const record = direction === 'up'
      ? writeRowSql(history, { name: file.name, checksum: file.checksum, state: 'applied', durationMs: null })
      : deleteRowSql(history, file.name)
    if (transactional) out.push('BEGIN;')
    else if (direction === 'up') out.push(`${writeRowSql(history, { name: file.name, checksum: file.checksum, state: 'running', durationMs: null })};`)
    else out.push(`UPDATE ${quoteIdent(history.schema)}.${quoteIdent(history.table)} SET state = 'reverting', error = NULL WHERE name = ${literal(file.name)};`)
    // the file's last statement may lack its semicolon, or end in a comment
    out.push(sql.trimEnd(), ';', `${record};`)
    if (transactional) out.push('COMMIT;')
    out.push(reset)
  }
  return `${out.join('\n')}\n`
}

function literal(text: string): string {
  return `'${text.replace(/'/g, "''")}'`
}
