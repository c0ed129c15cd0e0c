import type { CommandName, Config } from '../config/config.js'
import { ConfigError, RevisionError } from '../errors.js'
import type { ModelSource } from '../models/sources/find.js'
import type { EmbeddedState } from '../provision/embedded.js'
import type { Log } from '../log.js'
import { listMigrations } from '../runtime/files.js'
import type { MigrationFile } from '../runtime/types.js'
import { migrate, noMigrations, type MigrateResult } from '../runtime/migrate.js'
import type { AutogenerateResult } from './autogenerate.js'
import type { CheckResult } from './check.js'
import type { DiffResult } from './diff.js'
import type { InitResult } from './init.js'
import type { PullResult } from './pull.js'
import { resolve, type Resolution, type ResolveResult } from './resolve.js'
import type { RevisionResult } from './revision.js'
import { stamp, type StampResult } from './stamp.js'
import { status, type StatusResult } from './status.js'
import { current, type CurrentResult } from './current.js'
import { heads, type HeadsResult } from './heads.js'
import { history, type HistoryResult } from './history.js'
import { show, type ShowResult } from './show.js'
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

/** What a command runs with: its config, and the database its entry asked for (url is '' for `none`). */
interface Run {
  readonly config: Config
  readonly log: Log
  readonly options: RunOptions
  readonly url: string
  readonly database: DatabaseInfo
  /** Models loading since before the server started (check, revision --autogenerate). */
  readonly models: Promise<ModelSource>
  /** The migrations folder, listed while the server started (check). */
  readonly migrations: () => Promise<readonly MigrationFile[]>
}

type Server = 'target' | 'shadow' | 'none'

interface Entry {
  readonly server: (config: Config) => Server
  /** What makes the command stop before any server starts, beyond the shared preflight. */
  readonly before?: (config: Config) => Promise<void>
  readonly run: (r: Run) => Promise<CommandResult>
}

/**
 * One entry per command: the database it works on (`target`: the one it changes or reads, waited for and never
 * started unasked; `shadow`: a server for scratch databases; `none`), and how it runs. The commands on a target
 * database share the runtime and are loaded with this table; every other command's module is imported only when that
 * command runs, so a process loads what its command needs and no more.
 */
const table: { readonly [K in CommandName]: Entry } = {
  upgrade: { server: () => 'target', run: (r) => migrateCommand(r, 'upgrade') },
  downgrade: { server: () => 'target', run: (r) => migrateCommand(r, 'downgrade') },
  status: { server: () => 'target', run: async ({ config, url, database }) => ({ command: 'status', result: await status(config, url), database }) },
  current: { server: () => 'target', run: async ({ config, url, database }) => ({ command: 'current', result: await current(config, url), database }) },
  history: { server: () => 'target', run: async ({ config, url, database }) => ({ command: 'history', result: await history(config, url), database }) },
  heads: { server: () => 'target', run: async ({ config, url, database }) => ({ command: 'heads', result: await heads(config, url), database }) },
  show: { server: () => 'target', run: async ({ config, url, database }) => ({ command: 'show', result: await show(config, url), database }) },
  stamp: { server: () => 'target', run: async ({ config, url, log, database }) => ({ command: 'stamp', result: await stamp(config, url, log), database }) },
  resolve: { server: () => 'target', run: async ({ config, url, log, database, options }) => ({ command: 'resolve', result: await resolve(config, url, log, options.resolution!), database }) },
  check: {
    server: () => 'shadow',
    run: async ({ config, url, log, database, models, migrations }) => config.databaseGiven
      ? { command: 'check', result: await (await import('./check-database.js')).checkDatabase(config, url, log), database }
      : { command: 'check', result: await (await import('./check.js')).check(config, url, log, { models, files: await migrations(), snapshots: database.spunUpUrl ? 'own' : 'shared' }), database },
  },
  revision: {
    server: (config) => (config.autogenerate ? 'shadow' : 'none'),
    run: async ({ config, url, log, database, models }) => config.autogenerate
      ? { command: 'revision', result: await (await import('./autogenerate.js')).autogenerate(config, url, log, new Date(), { models }), database }
      : { command: 'revision', result: await (await import('./revision.js')).revision(config, { format: config.format }), database: null },
  },
  init: { server: () => 'none', run: async ({ config }) => ({ command: 'init', result: await (await import('./init.js')).init(config), database: null }) },
  diff: { server: () => 'none', run: async ({ config, log }) => ({ command: 'diff', result: await (await import('./diff.js')).diff(config, log), database: null }) },
  // a named database is read as it is; without one, the migrations' head is replayed on a scratch database
  pull: {
    server: (config) => (config.database ? 'none' : 'shadow'),
    before: async (config) => (await import('./pull.js')).checkPull(config),
    run: async ({ config, url, log, database }) => {
      const { pull } = await import('./pull.js')
      if (config.database) return { command: 'pull', result: await pull(config, log, { source: { database: config.database.url } }), database: null }
      return { command: 'pull', result: await pull(config, log, { source: { server: url } }), database }
    },
  },
}

