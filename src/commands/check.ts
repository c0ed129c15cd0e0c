import { existsSync } from 'node:fs'
import type { Config } from '../config/config.js'
import { compare } from '../compare/compare.js'
import { loadModelSource, type ModelSource } from '../models/sources/find.js'
import type { Operation } from '../ops/operation.js'
import { risk } from '../ops/risk.js'
import { renderSql, type RenderedStatement } from '../render/sql.js'
import { explainDrift } from '../ops/explain-drift.js'
import type { Log } from '../log.js'
import { filterSchema } from '../schema/filter.js'
import { emptySchema, type Schema } from '../schema/schema.js'
import { listMigrations } from '../runtime/files.js'
import type { LintResult } from '../lint/lint.js'
import type { MigrationFile } from '../runtime/types.js'
import { addedMigrations, lint } from './lint.js'
import { checkReversible, type Reversibility } from './reversible.js'
import type { DatabaseDrift } from './check-database.js'
import { replay, type Replayed, type ReplaySummary } from './replay.js'
import { buildModels } from './build-models.js'

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
  /** How many migrations the migrated schema comes from (cached or replayed). */
  readonly migrations: number
  /** How many of them this run replayed, and from which cached prefix. */
  readonly replay: ReplaySummary
  /** `check`: the lint of the migrations the branch adds (all with `--all`). */
  readonly lint?: LintResult
  /** `check --reversible`: the downs that do not undo their up. */
  readonly reversibility?: Reversibility
  /** `check --database-url`: the live database was compared with its migrations instead of the models. */
  readonly live?: DatabaseDrift
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
  const files = options.files ?? listMigrations(config.migrationsDir, config.cwd, config.migrationsIgnore)
  // the lint needs only the files and the server's version: it runs while the replay waits on the server
  let startLint!: () => void
  const linting = new Promise<void>((resolve) => (startLint = resolve)).then(async () => {
    const added = addedMigrations(config, log, files)
    return { added, linted: await lint(config, serverUrl, added, files) }
  })
  linting.catch(() => {})
  const { migrated: _m, models: _s, ...result } = await findDrift(config, serverUrl, log, { ...options, files, onWait: startLint })
  startLint()
  const { added, linted } = await linting
  const reversibility = config.reversible ? await checkReversible(config, serverUrl, added) : undefined
  return { ...result, lint: linted, ...(reversibility ? { reversibility } : {}) }
}

export interface DriftOptions {
  /** A migrations folder that does not exist yet counts as empty (the first autogenerate of a project). */
  readonly allowMissingMigrations?: boolean
  /** The models, when the caller started loading them already (while a server starts, say). */
  readonly models?: Promise<ModelSource>
  /** Start from, and keep, snapshots of replayed migrations and built models on the server (unless --no-cache): `own` for the server
   *  db-migrate started (its roles are ours to drop), `shared` for a given one. Default: no snapshots. */
  readonly snapshots?: 'own' | 'shared'
  /** The migrations folder as listed already. */
  readonly files?: readonly MigrationFile[]
  /** Called once the replay waits on the server (see ReplayOptions). */
  readonly onWait?: () => void
}

/** check(), keeping both schemas. */
export async function findDrift(config: Config, serverUrl: string, log: Log, options: DriftOptions = {}): Promise<Drift> {
  const files = options.files ?? (existsSync(config.migrationsDir) ? listMigrations(config.migrationsDir, config.cwd, config.migrationsIgnore) : null)
  const noMigrations = files ? files.length === 0 : options.allowMissingMigrations === true
  const cache = { cache: options.snapshots !== undefined && !config.noCache, ownServer: options.snapshots === 'own' }
  const replaying: Promise<Replayed> = noMigrations ? Promise.resolve({ schema: emptySchema, count: 0, replay: { replayed: 0, fromCache: 0, cacheKey: null } }) : replay(config, serverUrl, log, { ...cache, onWait: options.onWait }, files ?? undefined)
  // Both sides run at once, the replay without waiting for the models to load; each drops its own scratch database
  replaying.catch(() => {})
  const loading = options.models ?? loadModelSource(config)
  loading.catch(() => {})
  const [replayed, loadedModels] = await Promise.allSettled([replaying, loading.then((loaded) => buildModels(loaded, serverUrl, log, { ...cache, privileges: !config.ignorePrivileges }).then((built) => ({ loaded, built })))])
  // models that cannot be loaded say so first, as when they were loaded before the replay
  if (loadedModels.status === 'rejected' && (await loading.then(() => false, () => true))) throw loadedModels.reason
  if (replayed.status === 'rejected') throw replayed.reason
  if (loadedModels.status === 'rejected') throw loadedModels.reason
  const { loaded, built } = loadedModels.value
  const { schema: migrated, count } = replayed.value
  const replaySummary = { ...replayed.value.replay, modelsCached: built.cached }
  const models = built.schema
  const operations = compare(filterSchema(migrated, config.schemaScope), filterSchema(models, config.schemaScope), { columnOrder: config.columnOrder, ignoreExtensionVersions: config.ignoreExtensionVersions })
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
    replay: replaySummary,
    migrated,
    models,
  }
  await replayed.value.settled
  const { replayed: n, fromCache } = replaySummary
  log.info(`Replayed ${n} migration${n === 1 ? '' : 's'}, ${fromCache > 0 ? `on the cached snapshot of the first ${fromCache}` : 'from an empty database'}.${replaySummary.modelsCached ? ' The models: a cached build of the same models.' : ''}`)
  return result
}

function riskyOperations(operations: readonly Operation[], rendered: readonly RenderedStatement[]): RiskyOperation[] {
  return operations.flatMap((operation) => {
    const r = risk(operation)
    if (!r) return []
    const statements = rendered.filter((s) => s.op === operation).map((s) => s.sql)
    return [{ operation, reason: r.reason, explanation: explainDrift(operation), statements }]
  })
}
