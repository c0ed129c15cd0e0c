import type { Operation } from '../ops/operation.js'
import type { SequenceAttribute } from '../ops/type-operations.js'
import { baseType, integerRange, isSerial } from '../schema/pg-types.js'
import type { Column, Schema, Table } from '../schema/schema.js'
import type { Sequence, SequenceOwner } from '../schema/types.js'
import { keyOf } from './keys.js'

const attributes: readonly SequenceAttribute[] = ['type', 'start', 'increment', 'min', 'max', 'cache', 'cycle']

/**
 * Sequences created, dropped, with other options, or owned by another column. The sequence of a serial column on
 * the other side is that column's: alter_column makes, frees or drops it, and this sets the options and owner the
 * other side gives it.
 */
export function compareSequences(from: Schema, to: Schema): Operation[] {
  const ops: Operation[] = []
  // read only for a sequence one side lacks
  const fromSerial = lazy(() => serialSequences(from))
  const toSerial = lazy(() => serialSequences(to))
  const toByKey = new Map(to.sequences.map((s) => [keyOf(s), s]))
  const fromByKey = new Map(from.sequences.map((s) => [keyOf(s), s]))
  for (const s of to.sequences) {
    if (fromByKey.has(keyOf(s))) continue
    const serial = fromSerial().get(keyOf(s))
    if (serial) {
      // a column that stops being serial but still draws from its sequence frees it (see alter_column)
      if (column(to, serial.ownedBy!)?.default?.replace(/"/g, '') === nextval(s)) ops.push(...changes({ ...serial, ownedBy: null }, s))
      continue
    }
    ops.push({ kind: 'create_sequence', sequence: s })
    if (s.ownedBy) ops.push(owner(s, null, s.ownedBy))
  }
  for (const s of from.sequences) {
    const target = toByKey.get(keyOf(s))
    if (!target) {
      const serial = toSerial().get(keyOf(s))
      // a column that becomes serial takes its sequence over, with its type and owner (see alter_column): the range
      // follows the type there, from the old type's bounds
      if (serial && column(from, serial.ownedBy!)) ops.push(...changes(s, { ...serial, type: s.type, max: integerRange[s.type]!.max, ownedBy: s.ownedBy }))
      else if (!serial) {
        if (s.ownedBy) ops.push(owner(s, s.ownedBy, null))
        ops.push({ kind: 'drop_sequence', sequence: s })
      }
      continue
    }
    ops.push(...changes(s, target))
  }
  return ops
}

function lazy<T>(make: () => T): () => T {
  let value: T | undefined
  return () => (value ??= make())
}

function changes(s: Sequence, target: Sequence): Operation[] {
  const ops: Operation[] = []
  const changed = attributes.filter((a) => s[a] !== target[a])
  if (changed.length) ops.push({ kind: 'alter_sequence', from: s, to: target, changes: changed })
  if (JSON.stringify(s.ownedBy) !== JSON.stringify(target.ownedBy)) {
    if (s.ownedBy) ops.push(owner(s, s.ownedBy, null))
    if (target.ownedBy) ops.push(owner(s, null, target.ownedBy))
  }
  return ops
}

function owner(s: Sequence, from: SequenceOwner | null, to: SequenceOwner | null): Operation {
  return { kind: 'set_sequence_owner', sequence: { schema: s.schema, name: s.name }, from, to }
}

/** The sequences serial columns imply, by keyOf key: `<table>_<column>_seq` beside the table, of the column's type, with default options. */
function serialSequences(schema: Schema): Map<string, Sequence> {
  const found = schema.tables.flatMap((t) => t.columns.filter((c) => isSerial(c.type)).map((c) => serialSequence(t, c)))
  return new Map(found.map((s) => [keyOf(s), s]))
}

function serialSequence(t: Table, c: Column): Sequence {
  const type = baseType(c.type)
  return {
    schema: t.schema, name: `${t.name}_${c.name}_seq`, type, start: '1', increment: '1', min: '1', max: integerRange[type]!.max, cache: '1', cycle: false,
    ownedBy: { schema: t.schema, table: t.name, column: c.name },
  }
}

function column(schema: Schema, at: SequenceOwner): Column | undefined {
  return schema.tables.find((t) => t.schema === at.schema && t.name === at.table)?.columns.find((c) => c.name === at.column)
}

/** A default drawing from `s` as PostgreSQL prints it under search_path public, quotes left out. */
function nextval(s: Sequence): string {
  return `nextval('${s.schema === 'public' ? s.name : `${s.schema}.${s.name}`}'::regclass)`
}
