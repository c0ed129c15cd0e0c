/** One statement of a SQL file and where it starts in the file's text. */
export interface SqlStatement {
  readonly text: string
  /** Offset of `text` in the whole file (UTF-16 units). */
  readonly start: number
}

/**
 * Splits SQL text at top-level semicolons, honouring quotes, dollar quotes and comments. Segments holding only
 * comments are dropped. Returns null when the text has a `BEGIN ATOMIC` body, whose inner semicolons only
 * Postgres' grammar can place; such files run as one string.
 */
export function splitStatements(sql: string): SqlStatement[] | null {
  const statements: SqlStatement[] = []
  let start = 0
  let hasCode = false
  let previousWord = ''
  let i = 0
  const n = sql.length
  const push = (end: number) => {
    if (hasCode) statements.push({ text: sql.slice(start, end), start })
    start = end + 1
    hasCode = false
    previousWord = ''
  }
  while (i < n) {
    const c = sql[i]!
    const next = sql[i + 1]
    if (c === '-' && next === '-') {
      const end = sql.indexOf('\n', i)
      i = end === -1 ? n : end + 1
    } else if (c === '/' && next === '*') {
      let depth = 1
      i += 2
      while (i < n && depth > 0) {
        if (sql[i] === '/' && sql[i + 1] === '*') { depth++; i += 2 } else if (sql[i] === '*' && sql[i + 1] === '/') { depth--; i += 2 } else i++
      }
    } else if (c === "'") {
      hasCode = true
      const escapes = /[eE]/.test(sql[i - 1] ?? '') && !/[\w$]/.test(sql[i - 2] ?? '')
      i++
      while (i < n) {
        if (escapes && sql[i] === '\\') { i += 2; continue }
        if (sql[i] === "'") {
          if (sql[i + 1] === "'") { i += 2; continue }
          break
        }
        i++
      }
      i++
    } else if (c === '"') {
      hasCode = true
      i++
      while (i < n && !(sql[i] === '"' && sql[i + 1] !== '"')) i += sql[i] === '"' ? 2 : 1
      i++
    } else if (c === '$' && !/[\w$]/.test(sql[i - 1] ?? '')) {
      const tag = /^\$(?:[A-Za-z_\u0080-\uffff][\w\u0080-\uffff]*)?\$/.exec(sql.slice(i, i + 64))
      hasCode = true
      if (!tag) { i++; continue }
      const end = sql.indexOf(tag[0], i + tag[0].length)
      i = end === -1 ? n : end + tag[0].length
    } else if (c === ';') {
      push(i)
      i++
    } else if (/[A-Za-z_]/.test(c)) {
      hasCode = true
      let j = i + 1
      while (j < n && /[\w$]/.test(sql[j]!)) j++
      const word = sql.slice(i, j).toLowerCase()
      if (previousWord === 'begin' && word === 'atomic') return null
      previousWord = word
      i = j
    } else {
      if (!/\s/.test(c)) { hasCode = true; previousWord = '' }
      i++
    }
  }
  push(n)
  return statements
}

/** 1-based line of a 0-based offset in `text`. */
export function lineAt(text: string, offset: number): number {
  let line = 1
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++
  return line
}

/** Postgres reports error positions in characters, 1-based; JavaScript strings count UTF-16 units. */
export function offsetOfPosition(text: string, position: number): number {
  let chars = 0
  let i = 0
  while (i < text.length && chars < position - 1) {
    const code = text.charCodeAt(i)
    i += code >= 0xd800 && code <= 0xdbff ? 2 : 1
    chars++
  }
  return i
}
