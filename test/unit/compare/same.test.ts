import assert from 'node:assert/strict'
import { test } from 'node:test'
import { compare } from '../../../src/compare/compare.js'
import { sameTable } from '../../../src/compare/same.js'
import type { Check, Column, ForeignKey, Index, PartitionOf, Policy, PrimaryKey, Table, TableName, Unique } from '../../../src/schema/schema.js'
import { schema } from './fixtures.js'

// Every field of every part set (Required: a field added to a type must be added here), so that changing any one
// of them is seen.
const column: Required<Column> = { name: 'c', type: 'text', notNull: true, default: "'x'::text", identity: 'always', generated: 'upper(c)', comment: 'cc', collation: '"C"' }
const primaryKey: Required<PrimaryKey> = { name: 't_pkey', columns: ['c'], include: ['d'], deferral: 'deferrable' }
const unique: Required<Unique> = { name: 't_c_key', columns: ['c'], include: ['d'], nullsNotDistinct: true, deferral: 'initially deferred' }
const foreignKey: Required<ForeignKey> = {
  name: 't_c_fkey', columns: ['c'], refSchema: 'app', refTable: 'u', refColumns: ['id'], onDelete: 'cascade', onUpdate: 'set null', deferral: 'deferrable', match: 'full', notValid: true,
}
const check: Required<Check> = { name: 't_c_check', definition: 'CHECK ((c <> \'\'::text))' }
const index: Required<Index> = { name: 't_ix', unique: true, method: 'btree', definition: 'CREATE UNIQUE INDEX t_ix ON app.t USING btree (c)' }
const partitionOf: Required<PartitionOf> = { schema: 'app', name: 'p', bound: 'DEFAULT' }
const parent: Required<TableName> = { schema: 'app', name: 'base' }
const policy: Required<Policy> = { name: 'own', command: 'select', permissive: true, roles: ['a', 'b'], using: '(c = CURRENT_USER)', withCheck: '(c <> \'\'::text)' }
const full: Required<Table> = {
  schema: 'app', name: 't', columns: [column], primaryKey, uniques: [unique], foreignKeys: [foreignKey], checks: [check], exclusions: [{ name: 't_excl', definition: 'EXCLUDE USING gist (c WITH =)' }],
  indexes: [index], comment: 'tt', partitionBy: 'RANGE (c)', partitionOf, inherits: [parent], unlogged: true, rowLevelSecurity: 'forced', policies: [policy],
}

/** Copies of `value`, each with one leaf (a string, boolean, or a list element) changed. */
function changedLeaves(value: unknown, path: string): { path: string; value: unknown }[] {
  if (typeof value === 'string') return [{ path, value: `${value}_` }]
  if (typeof value === 'boolean') return [{ path, value: !value }]
  if (Array.isArray(value)) {
    return [
      { path: `${path}.length`, value: [...value, value[0]] },
      ...value.flatMap((item, i) => changedLeaves(item, `${path}[${i}]`).map((c) => ({ path: c.path, value: value.map((x, j) => (j === i ? c.value : x)) }))),
    ]
  }
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, field]) => [
      ...(Array.isArray(field) ? [] : [{ path: `${path}.${key}=null`, value: { ...value, [key]: null } }]),
      ...changedLeaves(field, `${path}.${key}`).map((c) => ({ path: c.path, value: { ...value, [key]: c.value } })),
    ])
  }
  return []
}

test('sameTable sees a change in any field of a table, and nothing in a copy', () => {
  assert.equal(sameTable(full, structuredClone(full)), true)
  const changes = changedLeaves(full, 'table').filter((c) => c.path !== 'table=null')
  assert.ok(changes.length > 60)
  for (const c of changes) assert.equal(sameTable(full, c.value as Table), false, c.path)
})

test('a table that differs only in a column default still compares to an alter_column, and a copy to nothing', () => {
  const changed: Table = { ...full, columns: [{ ...column, default: "'y'::text" }] }
  const ops = compare(schema([full]), schema([changed]))
  assert.deepEqual(ops.map((op) => op.kind), ['alter_column'])
  assert.deepEqual(compare(schema([full]), schema([structuredClone(full)])), [])
})
