import { existsSync, readdirSync, statSync } from 'node:fs'
import { isAbsolute, resolve } from 'node:path'
import type { Config } from '../config/config.js'
import { parseDatabaseUrl, redactUrl } from '../config/url.js'
import { connect } from '../db/client.js'
import { ConfigError, ModelError } from '../errors.js'
import { introspect } from '../introspect/introspect.js'
import type { Log } from '../log.js'
import { loadModelSource } from '../models/sources/find.js'
import { sqlSource } from '../models/sources/sql.js'
import { displayPath, listMigrations } from '../runtime/files.js'
import { readHistory } from '../runtime/history.js'
import type { HistoryRow } from '../runtime/types.js'
import { emptySchema, type Schema } from '../schema/schema.js'
import { buildInto } from './build-models.js'
import { replayMigrations } from './replay.js'

/** What one side of a diff is; all but a database are built in a scratch database and read back from there. */
export type SideKind = 'database' | 'migrations' | 'models' | 'sql'

export interface Side {
  readonly kind: SideKind
  /** As messages show it: a path relative to the project, a URL without its password. */
  readonly shown: string
  /** The URL of a database, or the absolute path of anything else. */
  readonly location: string
}

const prefixes: readonly SideKind[] = ['migrations', 'models', 'sql']

/**
 * Recognises a side: a postgres:// or postgresql:// URL is a database; a `.sql` file is SQL run as is; a folder of
 * migrations is replayed; any other file (or a folder with an index module) is models of a kind check reads.
 * `migrations:`, `models:` or `sql:` before a path says which when a folder could be either.
 */
export function resolveSide(text: string, which: 'from' | 'to', config: Pick<Config, 'cwd' | 'migrationsIgnore'>): Side {
  const setting = `diff <${which}>`
  if (/^postgres(ql)?:\/\//i.test(text)) {
    const url = parseDatabaseUrl(text, setting)
    return { kind: 'database', shown: redactUrl(url.url), location: url.url }
  }
  const prefix = prefixes.find((p) => text.startsWith(`${p}:`))
  const pathText = prefix ? text.slice(prefix.length + 1) : text
  const path = isAbsolute(pathText) ? pathText : resolve(config.cwd, pathText)
  const shown = displayPath(path, config.cwd)
  if (!existsSync(path)) {
    throw new ConfigError(which, `${setting} '${shown}' is neither a postgresql:// URL nor an existing file or folder: give a database URL, a migrations folder, a models file or a .sql file`)
  }
  if (prefix) return { kind: prefix, shown, location: path }
  if (statSync(path).isDirectory()) {
    const names = readdirSync(path)
    const kind = names.some((n) => /^index\.[cm]?[jt]s$/.test(n)) ? 'models' : 'migrations'
    return { kind, shown, location: path }
  }
  return { kind: path.endsWith('.sql') ? 'sql' : 'models', shown, location: path }
}

export interface ReadSide {
  readonly schema: Schema
  /** A database side: its db-migrate history (empty when it has none). */
  readonly history: readonly HistoryRow[]
}

/**
 * A side as the introspector reads it, db-migrate's history table left out. A database is only read, in a
 * read-only transaction; anything else is built in a new database on the server `scratch()` gives.
 */
export async function readSide(side: Side, config: Config, log: Log, scratch: (prefix: string) => Promise<string>): Promise<ReadSide> {
  const exclude = [{ schema: config.historySchema, name: config.historyTable }]
  switch (side.kind) {
    case 'database':
      return readDatabase(side.location, config, exclude)
    case 'migrations': {
      const empty = listMigrations(side.location, config.cwd, config.migrationsIgnore).length === 0
      if (empty) return { schema: emptySchema, history: [] }
      const url = await scratch('db_migrate_diff_migrations')
      return { schema: (await replayMigrations({ ...config, migrationsDir: side.location }, url, log)).schema, history: [] }
    }
    case 'models': {
      const source = await loadModelSource({ modelsPath: side.location, modelsNamed: true, modelsKind: config.modelsKind, cwd: config.cwd })
      return { schema: await buildInto(source, await scratch('db_migrate_diff_models'), !config.ignorePrivileges), history: [] }
    }
    case 'sql': {
      const url = await scratch('db_migrate_diff_sql')
      try {
        return { schema: await buildInto(sqlSource(side.location, side.shown), url, !config.ignorePrivileges), history: [] }
      } catch (error) {
        if (error instanceof ModelError) throw new ModelError(error.message.replace(/^models (file|folder) /, 'SQL file '), error.file, { cause: error })
        throw error
      }
    }
  }
}

/** The schema and the history of a database, read in one read-only transaction: nothing is written, nothing locked for long. */
export async function readDatabase(url: string, config: Config, exclude: readonly { schema: string; name: string }[]): Promise<ReadSide> {
  const client = await connect(url, { connectTimeoutMs: config.connectTimeoutMs, applicationName: 'db-migrate diff' })
  try {
    await client.query('BEGIN TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY')
    await client.query(`SET LOCAL lock_timeout = '${config.lockWaitMs}ms'`)
    const history = await readHistory(client, { schema: config.historySchema, table: config.historyTable })
    const schema = await introspect(client, { exclude, privileges: !config.ignorePrivileges })
    await client.query('ROLLBACK')
    return { schema, history }
  } finally {
    await client.end().catch(() => {})
  }
}
