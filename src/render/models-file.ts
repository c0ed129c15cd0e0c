// Schema → the source of a models file in db-migrate's model language, the inverse of what check builds from one.
// One function per kind of object; what the language cannot declare is left out and named, never dropped unsaid.
import { columnsAddition, defaultName } from '../models/names.js'
import { qualified } from './ident.js'
import { indexParts, unwrap } from './index-parts.js'
import { identifierFor, isIdentifierName, propertyAccess, propertyKey, sqlLiteral, stringLiteral, variableName } from './model-names.js'
import type { Check, Column, Deferral, EnumType, Exclusion, ForeignKey, Index, PrimaryKey, Schema, Table, Unique } from '../schema/schema.js'
import { qualifiedName } from '../schema/schema.js'

export interface ModelsFileOptions {
  /** Where the library is imported from; default `db-migrate-action`. */
  readonly importFrom?: string
  /** TypeScript (type annotations where a reference needs one) or plain JavaScript. Default true. */
  readonly typescript?: boolean
  /** What the models were read from, for the header comment (never a URL with a password). */
  readonly source?: string
}

export interface ModelsFile {
  readonly text: string
  readonly tables: number
  readonly enums: number
  /** What the model language cannot declare and the file therefore leaves out (or weakens), one line each. */
  readonly omitted: readonly string[]
}

/** The functions the file may import; no table or enum variable may take one of these names. */
const library = ['table', 'enumType', 'sql', 'primaryKey', 'unique', 'foreignKey', 'check', 'exclude', 'index', 'uniqueIndex', 'desc',
  'smallint', 'integer', 'bigint', 'smallserial', 'serial', 'bigserial', 'text', 'varchar', 'char', 'boolean', 'numeric', 'real',
  'doublePrecision', 'date', 'time', 'timestamp', 'timestamptz', 'interval', 'uuid', 'json', 'jsonb', 'bytea', 'customType', 'AnyColumn', 't']

interface Context {
  readonly used: Set<string>
  readonly omitted: string[]
  readonly typescript: boolean
  readonly tableVars: Map<Table, string>
  readonly order: Map<Table, number>
  readonly enumVars: Map<string, string>
  readonly tables: readonly Table[]
  /** Property names of each table's columns, by SQL name. */
  readonly props: Map<Table, Map<string, string>>
}

/** The models file that declares exactly `schema`, as far as the model language can. */
export function renderModelsFile(schema: Schema, options: ModelsFileOptions = {}): ModelsFile {
  const taken = new Set(library)
  const enumVars = new Map(schema.enums.map((e) => [qualified(e.schema, e.name), variableName(e.schema === 'public' ? [e.name] : [e.name, `${e.schema}_${e.name}`], 'Enum', taken)]))
  const tables = dependencyOrder(schema.tables)
  // public's tables name first, so a table of another schema is the one that takes its schema into its name
  const publicFirst = [...tables.filter((t) => t.schema === 'public'), ...tables.filter((t) => t.schema !== 'public')]
  const tableVars = new Map(publicFirst.map((t) => [t, variableName(t.schema === 'public' ? [t.name] : [t.name, `${t.schema}_${t.name}`], 'Table', taken)]))
  const ctx: Context = {
    used: new Set(['table']), omitted: [], typescript: options.typescript ?? true, tableVars, enumVars, tables,
    order: new Map(tables.map((t, i) => [t, i])), props: new Map(tables.map((t) => [t, propertyNames(t)])),
  }
  const body = [...schema.enums.map((e) => enumDeclaration(e, ctx)), ...tables.map((t) => tableDeclaration(t, ctx))]
  unknownKinds(schema, ctx)
  if (schema.enums.length) ctx.used.add('enumType')
  const names = [...ctx.used].filter((n) => n !== 'AnyColumn').sort()
  const types = ctx.used.has('AnyColumn') ? (ctx.typescript ? ', type AnyColumn' : '') : ''
  const header = [
    `// Pulled by db-migrate pull${options.source ? ` from ${options.source}` : ''}: ${schema.tables.length} table(s), ${schema.enums.length} enum(s).`,
    '// `db-migrate check` compares these models with the migrations; edit them, then `db-migrate revision --autogenerate`.',
    ...ctx.omitted.map((o, i) => `${i === 0 ? '// Not declared as the database has it (the model language has no way to say it):\n' : ''}//   - ${o.replace(/\r\n?|[\n\u2028\u2029]/g, ' ')}`),
    `import { ${names.join(', ')}${types} } from ${stringLiteral(options.importFrom ?? 'db-migrate-action')}`,
  ]
  return { text: `${[header.join('\n'), ...body].join('\n\n')}\n`, tables: schema.tables.length, enums: schema.enums.length, omitted: ctx.omitted }
}

