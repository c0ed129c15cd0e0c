import type { EnumUsage, Operation } from '../ops/operation.js'
import type { Column, EnumType, Schema } from '../schema/schema.js'
import { keyOf } from './keys.js'

/**
 * Enums created, dropped, whose values changed (with the columns to convert) or whose comment changed.
 * `managed` holds the columns (keyOf table + name) whose default the alter_enum sets, since a default names a value.
 */
export function compareEnums(from: Schema, to: Schema): { ops: Operation[]; managed: Set<string> } {
  const ops: Operation[] = []
  const managed = new Set<string>()
  const toByKey = new Map(to.enums.map((e) => [keyOf(e), e]))
  const fromByKey = new Map(from.enums.map((e) => [keyOf(e), e]))
  for (const e of to.enums) if (!fromByKey.has(keyOf(e))) ops.push({ kind: 'create_enum', enum: e })
  for (const e of from.enums) {
    const target = toByKey.get(keyOf(e))
    if (!target) {
      ops.push({ kind: 'drop_enum', enum: e })
      continue
    }
    if (JSON.stringify(e.values) !== JSON.stringify(target.values)) {
      const list = usages(e, from, to)
      for (const u of list) if (u.keeps) managed.add(columnKey(u.table, u.column))
      ops.push({ kind: 'alter_enum', from: e, to: target, usages: list.map(({ keeps: _, ...u }) => u) })
    }
    if (e.comment !== target.comment) {
      ops.push({ kind: 'set_enum_comment', enum: { schema: e.schema, name: e.name }, from: e.comment, to: target.comment })
    }
  }
  return { ops, managed }
}

export function columnKey(table: { schema: string; name: string }, column: string): string {
  return JSON.stringify([table.schema, table.name, column])
}

/** The type name as format_type prints it (search_path `public`), without its quotes. */
export function enumTypeName(e: { schema: string; name: string }): string {
  return e.schema === 'public' ? e.name : `${e.schema}.${e.name}`
}

/** Whether `column` is of enum `e` (`array`: an array of it). */
export function enumUse(column: Column, e: EnumType): { array: boolean } | null {
  const type = unquoted(column.type)
  const name = enumTypeName(e)
  if (type === name) return { array: false }
  if (type === `${name}[]`) return { array: true }
  return null
}

function unquoted(type: string): string {
  return type.replace(/"/g, '')
}

function usages(e: EnumType, from: Schema, to: Schema): (EnumUsage & { keeps: boolean })[] {
  const toTables = new Map(to.tables.map((t) => [keyOf(t), t]))
  const target = to.enums.find((x) => keyOf(x) === keyOf(e))!
  const list: (EnumUsage & { keeps: boolean })[] = []
  for (const table of from.tables) {
    for (const column of table.columns) {
      const use = enumUse(column, e)
      if (!use) continue
      const after = toTables.get(keyOf(table))?.columns.find((c) => c.name === column.name)
      const keeps = after !== undefined && enumUse(after, target)?.array === use.array
      list.push({
        table: { schema: table.schema, name: table.name },
        column: column.name,
        array: use.array,
        defaultBefore: column.default,
        defaultAfter: keeps ? after.default : null,
        keeps,
      })
    }
  }
  return list
}
