// Fixture projects for check and autogenerate: test/fixtures/models-<case> copied under test/.tmp (at the same
// depth, so the models' relative import of the library still resolves), and the servers to run them on.
import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { after, describe, it } from 'node:test'
import { parseConfig, type Config, type RawSettings } from '../../src/config/config.js'
import { connect } from '../../src/db/client.js'
import { introspect } from '../../src/introspect/introspect.js'
import type { Schema } from '../../src/schema/schema.js'
import { testServers, type TestServer } from '../helpers/postgres.js'

const root = fileURLToPath(new URL('../..', import.meta.url))

export interface Project {
  readonly dir: string
  /** Config of the project; `models` picks another models file of the fixture (default models.ts). */
  config(settings?: RawSettings): Config
  migrations(): string[]
  read(relativePath: string): string
}

export function project(fixture: string): Project {
  const dir = join(root, 'test', '.tmp', `${fixture}-${randomBytes(4).toString('hex')}`)
  mkdirSync(join(root, 'test', '.tmp'), { recursive: true })
  cpSync(join(root, 'test', 'fixtures', fixture), dir, { recursive: true })
  after(() => rmSync(dir, { recursive: true, force: true }))
  return {
    dir,
    config: (settings = {}) => parseConfig({ settings: { command: 'check', models: 'models.ts', migrations: 'migrations', 'lock-wait': '10s', ...settings }, env: {}, cwd: dir }),
    migrations: () => readdirSync(join(dir, 'migrations')).sort(),
    read: (path) => readFileSync(join(dir, path), 'utf8'),
  }
}

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
