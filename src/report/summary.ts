import type { CommandResult } from '../commands/run.js'
import type { CheckResult } from '../commands/check.js'
import type { DatabaseDrift } from '../commands/check-database.js'
import type { MigrationProgress } from '../errors.js'
import type { MigrateResult } from '../runtime/migrate.js'
import { lintMarkdown } from '../lint/report.js'
import { reversibilityMarkdown } from './reversibility.js'
import { codeNames, duration, isoTime, plural, replayText } from './format.js'

/**
 * Markdown for the job summary ($GITHUB_STEP_SUMMARY). Pure: the action writes it. `failed` is the action's verdict
 * on a result that still fails the step (drift, a lint error, status --check not at head): the title then says ❌.
 */
export function renderSummary(result: CommandResult, failed = false): string {
  const body = summaryBody(result, failed ? '❌' : '✅')
  const database = result.database
  if (!database) return body
  if (result.command === 'check' || result.command === 'revision' || result.command === 'pull') return `${body}

Scratch databases on ${code(database.server)}.`
  if (!database.spunUpUrl) return `${body}

Ran on ${code(database.server)}.`
  return `${body}

> [!WARNING]
> This ran on a **throwaway ${database.server}** started by db-migrate (\`embedded\`), not on a deployed database.`
}

function summaryBody(result: CommandResult, icon: '✅' | '❌'): string {
  switch (result.command) {
    case 'upgrade':
    case 'downgrade':
      return result.lint ? `${migrateSummary(result.result, icon)}\n\n${lintMarkdown(result.lint)}` : migrateSummary(result.result, icon)
    case 'status': {
      const s = result.result
      return [
        `### ${icon} db-migrate status: ${code(s.current ?? 'base')}`,
        '',
        table(['Migration', 'Applied at', 'Duration', 'State'], s.applied.map((a) => [code(a.name), isoTime(a.appliedAt), duration(a.durationMs), a.state])),
        s.pending.length ? `**Pending:** ${s.pending.map(code).join(', ')}` : '**Pending:** none',
        ...(s.problems.length ? ['', '**Problems:**', ...s.problems.map((p) => `- ${markdown(p.message, [p.name, ...(p.file ? [p.file] : [])])}`)] : []),
      ].join('\n')
    }
    case 'current': {
      const c = result.result
      const m = c.migration
      return [`### ${icon} db-migrate current: ${code(c.current ?? 'base')}${c.current !== null && c.current === c.head ? ' (head)' : ''}`,
        ...(m ? ['', `Applied at ${isoTime(m.appliedAt)} in ${duration(m.durationMs)}${m.file ? ` from ${code(m.file)}` : ''}`] : [])].join('\n')
    }
    case 'history': {
      const h = result.result
      return [`### ${icon} db-migrate history`, '',
        table(['Migration', 'State', 'Applied at'], h.migrations.map((e) => [`${code(e.name)}${e.head ? ' (head)' : ''}${e.current ? ' **(current)**' : ''}`, e.state, e.appliedAt ? isoTime(e.appliedAt) : '—'])) || 'No migrations.'].join('\n')
    }
    case 'heads': {
      const { head, applied } = result.result
      return `### ${icon} db-migrate heads\n${head === null ? 'No migrations yet.' : `${code(head)} (head), ${applied ? 'applied' : 'not applied'}`}`
    }
    case 'show': {
      const s = result.result
      return [`### ${icon} db-migrate show ${code(s.name)}`, '',
        table(['', ''], [
          ['File', s.file ? code(s.file) : 'gone from the migrations folder'],
          ['Applied', s.appliedAt ? `${s.state} at ${isoTime(s.appliedAt)} (${duration(s.durationMs)})` : 'not applied'],
          ['Checksum', s.checksum ? code(s.checksum) : '—'],
          ['Changed since applied', s.changed === null ? '—' : s.changed ? '**yes**' : 'no'],
          ['Up', s.up ? 'yes' : 'none'],
          ['Down', s.downFile ? code(s.downFile) : s.down ? 'yes' : 'none'],
        ])].join('\n')
    }
    case 'check': {
      const c = result.result
      return [checkSummary(c, icon), ...(c.lint ? [lintMarkdown(c.lint)] : []), ...(c.reversibility ? [reversibilityMarkdown(c.reversibility)] : [])].join('\n\n')
    }
    case 'revision':
      return 'drift' in result.result && !result.result.files.length
        ? `### ${icon} db-migrate revision\nNo changes: the models match the migrations.`
        : `### ${icon} db-migrate revision\n${'dryRun' in result.result && result.result.dryRun ? 'Would write' : 'Wrote'} ${result.result.files.map(code).join(' and ')}`
    case 'init':
      return `### ${icon} db-migrate init\n${result.result.created.map((f) => `- created ${code(f)}`).join('\n')}`
    case 'diff': {
      const d = result.result
      const title = `### ${icon} db-migrate diff ${code(d.from.shown)} ${code(d.to.shown)}`
      if (d.same) return `${title}\nNo difference.`
      return [title, '', ...d.explanations.map((e) => `- ${codeNames(e)}`), '', '```sql', ...d.statements.map((s) => `${s};`), '```'].join('\n')
    }
    case 'pull':
      return [`### ${icon} db-migrate pull`, escape(result.result.summary), ...result.result.omitted.map((o) => `- not declared: ${escape(o)}`)].join('\n')
    case 'resolve':
      return `### ${icon} db-migrate resolve\n${code(result.result.name)} recorded as **${result.result.resolution}**`
    case 'stamp':
      return `### ${icon} db-migrate stamp\n${result.result.dryRun ? 'Would record' : 'Recorded'} as applied without running them: ${result.result.stamped.map(code).join(', ') || 'nothing'}\n\nCurrent revision: ${code(result.result.current ?? 'base')}`
  }
}

