import type { Check, Exclusion, ForeignKey, Index, PrimaryKey, Unique } from '../schema/schema.js'

/**
 * Rewrites the spellings PostgreSQL prints differently for one meaning into one of them, leaving string literals
 * alone: CURRENT_TIMESTAMP and transaction_timestamp() are now(); an empty ARRAY[] cast is the '{}' literal.
 * Spellings that PostgreSQL itself changes when it parses its own output are settled by the server where the
 * introspector may write (scratch databases: see introspect/settle.ts); the one known rule also holds here, for a
 * database that is only read (diff, check --database-url).
 */
export function normalizeExpression(expr: string): string {
  // every rewrite below needs one of these; most expressions have none and come back as they are
  if (!expr.includes('CURRENT_TIMESTAMP') && !expr.includes('transaction_timestamp()') && !expr.includes('ARRAY[')) return expr
  return mapOutsideLiterals(castEachElement(expr), (code) =>
    code
      .replace(/\bCURRENT_TIMESTAMP\b(?!\s*\()/g, 'now()')
      .replace(/\btransaction_timestamp\(\)/g, 'now()')
      .replace(/\bARRAY\[\]::/g, `'{}'::`),
  )
}

const literal = String.raw`'(?:[^']|'')*'::[a-z][a-z ]*(?:\(\d+(?:,\d+)?\))?`
const castArray = new RegExp(String.raw`\(ARRAY\[(${literal}(?:, ${literal})*)\]\)::([a-z][a-z ]*(?:\(\d+(?:,\d+)?\))?)\[\]`, 'g')
const oneLiteral = new RegExp(literal, 'g')

/**
 * `col IN ('a', 'b')` on a varchar prints as `(ARRAY['a'::character varying, ...])::text[]`; restored from a dump it
 * prints as `ARRAY[('a'::character varying)::text, ...]`, its fixed point. Both read as the second.
 */
function castEachElement(expr: string): string {
  return expr.replace(castArray, (_, elements: string, type: string) =>
    `ARRAY[${elements.replace(oneLiteral, (element) => `(${element})::${type}`)}]`)
}

export function sameExpression(a: string | null, b: string | null): boolean {
  return a === b || (a !== null && b !== null && normalizeExpression(a) === normalizeExpression(b))
}

/** Applies `fn` to the parts of `sql` outside single-quoted literals and quoted identifiers. */
function mapOutsideLiterals(sql: string, fn: (code: string) => string): string {
  let out = ''
  let start = 0
  for (let i = 0; i < sql.length; ) {
    const quote = sql[i]
    if (quote !== "'" && quote !== '"') {
      i++
      continue
    }
    let j = i + 1
    for (;;) {
      j = sql.indexOf(quote, j)
      if (j < 0) {
        j = sql.length
        break
      }
      if (sql[j + 1] === quote) j += 2
      else break
    }
    out += fn(sql.slice(start, i)) + sql.slice(i, j + 1)
    i = start = j + 1
  }
  return out + fn(sql.slice(start))
}

// Signatures identify a constraint or index by what it does, not by its name, so generated and explicit names,
// inline and later-added constraints compare equal.

export function primaryKeySignature(pk: PrimaryKey): string {
  return JSON.stringify([pk.columns, pk.include, pk.deferral])
}

export function uniqueSignature(u: Unique): string {
  return JSON.stringify([u.columns, u.include, u.nullsNotDistinct, u.deferral])
}

export function foreignKeySignature(fk: ForeignKey): string {
  return JSON.stringify([fk.columns, fk.refSchema, fk.refTable, fk.refColumns, fk.onDelete, fk.onUpdate, fk.deferral, fk.match, fk.notValid])
}

/** A check added NOT VALID differs from one that holds for every row. */
export function checkSignature(check: Check): string {
  return normalizeExpression(check.definition)
}

export function exclusionSignature(exclusion: Exclusion): string {
  return normalizeExpression(exclusion.definition)
}

/** pg_get_indexdef with the index's own name taken out, and the ONLY it prints for an index of a partitioned table. */
export function indexSignature(index: Index): string {
  return normalizeExpression(index.definition.replace(/^(CREATE (?:UNIQUE )?INDEX )(?:"(?:[^"]|"")*"|\S+)( ON )(?:ONLY )?/, '$1$2'))
}
