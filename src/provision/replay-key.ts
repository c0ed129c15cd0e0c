import { createHash } from 'node:crypto'
import type { Config } from '../config/config.js'
import type { MigrationFile } from '../runtime/types.js'

/**
 * Everything besides the files themselves that changes what a replay of the migrations builds, in one place.
 * Left out on purpose: connect-timeout and lock-wait's waiting (a scratch database has no concurrent run; lock-wait
 * counts only as the lock_timeout it implies), allow-out-of-order (a replay from a cached prefix applies only files
 * that sort after it), the models and every check-only setting (they act after the replay).
 */
export function replaySettings(config: Config): Record<string, string> {
  return {
    'migrations-ignore': config.migrationsIgnore.join(','),
    'history-schema': config.historySchema,
    'history-table': config.historyTable,
    'umzug-table': `${config.umzugStorage.schema}.${config.umzugStorage.table}.${config.umzugStorage.column}`,
    context: config.contextKind,
    // the config file's context factory, as written (what it imports is not part of the key)
    'context-factory': config.contextFactory ? String(config.contextFactory) : '',
    'lock-timeout': String(config.lockTimeoutMs ?? config.lockWaitMs),
    'statement-timeout': String(config.statementTimeoutMs),
  }
}

// bump when what a snapshot holds, or how it is made, changes: older snapshots are then never reused
const snapshotFormat = 1

/**
 * The key of the database each prefix of `files` builds: keys[i] is that of the first i files applied in order to
 * an empty database of PostgreSQL `major`, as `user` (the role that replays), with `settings`. Each key chains the one before it, so a changed, inserted,
 * removed or reordered file changes the key of every prefix from that file on, and of none before it.
 */
export function prefixKeys(files: readonly Pick<MigrationFile, 'name' | 'checksum'>[], major: number, settings: Record<string, string>, user = ''): string[] {
  let key = sha256(JSON.stringify({ snapshotFormat, major, user, settings: Object.entries(settings).sort() }))
  const keys = [key]
  for (const file of files) {
    key = sha256(`${key}\n${file.name}\n${file.checksum}`)
    keys.push(key)
  }
  return keys
}

/** What a snapshot holds: the migrations replayed to a head, or the models built. */
export type SnapshotKind = 'migrations' | 'models'

export const snapshotPrefix: Record<SnapshotKind, string> = { migrations: 'db_migrate_snap_', models: 'db_migrate_models_' }

/** The name of a snapshot database: a PostgreSQL identifier of 63 bytes at most. */
export function snapshotName(key: string, kind: SnapshotKind = 'migrations'): string {
  return `${snapshotPrefix[kind]}${key.slice(0, 40)}`
}

/**
 * The key of the models whose build runs what `buildDigest` hashes (their DDL, or their SQL files), on PostgreSQL
 * `major` as `user`; `build` (the server_version string) tells apart builds of one major, whose extensions may differ.
 */
export function modelsKey(buildDigest: string, major: number, user: string, build = ''): string {
  return sha256(JSON.stringify({ snapshotFormat, major, user, build, buildDigest }))
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}