const schemaKeys = new Set(['schemas', 'enums', 'tables'])
const tableKeys = new Set(['schema', 'name', 'columns', 'primaryKey', 'uniques', 'foreignKeys', 'checks', 'exclusions', 'indexes', 'comment'])
const columnKeys = new Set(['name', 'type', 'notNull', 'default', 'identity', 'generated', 'comment'])

/** What the Schema holds that this file has no function for yet (a kind added since) is named, not dropped unsaid. */
function unknownKinds(schema: Schema, ctx: Context): void {
  const held = (v: unknown) => v !== null && v !== undefined && v !== false && !(Array.isArray(v) && v.length === 0)
  for (const [key, value] of Object.entries(schema)) if (!schemaKeys.has(key) && held(value)) ctx.omitted.push(`the schema's ${key}: pull does not write them yet`)
  for (const t of schema.tables) {
    for (const [key, value] of Object.entries(t)) if (!tableKeys.has(key) && held(value)) ctx.omitted.push(`table ${qualifiedName(t)}: its ${key}: pull does not write it yet`)
    for (const c of t.columns) for (const [key, value] of Object.entries(c)) if (!columnKeys.has(key) && held(value)) ctx.omitted.push(`column ${qualifiedName(t)}.${c.name}: its ${key}: pull does not write it yet`)
  }
}

/** Referenced tables before the tables that reference them where there is no cycle; otherwise the schema's order. */
function dependencyOrder(tables: readonly Table[]): Table[] {
  const byName = new Map(tables.map((t) => [qualifiedName(t), t]))
  const done = new Set<Table>()
  const visiting = new Set<Table>()
  const out: Table[] = []
  const visit = (t: Table) => {
    if (done.has(t) || visiting.has(t)) return
    visiting.add(t)
    for (const fk of t.foreignKeys) {
      const target = byName.get(qualifiedName({ schema: fk.refSchema, name: fk.refTable }))
      if (target && target !== t) visit(target)
    }
    visiting.delete(t)
    done.add(t)
    out.push(t)
  }
  tables.forEach(visit)
  return out
}

function propertyNames(t: Table): Map<string, string> {
  const names = new Map<string, string>()
  const taken = new Set<string>()
  // a column whose SQL name already is a JavaScript name keeps it; camelCased ones step around it
  for (const c of t.columns) {
    if (identifierFor(c.name) !== c.name || taken.has(c.name)) continue
    names.set(c.name, c.name)
    taken.add(c.name)
  }
  for (const c of t.columns) {
    if (names.has(c.name)) continue
    const candidates = [identifierFor(c.name), c.name]
    let name = candidates.find((n) => !taken.has(n))
    for (let n = 2; !name; n++) if (!taken.has(`${c.name}${n}`)) name = `${c.name}${n}`
    taken.add(name)
    names.set(c.name, name)
  }
  return new Map(t.columns.map((c) => [c.name, names.get(c.name)!]))
}

function enumDeclaration(e: EnumType, ctx: Context): string {
  const options = objectText([['schema', e.schema === 'public' ? undefined : stringLiteral(e.schema)], ['comment', e.comment === null ? undefined : stringLiteral(e.comment)]])
  const values = `[${e.values.map(stringLiteral).join(', ')}]`
  return `export const ${ctx.enumVars.get(qualified(e.schema, e.name))} = enumType(${stringLiteral(e.name)}, ${values}${options ? `, ${options}` : ''})`
}

/** What a table declares on its columns, and what it declares in its constraints list. */
interface Placement {
  readonly columnPk: string | null
  readonly columnUniques: Map<string, Unique>
  readonly columnRefs: Map<string, ForeignKey>
}

function tableDeclaration(t: Table, ctx: Context): string {
  const place = placement(t)
  const props = ctx.props.get(t)!
  const columns = t.columns.map((c) => `  ${propertyKey(props.get(c.name)!)}: ${columnText(t, c, place, ctx)},`)
  const constraints = [
    ...(t.primaryKey && place.columnPk === null ? [primaryKeyText(t, t.primaryKey, ctx)] : []),
    ...t.uniques.filter((u) => ![...place.columnUniques.values()].includes(u)).map((u) => uniqueText(t, u, ctx)),
    ...t.foreignKeys.filter((fk) => ![...place.columnRefs.values()].includes(fk)).map((fk) => foreignKeyText(t, fk, ctx)),
    ...t.checks.map((c) => checkText(t, c, ctx)),
    ...t.exclusions.map((x) => exclusionText(x, ctx)),
    ...t.indexes.map((ix) => indexText(t, ix, ctx)),
  ].filter((x): x is string => x !== null)
  const third = constraints.length ? `, (t) => [\n${constraints.map((c) => `  ${c},`).join('\n')}\n]` : ''
  const options = objectText([['schema', t.schema === 'public' ? undefined : stringLiteral(t.schema)], ['comment', t.comment === null ? undefined : stringLiteral(t.comment)]])
  return `export const ${ctx.tableVars.get(t)} = table(${stringLiteral(t.name)}, ${columns.length ? `{\n${columns.join('\n')}\n}` : '{}'}${third}${options ? `, ${options}` : ''})`
}

