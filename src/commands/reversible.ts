import type { Config } from '../config/config.js'
import { connect } from '../db/client.js'
import { AppError, errorMessage } from '../errors.js'
import { compare } from '../compare/compare.js'
import { introspect } from '../introspect/introspect.js'
import { explainDrift } from '../ops/explain-drift.js'
import { createScratchDatabase } from '../provision/scratch.js'
import { silentLog } from '../log.js'
import { displayPath, listMigrations } from '../runtime/files.js'
import { migrate } from '../runtime/migrate.js'
import type { Schema } from '../schema/schema.js'

/** A migration whose down does not bring the schema back to where its up started. */
export interface Irreversible {
  readonly migration: string
  readonly file: string
  readonly problem: 'no_down' | 'empty' | 'partial' | 'fails'
  /** What the schema keeps, or lacks, after the down: one line each. */
  readonly leftBehind: readonly string[]
  /** The error, when the down failed. */
  readonly error?: string
}

export interface Reversibility {
  /** The migrations whose down was tried, in order. */
  readonly checked: readonly string[]
  readonly irreversible: readonly Irreversible[]
}

/**
 * Replays the chain on a scratch database of the server at `serverUrl`; for each migration in `names`, applies its
 * up, then its down, and compares with the schema before the up. Then applies the up again for the next ones.
 */
export async function checkReversible(config: Config, serverUrl: string, names: readonly string[]): Promise<Reversibility> {
  const files = listMigrations(config.migrationsDir, config.cwd, config.migrationsIgnore)
  const wanted = new Set(names)
  let db = await createScratchDatabase(serverUrl, 'db_migrate_check_reversible')
  const run = (revision: string, direction: 'up' | 'down') =>
    migrate({ ...config, revision, dryRun: false, sql: false }, db.url, silentLog, direction)
  const checked: string[] = []
  const irreversible: Irreversible[] = []
  try {
    for (let i = 0; i < files.length; i++) {
      const file = files[i]!
      if (!wanted.has(file.name)) {
        await run(file.name, 'up')
        continue
      }
      checked.push(file.name)
      const shown = displayPath(file.downPath ?? file.path, config.cwd)
      const before = await schemaOf(db.url, config)
      await run(file.name, 'up')
      const afterUp = await schemaOf(db.url, config)
      try {
        await run(i === 0 ? 'base' : files[i - 1]!.name, 'down')
      } catch (error) {
        const noDown = error instanceof AppError && error.code === 'no_down'
        irreversible.push({ migration: file.name, file: shown, problem: noDown ? 'no_down' : 'fails', leftBehind: [], ...(noDown ? {} : { error: errorMessage(error) }) })
        // a down that failed was rolled back: the up is still applied, and the chain goes on from there
        continue
      }
      const afterDown = await schemaOf(db.url, config)
      const left = compare(before, afterDown)
      if (left.length) {
        const empty = compare(afterUp, afterDown).length === 0
        irreversible.push({ migration: file.name, file: shown, problem: empty ? 'empty' : 'partial', leftBehind: left.map(leftBehind) })
        // what the down left would stop the up from running again: the chain goes on from a fresh database
        await db.drop()
        db = await createScratchDatabase(serverUrl, 'db_migrate_check_reversible')
      }
      await run(file.name, 'up')
    }
  } finally {
    await db.drop().catch(() => {})
  }
  return { checked, irreversible }
}

async function schemaOf(url: string, config: Config): Promise<Schema> {
  const client = await connect(url)
  try {
    return await introspect(client, { exclude: [{ schema: config.historySchema, name: config.historyTable }], privileges: !config.ignorePrivileges, settle: true })
  } finally {
    await client.end().catch(() => {})
  }
}

// compare(before, afterDown) in drift's words: its "migrations" side is what the up started from, its "models" side
// what the down leaves
function leftBehind(op: Parameters<typeof explainDrift>[0]): string {
  return explainDrift(op)
    .replace('is in the models but no migration creates it', 'is left behind')
    .replace('is created by the migrations but is not in the models', 'is gone: the down does not restore it')
    .replaceAll(' in the migrations', ' before the up')
    .replaceAll(' in the models', ' after the down')
}
