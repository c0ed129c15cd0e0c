// Schema → the source of a models file in db-migrate's model language, the inverse of what check builds from one.
// One function per kind of object; what the language cannot declare is left out and named, never dropped unsaid.
import { identifierFor, stringLiteral, variableName } from './model-names.js'
import { qualified } from './ident.js'
import type { Schema, Table } from '../schema/schema.js'
import { qualifiedName } from '../schema/schema.js'
import type { Context } from './models-file-context.js'
import { grantsDeclaration, objectDeclarations } from './models-file-objects.js'
import { tableDeclaration } from './models-file-tables.js'
import {
  collationDeclaration, compositeDeclaration, domainDeclaration, enumDeclaration, extensionDeclaration, schemaDeclaration, sequenceDeclaration,
} from './models-file-types.js'

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

/** The functions the file may import; no variable may take one of these names. */
const library = ['table', 'enumType', 'sql', 'primaryKey', 'unique', 'foreignKey', 'check', 'exclude', 'index', 'uniqueIndex', 'desc',
  'smallint', 'integer', 'bigint', 'smallserial', 'serial', 'bigserial', 'text', 'varchar', 'char', 'boolean', 'numeric', 'real',
  'doublePrecision', 'date', 'time', 'timestamp', 'timestamptz', 'interval', 'uuid', 'json', 'jsonb', 'bytea', 'customType', 'AnyColumn', 't',
  'schema', 'extension', 'sequence', 'domain', 'compositeType', 'collation', 'view', 'materializedView', 'sqlFunction', 'sqlProcedure',
  'trigger', 'eventTrigger', 'policy', 'grant']

/** A variable for `name` of `schema`: the bare name for public's, else one that takes its schema in when it must. */
function namer(taken: Set<string>, suffix: string) {
  return (item: { schema: string; name: string }) => variableName(item.schema === 'public' || item.schema === '' ? [item.name] : [item.name, `${item.schema}_${item.name}`], suffix, taken)
}

