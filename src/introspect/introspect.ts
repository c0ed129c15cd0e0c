import type { Check, Column, Deferral, EnumType, Exclusion, ForeignKey, Grant, Index, PrimaryKey, ReferentialAction, Schema, Table, Unique } from '../schema/schema.js'
import { serialFor } from '../schema/pg-types.js'
import { holdsItems } from '../schema/filter.js'
import { readObjects } from './objects.js'
import { columnsQuery, constraintsQuery, enterQuery, enumsQuery, grantsQuery, indexesQuery, leaveQuery, policiesQuery, schemasQuery, tableGrantsQuery, tablesQuery } from './queries.js'
import { settleExpressions } from './settle.js'
import { dependentsQuery, keptMarks, readMarks, restUnchanged, tablesToReread, type CatalogMarks, type FreshMarks } from './marks.js'
import { emptySchema } from '../schema/schema.js'
import { tableExtras, toGrant, toPolicy } from './table-extras.js'
import { collationsQuery, toCollation } from './collations.js'
import { compositesQuery, toComposite } from './composites.js'
import { domainsQuery, toDomain } from './domains.js'
import { extensionsQuery, toExtension } from './extensions.js'
import { sequencesQuery, toSequence } from './sequences.js'

/** What introspect() needs of a connection; a pg Client fits. */
export interface Queryable {
  query(text: string, values?: unknown[]): Promise<{ rows: any[] }>
}

export interface IntrospectOptions {
  /** Schemas to read; default: every schema except the system ones. */
  readonly schemas?: readonly string[]
  /** Tables to leave out, such as the migration history table. A schema that holds nothing else is left out too. */
  readonly exclude?: readonly { readonly schema: string; readonly name: string }[]
  /** Read grants (default true); when false, none are read and `grants` is empty. */
  readonly privileges?: boolean
  /**
   * Rewrite check and partial-index expressions into the spelling PostgreSQL gives them when it parses its own
   * output (what a pg_dump restore holds), so the two compare equal. Adds and drops constraints in a transaction
   * that is rolled back: for scratch databases only.
   */
  readonly settle?: boolean
  /** The client is inside a transaction of the caller's, which reading must leave open (settle then uses a savepoint). */
  readonly inTransaction?: boolean
}

/**
 * Reads a live database into a Schema with a fixed number of catalog queries, whatever the number of tables.
 * Names of other schemas print qualified because the search_path is `public` while it reads; the caller's
 * search_path is restored afterwards.
 */
export async function introspect(client: Queryable, options: IntrospectOptions = {}): Promise<Schema> {
  return (await readDatabase(client, options, { marks: false, earlier: null })).schema
}

/** A database as introspect() read it, with the catalog marks it was read at. */
export interface Reading {
  readonly schema: Schema
  readonly marks: CatalogMarks
}

/**
 * introspect(), keeping the catalog marks. With `earlier`, a reading of the database this one was copied from (a
 * snapshot) and the horizon taken right after the copy, only the tables whose marks changed since are read again and
 * the rest are taken from it; `reread` says how many were read (all when a schema or a role changed).
 */
export async function readWithMarks(client: Queryable, options: IntrospectOptions, earlier: { readonly reading: Reading; readonly horizon: string } | null): Promise<Reading & { readonly reread: number }> {
  const { schema, marks, reread } = await readDatabase(client, options, { marks: true, earlier })
  return { schema, marks: marks!, reread }
}

