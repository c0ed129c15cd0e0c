import type pg from 'pg'
import type { Log } from '../log.js'
import { applyOne, stepStart, type StepResult, type StepStart } from './apply-one.js'
import type { MakeContext } from './context.js'
import { displayPath } from './files.js'
import type { HistoryTable } from './history.js'
import { loadMigrationModule } from './module.js'
import type { MigrationFile } from './types.js'

export type { StepResult }

/**
 * Runs `steps` in order on `client`, one migration at a time (see applyOne), stopping at the first failure.
 * After each migration the session is reset (RESET ALL, then `restore`), so what one migration SETs (search_path, a
 * role) does not leak into the next: a run of many behaves as runs of one at a time.
 *
 * This is the loop Umzug would run, written out: db-migrate plans the steps itself (revisions, checksums, the lock),
 * and a migration's transaction has to span both its code and its history row, which Umzug calls separately.
 */
export async function runSteps(client: pg.ClientBase, ref: HistoryTable, direction: 'up' | 'down', steps: readonly MigrationFile[], cwd: string, log: Log, makeContext: MakeContext, restore = ''): Promise<StepResult[]> {
  const session = { client, ref, cwd, log, makeContext, reset: `RESET ALL${restore ? `; ${restore}` : ''}` }
  const done: StepResult[] = []
  let ahead: (() => StepStart) | undefined
  for (const [i, file] of steps.entries()) {
    const module = file.kind === 'module' ? await loadMigrationModule(file.path, displayPath(file.path, cwd)) : undefined
    // applyOne has sent its first query when it returns its promise: the next SQL file is read and put together
    // while the server runs this one, and what that found (a missing file, a refused statement) counts in its turn
    const running = applyOne(session, file, direction, module, ahead?.())
    const next = steps[i + 1]
    ahead = next?.kind === 'sql' ? later(() => stepStart(session, next, direction, undefined)) : undefined
    done.push(await running)
  }
  return done
}

/** `fn`'s value or its throw, now, handed back when asked for. */
function later<T>(fn: () => T): () => T {
  try {
    const value = fn()
    return () => value
  } catch (error) {
    return () => { throw error }
  }
}

/** Checks, before anything runs, that every step of a downgrade can be reverted. */
export async function downMissing(steps: readonly MigrationFile[], cwd: string): Promise<MigrationFile | undefined> {
  for (const file of steps) {
    if (file.kind === 'sql' ? file.downPath === null : !(await loadMigrationModule(file.path, displayPath(file.path, cwd))).down) return file
  }
  return undefined
}
