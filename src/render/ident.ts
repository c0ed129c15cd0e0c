/** Quotes an identifier for SQL text; the only way names enter SQL that db-migrate builds. */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`
}

/** Quotes only when PostgreSQL would need it, so generated SQL reads like hand-written SQL. */
export function ident(name: string): string {
  return plain(name) && !reservedWords.has(name) ? name : quoteIdent(name)
}

/** /^[a-z_][a-z0-9_$]*$/, without the regular expression engine: ident() runs for every name of every statement. */
function plain(name: string): boolean {
  if (name.length === 0) return false
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i)
    const ok = (c >= 97 && c <= 122) || c === 95 || (i > 0 && ((c >= 48 && c <= 57) || c === 36))
    if (!ok) return false
  }
  return true
}

export function qualified(schema: string, name: string): string {
  return schema === 'public' ? ident(name) : `${ident(schema)}.${ident(name)}`
}

export function quoteLiteral(value: string): string {
  return `'${value.replace(/'/g, "''")}'`
}

// PostgreSQL's reserved key words (and those reserved as function or type names): they must be quoted as names.
const reservedWords = new Set(
  ('all analyse analyze and any array as asc asymmetric authorization binary both case cast check collate collation column ' +
    'concurrently constraint create cross current_catalog current_date current_role current_schema current_time ' +
    'current_timestamp current_user default deferrable desc distinct do else end except false fetch for foreign freeze from ' +
    'full grant group having ilike in initially inner intersect into is isnull join lateral leading left like limit localtime ' +
    'localtimestamp natural not notnull null offset on only or order outer overlaps placing primary references returning right ' +
    'select session_user similar some symmetric system_user table tablesample then to trailing true union unique user using ' +
    'variadic verbose when where window with').split(' '),
)
