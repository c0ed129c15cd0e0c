// Builders for hand-written schemas in compare tests: every field defaults to "absent".
import { emptySchema, type Column, type EnumType, type PrimaryKey, type Schema, type Table } from '../../../src/schema/schema.js'

export function column(name: string, type: string, more: Partial<Column> = {}): Column {
  return { name, type, notNull: false, default: null, identity: null, generated: null, comment: null, ...more }
}

export function table(name: string, columns: Column[], more: Partial<Table> = {}): Table {
  const [schema, bare] = name.includes('.') ? (name.split('.') as [string, string]) : ['public', name]
  return { schema, name: bare, columns, primaryKey: null, uniques: [], foreignKeys: [], checks: [], exclusions: [], indexes: [], comment: null,
    partitionBy: null, partitionOf: null, inherits: [], unlogged: false, rowLevelSecurity: 'disabled', policies: [], ...more }
}

export function enumType(name: string, values: string[], more: Partial<EnumType> = {}): EnumType {
  const [schema, bare] = name.includes('.') ? (name.split('.') as [string, string]) : ['public', name]
  return { schema, name: bare, values, comment: null, ...more }
}

export function schema(tables: Table[], enums: EnumType[] = []): Schema {
  const schemas = [...new Set([...tables, ...enums].map((t) => t.schema))].filter((s) => s !== 'public').sort()
  return { ...emptySchema, schemas, enums, tables, grants: [] }
}

export const id = column('id', 'integer', { notNull: true })
export const pk = (table: string, ...columns: string[]): PrimaryKey => ({ name: `${table}_pkey`, columns: columns.length ? columns : ['id'], include: [], deferral: 'not deferrable' })
