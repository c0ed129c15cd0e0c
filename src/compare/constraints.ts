import type { Operation, TableRef } from '../ops/operation.js'
import type { Table } from '../schema/schema.js'
import { checkSignature, foreignKeySignature, primaryKeySignature, uniqueSignature } from './normalize.js'

/** Primary key, uniques, checks and foreign keys of a table both sides have, matched by signature. */
export function compareConstraints(ref: TableRef, from: Table, to: Table): Operation[] {
  const ops: Operation[] = []
  const fromPk = from.primaryKey
  const toPk = to.primaryKey
  if (fromPk && (!toPk || primaryKeySignature(fromPk) !== primaryKeySignature(toPk))) {
    ops.push({ kind: 'drop_primary_key', table: ref, primaryKey: fromPk })
  }
  if (toPk && (!fromPk || primaryKeySignature(fromPk) !== primaryKeySignature(toPk))) {
    ops.push({ kind: 'add_primary_key', table: ref, primaryKey: toPk })
  }
  const uniques = matchBySignature(from.uniques, to.uniques, uniqueSignature)
  for (const unique of uniques.removed) ops.push({ kind: 'drop_unique', table: ref, unique })
  for (const unique of uniques.added) ops.push({ kind: 'add_unique', table: ref, unique })
  const checks = matchBySignature(from.checks, to.checks, checkSignature)
  for (const check of checks.removed) ops.push({ kind: 'drop_check', table: ref, check })
  for (const check of checks.added) ops.push({ kind: 'add_check', table: ref, check })
  const fks = matchBySignature(from.foreignKeys, to.foreignKeys, foreignKeySignature)
  for (const foreignKey of fks.removed) ops.push({ kind: 'drop_foreign_key', table: ref, foreignKey })
  for (const foreignKey of fks.added) ops.push({ kind: 'add_foreign_key', table: ref, foreignKey })
  return ops
}

/** Pairs items with equal signatures (as multisets); what is left over was removed or added. */
export function matchBySignature<T>(from: readonly T[], to: readonly T[], signature: (item: T) => string): { removed: T[]; added: T[] } {
  const pool = new Map<string, number>()
  for (const item of to) pool.set(signature(item), (pool.get(signature(item)) ?? 0) + 1)
  const removed: T[] = []
  for (const item of from) {
    const left = pool.get(signature(item)) ?? 0
    if (left > 0) pool.set(signature(item), left - 1)
    else removed.push(item)
  }
  const kept = new Map<string, number>()
  for (const item of from) kept.set(signature(item), (kept.get(signature(item)) ?? 0) + 1)
  const added: T[] = []
  for (const item of to) {
    const left = kept.get(signature(item)) ?? 0
    if (left > 0) kept.set(signature(item), left - 1)
    else added.push(item)
  }
  return { removed, added }
}
