// Words for partitions, inheritance, persistence, row-level security, policies and grants: the drift sentences,
// a migration file's comments and the risks.
import { qualifiedName, type Grant, type Policy, type TableName } from '../schema/schema.js'
import type { Operation } from './operation.js'
import type { Risk } from './risk.js'

const tableOptionKinds = ['set_unlogged', 'set_row_level_security', 'alter_partition', 'set_inherits', 'create_policy', 'drop_policy', 'grant', 'revoke'] as const
type TableOptionOp = Extract<Operation, { kind: (typeof tableOptionKinds)[number] }>

/** The operations on a table's options, policies and grants, which this file puts into words. */
export function isTableOption(op: Operation): op is TableOptionOp {
  return (tableOptionKinds as readonly string[]).includes(op.kind)
}

const missing = 'is in the models but no migration creates it'
const extra = 'is created by the migrations but is not in the models'

export function policyWords(p: Policy): string {
  const roles = p.roles.join(', ')
  return `${p.permissive ? '' : 'restrictive '}policy ${p.name} (for ${p.command} to ${roles}${p.using === null ? '' : ` using ${p.using}`}${p.withCheck === null ? '' : ` with check ${p.withCheck}`})`
}

export function grantWords(g: Grant): string {
  const on = g.on === 'column' ? `column ${qualifiedName(g)}.${g.column}` : g.on === 'schema' ? `schema ${g.schema}` : `${g.on} ${qualifiedName(g)}`
  return `grant of ${g.privilege} on ${on} to ${g.grantee}${g.grantable ? ' with grant option' : ''}`
}

const parents = (list: readonly TableName[]) => (list.length ? list.map(qualifiedName).join(', ') : 'none')
const sides = (what: string, migrations: string, models: string) => `${what} ${migrations} in the migrations, ${models} in the models`

/** The drift sentence, as explainDrift says it. */
export function explainTableOption(op: TableOptionOp): string {
  const t = 'table' in op ? `table ${qualifiedName(op.table)}: ` : ''
  switch (op.kind) {
    case 'set_unlogged':
      return `${t}${sides('persistence', op.from ? 'unlogged' : 'logged', op.to ? 'unlogged' : 'logged')}`
    case 'set_row_level_security':
      return `${t}${sides('row-level security', op.from, op.to)}`
    case 'alter_partition':
      return `${t}${sides(`partition of ${qualifiedName(op.parent)}`, op.from, op.to)}`
    case 'set_inherits':
      return `${t}${sides('inherits', parents(op.from), parents(op.to))}`
    case 'create_policy':
      return `${t}${policyWords(op.policy)} ${missing}`
    case 'drop_policy':
      return `${t}${policyWords(op.policy)} ${extra}`
    case 'grant':
      return `${grantWords(op.grant)} ${missing}`
    case 'revoke':
      return `${grantWords(op.grant)} ${extra}`
  }
}

/** A migration file's comment. */
export function describeTableOption(op: TableOptionOp): string {
  const t = 'table' in op ? qualifiedName(op.table) : ''
  switch (op.kind) {
    case 'set_unlogged':
      return `make table ${t} ${op.to ? 'unlogged' : 'logged'}`
    case 'set_row_level_security':
      return `row-level security of ${t}: ${op.from} → ${op.to}`
    case 'alter_partition':
      return `partition ${t} of ${qualifiedName(op.parent)}: ${op.from} → ${op.to}`
    case 'set_inherits':
      return `table ${t} inherits: ${parents(op.from)} → ${parents(op.to)}`
    case 'create_policy':
      return `create policy ${op.policy.name} on ${t}`
    case 'drop_policy':
      return `drop policy ${op.policy.name} of ${t}`
    case 'grant':
      return grantWords(op.grant)
    case 'revoke':
      return `revoke ${grantWords(op.grant).replace(/^grant of /, '')}`
  }
}

export function tableOptionRisk(op: TableOptionOp): Risk | null {
  switch (op.kind) {
    case 'alter_partition':
      return { reason: 'attaches a partition with a new bound: fails if a row falls outside it' }
    case 'set_row_level_security':
      return op.to !== 'disabled' && op.from === 'disabled' ? { reason: 'enables row-level security: rows no policy allows become invisible' } : null
    case 'set_unlogged':
      return op.to ? { reason: 'makes a table unlogged: its rows are lost after a crash' } : null
    case 'revoke':
      return { reason: `revokes ${op.grant.privilege} from ${op.grant.grantee}` }
    case 'set_inherits':
    case 'create_policy':
    case 'drop_policy':
    case 'grant':
      return null
  }
}
