import * as core from '@actions/core'
import { relative } from 'node:path'
import type { Config } from '../config/config.js'
import { loadConfig } from '../config/project-file.js'
import { lintOf, runCommand, type CommandResult } from '../commands/run.js'
import type { LintResult } from '../lint/lint.js'
import { AppError, ConfigError, HistoryError, MigrationError, ModelError, errorMessage } from '../errors.js'
import type { Log } from '../log.js'
import { redactSecrets } from '../report/redact.js'
import { renderFailure, renderSummary } from '../report/summary.js'
import { renderText } from '../report/text.js'
import { commentOnPullRequest } from './comment.js'
import { inputLabel, readInputs } from './inputs.js'
import { statusGate } from '../commands/status.js'
import type { Problem } from '../runtime/problems.js'

/** The action: inputs → config → command → outputs, job summary, annotations. The only user of @actions/core. */
export async function run(): Promise<void> {
  let config: Config | undefined
  let secrets: readonly string[] = []
  const clean = (text: string) => redactSecrets(text, secrets)
  try {
    config = await loadConfig({ settings: readInputs(), env: process.env, cwd: process.env.GITHUB_WORKSPACE || process.cwd(), label: inputLabel })
    secrets = config.secrets
    for (const secret of secrets) {
      core.setSecret(secret)
      core.setSecret(encodeURIComponent(secret))
    }
    if (config.command === 'resolve') {
      throw new ConfigError('command', `${inputLabel('command')} 'resolve' settles a database by hand: run npx db-migrate resolve <name> --applied|--rolled-back`)
    }
    const log: Log = { info: (m) => core.info(clean(m)), warn: (m) => core.warning(clean(m)) }
    const result = await runCommand(config, log, { keepSpunUp: config.keepDatabase, databaseHint: { setting: inputLabel('database-url'), embedded: `${inputLabel('database-url')} set to embedded` } })
    await setOutputs(result, config)
    core.info(clean(renderText(result)))
    const lint = lintOf(result)
    const failure = verdict(result, lint, config)
    // runners without job summaries (older GHES, local runs) leave GITHUB_STEP_SUMMARY unset
    const report = clean(renderSummary(result, failure !== null))
    if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(report, true).write()
    await maybeComment(report)
    if (lint) annotateLint(lint, config)
    if (result.command === 'status') annotateProblems(result.result.problems, config)
    if (failure) core.setFailed(failure)
  } catch (error) {
    const message = clean(errorMessage(error))
    if (error instanceof MigrationError && error.progress) {
      core.setOutput('current-revision', error.progress.current ?? '')
      core.setOutput('applied', JSON.stringify(error.progress.done))
      core.setOutput('pending', JSON.stringify(error.progress.pending))
    }
    const progress = error instanceof MigrationError ? error.progress : undefined
    const names = error instanceof MigrationError ? [error.migration.file] : (error instanceof HistoryError || error instanceof ModelError) && error.file ? [error.file] : []
    const failure = clean(renderFailure(config?.command, message, progress, names))
    await maybeComment(failure).catch(() => {})
    if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(failure, true).write().catch(() => {})
    const where = annotation(error, config)
    if (where) {
      core.error(message, where)
      process.exitCode = core.ExitCode.Failure
    } else {
      core.setFailed(message)
    }
    if (!(error instanceof AppError) && error instanceof Error && error.stack) core.debug(clean(error.stack))
  }
}

/** Why a result that ran still fails the step (drift, an irreversible down, a lint error, status --check); null when it passes. */
function verdict(result: CommandResult, lint: LintResult | undefined, config: Config): string | null {
  const gate = result.command === 'status' && config.statusCheck ? statusGate(result.result) : null
  if (gate) return gate
  if (result.command === 'check' && result.result.drift && result.result.live) {
    return `the database drifted from its migrations: ${result.result.explanations.length} difference(s); see the job summary for the SQL that puts it back`
  }
  if (result.command === 'check' && result.result.drift) {
    return `the models and the migrations disagree: ${result.result.explanations.length} difference(s); see the job summary for the SQL that fixes them`
  }
  if (result.command === 'check' && result.result.reversibility?.irreversible.length) {
    return `${result.result.reversibility.irreversible.length} migration(s) cannot be reverted cleanly: ${result.result.reversibility.irreversible.map((i) => i.migration).join(', ')}; see the job summary for what each down leaves behind`
  }
  if (lint && lint.errors > 0) return `the lint found ${lint.errors} error(s) in the migrations: see the annotations or the job summary for the fix of each`
  return null
}

/** With pr-comment on, the report goes to the pull request too. */
async function maybeComment(report: string): Promise<void> {
  if (!/^(true|yes|1|on)$/i.test(core.getInput('pr-comment'))) return
  const token = core.getInput('github-token') || process.env.GITHUB_TOKEN || ''
  if (token) core.setSecret(token)
  await commentOnPullRequest(report, token)
}

