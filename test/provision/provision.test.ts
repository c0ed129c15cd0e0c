import assert from 'node:assert/strict'
import { existsSync } from 'node:fs'
import { createServer } from 'node:net'
import { describe, it } from 'node:test'
import pg from 'pg'
import { parseConfig, type RawSettings } from '../../src/config/config.js'
import { ProvisionError } from '../../src/errors.js'
import { provisionDatabase } from '../../src/provision/provision.js'
import { createScratchDatabase } from '../../src/provision/scratch.js'
import { silentLog } from '../../src/log.js'
import { testServers } from '../helpers/postgres.js'

const config = (settings: RawSettings) => parseConfig({ settings, env: {}, cwd: process.cwd() })

function unusedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

async function one<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<T | undefined> {
  const client = new pg.Client(url)
  await client.connect()
  try {
    return (await client.query<T>(sql, params)).rows[0]
  } finally {
    await client.end()
  }
}

describe('provisionDatabase', () => {
  it('uses a given URL as is and leaves its server alone on release', async () => {
    const [server] = await testServers()
    const scratch = await createScratchDatabase(server!.url, 'given')
    try {
      const provisioned = await provisionDatabase(config({ 'database-url': scratch.url }), silentLog)
      assert.equal(provisioned.url, scratch.url)
      assert.equal(provisioned.spunUp, null)
      await provisioned.release()
      assert.equal((await one<{ d: string }>(scratch.url, 'SELECT current_database() AS d'))?.d, scratch.name)
    } finally {
      await scratch.drop()
    }
  })

  it('gives up on a URL that never answers after the connect timeout, naming the host but not the password', async () => {
    const port = await unusedPort()
    const started = Date.now()
    await assert.rejects(
      provisionDatabase(config({ 'database-url': `postgresql://app:s3cret-pw@127.0.0.1:${port}/app`, 'connect-timeout': '1500ms' }), silentLog),
      (error: Error) => {
        assert.ok(error instanceof ProvisionError, `${error.name}: ${error.message}`)
        assert.match(error.message, new RegExp(`127\\.0\\.0\\.1:${port}`))
        assert.match(error.message, /connect-timeout/)
        assert.doesNotMatch(error.message, /s3cret-pw/)
        return true
      },
    )
    const waited = Date.now() - started
    assert.ok(waited >= 1200 && waited < 6000, `waited ${waited} ms for a 1500 ms timeout`)
  })

  it('starts a server when no URL is given, creates the named database, and stops it on release', async () => {
    const logged: string[] = []
    const provisioned = await provisionDatabase(config({}), { info: (m) => logged.push(m), warn: (m) => logged.push(m) }, { database: 'app_db' })
    const server = provisioned.spunUp
    assert.ok(server)
    assert.equal(provisioned.url, `postgresql://postgres@127.0.0.1:${server.port}/app_db`)
    assert.equal((await one<{ d: string }>(provisioned.url, 'SELECT current_database() AS d'))?.d, 'app_db')
    assert.match(logged.join('\n'), new RegExp(`throwaway PostgreSQL ${server.version.replace('.', '\\.')} started on 127\\.0\\.0\\.1:${server.port}`))
    await provisioned.release()
    assert.equal(existsSync(server.state.runDir), false)
  })

  it('keeps a started server running after release when asked to and keep-database is on', async () => {
    const provisioned = await provisionDatabase(config({ 'keep-database': 'true' }), silentLog, { keep: true })
    const server = provisioned.spunUp!
    try {
      await provisioned.release()
      assert.equal((await one<{ one: number }>(provisioned.url, 'SELECT 1 AS one'))?.one, 1)
    } finally {
      await server.stop()
    }
    assert.equal(existsSync(server.state.runDir), false)
  })

  it('does not keep it when keep-database is off', async () => {
    const provisioned = await provisionDatabase(config({ 'keep-database': 'false' }), silentLog, { keep: true })
    await provisioned.release()
    assert.equal(existsSync(provisioned.spunUp!.state.runDir), false)
  })
})

describe('createScratchDatabase', () => {
  it('creates an empty database and drops it even with clients still connected', async () => {
    for (const server of await testServers()) {
      const scratch = await createScratchDatabase(server.url, 'Scratch-Check')
      assert.match(scratch.name, /^scratch_check_[0-9a-f]{12}$/)
      const client = new pg.Client(scratch.url)
      await client.connect()
      client.on('error', () => {})
      assert.equal((await client.query(`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'`)).rows[0].n, 0)
      await scratch.drop()
      await scratch.drop()
      assert.equal(await one(server.url, 'SELECT 1 FROM pg_database WHERE datname = $1', [scratch.name]), undefined, server.label)
      await client.end().catch(() => {})
    }
  })
})