/** Markdown for a run that failed: what went wrong and, for a migration, where the database stands now. */
export function renderFailure(command: string | undefined, message: string, progress?: MigrationProgress, names: readonly string[] = []): string {
  const known = [...names, ...(progress ? [...progress.done, ...progress.pending, ...(progress.current ? [progress.current] : [])] : [])]
  const lines = [`### ❌ db-migrate ${command ? `${command} ` : ''}failed`, '', markdown(message, known)]
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

function migrateSummary(r: MigrateResult, icon: string): string {
  const title = r.dryRun
    ? `### ${icon} db-migrate ${r.direction === 'up' ? 'upgrade' : 'downgrade'} (dry run): ${plural(r.planned.length, 'migration')} would run`
    : `### ${icon} db-migrate ${r.direction === 'up' ? 'upgrade' : 'downgrade'}: ${code(r.current ?? 'base')}`
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

function checkSummary(c: CheckResult, icon: string): string {
  if (c.live) return databaseSummary(c, c.live)
  if (!c.drift) return `### ${icon} db-migrate check\nThe models match the ${plural(c.migrations, 'migration')}. ${replayText(c.replay)}`
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

/** A message for Markdown: the names it mentions (migrations, files, tables) in code style, except inside code it already has. */
function markdown(text: string, names: readonly string[]): string {
  const outsideCode = (t: string, f: (part: string) => string) => t.split(/(`[^`]*`)/).map((part, i) => (i % 2 ? part : f(part))).join('')
  const sorted = [...new Set(names)].filter(Boolean).sort((a, b) => b.length - a.length)
  const withKinds = outsideCode(text, codeNames)
  if (!sorted.length) return withKinds
  const pattern = new RegExp(`(?<![\\w/.-])(${sorted.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?![\\w/-]|\\.\\w)`, 'g')
  return outsideCode(withKinds, (part) => part.replace(pattern, (name) => code(name)))
}
