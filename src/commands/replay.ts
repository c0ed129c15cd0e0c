import type pg from 'pg'
import type { Config } from '../config/config.js'
import { connect } from '../db/client.js'
import { errorMessage, MigrationError } from '../errors.js'
import { introspect, readWithMarks, type Reading } from '../introspect/introspect.js'
import { readHorizon, type CatalogMarks } from '../introspect/marks.js'
import { checkCacheRoot } from '../provision/cache.js'
import { readStoredSchema, writeStoredSchema, type SchemaReader } from '../provision/schema-store.js'
import { snapshotName } from '../provision/replay-key.js'
import type { Log } from '../log.js'
import { prefixKeys, replaySettings } from '../provision/replay-key.js'
import { createScratchDatabase, type ScratchDatabase } from '../provision/scratch.js'
import { cloneSnapshot, dropSnapshot, keepSnapshot, longestPrefix, makeSpare, markSnapshotUsed, pruneSnapshots, readSnapshotServer, snapshotUrl, takeSpare, touchSnapshot, type SnapshotServer } from '../provision/snapshots.js'
import { listMigrations } from '../runtime/files.js'
import { readHistory } from '../runtime/history.js'
import type { MigrationFile } from '../runtime/types.js'
import { applyUncommitted, appliesUncommitted, TransactionEnded } from '../runtime/apply-open.js'
import type { Schema } from '../schema/schema.js'
import { dropRolesSince, roles, rolesSeen } from '../provision/roles.js'
import { upgrade } from './upgrade.js'

/** How check got the migrated schema. */
export interface ReplaySummary {
  /** Migrations applied by this run. */
  readonly replayed: number
  /** Migrations already in the snapshot this run started from; 0 for a replay from an empty database. */
  readonly fromCache: number
  /** The key of the head's snapshot; null when the cache is off or the head was not kept. */
  readonly cacheKey: string | null
  /** The models' side was read from a snapshot of the same models built before. */
  readonly modelsCached?: boolean
}

export interface Replayed {
  readonly schema: Schema
  /** Every migration of the folder, cached or replayed. */
  readonly count: number
  readonly replay: ReplaySummary
  /** Work left running for the next run (a spare copy, pruning): to await before the server stops. */
  readonly settled?: Promise<void>
}

export interface ReplayOptions {
  /** Start from, and keep, snapshots on the server (`--no-cache`: false). */
  readonly cache: boolean
  /** The server is ours (the embedded one): copy snapshots with FILE_COPY, drop roles a replay leaves behind. */
  readonly ownServer: boolean
  /** Called once the replay waits on the server for the rest of its work: what else the process has to do, it can do now. */
  readonly onWait?: () => void
}

/**
 * The schema the migrations build on an empty database. With the cache, starts from a copy of the snapshot of the
 * longest prefix of the folder that the server holds, lets the runner apply the rest (the snapshot's history table
 * tells it which), and keeps the result as the head's snapshot.
 */
