import { existsSync } from 'node:fs'
import type { Config } from '../config/config.js'
import { connect } from '../db/client.js'
import { MigrationError } from '../errors.js'
import { introspect } from '../introspect/introspect.js'
import { compare } from '../compare/compare.js'
import { loadModelSource, type ModelSource } from '../models/sources/find.js'
import type { Operation } from '../ops/operation.js'
import { risk } from '../ops/risk.js'
import { createScratchDatabase, type ScratchDatabase } from '../provision/scratch.js'
import { renderSql, type RenderedStatement } from '../render/sql.js'
import { explainDrift } from '../ops/explain-drift.js'
import type { Log } from '../log.js'
import { emptySchema, type Schema } from '../schema/schema.js'
import { listMigrations } from '../runtime/files.js'
import type { LintResult } from '../lint/lint.js'
import { addedMigrations, lint } from './lint.js'
import { checkReversible, type Reversibility } from './reversible.js'
import { upgrade } from './upgrade.js'

/** An operation that can lose data or fail on existing rows, with the statements that carry it out. */
export interface RiskyOperation {
  readonly operation: Operation
  readonly reason: string
  readonly explanation: string
  readonly statements: readonly string[]
}

/** How the migrations differ from the models. Drift is data, not an error: front ends choose the exit code. */
export interface CheckResult {
  /** True when the migrations do not build the schema the models describe. */
  readonly drift: boolean
  /** What turns the migrated schema into the models' one, in order. */
  readonly operations: readonly Operation[]
  /** The SQL of those operations, in order. */
  readonly statements: readonly string[]
  /** Each statement with the operation it comes from. */
  readonly rendered: readonly RenderedStatement[]
  /** One line of words per operation, in the same order. */
  readonly explanations: readonly string[]
  readonly risky: readonly RiskyOperation[]
  /** The models file as messages show it. */
  readonly modelsFile: string
  /** How many migrations were replayed. */
  readonly migrations: number
  /** `check`: the lint of the migrations the branch adds (all with `--all`). */
  readonly lint?: LintResult
  /** `check --reversible`: the downs that do not undo their up. */
  readonly reversibility?: Reversibility
}

/** Both schemas check compared, for autogenerate. */
export interface Drift extends CheckResult {
  readonly migrated: Schema
  readonly models: Schema
}

/**
 * Replays every migration on one scratch database and builds the models in another, both on the server at
 * `serverUrl` (never the target database), then compares the two as the same introspector reads them.
 */
export async function check(config: Config, serverUrl: string, log: Log, options: DriftOptions = {}): Promise<CheckResult> {
  const { migrated: _m, models: _s, ...result } = await findDrift(config, serverUrl, log, options)
  const added = addedMigrations(config, log)
  const reversibility = config.reversible ? await checkReversible(config, serverUrl, added, log) : undefined
  return { ...result, lint: await lint(config, serverUrl, added), ...(reversibility ? { reversibility } : {}) }
}

export interface DriftOptions {
  /** A migrations folder that does not exist yet counts as empty (the first autogenerate of a project). */
  readonly allowMissingMigrations?: boolean
  /** The models, when the caller started loading them already (while a server starts, say). */
  readonly models?: Promise<ModelSource>
}

/** check(), keeping both schemas. */
export async function findDrift(config: Config, serverUrl: string, log: Log, options: DriftOptions = {}): Promise<Drift> {
  const loaded = await (options.models ?? loadModelSource(config))
  const noMigrations = existsSync(config.migrationsDir)
    ? listMigrations(config.migrationsDir, config.cwd, config.migrationsIgnore).length === 0
    : options.allowMissingMigrations === true
  const [migrationsDb, modelsDb] = await scratchPair(serverUrl)
  try {
    // Both sides run at once; wait for both before the finally drops their databases.
    const [replayed, built] = await Promise.allSettled([
      noMigrations ? Promise.resolve({ schema: emptySchema, count: 0 }) : replayMigrations(config, migrationsDb.url, log),
      buildModels(loaded, modelsDb.url),
    ])
    if (replayed.status === 'rejected') throw replayed.reason
    if (built.status === 'rejected') throw built.reason
    const { schema: migrated, count } = replayed.value
    const models = built.value
    const operations = compare(migrated, models, { columnOrder: config.columnOrder, ignoreExtensionVersions: config.ignoreExtensionVersions })
    const rendered = renderSql(operations)
    const result: Drift = {
      drift: operations.length > 0,
      operations,
      statements: rendered.map((r) => r.sql),
      rendered,
      explanations: operations.map(explainDrift),
      risky: riskyOperations(operations, rendered),
      modelsFile: loaded.file,
      migrations: count,
      migrated,
      models,
    }
    log.info(result.drift
      ? `the models differ from the ${count} migration(s): ${operations.length} operation(s) needed`
      : `the models match the ${count} migration(s)`)
    return result
  } finally {
    await Promise.all([migrationsDb.drop(), modelsDb.drop()].map((p) => p.catch(() => {})))
  }
}

interface Replayed {
  readonly schema: Schema
  readonly count: number
}

async function scratchPair(serverUrl: string): Promise<[ScratchDatabase, ScratchDatabase]> {
  const made = await Promise.allSettled([createScratchDatabase(serverUrl, 'db_migrate_check_migrations'), createScratchDatabase(serverUrl, 'db_migrate_check_models')])
  const failed = made.find((m) => m.status === 'rejected')
  if (failed) {
    await Promise.all(made.map((m) => (m.status === 'fulfilled' ? m.value.drop().catch(() => {}) : undefined)))
    throw (failed as PromiseRejectedResult).reason
  }
  return made.map((m) => (m as PromiseFulfilledResult<ScratchDatabase>).value) as [ScratchDatabase, ScratchDatabase]
}

/** Every migration, head included, applied to an empty database; then that database as introspect reads it. */
async function replayMigrations(config: Config, url: string, log: Log): Promise<Replayed> {
  let applied: number
  try {
    const run = await upgrade({ ...config, revision: undefined, dryRun: false }, url, { info: () => {}, warn: (m) => log.warn(m) })
    applied = run.applied.length
  } catch (error) {
    if (error instanceof MigrationError) {
      throw new MigrationError(`the migrations do not apply cleanly to an empty database: ${error.message}`, error.migration, { cause: error })
    }
    throw error
  }
  const client = await connect(url)
  try {
    return { schema: await introspect(client, { exclude: [{ schema: config.historySchema, name: config.historyTable }] }), count: applied }
  } finally {
    await client.end().catch(() => {})
  }
}

/** The models built by their own DDL in an empty database, read back by the same introspector as the migrations' side. */
async function buildModels(source: ModelSource, url: string): Promise<Schema> {
  await source.build(url)
  const client = await connect(url)
  try {
    return await introspect(client)
  } finally {
    await client.end().catch(() => {})
  }
}

function riskyOperations(operations: readonly Operation[], rendered: readonly RenderedStatement[]): RiskyOperation[] {
  return operations.flatMap((operation) => {
    const r = risk(operation)
    if (!r) return []
    const statements = rendered.filter((s) => s.op === operation).map((s) => s.sql)
    return [{ operation, reason: r.reason, explanation: explainDrift(operation), statements }]
  })
}
