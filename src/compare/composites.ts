import type { Operation } from '../ops/operation.js'
import type { Schema } from '../schema/schema.js'
import type { CompositeType } from '../schema/types.js'
import { enumTypeName } from './enums.js'
import { keyOf } from './keys.js'

/** Composite types created (each after the composite types it holds), dropped, or with other attributes. */
export function compareComposites(from: Schema, to: Schema): Operation[] {
  const ops: Operation[] = []
  const toByKey = new Map(to.compositeTypes.map((c) => [keyOf(c), c]))
  const fromKeys = new Set(from.compositeTypes.map(keyOf))
  for (const c of dependencyOrder(to.compositeTypes.filter((c) => !fromKeys.has(keyOf(c))))) ops.push({ kind: 'create_composite', composite: c })
  for (const c of dependencyOrder(from.compositeTypes).reverse()) {
    const target = toByKey.get(keyOf(c))
    if (!target) ops.push({ kind: 'drop_composite', composite: c })
    else if (JSON.stringify(c.attributes) !== JSON.stringify(target.attributes)) ops.push({ kind: 'alter_composite', from: c, to: target })
  }
  return ops
}

function dependencyOrder(types: readonly CompositeType[]): CompositeType[] {
  const byName = new Map(types.map((t) => [enumTypeName(t), t]))
  const out: CompositeType[] = []
  const seen = new Set<CompositeType>()
  const visit = (t: CompositeType): void => {
    if (seen.has(t)) return
    seen.add(t)
    for (const a of t.attributes) {
      const used = byName.get(a.type.replace(/"/g, '').replace(/\[\]$/, ''))
      if (used) visit(used)
    }
    out.push(t)
  }
  types.forEach(visit)
  return out
}
