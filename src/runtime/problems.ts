import { HistoryError } from '../errors.js'
import { compareNames, displayPath } from './files.js'
import type { HistoryRow, MigrationFile } from './types.js'
import { currentRevision } from './target.js'

/** Something about the history that stops upgrade and downgrade; `status` lists these instead of failing. */
export interface Problem {
  readonly kind: 'needs_attention' | 'checksum_mismatch' | 'missing_file' | 'out_of_order'
  readonly name: string
  /** The migration's file as messages show it, when there is one. */
  readonly file: string | null
  /** One line: what is wrong and what to do. */
  readonly message: string
}

export interface ProblemOptions {
  readonly cwd: string
  readonly migrationsDir: string
  readonly allowOutOfOrder: boolean
}

/** Compares the files with the history: unfinished rows, edited or vanished files, pending files out of order. */
export function findProblems(files: readonly MigrationFile[], history: readonly HistoryRow[], options: ProblemOptions): Problem[] {
  const problems: Problem[] = []
  const byName = new Map(files.map((f) => [f.name, f]))
  const show = (f: MigrationFile | undefined) => (f ? displayPath(f.path, options.cwd) : null)
  for (const row of history) {
    const file = byName.get(row.name)
    if (row.state !== 'applied') {
      const what = row.state === 'running' ? 'was being applied' : 'was being reverted'
      const failed = row.error ? ` (it failed: ${row.error})` : ' (the run stopped before it finished)'
      const [done, undone] = row.state === 'running' ? ['--applied', '--rolled-back'] : ['--rolled-back', '--applied']
      problems.push({
        kind: 'needs_attention', name: row.name, file: show(file),
        message: `migration ${row.name} ${what} without a transaction and needs attention${failed}: check the database by hand, then run \`db-migrate resolve ${row.name} ${done}\` if it took effect or \`${undone}\` if it did not`,
      })
    } else if (!file) {
      problems.push({
        kind: 'missing_file', name: row.name, file: null,
        message: `migration ${row.name} is applied but its file is gone from ${displayPath(options.migrationsDir, options.cwd)} (a renamed file counts as gone + new): restore it, or run \`db-migrate resolve ${row.name} --rolled-back\` to forget it`,
      })
    } else if (file.checksum !== row.checksum) {
      problems.push({
        kind: 'checksum_mismatch', name: row.name, file: show(file),
        message: `${show(file)} changed after it was applied: undo the edit and put the change in a new migration (db-migrate revision -m "..."), or accept the file as it is with \`db-migrate resolve ${row.name} --applied\``,
      })
    }
  }
  if (!options.allowOutOfOrder) {
    const recorded = new Set(history.map((r) => r.name))
    const newest = currentRevision(history.filter((r) => r.state === 'applied').map((r) => r.name))
    for (const file of files) {
      if (newest === null || recorded.has(file.name) || compareNames(file.name, newest) > 0) continue
      problems.push({
        kind: 'out_of_order', name: file.name, file: show(file),
        message: `${show(file)} is pending but sorts before ${newest}, which is already applied: rename it to sort last (db-migrate revision makes a fresh timestamp), or set allow-out-of-order`,
      })
    }
  }
  return problems
}

/** Throws the first problem that stops a run of `direction`; a pending file out of order only stops an upgrade. */
export function assertNoProblems(problems: readonly Problem[], direction: 'up' | 'down'): void {
  const blocking = problems.filter((p) => direction === 'up' || p.kind !== 'out_of_order')
  const first = blocking[0]
  if (!first) return
  const more = blocking.length > 1 ? ` (and ${blocking.length - 1} more problem(s): run db-migrate status)` : ''
  throw new HistoryError(first.kind, `${first.message}${more}; nothing was changed`, first.file ?? undefined)
}
