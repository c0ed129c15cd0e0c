import assert from 'node:assert/strict'
import { test } from 'node:test'
import { compare } from '../../../src/compare/compare.js'
import type { Grant, Policy } from '../../../src/schema/schema.js'
import { column, id, schema, table } from './fixtures.js'

const grant = (more: Partial<Grant>): Grant => ({ on: 'table', schema: 'public', name: 't', column: null, grantee: 'app', privilege: 'SELECT', grantable: false, ...more })
const withGrants = (grants: Grant[], ...tables: ReturnType<typeof table>[]) => ({ ...schema(tables.length ? tables : [table('t', [id])]), grants })
const kinds = (ops: ReturnType<typeof compare>) => ops.map((op) => `${op.kind}${'grant' in op ? ` ${op.grant.privilege}${op.grant.column ? `(${op.grant.column})` : ''}` : ''}`)

test('revoking a table privilege gives back the column grants of that privilege that stay', () => {
  const col = grant({ on: 'column', column: 'id', privilege: 'UPDATE' })
  assert.deepEqual(kinds(compare(withGrants([grant({ privilege: 'UPDATE' }), col]), withGrants([col]))), ['revoke UPDATE', 'revoke UPDATE(id)', 'grant UPDATE(id)'])
})

test("a routine's EXECUTE for PUBLIC goes with the routine; revoked from a routine both sides have, it is a difference", () => {
  const pub = grant({ on: 'routine', name: 'f(integer)', grantee: 'PUBLIC', privilege: 'EXECUTE' })
  assert.deepEqual(compare(withGrants([]), withGrants([pub])), [])
  const app = grant({ on: 'routine', name: 'f(integer)', privilege: 'EXECUTE' })
  assert.deepEqual(kinds(compare(withGrants([pub, app]), withGrants([app]))), ['revoke EXECUTE'])
})

test('a policy over a column whose type changes is dropped and created around the change', () => {
  const policy: Policy = { name: 'p', command: 'all', permissive: true, roles: ['public'], using: '(n > 0)', withCheck: null }
  const from = schema([table('t', [id, column('n', 'integer')], { policies: [policy] })])
  const to = schema([table('t', [id, column('n', 'bigint')], { policies: [policy] })])
  assert.deepEqual(compare(from, to).map((op) => op.kind), ['drop_policy', 'alter_column', 'create_policy'])
  const other = schema([table('t', [id, column('n', 'integer'), column('nn', 'text')], { policies: [policy] })])
  assert.deepEqual(compare(other, schema([table('t', [id, column('n', 'integer'), column('nn', 'integer')], { policies: [policy] })])).map((op) => op.kind), ['alter_column'])
})

test('a changed partition key rebuilds the table and its partitions, saying why; a changed bound re-attaches', () => {
  const parent = table('ev', [id], { partitionBy: 'RANGE (id)' })
  const part = table('ev_1', [], { partitionOf: { schema: 'public', name: 'ev', bound: 'FOR VALUES FROM (0) TO (10)' } })
  const ops = compare(schema([parent, part]), schema([{ ...parent, partitionBy: 'HASH (id)' }, part]))
  assert.deepEqual(ops.map((op) => `${op.kind} ${'table' in op ? op.table.name : ''}`), ['drop_table ev_1', 'drop_table ev', 'create_table ev', 'create_table ev_1'])
  assert.equal((ops[2] as { rebuild?: string }).rebuild, 'partition key RANGE (id) in the migrations, HASH (id) in the models')
  assert.equal((ops[3] as { rebuild?: string }).rebuild, 'its parent ev is created again')
  const moved = compare(schema([parent, part]), schema([parent, { ...part, partitionOf: { ...part.partitionOf!, bound: 'FOR VALUES FROM (0) TO (20)' } }]))
  assert.deepEqual(moved.map((op) => op.kind), ['alter_partition'])
})
