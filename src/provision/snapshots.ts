import { randomBytes } from 'node:crypto'
import { withDatabase } from '../config/url.js'
import { connect, type Client } from '../db/client.js'
import { quoteIdent, quoteLiteral } from '../render/ident.js'
import type { ScratchDatabase } from './scratch.js'
import { snapshotName, snapshotPrefix, type SnapshotKind } from './replay-key.js'

/** How many snapshot databases of each kind a server keeps: the most recently used. */
export const snapshotLimit: Record<SnapshotKind, number> = { migrations: 4, models: 2 }

const like = (kind: SnapshotKind) => `${snapshotPrefix[kind].replace(/_/g, '\\_')}%`

/** Which cluster a server is: its system identifier, else (where reading it is not allowed) its address and start time. */
export const clusterIdentity = `CASE WHEN has_function_privilege('pg_control_system()', 'EXECUTE')
          THEN (SELECT system_identifier::text FROM pg_control_system())
          ELSE coalesce(host(inet_server_addr()), 'socket') || ':' || coalesce(inet_server_port(), 0) || ':' || pg_postmaster_start_time() END`

/** The server's snapshots, its major version, the role we are on it and which cluster it is, read in one connection. */
export interface SnapshotServer {
  readonly url: string
  readonly major: number
  readonly user: string
  readonly names: ReadonlySet<string>
  /** The cluster: its system identifier, else (where reading it is not allowed) its address and start time. */
  readonly cluster: string
}

export async function readSnapshotServer(serverUrl: string): Promise<SnapshotServer> {
  return onServer(serverUrl, async (client) => {
    const { rows } = await client.query<{ v: string; u: string; names: string[] | null; c: string }>(
      `SELECT current_setting('server_version_num') AS v, current_user AS u,
        (SELECT array_agg(datname::text) FROM pg_database WHERE datname LIKE '${like('migrations')}' OR datname LIKE '${like('models')}' OR datname LIKE '${likeSpare}') AS names,
        ${clusterIdentity} AS c`)
    return { url: serverUrl, major: Math.floor(Number(rows[0]!.v) / 10000), user: rows[0]!.u, names: new Set(rows[0]!.names ?? []), cluster: rows[0]!.c }
  })
}

const sparePrefix = 'db_migrate_spare_'
const likeSpare = `${sparePrefix.replace(/_/g, '\\_')}%`

/** How many spare copies a server keeps: copies of a snapshot made ahead, so that the next run copying it need not wait. */
export const spareLimit = 2

function spareName(key: string): string {
  return `${sparePrefix}${key.slice(0, 40)}`
}

/**
 * A scratch database made from a spare copy of the snapshot of `key`, renamed (no copy); null when the server has
 * none, or another run took it first.
 */
export async function takeSpare(server: SnapshotServer, key: string): Promise<ScratchDatabase | null> {
  if (!server.names.has(spareName(key))) return null
  const name = `db_migrate_check_migrations_${randomBytes(6).toString('hex')}`
  const taken = await onServer(server.url, async (c) => {
    try {
      await c.query(`ALTER DATABASE ${quoteIdent(spareName(key))} RENAME TO ${quoteIdent(name)}`)
      await markUsed(c, snapshotName(key))
      return true
    } catch {
      return false
    }
  })
  return taken ? scratchOn(server, name) : null
}

/**
 * Copies the snapshot of `key` into a spare for the next run, and drops the oldest spares beyond the limit. A copy
 * that fails (the snapshot dropped meanwhile, a concurrent run making the same) leaves nothing behind.
 */
export async function makeSpare(server: SnapshotServer, key: string, fileCopy: boolean): Promise<void> {
  const strategy = fileCopy && server.major >= 15 ? ' STRATEGY FILE_COPY' : ''
  await onServer(server.url, async (c) => {
    try {
      await c.query(`CREATE DATABASE ${quoteIdent(spareName(key))} TEMPLATE ${quoteIdent(snapshotName(key))}${strategy}`)
      await c.query(`COMMENT ON DATABASE ${quoteIdent(spareName(key))} IS ${quoteLiteral(`db-migrate check spare, made ${new Date().toISOString()}`)}`)
    } catch {
      return
    }
    const { rows } = await c.query<{ datname: string }>(
      `SELECT datname FROM pg_database d WHERE datname LIKE '${likeSpare}'
        ORDER BY shobj_description(d.oid, 'pg_database') DESC NULLS LAST, d.oid DESC OFFSET ${spareLimit}`)
    for (const { datname } of rows) await c.query(`DROP DATABASE IF EXISTS ${quoteIdent(datname)}`).catch(() => {})
  })
}

