// Models → Schema, with no database. Names left out get PostgreSQL's defaults; every problem found on the way is
// collected as one line that names the table and column.
import { ident } from '../render/ident.js'
import { isSerial } from '../schema/pg-types.js'
import { emptySchema, qualifiedName } from '../schema/schema.js'
import type * as S from '../schema/schema.js'
import { ModelError } from '../errors.js'
import type { AnyColumn, EnumRef } from './column.js'
import type { IndexElement, IndexState, OrderedElement, TableConstraint } from './constraints.js'
import { entity, entityKind } from './entity.js'
import type { EnumType } from './enum.js'
import type { SchemaDeclaration } from './namespace.js'
import { buildObjects } from './objects-to-schema.js'
import type { ObjectDeclaration, RawSqlDeclaration } from './objects.js'
import { defaultSql, expressionColumns, expressionSql } from './expression.js'
import { modelTables, type ModelTables } from './model-tables.js'
import { byteLength, columnsAddition, defaultName, uniqueName } from './names.js'
import { buildTypes, withCollation } from './type-objects-schema.js'
import type { SchemaObjectModel } from './type-objects.js'
import { foreignKey, resolveTarget, tableForeignKey } from './references.js'
import type { SqlExpression } from './sql.js'
import type { AnyTable } from './table.js'
import type { GrantBuilder } from './grant.js'
import { buildGrants, buildTableExtras } from './table-extras.js'

/** What a models module declares. */
export interface Models {
  readonly tables: readonly AnyTable[]
  readonly enums: readonly EnumType[]
  /** Schemas declared with schema('name'), empty ones included. */
  readonly schemas?: readonly SchemaDeclaration[]
  /** Views, functions, triggers, ...; absent means none. */
  readonly objects?: readonly ObjectDeclaration[]
  /** SQL run before the tables, in the order exported. */
  readonly raw?: readonly RawSqlDeclaration[]
  readonly grants?: readonly GrantBuilder[]
  /** Extensions, sequences, domains, composite types and collations. */
  readonly types?: readonly SchemaObjectModel[]
}

export interface BuiltSchema {
  readonly schema: S.Schema
  /** One line per problem, e.g. `column post.title: varchar length must be ...`; empty when the models are sound. */
  readonly problems: readonly string[]
}

/** The schema the models describe; throws ModelError naming the first problem. */
export function toSchema(models: Models, file?: string): S.Schema {
  const { schema, problems } = buildSchema(models)
  if (problems.length) {
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : ''
    throw new ModelError(`${file ? `${file}: ` : ''}${problems[0]}${more}`, file)
  }
  return schema
}

/** The schema the models describe, and every problem found in them. */
export function buildSchema(models: Models): BuiltSchema {
  const problems: string[] = []
  const index = modelTables(models.tables)
  const enums = collectEnums(models, index, problems)
  const seen = new Map<string, AnyTable>()
  for (const t of models.tables) {
    const key = nameOf(t.schema, t.name)
    if (seen.has(key)) problems.push(`table ${key} is declared twice: give one of them another name or schema`)
    seen.set(key, t)
    checkName(`table ${key}`, t.name, problems)
  }
  const relationNames = new Map<string, Set<string>>()
  for (const t of models.tables) names(relationNames, t.schema).add(t.name)
  const tables = models.tables.map((t) => buildTable(t, index, names(relationNames, t.schema), problems))
  for (const s of models.schemas ?? []) checkName(`schema ${s.name}`, s.name, problems)
  const declared = (models.schemas ?? []).map((s) => s.name)
  const objects = buildObjects(models, problems)
  const types = buildTypes(models, index, problems)
  const held = [...tables, ...enums, ...objects, ...types.extensions, ...types.sequences, ...types.domains, ...types.compositeTypes, ...types.collations]
  const schemas = [...new Set([...declared, ...held.map((item) => item.schema)])].filter((s) => s !== 'public' && s !== '').sort()
  return { schema: { ...emptySchema, ...types, schemas, enums, tables, grants: buildGrants(models, problems), ...(objects.length ? { objects } : {}) }, problems }
}

function names(map: Map<string, Set<string>>, schema: string): Set<string> {
  let set = map.get(schema)
  if (!set) map.set(schema, (set = new Set()))
  return set
}

function checkName(what: string, name: string, problems: string[]): void {
  if (name === '') problems.push(`${what} has an empty name: give it one`)
  // a UTF-16 unit is at most 3 bytes of UTF-8: a name of up to 21 fits
  else if (name.length > 21 && byteLength(name) > 63) problems.push(`${what}: the name is ${byteLength(name)} bytes but PostgreSQL keeps 63: shorten it`)
}

