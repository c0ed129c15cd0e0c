import { basename } from 'node:path'
import type { Config } from '../config/config.js'
import { redactUrl } from '../config/url.js'
import { ConfigError } from '../errors.js'
import type { Log } from '../log.js'
import { displayPath, listMigrations } from '../runtime/files.js'
import { currentRevision } from '../runtime/target.js'
import { emptySchema } from '../schema/schema.js'
import { createScratchDatabase } from '../provision/scratch.js'
import type { CheckResult } from './check.js'
import { replayMigrations } from './replay.js'
import { difference } from './diff.js'
import { readDatabase } from './sides.js'

/** `check --database-url`: the live database against the migrations it has applied. */
export interface DatabaseDrift {
  /** The database as messages show it, without its password. */
  readonly database: string
  /** Its newest applied migration; the migrations are replayed up to it. */
  readonly current: string | null
  /** Migrations in the folder that it has not applied: assumed to come with the next upgrade, left out of the comparison. */
  readonly pending: readonly string[]
}

/**
 * Drift of a live database: a hand-made change. The database is read in a read-only transaction; the migrations it
 * has applied are replayed on a scratch database of the server at `serverUrl`. The SQL goes from the database to
 * its migrations: what puts the database back as its migrations say.
 */
export async function checkDatabase(config: Config, serverUrl: string, log: Log): Promise<CheckResult & { readonly live: DatabaseDrift }> {
  if (!config.database) throw new ConfigError('database-url', 'check --database-url needs a deployed database, not a throwaway one: name its URL')
  if (config.reversible) throw new ConfigError('reversible', 'check --database-url reads a live database and reverts nothing: run check --reversible as a step of its own, without --database-url')
  const shown = redactUrl(config.database.url)
  const exclude = [{ schema: config.historySchema, name: config.historyTable }]
  const live = await readDatabase(config.database.url, config, exclude)
  const files = listMigrations(config.migrationsDir, config.cwd, config.migrationsIgnore)
  const applied = live.history.filter((r) => r.state === 'applied').map((r) => r.name)
  const recorded = new Set(live.history.map((r) => r.name))
  const current = currentRevision(applied)
  const pending = files.filter((f) => !recorded.has(f.name)).map((f) => f.name)
  const missingFile = applied.find((name) => !files.some((f) => f.name === name))
  if (missingFile) throw new ConfigError('migrations', `migration ${missingFile} is applied on ${shown} but its file is not in the migrations folder: restore it before checking drift`)
  let expected = { schema: emptySchema, count: 0 }
  if (current !== null) {
    const scratch = await createScratchDatabase(serverUrl, 'db_migrate_check_database')
    try {
      // exactly the migrations it applied: one pending but older than its current revision (out of order) stays out too
      const notApplied = files.filter((f) => !applied.includes(f.name)).flatMap((f) => [f.path, ...(f.downPath ? [f.downPath] : [])].map((p) => basename(p)))
      expected = await replayMigrations({ ...config, migrationsIgnore: [...config.migrationsIgnore, ...notApplied] }, scratch.url, log)
    } finally {
      await scratch.drop().catch(() => {})
    }
  }
  const result = difference({ kind: 'database', shown }, { kind: 'migrations', shown: displayPath(config.migrationsDir, config.cwd) }, live.schema, expected.schema, config, { from: 'the database', to: 'its migrations' })
  if (pending.length) log.info(`assumed pending (not applied on the database, left out of the comparison): ${pending.join(', ')}`)
  log.info(result.same ? `the database matches its ${expected.count} applied migration(s)` : `the database drifted from its ${expected.count} applied migration(s): ${result.operations.length} operation(s) put it back`)
  return {
    drift: !result.same,
    operations: result.operations,
    statements: result.statements,
    rendered: result.rendered,
    explanations: result.explanations,
    risky: [],
    modelsFile: '',
    migrations: expected.count,
    replay: { replayed: expected.count, fromCache: 0, cacheKey: null },
    live: { database: shown, current, pending },
  }
}
