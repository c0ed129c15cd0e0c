// Reads back the parts of SQL that PostgreSQL prints (pg_get_indexdef, pg_get_constraintdef) that a models file
// spells separately: an index's elements and predicate, a check's expression.

/** The index of the parenthesis that closes the one at `open`, skipping quoted text; -1 when unbalanced. */
export function closingParen(text: string, open: number): number {
  let depth = 0
  for (let i = open; i < text.length; i++) {
    const c = text[i]
    if (c === "'" || c === '"') {
      i = closingQuote(text, i)
      if (i < 0) return -1
    } else if (c === '(') depth++
    else if (c === ')' && --depth === 0) return i
  }
  return -1
}

function closingQuote(text: string, open: number): number {
  const quote = text[open]
  for (let i = open + 1; i < text.length; i++) {
    if (text[i] !== quote) continue
    if (text[i + 1] === quote) i++
    else return i
  }
  return -1
}

/** Splits at commas outside parentheses and quotes. */
export function splitTopLevel(text: string): string[] {
  const parts: string[] = []
  let start = 0
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (c === "'" || c === '"') i = closingQuote(text, i)
    else if (c === '(') i = closingParen(text, i)
    else if (c === ',') {
      parts.push(text.slice(start, i).trim())
      start = i + 1
    }
    if (i < 0) return [text]
  }
  parts.push(text.slice(start).trim())
  return parts
}

/** `(a > 0)` → `a > 0`, when the outer parentheses enclose it all. */
export function unwrap(text: string): string {
  const t = text.trim()
  return t.startsWith('(') && closingParen(t, 0) === t.length - 1 ? t.slice(1, -1).trim() : t
}

/** One element of an index: a column (by SQL name) or an expression, and what follows it. */
export interface IndexElementText {
  readonly column: string | null
  readonly expression: string
  /** After the column or expression: '' or 'DESC' can be declared; anything else (an operator class, COLLATE, NULLS ...) cannot. */
  readonly rest: string
}

export interface IndexParts {
  readonly elements: readonly IndexElementText[]
  readonly where: string | null
  /** What follows the element list besides WHERE (INCLUDE, NULLS NOT DISTINCT, WITH, TABLESPACE), '' for nothing. */
  readonly extra: string
}

/** The parts of `CREATE [UNIQUE] INDEX n ON t USING m (elements) [...] [WHERE (p)]`, or null when it reads otherwise. */
export function indexParts(definition: string): IndexParts | null {
  const using = /^CREATE (?:UNIQUE )?INDEX (?:"(?:[^"]|"")*"|\S+) ON (?:ONLY )?(?:"(?:[^"]|"")*"|[^\s."]+)(?:\.(?:"(?:[^"]|"")*"|[^\s."]+))? USING \S+ \(/.exec(definition)
  if (!using) return null
  const open = using[0].length - 1
  const close = closingParen(definition, open)
  if (close < 0) return null
  const elements = splitTopLevel(definition.slice(open + 1, close)).map(indexElement)
  let tail = definition.slice(close + 1)
  let where: string | null = null
  const at = tail.indexOf(' WHERE ')
  if (at >= 0) {
    where = unwrap(tail.slice(at + ' WHERE '.length))
    tail = tail.slice(0, at)
  }
  return { elements, where, extra: tail.trim() }
}

function indexElement(text: string): IndexElementText {
  let i = 0
  if (text.startsWith('(')) i = closingParen(text, 0) + 1
  else {
    while (i < text.length && /[A-Za-z0-9_$."]/.test(text[i]!)) i = text[i] === '"' ? closingQuote(text, i) + 1 : i + 1
    if (text[i] === '(') i = closingParen(text, i) + 1
  }
  if (i <= 0) return { column: null, expression: text, rest: '' }
  const core = text.slice(0, i)
  const rest = text.slice(i).trim()
  const name = /^"((?:[^"]|"")*)"$/.exec(core)?.[1]?.replace(/""/g, '"') ?? (/^[a-z_][a-z0-9_$]*$/.test(core) ? core : null)
  return { column: name, expression: core, rest }
}