/** One annotation per finding, on its file and line. */
function annotateLint(lint: LintResult, config: Config): void {
  const base = process.env.GITHUB_WORKSPACE || process.cwd()
  for (const f of lint.findings) {
    const where = { title: `db-migrate ${f.rule}`, file: relative(base, `${config.cwd}/${f.file}`), startLine: f.line }
    if (f.severity === 'error') core.error(f.message, where)
    else core.warning(f.message, where)
  }
}

/** A problem status found, as a warning on the migration's file. */
function annotateProblems(problems: readonly Problem[], config: Config): void {
  const base = process.env.GITHUB_WORKSPACE || process.cwd()
  for (const p of problems) core.warning(p.message, p.file ? { title: `db-migrate ${p.kind.replace('_', ' ')}`, file: relative(base, `${config.cwd}/${p.file}`) } : {})
}

async function setOutputs(result: CommandResult, config: Config): Promise<void> {
  const lint = lintOf(result)
  if (lint) {
    core.setOutput('lint-errors', String(lint.errors))
    core.setOutput('lint-warnings', String(lint.warnings))
  }
  // only a server left running for later steps is worth a URL: one stopped on exit is gone
  if (result.database?.keptRunning && result.database.spunUpUrl) core.setOutput('database-url', result.database.spunUpUrl)
  if (result.database?.keptRunning) core.saveState('embedded', JSON.stringify(result.database.keptRunning))
  switch (result.command) {
    case 'upgrade':
    case 'downgrade':
      core.setOutput('current-revision', result.result.current ?? '')
      core.setOutput('applied', JSON.stringify(result.result.applied.map((a) => a.name)))
      core.setOutput('pending', JSON.stringify(result.result.pending))
      break
    case 'status':
      core.setOutput('current-revision', result.result.current ?? '')
      core.setOutput('applied', JSON.stringify([]))
      core.setOutput('pending', JSON.stringify(result.result.pending))
      break
    case 'current':
    case 'heads':
    case 'show':
      if (result.command === 'current') core.setOutput('current-revision', result.result.current ?? '')
      break
    case 'history':
      core.setOutput('current-revision', result.result.current ?? '')
      core.setOutput('pending', JSON.stringify(result.result.migrations.filter((m) => m.state === 'pending').map((m) => m.name).reverse()))
      break
    case 'stamp':
      core.setOutput('current-revision', result.result.current ?? '')
      core.setOutput('applied', JSON.stringify(result.result.stamped))
      break
    case 'check':
      if (result.result.reversibility) core.setOutput('irreversible', JSON.stringify(result.result.reversibility.irreversible.map((i) => i.migration)))
      core.setOutput('drift', String(result.result.drift))
      core.setOutput('diff', result.result.statements.map((s) => `${s};`).join('\n'))
      if (result.result.live) {
        core.setOutput('current-revision', result.result.live.current ?? '')
        core.setOutput('pending', JSON.stringify(result.result.live.pending))
      }
      if (result.result.replay.cacheKey && !config.shadowDatabase) {
        // for actions/cache/save: the directory to keep, under a key naming the head it holds (restore by prefix)
        core.setOutput('check-cache-path', (await import('../provision/cache.js')).checkCacheRoot(config.checkCache))
        core.setOutput('check-cache-key', `db-migrate-check-${process.env.RUNNER_OS || process.platform}-${process.arch}-${result.result.replay.cacheKey.slice(0, 32)}`)
      }
      break
    case 'diff':
      core.setOutput('drift', String(!result.result.same))
      core.setOutput('diff', result.result.statements.map((s) => `${s};`).join('\n'))
      break
    case 'pull':
      core.setOutput('models-file', result.result.file)
      break
    case 'revision':
      if ('drift' in result.result) {
        core.setOutput('drift', String(result.result.drift))
        core.setOutput('diff', result.result.statements.map((s) => `${s};`).join('\n'))
      }
      break
    default:
      break
  }
}

/** Points an error annotation at the file (and line) it is about, relative to the workspace. */
function annotation(error: unknown, config: Config | undefined): core.AnnotationProperties | undefined {
  const base = process.env.GITHUB_WORKSPACE || process.cwd()
  const rel = (file: string) => relative(base, file.startsWith('/') ? file : `${config?.cwd ?? base}/${file}`)
  if (error instanceof MigrationError) {
    return { title: `migration ${error.migration.name} failed`, file: rel(error.migration.file), startLine: error.migration.line }
  }
  if ((error instanceof HistoryError || error instanceof ModelError) && error.file) return { file: rel(error.file) }
  return undefined
}
