// The servers check and autogenerate tests run on, and the schema they read back. Their projects come from
// test/helpers/project.ts (with modelsProject: under test/.tmp, so the models' relative import of the library resolves).
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { connect } from '../../src/db/client.js'
import { introspect } from '../../src/introspect/introspect.js'
import type { Schema } from '../../src/schema/schema.js'
import { testServers, type TestServer } from '../helpers/postgres.js'

/** Declares the suite once per test server. */
export function eachServer(name: string, body: (server: TestServer) => void): void {
  describe(name, async () => {
    const servers = await testServers()
    if (servers.length === 0) it('has a PostgreSQL server to run against', () => assert.fail('no test server: set TEST_DATABASE_URL'))
    for (const server of servers) describe(server.label, () => body(server))
  })
}

/** The schema of the database at `url`, without the history table, its expressions settled as check reads them. */
export async function schemaAt(url: string): Promise<Schema> {
  const client = await connect(url)
  try {
    return await introspect(client, { exclude: [{ schema: 'public', name: 'db_migrate_history' }], settle: true })
  } finally {
    await client.end()
  }
}
