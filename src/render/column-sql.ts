import type { Operation } from '../ops/operation.js'
import { baseType, isSerial, isWidening } from '../schema/pg-types.js'
import type { Column } from '../schema/schema.js'
import { ident, qualified, quoteLiteral } from './ident.js'

/** `name type [GENERATED ...] [NOT NULL] [DEFAULT ...]` as in CREATE TABLE or ADD COLUMN. */
export function columnDefinition(c: Column, primaryKey = false): string {
  let sql = `${ident(c.name)} ${c.type}${c.collation !== undefined ? ` COLLATE ${c.collation}` : ''}`
  if (c.generated !== null) sql += ` GENERATED ALWAYS AS ${parenthesized(c.generated)} STORED`
  if (c.identity !== null) sql += ` GENERATED ${c.identity === 'always' ? 'ALWAYS' : 'BY DEFAULT'} AS IDENTITY`
  // Identity, serial and primary key columns are NOT NULL without saying so.
  if (c.notNull && c.identity === null && !isSerial(c.type) && !primaryKey) sql += ' NOT NULL'
  if (c.default !== null) sql += ` DEFAULT ${defaultSql(c.default, c.type)}`
  if (primaryKey) sql += ' PRIMARY KEY'
  return sql
}

/**
 * A default as a person writes it: PostgreSQL prints `'member'::character varying` for a literal in a varchar(20)
 * column, but a quoted literal takes the column's type anyway, so a cast to that type (its length aside) is dropped.
 */
export function defaultSql(expression: string, type: string): string {
  const literal = /^('(?:[^']|'')*')::(.+)$/.exec(expression)
  if (!literal) return expression
  const cast = literal[2]!
  return cast === type || cast === type.replace(/\(\d+(,\s*\d+)?\)/, '') ? literal[1]! : expression
}

/**
 * The ALTER TABLE statements that change column `from` into `to`, in an order PostgreSQL accepts: identity off,
 * default out of the way of a type change, type, default, nullability, identity on, comment.
 */
export function alterColumn(op: Extract<Operation, { kind: 'alter_column' }>): string[] {
  const { table, from, to } = op
  const changed = new Set(op.changes)
  const name = qualified(table.schema, table.name)
  const column = `ALTER TABLE ${name} ALTER COLUMN ${ident(to.name)}`
  if (changed.has('generated') && to.generated !== null) {
    // A generated column holds nothing of its own: replace it.
    return [
      `ALTER TABLE ${name} DROP COLUMN ${ident(from.name)}`,
      `ALTER TABLE ${name} ADD COLUMN ${columnDefinition(to)}`,
      ...columnComment(name, to, null),
    ]
  }
  const out: string[] = []
  if (from.generated !== null && to.generated === null) out.push(`${column} DROP EXPRESSION`)
  if (from.identity !== null && to.identity === null) out.push(`${column} DROP IDENTITY`)

  const fromSerial = isSerial(from.type)
  const toSerial = isSerial(to.type)
  const fromType = baseType(from.type)
  const toType = baseType(to.type)
  const sequence = qualified(table.schema, `${table.name}_${to.name}_seq`)
  const nextval = `nextval(${quoteLiteral(sequence)}::regclass)`
  // a column already numbered by its own sequence of another type (widened without it) needs only the sequence changed
  const ownSequence = !fromSerial && toSerial && from.default === nextval
  let current: string | null = fromSerial ? `nextval()` : from.default
  if (fromType !== toType) {
    if (current !== null && !(fromSerial && toSerial) && !ownSequence) {
      out.push(`${column} DROP DEFAULT`)
      current = null
    }
    const through = op.viaText ? (toType.endsWith('[]') ? '::text[]' : '::text') : ''
    out.push(`${column} TYPE ${toType}${collate(op)}${isWidening(fromType, toType) ? '' : ` USING ${ident(to.name)}${through}::${toType}`}`)
  } else if (changed.has('collation')) out.push(`${column} TYPE ${toType}${collate(op)}`)
  // a column is serial only while it owns its sequence: a sequence that exists already is taken over, not left free
  const owned = `OWNED BY ${name}.${ident(to.name)}`
  if (fromSerial && toSerial && fromType !== toType) {
    // the sequence keeps its own type: left alone, a widened column still stops at the old type's maximum
    out.push(`ALTER SEQUENCE ${sequence} AS ${toType}`)
  } else if (ownSequence) {
    out.push(`ALTER SEQUENCE ${sequence} AS ${toType} ${owned}`)
  } else if (toSerial && !fromSerial) {
    out.push(`CREATE SEQUENCE IF NOT EXISTS ${sequence}`, `ALTER SEQUENCE ${sequence} AS ${toType} ${owned}`)
    out.push(`${column} SET DEFAULT ${nextval}`)
  } else if (!toSerial && (fromSerial ? current !== null || to.default !== null : current === from.default ? changed.has('default') : to.default !== null)) {
    out.push(to.default === null ? `${column} DROP DEFAULT` : `${column} SET DEFAULT ${defaultSql(to.default, to.type)}`)
  }
  if (fromSerial && !toSerial) {
    // a column that stops being serial frees its sequence: kept while its default still draws from it, dropped otherwise
    out.push(to.default === nextval ? `ALTER SEQUENCE ${sequence} OWNED BY NONE` : `DROP SEQUENCE ${sequence}`)
  }

  if (changed.has('nullability')) {
    out.push(`${column} ${to.notNull ? 'SET' : 'DROP'} NOT NULL`)
  }
  if (changed.has('identity') && to.identity !== null) {
    const kind = to.identity === 'always' ? 'ALWAYS' : 'BY DEFAULT'
    out.push(from.identity === null ? `${column} ADD GENERATED ${kind} AS IDENTITY` : `${column} SET GENERATED ${kind}`)
  }
  if (changed.has('comment')) out.push(...columnComment(name, to, from.comment))
  return out
}

/** The COLLATE clause of a type change: the column's collation, or the type's own when it goes back to it. */
function collate(op: Extract<Operation, { kind: 'alter_column' }>): string {
  if (!op.changes.includes('collation')) return op.to.collation !== undefined ? ` COLLATE ${op.to.collation}` : ''
  return ` COLLATE ${op.to.collation ?? '"default"'}`
}

function columnComment(table: string, to: Column, from: string | null): string[] {
  if (to.comment === from) return []
  return [`COMMENT ON COLUMN ${table}.${ident(to.name)} IS ${to.comment === null ? 'NULL' : quoteLiteral(to.comment)}`]
}

/** Wraps `expr` in parentheses unless one pair already encloses all of it. */
function parenthesized(expr: string): string {
  if (expr.startsWith('(') && expr.endsWith(')')) {
    let depth = 0
    let quote: string | null = null
    for (let i = 0; i < expr.length; i++) {
      const ch = expr[i]!
      if (quote) {
        if (ch === quote) quote = null
      } else if (ch === "'" || ch === '"') quote = ch
      else if (ch === '(') depth++
      else if (ch === ')' && --depth === 0 && i < expr.length - 1) return `(${expr})`
    }
    return expr
  }
  return `(${expr})`
}
