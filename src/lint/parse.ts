import v8 from 'node:v8'

/** One parsed statement of a SQL migration, with the line it starts on. */
export interface ParsedStatement {
  /** The statement's node as PostgreSQL's parser gives it: `{ AlterTableStmt: {...} }` and so on. */
  readonly node: Record<string, any>
  /** 1-based line in the file where the statement starts. */
  readonly line: number
}

/** The file did not parse: PostgreSQL's own message and the line it points at. */
export interface ParseFailure {
  readonly message: string
  readonly line: number
}

type Parser = (sql: string) => { stmts?: { stmt: Record<string, any>; stmt_location?: number; stmt_len?: number }[] }
let parser: Promise<Parser> | undefined

// The parser is 1.7 MB of WebAssembly: loaded on the first lint, never at start-up. V8 would also recompile its hot
// functions with its optimising compiler on background threads, which a lint of a few files never pays back, and
// which the process then waits for when it exits (0.2-0.8 s and 500 MB measured, on 2 cores): the baseline
// compiler's code is all it gets (and parses 1000 migrations faster, as nothing competes for the cores). Node 22+
// ignores --liftoff-only set at run time; a tier-up filter naming no function has the same effect on every version.
function loadParser(): Promise<Parser> {
  if (parser) return parser
  v8.setFlagsFromString('--liftoff-only')
  v8.setFlagsFromString(`--wasm-tier-up-filter=${2 ** 31 - 1}`)
  parser = import('libpg-query').then(async (imported) => {
    // a CommonJS package: imported from an ES module (a split bundle, Node itself) its exports are on `default`
    const m = imported.default ?? imported
    await m.loadModule()
    return m.parseSync as Parser
  })
  return parser
}

/** Parses a SQL file with PostgreSQL's parser (libpg-query); locations become lines. */
export async function parseSql(sql: string): Promise<ParsedStatement[] | ParseFailure> {
  const parse = await loadParser()
  const bytes = Buffer.from(sql, 'utf8')
  // libpg-query's locations are byte offsets: lines come from the byte offsets of the newlines
  const newlines: number[] = []
  for (let i = bytes.indexOf(10); i >= 0; i = bytes.indexOf(10, i + 1)) newlines.push(i)
  const lineOf = (byteOffset: number) => {
    let lo = 0
    let hi = newlines.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (newlines[mid]! < byteOffset) lo = mid + 1
      else hi = mid
    }
    return lo + 1
  }
  let result: ReturnType<Parser>
  try {
    result = parse(sql)
  } catch (error) {
    const details = (error as { sqlDetails?: { cursorPosition?: number } }).sqlDetails
    const position = details?.cursorPosition ?? -1
    return { message: error instanceof Error ? error.message : String(error), line: position >= 0 ? sql.slice(0, position).split('\n').length : 1 }
  }
  return (result.stmts ?? []).map((s) => {
    const start = s.stmt_location ?? 0
    // stmt_location includes the comments and blank lines before the statement: its line is that of its first token
    const text = bytes.subarray(start, s.stmt_len ? start + s.stmt_len : undefined).toString('utf8')
    const lead = /^(\s|--[^\n]*\n|\/\*[\s\S]*?\*\/)*/.exec(text)?.[0] ?? ''
    return { node: s.stmt, line: lineOf(start + Buffer.byteLength(lead, 'utf8')) }
  })
}

/** `-- db-migrate: allow rule-a, rule-b` anywhere in the file: the rules this file opts out of, with their lines. */
export function allowedRules(sql: string): Map<string, number> {
  const allowed = new Map<string, number>()
  for (const m of sql.matchAll(/--\s*db-migrate:\s*allow\s+([a-z0-9_,\t -]+)/gi)) {
    const line = sql.slice(0, m.index).split('\n').length
    for (const rule of m[1]!.split(/[\s,]+/)) if (rule) allowed.set(rule.toLowerCase(), line)
  }
  return allowed
}
