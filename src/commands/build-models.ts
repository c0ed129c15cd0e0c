import { connect } from '../db/client.js'
import { introspect } from '../introspect/introspect.js'
import type { Log } from '../log.js'
import type { ModelSource } from '../models/sources/source.js'
import { modelsKey, snapshotName, snapshotPrefix } from '../provision/replay-key.js'
import { dropRolesSince, roles } from '../provision/roles.js'
import { readStoredSchema, writeStoredSchema, type SchemaReader } from '../provision/schema-store.js'
import { createScratchDatabase } from '../provision/scratch.js'
import { clusterIdentity, keepSnapshot, snapshotUrl, touchSnapshot, type SnapshotServer } from '../provision/snapshots.js'
import type { Schema } from '../schema/schema.js'

export interface BuildOptions {
  /** Reuse, and keep, a snapshot of models built from the same text (db-migrate's models and SQL files only). */
  readonly cache: boolean
  readonly ownServer: boolean
  /** Read grants (ignore-privileges: false). */
  readonly privileges: boolean
}

/**
 * The models built by their own DDL in an empty database, read back by the same introspector as the migrations' side.
 * With the cache, models whose build has a digest are read from their stored schema when there is one (no database
 * work at all), else from their snapshot on the server, else built and kept as both.
 */
export async function buildModels(source: ModelSource, serverUrl: string, log: Log, options: BuildOptions): Promise<{ schema: Schema; cached: boolean }> {
  const server = options.cache && source.buildDigest !== undefined ? await readModelsServer(serverUrl) : null
  const reader: SchemaReader = { privileges: options.privileges, ...(server ? { cluster: server.cluster } : {}) }
  const store = (schema: Schema, key: string) => {
    if (!source.cacheRoot) return
    try {
      writeStoredSchema(source.cacheRoot, snapshotName(key, 'models'), reader, { schema })
    } catch {
      // a store that cannot be written is no store: the next run reads the snapshot
    }
  }
  if (server) {
    const key = modelsKey(source.buildDigest!, server.major, server.user, server.build)
    const name = snapshotName(key, 'models')
    const stored = source.cacheRoot ? readStoredSchema(source.cacheRoot, name, reader) : null
    if (stored) return { schema: stored.schema, cached: true }
    if (server.names.has(name)) {
      const schema = await readSchema(snapshotUrl(server, key, 'models'), options.privileges)
      await touchSnapshot(server, key, 'models')
      store(schema, key)
      return { schema, cached: true }
    }
  }
  const scratch = await createScratchDatabase(serverUrl, 'db_migrate_check_models')
  const before = options.ownServer || server ? await roles(serverUrl) : []
  let kept = false
  try {
    const schema = await buildInto(source, scratch.url, options.privileges)
    if (server) kept = await keep(server, source, scratch, before, log, (key) => store(schema, key))
    return { schema, cached: false }
  } finally {
    if (!kept) await scratch.drop().catch(() => {})
    if (options.ownServer) await dropRolesSince(serverUrl, before).catch(() => {})
  }
}

/** Keeps the scratch database as the snapshot of the models' key (known only now, for models imported by build()). */
async function keep(server: ModelsServer, source: ModelSource, scratch: Parameters<typeof keepSnapshot>[1], before: readonly string[], log: Log, stored: (key: string) => void): Promise<boolean> {
  const added = (await roles(server.url)).filter((r) => !before.includes(r))
  if (added.length > 0) {
    log.info(`the models create roles (${added.join(', ')}), which a snapshot cannot hold: their build is not cached`)
    return false
  }
  const key = modelsKey(source.buildDigest!, server.major, server.user, server.build)
  await keepSnapshot(server, scratch, key, 'models')
  stored(key)
  return true
}

interface ModelsServer extends SnapshotServer {
  /** server_version: the build of the major (a stored schema read on another server of it may not hold here). */
  readonly build: string
}

/** The server's models snapshots, its version and the role we are on it, in one round trip. */
async function readModelsServer(serverUrl: string): Promise<ModelsServer> {
  const client = await connect(serverUrl, { applicationName: 'db-migrate snapshots' })
  try {
    const { rows } = await client.query<{ v: string; b: string; u: string; names: string[] | null; c: string }>(
      `SELECT current_setting('server_version_num') AS v, current_setting('server_version') AS b, current_user AS u,
        (SELECT array_agg(datname::text) FROM pg_database WHERE datname LIKE $1) AS names, ${clusterIdentity} AS c`, [`${snapshotPrefix.models.replace(/_/g, '\\_')}%`])
    const row = rows[0]!
    return { url: serverUrl, major: Math.floor(Number(row.v) / 10000), build: row.b, user: row.u, names: new Set(row.names ?? []), cluster: row.c }
  } finally {
    await client.end().catch(() => {})
  }
}

/** The models built by their own DDL in the empty database at `url`, read back by the same introspector as the migrations' side. */
export async function buildInto(source: ModelSource, url: string, privileges: boolean): Promise<Schema> {
  await source.build(url)
  return readSchema(url, privileges)
}

async function readSchema(url: string, privileges: boolean): Promise<Schema> {
  const client = await connect(url)
  try {
    return await introspect(client, { privileges, settle: true })
  } finally {
    await client.end().catch(() => {})
  }
}
