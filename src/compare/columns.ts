import type { ColumnAttribute, Operation, TableRef } from '../ops/operation.js'
import type { Column, Table } from '../schema/schema.js'
import { sameExpression } from './normalize.js'

/** Columns added, dropped or altered in a table both sides have; the order only when `columnOrder` is set. */
export function compareColumns(ref: TableRef, from: Table, to: Table, columnOrder: boolean, isEnum: (type: string) => boolean): Operation[] {
  const ops: Operation[] = []
  const toByName = new Map(to.columns.map((c) => [c.name, c]))
  const fromNames = new Set(from.columns.map((c) => c.name))
  for (const column of from.columns) {
    const target = toByName.get(column.name)
    if (!target) ops.push({ kind: 'drop_column', table: ref, column })
    else ops.push(...alterColumnOps(ref, column, target, isEnum))
  }
  for (const column of to.columns) if (!fromNames.has(column.name)) ops.push({ kind: 'add_column', table: ref, column })
  if (columnOrder) {
    // Added columns land at the end, so that is the order the table ends up with.
    const after = [...from.columns.filter((c) => toByName.has(c.name)), ...to.columns.filter((c) => !fromNames.has(c.name))]
    const wanted = to.columns.map((c) => c.name)
    if (after.map((c) => c.name).join('\0') !== wanted.join('\0')) {
      ops.push({ kind: 'reorder_columns', table: ref, from: from.columns.map((c) => c.name), to: wanted })
    }
  }
  return ops
}

/** The alter_column that turns `from` into `to`, if anything differs. */
export function alterColumnOps(ref: TableRef, from: Column, to: Column, isEnum: (type: string) => boolean): Operation[] {
  const changes = columnChanges(from, to)
  const viaText = changes.includes('type') && isEnum(from.type) && isEnum(to.type) && from.type.endsWith('[]') === to.type.endsWith('[]')
  return changes.length ? [{ kind: 'alter_column', table: ref, from, to, changes, ...(viaText ? { viaText } : {}) }] : []
}

/** The attributes a migration must change to turn `from` into `to`, defaults and generation compared by meaning. */
export function columnChanges(from: Column, to: Column): ColumnAttribute[] {
  const changes: ColumnAttribute[] = []
  if (from.type !== to.type) changes.push('type')
  if (from.notNull !== to.notNull) changes.push('nullability')
  if (!sameExpression(from.default, to.default)) changes.push('default')
  if (from.identity !== to.identity) changes.push('identity')
  if (!sameExpression(from.generated, to.generated)) changes.push('generated')
  if (from.comment !== to.comment) changes.push('comment')
  if ((from.collation ?? null) !== (to.collation ?? null)) changes.push('collation')
  return changes
}