async function readDatabase(client: Queryable, options: IntrospectOptions, how: { marks: boolean; earlier: { readonly reading: Reading; readonly horizon: string } | null }): Promise<{ schema: Schema; marks: CatalogMarks | null; reread: number }> {
  const params = [options.schemas ?? null, JSON.stringify(options.exclude ?? [])]
  const entered = (await client.query(enterQuery)).rows[0]
  const saved = [entered.search_path as string, entered.jit as string | null]
  let schema: Schema
  let marks: FreshMarks | null = null
  let only: string[] | null = null
  let kept: Table[] = []
  try {
    let rest: Schema | null = null
    if (how.marks) {
      marks = await readMarks(client, params, how.earlier?.horizon ?? null)
      only = how.earlier ? tablesToReread(how.earlier.reading.marks, marks) : null
      if (only && how.earlier) {
        kept = keptTables(how.earlier.reading, marks, new Set(only))
        const tables = only
        const dependents = async () => (await client.query(dependentsQuery, [tables])).rows[0].found as boolean
        if (await restUnchanged(how.earlier.reading.marks, marks, only, dependents)) rest = how.earlier.reading.schema
      }
    }
    const tableParams = [...params, only]
    const schemas = rest ? null : (await client.query(schemasQuery, params.slice(0, 1))).rows.map((row) => row.name as string)
    const enums = rest ? null : (await client.query(enumsQuery, params.slice(0, 1))).rows
    const tables = (await client.query(tablesQuery, tableParams)).rows
    const columns = (await client.query(columnsQuery, tableParams)).rows
    const constraints = (await client.query(constraintsQuery, tableParams)).rows
    const indexes = (await client.query(indexesQuery, tableParams)).rows
    const policies = (await client.query(policiesQuery, tableParams)).rows
    const grants = options.privileges === false ? [] : (rest && only && (await grantsKept(client, tableParams, rest, kept))) || (await client.query(grantsQuery, params)).rows
    const objects = rest ? [...(rest.objects ?? [])] : await readObjects(client, params)
    const types = rest
      ? { extensions: rest.extensions, sequences: rest.sequences, domains: rest.domains, compositeTypes: rest.compositeTypes, collations: rest.collations }
      : typesOf((await client.query(typesQuery, params.slice(0, 1))).rows[0])
    let read = assembleTables(tables, columns, constraints, indexes, policies)
    if (options.settle) read = (await settleExpressions(client, { ...emptySchema, tables: read }, options.inTransaction)).tables as Table[]
    const all = kept.length ? [...read, ...kept].sort(byName) : read
    const assembled0 = rest ? reassemble(rest, all, grants) : assemble(schemas!, enums!, all, grants)
    const held = [...types.extensions, ...types.sequences, ...types.domains, ...types.compositeTypes, ...types.collations].map((item) => item.schema)
    const assembled = { ...assembled0, ...types, schemas: [...new Set([...assembled0.schemas, ...held])].filter((s) => s !== 'public' && s !== 'pg_catalog').sort(compareText) }
    // absent when there are none, so a schema of tables alone reads as before
    schema = withoutExcludedSchemas(objects.length ? { ...assembled, objects } : assembled, options.exclude ?? [])
    await client.query(leaveQuery, saved)
    return { schema, marks: marks && keptMarks(marks), reread: read.length }
  } catch (error) {
    // The first failure is the one to report; the connection may be gone.
    await client.query(leaveQuery, saved).catch(() => {})
    throw error
  }
}

/**
 * The grants, when the tables read again have none: the earlier reading's, but on tables no longer kept. A grant or
 * revoke on a table marks it, and on anything else marks the rest (`rest` is then null). Null when the tables read
 * again have grants: where they go among the rest in the server's collation is the full query's to say.
 */
async function grantsKept(client: Queryable, tableParams: unknown[], rest: Schema, kept: readonly Table[]): Promise<Grant[] | null> {
  if ((await client.query(tableGrantsQuery, tableParams)).rows.length > 0) return null
  const keptNames = new Set(kept.map((t) => JSON.stringify([t.schema, t.name])))
  return rest.grants.filter((g) => (g.on !== 'table' && g.on !== 'column') || keptNames.has(JSON.stringify([g.schema, g.name])))
}

/** The tables of an earlier reading that are still there with the same marks. */
function keptTables(earlier: Reading, now: CatalogMarks, reread: ReadonlySet<string>): Table[] {
  const byName = new Map(earlier.schema.tables.map((t) => [JSON.stringify([t.schema, t.name]), t]))
  const kept: Table[] = []
  for (const [oid, mark] of Object.entries(now.tables)) {
    if (reread.has(oid)) continue
    const table = byName.get(JSON.stringify([mark.schema, mark.name]))
    if (!table) throw new Error(`the earlier reading has no table ${mark.schema}.${mark.name} that its marks name`)
    kept.push(table)
  }
  return kept
}

/** Extensions, sequences, domains, composite types and collations in one round trip: a JSON list of rows each. */
const typesQuery = `SELECT ${Object.entries({ extensions: extensionsQuery, sequences: sequencesQuery, domains: domainsQuery, composites: compositesQuery, collations: collationsQuery })
  .map(([name, query]) => `(SELECT coalesce(jsonb_agg(row_to_json(x)), '[]') FROM (${query}) x) AS ${name}`)
  .join(',\n')}`

/** The schema of an excluded table (db-migrate's own history schema, say) is no user schema when nothing else lives there. */
function withoutExcludedSchemas(schema: Schema, exclude: NonNullable<IntrospectOptions['exclude']>): Schema {
  const gone = new Set(exclude.map((t) => t.schema).filter((name) => !holdsItems(schema, name)))
  return gone.size ? { ...schema, schemas: schema.schemas.filter((s) => !gone.has(s)) } : schema
}

