import type { Config } from '../config/config.js'
import { ConfigError, RevisionError } from '../errors.js'
import { listMigrations } from '../runtime/files.js'
import { noMigrations } from '../runtime/migrate.js'
import { loadModelSource, type ModelSource } from '../models/sources/find.js'
import { provisionDatabase } from '../provision/provision.js'
import type { EmbeddedState } from '../provision/embedded.js'
import type { Log } from '../log.js'
import type { MigrateResult } from '../runtime/migrate.js'
import { autogenerate, type AutogenerateResult } from './autogenerate.js'
import { check, type CheckResult } from './check.js'
import { checkDatabase } from './check-database.js'
import { diff, type DiffResult } from './diff.js'
import { downgrade } from './downgrade.js'
import { init, type InitResult } from './init.js'
import { checkPull, pull, type PullResult } from './pull.js'
import { resolve, type Resolution, type ResolveResult } from './resolve.js'
import { revision, type RevisionResult } from './revision.js'
import { stamp, type StampResult } from './stamp.js'
import { status, type StatusResult } from './status.js'
import { current, type CurrentResult } from './current.js'
import { heads, type HeadsResult } from './heads.js'
import { history, type HistoryResult } from './history.js'
import { show, type ShowResult } from './show.js'
import { upgrade } from './upgrade.js'
import { lint } from './lint.js'
import type { LintResult } from '../lint/lint.js'

export type CommandResult =
  | { readonly command: 'upgrade' | 'downgrade'; readonly result: MigrateResult; readonly database: DatabaseInfo; readonly lint?: LintResult }
  | { readonly command: 'status'; readonly result: StatusResult; readonly database: DatabaseInfo }
  | { readonly command: 'current'; readonly result: CurrentResult; readonly database: DatabaseInfo }
  | { readonly command: 'history'; readonly result: HistoryResult; readonly database: DatabaseInfo }
  | { readonly command: 'heads'; readonly result: HeadsResult; readonly database: DatabaseInfo }
  | { readonly command: 'show'; readonly result: ShowResult; readonly database: DatabaseInfo }
  | { readonly command: 'resolve'; readonly result: ResolveResult; readonly database: DatabaseInfo }
  | { readonly command: 'stamp'; readonly result: StampResult; readonly database: DatabaseInfo }
  | { readonly command: 'check'; readonly result: CheckResult; readonly database: DatabaseInfo }
  | { readonly command: 'revision'; readonly result: RevisionResult | AutogenerateResult; readonly database: DatabaseInfo | null }
  | { readonly command: 'init'; readonly result: InitResult; readonly database: null }
  | { readonly command: 'diff'; readonly result: DiffResult; readonly database: null }
  | { readonly command: 'pull'; readonly result: PullResult; readonly database: DatabaseInfo | null }

/** The lint a result carries: check's, or an upgrade dry run's. */
export function lintOf(result: CommandResult): LintResult | undefined {
  if (result.command === 'check') return result.result.lint
  if (result.command === 'upgrade' || result.command === 'downgrade') return result.lint
  return undefined
}

/** Where a command ran: the database it was given, or the embedded server it started. */
export interface DatabaseInfo {
  /** Set only when db-migrate started the server; it holds no password. */
  readonly spunUpUrl: string | null
  /** For the action's post step, when the server was left running. */
  readonly keptRunning: EmbeddedState | null
  /** Which server and database, without the password: `host:port/dbname`, or `embedded PostgreSQL 18.1`. */
  readonly server: string
}

export interface RunOptions {
  /** Leave a server that db-migrate started running after this process exits (the action, for later steps). */
  readonly keepSpunUp?: boolean
  readonly resolution?: Resolution
  /** How this front end names the database setting and the throwaway opt-in, for the error when neither is set. */
  readonly databaseHint?: { readonly setting: string; readonly embedded: string }
}

const needDatabase: readonly Config['command'][] = ['upgrade', 'downgrade', 'stamp', 'resolve', 'status', 'current', 'history', 'heads', 'show']

/** No deploy to nowhere: these commands act on a named database, or on a throwaway one only when asked for. */
function requireDatabase(config: Config, hint: RunOptions['databaseHint']): void {
  if (!needDatabase.includes(config.command) || config.database || config.embedded) return
  const { setting, embedded } = hint ?? { setting: '--database-url', embedded: '--embedded' }
  throw new ConfigError('database-url', `${config.command} needs a database, and none is set: set ${setting}, DATABASE_URL or DB_HOST/DB_PORT/DB_NAME/DB_USER/DB_PASS (an empty secret counts as unset); for a throwaway PostgreSQL, ask for it with ${embedded}`)
}

/** What a command needs before it may start a server: a revision, and the migrations folder it reads. */
const revisionNeeded: Partial<Record<Config['command'], string>> = {
  downgrade: 'downgrade needs a revision: a migration name or prefix, -1 for one step, or base to revert everything',
  stamp: 'stamp needs a revision: head, a migration name or a unique prefix of one, or +N',
  show: 'show needs a revision: a migration name or a unique prefix of one, head or current',
  resolve: 'resolve needs the name of a migration (or a unique prefix) and --applied or --rolled-back',
}