/** Single-column keys go on their column (`.primaryKey()`, `.unique()`, `.references()`) when the column form says all of them. */
function placement(t: Table): Placement {
  const pk = t.primaryKey
  const columnPk = pk && pk.columns.length === 1 && pk.deferral === 'not deferrable' && pk.name === defaultName(t.name, null, 'pkey') ? pk.columns[0]! : null
  const columnUniques = new Map<string, Unique>()
  for (const u of t.uniques) if (u.columns.length === 1 && u.deferral === 'not deferrable' && !columnUniques.has(u.columns[0]!)) columnUniques.set(u.columns[0]!, u)
  const columnRefs = new Map<string, ForeignKey>()
  for (const fk of t.foreignKeys) if (fk.columns.length === 1 && !columnRefs.has(fk.columns[0]!)) columnRefs.set(fk.columns[0]!, fk)
  return { columnPk, columnUniques, columnRefs }
}

function columnText(t: Table, c: Column, place: Placement, ctx: Context): string {
  const where = `column ${qualifiedName(t)}.${c.name}`
  const prop = ctx.props.get(t)!.get(c.name)!
  let text = typeCall(c.type, prop === c.name ? null : c.name, ctx)
  const serial = /^(small|big)?serial$/.test(c.type)
  if (place.columnPk === c.name) text += '.primaryKey()'
  else if (c.notNull && !serial && c.identity === null) text += '.notNull()'
  if (serial && !c.notNull) ctx.omitted.push(`${where} is a ${c.type} that allows NULL: a serial column is always NOT NULL in the model language`)
  if (c.default !== null) text += `.default(${defaultText(c, ctx)})`
  if (c.generated !== null) text += `.generatedAlwaysAs(${sqlOf(c.generated, ctx)})`
  if (c.identity === 'always') text += '.generatedAlwaysAsIdentity()'
  if (c.identity === 'by default') text += '.generatedByDefaultAsIdentity()'
  const unique = place.columnUniques.get(c.name)
  if (unique) {
    const options = objectText([
      ['name', unique.name === defaultName(t.name, c.name, 'key') ? undefined : stringLiteral(unique.name)],
      ['nullsNotDistinct', unique.nullsNotDistinct ? 'true' : undefined],
    ])
    text += `.unique(${options})`
  }
  const fk = place.columnRefs.get(c.name)
  if (fk) text += `.references(${referenceTarget(t, fk, ctx, false)}${referenceOptions(t, fk, true)})`
  if (c.comment !== null) text += `.comment(${stringLiteral(c.comment)})`
  if (c.default !== null && /\bnextval\(/.test(c.default) && !serial) {
    ctx.omitted.push(`${where} defaults to ${c.default}: the models do not create that sequence, so the default fails where the models are built unless a migration does`)
  }
  return text
}

const simpleTypes: Readonly<Record<string, string>> = {
  smallint: 'smallint', integer: 'integer', bigint: 'bigint', smallserial: 'smallserial', serial: 'serial', bigserial: 'bigserial',
  text: 'text', boolean: 'boolean', real: 'real', 'double precision': 'doublePrecision', date: 'date', interval: 'interval',
  uuid: 'uuid', json: 'json', jsonb: 'jsonb', bytea: 'bytea', numeric: 'numeric', 'character varying': 'varchar',
}

/** The type function's call for a type as PostgreSQL prints it; `name` is the SQL name when it is not the property's. */
function typeCall(type: string, name: string | null, ctx: Context): string {
  if (type.endsWith('[]')) return `${typeCall(type.slice(0, -2), name, ctx)}.array()`
  const n = name === null ? [] : [stringLiteral(name)]
  const call = (fn: string, args: string[]) => {
    ctx.used.add(fn)
    return `${fn}(${args.join(', ')})`
  }
  const enumVar = ctx.enumVars.get(type)
  if (enumVar) return `${enumVar}(${n.join(', ')})`
  if (simpleTypes[type]) return call(simpleTypes[type]!, n)
  let m = /^character varying\((\d+)\)$/.exec(type)
  if (m) return call('varchar', [m[1]!, ...n])
  m = /^character\((\d+)\)$/.exec(type)
  if (m) return call('char', [m[1]!, ...n])
  m = /^numeric\((\d+),(-?\d+)\)$/.exec(type)
  if (m) return call('numeric', [m[1]!, m[2]!, ...n])
  m = /^(time|timestamp)(?:\((\d)\))? (with|without) time zone$/.exec(type)
  if (m) {
    const zoned = m[1] === 'timestamp' && m[3] === 'with'
    const options = objectText([['withTimezone', m[3] === 'with' && !zoned ? 'true' : undefined], ['precision', m[2]]])
    return call(zoned ? 'timestamptz' : m[1]!, [...n, ...(options ? [options] : [])])
  }
  return call('customType', [stringLiteral(type), ...n])
}

const numberTypes = new Set(['smallint', 'integer', 'bigint', 'numeric', 'real', 'double precision'])
/** Types whose literal defaults the model language takes as strings (others take numbers, booleans, JSON or bytes). */
const noStringDefault = new Set(['smallint', 'integer', 'boolean', 'real', 'double precision', 'json', 'jsonb', 'bytea'])

/** A literal default as the JavaScript value that renders back to the same text, else the expression as sql`...`. */
function defaultText(c: Column, ctx: Context): string {
  const base = c.type.replace(/\(.*\)$/, '')
  const d = c.default!
  const quoted = /^'((?:[^']|'')*)'::(.+)$/.exec(d)
  const literal = quoted && quoted[2] === base ? quoted[1]!.replace(/''/g, "'") : d
  if (!c.type.endsWith('[]')) {
    if (numberTypes.has(base) && /^-?\d+(\.\d+)?$/.test(literal) && String(Number(literal)) === literal) return literal
    if (base === 'boolean' && (d === 'true' || d === 'false')) return d
    if (quoted && quoted[2] === base && !noStringDefault.has(base)) return stringLiteral(literal)
  }
  return sqlOf(d, ctx)
}

