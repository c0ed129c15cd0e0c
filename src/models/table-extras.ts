// A model table's partitioning, inheritance, persistence, row-level security and policies, and the grants a
// models module exports, as Schema parts.
import type * as S from '../schema/schema.js'
import { qualifiedName } from '../schema/schema.js'
import { entityKind } from './entity.js'
import { expressionSql } from './expression.js'
import type { ModelTables } from './model-tables.js'
import type { PolicyDeclaration } from './policy.js'
import type { AnyTable } from './table.js'
import type { Models } from './to-schema.js'

type Extras = Pick<S.Table, 'partitionBy' | 'partitionOf' | 'inherits' | 'unlogged' | 'rowLevelSecurity' | 'policies'>

export function buildTableExtras(t: AnyTable, tables: ModelTables, label: string, policies: readonly PolicyDeclaration[], problems: string[]): Extras {
  const o = t.options ?? {}
  const exported = (parent: AnyTable, what: string): S.TableName | null => {
    if (entityKind(parent) !== 'table') {
      problems.push(`table ${label}: ${what} is not a table: pass an exported table`)
      return null
    }
    if (!tables.has(parent)) problems.push(`table ${label}: ${what} ${qualifiedName(parent)} is not exported by the models module: export it`)
    return { schema: parent.schema, name: parent.name }
  }
  let partitionOf: S.PartitionOf | null = null
  if (o.partitionOf) {
    const parent = exported(o.partitionOf, 'partitionOf')
    if (tables.columns(t).length) problems.push(`table ${label}: a partition takes its columns from ${parent ? qualifiedName(parent) : 'its parent'}: declare it with no columns`)
    if (!o.forValues) problems.push(`table ${label}: a partition needs forValues, e.g. "FROM ('2024-01-01') TO ('2025-01-01')", or 'default'`)
    if (parent) partitionOf = { ...parent, bound: o.forValues?.trim().toLowerCase() === 'default' ? 'DEFAULT' : `FOR VALUES ${o.forValues ?? ''}` }
  } else if (o.forValues) problems.push(`table ${label}: forValues needs partitionOf, the partitioned table`)
  if (o.partitionOf && o.inherits?.length) problems.push(`table ${label}: a partition cannot also inherit: drop inherits`)
  const built: S.Policy[] = []
  for (const p of policies) {
    const expr = (e: unknown, what: string): string | null => {
      if (e === undefined) return null
      if (entityKind(e) !== 'sql') problems.push(`table ${label}: policy ${p.name}: ${what} needs an sql\`...\` expression`)
      return entityKind(e) === 'sql' ? expressionSql(e as never) : null
    }
    built.push({
      name: p.name,
      command: p.options.for ?? 'all',
      permissive: p.options.as !== 'restrictive',
      roles: [...(p.options.to?.length ? p.options.to : ['public'])].map((r) => (r.toUpperCase() === 'PUBLIC' ? 'public' : r)).sort(),
      using: expr(p.options.using, 'using'),
      withCheck: expr(p.options.withCheck, 'withCheck'),
    })
  }
  return {
    partitionBy: o.partitionBy ?? null,
    partitionOf,
    inherits: (o.inherits ?? []).map((p) => exported(p, 'inherits')).filter((p): p is S.TableName => p !== null),
    unlogged: o.unlogged ?? false,
    rowLevelSecurity: o.rowLevelSecurity ?? 'disabled',
    policies: built,
  }
}

/** One Schema grant per privilege and role; each needs an object and at least one role. */
export function buildGrants(models: Models, problems: string[]): S.Grant[] {
  return (models.grants ?? []).flatMap((g): S.Grant[] => {
    const { object, privileges, roles, grantable } = g.state
    const what = `grant ${privileges.join(', ')}`
    if (!object) return problems.push(`${what}: name what it is on with .on(table), .on(column), .onSequence(), .onRoutine() or .onSchema()`), []
    if (!roles.length) return problems.push(`${what}: name the roles with .to('role')`), []
    if (!privileges.length) return problems.push(`grant: name at least one privilege, e.g. grant('SELECT')`), []
    const target = (): Pick<S.Grant, 'on' | 'schema' | 'name' | 'column'> => {
      switch (object.on) {
        case 'table':
          return { on: 'table', schema: object.table.schema, name: object.table.name, column: null }
        case 'column':
          return { on: 'column', schema: object.column.table?.schema ?? 'public', name: object.column.table?.name ?? '', column: object.column.state.name ?? '' }
        case 'schema':
          return { on: 'schema', schema: object.schema, name: object.schema, column: null }
        default:
          return { on: object.on, schema: object.schema, name: object.name, column: null }
      }
    }
    return privileges.flatMap((privilege) => roles.map((grantee) => ({ ...target(), grantee: grantee.toUpperCase() === 'PUBLIC' ? 'PUBLIC' : grantee, privilege: privilege.toUpperCase(), grantable })))
  })
}
