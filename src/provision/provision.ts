import type { Config } from '../config/config.js'
import { withDatabase } from '../config/url.js'
import { connect, waitForConnection } from '../db/client.js'
import { quoteIdent } from '../render/ident.js'
import type { Log } from '../log.js'
import type { BinarySource } from './binaries.js'
import type { EmbeddedServer } from './embedded.js'
import { checkCacheRoot } from './cache.js'

/** The database a command works on, and how to give it back. */
export interface Provisioned {
  readonly url: string
  /** The server started for this run, or null when the config named one. */
  readonly spunUp: EmbeddedServer | null
  /** Stops a server we started (unless it was kept for later steps); a no-op for a given URL. */
  release(): Promise<void>
}

export interface ProvisionOptions {
  /** `target`: the database to migrate (config.database); `shadow`: the server where check builds its scratch
   *  databases (config.shadowDatabase), never the target. Default `target`. */
  readonly role?: 'target' | 'shadow'
  /** Leave a started server running after this process exits, if config.keepDatabase allows (the action's later steps use it). */
  readonly keep?: boolean
  /** The database to create on a started server; default `postgres` (exists already). */
  readonly database?: string
  /** Which binaries to start; default DB_MIGRATE_PG_SOURCE, else `auto`. */
  readonly source?: BinarySource
  /** Called as soon as a started server is spawned, or at once for a given URL: work that can overlap its start. */
  readonly onSpawn?: () => void
}

/**
 * A given URL is used as is, once it accepts connections (waiting up to config.connectTimeoutMs for a server that
 * is still starting). Without one, an embedded server is started.
 */
export async function provisionDatabase(config: Config, log: Log, options: ProvisionOptions = {}): Promise<Provisioned> {
  const role = options.role ?? 'target'
  const given = role === 'target' ? config.database : config.shadowDatabase
  if (given) {
    options.onSpawn?.()
    const client = await waitForConnection(given.url, config.connectTimeoutMs)
    await client.end()
    return { url: given.url, spunUp: null, release: async () => {} }
  }

  const detached = (options.keep ?? false) && config.keepDatabase
  // check's scratch server keeps its snapshots between runs; a throwaway one when that cluster is busy or unusable
  // (the embedded server's code is loaded only when one is started)
  const cached = role === 'shadow' && !config.noCache
    ? await (await import('./check-cluster.js')).startCheckCluster({ root: checkCacheRoot(config.checkCache), cwd: config.cwd, source: options.source, log: (m) => log.info(m), warn: (m) => log.warn(m), onSpawn: options.onSpawn })
    : null
  const server = cached ?? await (await import('./embedded.js')).startEmbedded({ detached, source: options.source, cwd: config.cwd, log: (message) => log.info(message), onSpawn: options.onSpawn })
  log.info(role === 'target'
    ? `running on a throwaway PostgreSQL ${server.version} started on 127.0.0.1:${server.port} (asked for with embedded), not on a deployed database; ${detached ? 'left running for later steps' : 'stopped on exit'}`
    : `started PostgreSQL ${server.version} on 127.0.0.1:${server.port} for scratch databases${cached ? ', with the snapshots cached in ' + checkCacheRoot(config.checkCache) : ''}`)
  const database = options.database ?? 'postgres'
  try {
    if (database !== 'postgres') await createDatabase(server.url, database)
  } catch (error) {
    await server.stop()
    throw error
  }
  return {
    url: withDatabase(server.url, database),
    spunUp: server,
    release: detached ? async () => {} : () => server.stop(),
  }
}

async function createDatabase(serverUrl: string, name: string): Promise<void> {
  const client = await connect(serverUrl)
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])
    if (!rowCount) await client.query(`CREATE DATABASE ${quoteIdent(name)}`)
  } finally {
    await client.end()
  }
}
