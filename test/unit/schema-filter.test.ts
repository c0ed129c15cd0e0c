import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { filterSchema, holdsItems } from '../../src/schema/filter.js'
import type { Schema, Table } from '../../src/schema/schema.js'

const table = (schema: string, name: string): Table => ({
  schema, name, columns: [], primaryKey: null, uniques: [], foreignKeys: [], checks: [], exclusions: [], indexes: [], comment: null,
  partitionBy: null, partitionOf: null, inherits: [], unlogged: false, rowLevelSecurity: 'disabled', policies: [],
})

// A kind the Schema does not have yet stands for the ones being added (views, functions, sequences, ...).
const schema = {
  schemas: ['app', 'audit', 'empty'],
  enums: [{ schema: 'audit', name: 'level', values: ['a'], comment: null }],
  tables: [table('public', 'user'), table('app', 'order'), table('audit', 'log')],
  views: [{ schema: 'audit', name: 'recent' }, { schema: 'app', name: 'open_orders' }],
  grants: [],
} as unknown as Schema

describe('filterSchema', () => {
  it('keeps only the included schemas, in every array, a kind it does not know included', () => {
    const kept = filterSchema(schema, { include: ['app', 'empty'], exclude: [] }) as Schema & { views: { name: string }[] }
    assert.deepEqual(kept.schemas, ['app', 'empty'])
    assert.deepEqual(kept.tables.map((t) => t.name), ['order'])
    assert.deepEqual(kept.enums, [])
    assert.deepEqual(kept.views.map((v) => v.name), ['open_orders'])
  })

  it('leaves the excluded schemas out, public included when named', () => {
    const kept = filterSchema(schema, { include: [], exclude: ['audit', 'public'] }) as Schema & { views: { name: string }[] }
    assert.deepEqual(kept.schemas, ['app', 'empty'])
    assert.deepEqual(kept.tables.map((t) => t.name), ['order'])
    assert.deepEqual(kept.views.map((v) => v.name), ['open_orders'])
  })

  it('returns the schema as it is without filters', () => {
    assert.equal(filterSchema(schema, { include: [], exclude: [] }), schema)
  })
})

describe('holdsItems', () => {
  it('sees an item of any kind in a schema, and none in an empty one', () => {
    assert.equal(holdsItems(schema, 'audit'), true)
    assert.equal(holdsItems({ ...schema, tables: [], enums: [] } as Schema, 'audit'), true, 'a view alone counts')
    assert.equal(holdsItems(schema, 'empty'), false)
  })
})
