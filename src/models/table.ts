import { Column, type AnyColumn } from './column.js'
import type { TableConstraint } from './constraints.js'
import { entity } from './entity.js'

export interface TableOptions {
  /** Schema of the table; `public` when unset. */
  readonly schema?: string
  readonly comment?: string
}

/** A model table: its columns by property name, each named after its property unless it was given a name. */
export interface Table<TName extends string = string, TColumns extends Record<string, AnyColumn> = Record<string, AnyColumn>> {
  readonly [entity]: 'table'
  readonly name: TName
  readonly schema: string
  readonly comment: string | null
  readonly columns: TColumns
  /** Indexes and table-level constraints. */
  readonly constraints: readonly TableConstraint[]
}

/** Any table, whatever its columns. */
export type AnyTable = Table<string, Record<string, AnyColumn>>

/**
 * Declares a table. The optional third argument returns its indexes and table-level constraints from the columns:
 * `table('post', { ... }, (t) => [index().on(t.title)], { schema: 'blog' })`.
 */
export function table<TName extends string, TColumns extends Record<string, AnyColumn>>(
  name: TName,
  columns: TColumns,
  constraints?: ((columns: TColumns) => readonly TableConstraint[]) | TableOptions,
  options?: TableOptions,
): Table<TName, TColumns> {
  const opts = typeof constraints === 'object' ? constraints : (options ?? {})
  const model = {
    [entity]: 'table' as const,
    name,
    schema: opts.schema ?? 'public',
    comment: opts.comment ?? null,
    columns: {} as Record<string, AnyColumn>,
    constraints: [] as readonly TableConstraint[],
  }
  for (const [key, col] of Object.entries(columns)) {
    // defined, not assigned: a column named __proto__ is a column, not the map's prototype
    Object.defineProperty(model.columns, key, { value: new Column({ ...col.state, name: col.state.name ?? key }, model), enumerable: true, writable: true, configurable: true })
  }
  if (typeof constraints === 'function') model.constraints = [...constraints(model.columns as TColumns)]
  return model as Table<TName, TColumns>
}
