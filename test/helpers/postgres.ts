// Real PostgreSQL servers for tests: an embedded one always, and TEST_DATABASE_URL's server when set.
// Each test gets scratch databases of its own, dropped afterwards.
import pg from 'pg'
import { startEmbedded } from '../../src/provision/embedded.js'
import { createScratchDatabase, type ScratchDatabase } from '../../src/provision/scratch.js'

export type { ScratchDatabase }

export interface TestServer {
  readonly label: string
  /** URL of the server's maintenance database (superuser). */
  readonly url: string
}

let servers: Promise<TestServer[]> | undefined

/**
 * The servers every real-Postgres test runs against: the embedded server first, then TEST_DATABASE_URL's server when
 * that is set. `npm test` starts one embedded server for the whole run (DB_MIGRATE_TEST_SERVER_URL); a test file run
 * on its own with node --test starts its own, stopped when its process exits.
 */
export function testServers(): Promise<TestServer[]> {
  servers ??= (async () => {
    const url = process.env.DB_MIGRATE_TEST_SERVER_URL || (await startEmbedded()).url
    const list: TestServer[] = [{ label: 'embedded', url }]
    if (process.env.TEST_DATABASE_URL) list.push({ label: 'external', url: process.env.TEST_DATABASE_URL })
    return list
  })()
  return servers
}

/** A fresh empty database on `server`; call drop() when done (it disconnects remaining clients). */
export function scratchDatabase(server: TestServer, prefix = 'test'): Promise<ScratchDatabase> {
  return createScratchDatabase(server.url, prefix)
}

/** Runs one statement on its own connection. */
export async function adminQuery(url: string, sql: string, params: unknown[] = []): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return await client.query(sql, params)
  } finally {
    await client.end()
  }
}