function collectEnums(models: Models, tables: ModelTables, problems: string[]): S.EnumType[] {
  const found = new Map<string, EnumRef>()
  const add = (e: EnumRef) => {
    const key = nameOf(e.schema, e.name)
    const before = found.get(key)
    if (before && before.values.join('\0') !== e.values.join('\0')) problems.push(`enum ${key} is declared twice with different values: declare it once`)
    if (!before) found.set(key, e)
  }
  models.enums.forEach(add)
  for (const t of models.tables) for (const c of tables.columns(t)) if (c.state.enum) add(c.state.enum)
  return [...found.values()].map((e) => {
    const key = nameOf(e.schema, e.name)
    checkName(`enum ${key}`, e.name, problems)
    if (e.values.length === 0) problems.push(`enum ${key} has no values: list at least one`)
    const duplicate = e.values.find((v, i) => e.values.indexOf(v) !== i)
    if (duplicate !== undefined) problems.push(`enum ${key} lists '${duplicate}' twice: list each value once`)
    const long = e.values.find((v) => byteLength(v) > 63)
    if (long !== undefined) problems.push(`enum ${key}: value '${long}' is longer than PostgreSQL's 63 bytes: shorten it`)
    return { schema: e.schema, name: e.name, values: [...e.values], comment: e.comment }
  })
}

