// A serial column's sequence follows the column: a generated migration neither leaves it behind nor leaves it free.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { compare } from '../../src/compare/compare.js'
import { connect, type Client } from '../../src/db/client.js'
import { introspect } from '../../src/introspect/introspect.js'
import { reverseAll } from '../../src/ops/operation.js'
import { renderSql } from '../../src/render/sql.js'
import { scratchDatabase, testServers, type ScratchDatabase } from '../helpers/postgres.js'

const sequences = async (c: Client): Promise<string[]> =>
  (await c.query(`SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind = 'S' AND n.nspname = 'public' ORDER BY 1`)).rows.map((r) => r.relname)

const run = async (c: Client, sql: string[]): Promise<void> => {
  for (const s of sql) await c.query(s)
}

for (const server of await testServers()) {
  describe(`serial sequences (${server.label})`, () => {
    let dbs: ScratchDatabase[] = []
    let a: Client
    let b: Client
    before(async () => {
      dbs = [await scratchDatabase(server, 'seq_a'), await scratchDatabase(server, 'seq_b')]
      a = await connect(dbs[0]!.url)
      b = await connect(dbs[1]!.url)
    })
    after(async () => {
      await a?.end()
      await b?.end()
      for (const db of dbs) await db.drop()
    })

    test('serial → integer drops the sequence, and the way back makes it again', async () => {
      await a.query('CREATE TABLE t (id serial, n int)')
      await b.query('CREATE TABLE t (id int NOT NULL, n int)')
      const from = await introspect(a)
      const ops = compare(from, await introspect(b))
      await run(a, renderSql(ops).map((s) => s.sql))
      assert.deepEqual(await sequences(a), [])
      await run(a, renderSql(reverseAll(ops)).map((s) => s.sql))
      assert.deepEqual(await sequences(a), ['t_id_seq'])
      assert.deepEqual(compare(await introspect(a), from), [])
      await a.query("INSERT INTO t (n) VALUES (1)")
    })

    test('integer → serial makes a sequence the column owns, and the way back drops it', async () => {
      await a.query('DROP TABLE t; CREATE TABLE u (id int NOT NULL)')
      await b.query('DROP TABLE t; CREATE TABLE u (id serial)')
      const from = await introspect(a)
      const ops = compare(from, await introspect(b))
      await run(a, renderSql(ops).map((s) => s.sql))
      assert.deepEqual(await sequences(a), ['u_id_seq'])
      const owner = await a.query("SELECT pg_get_serial_sequence('u', 'id') AS seq")
      assert.equal(owner.rows[0].seq, 'public.u_id_seq')
      assert.deepEqual(compare(await introspect(a), await introspect(b)), [])
      await run(a, renderSql(reverseAll(ops)).map((s) => s.sql))
      assert.deepEqual(await sequences(a), [])
      assert.deepEqual(compare(await introspect(a), from), [])
    })

    test('a serial column that keeps drawing from its sequence, freed and of another type, and the way back', async () => {
      await a.query('CREATE TABLE w (id serial)')
      await b.query("CREATE SEQUENCE w_id_seq INCREMENT 3; CREATE TABLE w (id int NOT NULL DEFAULT nextval('w_id_seq'))")
      try {
        const from = await introspect(a)
        const ops = compare(from, await introspect(b))
        await run(a, renderSql(ops).map((s) => s.sql))
        assert.deepEqual(compare(await introspect(a), await introspect(b)), [])
        await run(a, renderSql(reverseAll(ops)).map((s) => s.sql))
        assert.deepEqual(compare(await introspect(a), from), [])
      } finally {
        await a.query('DROP TABLE w; DROP SEQUENCE IF EXISTS w_id_seq')
        await b.query('DROP TABLE w; DROP SEQUENCE w_id_seq')
      }
    })

    test('a sequence that is not the one serial makes is listed on its own, with its owner', async () => {
      await a.query("DROP TABLE u; CREATE TABLE v (id int NOT NULL); CREATE SEQUENCE v_ids START 100 OWNED BY v.id; ALTER TABLE v ALTER id SET DEFAULT nextval('v_ids')")
      const schema = await introspect(a)
      assert.equal(schema.tables[0]!.columns[0]!.type, 'integer')
      assert.deepEqual(schema.sequences.map((s) => [s.name, s.start, s.ownedBy]), [['v_ids', '100', { schema: 'public', table: 'v', column: 'id' }]])
    })
  })
}
