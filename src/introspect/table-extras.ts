// Partitioning, inheritance, persistence, row-level security, policies and grants, as the catalog rows of
// queries.ts hold them.
import type { Grant, Policy, RowLevelSecurity, Table } from '../schema/schema.js'

type Extras = Pick<Table, 'partitionBy' | 'partitionOf' | 'inherits' | 'unlogged' | 'rowLevelSecurity' | 'policies'>

export function tableExtras(row: any, policies: Policy[]): Extras {
  const parents: { schema: string; name: string }[] = row.parents
  const partition = row.partition_bound !== null && parents[0] !== undefined
  const rowLevelSecurity: RowLevelSecurity = row.row_security ? (row.force_row_security ? 'forced' : 'enabled') : 'disabled'
  return {
    partitionBy: row.partition_by,
    partitionOf: partition ? { ...parents[0]!, bound: row.partition_bound } : null,
    inherits: partition ? [] : parents,
    unlogged: row.unlogged,
    rowLevelSecurity,
    policies,
  }
}

const commands: Record<string, Policy['command']> = { '*': 'all', r: 'select', a: 'insert', w: 'update', d: 'delete' }

export function toPolicy(row: any): Policy {
  return { name: row.name, command: commands[row.command]!, permissive: row.permissive, roles: row.roles, using: row.using, withCheck: row.with_check }
}

export function toGrant(row: any): Grant {
  return { on: row.on, schema: row.schema, name: row.name, column: row.column, grantee: row.grantee, privilege: row.privilege, grantable: row.grantable }
}
