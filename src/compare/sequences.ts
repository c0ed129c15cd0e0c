import type { Operation } from '../ops/operation.js'
import type { SequenceAttribute } from '../ops/type-operations.js'
import { isSerial } from '../schema/pg-types.js'
import type { Schema } from '../schema/schema.js'
import type { Sequence, SequenceOwner } from '../schema/types.js'
import { keyOf } from './keys.js'

const attributes: readonly SequenceAttribute[] = ['type', 'start', 'increment', 'min', 'max', 'cache', 'cycle']

/**
 * Sequences created, dropped, with other options, or owned by another column. The sequence of a serial column on
 * the other side is that column's: alter_column makes, frees or drops it.
 */
export function compareSequences(from: Schema, to: Schema): Operation[] {
  const ops: Operation[] = []
  const fromSerial = serialSequences(from)
  const toSerial = serialSequences(to)
  const toByKey = new Map(to.sequences.map((s) => [keyOf(s), s]))
  const fromByKey = new Map(from.sequences.map((s) => [keyOf(s), s]))
  for (const s of to.sequences) {
    if (fromByKey.has(keyOf(s)) || fromSerial.has(keyOf(s))) continue
    ops.push({ kind: 'create_sequence', sequence: s })
    if (s.ownedBy) ops.push(owner(s, null, s.ownedBy))
  }
  for (const s of from.sequences) {
    const target = toByKey.get(keyOf(s))
    if (!target) {
      if (toSerial.has(keyOf(s))) continue
      if (s.ownedBy) ops.push(owner(s, s.ownedBy, null))
      ops.push({ kind: 'drop_sequence', sequence: s })
      continue
    }
    const changes = attributes.filter((a) => s[a] !== target[a])
    if (changes.length) ops.push({ kind: 'alter_sequence', from: s, to: target, changes })
    if (JSON.stringify(s.ownedBy) !== JSON.stringify(target.ownedBy)) {
      if (s.ownedBy) ops.push(owner(s, s.ownedBy, null))
      if (target.ownedBy) ops.push(owner(s, null, target.ownedBy))
    }
  }
  return ops
}

function owner(s: Sequence, from: SequenceOwner | null, to: SequenceOwner | null): Operation {
  return { kind: 'set_sequence_owner', sequence: { schema: s.schema, name: s.name }, from, to }
}

/** The sequences serial columns imply, as keyOf keys: `<table>_<column>_seq` beside the table. */
function serialSequences(schema: Schema): Set<string> {
  return new Set(schema.tables.flatMap((t) => t.columns.filter((c) => isSerial(c.type)).map((c) => keyOf({ schema: t.schema, name: `${t.name}_${c.name}_seq` }))))
}
