// The runtime tests' servers and database state: a scratch database on every test server, its tables and history.
// Their projects come from test/helpers/project.ts.
import assert from 'node:assert/strict'
import { after, describe, it } from 'node:test'
import { adminQuery, scratchDatabase, testServers, type ScratchDatabase, type TestServer } from '../helpers/postgres.js'

/** Declares the suite once per test server; each test gets a scratch database of its own. */
export function eachServer(name: string, body: (db: () => Promise<ScratchDatabase>) => void): void {
  describe(name, async () => {
    const servers = await testServers()
    if (servers.length === 0) it('has a PostgreSQL server to run against', () => assert.fail('no test server: set TEST_DATABASE_URL'))
    for (const server of servers) {
      describe(server.label, () => body(() => scratch(server)))
    }
  })
}

const open: ScratchDatabase[] = []
after(async () => {
  for (const db of open.splice(0)) await db.drop().catch(() => {})
})

async function scratch(server: TestServer): Promise<ScratchDatabase> {
  const db = await scratchDatabase(server, 'runtime')
  open.push(db)
  return db
}

/** Rows of a query against `url`. */
export async function rows<T = Record<string, unknown>>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  return (await adminQuery(url, sql, params)).rows as T[]
}

/** Names of the tables in the public schema, sorted. */
export async function tables(url: string): Promise<string[]> {
  return (await rows<{ name: string }>(url, `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`)).map((r) => r.name)
}

/** Names recorded in the default history table, oldest first, with their state. */
export async function history(url: string, table = 'db_migrate_history'): Promise<string[]> {
  return (await rows<{ name: string; state: string }>(url, `SELECT name, state FROM public."${table}" ORDER BY name`)).map((r) => (r.state === 'applied' ? r.name : `${r.name} (${r.state})`))
}
