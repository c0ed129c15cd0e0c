import type { Operation, TableRef } from '../ops/operation.js'
import type { Column, Table } from '../schema/schema.js'
import { sameExpression } from './normalize.js'

/** Columns added, dropped or altered in a table both sides have; the order only when `columnOrder` is set. */
export function compareColumns(ref: TableRef, from: Table, to: Table, columnOrder: boolean): Operation[] {
  const ops: Operation[] = []
  const toByName = new Map(to.columns.map((c) => [c.name, c]))
  const fromNames = new Set(from.columns.map((c) => c.name))
  for (const column of from.columns) {
    const target = toByName.get(column.name)
    if (!target) ops.push({ kind: 'drop_column', table: ref, column })
    else if (!sameColumn(column, target)) ops.push({ kind: 'alter_column', table: ref, from: column, to: target })
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

/** Equal in every attribute a migration can change, defaults and generation compared by meaning. */
export function sameColumn(a: Column, b: Column): boolean {
  return (
    a.type === b.type &&
    a.notNull === b.notNull &&
    sameExpression(a.default, b.default) &&
    a.identity === b.identity &&
    sameExpression(a.generated, b.generated) &&
    a.comment === b.comment
  )
}
