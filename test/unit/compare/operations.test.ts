import assert from 'node:assert/strict'
import { test } from 'node:test'
import { compare } from '../../../src/compare/compare.js'
import { columnChanges } from '../../../src/compare/columns.js'
import { reverse, reverseAll, type Operation } from '../../../src/ops/operation.js'
import { risk } from '../../../src/ops/risk.js'
import { isWidening } from '../../../src/schema/pg-types.js'
import { emptySchema } from '../../../src/schema/schema.js'
import { column, enumType, id, pk, schema, table } from './fixtures.js'

const ref = { schema: 'public', name: 'post' }
const alter = (from: Partial<Parameters<typeof column>[2]> & { type?: string }, to: typeof from): Operation => {
  const [a, b] = [column('c', from.type ?? 'integer', from), column('c', to.type ?? 'integer', to)]
  return { kind: 'alter_column', table: ref, from: a, to: b, changes: columnChanges(a, b) }
}

test('reverse of reverse is the operation again, for every kind compare emits', () => {
  const post = table('post', [id, column('title', 'text')], { primaryKey: pk('post') })
  const full = schema([post, table('app.tag', [id])], [enumType('mood', ['a'])])
  for (const op of [...compare(emptySchema, full), ...compare(full, emptySchema)]) {
    assert.deepEqual(reverse(reverse(op)), op)
  }
  assert.deepEqual(reverseAll(compare(emptySchema, full)), compare(full, emptySchema))
})

test('reverse of alter_column swaps from and to', () => {
  assert.deepEqual(reverse(alter({}, { type: 'bigint' })), alter({ type: 'bigint' }, {}))
})

test('reverse of a growing alter_enum shrinks at the mirrored point', () => {
  const usage = { table: ref, column: 'm', array: false, default: "'a'::mood", checks: [], indexes: [] }
  const op: Operation = { kind: 'alter_enum', stage: 'add_values', from: enumType('mood', ['a']), to: enumType('mood', ['a', 'b']), usages: [usage] }
  assert.deepEqual(reverse(op), { kind: 'alter_enum', stage: 'remove_values', from: enumType('mood', ['a', 'b']), to: enumType('mood', ['a']), usages: [usage] })
})

test('a value change and its reverse both pass through the union of values', () => {
  const before = schema([table('p', [id, column('m', 'mood', { default: "'a'::mood" })])], [enumType('mood', ['a', 'b'])])
  const after = schema([table('p', [id, column('m', 'mood', { default: "'c'::mood" })])], [enumType('mood', ['c', 'b'])])
  const ops = compare(before, after)
  assert.deepEqual(ops.map((op) => (op.kind === 'alter_enum' ? `${op.stage} ${op.to.values}` : op.kind)), ['add_values c,a,b', 'alter_column', 'remove_values c,b'])
  assert.deepEqual(reverseAll(ops).map((op) => (op.kind === 'alter_enum' ? `${op.stage} ${op.to.values}` : op.kind)), ['add_values c,a,b', 'alter_column', 'remove_values a,b'])
})

const riskCases: { op: Operation; want: string | null }[] = [
  { op: { kind: 'drop_table', table: table('post', [id]) }, want: 'drops a table and its rows' },
  { op: { kind: 'drop_column', table: ref, column: id }, want: 'drops a column and its values' },
  { op: alter({ type: 'integer' }, { type: 'bigint' }), want: null },
  { op: alter({ type: 'bigint' }, { type: 'integer' }), want: 'changes type bigint → integer, which may not convert every value' },
  { op: alter({ type: 'character varying(20)' }, { type: 'character varying(10)' }), want: 'changes type character varying(20) → character varying(10), which may not convert every value' },
  { op: alter({ type: 'character varying(10)' }, { type: 'text' }), want: null },
  { op: alter({}, { notNull: true }), want: 'sets NOT NULL: fails if a row holds NULL' },
  { op: alter({ notNull: true }, {}), want: null },
  { op: { kind: 'add_unique', table: ref, unique: { name: 'u', columns: ['c'], nullsNotDistinct: false, include: [], deferral: 'not deferrable' } }, want: 'adds a unique constraint: fails if existing rows hold duplicates' },
  { op: { kind: 'add_check', table: ref, check: { name: 'c', definition: 'CHECK ((c > 0))' } }, want: 'adds a check: fails if an existing row violates it' },
  { op: { kind: 'alter_enum', stage: 'remove_values', from: enumType('mood', ['a', 'b']), to: enumType('mood', ['a']), usages: [] }, want: 'removes enum value b' },
  { op: { kind: 'alter_enum', stage: 'add_values', from: enumType('mood', ['a']), to: enumType('mood', ['a', 'b']), usages: [] }, want: null },
  { op: { kind: 'add_column', table: ref, column: column('c', 'text', { notNull: true }) }, want: 'adds a NOT NULL column without a default: fails if the table has rows' },
  { op: { kind: 'add_column', table: ref, column: column('c', 'text', { notNull: true, default: "''::text" }) }, want: null },
  { op: { kind: 'create_table', table: table('post', [id]) }, want: null },
]

for (const c of riskCases) {
  test(`risk of ${c.op.kind}: ${c.want ?? 'none'}`, () => {
    assert.equal(risk(c.op)?.reason ?? null, c.want)
  })
}

test('widening covers integers, numerics and text lengths', () => {
  assert.equal(isWidening('smallint', 'bigint'), true)
  assert.equal(isWidening('numeric(5,2)', 'numeric(7,3)'), true)
  assert.equal(isWidening('numeric(5,2)', 'numeric(5,3)'), false)
  assert.equal(isWidening('integer[]', 'bigint[]'), true)
  assert.equal(isWidening('real', 'double precision'), true)
  assert.equal(isWidening('text', 'character varying(5)'), false)
})
