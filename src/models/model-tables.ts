import type { AnyColumn } from './column.js'
import type { AnyTable } from './table.js'

/**
 * The tables of a models module, found by name or by identity, each with its columns in order: made once for one
 * build of the schema, so that references and column walks do not search every table again.
 */
export interface ModelTables {
  readonly all: readonly AnyTable[]
  /** The first table declared under this schema and name. */
  named(schema: string, name: string): AnyTable | undefined
  has(table: AnyTable): boolean
  columns(table: AnyTable): readonly AnyColumn[]
}

export function modelTables(tables: readonly AnyTable[]): ModelTables {
  const byName = new Map<string, Map<string, AnyTable>>()
  for (const t of tables) {
    let inSchema = byName.get(t.schema)
    if (!inSchema) byName.set(t.schema, (inSchema = new Map()))
    if (!inSchema.has(t.name)) inSchema.set(t.name, t)
  }
  const members = new Set(tables)
  const columns = new Map<AnyTable, readonly AnyColumn[]>()
  return {
    all: tables,
    named: (schema, name) => byName.get(schema)?.get(name),
    has: (table) => members.has(table),
    columns: (table) => {
      let list = columns.get(table)
      if (!list) columns.set(table, (list = Object.values(table.columns)))
      return list
    },
  }
}
