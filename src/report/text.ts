import type { CommandResult } from '../commands/run.js'
import type { CheckResult } from '../commands/check.js'
import type { DatabaseDrift } from '../commands/check-database.js'
import type { StatusResult } from '../commands/status.js'
import type { CurrentResult } from '../commands/current.js'
import type { HistoryResult } from '../commands/history.js'
import type { ShowResult } from '../commands/show.js'
import type { MigrateResult } from '../runtime/migrate.js'
import { lintText } from '../lint/report.js'
import { reversibilityText } from './reversibility.js'
import { duration, isoTime, plural } from './format.js'

/** What the CLI prints on stdout for a result, for people. */
export function renderText(result: CommandResult): string {
  switch (result.command) {
    case 'upgrade':
    case 'downgrade':
      return result.lint?.findings.length ? `${migrateText(result.result)}\n${lintText(result.lint)}` : migrateText(result.result)
    case 'status':
      return statusText(result.result)
    case 'current':
      return currentText(result.result)
    case 'history':
      return historyText(result.result)
    case 'heads': {
      const { head, applied } = result.result
      return head === null ? 'No migrations yet: db-migrate revision -m "..." writes the first.' : `${head} (head), ${applied ? 'applied' : 'not applied'}`
    }
    case 'show':
      return showText(result.result)
    case 'check': {
      const c = result.result
      return [checkText(c), ...(c.lint?.findings.length ? [lintText(c.lint)] : []), ...(c.reversibility ? [reversibilityText(c.reversibility)] : [])].join('\n')
    }
    case 'revision':
      if ('drift' in result.result) {
        return result.result.files.length
          ? `${checkText(result.result)}\nWrote ${result.result.files.join(' and ')}`
          : 'No changes: the models match the migrations; no migration written.'
      }
      return `${result.result.dryRun ? 'Would write' : 'Wrote'} ${result.result.files.join(' and ')}`
    case 'init':
      return [
        ...result.result.created.map((f) => `created ${f}`),
        ...result.result.skipped.map((s) => `kept    ${s.file} (${s.reason})`),
      ].join('\n')
    case 'resolve':
      return `${result.result.name}: recorded as ${result.result.resolution}`
    case 'diff':
      return result.result.statements.map((s) => `${s};`).join('\n')
    case 'pull':
      return result.result.stdout ? result.result.text.trimEnd() : result.result.summary
    case 'stamp': {
      const { dryRun, stamped, current } = result.result
      if (stamped.length === 0) return `Nothing to stamp: the database is at ${current ?? 'base'}.`
      return [`${dryRun ? 'Dry run: would stamp' : 'Stamped'} ${plural(stamped.length, 'migration')} as applied (not run):`, ...stamped.map((n) => `  ${n}`), `Current revision: ${current ?? 'base'}`].join('\n')
    }
  }
}

function migrateText(r: MigrateResult): string {
  if (r.script !== undefined && r.scriptOnly) return r.script.trimEnd()
  const verb = r.direction === 'up' ? 'apply' : 'revert'
  const lines: string[] = []
  if (r.dryRun) {
    lines.push(r.planned.length ? `Dry run: would ${verb} ${plural(r.planned.length, 'migration')}:` : 'Dry run: nothing to do.')
    lines.push(...r.planned.map((n) => `  ${n}`))
    if (r.planned.length && r.script) lines.push('', 'The SQL it would send:', '', r.script.trimEnd(), '')
  } else if (r.applied.length === 0) {
    lines.push(`Nothing to ${verb}: the database is at ${r.current ?? 'base'}.`)
  } else {
    lines.push(`${r.direction === 'up' ? 'Applied' : 'Reverted'} ${plural(r.applied.length, 'migration')}:`)
    const width = Math.max(...r.applied.map((a) => a.name.length))
    lines.push(...r.applied.map((a) => `  ${a.name.padEnd(width)}  ${duration(a.durationMs)}`))
  }
  lines.push(`Current revision: ${r.current ?? 'base (nothing applied)'}`)
  if (r.pending.length) lines.push(`Pending: ${r.pending.join(', ')}`)
  return lines.join('\n')
}