function buildTable(t: AnyTable, tables: ModelTables, relationNames: Set<string>, problems: string[]): S.Table {
  const label = nameOf(t.schema, t.name)
  const columns = tables.columns(t)
  const columnNames = new Set<string>()
  const built: S.Column[] = []
  for (const c of columns) {
    const name = c.state.name ?? ''
    const where = `column ${label}.${name}`
    checkName(where, name, problems)
    if (columnNames.has(name)) problems.push(`${where} is declared twice: give one of them another name`)
    columnNames.add(name)
    built.push(withCollation(buildColumn(c, where, problems), c))
  }

  const own = (c: AnyColumn, what: string): string | null => {
    if (entityKind(c) !== 'column') {
      problems.push(`table ${label}: ${what} lists something that is not a column: pass columns of this table, e.g. t.id`)
      return null
    }
    if (c.table !== t) {
      problems.push(`table ${label}: ${what} lists column ${c.state.name ?? '?'} of ${c.table ? `table ${nameOf(c.table.schema, c.table.name)}` : 'no table'}: use this table's columns`)
      return null
    }
    return c.state.name ?? null
  }
  const ownAll = (cols: readonly AnyColumn[], what: string): string[] | null => {
    if (cols.length === 0) {
      problems.push(`table ${label}: ${what} lists no columns: add them with .on(...)`)
      return null
    }
    const result = cols.map((c) => own(c, what))
    return result.every((n): n is string => n !== null) ? result : null
  }
  const ownAll0 = (cols: readonly AnyColumn[], what: string): string[] => (cols.length ? ownAll(cols, what) ?? [] : [])

  // one list per kind, each made here, so every list read below has the same shape
  const declared: { [K in TableConstraint[typeof entity]]: Extract<TableConstraint, { readonly [entity]: K }>[] } = {
    index: [], unique: [], primary_key: [], foreign_key: [], check: [], exclusion: [], policy: [],
  }
  for (const x of t.constraints) {
    const kind = entityKind(x)
    if (!kind) {
      problems.push(`table ${label}: its constraints list holds something that is not an index or constraint: return index(), unique(), primaryKey(), foreignKey(), check(), exclude() or policy() items`)
      continue
    }
    if (Object.hasOwn(declared, kind)) (declared[kind as keyof typeof declared] as TableConstraint[]).push(x)
  }
  const of = <K extends TableConstraint[typeof entity]>(kind: K): (typeof declared)[K] => declared[kind]

  // Names given in the models are reserved first, so the defaults PostgreSQL would choose step around them.
  const constraintNames = new Set<string>()
  const reserve = (name: string | undefined, taken: Set<string>, space: string) => {
    if (name === undefined) return
    if (taken.has(name)) problems.push(`table ${label}: the name ${name} is already taken ${space}: choose another`)
    taken.add(name)
  }
  const relationSpace = `by a table, index or constraint in schema ${t.schema}`
  for (const x of of('primary_key')) reserve(x.state.name, relationNames, relationSpace)
  for (const c of columns) reserve(c.state.unique?.name, relationNames, relationSpace)
  for (const x of of('unique')) reserve(x.state.name, relationNames, relationSpace)
  for (const x of of('index')) reserve(x.state.name, relationNames, relationSpace)
  for (const x of of('exclusion')) reserve(x.name, relationNames, relationSpace)
  const constraintSpace = 'by another constraint of the table'
  for (const c of columns) reserve(c.state.references?.options.name, constraintNames, constraintSpace)
  for (const x of of('foreign_key')) reserve(x.state.name, constraintNames, constraintSpace)
  for (const x of of('check')) reserve(x.name, constraintNames, constraintSpace)

  // Primary key: from the columns, or one table-level declaration.
  let primaryKey: S.PrimaryKey | null = null
  const pkColumns = columns.filter((c) => c.state.primaryKey).map((c) => c.state.name ?? '')
  const pkDeclared = of('primary_key')
  if (pkDeclared.length + (pkColumns.length ? 1 : 0) > 1) {
    problems.push(`table ${label} declares more than one primary key: use .primaryKey() on each column of one key, or a single primaryKey().on(...)`)
  }
  if (pkDeclared[0]) {
    const cols = ownAll(pkDeclared[0].state.columns, 'primary key')
    const include = ownAll0(pkDeclared[0].state.include, 'primary key include')
    if (cols) primaryKey = { name: pkDeclared[0].state.name ?? uniqueName(defaultName(t.name, null, 'pkey'), relationNames), columns: cols, include, deferral: pkDeclared[0].state.deferral }
    for (const c of cols ?? []) {
      const i = built.findIndex((b) => b.name === c)
      if (i >= 0) built[i] = { ...built[i]!, notNull: true }
    }
  } else if (pkColumns.length) {
    primaryKey = { name: uniqueName(defaultName(t.name, null, 'pkey'), relationNames), columns: pkColumns, include: [], deferral: 'not deferrable' }
  }

  const uniques: S.Unique[] = []
  for (const c of columns) {
    if (!c.state.unique) continue
    const name = c.state.unique.name ?? uniqueName(defaultName(t.name, c.state.name ?? '', 'key'), relationNames)
    uniques.push({ name, columns: [c.state.name ?? ''], include: [], nullsNotDistinct: !!c.state.unique.nullsNotDistinct, deferral: 'not deferrable' })
  }
  for (const u of of('unique')) {
    const cols = ownAll(u.state.columns, 'unique constraint')
    if (!cols) continue
    const name = u.state.name ?? uniqueName(defaultName(t.name, columnsAddition(cols), 'key'), relationNames)
    uniques.push({ name, columns: cols, include: ownAll0(u.state.include, 'unique include'), nullsNotDistinct: u.state.nullsNotDistinct, deferral: u.state.deferral })
  }

  const foreignKeys: S.ForeignKey[] = []
  for (const c of columns) {
    const ref = c.state.references
    if (!ref) continue
    const where = `foreign key ${label}.${c.state.name ?? ''}`
    const target = resolveTarget(ref.target, tables, where, problems)
    if (!target) continue
    const name = ref.options.name ?? uniqueName(defaultName(t.name, c.state.name ?? '', 'fkey'), constraintNames)
    foreignKeys.push(foreignKey(name, [c.state.name ?? ''], target.table, [target.column], ref.options))
  }
  for (const fk of of('foreign_key')) foreignKeys.push(...tableForeignKey(fk.state, t, label, tables, constraintNames, ownAll, problems))

  const checks: S.Check[] = []
  for (const c of of('check')) {
    if (entityKind(c.expression) !== 'sql') {
      problems.push(`table ${label}: check ${c.name ?? ''} needs an sql\`...\` expression`)
      continue
    }
    const referenced = [...new Set(expressionColumns(c.expression))]
    const name = c.name ?? uniqueName(defaultName(t.name, referenced.length === 1 ? referenced[0]! : null, 'check'), constraintNames)
    checks.push({ name, definition: `CHECK (${expressionSql(c.expression)})${c.notValid ? ' NOT VALID' : ''}` })
  }

  const exclusions: S.Exclusion[] = []
  for (const x of of('exclusion')) {
    if (entityKind(x.expression) !== 'sql') {
      problems.push(`table ${label}: exclusion constraint ${x.name ?? ''} needs an sql\`...\` expression`)
      continue
    }
    const referenced = [...new Set(expressionColumns(x.expression))]
    const name = x.name ?? uniqueName(defaultName(t.name, columnsAddition(referenced), 'excl'), relationNames)
    exclusions.push({ name, definition: `EXCLUDE ${expressionSql(x.expression)}` })
  }

  const indexes: S.Index[] = []
  for (const ix of of('index')) {
    const index = buildIndex(ix.state, t, label, own, relationNames, problems, ownAll0)
    if (index) indexes.push(index)
  }

  for (const c of [primaryKey, ...uniques, ...foreignKeys, ...checks, ...exclusions]) if (c) checkName(`table ${label}: constraint ${c.name}`, c.name, problems)
  return {
    schema: t.schema, name: t.name, columns: built, primaryKey, uniques, foreignKeys, checks, exclusions, indexes, comment: t.comment,
    ...buildTableExtras(t, tables, label, of('policy'), problems),
  }
}

