import type { Check, Column, Deferral, EnumType, Exclusion, ForeignKey, Index, PrimaryKey, ReferentialAction, Schema, Table, Unique } from '../schema/schema.js'
import { serialFor } from '../schema/pg-types.js'
import { collationsQuery, toCollation } from './collations.js'
import { compositesQuery, toComposite } from './composites.js'
import { domainsQuery, toDomain } from './domains.js'
import { extensionsQuery, toExtension } from './extensions.js'
import { sequencesQuery, toSequence } from './sequences.js'
import { columnsQuery, constraintsQuery, enterQuery, enumsQuery, indexesQuery, leaveQuery, tablesQuery } from './queries.js'

/** What introspect() needs of a connection; a pg Client fits. */
export interface Queryable {
  query(text: string, values?: unknown[]): Promise<{ rows: any[] }>
}

export interface IntrospectOptions {
  /** Schemas to read; default: every schema except the system ones. */
  readonly schemas?: readonly string[]
  /** Tables to leave out, such as the migration history table. */
  readonly exclude?: readonly { readonly schema: string; readonly name: string }[]
}

/**
 * Reads a live database into a Schema with a fixed number of catalog queries, whatever the number of tables.
 * Names of other schemas print qualified because the search_path is `public` while it reads; the caller's
 * search_path is restored afterwards.
 */
export async function introspect(client: Queryable, options: IntrospectOptions = {}): Promise<Schema> {
  const params = [options.schemas ?? null, JSON.stringify(options.exclude ?? [])]
  const saved = (await client.query(enterQuery)).rows[0].search_path as string
  let schema: Schema
  try {
    const enums = (await client.query(enumsQuery, params.slice(0, 1))).rows
    const tables = (await client.query(tablesQuery, params)).rows
    const columns = (await client.query(columnsQuery, params)).rows
    const constraints = (await client.query(constraintsQuery, params)).rows
    const indexes = (await client.query(indexesQuery, params)).rows
    const objects = (await client.query(objectsQuery, params.slice(0, 1))).rows[0]
    const types = {
      extensions: objects.extensions.map(toExtension),
      sequences: objects.sequences.map(toSequence),
      domains: objects.domains.map(toDomain),
      compositeTypes: objects.composites.map(toComposite),
      collations: objects.collations.map(toCollation),
    }
    const read = assemble(enums, tables, columns, constraints, indexes)
    const held = [...types.extensions, ...types.sequences, ...types.domains, ...types.compositeTypes, ...types.collations].map((item) => item.schema)
    const schemas = [...new Set([...read.schemas, ...held])].filter((s) => s !== 'public' && s !== 'pg_catalog').sort(compareText)
    schema = { ...read, ...types, schemas }
  } catch (error) {
    // The first failure is the one to report; the connection may be gone.
    await client.query(leaveQuery, [saved]).catch(() => {})
    throw error
  }
  await client.query(leaveQuery, [saved])
  return schema
}

/** Extensions, sequences, domains, composite types and collations in one round trip: a JSON list of rows each. */
const objectsQuery = `SELECT ${Object.entries({ extensions: extensionsQuery, sequences: sequencesQuery, domains: domainsQuery, composites: compositesQuery, collations: collationsQuery })
  .map(([name, query]) => `(SELECT coalesce(jsonb_agg(row_to_json(x)), '[]') FROM (${query}) x) AS ${name}`)
  .join(',\n')}`

function assemble(enumRows: any[], tableRows: any[], columnRows: any[], constraintRows: any[], indexRows: any[]): Pick<Schema, 'schemas' | 'enums' | 'tables'> {
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

  const enums: EnumType[] = enumRows
    .map((row) => ({ schema: row.schema, name: row.name, values: row.values, comment: row.comment }))
    .sort(byName)
  const tables: Table[] = tableRows
    .map((row): Table => {
      const own = constraints.get(row.oid) ?? []
      const pk = own.find((c) => c.type === 'p')
      return {
        schema: row.schema,
        name: row.name,
        columns: columns.get(row.oid) ?? [],
        primaryKey: pk ? ({ name: pk.name, columns: pk.columns, deferral: deferralOf(pk) } satisfies PrimaryKey) : null,
        uniques: own.filter((c) => c.type === 'u').map(toUnique).sort(byName),
        foreignKeys: own.filter((c) => c.type === 'f').map(toForeignKey).sort(byName),
        checks: own.filter((c) => c.type === 'c').map((c): Check => ({ name: c.name, definition: c.definition })).sort(byName),
        exclusions: own.filter((c) => c.type === 'x').map((c): Exclusion => ({ name: c.name, definition: c.definition })).sort(byName),
        indexes: (indexes.get(row.oid) ?? []).sort(byName),
        comment: row.comment,
      }
    })
    .sort(byName)
  const schemas = [...new Set([...enums, ...tables].map((item) => item.schema))].filter((s) => s !== 'public').sort(compareText)
  return { schemas, enums, tables }
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
  return { name: row.name, columns: row.columns, nullsNotDistinct: /^UNIQUE NULLS NOT DISTINCT\b/.test(row.definition), deferral: deferralOf(row) }
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
