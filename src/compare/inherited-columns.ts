import type { Operation } from '../ops/operation.js'
import { isSerial } from '../schema/pg-types.js'
import type { Schema, Table } from '../schema/schema.js'
import { alterColumnOps } from './columns.js'
import { keyOf } from './keys.js'

/**
 * A column that moves from a parent into every table inheriting it: dropped from ONLY the parent, so the children
 * keep it as their own, values and all, instead of losing it and adding an empty one (which fails while the
 * inherited one is still there). What else differs in a child is altered right after the drop. When some child
 * does not take the column, the others add theirs after the parent's goes.
 */
export function keepInheritedColumns(ops: readonly Operation[], from: Schema, to: Schema, isEnum: (type: string) => boolean): Operation[] {
  if (!ops.some((op) => op.kind === 'drop_column')) return [...ops]
  const toByKey = new Map(to.tables.map((t) => [keyOf(t), t]))
  const added = new Map<string, Extract<Operation, { kind: 'add_column' }>>()
  for (const op of ops) if (op.kind === 'add_column') added.set(`${keyOf(op.table)}\0${op.column.name}`, op)
  // the tables inheriting from each parent, in from's order
  const childrenOf = new Map<string, Table[]>()
  for (const t of from.tables) {
    for (const p of t.inherits) {
      const key = keyOf(p)
      let list = childrenOf.get(key)
      if (!list) childrenOf.set(key, (list = []))
      if (list[list.length - 1] !== t) list.push(t)
    }
  }
  const moved = new Set<Operation>()
  const after = new Map<Operation, Operation[]>()
  const kept = new Map<Operation, Operation>()
  for (const op of ops) {
    if (op.kind !== 'drop_column') continue
    const parent = keyOf(op.table)
    const children = childrenOf.get(parent) ?? []
    const adds = children.map((t) => {
      const target = toByKey.get(keyOf(t))
      return target?.inherits.some((p) => keyOf(p) === parent) ? added.get(`${keyOf(t)}\0${op.column.name}`) : undefined
    })
    const found = adds.filter((a) => a !== undefined)
    if (!found.length) continue
    for (const a of found) moved.add(a)
    // a child's copy of an identity or serial column is neither; a child that does not take the column loses it
    if (adds.length > found.length || op.column.identity !== null || isSerial(op.column.type)) {
      after.set(op, found)
      continue
    }
    kept.set(op, { ...op, keptByChildren: true })
    after.set(op, found.flatMap((a) => alterColumnOps(a.table, { ...op.column, comment: null }, a.column, isEnum)))
  }
  return ops.flatMap((op) => (moved.has(op) ? [] : [kept.get(op) ?? op, ...(after.get(op) ?? [])]))
}
