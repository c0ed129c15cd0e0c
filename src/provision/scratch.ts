import { randomBytes } from 'node:crypto'
import { withDatabase } from '../config/url.js'
import { connect } from '../db/client.js'
import { quoteIdent } from '../render/ident.js'

/** A throwaway database on some server; `drop()` removes it even while clients are still connected. */
export interface ScratchDatabase {
  readonly url: string
  readonly name: string
  drop(): Promise<void>
}

/**
 * Creates an empty database named `<prefix>_<random>` on the server of `serverUrl` (a URL whose user may create
 * databases). It is copied from template1 like any new database, so it has what the server's databases start
 * with. Measured: template0 is no faster on the embedded server (16 ms each) and only slightly on a durable one
 * (79 vs 93 ms); STRATEGY FILE_COPY halves the embedded cost but triples the durable one with its checkpoints.
 */
export async function createScratchDatabase(serverUrl: string, prefix = 'scratch'): Promise<ScratchDatabase> {
  const name = `${prefix.toLowerCase().replace(/[^a-z0-9_]/g, '_').slice(0, 40)}_${randomBytes(6).toString('hex')}`
  await onServer(serverUrl, `CREATE DATABASE ${quoteIdent(name)} TEMPLATE template1`)
  let dropped: Promise<void> | undefined
  return {
    url: withDatabase(serverUrl, name),
    name,
    drop: () => (dropped ??= onServer(serverUrl, `DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`)),
  }
}

async function onServer(url: string, sql: string): Promise<void> {
  const client = await connect(url, { applicationName: 'db-migrate scratch' })
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}