async function migrateCommand({ config, url, log, database }: Run, command: 'upgrade' | 'downgrade'): Promise<CommandResult> {
  const result = await migrate(config, url, log, command === 'upgrade' ? 'up' : 'down')
  // a dry run of an upgrade lints what it would apply, against the server it would apply it to
  const linted = command === 'upgrade' && config.dryRun ? await (await import('./lint.js')).lint(config, url, result.planned) : undefined
  return { command, result, database, ...(linted ? { lint: linted } : {}) }
}

/** No deploy to nowhere: these commands act on a named database, or on a throwaway one only when asked for. */
function requireDatabase(config: Config, hint: RunOptions['databaseHint']): void {
  if (config.database || config.embedded) return
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
function preflight(config: Config, server: Server, resolution: Resolution | undefined): void {
  const missing = revisionNeeded[config.command]
  if (missing && !config.revision?.trim()) throw new RevisionError(missing)
  if (config.command === 'resolve' && !resolution) throw new ConfigError('resolve', 'resolve needs --applied or --rolled-back after the migration name')
  const readsFolder = server === 'target' || config.command === 'check'
  if (!readsFolder) return
  // check lists (and reads) every migration itself: here only the folder is looked at, through a listing that
  // ignores every name, so that a missing one fails first without the files being read twice
  if (config.command === 'check') return void listMigrations(config.migrationsDir, config.cwd, ['*'])
  const files = listMigrations(config.migrationsDir, config.cwd, config.migrationsIgnore)
  // a throwaway server starts empty: with no migrations, upgrade and downgrade have nothing they could do
  if (files.length === 0 && !config.database && (config.command === 'upgrade' || config.command === 'downgrade')) throw noMigrations(config)
}

/** Runs one command: finds or starts Postgres, calls the command, and releases what it started. */
export async function runCommand(config: Config, log: Log, options: RunOptions = {}): Promise<CommandResult> {
  const command = table[config.command]
  const server = command.server(config)
  if (server === 'target') requireDatabase(config, options.databaseHint)
  preflight(config, server, options.resolution)
  await command.before?.(config)
  const models = server === 'shadow' ? modelsOnDemand(config) : { loading: noModels, listing: listLater(config), start: () => {} }
  const run = (url: string, database: DatabaseInfo) => command.run({ config, log, options, url, database, models: models.loading, migrations: models.listing })
  if (server === 'none') return run('', { spunUpUrl: null, keptRunning: null, server: '' })
  // a given target is used as it is: the command itself connects, waiting for a server that is still starting
  if (server === 'target' && config.database) return run(config.database.url, { spunUpUrl: null, keptRunning: null, server: shownServer(config.database) })
  return withServer(config, log, server, server === 'target' && (options.keepSpunUp ?? false), run, models.start)
}

async function withServer<T>(
  config: Config,
  log: Log,
  role: 'target' | 'shadow',
  keep: boolean,
  fn: (url: string, database: DatabaseInfo) => Promise<T>,
  onSpawn: () => void,
): Promise<T> {
  const { provisionDatabase } = await import('../provision/provision.js')
  const provisioned = await provisionDatabase(config, log, { role, keep, onSpawn }).then((p) => (onSpawn(), p))
  const kept = keep && config.keepDatabase && provisioned.spunUp ? provisioned.spunUp.state : null
  const given = role === 'target' ? config.database : config.shadowDatabase
  const server = provisioned.spunUp ? `embedded PostgreSQL ${provisioned.spunUp.version}` : given ? shownServer(given) : 'PostgreSQL'
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

/** A server as summaries name it: `host:port/dbname`, never the password. */
function shownServer(url: { readonly host: string; readonly port: number | string; readonly database: string }): string {
  return `${url.host}:${url.port}/${url.database}`
}

const noModels: Promise<ModelSource> = new Promise(() => {})

/**
 * The models, loaded (and compiled) while the server starts: `start` is called once the postmaster is spawned (or
 * the shadow server is a given one), never before, since loading them keeps this thread busy and the spawn would wait.
 * Check awaits them, and reports their failure.
 */
function modelsOnDemand(config: Config): { readonly loading: Promise<ModelSource>; readonly listing: () => Promise<readonly MigrationFile[]>; readonly start: () => void } {
  let start!: () => void
  const started = new Promise<void>((resolve) => (start = resolve))
  const loading = started.then(() => import('../models/sources/find.js')).then((m) => m.loadModelSource(config))
  loading.catch(() => {})
  // check's migrations too, and its module: the folder is read while the server gets ready
  const listed = config.command === 'check' && !config.databaseGiven
    ? started.then(() => (void import('./check.js').catch(() => {}), listMigrations(config.migrationsDir, config.cwd, config.migrationsIgnore)))
    : null
  listed?.catch(() => {})
  return { loading, listing: listed ? () => listed : listLater(config), start }
}

/** The migrations folder, listed when asked for. */
function listLater(config: Config): () => Promise<readonly MigrationFile[]> {
  return async () => listMigrations(config.migrationsDir, config.cwd, config.migrationsIgnore)
}
