// What the functions that write a models file share: the variables they declared, what they import, what they leave out.
import { isIdentifierName, sqlLiteral, stringLiteral } from './model-names.js'
import type { Table } from '../schema/schema.js'

export interface Context {
  readonly used: Set<string>
  readonly omitted: string[]
  readonly typescript: boolean
  readonly tableVars: Map<Table, string>
  readonly order: Map<Table, number>
  readonly tables: readonly Table[]
  /** Property names of each table's columns, by SQL name. */
  readonly props: Map<Table, Map<string, string>>
  /** Variables of enums, domains and composite types, by the type's name as a column's type prints it. */
  readonly typeVars: Map<string, string>
  /** Variables of sequences, by the text of their nextval() default. */
  readonly nextvals: Map<string, string>
  /** Variables of collations, by the name a COLLATE clause gives them. */
  readonly collationVars: Map<string, string>
}

/** `fn`, imported. */
export function use(fn: string, ctx: Context): string {
  ctx.used.add(fn)
  return fn
}

/** sql`...` of `text`, imported. */
export function sqlOf(text: string, ctx: Context): string {
  ctx.used.add('sql')
  return sqlLiteral(text)
}

/** `{ a: 1, b: 'x' }` of the entries that have a value; '' when none has. */
export function objectText(entries: readonly (readonly [string, string | undefined])[]): string {
  const set = entries.filter(([, v]) => v !== undefined)
  return set.length ? `{ ${set.map(([k, v]) => `${isIdentifierName(k) ? k : stringLiteral(k)}: ${v}`).join(', ')} }` : ''
}

/** `, { ... }` or ''. */
export function optionsArg(entries: readonly (readonly [string, string | undefined])[]): string {
  const text = objectText(entries)
  return text ? `, ${text}` : ''
}