function statusText(s: StatusResult): string {
  const lines = [`Current revision: ${s.current ?? 'base (nothing applied)'}${s.head && s.current === s.head ? ' (head)' : ''}`]
  if (s.applied.length) {
    lines.push('Applied:')
    const width = Math.max(...s.applied.map((a) => a.name.length))
    for (const a of s.applied) {
      lines.push(`  ${a.name.padEnd(width)}  ${isoTime(a.appliedAt)}  ${duration(a.durationMs)}${a.state === 'applied' ? '' : `  ${a.state.toUpperCase()}`}`)
    }
  }
  lines.push(s.pending.length ? `Pending:\n${s.pending.map((n) => `  ${n}`).join('\n')}` : 'Pending: none')
  if (s.problems.length) lines.push('Problems:', ...s.problems.map((p) => `  ${p.message}`))
  return lines.join('\n')
}

function currentText(c: CurrentResult): string {
  const line = c.current === null ? 'base (nothing applied)' : `${c.current}${c.current === c.head ? ' (head)' : ''}`
  if (!c.verbose || !c.migration) return line
  const m = c.migration
  return [`Current revision: ${line}`, `File:       ${m.file ?? '(gone from the migrations folder)'}`, `Applied at: ${isoTime(m.appliedAt)}`, `Duration:   ${duration(m.durationMs)}`].join('\n')
}

function historyText(h: HistoryResult): string {
  if (!h.migrations.length) return 'No migrations.'
  const label = (e: HistoryResult['migrations'][number]) => `${e.name}${e.head ? ' (head)' : ''}${h.indicateCurrent && e.current ? ' (current)' : ''}`
  const width = Math.max(...h.migrations.map((e) => label(e).length))
  return h.migrations.map((e) => {
    const when = e.appliedAt ? ` ${isoTime(e.appliedAt)}` : ''
    const gone = e.file === null ? '  (file gone)' : ''
    return `${label(e).padEnd(width)}  ${e.state}${when}${gone}`
  }).join('\n')
}

function showText(s: ShowResult): string {
  const applied = s.state === 'pending' ? 'not applied'
    : `${s.state === 'applied' ? 'applied' : s.state.toUpperCase()} at ${isoTime(s.appliedAt!)} (${duration(s.durationMs)})${s.error ? `: ${s.error}` : ''}`
  const changed = s.changed === null ? '—' : s.changed ? `yes: the file differs from what was applied (sha256 ${s.appliedChecksum})` : 'no'
  const down = s.downFile ?? (s.down ? 'yes (exports down)' : 'none')
  return [
    `Revision:    ${s.name}${s.head ? ' (head)' : ''}${s.current ? ' (current)' : ''}`,
    `File:        ${s.file ?? '(gone from the migrations folder)'}`,
    `Applied:     ${applied}`,
    `Checksum:    ${s.checksum ? `sha256 ${s.checksum}` : '—'}`,
    `Changed:     ${changed}`,
    `Up:          ${s.up ? 'yes' : 'none'}`,
    `Down:        ${down}`,
    ...(s.kind === 'module' ? [`Transaction: ${s.transaction ? 'yes' : 'no (transaction = false)'}`] : []),
  ].join('\n')
}

function checkText(c: CheckResult): string {
  if (c.live) return databaseText(c, c.live)
  if (!c.drift) return `OK: the models match the ${plural(c.migrations, 'migration')}.`
  const lines = [`Drift: the models differ from the ${plural(c.migrations, 'migration')}:`]
  lines.push(...c.explanations.map((e) => `  - ${e}`))
  lines.push('', 'SQL that makes the migrations match the models:', '', ...c.statements.map((s) => `${s};`))
  if (c.risky.length) lines.push('', 'Risky:', ...c.risky.map((r) => `  - ${r.explanation}: ${r.reason}`))
  lines.push('', 'Write it as a migration: db-migrate revision --autogenerate -m "<message>"')
  return lines.join('\n')
}

function databaseText(c: CheckResult, live: DatabaseDrift): string {
  const assumed = live.pending.length ? [`Assumed pending (not applied on the database, left out of the comparison): ${live.pending.join(', ')}`] : []
  const against = `its ${plural(c.migrations, 'applied migration')} (up to ${live.current ?? 'base'})`
  if (!c.drift) return [`OK: the database matches ${against}.`, ...assumed].join('\n')
  return [
    `Drift: the database ${live.database} differs from ${against}:`,
    ...c.explanations.map((e) => `  - ${e}`),
    '',
    'SQL that puts the database back as its migrations say:',
    '',
    ...c.statements.map((s) => `${s};`),
    '',
    ...assumed,
    'To keep the change instead, write it as a migration (db-migrate diff <migrations folder> <database url> prints it) and record it there with db-migrate stamp.',
  ].join('\n')
}
