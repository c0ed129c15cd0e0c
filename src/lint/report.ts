import type { LintResult } from './lint.js'

/** The lint's findings as the CLI prints them: `file:line  severity  rule  message`. */
export function lintText(lint: LintResult): string {
  const lines = lint.findings.map((f) => `  ${f.file}:${f.line}  ${f.severity}  ${f.rule}: ${f.message}`)
  const head = `Lint: ${count(lint.errors, 'error')}, ${count(lint.warnings, 'warning')} in ${count(lint.linted.length, 'migration')} (PostgreSQL ${lint.serverMajor})`
  const skipped = lint.skipped.length ? [`  not linted (module migrations, statements known only when they run): ${lint.skipped.join(', ')}`] : []
  return [head + (lines.length ? ':' : '.'), ...lines, ...skipped].join('\n')
}

/** The lint's findings as a Markdown section of the job summary or pull-request comment. */
export function lintMarkdown(lint: LintResult): string {
  const title = `#### ${lint.errors ? '❌' : lint.warnings ? '⚠️' : '✅'} Lint: ${count(lint.errors, 'error')}, ${count(lint.warnings, 'warning')} in ${count(lint.linted.length, 'migration')}`
  const rows = lint.findings.map((f) => `| ${f.severity} | ${code(f.rule)} | ${code(`${f.file}:${f.line}`)} | ${escape(f.message)} |`)
  return [
    title,
    ...(rows.length ? ['', '| Severity | Rule | Where | What to do |', '| --- | --- | --- | --- |', ...rows] : []),
    ...(lint.skipped.length ? ['', `Not linted (module migrations): ${lint.skipped.map(code).join(', ')}`] : []),
  ].join('\n')
}

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}

function code(text: string): string {
  return `\`${text.replace(/`/g, "'")}\``
}

function escape(text: string): string {
  return text.replace(/([|<>])/g, '\\$1')
}
