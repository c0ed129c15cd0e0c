import { connect } from '../db/client.js'
import { introspect } from '../introspect/introspect.js'
import type { Log } from '../log.js'
import type { ModelSource } from '../models/sources/source.js'
import { modelsKey } from '../provision/replay-key.js'
import { dropRolesSince, roles } from '../provision/roles.js'
import { createScratchDatabase } from '../provision/scratch.js'
import { keepSnapshot, readSnapshotServer, snapshotUrl, touchSnapshot } from '../provision/snapshots.js'
import { snapshotName } from '../provision/replay-key.js'
import type { Schema } from '../schema/schema.js'

export interface BuildOptions {
  /** Reuse, and keep, a snapshot of models built from the same text (db-migrate's models and SQL files only). */
  readonly cache: boolean
  readonly ownServer: boolean
  /** Read grants (ignore-privileges: false). */
  readonly privileges: boolean
}

/** The models built by their own DDL in an empty database, read back by the same introspector as the migrations' side. */
export async function buildModels(source: ModelSource, serverUrl: string, log: Log, options: BuildOptions): Promise<{ schema: Schema; cached: boolean }> {
  const server = options.cache && source.buildText !== undefined ? await readSnapshotServer(serverUrl) : null
  const key = server ? modelsKey(source.buildText!, server.major, server.user) : null
  if (server && key && server.names.has(snapshotName(key, 'models'))) {
    const schema = await readSchema(snapshotUrl(server, key, 'models'), options.privileges)
    await touchSnapshot(server, key, 'models')
    return { schema, cached: true }
  }
  const scratch = await createScratchDatabase(serverUrl, 'db_migrate_check_models')
  const before = options.ownServer || server ? await roles(serverUrl) : []
  let kept = false
  try {
    const schema = await buildInto(source, scratch.url, options.privileges)
    if (server && key) {
      const added = (await roles(serverUrl)).filter((r) => !before.includes(r))
      if (added.length === 0) {
        await keepSnapshot(server, scratch, key, 'models')
        kept = true
      } else {
        log.info(`the models create roles (${added.join(', ')}), which a snapshot cannot hold: their build is not cached`)
      }
    }
    return { schema, cached: false }
  } finally {
    if (!kept) await scratch.drop().catch(() => {})
    if (options.ownServer) await dropRolesSince(serverUrl, before).catch(() => {})
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
