// How two definitions PostgreSQL printed compare. Views and triggers print normalised; a function body is kept as
// written, so runs of white space outside quoted text do not count.

export function sameDefinition(a: string, b: string): boolean {
  return a === b || squeeze(a) === squeeze(b)
}

/** Each run of white space outside single-quoted literals and quoted names as one space, none at either end. */
export function squeeze(sql: string): string {
  let out = ''
  for (let i = 0; i < sql.length; ) {
    const c = sql[i]!
    if (c === "'" || c === '"') {
      let j = i + 1
      while (j < sql.length && !(sql[j] === c && sql[j + 1] !== c)) j += sql[j] === c ? 2 : 1
      out += sql.slice(i, j + 1)
      i = j + 1
    } else if (/\s/.test(c)) {
      while (i < sql.length && /\s/.test(sql[i]!)) i++
      out += ' '
    } else {
      out += c
      i++
    }
  }
  return out.trim()
}