/** `() => user.columns.id`; typed `(): AnyColumn` where TypeScript could not infer it (a table not declared before). */
function referenceTarget(t: Table, fk: ForeignKey, ctx: Context, list: boolean): string {
  const target = ctx.tables.find((x) => x.schema === fk.refSchema && x.name === fk.refTable)
  if (!target) {
    const path = stringLiteral([...(fk.refSchema === 'public' ? [] : [fk.refSchema]), fk.refTable, fk.refColumns[0]].join('.'))
    return list ? `() => []` : path
  }
  const v = ctx.tableVars.get(target)!
  const columns = fk.refColumns.map((c) => propertyAccess(`${v}.columns`, ctx.props.get(target)!.get(c) ?? c))
  const annotate = ctx.typescript && ctx.order.get(target)! >= ctx.order.get(t)!
  if (annotate) ctx.used.add('AnyColumn')
  const type = annotate ? (list ? '(): readonly AnyColumn[]' : '(): AnyColumn') : '()'
  return `${type} => ${list ? `[${columns.join(', ')}]` : columns[0]}`
}

function referenceOptions(t: Table, fk: ForeignKey, named: boolean): string {
  const options = objectText([
    ['onDelete', fk.onDelete === 'no action' ? undefined : stringLiteral(fk.onDelete)],
    ['onUpdate', fk.onUpdate === 'no action' ? undefined : stringLiteral(fk.onUpdate)],
    ['name', named && fk.name !== defaultName(t.name, columnsAddition(fk.columns), 'fkey') ? stringLiteral(fk.name) : undefined],
    ...deferralOptions(fk.deferral),
  ])
  return options ? `, ${options}` : ''
}

function deferralOptions(deferral: Deferral): [string, string | undefined][] {
  return deferral === 'not deferrable' ? [] : deferral === 'deferrable' ? [['deferrable', 'true']] : [['initiallyDeferred', 'true']]
}

function columnsOf(t: Table, columns: readonly string[], ctx: Context): string {
  return columns.map((c) => propertyAccess('t', ctx.props.get(t)!.get(c)!)).join(', ')
}

function nameArg(name: string, fallback: string): string {
  return name === fallback ? '' : stringLiteral(name)
}

function deferrableCall(deferral: Deferral): string {
  return deferral === 'not deferrable' ? '' : deferral === 'deferrable' ? '.deferrable()' : '.deferrable({ initiallyDeferred: true })'
}

