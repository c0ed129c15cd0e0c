// Partitions, inheritance, persistence, row-level security, policies and grants as SQL.
import type { Operation } from '../ops/operation.js'
import type { Grant, Policy, RowLevelSecurity, Table, TableName } from '../schema/schema.js'
import { ident, qualified } from './ident.js'

type Of<K extends Operation['kind']> = Extract<Operation, { kind: K }>

/** `CREATE [UNLOGGED] TABLE name [PARTITION OF parent] (lines) [INHERITS (...)] [FOR VALUES ...] [PARTITION BY ...]`. */
export function createTableHead(t: Table, lines: readonly string[]): string {
  const name = qualified(t.schema, t.name)
  let body = ''
  for (const line of lines) body += `${body ? ',\n' : ' (\n'}  ${line}`
  if (body) body += '\n)'
  const by = t.partitionBy ? ` PARTITION BY ${t.partitionBy}` : ''
  if (t.partitionOf) return `CREATE ${t.unlogged ? 'UNLOGGED ' : ''}TABLE ${name} PARTITION OF ${parentName(t.partitionOf)}${body} ${t.partitionOf.bound}${by}`
  const inherits = t.inherits.length ? ` INHERITS (${t.inherits.map(parentName).join(', ')})` : ''
  return `CREATE ${t.unlogged ? 'UNLOGGED ' : ''}TABLE ${name}${body || ' ()'}${inherits}${by}`
}

/** What follows a new table's CREATE TABLE: its row-level security and policies. */
export function tableExtrasSql(t: Table): string[] {
  const ref = { schema: t.schema, name: t.name }
  return [...rowLevelSecurity(ref, 'disabled', t.rowLevelSecurity), ...t.policies.map((policy) => createPolicy(ref, policy))]
}

export const tableOptionRenderers: { readonly [K in 'set_unlogged' | 'set_row_level_security' | 'alter_partition' | 'set_inherits' | 'create_policy' | 'drop_policy' | 'grant' | 'revoke']: (op: Of<K>) => string[] } = {
  set_unlogged: (op) => [`ALTER TABLE ${tableName(op.table)} SET ${op.to ? 'UNLOGGED' : 'LOGGED'}`],
  set_row_level_security: (op) => rowLevelSecurity(op.table, op.from, op.to),
  alter_partition: (op) => [
    `ALTER TABLE ${parentName(op.parent)} DETACH PARTITION ${tableName(op.table)}`,
    `ALTER TABLE ${parentName(op.parent)} ATTACH PARTITION ${tableName(op.table)} ${op.to}`,
  ],
  set_inherits: (op) => {
    const keep = (list: readonly TableName[], p: TableName) => list.some((x) => x.schema === p.schema && x.name === p.name)
    return [
      ...op.from.filter((p) => !keep(op.to, p)).map((p) => `ALTER TABLE ${tableName(op.table)} NO INHERIT ${parentName(p)}`),
      ...op.to.filter((p) => !keep(op.from, p)).map((p) => `ALTER TABLE ${tableName(op.table)} INHERIT ${parentName(p)}`),
    ]
  },
  create_policy: (op) => [createPolicy(op.table, op.policy)],
  drop_policy: (op) => [`DROP POLICY ${ident(op.policy.name)} ON ${tableName(op.table)}`],
  grant: (op) => [`GRANT ${privilegeOn(op.grant)} TO ${grantee(op.grant.grantee)}${op.grant.grantable ? ' WITH GRANT OPTION' : ''}`],
  revoke: (op) => [`REVOKE ${privilegeOn(op.grant)} FROM ${grantee(op.grant.grantee)}`],
}

function rowLevelSecurity(table: TableName, from: RowLevelSecurity, to: RowLevelSecurity): string[] {
  const out: string[] = []
  const enabled = (r: RowLevelSecurity) => r !== 'disabled'
  if (enabled(from) !== enabled(to)) out.push(`ALTER TABLE ${tableName(table)} ${enabled(to) ? 'ENABLE' : 'DISABLE'} ROW LEVEL SECURITY`)
  if ((from === 'forced') !== (to === 'forced')) out.push(`ALTER TABLE ${tableName(table)} ${to === 'forced' ? 'FORCE' : 'NO FORCE'} ROW LEVEL SECURITY`)
  return out
}

function createPolicy(table: TableName, p: Policy): string {
  return (
    `CREATE POLICY ${ident(p.name)} ON ${tableName(table)}${p.permissive ? '' : ' AS RESTRICTIVE'}` +
    `${p.command === 'all' ? '' : ` FOR ${p.command.toUpperCase()}`}` +
    `${p.roles.length === 1 && p.roles[0] === 'public' ? '' : ` TO ${p.roles.map((r) => (r === 'public' ? 'PUBLIC' : ident(r))).join(', ')}`}` +
    `${p.using === null ? '' : ` USING (${p.using})`}${p.withCheck === null ? '' : ` WITH CHECK (${p.withCheck})`}`
  )
}

function privilegeOn(g: Grant): string {
  switch (g.on) {
    case 'table':
      return `${g.privilege} ON ${qualified(g.schema, g.name)}`
    case 'column':
      return `${g.privilege} (${ident(g.column ?? '')}) ON ${qualified(g.schema, g.name)}`
    case 'sequence':
      return `${g.privilege} ON SEQUENCE ${qualified(g.schema, g.name)}`
    case 'routine':
      // the name carries its argument types already quoted: add(integer, integer)
      return `${g.privilege} ON ROUTINE ${g.schema === 'public' ? '' : `${ident(g.schema)}.`}${g.name}`
    case 'schema':
      return `${g.privilege} ON SCHEMA ${ident(g.schema)}`
  }
}

function grantee(role: string): string {
  return role === 'PUBLIC' ? 'PUBLIC' : ident(role)
}

function tableName(t: TableName): string {
  return qualified(t.schema, t.name)
}

function parentName(t: TableName): string {
  return qualified(t.schema, t.name)
}
