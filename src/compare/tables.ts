import type { Operation, TableRef } from '../ops/operation.js'
import { qualifiedName, type ForeignKey, type Schema, type Table } from '../schema/schema.js'
import { compareColumns } from './columns.js'
import { compareConstraints } from './constraints.js'
import { enumTypeName } from './enums.js'
import { compareIndexes } from './indexes.js'
import { keepInheritedColumns } from './inherited-columns.js'
import { keyOf } from './keys.js'
import { comparePolicies } from './policies.js'
import { sameTable } from './same.js'
import { compareTableOptions, needsRebuild, rebuildReason } from './table-options.js'

/** Tables created and dropped, and for tables both sides have: columns, constraints, indexes and comment. */
export function compareTables(from: Schema, to: Schema, columnOrder: boolean, rebuilt: ReadonlySet<string> = rebuiltTables(from, to)): Operation[] {
  const fromByKey = new Map(from.tables.map((t) => [keyOf(t), t]))
  const toByKey = new Map(to.tables.map((t) => [keyOf(t), t]))
  const ops: Operation[] = []
  const enumNames = new Set([...from.enums, ...to.enums].map(enumTypeName))
  const isEnum = (type: string): boolean => enumNames.has(type.replace(/"/g, '').replace(/\[\]$/, ''))

  const reason = (t: Table): { rebuild?: string } => {
    const key = keyOf(t)
    if (!rebuilt.has(key)) return {}
    const [a, b] = [fromByKey.get(key), toByKey.get(key)]
    const own = a && b ? rebuildReason(a, b) : null
    return { rebuild: own ?? `its parent ${qualifiedName((a ?? b)!.partitionOf ?? t)} is created again` }
  }
  const created = createOrder(to.tables.filter((t) => !fromByKey.has(keyOf(t)) || rebuilt.has(keyOf(t))))
  for (const { table } of created) ops.push({ kind: 'create_table', table, ...reason(table) })
  for (const { table, separate } of created) {
    for (const foreignKey of separate) ops.push({ kind: 'add_foreign_key', table: refOf(table), foreignKey })
  }

  const dropped = createOrder(from.tables.filter((t) => !toByKey.has(keyOf(t)) || rebuilt.has(keyOf(t)))).reverse()
  for (const { table, separate } of dropped) {
    for (const foreignKey of separate) ops.push({ kind: 'drop_foreign_key', table: refOf(table), foreignKey })
  }
  for (const { table } of dropped) ops.push({ kind: 'drop_table', table, ...reason(table) })

  for (const table of from.tables) {
    const key = keyOf(table)
    const target = toByKey.get(key)
    // a table equal on both sides has nothing to change, whatever its parents do (it names them on both sides)
    if (!target || rebuilt.has(key) || sameTable(table, target)) continue
    const ref = refOf(table)
    // a parent let go leaves its columns and checks in the child; a parent taken on needs them there first
    const released = withParents(table, target, fromByKey)
    const taken = withParents(target, table, toByKey)
    ops.push(...compareColumns(ref, released, taken, columnOrder, isEnum))
    ops.push(...compareConstraints(ref, released, taken))
    ops.push(...compareIndexes(ref, table, target))
    ops.push(...compareTableOptions(ref, table, target))
    ops.push(...comparePolicies(ref, table, target))
    if (table.comment !== target.comment) ops.push({ kind: 'set_table_comment', table: ref, from: table.comment, to: target.comment })
  }
  return keepInheritedColumns(ops, from, to, isEnum)
}

/**
 * Tables both sides have that must be dropped and created again (see needsRebuild), with the partitions of each on
 * either side, which go with their parent.
 */
export function rebuiltTables(from: Schema, to: Schema): Set<string> {
  const toByKey = new Map(to.tables.map((t) => [keyOf(t), t]))
  const rebuilt = new Set<string>()
  for (const t of from.tables) {
    const key = keyOf(t)
    const target = toByKey.get(key)
    if (target && needsRebuild(t, target)) rebuilt.add(key)
  }
  const partitions = rebuilt.size ? [...from.tables, ...to.tables].filter((t) => t.partitionOf) : []
  for (let grew = partitions.length > 0; grew; ) {
    grew = false
    for (const t of partitions) {
      if (rebuilt.has(keyOf(t.partitionOf!)) && !rebuilt.has(keyOf(t))) {
        rebuilt.add(keyOf(t))
        grew = true
      }
    }
  }
  return rebuilt
}

/** `table` with the columns and checks of the parents it inherits from and `other` does not, as its own. */
function withParents(table: Table, other: Table, byKey: ReadonlyMap<string, Table>): Table {
  const parents = table.inherits.filter((p) => !other.inherits.some((q) => keyOf(q) === keyOf(p))).flatMap((p) => byKey.get(keyOf(p)) ?? [])
  if (!parents.length) return table
  const first = <T extends { name: string }>(item: T, i: number, all: T[]) => all.findIndex((x) => x.name === item.name) === i
  const columns = [...parents.flatMap((p) => p.columns), ...table.columns].filter(first)
  const checks = [...table.checks, ...parents.flatMap((p) => p.checks)].filter(first)
  return { ...table, columns, checks }
}

function refOf(table: Table): TableRef {
  return { schema: table.schema, name: table.name }
}

/**
 * Orders new tables so a table comes after its parents and the tables it references. A foreign key stays in its table's
 * CREATE TABLE when it references the table itself or one created before it; the others (to existing tables,
 * or closing a cycle) are returned as `separate`, to be added once every table exists.
 */
function createOrder(tables: readonly Table[]): { table: Table; separate: ForeignKey[] }[] {
  const byKey = new Map(tables.map((t) => [keyOf(t), t]))
  const placed = new Map<string, number>()
  const visiting = new Set<string>()
  const order: Table[] = []
  const visit = (table: Table): void => {
    const key = keyOf(table)
    if (placed.has(key) || visiting.has(key)) return
    visiting.add(key)
    const partitionParent = table.partitionOf && byKey.get(keyOf(table.partitionOf))
    if (partitionParent) visit(partitionParent)
    for (const parent of table.inherits) {
      const target = byKey.get(keyOf(parent))
      if (target) visit(target)
    }
    for (const fk of table.foreignKeys) {
      const target = byKey.get(keyOf({ schema: fk.refSchema, name: fk.refTable }))
      if (target) visit(target)
    }
    visiting.delete(key)
    placed.set(key, order.length)
    order.push(table)
  }
  tables.forEach(visit)
  return order.map((table, own) => {
    const inline: ForeignKey[] = []
    const separate: ForeignKey[] = []
    for (const fk of table.foreignKeys) {
      const at = placed.get(keyOf({ schema: fk.refSchema, name: fk.refTable }))
      if (at !== undefined && at <= own) inline.push(fk)
      else separate.push(fk)
    }
    return { table: { ...table, foreignKeys: inline }, separate }
  })
}
