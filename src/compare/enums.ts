import type { EnumUsage, Operation } from '../ops/operation.js'
import type { Column, EnumType, Schema } from '../schema/schema.js'
import { keyOf } from './keys.js'

/**
 * Enums created, dropped, whose values changed or whose comment changed. A change of values is two alter_enum
 * ops: one that adds the target's new values early, one that removes the values the target lacks (or fixes the
 * order) once the tables are done; see Operation.
 */
export function compareEnums(from: Schema, to: Schema): Operation[] {
  const ops: Operation[] = []
  const toByKey = new Map(to.enums.map((e) => [keyOf(e), e]))
  const fromByKey = new Map(from.enums.map((e) => [keyOf(e), e]))
  for (const e of to.enums) if (!fromByKey.has(keyOf(e))) ops.push({ kind: 'create_enum', enum: e })
  for (const e of from.enums) {
    const target = toByKey.get(keyOf(e))
    if (!target) {
      ops.push({ kind: 'drop_enum', enum: e })
      continue
    }
    const both = { ...e, values: union(e.values, target.values) }
    if (!sameValues(e.values, both.values)) {
      ops.push({ kind: 'alter_enum', stage: 'add_values', from: e, to: both, usages: usages(e, from) })
    }
    if (!sameValues(both.values, target.values)) {
      ops.push({ kind: 'alter_enum', stage: 'remove_values', from: { ...both, comment: target.comment }, to: target, usages: usages(e, to) })
    }
    if (e.comment !== target.comment) {
      ops.push({ kind: 'set_enum_comment', enum: { schema: e.schema, name: e.name }, from: e.comment, to: target.comment })
    }
  }
  return ops
}

/** `from`'s values in their order, with each of `to`'s new values placed after the value it follows in `to`. */
export function union(from: readonly string[], to: readonly string[]): string[] {
  const out = [...from]
  to.forEach((value, i) => {
    if (out.includes(value)) return
    const after = i === 0 ? -1 : out.indexOf(to[i - 1]!)
    out.splice(after + 1, 0, value)
  })
  return out
}

function sameValues(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i])
}

/** The type name as format_type prints it (search_path `public`), without its quotes. */
export function enumTypeName(e: { schema: string; name: string }): string {
  return e.schema === 'public' ? e.name : `${e.schema}.${e.name}`
}

/** Whether `column` is of enum `e` (`array`: an array of it). */
export function enumUse(column: Column, e: EnumType): { array: boolean } | null {
  const type = column.type.replace(/"/g, '')
  const name = enumTypeName(e)
  if (type === name) return { array: false }
  if (type === `${name}[]`) return { array: true }
  return null
}

/** The columns of `schema` whose type is enum `e`, each with its table's checks and indexes that name the type. */
function usages(e: EnumType, schema: Schema): EnumUsage[] {
  const cast = new RegExp(`::${escapeRegExp(enumTypeName(e))}(?![\\w$])`)
  const namesType = (definition: string): boolean => cast.test(definition.replace(/"/g, ''))
  return schema.tables.flatMap((table) => {
    const checks = table.checks.filter((c) => namesType(c.definition))
    const indexes = table.indexes.filter((i) => namesType(i.definition))
    return table.columns.flatMap((column): EnumUsage[] => {
      const use = enumUse(column, e)
      if (!use) return []
      return [{ table: { schema: table.schema, name: table.name }, column: column.name, array: use.array, default: column.default, checks, indexes }]
    })
  })
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