export async function replay(config: Config, serverUrl: string, log: Log, options: ReplayOptions, listed?: readonly MigrationFile[]): Promise<Replayed> {
  const files = listed ?? listMigrations(config.migrationsDir, config.cwd, config.migrationsIgnore)
  if (!options.cache) {
    const scratch = await createScratchDatabase(serverUrl, 'db_migrate_check_migrations')
    try {
      options.onWait?.()
      const { schema, count } = await replayMigrations(config, scratch.url, log)
      return { schema, count, replay: { replayed: count, fromCache: 0, cacheKey: null } }
    } finally {
      await scratch.drop().catch(() => {})
    }
  }

  const server = await readSnapshotServer(serverUrl)
  const keys = prefixKeys(files, server.major, replaySettings(config), server.user)
  const headKey = keys[files.length]!
  let cached = longestPrefix(server, keys)

  const store = { root: checkCacheRoot(config.checkCache), reader: { ...readerOf(config), cluster: server.cluster } }
  // a reading is what its key says whether or not the snapshot it was read from is still kept
  const stored = files.length > 0 ? readStoredSchema<CatalogMarks>(store.root, snapshotName(headKey), store.reader) : null
  if (stored) {
    if (cached === files.length) await touchSnapshot(server, headKey)
    return { schema: stored.schema, count: files.length, replay: { replayed: 0, fromCache: files.length, cacheKey: headKey } }
  }
  if (cached === files.length && cached > 0) {
    const url = snapshotUrl(server, headKey)
    if ((await historyMatches(config, url, files, cached)).matches) {
      const reading = await readMarked(config, url, null)
      keepReading(store, headKey, reading)
      await touchSnapshot(server, headKey)
      return { schema: reading.schema, count: files.length, replay: { replayed: 0, fromCache: cached, cacheKey: headKey } }
    }
    log.warn(`the check snapshot of ${files[cached - 1]!.name} does not hold what its key says: dropped, replaying every migration`)
    await dropSnapshot(server, headKey).catch(() => {})
    cached = 0
  }

  // one new migration: applied to the snapshot itself in a transaction that is read, then rolled back
  if (cached > 0 && cached === files.length - 1 && appliesUncommitted(files[cached]!)) {
    const earlier = storedReading(store, keys[cached]!)
    const done = earlier && (await replayUncommitted(config, server, keys[cached]!, files, earlier, log, options.onWait))
    if (done) {
      if (done.roles.length === 0) keepReading(store, headKey, done.reading)
      else log.info(`the migrations create roles (${done.roles.join(', ')}), which a snapshot cannot hold: this replay is not cached`)
      return { schema: done.reading.schema, count: files.length, replay: { replayed: 1, fromCache: cached, cacheKey: null } }
    }
  }

  let scratch: ScratchDatabase | undefined
  let earlier: { reading: Reading; horizon: string } | null = null
  // what runs alongside: the snapshots beyond the limit (the last run kept one more) dropped, but the one copied now;
  // and a spare copy of the snapshot taken, made again for the next run
  const pruning = pruneSnapshots(server, 'migrations', cached > 0 ? [snapshotName(keys[cached]!)] : []).catch(() => {})
  let spare: Promise<void> = pruning
  if (cached > 0) {
    const from = keys[cached]!
    try {
      scratch = (await takeSpare(server, from)) ?? (await cloneSnapshot(server, from, options.ownServer))
      const history = await historyMatches(config, scratch.url, files, cached)
      if (!history.matches) {
        log.warn(`the check snapshot of ${files[cached - 1]!.name} does not hold what its key says: dropped, replaying every migration`)
        await scratch.drop().catch(() => {})
        await dropSnapshot(server, from).catch(() => {})
        scratch = undefined
      } else {
        // a snapshot kept before its reading was (an older cache): read the copy as the snapshot it still is, once
        let reading = storedReading(store, from)
        if (!reading) keepReading(store, from, (reading = await readMarked(config, scratch.url, null)))
        earlier = { reading, horizon: history.horizon }
        spare = pruning.then(() => makeSpare(server, from, options.ownServer)).catch(() => {})
      }
    } catch (error) {
      // dropped or copied by a concurrent run meanwhile: a full replay is slower, never wrong
      log.warn(`could not copy the check snapshot of ${files[cached - 1]!.name} (${errorMessage(error).split('\n')[0]}): replaying every migration`)
      scratch = undefined
    }
    if (!scratch) cached = 0
  }
  scratch ??= await createScratchDatabase(serverUrl, 'db_migrate_check_migrations')

  const rolesBefore = await roles(serverUrl)
  let kept = false
  try {
    options.onWait?.()
    const replayed = await applyRest(config, scratch.url, log, files.length - cached, files)
    const reading = await readMarked(config, scratch.url, earlier)
    const added = (await roles(serverUrl)).filter((r) => !rolesBefore.includes(r))
    // roles live in the cluster, not in the database: a snapshot of migrations that create some is not what an empty server would give
    if (added.length === 0 && files.length > 0) {
      await keepSnapshot(server, scratch, headKey, 'migrations', { prune: false })
      kept = true
      keepReading(store, headKey, reading)
      if (cached === 0) spare = Promise.all([spare, makeSpare(server, headKey, options.ownServer).catch(() => {})]).then(() => {})
    } else if (added.length > 0) {
      log.info(`the migrations create roles (${added.join(', ')}), which a snapshot cannot hold: this replay is not cached`)
    }
    return { schema: reading.schema, count: files.length, replay: { replayed, fromCache: cached, cacheKey: kept ? headKey : null }, settled: spare }
  } catch (error) {
    await spare
    throw error
  } finally {
    if (!kept) await scratch.drop().catch(() => {})
    if (options.ownServer) await dropRolesSince(serverUrl, rolesBefore).catch(() => {})
  }
}

interface Store {
  readonly root: string
  readonly reader: SchemaReader
}

function readerOf(config: Config): SchemaReader {
  return { privileges: !config.ignorePrivileges, exclude: [{ schema: config.historySchema, name: config.historyTable }] }
}

/** The stored reading of a snapshot, when it was kept with its marks. */
function storedReading(store: Store, key: string): Reading | null {
  const stored = readStoredSchema<CatalogMarks>(store.root, snapshotName(key), store.reader)
  return stored?.facts?.counts && stored.facts.tables ? { schema: stored.schema, marks: stored.facts } : null
}

/** Keeps a snapshot's reading beside the cache; a cache that cannot be written is slower next time, never wrong. */
function keepReading(store: Store, key: string, reading: Reading): void {
  try {
    writeStoredSchema(store.root, snapshotName(key), store.reader, { schema: reading.schema, facts: reading.marks })
  } catch {
    // read again next time
  }
}

