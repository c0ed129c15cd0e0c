// Foreign keys of the models: what a reference points at, resolved against the tables the module exports.
import type * as S from '../schema/schema.js'
import { qualifiedName } from '../schema/schema.js'
import type { AnyColumn } from './column.js'
import type { ForeignKeyState } from './constraints.js'
import { entityKind } from './entity.js'
import type { ModelTables } from './model-tables.js'
import { columnsAddition, defaultName, uniqueName } from './names.js'
import type { AnyTable } from './table.js'

/** The column a reference resolves to. */
export interface Target {
  readonly table: AnyTable
  readonly column: string
}

/** What `references()` points at, or null after recording why it points nowhere. */
export function resolveTarget(target: unknown, tables: ModelTables, where: string, problems: string[]): Target | null {
  if (typeof target === 'string') {
    const parts = target.split('.')
    const [schema, table, column] = parts.length === 3 ? parts : ['public', ...parts]
    const found = parts.length >= 2 && parts.length <= 3 ? tables.named(schema!, table!) : undefined
    if (!found) {
      problems.push(`${where} references '${target}', but the models declare no table ${parts.length >= 2 ? parts.slice(0, -1).join('.') : target}: write 'table.column' naming an exported table`)
      return null
    }
    if (!tables.columns(found).some((c) => c.state.name === column)) {
      problems.push(`${where} references '${target}', but table ${qualifiedName(found)} has no column ${column}: check the column's name`)
      return null
    }
    return { table: found, column: column! }
  }
  let value: unknown
  try {
    value = typeof target === 'function' ? (target as () => unknown)() : target
  } catch (error) {
    problems.push(`${where}: its reference threw ${error instanceof Error ? error.message : String(error)}: return a column, e.g. () => user.columns.id`)
    return null
  }
  return targetColumn(value, tables, where, problems)
}

function targetColumn(value: unknown, tables: ModelTables, where: string, problems: string[]): Target | null {
  const c = value as AnyColumn
  if (entityKind(value) !== 'column' || !c.table) {
    problems.push(`${where} references ${value === undefined ? 'undefined' : 'something that is not a table column'}: return a column of an exported table, e.g. () => user.columns.id`)
    return null
  }
  const table = (tables.has(c.table as AnyTable) ? (c.table as AnyTable) : undefined) ?? tables.named(c.table.schema, c.table.name)
  if (!table) {
    problems.push(`${where} references table ${qualifiedName(c.table)}, which the models module does not export: export it`)
    return null
  }
  return { table, column: c.state.name ?? '' }
}

/** A Schema foreign key; actions default to PostgreSQL's `no action`. */
export function foreignKey(name: string, columns: string[], target: AnyTable, refColumns: string[], options: ForeignKeyState['options']): S.ForeignKey {
  return {
    name,
    columns,
    refSchema: target.schema,
    refTable: target.name,
    refColumns,
    onDelete: options.onDelete ?? 'no action',
    onUpdate: options.onUpdate ?? 'no action',
    deferral: options.initiallyDeferred ? 'initially deferred' : options.deferrable ? 'deferrable' : 'not deferrable',
    match: options.match ?? 'simple',
    notValid: options.notValid ?? false,
  }
}

/** A table-level foreignKey().on(...).references(...), resolved; empty after recording a problem. */
export function tableForeignKey(
  fk: ForeignKeyState,
  t: AnyTable,
  label: string,
  tables: ModelTables,
  constraintNames: Set<string>,
  ownAll: (cols: readonly AnyColumn[], what: string) => string[] | null,
  problems: string[],
): S.ForeignKey[] {
  const cols = ownAll(fk.columns, 'foreign key')
  if (!cols) return []
  const where = `foreign key ${label} (${cols.join(', ')})`
  if (!fk.target) {
    problems.push(`${where} references nothing: add .references(() => [other.columns.id])`)
    return []
  }
  let values: unknown
  try {
    values = fk.target()
  } catch (error) {
    problems.push(`${where}: its reference threw ${error instanceof Error ? error.message : String(error)}: return the referenced columns`)
    return []
  }
  const list = Array.isArray(values) ? values : [values]
  const targets = list.map((v) => targetColumn(v, tables, where, problems))
  if (targets.some((x) => x === null)) return []
  const refTables = new Set(targets.map((x) => x!.table))
  if (refTables.size !== 1) {
    problems.push(`${where} references columns of several tables: reference columns of one table`)
    return []
  }
  if (targets.length !== cols.length) {
    problems.push(`${where} has ${cols.length} column(s) but references ${targets.length}: list as many on each side`)
    return []
  }
  const name = fk.name ?? uniqueName(defaultName(t.name, columnsAddition(cols), 'fkey'), constraintNames)
  return [foreignKey(name, cols, targets[0]!.table, targets.map((x) => x!.column), fk.options)]
}