function buildColumn(c: AnyColumn, where: string, problems: string[]): S.Column {
  const s = c.state
  if (s.problem) problems.push(`${where}: ${s.problem}`)
  const serial = isSerial(s.type)
  const hasDefault = s.default !== undefined && s.default !== null
  if (serial && (hasDefault || s.identity || s.array)) problems.push(`${where}: a ${s.type} column numbers itself: drop its default, identity or array`)
  if (s.identity && hasDefault) problems.push(`${where}: an identity column cannot also have a default: keep one`)
  if (s.generated && (hasDefault || s.identity)) problems.push(`${where}: a generated column cannot also have a default or identity: keep one`)
  if (s.generated && entityKind(s.generated) !== 'sql') problems.push(`${where}: generatedAlwaysAs needs an sql\`...\` expression`)
  if (hasDefault && typeof s.default === 'object' && entityKind(s.default) !== undefined && entityKind(s.default) !== 'sql') {
    problems.push(`${where}: its default is a model object: use a literal or sql\`...\``)
  }
  return {
    name: s.name ?? '',
    type: s.array ? `${s.type}[]` : s.type,
    notNull: s.notNull || s.primaryKey || s.identity !== null || serial,
    default: hasDefault && !serial ? defaultSql(s.default, s.type, s.array) : null,
    identity: s.identity,
    generated: s.generated && entityKind(s.generated) === 'sql' ? expressionSql(s.generated) : null,
    comment: s.comment,
  }
}

function buildIndex(
  ix: IndexState,
  t: AnyTable,
  label: string,
  own: (c: AnyColumn, what: string) => string | null,
  relationNames: Set<string>,
  problems: string[],
  ownAll0: (cols: readonly AnyColumn[], what: string) => string[],
): S.Index | null {
  if (ix.elements.length === 0) {
    problems.push(`table ${label}: index${ix.name ? ` ${ix.name}` : ''} lists no columns: add them with .on(...)`)
    return null
  }
  const parts: string[] = []
  const nameParts: string[] = []
  for (const element of ix.elements) {
    const ordered = isOrdered(element) ? element : null
    const inner = ordered ? ordered.element : (element as AnyColumn | SqlExpression)
    let text: string
    if (entityKind(inner) === 'sql') {
      const sqlText = expressionSql(inner as SqlExpression)
      text = `(${sqlText})`
      nameParts.push(/^\s*([a-z_][a-z0-9_]*)\s*\(/i.exec(sqlText)?.[1]?.toLowerCase() ?? 'expr')
    } else {
      const name = own(inner as AnyColumn, 'index')
      if (name === null) return null
      text = quoteName(name)
      nameParts.push(name)
    }
    parts.push(ordered?.order === 'desc' ? `${text} DESC` : text)
  }
  const name = ix.name ?? uniqueName(defaultName(t.name, columnsAddition(nameParts), 'idx'), relationNames)
  checkName(`index ${name}`, name, problems)
  const where = ix.where && entityKind(ix.where) === 'sql' ? ` WHERE (${expressionSql(ix.where)})` : ''
  const include = ownAll0(ix.include, 'index include')
  const extra = `${include.length ? ` INCLUDE (${include.map(quoteName).join(', ')})` : ''}${ix.nullsNotDistinct ? ' NULLS NOT DISTINCT' : ''}`
  const definition = `CREATE ${ix.unique ? 'UNIQUE ' : ''}INDEX ${quoteName(name)} ON ${quoteName(t.schema)}.${quoteName(t.name)} USING ${ix.method} (${parts.join(', ')})${extra}${where}`
  return { name, unique: ix.unique, method: ix.method, definition }
}

function isOrdered(element: IndexElement): element is OrderedElement {
  return entityKind(element) === undefined && typeof element === 'object' && element !== null && 'element' in element
}

function quoteName(name: string): string {
  return ident(name)
}

/** How messages name a table or enum: schema-qualified outside public, unquoted. */
function nameOf(schema: string, name: string): string {
  return qualifiedName({ schema, name })
}
