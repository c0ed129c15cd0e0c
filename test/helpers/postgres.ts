// Real PostgreSQL servers for tests: the embedded one always, and TEST_DATABASE_URL's server when set.
// Each test gets scratch databases of its own, dropped afterwards.
import { randomBytes } from 'node:crypto'
import pg from 'pg'

export interface TestServer {
  readonly label: string
  /** URL of the server's maintenance database (superuser). */
  readonly url: string
}

export interface ScratchDatabase {
  readonly url: string
  readonly name: string
  drop(): Promise<void>
}

let servers: Promise<TestServer[]> | undefined

/** The servers every real-Postgres test runs against. Started once per test file. */
export function testServers(): Promise<TestServer[]> {
  servers ??= (async () => {
    const list: TestServer[] = []
    if (process.env.TEST_DATABASE_URL) list.push({ label: 'external', url: process.env.TEST_DATABASE_URL })
    return list
  })()
  return servers
}

export async function scratchDatabase(server: TestServer, prefix = 'test'): Promise<ScratchDatabase> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`
  await adminQuery(server.url, `CREATE DATABASE "${name}"`)
  const url = new URL(server.url)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    name,
    drop: () => adminQuery(server.url, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  }
}

export async function adminQuery(url: string, sql: string, params: unknown[] = []): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return await client.query(sql, params)
  } finally {
    await client.end()
  }
}
