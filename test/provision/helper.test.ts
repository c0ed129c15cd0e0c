import assert from 'node:assert/strict'
import { after, describe, it } from 'node:test'
import { adminQuery, scratchDatabase, testServers } from '../helpers/postgres.js'

describe('test servers', async () => {
  const servers = await testServers()
  it('lists the embedded server first', () => {
    assert.equal(servers[0]?.label, 'embedded')
    assert.match(servers[0]!.url, /^postgresql:\/\/postgres@127\.0\.0\.1:\d+\/postgres$/)
  })
  for (const server of servers) {
    it(`gives each test its own database on ${server.label}`, async () => {
      const a = await scratchDatabase(server, 'helper')
      const b = await scratchDatabase(server, 'helper')
      after(() => Promise.all([a.drop(), b.drop()]))
      assert.notEqual(a.name, b.name)
      await adminQuery(a.url, 'CREATE TABLE t (id int)')
      const { rows } = await adminQuery(b.url, `SELECT count(*)::int AS n FROM pg_tables WHERE tablename = 't'`)
      assert.equal(rows[0].n, 0)
      assert.equal((await adminQuery(a.url, 'SELECT current_database() AS d')).rows[0].d, a.name)
    })
  }
})
