// Definition objects (views, functions, triggers, ...): created, dropped, changed in place where PostgreSQL's
// CREATE OR REPLACE allows it, and otherwise dropped and created again, together with everything that depends on them
// or on a column whose type changes under them.
import type { ObjectAttribute, Operation, Recreated } from '../ops/operation.js'
import { addsColumns, keyOfObject, kindOfKey, objectKey, type SchemaObject } from '../schema/objects.js'
import type { Schema } from '../schema/schema.js'
import { sameDefinition } from './definitions.js'

/** The object operations that turn `from` into `to`, given the table operations that run with them. */
export function compareObjects(from: Schema, to: Schema, tableOps: readonly Operation[]): Operation[] {
  const fromObjects = from.objects ?? []
  const toObjects = to.objects ?? []
  if (fromObjects.length === 0 && toObjects.length === 0) return []
  const fromByKey = new Map(fromObjects.map((o) => [keyOfObject(o), o]))
  const toByKey = new Map(toObjects.map((o) => [keyOfObject(o), o]))

  const created = toObjects.filter((o) => !fromByKey.has(keyOfObject(o)))
  const dropped = fromObjects.filter((o) => !toByKey.has(keyOfObject(o)))
  const altered = new Map<string, Extract<Operation, { kind: 'alter_object' }>>()
  // Objects whose old version must go before the change: dropped ones, ones CREATE OR REPLACE cannot change,
  // and the columns and tables that change under them.
  const gone = new Set<string>([...dropped.map(keyOfObject), ...changedUnder(tableOps)])
  const changed = new Set<string>()
  const reshaped = new Set<string>()
  for (const o of fromObjects) {
    const target = toByKey.get(keyOfObject(o))
    if (!target) continue
    const changes = differences(o, target)
    if (changes.includes('definition') && !canReplace(o, target)) {
      gone.add(keyOfObject(o))
      changed.add(keyOfObject(o))
    }
    else if (changes.length) {
      altered.set(keyOfObject(o), { kind: 'alter_object', from: o, to: target, changes })
      // a view that gains columns is replaced in place, but the way back drops it: what reads it goes and comes back
      if (!sameShape(o, target)) reshaped.add(keyOfObject(o))
    }
  }
  // Whatever depends on something that goes must go too, and come back after it.
  for (let grew = true; grew; ) {
    grew = false
    for (const o of fromObjects) {
      const key = keyOfObject(o)
      if (!gone.has(key) && o.dependsOn.some((d) => gone.has(d) || reshaped.has(d))) {
        gone.add(key)
        grew = true
      }
    }
  }
  const rebuilt = fromObjects.filter((o) => gone.has(keyOfObject(o)) && toByKey.has(keyOfObject(o)))
  for (const o of rebuilt) altered.delete(keyOfObject(o))

  const rebuiltKeys = new Set(rebuilt.map(keyOfObject))
  const why = (object: SchemaObject): { recreated?: Recreated } => {
    const key = keyOfObject(object)
    return rebuiltKeys.has(key) ? { recreated: changed.has(key) ? 'changed' : 'depends' } : {}
  }
  const drops = inDependencyOrder([...dropped, ...rebuilt]).reverse()
  // creations and changes in one order, so what reads an object comes after it in both directions
  const later = inDependencyOrder([...created, ...rebuilt.map((o) => toByKey.get(keyOfObject(o))!), ...[...altered.values()].map((op) => op.to)])
  return [
    ...drops.map((object): Operation => ({ kind: 'drop_object', object, ...why(object) })),
    ...later.map((object): Operation => altered.get(keyOfObject(object)) ?? { kind: 'create_object', object, ...why(object) }),
  ]
}

function differences(from: SchemaObject, to: SchemaObject): ObjectAttribute[] {
  const changes: ObjectAttribute[] = []
  if (!sameDefinition(from.definition, to.definition)) changes.push('definition')
  if (from.comment !== to.comment) changes.push('comment')
  if (from.enabled !== to.enabled) changes.push('enabled')
  return changes
}

/**
 * What CREATE OR REPLACE can do: a function or procedure keeping its arguments (names and defaults) and result type;
 * a view keeping its columns, new ones added at the end (going back, render drops and creates it: see alterObject).
 * Anything else is dropped and created again.
 */
function canReplace(from: SchemaObject, to: SchemaObject): boolean {
  switch (from.kind) {
    case 'function':
    case 'procedure':
      return from.shape.length === to.shape.length && from.shape.every((s, i) => s === to.shape[i])
    case 'view':
      return addsColumns(from, to)
    default:
      return false
  }
}

function sameShape(a: SchemaObject, b: SchemaObject): boolean {
  return a.shape.length === b.shape.length && a.shape.every((s, i) => s === b.shape[i])
}

/** Keys of the columns whose type changes and of the columns and tables dropped: an object reading them cannot stay. */
function changedUnder(ops: readonly Operation[]): string[] {
  return ops.flatMap((op) => {
    switch (op.kind) {
      case 'alter_column':
        return op.changes.includes('type') || op.changes.includes('generated') ? [objectKey('column', op.table.schema, op.from.name, op.table.name)] : []
      case 'drop_column':
        return [objectKey('column', op.table.schema, op.column.name, op.table.name)]
      case 'drop_table':
        return [objectKey('table', op.table.schema, op.table.name)]
      case 'alter_enum': {
        // values only added go in place; any other change rebuilds the type and converts its columns
        const kept = op.to.values.filter((v) => op.from.values.includes(v))
        if (JSON.stringify(kept) === JSON.stringify(op.from.values)) return []
        return op.usages.map((u) => objectKey('column', u.table.schema, u.column, u.table.name))
      }
      default:
        return []
    }
  })
}

/** `objects` with each one after those of them it depends on; otherwise in the order given. */
export function inDependencyOrder(objects: readonly SchemaObject[]): SchemaObject[] {
  const byKey = new Map(objects.map((o) => [keyOfObject(o), o]))
  const done = new Set<string>()
  const order: SchemaObject[] = []
  const visit = (o: SchemaObject): void => {
    const key = keyOfObject(o)
    if (done.has(key)) return
    done.add(key)
    for (const d of o.dependsOn) {
      const dep = byKey.get(d)
      if (dep) visit(dep)
    }
    order.push(o)
  }
  objects.forEach(visit)
  return order
}

/** A function that takes or returns a table's row type, or reads tables in a BEGIN ATOMIC body, comes after the tables. */
export function needsTables(o: SchemaObject): boolean {
  return o.dependsOn.some((d) => ['table', 'column', 'view', 'materialized_view'].includes(kindOfKey(d)))
}

/**
 * Where an object operation runs among the others (see compare's phases): functions that need no table before the
 * tables (defaults and checks may call them), everything else after the tables and enums are done; triggers after their tables and functions,
 * event triggers last; drops the other way round, except a function that tables may still use.
 */
export function objectPhase(op: Extract<Operation, { kind: 'create_object' | 'drop_object' | 'alter_object' }>): number {
  const o = op.kind === 'alter_object' ? op.to : op.object
  const early = (o.kind === 'function' || o.kind === 'procedure') && !needsTables(o)
  if (op.kind === 'drop_object') {
    if (o.kind === 'event_trigger') return 3.1
    if (o.kind === 'trigger') return 3.2
    return early && !op.recreated ? 10.5 : 3.3
  }
  if (early) return 3.8
  // after an enum shrinks (alter_enum remove_values), which rebuilds the type under the columns a view reads
  return o.kind === 'trigger' ? 11.3 : o.kind === 'event_trigger' ? 11.4 : 11.2
}
