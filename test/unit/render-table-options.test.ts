import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { Operation } from '../../src/ops/operation.js'
import { renderSql } from '../../src/render/sql.js'
import { column, id, table } from './compare/fixtures.js'

const ev = { schema: 'public', name: 'ev' }
const cases: { op: Operation; want: string[] }[] = [
  { op: { kind: 'create_index', table: ev, index: { name: 'ev_at', unique: false, method: 'btree', definition: 'CREATE INDEX ev_at ON ONLY public.ev USING btree (at)' } },
    want: ['CREATE INDEX ev_at ON ev (at)'] },
  { op: { kind: 'create_table', table: table('ev_1', [], { partitionOf: { ...ev, bound: 'FOR VALUES IN (1)' }, partitionBy: 'HASH (id)' }) },
    want: ['CREATE TABLE ev_1 PARTITION OF ev FOR VALUES IN (1) PARTITION BY HASH (id)'] },
  { op: { kind: 'create_table', table: table('kid', [], { inherits: [ev], unlogged: true, rowLevelSecurity: 'forced' }) },
    want: ['CREATE UNLOGGED TABLE kid () INHERITS (ev)', 'ALTER TABLE kid ENABLE ROW LEVEL SECURITY', 'ALTER TABLE kid FORCE ROW LEVEL SECURITY'] },
  { op: { kind: 'create_table', table: table('t', [id, column('r', 'integer')], { foreignKeys: [{ name: 't_r_fkey', columns: ['r'], refSchema: 'public', refTable: 't', refColumns: ['id'], onDelete: 'no action', onUpdate: 'no action', deferral: 'not deferrable', match: 'full', notValid: true }] }) },
    want: ['CREATE TABLE t (\n  id integer NOT NULL,\n  r integer\n)', 'ALTER TABLE t ADD CONSTRAINT t_r_fkey FOREIGN KEY (r) REFERENCES t (id) MATCH FULL NOT VALID'] },
  { op: { kind: 'create_policy', table: ev, policy: { name: 'p', command: 'update', permissive: false, roles: ['app', 'public'], using: '(id > 0)', withCheck: '(id < 9)' } },
    want: ['CREATE POLICY p ON ev AS RESTRICTIVE FOR UPDATE TO app, PUBLIC USING ((id > 0)) WITH CHECK ((id < 9))'] },
  { op: { kind: 'alter_partition', table: { schema: 'public', name: 'ev_1' }, parent: ev, from: 'FOR VALUES IN (1)', to: 'FOR VALUES IN (1, 2)' },
    want: ['ALTER TABLE ev DETACH PARTITION ev_1', 'ALTER TABLE ev ATTACH PARTITION ev_1 FOR VALUES IN (1, 2)'] },
  { op: { kind: 'set_inherits', table: { schema: 'public', name: 'kid' }, from: [ev], to: [] }, want: ['ALTER TABLE kid NO INHERIT ev'] },
  { op: { kind: 'set_unlogged', table: ev, from: true, to: false }, want: ['ALTER TABLE ev SET LOGGED'] },
  { op: { kind: 'grant', grant: { on: 'column', schema: 'app', name: 'doc', column: 'body', grantee: 'Writer', privilege: 'UPDATE', grantable: true } },
    want: ['GRANT UPDATE (body) ON app.doc TO "Writer" WITH GRANT OPTION'] },
  { op: { kind: 'revoke', grant: { on: 'routine', schema: 'public', name: 'add(integer, integer)', column: null, grantee: 'PUBLIC', privilege: 'EXECUTE', grantable: false } },
    want: ['REVOKE EXECUTE ON ROUTINE add(integer, integer) FROM PUBLIC'] },
  { op: { kind: 'grant', grant: { on: 'sequence', schema: 'public', name: 't_id_seq', column: null, grantee: 'app', privilege: 'USAGE', grantable: false } },
    want: ['GRANT USAGE ON SEQUENCE t_id_seq TO app'] },
  { op: { kind: 'grant', grant: { on: 'schema', schema: 'app', name: 'app', column: null, grantee: 'app', privilege: 'CREATE', grantable: false } },
    want: ['GRANT CREATE ON SCHEMA app TO app'] },
]

for (const c of cases) {
  test(`renders ${c.op.kind}: ${c.want[0]!.split('\n')[0]}`, () => {
    assert.deepEqual(renderSql([c.op]).map((s) => s.sql), c.want)
  })
}
