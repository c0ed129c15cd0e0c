import type { MigrationProgress } from '../errors.js'
import { currentRevision, type Plan } from './target.js'
import type { MigrationFile } from './types.js'

/**
 * What a failed run did, from what the run itself knows, for when the history cannot be read back (the connection
 * is gone): the steps run in order and stop at the first failure, so every step before `failed` is done.
 */
export function progressKnown(files: readonly MigrationFile[], plan: Plan, appliedBefore: readonly string[], failed: string): MigrationProgress {
  const steps = plan.steps.map((s) => s.name)
  const done = steps.slice(0, Math.max(0, steps.indexOf(failed)))
  const applied = new Set(appliedBefore)
  for (const name of done) {
    if (plan.direction === 'up') applied.add(name)
    else applied.delete(name)
  }
  return { done, current: currentRevision(applied), pending: files.filter((f) => !applied.has(f.name)).map((f) => f.name) }
}
