import type { Operation } from '../ops/operation.js'
import type { Schema } from '../schema/schema.js'
import type { Collation } from '../schema/types.js'
import { keyOf } from './keys.js'

/** Collations created, dropped, or with another provider, locale or determinism. */
export function compareCollations(from: Schema, to: Schema): Operation[] {
  const ops: Operation[] = []
  const toByKey = new Map(to.collations.map((c) => [keyOf(c), c]))
  const fromKeys = new Set(from.collations.map(keyOf))
  for (const c of to.collations) if (!fromKeys.has(keyOf(c))) ops.push({ kind: 'create_collation', collation: c })
  for (const c of from.collations) {
    const target = toByKey.get(keyOf(c))
    if (!target) ops.push({ kind: 'drop_collation', collation: c })
    else if (collationSignature(c) !== collationSignature(target)) ops.push({ kind: 'alter_collation', from: c, to: target })
  }
  return ops
}

function collationSignature(c: Collation): string {
  return JSON.stringify([c.provider, c.locale, c.lcCollate, c.lcCtype, c.deterministic])
}
