import type pg from 'pg'
import type { Log } from '../log.js'
import { applyOne, type StepResult } from './apply-one.js'
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
  for (const file of steps) {
    const module = file.kind === 'module' ? await loadMigrationModule(file.path, displayPath(file.path, cwd)) : undefined
    done.push(await applyOne(session, file, direction, module))
  }
  return done
}

/** Checks, before anything runs, that every step of a downgrade can be reverted. */
export async function downMissing(steps: readonly MigrationFile[], cwd: string): Promise<MigrationFile | undefined> {
  for (const file of steps) {
    if (file.kind === 'sql' ? file.downPath === null : !(await loadMigrationModule(file.path, displayPath(file.path, cwd))).down) return file
  }
  return undefined
}
