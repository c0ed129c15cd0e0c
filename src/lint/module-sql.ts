/**
 * The SQL a migration module's `up` sends where it can be known without running it: the string literals (and
 * template literals without `${}`) passed straight to `.query(`. Returned as SQL text whose lines are the module's
 * lines, so findings point into the .ts/.js file; null when `up` sends nothing that can be read this way.
 */
export function moduleUpSql(source: string): string | null {
  const start = /export\s+(?:async\s+)?function\s+up\b|export\s+const\s+up\b/.exec(source)
  if (!start) return null
  const rest = source.slice(start.index + start[0].length)
  const next = /\nexport\s/.exec(rest)
  const end = start.index + start[0].length + (next ? next.index : rest.length)
  const lines = source.split('\n').map(() => '')
  const lineAt = (offset: number) => source.slice(0, offset).split('\n').length - 1
  let found = false
  const call = /\.query\(\s*(`(?:[^`\\$]|\\.|\$(?!\{))*`|'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")\s*[,)]/g
  call.lastIndex = start.index
  for (let m = call.exec(source); m && m.index < end; m = call.exec(source)) {
    const literal = m[1]!
    const at = lineAt(m.index + m[0].indexOf(literal))
    const body = literal.slice(1, -1).replace(/\\(.)/g, '$1').split('\n')
    body.forEach((text, i) => (lines[at + i] = `${lines[at + i] ? `${lines[at + i]} ` : ''}${text}`))
    lines[at + body.length - 1] += ';'
    found = true
  }
  for (const m of source.matchAll(/\/\/\s*(db-migrate:\s*allow\s+[a-z0-9_,\t -]+)/gi)) {
    const at = lineAt(m.index)
    lines[at] = `${lines[at] ? `${lines[at]} ` : ''}-- ${m[1]}`
  }
  return found ? lines.join('\n') : null
}

/** `export const transaction = false` in a module: it runs outside a transaction. */
export function moduleOptsOut(source: string): boolean {
  return /export\s+const\s+transaction\s*=\s*false\b/.test(source)
}
