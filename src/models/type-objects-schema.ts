// The schema objects the models declare (extension(), sequence(), domain(), compositeType(), collation()) as Schema
// parts, with the domains and composite types that columns use but the module does not export.
import { qualifiedName, type Column as SchemaColumn } from '../schema/schema.js'
import type * as T from '../schema/types.js'
import type { AnyColumn } from './column.js'
import { entity, entityKind } from './entity.js'
import { defaultSql, expressionSql } from './expression.js'
import { collationClause, type CollationModel, type CompositeModel, type DomainModel, type ExtensionModel, type SchemaObjectModel, type SequenceModel } from './type-objects.js'
import type { ModelTables } from './model-tables.js'
import { resolveTarget } from './references.js'
import type { SqlExpression } from './sql.js'
import type { Models } from './to-schema.js'

export interface ObjectsSchema {
  readonly extensions: T.Extension[]
  readonly sequences: T.Sequence[]
  readonly domains: T.Domain[]
  readonly compositeTypes: T.CompositeType[]
  readonly collations: T.Collation[]
}

/**
 * An extension without a version gets the server's default: check builds the models on the server and reads the
 * version back. A placeholder stands for it until then.
 */
export const defaultVersion = ''

export function buildTypes(models: Models, tables: ModelTables, problems: string[]): ObjectsSchema {
  const exported = models.types ?? []
  // Types that columns use come after the exported declarations, which win over them by name.
  const used: SchemaObjectModel[] = []
  for (const t of models.tables) for (const c of tables.columns(t)) if (c.state.object) used.push(c.state.object)
  for (const o of [...exported, ...used]) if (entityKind(o) === 'composite') for (const a of Object.values((o as CompositeModel).attributes)) if (a.state.object) used.push(a.state.object)
  const of = <M extends SchemaObjectModel>(kind: M[typeof entity]): M[] =>
    unique(exported.filter((o) => entityKind(o) === kind) as M[], used.filter((o) => entityKind(o) === kind) as M[], problems, kind)
  const collationsUsed: CollationModel[] = []
  const useCollation = (c: string | CollationModel | undefined) => {
    if (typeof c === 'object' && c !== null) collationsUsed.push(c)
  }
  for (const t of models.tables) for (const c of tables.columns(t)) useCollation(c.state.collation)
  for (const d of of<DomainModel>('domain')) useCollation(d.options.collate)
  return {
    extensions: of<ExtensionModel>('extension').map((e) => ({ name: e.name, schema: e.schema, version: e.version ?? defaultVersion })),
    sequences: of<SequenceModel>('sequence').map((s) => buildSequence(s, tables, problems)),
    domains: of<DomainModel>('domain').map(buildDomain),
    compositeTypes: of<CompositeModel>('composite').map((c) => ({
      schema: c.schema,
      name: c.name,
      attributes: Object.entries(c.attributes).map(([name, a]) => ({ name: a.state.name ?? name, type: columnType(a), collation: collationOf(a) ?? null })),
    })),
    collations: unique(of<CollationModel>('collation'), collationsUsed, problems, 'collation').map(buildCollation),
  }
}

/** The column's COLLATE clause, if it names one. */
export function collationOf(c: AnyColumn): string | undefined {
  return c.state.collation === undefined ? undefined : collationClause(c.state.collation)
}

/** Adds a column's collation to its schema column. */
export function withCollation(built: SchemaColumn, c: AnyColumn): SchemaColumn {
  const collation = collationOf(c)
  return collation === undefined ? built : { ...built, collation }
}

function columnType(c: AnyColumn): string {
  return c.state.array ? `${c.state.type}[]` : c.state.type
}

/** One of each object by name: two exported declarations of one name must be the same; a used one yields to them. */
function unique<M extends SchemaObjectModel>(exported: M[], used: M[], problems: string[], kind: string): M[] {
  const byName = new Map<string, M>()
  const keyOf = (item: M) => (kind === 'extension' ? item.name : qualifiedName(item))
  for (const item of exported) {
    const before = byName.get(keyOf(item))
    if (before && before !== item) problems.push(`${kind} ${keyOf(item)} is exported twice: declare it once and use that declaration`)
    if (!before) byName.set(keyOf(item), item)
  }
  for (const item of used) if (!byName.has(keyOf(item))) byName.set(keyOf(item), item)
  return [...byName.values()]
}

function buildSequence(s: SequenceModel, tables: ModelTables, problems: string[]): T.Sequence {
  const o = s.options
  const type = o.as ?? 'bigint'
  const increment = String(o.increment ?? 1)
  const up = !increment.startsWith('-')
  const limits: Record<string, [string, string]> = { smallint: ['-32768', '32767'], integer: ['-2147483648', '2147483647'], bigint: ['-9223372036854775808', '9223372036854775807'] }
  const [low, high] = limits[type]!
  const min = o.min !== undefined ? String(o.min) : up ? '1' : low
  const max = o.max !== undefined ? String(o.max) : up ? high : '-1'
  let ownedBy: T.SequenceOwner | null = null
  if (o.ownedBy !== undefined) {
    const target = resolveTarget(o.ownedBy, tables, `sequence ${qualifiedName(s)}: ownedBy`, problems)
    if (target && target.table.schema !== s.schema) {
      problems.push(`sequence ${qualifiedName(s)}: ownedBy names a column of ${qualifiedName(target.table)}, but PostgreSQL keeps a sequence in its owner's schema: give the sequence schema '${target.table.schema}'`)
    } else if (target) ownedBy = { schema: target.table.schema, table: target.table.name, column: target.column }
  }
  return {
    schema: s.schema, name: s.name, type, increment, min, max,
    start: o.start !== undefined ? String(o.start) : up ? min : max,
    cache: String(o.cache ?? 1), cycle: o.cycle ?? false, ownedBy,
  }
}

function buildDomain(d: DomainModel): T.Domain {
  const o = d.options
  const list: [string | null, SqlExpression][] = Array.isArray(o.checks) ? o.checks.map((c) => [null, c]) : Object.entries(o.checks ?? {})
  let unnamed = 0
  const checks = list.map(([name, expression]) => ({
    name: name ?? `${d.name}_check${unnamed++ === 0 ? '' : unnamed - 1}`,
    definition: `CHECK (${expressionSql(expression)})`,
  }))
  return {
    schema: d.schema, name: d.name, type: d.type,
    default: defaultSql(o.default, d.type, d.type.endsWith('[]')),
    notNull: o.notNull ?? false, checks,
    collation: o.collate === undefined ? null : collationClause(o.collate),
  }
}

function buildCollation(c: CollationModel): T.Collation {
  const o = c.options
  const provider = o.provider ?? 'libc'
  return {
    schema: c.schema, name: c.name, provider,
    locale: provider === 'libc' ? null : (o.locale ?? null),
    lcCollate: provider === 'libc' ? (o.lcCollate ?? o.locale ?? null) : null,
    lcCtype: provider === 'libc' ? (o.lcCtype ?? o.locale ?? null) : null,
    deterministic: o.deterministic ?? true,
  }
}
