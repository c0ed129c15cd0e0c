import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { date, grant, integer, policy, sql, table, text } from '../../src/index.js'
import { buildSchema } from '../../src/models/to-schema.js'
import type { AnyTable } from '../../src/models/table.js'
import type { GrantBuilder } from '../../src/models/grant.js'

const build = (tables: AnyTable[], grants: GrantBuilder[] = []) => buildSchema({ tables, enums: [], grants })

describe('model → Schema: partitions, inheritance, row-level security, policies and grants', () => {
  const event = table('event', { id: integer(), at: date() }, { partitionBy: 'range (at)' })

  it('describes a partition through its parent, and a child by what it adds', () => {
    const y2024 = table('event_2024', {}, { partitionOf: event, forValues: "FROM ('2024-01-01') TO ('2025-01-01')" })
    const rest = table('event_rest', {}, { partitionOf: event, forValues: 'default' })
    const child = table('child', { note: text() }, { inherits: [event], unlogged: true })
    const { schema, problems } = build([event, y2024, rest, child])
    assert.deepEqual(problems, [])
    const [parent, a, b, c] = schema.tables
    assert.equal(parent!.partitionBy, 'range (at)')
    assert.deepEqual(a!.partitionOf, { schema: 'public', name: 'event', bound: "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')" })
    assert.deepEqual(b!.partitionOf, { schema: 'public', name: 'event', bound: 'DEFAULT' })
    assert.deepEqual(c!.inherits, [{ schema: 'public', name: 'event' }])
    assert.equal(c!.unlogged, true)
  })

  it('names what is wrong with a partition', () => {
    const withColumns = table('p1', { id: integer() }, { partitionOf: event, forValues: 'default' })
    const noBound = table('p2', {}, { partitionOf: event })
    const notExported = table('p3', {}, { partitionOf: table('ghost', { id: integer() }, { partitionBy: 'list (id)' }), forValues: 'IN (1)' })
    assert.deepEqual(build([event, withColumns, noBound, notExported]).problems, [
      'table p1: a partition takes its columns from event: declare it with no columns',
      `table p2: a partition needs forValues, e.g. "FROM ('2024-01-01') TO ('2025-01-01')", or 'default'`,
      'table p3: partitionOf ghost is not exported by the models module: export it',
    ])
  })

  it('reads policies with their defaults, and grants one per privilege and role', () => {
    const doc = table('doc', { owner: text() }, (t) => [
      policy('mine', { using: sql`${t.owner} = current_user` }),
      policy('writes', { for: 'insert', as: 'restrictive', to: ['writer', 'admin'], withCheck: sql`${t.owner} IS NOT NULL` }),
    ], { rowLevelSecurity: 'forced' })
    const { schema, problems } = build([doc], [grant('select', 'INSERT').on(doc).to('reader', 'public'), grant('UPDATE').on(doc.columns.owner).to('writer')])
    assert.deepEqual(problems, [])
    assert.equal(schema.tables[0]!.rowLevelSecurity, 'forced')
    assert.deepEqual(schema.tables[0]!.policies, [
      { name: 'mine', command: 'all', permissive: true, roles: ['public'], using: 'owner = current_user', withCheck: null },
      { name: 'writes', command: 'insert', permissive: false, roles: ['admin', 'writer'], using: null, withCheck: 'owner IS NOT NULL' },
    ])
    assert.deepEqual(schema.grants.map((g) => [g.on, g.name, g.column, g.privilege, g.grantee]), [
      ['table', 'doc', null, 'SELECT', 'reader'], ['table', 'doc', null, 'SELECT', 'PUBLIC'],
      ['table', 'doc', null, 'INSERT', 'reader'], ['table', 'doc', null, 'INSERT', 'PUBLIC'],
      ['column', 'doc', 'owner', 'UPDATE', 'writer'],
    ])
  })

  it('names a grant without an object or roles', () => {
    assert.deepEqual(build([], [grant('SELECT').to('x'), grant('USAGE').onSchema('app')]).problems, [
      'grant SELECT: name what it is on with .on(table), .on(column), .onSequence(), .onRoutine() or .onSchema()',
      "grant USAGE: name the roles with .to('role')",
    ])
  })
})