/** The models file that declares exactly `schema`, as far as the model language can. */
export function renderModelsFile(schema: Schema, options: ModelsFileOptions = {}): ModelsFile {
  const taken = new Set(library)
  const tables = dependencyOrder(schema.tables)
  // public's tables name first, so a table of another schema is the one that takes its schema into its name
  const publicFirst = [...tables.filter((t) => t.schema === 'public'), ...tables.filter((t) => t.schema !== 'public')]
  const tableVars = new Map(publicFirst.map((t) => [t, namer(taken, 'Table')(t)]))
  const vars = <T extends { schema: string; name: string }>(items: readonly T[], suffix: string) => new Map(items.map((x) => [x, namer(taken, suffix)(x)]))
  const [enumVars, domainVars, compositeVars] = [vars(schema.enums, 'Enum'), vars(schema.domains, 'Domain'), vars(schema.compositeTypes, 'Type')]
  const [sequenceVars, collationVars, extensionVars] = [vars(schema.sequences, 'Sequence'), vars(schema.collations, 'Collation'), vars(schema.extensions.map((e) => ({ ...e, schema: 'public' })), 'Extension')]
  const byType = (m: Map<{ schema: string; name: string }, string>) => [...m].map(([x, v]) => [qualified(x.schema, x.name), v] as const)
  const ctx: Context = {
    used: new Set(['table']), omitted: [], typescript: options.typescript ?? true, tableVars, tables,
    order: new Map(tables.map((t, i) => [t, i])), props: new Map(tables.map((t) => [t, propertyNames(t)])),
    typeVars: new Map([...byType(enumVars), ...byType(domainVars), ...byType(compositeVars)]),
    nextvals: new Map([...sequenceVars].map(([s, v]) => [`nextval('${qualified(s.schema, s.name).replace(/'/g, "''")}'::regclass)`, v])),
    collationVars: new Map(byType(collationVars)),
  }
  const objects = schema.objects ?? []
  const holding = new Set([...schema.tables, ...schema.enums, ...schema.sequences, ...schema.domains, ...schema.compositeTypes, ...schema.collations, ...objects].map((x) => x.schema))
  const emptySchemas = schema.schemas.filter((s) => !holding.has(s))
  const schemaVars = new Map(emptySchemas.map((s) => [s, variableName([s], 'Schema', taken)]))
  const objectVars = new Map(objects.filter((o) => o.kind !== 'view_index').map((o) => [o, namer(taken, o.kind === 'trigger' ? 'Trigger' : 'Object')(o)]))
  const grantsVar = variableName(['grants'], '', taken)
  const body = [
    ...emptySchemas.map((s) => schemaDeclaration(s, schemaVars.get(s)!, ctx)),
    ...schema.extensions.map((e, i) => extensionDeclaration(e, [...extensionVars.values()][i]!, ctx)),
    ...schema.collations.map((c) => collationDeclaration(c, collationVars.get(c)!, ctx)),
    ...schema.enums.map((e) => enumDeclaration(e, enumVars.get(e)!, ctx)),
    ...schema.domains.map((d) => domainDeclaration(d, domainVars.get(d)!, ctx)),
    ...schema.compositeTypes.map((c) => compositeDeclaration(c, compositeVars.get(c)!, ctx)),
    ...schema.sequences.map((s) => sequenceDeclaration(s, sequenceVars.get(s)!, ctx)),
    ...tables.map((t) => tableDeclaration(t, ctx)),
    ...objectDeclarations(objects, (o) => objectVars.get(o)!, ctx),
    ...[grantsDeclaration(schema, grantsVar, ctx)].filter((g): g is string => g !== null),
  ]
  unknownKinds(schema, ctx)
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

const schemaKeys = new Set(['schemas', 'enums', 'tables', 'grants', 'objects', 'extensions', 'sequences', 'domains', 'compositeTypes', 'collations'])
const tableKeys = new Set(['schema', 'name', 'columns', 'primaryKey', 'uniques', 'foreignKeys', 'checks', 'exclusions', 'indexes', 'comment',
  'partitionBy', 'partitionOf', 'inherits', 'unlogged', 'rowLevelSecurity', 'policies'])
const columnKeys = new Set(['name', 'type', 'notNull', 'default', 'identity', 'generated', 'comment', 'collation'])

/** What the Schema holds that this file has no function for yet (a kind added since) is named, not dropped unsaid. */
function unknownKinds(schema: Schema, ctx: Context): void {
  const held = (v: unknown) => v !== null && v !== undefined && v !== false && !(Array.isArray(v) && v.length === 0)
  for (const [key, value] of Object.entries(schema)) if (!schemaKeys.has(key) && held(value)) ctx.omitted.push(`the schema's ${key}: pull does not write them yet`)
  for (const t of schema.tables) {
    for (const [key, value] of Object.entries(t)) if (!tableKeys.has(key) && held(value)) ctx.omitted.push(`table ${qualifiedName(t)}: its ${key}: pull does not write it yet`)
    for (const c of t.columns) for (const [key, value] of Object.entries(c)) if (!columnKeys.has(key) && held(value)) ctx.omitted.push(`column ${qualifiedName(t)}.${c.name}: its ${key}: pull does not write it yet`)
  }
}

/** Referenced, partitioned and parent tables before the tables that name them where there is no cycle; otherwise the schema's order. */
function dependencyOrder(tables: readonly Table[]): Table[] {
  const byName = new Map(tables.map((t) => [qualifiedName(t), t]))
  const done = new Set<Table>()
  const visiting = new Set<Table>()
  const out: Table[] = []
  const visit = (t: Table) => {
    if (done.has(t) || visiting.has(t)) return
    visiting.add(t)
    const parents = [...t.foreignKeys.map((fk) => ({ schema: fk.refSchema, name: fk.refTable })), ...(t.partitionOf ? [t.partitionOf] : []), ...t.inherits]
    for (const ref of parents) {
      const target = byName.get(qualifiedName(ref))
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