/** Every migration of the folder applied to the empty database at `url`; then that database as introspect reads it. */
export async function replayMigrations(config: Config, url: string, log: Log): Promise<{ schema: Schema; count: number }> {
  const count = await applyRest(config, url, log, listMigrations(config.migrationsDir, config.cwd, config.migrationsIgnore).length)
  return { schema: await readSchema(config, url), count }
}

/** Lets the runner apply what the database's history lacks; the count it applied must be `expected`. */
async function applyRest(config: Config, url: string, log: Log, expected: number, files?: readonly MigrationFile[]): Promise<number> {
  let applied: number
  try {
    const run = await upgrade({ ...config, revision: undefined, dryRun: false, sql: false }, url, { info: () => {}, warn: (m) => log.warn(m) }, files)
    applied = run.applied.length
  } catch (error) {
    throw notClean(error)
  }
  if (applied !== expected) throw new Error(`check replayed ${applied} migration(s) where ${expected} were pending: run again with --no-cache`)
  return applied
}

function notClean(error: unknown): unknown {
  return error instanceof MigrationError ? new MigrationError(`the migrations do not apply cleanly to an empty database: ${error.message}`, error.migration, { cause: error }) : error
}

/**
 * The last of `files` applied to the snapshot of `key` (which holds the others) in a transaction, the database read
 * inside it, table by table against the snapshot's reading, and the transaction rolled back: no copy is made, and
 * the snapshot stays as it was. Null when the snapshot does not hold what its key says, or the file ended its
 * transaction (the snapshot, changed, is dropped): the caller then copies as for more than one file.
 */
async function replayUncommitted(config: Config, server: SnapshotServer, key: string, files: readonly MigrationFile[], earlier: Reading, log: Log, onWait?: () => void): Promise<{ reading: Reading; roles: string[] } | null> {
  // dropped by a concurrent run meanwhile: the caller copies from what is left
  const client = await connect(snapshotUrl(server, key)).catch(() => null)
  if (!client) return null
  try {
    await markSnapshotUsed(client, key).catch(() => {})
    const { matches, horizon } = await historyOn(client, config, files, files.length - 1)
    if (!matches) return null
    const rolesBefore = await rolesSeen(client)
    try {
      await applyUncommitted(client, config, { schema: config.historySchema, table: config.historyTable }, files[files.length - 1]!)
    } catch (error) {
      if (!(error instanceof TransactionEnded)) throw notClean(error)
      log.warn(`${error.message}: the check snapshot it ran on is dropped`)
      await client.end().catch(() => {})
      await dropSnapshot(server, key).catch(() => {})
      return null
    }
    const reading = readWithMarks(client, { ...readerOf(config), settle: true, inTransaction: true }, { reading: earlier, horizon })
    onWait?.()
    const { schema, marks } = await reading
    // the roles it created go with the rollback; a reading of migrations that need them is not what another server gives
    const roles = (await rolesSeen(client)).filter((r) => !rolesBefore.includes(r))
    return { reading: { schema, marks }, roles }
  } finally {
    await client.query('ROLLBACK').catch(() => {})
    await client.end().catch(() => {})
  }
}

/**
 * Whether the history of the database `client` is on is exactly the first `count` files, by name and checksum, all
 * applied; and the horizon of its marks (read before anything is applied to it).
 */
async function historyOn(client: pg.ClientBase, config: Config, files: readonly MigrationFile[], count: number): Promise<{ matches: boolean; horizon: string }> {
  const horizon = await readHorizon(client)
  const rows = await readHistory(client, { schema: config.historySchema, table: config.historyTable })
  return { matches: rows.length === count && rows.every((r, i) => r.state === 'applied' && r.name === files[i]!.name && r.checksum === files[i]!.checksum), horizon }
}

/** historyOn() for the database at `url`, on a connection of its own. */
async function historyMatches(config: Config, url: string, files: readonly MigrationFile[], count: number): Promise<{ matches: boolean; horizon: string }> {
  const client = await connect(url)
  try {
    return await historyOn(client, config, files, count)
  } finally {
    await client.end().catch(() => {})
  }
}

async function readSchema(config: Config, url: string): Promise<Schema> {
  const client = await connect(url)
  try {
    return await introspect(client, { ...readerOf(config), settle: true })
  } finally {
    await client.end().catch(() => {})
  }
}

/** The database at `url` read with its marks; only what changed since `earlier` (a reading of the snapshot it was copied from) read again. */
async function readMarked(config: Config, url: string, earlier: { reading: Reading; horizon: string } | null): Promise<Reading> {
  const client = await connect(url)
  try {
    const { schema, marks } = await readWithMarks(client, { ...readerOf(config), settle: true }, earlier)
    return { schema, marks }
  } finally {
    await client.end().catch(() => {})
  }
}
