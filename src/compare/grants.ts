import type { Operation } from '../ops/operation.js'
import type { Grant, Schema } from '../schema/schema.js'
import { keyOf } from './keys.js'

/**
 * Privileges granted on one side and not the other. `rebuilt` tables (dropped and created again) lose theirs, so
 * those are revoked and granted around the rebuild. A routine's EXECUTE for PUBLIC, which PostgreSQL grants to
 * every new routine, is left out for a routine only one side has.
 */
export function compareGrants(from: Schema, to: Schema, rebuilt: ReadonlySet<string>): Operation[] {
  const fromKeys = new Set(from.grants.map(grantKey))
  const toKeys = new Set(to.grants.map(grantKey))
  const fromRoutines = new Set(from.grants.filter((g) => g.on === 'routine').map(keyOf))
  const toRoutines = new Set(to.grants.filter((g) => g.on === 'routine').map(keyOf))
  const implied = (g: Grant, other: ReadonlySet<string>) => g.on === 'routine' && g.grantee === 'PUBLIC' && g.privilege === 'EXECUTE' && !other.has(keyOf(g))
  const onRebuilt = (g: Grant) => (g.on === 'table' || g.on === 'column') && rebuilt.has(keyOf(g))
  const revoked = from.grants.filter((g) => (!toKeys.has(grantKey(g)) && !implied(g, toRoutines)) || onRebuilt(g))
  const granted = to.grants.filter((g) => (!fromKeys.has(grantKey(g)) && !implied(g, fromRoutines)) || onRebuilt(g))
  // Revoking a table privilege revokes it on every column too. Column grants of a privilege whose table grant
  // changes, kept on both sides, are revoked and given again after, so the change and its reverse both keep them.
  const tableLevel = [...revoked, ...granted].filter((g) => g.on === 'table')
  const regiven = from.grants.filter((c) => c.on === 'column' && toKeys.has(grantKey(c)) && !revoked.includes(c) &&
    tableLevel.some((t) => t.schema === c.schema && t.name === c.name && t.grantee === c.grantee && t.privilege === c.privilege))
  return [
    ...[...revoked, ...regiven].map((grant): Operation => ({ kind: 'revoke', grant })),
    ...[...granted, ...regiven].map((grant): Operation => ({ kind: 'grant', grant })),
  ]
}

function grantKey(g: Grant): string {
  return JSON.stringify([g.on, g.schema, g.name, g.column, g.grantee, g.privilege, g.grantable])
}
