import type { CommandResult } from '../commands/run.js'
import type { CheckResult } from '../commands/check.js'
import type { DatabaseDrift } from '../commands/check-database.js'
import type { MigrationProgress } from '../errors.js'
import type { MigrateResult } from '../runtime/migrate.js'
import { lintMarkdown } from '../lint/report.js'
import { reversibilityMarkdown } from './reversibility.js'
import { codeNames, duration, isoTime, plural, replayText } from './format.js'

/** Markdown for the job summary ($GITHUB_STEP_SUMMARY). Pure: the action writes it. */
export function renderSummary(result: CommandResult): string {
  const body = summaryBody(result)
  if (result.command === 'check' || result.command === 'revision' || result.command === 'diff' || result.command === 'pull' || !result.database?.spunUpUrl) return body
  return `${body}\n\n> [!WARNING]\n> This ran on a **throwaway PostgreSQL** started by db-migrate (\`embedded\`), not on a deployed database.`
}

function summaryBody(result: CommandResult): string {
  switch (result.command) {
    case 'upgrade':
    case 'downgrade':
      return result.lint ? `${migrateSummary(result.result)}\n\n${lintMarkdown(result.lint)}` : migrateSummary(result.result)
    case 'status': {
      const s = result.result
      return [
        `### db-migrate status: ${code(s.current ?? 'base')}`,
        '',
        table(['Migration', 'Applied at', 'Duration', 'State'], s.applied.map((a) => [code(a.name), isoTime(a.appliedAt), duration(a.durationMs), a.state])),
        s.pending.length ? `**Pending:** ${s.pending.map(code).join(', ')}` : '**Pending:** none',
        ...(s.problems.length ? ['', '**Problems:**', ...s.problems.map((p) => `- ${escape(p.message)}`)] : []),
      ].join('\n')
    }
    case 'check': {
      const c = result.result
      return [checkSummary(c), ...(c.lint ? [lintMarkdown(c.lint)] : []), ...(c.reversibility ? [reversibilityMarkdown(c.reversibility)] : [])].join('\n\n')
    }
    case 'revision':
      return 'drift' in result.result && !result.result.files.length
        ? '### db-migrate revision\nNo changes: the models match the migrations.'
        : `### db-migrate revision\n${'dryRun' in result.result && result.result.dryRun ? 'Would write' : 'Wrote'} ${result.result.files.map(code).join(' and ')}`
    case 'init':
      return `### db-migrate init\n${result.result.created.map((f) => `- created ${code(f)}`).join('\n')}`
    case 'diff': {
      const d = result.result
      const title = `### db-migrate diff ${code(d.from.shown)} ${code(d.to.shown)}`
      if (d.same) return `${title}\nNo difference.`
      return [title, '', ...d.explanations.map((e) => `- ${codeNames(e)}`), '', '```sql', ...d.statements.map((s) => `${s};`), '```'].join('\n')
    }
    case 'pull':
      return [`### db-migrate pull`, escape(result.result.summary), ...result.result.omitted.map((o) => `- not declared: ${escape(o)}`)].join('\n')
    case 'resolve':
      return `### db-migrate resolve\n${code(result.result.name)} recorded as **${result.result.resolution}**`
    case 'stamp':
      return `### db-migrate stamp\n${result.result.dryRun ? 'Would record' : 'Recorded'} as applied without running them: ${result.result.stamped.map(code).join(', ') || 'nothing'}\n\nCurrent revision: ${code(result.result.current ?? 'base')}`
  }
}

/** Markdown for a run that failed: what went wrong and, for a migration, where the database stands now. */
export function renderFailure(command: string, message: string, progress?: MigrationProgress): string {
  const lines = [`### ❌ db-migrate ${command} failed`, '', escape(message)]
  if (progress) {
    lines.push(
      '',
      progress.done.length ? `**Done before the failure:** ${progress.done.map(code).join(', ')}` : '**Done before the failure:** nothing',
      `**Current revision:** ${code(progress.current ?? 'base')}`,
      progress.pending.length ? `**Pending:** ${progress.pending.map(code).join(', ')}` : '**Pending:** none',
    )
  }
  return lines.join('\n')
}

function migrateSummary(r: MigrateResult): string {
  const title = r.dryRun
    ? `### db-migrate ${r.direction === 'up' ? 'upgrade' : 'downgrade'} (dry run): ${plural(r.planned.length, 'migration')} would run`
    : `### db-migrate ${r.direction === 'up' ? 'upgrade' : 'downgrade'}: ${code(r.current ?? 'base')}`
  const rows = r.dryRun
    ? r.planned.map((n) => [code(n), r.direction === 'up' ? 'would apply' : 'would revert', '—'])
    : r.applied.map((a) => [code(a.name), r.direction === 'up' ? 'applied' : 'reverted', duration(a.durationMs)])
  return [
    title,
    '',
    ...(r.script !== undefined && r.planned.length ? ['The SQL it would send:', '', '```sql', r.script.trimEnd(), '```', ''] : []),
    rows.length ? table(['Migration', 'Action', 'Duration'], rows) : `Nothing to do: the database is at ${code(r.current ?? 'base')}.`,
    '',
    r.pending.length ? `**Pending:** ${r.pending.map(code).join(', ')}` : '**Pending:** none',
  ].join('\n')
}

function checkSummary(c: CheckResult): string {
  if (c.live) return databaseSummary(c, c.live)
  if (!c.drift) return `### ✅ db-migrate check\nThe models match the ${plural(c.migrations, 'migration')}. ${replayText(c.replay)}`
  return [
    `### ❌ db-migrate check: the models and the migrations disagree`,
    '',
    ...c.explanations.map((e) => `- ${codeNames(e)}`),
    '',
    ...(c.risky.length ? ['**Risky:**', ...c.risky.map((r) => `- ${codeNames(r.explanation)}: ${escape(r.reason)}`), ''] : []),
    'SQL that makes the migrations match the models (write it with `db-migrate revision --autogenerate -m "..."`):',
    '',
    '```sql',
    ...c.statements.map((s) => `${s};`),
    '```',
    '',
    replayText(c.replay),
  ].join('\n')
}

function databaseSummary(c: CheckResult, live: DatabaseDrift): string {
  const assumed = live.pending.length ? ['', `**Assumed pending** (not applied on the database, left out of the comparison): ${live.pending.map(code).join(', ')}`] : []
  const against = `its ${plural(c.migrations, 'applied migration')} (up to ${code(live.current ?? 'base')})`
  if (!c.drift) return [`### ✅ db-migrate check: the database matches ${against}`, ...assumed].join('\n')
  return [
    `### ❌ db-migrate check: the database drifted from ${against}`,
    '',
    ...c.explanations.map((e) => `- ${codeNames(e)}`),
    ...assumed,
    '',
    'SQL that puts the database back as its migrations say (to keep the change instead, write it as a migration and `db-migrate stamp` it on that database):',
    '',
    '```sql',
    ...c.statements.map((s) => `${s};`),
    '```',
  ].join('\n')
}

function table(head: string[], rows: string[][]): string {
  if (!rows.length) return ''
  return [`| ${head.join(' | ')} |`, `|${head.map(() => ' --- ').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n') + '\n'
}

function code(text: string): string {
  return `\`${text.replace(/`/g, "'")}\``
}

function escape(text: string): string {
  return text.replace(/([|<>])/g, '\\$1')
}
