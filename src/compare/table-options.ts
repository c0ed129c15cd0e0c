import type { Operation, TableRef } from '../ops/operation.js'
import { qualifiedName, type Table } from '../schema/schema.js'
import { keyOf } from './keys.js'

/**
 * Whether a table both sides have must be dropped and created again: PostgreSQL cannot change a table's partition
 * key, nor make a table a partition of another parent in place.
 */
export function needsRebuild(from: Table, to: Table): boolean {
  return rebuildReason(from, to) !== null
}

/** Why a table both sides have is dropped and created again, in words; null when it is not. */
export function rebuildReason(from: Table, to: Table): string | null {
  if (from.partitionBy === to.partitionBy && from.partitionOf === null && to.partitionOf === null) return null
  const parent = (t: Table) => (t.partitionOf ? qualifiedName(t.partitionOf) : 'none')
  if (from.partitionBy !== to.partitionBy) return `partition key ${from.partitionBy ?? 'none'} in the migrations, ${to.partitionBy ?? 'none'} in the models`
  if (parent(from) !== parent(to)) return `partition of ${parent(from)} in the migrations, ${parent(to)} in the models`
  return null
}

/** Persistence, row-level security, a partition's bound and the parents a table inherits from. */
export function compareTableOptions(ref: TableRef, from: Table, to: Table): Operation[] {
  const ops: Operation[] = []
  if (from.unlogged !== to.unlogged) ops.push({ kind: 'set_unlogged', table: ref, from: from.unlogged, to: to.unlogged })
  if (from.rowLevelSecurity !== to.rowLevelSecurity) ops.push({ kind: 'set_row_level_security', table: ref, from: from.rowLevelSecurity, to: to.rowLevelSecurity })
  if (from.partitionOf && to.partitionOf && from.partitionOf.bound !== to.partitionOf.bound) {
    ops.push({ kind: 'alter_partition', table: ref, parent: { schema: to.partitionOf.schema, name: to.partitionOf.name }, from: from.partitionOf.bound, to: to.partitionOf.bound })
  }
  // parents are let go early (a parent that goes cannot be dropped while inherited) and taken on late (once they
  // exist and the child holds their columns and checks): two steps, whose phases compare.ts tells apart
  const kept = from.inherits.filter((p) => to.inherits.some((q) => keyOf(q) === keyOf(p)))
  if (kept.length < from.inherits.length) ops.push({ kind: 'set_inherits', table: ref, from: from.inherits, to: kept })
  if (kept.length !== to.inherits.length || kept.some((p, i) => keyOf(p) !== keyOf(to.inherits[i]!))) ops.push({ kind: 'set_inherits', table: ref, from: kept, to: to.inherits })
  return ops
}