/** Fails what cannot succeed before any server starts: a missing revision, a missing or unreadable migrations folder. */
function preflight(config: Config, resolution: Resolution | undefined): void {
  const missing = revisionNeeded[config.command]
  if (missing && !config.revision?.trim()) throw new RevisionError(missing)
  if (config.command === 'resolve' && !resolution) throw new ConfigError('resolve', 'resolve needs --applied or --rolled-back after the migration name')
  const readsFolder = needDatabase.includes(config.command) || config.command === 'check'
  if (!readsFolder) return
  const files = listMigrations(config.migrationsDir, config.cwd, config.migrationsIgnore)
  // a throwaway server starts empty: with no migrations, upgrade and downgrade have nothing they could do
  if (files.length === 0 && !config.database && (config.command === 'upgrade' || config.command === 'downgrade')) throw noMigrations(config)
}

/** Runs one command: finds or starts Postgres, calls the command, and releases what it started. */
export async function runCommand(config: Config, log: Log, options: RunOptions = {}): Promise<CommandResult> {
  requireDatabase(config, options.databaseHint)
  preflight(config, options.resolution)
  switch (config.command) {
    case 'init':
      return { command: 'init', result: await init(config), database: null }
    case 'revision':
      if (!config.autogenerate) return { command: 'revision', result: await revision(config, { format: config.format }), database: null }
      {
        const models = preloadModels(config)
        return withServer(config, log, 'shadow', false, async (url, database) => ({
          command: 'revision', result: await autogenerate(config, url, log, new Date(), { models }), database,
        }))
      }
    case 'check': {
      if (config.databaseGiven) return withServer(config, log, 'shadow', false, async (url, database) => ({ command: 'check', result: await checkDatabase(config, url, log), database }))
      const models = preloadModels(config)
      return withServer(config, log, 'shadow', false, async (url, database) => ({
        command: 'check', result: await check(config, url, log, { models, snapshots: database.spunUpUrl ? 'own' : 'shared' }), database,
      }))
    }
    case 'diff':
      return { command: 'diff', result: await diff(config, log), database: null }
    case 'pull':
      // a named database is read as it is; without one, the migrations' head is replayed on a scratch database
      checkPull(config)
      if (config.database) return { command: 'pull', result: await pull(config, log, { source: { database: config.database.url } }), database: null }
      return withServer(config, log, 'shadow', false, async (url, database) => ({ command: 'pull', result: await pull(config, log, { source: { server: url } }), database }))
    case 'status':
      return withServer(config, log, 'target', options.keepSpunUp ?? false, async (url, database) => ({ command: 'status', result: await status(config, url), database }))
    case 'current':
      return withServer(config, log, 'target', options.keepSpunUp ?? false, async (url, database) => ({ command: 'current', result: await current(config, url), database }))
    case 'history':
      return withServer(config, log, 'target', options.keepSpunUp ?? false, async (url, database) => ({ command: 'history', result: await history(config, url), database }))
    case 'heads':
      return withServer(config, log, 'target', options.keepSpunUp ?? false, async (url, database) => ({ command: 'heads', result: await heads(config, url), database }))
    case 'show':
      return withServer(config, log, 'target', options.keepSpunUp ?? false, async (url, database) => ({ command: 'show', result: await show(config, url), database }))
    case 'resolve': {
      const resolution = options.resolution
      if (!resolution) throw new ConfigError('resolve', 'resolve needs --applied or --rolled-back after the migration name')
      return withServer(config, log, 'target', options.keepSpunUp ?? false, async (url, database) => ({
        command: 'resolve', result: await resolve(config, url, log, resolution), database,
      }))
    }
    case 'stamp':
      return withServer(config, log, 'target', options.keepSpunUp ?? false, async (url, database) => ({ command: 'stamp', result: await stamp(config, url, log), database }))
    case 'upgrade':
    case 'downgrade': {
      const command = config.command
      const fn = command === 'upgrade' ? upgrade : downgrade
      return withServer(config, log, 'target', options.keepSpunUp ?? false, async (url, database) => {
        const result = await fn(config, url, log)
        // a dry run of an upgrade lints what it would apply, against the server it would apply it to
        const linted = command === 'upgrade' && config.dryRun ? await lint(config, url, result.planned) : undefined
        return { command, result, database, ...(linted ? { lint: linted } : {}) }
      })
    }
  }
}

async function withServer<T>(
  config: Config,
  log: Log,
  role: 'target' | 'shadow',
  keep: boolean,
  fn: (url: string, database: DatabaseInfo) => Promise<T>,
): Promise<T> {
  const provisioned = await provisionDatabase(config, log, { role, keep })
  const kept = keep && config.keepDatabase && provisioned.spunUp ? provisioned.spunUp.state : null
  const given = role === 'target' ? config.database : config.shadowDatabase
  const server = provisioned.spunUp ? `embedded PostgreSQL ${provisioned.spunUp.version}` : given ? `${given.host}:${given.port}/${given.database}` : 'PostgreSQL'
  try {
    return await fn(provisioned.url, { spunUpUrl: provisioned.spunUp ? provisioned.url : null, keptRunning: kept, server })
  } catch (error) {
    // a failed run hands no server to later steps: nothing would stop it
    if (kept) await provisioned.spunUp?.stop().catch(() => {})
    throw error
  } finally {
    await provisioned.release()
  }
}

/** Starts loading (and compiling) the models while a server starts; check awaits them, and reports their failure. */
function preloadModels(config: Config): Promise<ModelSource> {
  const loading = loadModelSource(config)
  loading.catch(() => {})
  return loading
}