function scratchOn(server: SnapshotServer, name: string): ScratchDatabase {
  let dropped: Promise<void> | undefined
  return {
    url: withDatabase(server.url, name),
    name,
    drop: () => (dropped ??= onServer(server.url, async (c) => { await c.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`) })),
  }
}

/** The longest prefix of `keys` (keys[i]: the first i migrations) that the server holds a snapshot of; 0 for none. */
export function longestPrefix(server: SnapshotServer, keys: readonly string[]): number {
  for (let i = keys.length - 1; i > 0; i--) if (server.names.has(snapshotName(keys[i]!))) return i
  return 0
}

/**
 * A scratch database copied from a snapshot: CREATE DATABASE … TEMPLATE, the snapshot left as it was. FILE_COPY on
 * the embedded server (no WAL to write, no fsync to wait for: 3× faster than WAL_LOG at 1000 tables); a durable
 * server keeps its default, where FILE_COPY's checkpoints cost more.
 */
export async function cloneSnapshot(server: SnapshotServer, key: string, fileCopy: boolean): Promise<ScratchDatabase> {
  const name = `db_migrate_check_migrations_${randomBytes(6).toString('hex')}`
  const strategy = fileCopy && server.major >= 15 ? ' STRATEGY FILE_COPY' : ''
  await onServer(server.url, async (c) => {
    await c.query(`CREATE DATABASE ${quoteIdent(name)} TEMPLATE ${quoteIdent(snapshotName(key))}${strategy}`)
    await markUsed(c, snapshotName(key))
  })
  return scratchOn(server, name)
}

/** A snapshot as a database to read (nothing to apply, so nothing to copy). */
export function snapshotUrl(server: SnapshotServer, key: string, kind: SnapshotKind = 'migrations'): string {
  return withDatabase(server.url, snapshotName(key, kind))
}

/**
 * Keeps a scratch database as the snapshot of `key`: a rename, no copy. Another run that kept the same one first
 * wins, and ours is dropped. Then marks it used, and drops the least recently used beyond the limit.
 */
export async function keepSnapshot(server: SnapshotServer, scratch: ScratchDatabase, key: string, kind: SnapshotKind = 'migrations', options: { prune?: boolean } = {}): Promise<void> {
  const name = snapshotName(key, kind)
  await onServer(server.url, async (c) => {
    try {
      await c.query(`ALTER DATABASE ${quoteIdent(scratch.name)} RENAME TO ${quoteIdent(name)}`)
    } catch (error) {
      if ((error as { code?: string }).code !== '42P04') throw error // duplicate_database: kept by a concurrent run
      await scratch.drop()
    }
    await markUsed(c, name)
    if (options.prune !== false) await prune(c, kind)
  })
}

/** Drops the least recently used snapshots of `kind` beyond the limit but those named in `keep` (keepSnapshot's last step, when left for a run that starts). */
export async function pruneSnapshots(server: SnapshotServer, kind: SnapshotKind, keep: readonly string[] = []): Promise<void> {
  await onServer(server.url, (c) => prune(c, kind, keep))
}

/** Marks a snapshot as just used, so pruning keeps it. */
export async function touchSnapshot(server: SnapshotServer, key: string, kind: SnapshotKind = 'migrations'): Promise<void> {
  await onServer(server.url, (c) => markUsed(c, snapshotName(key, kind)))
}

/** Drops a snapshot that turned out not to match its key (an older format, a hand-edited database). */
export async function dropSnapshot(server: SnapshotServer, key: string): Promise<void> {
  await onServer(server.url, (c) => c.query(`DROP DATABASE IF EXISTS ${quoteIdent(snapshotName(key))} WITH (FORCE)`))
}

/** Marks the snapshot of `key` used, on a connection of the caller's (outside any transaction it rolls back). */
export async function markSnapshotUsed(c: Client, key: string): Promise<void> {
  await markUsed(c, snapshotName(key))
}

async function markUsed(c: Client, name: string): Promise<void> {
  await c.query(`COMMENT ON DATABASE ${quoteIdent(name)} IS ${quoteLiteral(`db-migrate check snapshot, used ${new Date().toISOString()}`)}`)
}

/** Drops the least recently used snapshots of `kind` beyond the limit; those named in `keep` count as the most recent. */
async function prune(c: Client, kind: SnapshotKind, keep: readonly string[] = []): Promise<void> {
  const { rows } = await c.query<{ datname: string }>(
    `SELECT datname FROM pg_database d WHERE datname LIKE '${like(kind)}'
      ORDER BY datname = ANY($1::text[]) DESC, shobj_description(d.oid, 'pg_database') DESC NULLS LAST, d.oid DESC OFFSET ${snapshotLimit[kind]}`, [keep])
  for (const { datname } of rows) {
    // a snapshot being copied or read by a concurrent run cannot be dropped now: the next run prunes it
    await c.query(`DROP DATABASE IF EXISTS ${quoteIdent(datname)}`).catch(() => {})
  }
}

async function onServer<T>(url: string, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = await connect(url, { applicationName: 'db-migrate snapshots' })
  try {
    return await fn(client)
  } finally {
    await client.end().catch(() => {})
  }
}
