// SQL text for what the models spell in JavaScript: sql`...` expressions and literal defaults.
import { ident, quoteLiteral } from '../render/ident.js'
import { entityKind } from './entity.js'
import type { SqlExpression } from './sql.js'

/** The text of an sql`...` expression: columns as their names, nested sql inline, other values as literals. */
export function expressionSql(expression: SqlExpression): string {
  let text = expression.strings[0] ?? ''
  expression.values.forEach((value, i) => {
    text += valueSql(value) + (expression.strings[i + 1] ?? '')
  })
  return text
}

/** Columns an expression names, by SQL name, in order of appearance (nested expressions included). */
export function expressionColumns(expression: SqlExpression): string[] {
  const names: string[] = []
  for (const value of expression.values) {
    if (entityKind(value) === 'column') names.push(columnName(value))
    else if (entityKind(value) === 'sql') names.push(...expressionColumns(value as SqlExpression))
  }
  return names
}

function valueSql(value: unknown): string {
  switch (entityKind(value)) {
    case 'column':
      return ident(columnName(value))
    case 'sql':
      return expressionSql(value as SqlExpression)
    default:
      return literalSql(value)
  }
}

function columnName(value: unknown): string {
  return (value as { state: { name?: string } }).state.name ?? '?'
}

/** A JavaScript value as an SQL literal, untyped. */
export function literalSql(value: unknown): string {
  if (value === null || value === undefined) return 'NULL'
  if (typeof value === 'boolean') return value ? 'true' : 'false'
  if (typeof value === 'bigint') return String(value)
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : quoteLiteral(String(value))
  if (value instanceof Date) return quoteLiteral(value.toISOString())
  if (Array.isArray(value)) return `ARRAY[${value.map(literalSql).join(', ')}]`
  if (typeof value === 'object') return quoteLiteral(JSON.stringify(value))
  return quoteLiteral(String(value))
}

/**
 * A column default: a literal as a person writes one in DDL, left for PostgreSQL to convert to the column's type
 * (`'draft'`, `0`, `true`, `'{a,b}'`, `'{}'` for jsonb), or the text of an sql`...` expression. Null when there is
 * none. Uncast, so the catalog prints it exactly as it prints a hand-written migration's default.
 */
export function defaultSql(value: unknown, type: string, array: boolean): string | null {
  if (value === undefined || value === null) return null
  if (entityKind(value) === 'sql') return expressionSql(value as SqlExpression)
  if (array) return quoteLiteral(arrayText(value))
  if (type === 'json' || type === 'jsonb') return quoteLiteral(JSON.stringify(value))
  if (typeof value === 'boolean') return value ? 'true' : 'false'
  if (typeof value === 'bigint') return String(value)
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : quoteLiteral(String(value))
  return quoteLiteral(scalarText(value, type))
}

function scalarText(value: unknown, type: string): string {
  if (value instanceof Date) return type === 'date' ? value.toISOString().slice(0, 10) : value.toISOString()
  if (value instanceof Uint8Array) return `\\x${Buffer.from(value).toString('hex')}`
  return String(value)
}

/** PostgreSQL's array input syntax: `{a,"b c",NULL}`. */
function arrayText(value: unknown): string {
  if (!Array.isArray(value)) return String(value)
  return `{${value.map((item) => {
    if (item === null || item === undefined) return 'NULL'
    if (Array.isArray(item)) return arrayText(item)
    const text = typeof item === 'object' && !(item instanceof Date) ? JSON.stringify(item) : scalarText(item, '')
    return `"${text.replace(/[\\"]/g, (c) => `\\${c}`)}"`
  }).join(',')}}`
}