function assembleTables(tableRows: any[], columnRows: any[], constraintRows: any[], indexRows: any[], policyRows: any[]): Table[] {
  const byTable = <T>(rows: any[], map: (row: any) => T): Map<string, T[]> => {
    const out = new Map<string, T[]>()
    for (const row of rows) {
      const list = out.get(row.table_oid) ?? []
      list.push(map(row))
      out.set(row.table_oid, list)
    }
    return out
  }
  const columns = byTable(columnRows, toColumn)
  const constraints = byTable(constraintRows, (row) => row)
  const indexes = byTable(indexRows, toIndex)
  const policies = byTable(policyRows, toPolicy)
  return tableRows
    .map((row): Table => {
      const own = constraints.get(row.oid) ?? []
      const pk = own.find((c) => c.type === 'p')
      return {
        schema: row.schema,
        name: row.name,
        columns: columns.get(row.oid) ?? [],
        primaryKey: pk ? ({ name: pk.name, columns: pk.columns, include: pk.include, deferral: deferralOf(pk) } satisfies PrimaryKey) : null,
        uniques: own.filter((c) => c.type === 'u').map(toUnique).sort(byName),
        foreignKeys: own.filter((c) => c.type === 'f').map(toForeignKey).sort(byName),
        checks: own.filter((c) => c.type === 'c').map((c): Check => ({ name: c.name, definition: c.definition })).sort(byName),
        exclusions: own.filter((c) => c.type === 'x').map((c): Exclusion => ({ name: c.name, definition: c.definition })).sort(byName),
        indexes: (indexes.get(row.oid) ?? []).sort(byName),
        comment: row.comment,
        ...tableExtras(row, policies.get(row.oid) ?? []),
      }
    })
    .sort(byName)
}

function typesOf(row: any): Pick<Schema, 'extensions' | 'sequences' | 'domains' | 'compositeTypes' | 'collations'> {
  return {
    extensions: row.extensions.map(toExtension),
    sequences: row.sequences.map(toSequence),
    domains: row.domains.map(toDomain),
    compositeTypes: row.composites.map(toComposite),
    collations: row.collations.map(toCollation),
  }
}

/** assemble(), with the schemas and enums of an earlier reading whose rest is unchanged. */
function reassemble(earlier: Schema, tables: Table[], grantRows: any[]): Pick<Schema, 'schemas' | 'enums' | 'tables' | 'grants'> {
  const schemas = [...new Set([...earlier.schemas, ...tables.map((t) => t.schema)])].filter((s) => s !== 'public').sort(compareText)
  return { schemas, enums: earlier.enums, tables, grants: grantRows.map(toGrant) }
}

function assemble(schemaNames: string[], enumRows: any[], tables: Table[], grantRows: any[]): Pick<Schema, 'schemas' | 'enums' | 'tables' | 'grants'> {
  const enums: EnumType[] = enumRows
    .map((row) => ({ schema: row.schema, name: row.name, values: row.values, comment: row.comment }))
    .sort(byName)
  const schemas = [...new Set([...schemaNames, ...[...enums, ...tables].map((item) => item.schema)])].filter((s) => s !== 'public').sort(compareText)
  const grants: Grant[] = grantRows.map(toGrant)
  return { schemas, enums, tables, grants }
}

function toColumn(row: any): Column {
  const generated = row.generated === 's' || row.generated === 'v'
  const serial = row.serial && serialFor(row.type) !== undefined
  return {
    name: row.name,
    type: serial ? serialFor(row.type)! : row.type,
    notNull: row.not_null,
    default: generated || serial ? null : row.default,
    identity: row.identity === 'a' ? 'always' : row.identity === 'd' ? 'by default' : null,
    generated: generated ? row.default : null,
    comment: row.comment,
    ...(row.collation !== null ? { collation: row.collation } : {}),
  }
}

function toUnique(row: any): Unique {
  return { name: row.name, columns: row.columns, include: row.include, nullsNotDistinct: /^UNIQUE NULLS NOT DISTINCT\b/.test(row.definition), deferral: deferralOf(row) }
}

const actions: Record<string, ReferentialAction> = { a: 'no action', r: 'restrict', c: 'cascade', n: 'set null', d: 'set default' }

function toForeignKey(row: any): ForeignKey {
  return {
    name: row.name,
    columns: row.columns,
    refSchema: row.ref_schema,
    refTable: row.ref_table,
    refColumns: row.ref_columns,
    onDelete: actions[row.on_delete]!,
    onUpdate: actions[row.on_update]!,
    deferral: deferralOf(row),
    match: row.match === 'f' ? 'full' : 'simple',
    notValid: row.not_valid,
  }
}

function deferralOf(row: any): Deferral {
  return row.deferred ? 'initially deferred' : row.deferrable ? 'deferrable' : 'not deferrable'
}

function toIndex(row: any): Index {
  return { name: row.name, unique: row.unique, method: row.method, definition: row.definition }
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

function byName(a: { schema?: string; name: string }, b: { schema?: string; name: string }): number {
  return compareText(a.schema ?? '', b.schema ?? '') || compareText(a.name, b.name)
}