function primaryKeyText(t: Table, pk: PrimaryKey, ctx: Context): string {
  ctx.used.add('primaryKey')
  return `primaryKey(${nameArg(pk.name, defaultName(t.name, null, 'pkey'))}).on(${columnsOf(t, pk.columns, ctx)})${deferrableCall(pk.deferral)}`
}

function uniqueText(t: Table, u: Unique, ctx: Context): string {
  ctx.used.add('unique')
  const name = nameArg(u.name, defaultName(t.name, columnsAddition(u.columns), 'key'))
  return `unique(${name}).on(${columnsOf(t, u.columns, ctx)})${u.nullsNotDistinct ? '.nullsNotDistinct()' : ''}${deferrableCall(u.deferral)}`
}

function foreignKeyText(t: Table, fk: ForeignKey, ctx: Context): string {
  ctx.used.add('foreignKey')
  const name = nameArg(fk.name, defaultName(t.name, columnsAddition(fk.columns), 'fkey'))
  return `foreignKey(${name}).on(${columnsOf(t, fk.columns, ctx)}).references(${referenceTarget(t, fk, ctx, true)}${referenceOptions(t, fk, false)})`
}

function checkText(t: Table, c: Check, ctx: Context): string | null {
  const m = /^CHECK \((.*)\)( NOT VALID)?$/s.exec(c.definition)
  if (!m) {
    ctx.omitted.push(`check ${c.name} on ${qualifiedName(t)}: check() declares CHECK (expression) only: ${c.definition}`)
    return null
  }
  if (m[2]) ctx.omitted.push(`check ${c.name} on ${qualifiedName(t)} is NOT VALID in the database: the models declare it as a plain check`)
  ctx.used.add('check')
  return `check(${stringLiteral(c.name)}, ${sqlOf(unwrap(m[1]!), ctx)})`
}

function exclusionText(x: Exclusion, ctx: Context): string {
  ctx.used.add('exclude')
  return `exclude(${stringLiteral(x.name)}, ${sqlOf(x.definition.replace(/^EXCLUDE /, ''), ctx)})`
}

/** index()/uniqueIndex() from pg_get_indexdef; null, with the reason recorded, when the builder cannot say it. */
function indexText(t: Table, ix: Index, ctx: Context): string | null {
  const parts = indexParts(ix.definition)
  const odd = parts?.elements.find((e) => e.rest !== '' && e.rest !== 'DESC')
  const cannot = !parts ? 'its definition does not read as CREATE INDEX ... USING ... (...)'
    : parts.extra ? `it has ${parts.extra}, which index() cannot declare`
      : odd ? `element ${odd.expression} has ${odd.rest}, which index().on() cannot declare` : null
  if (cannot !== null || !parts) {
    ctx.omitted.push(`index ${ix.name} on ${qualifiedName(t)}: ${cannot}: ${ix.definition}`)
    return null
  }
  const props = ctx.props.get(t)!
  const nameParts: string[] = []
  const elements = parts.elements.map((e) => {
    let text: string
    if (e.column !== null && props.has(e.column)) {
      text = propertyAccess('t', props.get(e.column)!)
      nameParts.push(e.column)
    } else {
      const expression = e.column !== null ? e.expression : unwrap(e.expression)
      text = sqlOf(expression, ctx)
      nameParts.push(/^\s*([a-z_][a-z0-9_]*)\s*\(/i.exec(expression)?.[1]?.toLowerCase() ?? 'expr')
    }
    if (e.rest === 'DESC') ctx.used.add('desc')
    return e.rest === 'DESC' ? `desc(${text})` : text
  })
  const fn = ix.unique ? 'uniqueIndex' : 'index'
  ctx.used.add(fn)
  let text = `${fn}(${nameArg(ix.name, defaultName(t.name, columnsAddition(nameParts), 'idx'))}).on(${elements.join(', ')})`
  if (ix.method !== 'btree') text += `.using(${stringLiteral(ix.method)})`
  if (parts.where !== null) text += `.where(${sqlOf(parts.where, ctx)})`
  return text
}

/** sql`...` of `text`, imported. */
function sqlOf(text: string, ctx: Context): string {
  ctx.used.add('sql')
  return sqlLiteral(text)
}

/** `{ a: 1, b: 'x' }` of the entries that have a value; '' when none has. */
function objectText(entries: readonly (readonly [string, string | undefined])[]): string {
  const set = entries.filter(([, v]) => v !== undefined)
  return set.length ? `{ ${set.map(([k, v]) => `${isIdentifierName(k) ? k : stringLiteral(k)}: ${v}`).join(', ')} }` : ''
}
