import type { Operation, TableRef } from '../ops/operation.js'
import type { Table } from '../schema/schema.js'
import { checkSignature, exclusionSignature, foreignKeySignature, primaryKeySignature, uniqueSignature } from './normalize.js'
import { sameCheck, sameForeignKey, sameList, sameUnique } from './same.js'

/** Primary key, uniques, checks, exclusion constraints and foreign keys of a table both sides have, matched by signature. */
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
  const uniques = matchBySignature(from.uniques, to.uniques, uniqueSignature, sameUnique)
  for (const unique of uniques.removed) ops.push({ kind: 'drop_unique', table: ref, unique })
  for (const unique of uniques.added) ops.push({ kind: 'add_unique', table: ref, unique })
  const checks = matchBySignature(from.checks, to.checks, checkSignature, sameCheck)
  for (const check of checks.removed) ops.push({ kind: 'drop_check', table: ref, check })
  for (const check of checks.added) ops.push({ kind: 'add_check', table: ref, check })
  const exclusions = matchBySignature(from.exclusions, to.exclusions, exclusionSignature, sameCheck)
  for (const exclusion of exclusions.removed) ops.push({ kind: 'drop_exclusion', table: ref, exclusion })
  for (const exclusion of exclusions.added) ops.push({ kind: 'add_exclusion', table: ref, exclusion })
  const fks = matchBySignature(from.foreignKeys, to.foreignKeys, foreignKeySignature, sameForeignKey)
  for (const foreignKey of fks.removed) ops.push({ kind: 'drop_foreign_key', table: ref, foreignKey })
  for (const foreignKey of fks.added) ops.push({ kind: 'add_foreign_key', table: ref, foreignKey })
  return ops
}

/**
 * Pairs items with equal signatures (as multisets); what is left over was removed or added. A kept item whose name
 * an added item takes is rebuilt under its new name, so the added one does not collide with it; so is one whose new
 * name a removed item frees, so the name the other side gives it is not lost. Lists the same item for item (`same`)
 * have nothing left over.
 */
export function matchBySignature<T extends { readonly name: string }>(
  from: readonly T[],
  to: readonly T[],
  signature: (item: T) => string,
  same: (a: T, b: T) => boolean,
): { removed: T[]; added: T[] } {
  if (sameList(from, to, same)) return { removed: [], added: [] }
  const unmatched = new Map<string, T[]>()
  for (const item of to) {
    const key = signature(item)
    const list = unmatched.get(key)
    if (list) list.push(item)
    else unmatched.set(key, [item])
  }
  const fromSignatures = new Map(from.map((item) => [item, signature(item)]))
  const kept: [T, T][] = []
  const matched = new Set<T>()
  const take = (item: T, sameName: boolean): boolean => {
    const candidates = unmatched.get(fromSignatures.get(item)!)
    if (!candidates) return false
    const at = sameName ? candidates.findIndex((c) => c.name === item.name) : candidates.length ? 0 : -1
    if (at < 0) return false
    const match = candidates.splice(at, 1)[0]!
    kept.push([item, match])
    matched.add(match)
    return true
  }
  const rest = from.filter((item) => !take(item, true))
  const removed = rest.filter((item) => !take(item, false))
  const added = to.filter((item) => !matched.has(item))
  const takenNames = new Set(added.map((item) => item.name))
  const freedNames = new Set(removed.map((item) => item.name))
  for (const [item, match] of kept) {
    if (item.name !== match.name && (takenNames.has(item.name) || freedNames.has(match.name))) {
      removed.push(item)
      added.unshift(match)
    }
  }
  return { removed, added }
}
