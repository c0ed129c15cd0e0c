import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import type { Config } from '../config/config.js'
import { waitForConnection } from '../db/client.js'
import { ConfigError } from '../errors.js'
import { introspect } from '../introspect/introspect.js'
import type { Log } from '../log.js'
import { displayPath } from '../models/load.js'
import { createScratchDatabase } from '../provision/scratch.js'
import { renderModelsFile } from '../render/models-file.js'
import type { Schema } from '../schema/schema.js'
import { replayMigrations } from './replay.js'

/** What `pull` wrote. */
export interface PullResult {
  /** The models file as messages show it; `-` when written to stdout. */
  readonly file: string
  /** Where the schema came from: the database setting, or the migrations replayed. */
  readonly from: string
  readonly tables: number
  readonly enums: number
  /** What the model language cannot declare, left out of the file (each also named in its header). */
  readonly omitted: readonly string[]
  /** The models file's text. */
  readonly text: string
  readonly stdout: boolean
  /** One line: what was written where, from what. */
  readonly summary: string
}

export interface PullOptions {
  /** Where to read the schema: the database itself, or a server to replay the migrations on. */
  readonly source: { readonly database: string } | { readonly server: string }
}

/**
 * Writes the models, in db-migrate's model language, of a database or of the migrations' head: the file `check`
 * then accepts. Never overwrites a file unless `--force`; `--stdout` prints it instead.
 */
export async function pull(config: Config, log: Log, options: PullOptions): Promise<PullResult> {
  const file = config.stdout ? '-' : displayPath(config.modelsPath, config.cwd)
  checkPull(config, 'database' in options.source)
  const { schema, from } = 'database' in options.source
    ? { schema: await readDatabase(config, options.source.database), from: `the database (${config.databaseSetting})` }
    : await readMigrations(config, options.source.server, log)
  if (schema.tables.length === 0) {
    throw new ConfigError('database' in options.source ? 'database-url' : 'migrations', `pull found no tables in ${from}, db-migrate's and Umzug's history aside: there are no models to write`)
  }
  const rendered = renderModelsFile(schema, { source: from, typescript: !/\.(c|m)?js$/.test(config.modelsPath) })
  for (const line of rendered.omitted) log.warn(`pull could not declare ${line}`)
  if (!config.stdout) {
    mkdirSync(dirname(config.modelsPath), { recursive: true })
    writeFileSync(config.modelsPath, rendered.text, { flag: config.force ? 'w' : 'wx' })
  }
  const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`
  const left = rendered.omitted.length ? `; ${count(rendered.omitted.length, 'thing')} the model language cannot say left out or weakened (listed in the file's header)` : ''
  const summary = `${config.stdout ? 'Printed' : 'Wrote'} ${count(rendered.tables, 'table')} and ${count(rendered.enums, 'enum')} ${config.stdout ? 'to stdout' : `to ${file}`}, from ${from}${left}`
  if (config.stdout) log.info(summary)
  return { file, from, tables: rendered.tables, enums: rendered.enums, omitted: rendered.omitted, text: rendered.text, stdout: config.stdout, summary }
}

/** What makes pull stop before it reads anything (and before a server starts for it). */
export function checkPull(config: Config, database = config.database !== null): void {
  if (!config.stdout) refuseOverwrite(config, displayPath(config.modelsPath, config.cwd))
  if (config.modelsKind !== null && config.modelsKind !== 'db-migrate') {
    throw new ConfigError('models-kind', `pull writes models in db-migrate's model language, but models-kind is ${config.modelsKind}: unset it for pull, or write the models to another file with --models`)
  }
  if (!database && !existsSync(config.migrationsDir)) {
    throw new ConfigError('migrations', `pull has no database to read (--database-url, DATABASE_URL or DB_*) and no migrations folder at ${displayPath(config.migrationsDir, config.cwd)} to replay: name one of them`)
  }
}

function refuseOverwrite(config: Config, file: string): void {
  if (!existsSync(config.modelsPath)) return
  if (statSync(config.modelsPath).isDirectory()) {
    throw new ConfigError('models', `pull writes one models file, but ${file} is a folder: point --models at a file such as ${file}/index.ts`)
  }
  if (!config.force) {
    throw new ConfigError('models', `pull would overwrite ${file}, which exists: replace it with --force (input force), print the models with --stdout, or name another file with --models`)
  }
}

async function readDatabase(config: Config, url: string): Promise<Schema> {
  const client = await waitForConnection(url, config.connectTimeoutMs)
  try {
    // the history tables are db-migrate's and Umzug's bookkeeping, not the application's
    return await introspect(client, { exclude: [{ schema: config.historySchema, name: config.historyTable }, { schema: config.umzugStorage.schema, name: config.umzugStorage.table }] })
  } finally {
    await client.end().catch(() => {})
  }
}

async function readMigrations(config: Config, serverUrl: string, log: Log): Promise<{ schema: Schema; from: string }> {
  const scratch = await createScratchDatabase(serverUrl, 'db_migrate_pull')
  try {
    const { schema, count } = await replayMigrations(config, scratch.url, log)
    return { schema, from: `the head of ${displayPath(config.migrationsDir, config.cwd)} (${count} migration(s) replayed)` }
  } finally {
    await scratch.drop().catch(() => {})
  }
}
