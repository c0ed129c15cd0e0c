import { allowedRules, parseSql, type ParsedStatement, type ParseFailure } from './parse.js'
import type { ParseCache } from './parse-cache.js'
import { splitStatements } from '../runtime/sql-split.js'
import { observe, ruleNames, rules, setsNotNull, type Finding, type RuleContext } from './rules.js'

/** A migration as the lint reads it. */
export interface LintInput {
  readonly name: string
  /** The file as messages show it (relative to the project). */
  readonly file: string
  /** The SQL of its up (for a module, what moduleUpSql reads of it); null when it cannot be known before it runs. */
  readonly sql: string | null
  readonly inTransaction: boolean
}

export interface LintOptions {
  readonly serverMajor: number
  /** Rules the project turned off. */
  readonly disabled: ReadonlySet<string>
  /** The run sets a lock_timeout of its own (the lock-timeout setting). */
  readonly lockTimeout: boolean
  /** Parses kept from earlier runs: texts found there are not parsed again. */
  readonly parsed?: ParseCache
}

/** A finding with the migration and file it is in. */
export interface LintFinding extends Finding {
  readonly migration: string
  readonly file: string
}

export interface LintResult {
  readonly findings: readonly LintFinding[]
  readonly errors: number
  readonly warnings: number
  /** Migrations read (SQL files). */
  readonly linted: readonly string[]
  /** Module migrations whose statements are only known when they run, named. */
  readonly skipped: readonly string[]
  readonly serverMajor: number
}

/**
 * Lints `targets` in order; `before` are the migrations already applied ahead of them, read (and, when a function,
 * listed) only when a target sets NOT NULL, the one question they answer: whether a validated CHECK (… IS NOT NULL)
 * stands behind it.
 */
export async function lintMigrations(targets: readonly LintInput[], options: LintOptions, before: readonly LintInput[] | (() => readonly LintInput[]) = []): Promise<LintResult> {
  const parse = (sql: string) => parsedOnce(sql, options.parsed)
  const parsedTargets = await Promise.all(targets.map(async (m) => (m.sql === null ? null : parse(m.sql))))
  const notNullChecks = new Set<string>()
  const pendingChecks = new Map<string, string>()
  if (options.serverMajor >= 12 && parsedTargets.some((p) => Array.isArray(p) && p.some(setsNotNull))) {
    // no statement answers without CHECK then NULL (its expression), or VALIDATE; keywords are never escaped in
    // SQL, so only those statements are parsed
    for (const m of typeof before === 'function' ? before() : before) {
      for (const sql of m.sql === null ? [] : answeringParts(m.sql)) {
        const parsed = await parse(sql)
        if (Array.isArray(parsed)) for (const s of parsed) observe(s, new Set(), notNullChecks, pendingChecks)
      }
    }
  }
  const findings: LintFinding[] = []
  const skipped: string[] = []
  const linted: string[] = []
  for (const [i, m] of targets.entries()) {
    const parsed = parsedTargets[i]
    if (m.sql === null || !parsed) {
      skipped.push(m.name)
      continue
    }
    linted.push(m.name)
    const allowed = allowedRules(m.sql)
    for (const [rule, line] of allowed) {
      // a misspelt rule would otherwise allow nothing, silently
      if (!ruleNames.includes(rule)) findings.push({ rule: 'allow', severity: 'warning', line, message: `-- db-migrate: allow names '${rule}', which is not a lint rule: use one of ${ruleNames.join(', ')}`, migration: m.name, file: m.file })
    }
    if (!Array.isArray(parsed)) {
      findings.push({ rule: 'syntax', severity: 'error', line: parsed.line, message: `PostgreSQL cannot parse this file: ${parsed.message}`, migration: m.name, file: m.file })
      continue
    }
    const created = new Set<string>()
    let lockTimeoutReported = false
    let lockTimeout = options.lockTimeout
    for (const statement of parsed) {
      const context: RuleContext = { serverMajor: options.serverMajor, inTransaction: m.inTransaction, created, lockTimeout, notNullChecks }
      for (const rule of rules) {
        if (options.disabled.has(rule.name) || allowed.has(rule.name)) continue
        // one missing lock_timeout is one fix, however many statements follow it
        if (rule.name === 'lock-timeout' && lockTimeoutReported) continue
        for (const message of rule.check(statement, context)) {
          if (rule.name === 'lock-timeout') lockTimeoutReported = true
          findings.push({ rule: rule.name, severity: rule.severity, line: statement.line, message, migration: m.name, file: m.file })
        }
      }
      const seen = observe(statement, created, notNullChecks, pendingChecks)
      if (seen.lockTimeout !== undefined) lockTimeout = seen.lockTimeout || options.lockTimeout
    }
  }
  return {
    findings,
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
    linted,
    skipped,
    serverMajor: options.serverMajor,
  }
}

async function parsedOnce(sql: string, cache: ParseCache | undefined): Promise<ParsedStatement[] | ParseFailure> {
  const known = cache?.get(sql)
  if (known) return known
  const parsed = await parseSql(sql)
  cache?.put(sql, parsed)
  return parsed
}

function mayAnswer(sql: string): boolean {
  return /check[\s\S]*null/i.test(sql) || /validate/i.test(sql)
}

/** The statements of `sql` that may declare or validate a NOT NULL check, each parsed alone. */
function answeringParts(sql: string): string[] {
  if (!mayAnswer(sql)) return []
  const statements = splitStatements(sql)
  return statements ? statements.map((s) => s.text).filter(mayAnswer) : [sql]
}
