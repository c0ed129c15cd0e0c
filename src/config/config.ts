import { isAbsolute, resolve } from 'node:path'
import { ConfigError } from '../errors.js'
import { ruleNames } from '../lint/rules.js'
import type { Env } from './env.js'
import { parseDatabaseUrl, urlFromParts, type DatabaseUrl } from './url.js'
import type { UmzugStorage } from '../runtime/adopt.js'
import { closest } from './suggest.js'
import { fileKey, settingByName, type SettingName } from './settings.js'

export const commands = ['upgrade', 'downgrade', 'stamp', 'status', 'current', 'history', 'heads', 'show', 'revision', 'check', 'init', 'resolve', 'diff', 'pull'] as const
export type CommandName = (typeof commands)[number]

export const modelsKinds = ['db-migrate', 'sql', 'sequelize', 'typeorm', 'drizzle'] as const
export type ModelsKind = (typeof modelsKinds)[number]

/** Settings as the front ends read them (action inputs or CLI flags), keyed by input name. Empty means unset. */
export type RawSettings = Partial<Record<SettingName, string>>
export type { SettingName }


/** A loaded db-migrate.config.* file: its settings by table name, and its `context` function. */
export interface ProjectFile {
  /** As messages show it. */
  readonly file: string
  readonly values: Partial<Record<SettingName, string>>
  readonly contextFactory?: ContextFactory
}

/** Fully resolved, validated settings: what every command runs from. */
export interface Config {
  readonly command: CommandName
  readonly revision: string | undefined
  readonly cwd: string
  /** The database to act on; null means none was named (see `embedded`). */
  readonly database: DatabaseUrl | null
  /** A throwaway server was asked for (`--embedded`, `database-url: embedded`): the only way to run without a database. */
  readonly embedded: boolean
  /** Where the database came from, as the user set it: `--database-url`, `DATABASE_URL`, `DB_HOST/…`. */
  readonly databaseSetting: string
  readonly shadowDatabase: DatabaseUrl | null
  readonly migrationsDir: string
  /** Globs (relative to the migrations folder) of files that are not migrations. */
  readonly migrationsIgnore: readonly string[]
  readonly modelsPath: string
  /** False when neither a setting nor DB_MIGRATE_MODELS named the models: then each ORM's usual places are searched. */
  readonly modelsNamed: boolean
  /** What the models are written in; null: recognised from the file and what it exports. */
  readonly modelsKind: ModelsKind | null
  readonly historySchema: string
  readonly historyTable: string
  /** Umzug's history table, imported into ours when ours is empty. */
  readonly umzugStorage: UmzugStorage
  readonly lockTimeoutMs: number | null
  readonly statementTimeoutMs: number | null
  readonly lockWaitMs: number
  readonly connectTimeoutMs: number
  readonly allowOutOfOrder: boolean
  readonly dryRun: boolean
  /** `status --check`: fail unless the database is at head with nothing to attend to. */
  readonly statusCheck: boolean
  readonly message: string | undefined
  readonly autogenerate: boolean
  readonly json: boolean
  /** `current --verbose`: the current migration's details too. */
  readonly verbose: boolean
  /** `history --indicate-current` */
  readonly indicateCurrent: boolean
  /** `history --rev-range start:end` */
  readonly revisionRange: string | undefined
  readonly keepDatabase: boolean
  readonly columnOrder: boolean
  /** `check`: leave grants out (none are read or compared). */
  readonly ignorePrivileges: boolean
  /** `check`: leave extension versions out of the comparison. */
  readonly ignoreExtensionVersions: boolean
  /** `revision`: write a SQL pair (`NAME.sql` + `NAME.down.sql`) or one TypeScript module. */
  readonly format: 'sql' | 'ts' | 'sequelize'
  /** What module migrations get as `context`: `auto` picks Sequelize when the project depends on it. */
  readonly contextKind: ContextKind
  /** The config file's `context` export, when it has one: wins over contextKind. */
  readonly contextFactory?: ContextFactory
  /** upgrade/downgrade: print the SQL the run would send, bookkeeping included, and change nothing. */
  readonly sql: boolean
  /** `check`: also apply each migration's up then its down, and report a down that does not undo its up. */
  readonly reversible: boolean
  /** `check --no-cache`: replay every migration, use and keep no snapshot. */
  readonly noCache: boolean
  /** `check`: the directory of the embedded server's cached cluster of snapshots; null: in the embedded server's cache. */
  readonly checkCache: string | null
  /** Lint rules the project turned off. */
  readonly lintDisabled: ReadonlySet<string>
  /** `check`: lint the whole chain, not only the migrations the branch adds. */
  readonly all: boolean
  /** The branch the migrations are compared with to find the ones a pull request adds (GITHUB_BASE_REF in a pull request). */
  readonly baseRef: string | undefined
  /** The database was named by the flag or input itself, not by the environment: `check` then reads its drift. */
  readonly databaseGiven: boolean
  /** `diff`: its two sides as given (a database URL, a migrations folder, a models file or a .sql file). */
  readonly diffSides: readonly [string, string] | null
  /** `diff` and `check`: which schemas are compared. */
  readonly schemaScope: { readonly include: readonly string[]; readonly exclude: readonly string[] }
  /** `pull`: replace an existing models file. */
  readonly force: boolean
  /** `pull`: print the models on stdout instead of writing the models file. */
  readonly stdout: boolean
  /** Every password found in the settings, for masking. */
  readonly secrets: readonly string[]
}

export type ContextKind = 'auto' | 'pg' | 'sequelize'

/** Builds the `context` a module migration receives, from the connection that runs it. */
export type ContextFactory = (p: { readonly client: unknown; readonly name: string; readonly path: string }) => unknown | Promise<unknown>

export interface ConfigSource {
  readonly settings: RawSettings
  /** The environment, over the project's `.env` when loadConfig read one. */
  readonly env: Env
  readonly cwd: string
  /** How a front end names a setting in messages: `--database-url` or `input database-url`. */
  readonly label?: (name: SettingName) => string
  /** db-migrate.config.* of the project, when it has one. */
  readonly file?: ProjectFile
}

export function parseConfig(source: ConfigSource): Config {
  const frontLabel = source.label ?? ((name: SettingName) => name)
  const given = (name: SettingName): string | undefined => {
    const value = source.settings[name]?.trim()
    return value === '' ? undefined : value
  }
  const cwd = resolve(source.cwd, given('working-directory') ?? '.')
  const env = source.env
  const fromEnv = (name: SettingName): string | undefined => {
    const variable = settingByName.get(name)?.env
    // the database URLs have their own order below (DB_* parts, SHADOW_DATABASE_URL)
    if (!variable || name === 'database-url' || name === 'shadow-database-url') return undefined
    return env[variable]?.trim() || undefined
  }
  const fromFile = (name: SettingName): string | undefined => source.file?.values[name]
  // flag or input > environment (and .env) > config file > default
  const raw = (name: SettingName): string | undefined => given(name) ?? fromEnv(name) ?? fromFile(name)
  const label = (name: SettingName): string =>
    given(name) !== undefined ? frontLabel(name)
      : fromEnv(name) !== undefined ? settingByName.get(name)!.env!
        : fromFile(name) !== undefined ? `${source.file!.file} ${fileKey(name)}` : frontLabel(name)

  const command = raw('command') ?? 'upgrade'
  if (!(commands as readonly string[]).includes(command)) {
    const near = closest(command, commands)
    throw new ConfigError('command', `${label('command')} '${command}' is unknown: ${near ? `did you mean ${near}? ` : ''}use one of ${commands.join(', ')}`)
  }

  // flag/input > DATABASE_URL > DB_* parts: the first one set names the database, the others are not read
  const given_ = given('database-url')
  const embeddedWord = given_?.toLowerCase() === 'embedded' || (given_ === undefined && env.DATABASE_URL?.trim().toLowerCase() === 'embedded')
  const embedded = embeddedWord || flag(given('embedded'), label('embedded'))
  const databaseSetting = given_ !== undefined ? label('database-url') : env.DATABASE_URL?.trim() ? 'DATABASE_URL' : 'DB_HOST/DB_PORT/DB_NAME/DB_USER/DB_PASS'
  const databaseText = embeddedWord ? undefined : given_ ?? (env.DATABASE_URL?.trim() || undefined) ?? urlFromParts(env) ?? undefined
  if (embedded && databaseText !== undefined && !embeddedWord) {
    throw new ConfigError('embedded', `${label('embedded')} asks for a throwaway server, but ${databaseSetting} names a database: drop one of them`)
  }
  const database = databaseText === undefined ? null : parseDatabaseUrl(databaseText, databaseSetting)
  const shadowText = raw('shadow-database-url') ?? (env.SHADOW_DATABASE_URL?.trim() || undefined)
  const shadowDatabase = shadowText === undefined ? null
    : parseDatabaseUrl(shadowText, raw('shadow-database-url') ? label('shadow-database-url') : 'SHADOW_DATABASE_URL')

  const path = (name: SettingName, fallback: string) => {
    const value = raw(name) ?? fallback
    return isAbsolute(value) ? value : resolve(cwd, value)
  }

  return {
    command: command as CommandName,
    revision: raw('revision'),
    cwd,
    database,
    embedded,
    databaseSetting,
    shadowDatabase,
    migrationsDir: path('migrations', 'migrations'),
    migrationsIgnore: globs(raw('migrations-ignore')),
    modelsPath: path('models', 'src/models.ts'),
    modelsNamed: raw('models') !== undefined,
    modelsKind: raw('models-kind') === undefined ? null : oneOf(raw('models-kind')!, modelsKinds, label('models-kind')),
    historySchema: identifier(raw('history-schema') ?? 'public', label('history-schema')),
    historyTable: identifier(raw('history-table') ?? 'db_migrate_history', label('history-table')),
    umzugStorage: umzugStorage(raw('umzug-table') ?? 'SequelizeMeta', identifier(raw('umzug-column') ?? 'name', label('umzug-column')), label('umzug-table')),
    lockTimeoutMs: duration(raw('lock-timeout'), label('lock-timeout')),
    statementTimeoutMs: duration(raw('statement-timeout'), label('statement-timeout')),
    lockWaitMs: duration(raw('lock-wait'), label('lock-wait')) ?? 10 * 60_000,
    connectTimeoutMs: duration(raw('connect-timeout'), label('connect-timeout')) ?? 30_000,
    allowOutOfOrder: flag(raw('allow-out-of-order'), label('allow-out-of-order')),
    dryRun: flag(raw('dry-run'), label('dry-run')),
    statusCheck: flag(raw('check'), label('check')),
    message: raw('message'),
    autogenerate: flag(raw('autogenerate'), label('autogenerate')),
    json: flag(raw('json'), label('json')),
    verbose: flag(raw('verbose'), label('verbose')),
    indicateCurrent: flag(raw('indicate-current'), label('indicate-current')),
    revisionRange: raw('rev-range'),
    keepDatabase: flag(raw('keep-database') ?? 'true', label('keep-database')),
    columnOrder: flag(raw('column-order'), label('column-order')),
    ignorePrivileges: flag(raw('ignore-privileges'), label('ignore-privileges')),
    ignoreExtensionVersions: flag(raw('ignore-extension-versions'), label('ignore-extension-versions')),
    format: oneOf(raw('format') ?? 'sql', ['sql', 'ts', 'sequelize'] as const, label('format')),
    contextKind: oneOf(raw('context') ?? 'auto', ['auto', 'pg', 'sequelize'] as const, label('context')),
    ...(source.file?.contextFactory ? { contextFactory: source.file.contextFactory } : {}),
    sql: flag(raw('sql'), label('sql')),
    reversible: flag(raw('reversible'), label('reversible')),
    noCache: flag(raw('no-cache'), label('no-cache')),
    checkCache: raw('check-cache') === undefined ? null : path('check-cache', ''),
    lintDisabled: lintRules(raw('lint-disable'), label('lint-disable')),
    all: flag(raw('all'), label('all')),
    force: flag(raw('force'), label('force')),
    stdout: flag(raw('stdout'), label('stdout')),
    baseRef: raw('base') ?? (env.GITHUB_BASE_REF?.trim() || undefined),
    databaseGiven: given_ !== undefined && !embeddedWord,
    diffSides: diffSides(command, raw('from'), raw('to')),
    schemaScope: { include: names(raw('schema'), label('schema')), exclude: names(raw('exclude-schema'), label('exclude-schema')) },
    secrets: [...(database?.secrets ?? []), ...[raw('from'), raw('to')].flatMap(urlSecrets), ...(shadowDatabase?.secrets ?? []), env.DB_PASS].filter((s): s is string => !!s),
  }
}

function diffSides(command: string, from: string | undefined, to: string | undefined): readonly [string, string] | null {
  if (command !== 'diff') return null
  if (from === undefined || to === undefined) throw new ConfigError('command', 'diff needs two sides: db-migrate diff <from> <to>, each a database URL, a migrations folder, a models file or a .sql file')
  return [from, to]
}

/** The passwords of a diff side that is a database URL. */
function urlSecrets(side: string | undefined): readonly string[] {
  if (side === undefined || !/^postgres(ql)?:\/\//i.test(side)) return []
  try {
    return parseDatabaseUrl(side, 'diff').secrets
  } catch {
    return []
  }
}

function names(value: string | undefined, setting: string): string[] {
  const list = (value ?? '').split(',').map((n) => n.trim()).filter(Boolean)
  for (const name of list) identifier(name, setting)
  return list
}

/** PostgreSQL keeps lock_timeout and statement_timeout as an int of milliseconds: about 24.8 days at most. */
export const maxDurationMs = 2_147_483_647

/** `500ms`, `5s`, `2min`, `1h` → milliseconds; `0` means no limit. A bare number has no unit and is refused. */
export function duration(value: string | undefined, setting: string): number | null {
  if (value === undefined) return null
  if (/^0+(\.0*)?$/.test(value)) return 0
  const match = /^(\d+(?:\.\d+)?)\s*(ms|s|min|m|h|d)?$/.exec(value)
  if (!match) throw new ConfigError(setting, `${setting} '${value}' is not a duration: use e.g. 500ms, 5s or 2min`)
  if (!match[2]) throw new ConfigError(setting, `${setting} '${value}' has no unit: write ${value}ms, ${value}s or ${value}min`)
  const unit = { ms: 1, s: 1000, min: 60_000, m: 60_000, h: 3_600_000, d: 86_400_000 }[match[2]] ?? 1
  const ms = Math.round(Number(match[1]) * unit)
  if (ms > maxDurationMs) throw new ConfigError(setting, `${setting} '${value}' is longer than PostgreSQL allows (${maxDurationMs} ms, about 24 days): use a shorter one, or 0 for no limit`)
  if (ms === 0) throw new ConfigError(setting, `${setting} '${value}' rounds to 0 ms, which means no limit: use at least 1ms, or write 0 for no limit`)
  return ms
}

/** The default ignores templates and samples (`*.sample.*`, `*.template.*`, `*.example.*`, `_*`). */
export const defaultIgnore = ['*.sample.*', '*.template.*', '*.example.*', '_*']

function globs(value: string | undefined): string[] {
  if (value === undefined) return defaultIgnore
  if (value === 'none') return []
  return value.split(',').map((g) => g.trim()).filter(Boolean)
}

function oneOf<T extends string>(value: string, allowed: readonly T[], setting: string): T {
  if ((allowed as readonly string[]).includes(value)) return value as T
  throw new ConfigError(setting, `${setting} '${value}' is not one of ${allowed.join(', ')}`)
}

function flag(value: string | undefined, setting: string): boolean {
  if (value === undefined) return false
  if (/^(true|yes|1|on)$/i.test(value)) return true
  if (/^(false|no|0|off)$/i.test(value)) return false
  throw new ConfigError(setting, `${setting} '${value}' is not a boolean: use true or false`)
}

function lintRules(value: string | undefined, setting: string): ReadonlySet<string> {
  const names = (value ?? '').split(/[\s,]+/).filter(Boolean)
  const unknown = names.find((n) => !ruleNames.includes(n))
  if (unknown) throw new ConfigError(setting, `${setting}: '${unknown}' is not a lint rule: use one of ${ruleNames.join(', ')}`)
  return new Set(names)
}

function umzugStorage(value: string, column: string, setting: string): UmzugStorage {
  const dot = value.indexOf('.')
  const [schema, table] = dot > 0 ? [value.slice(0, dot), value.slice(dot + 1)] : ['public', value]
  return { schema: identifier(schema, setting), table: identifier(table, setting), column }
}

/** Schema and table names are quoted wherever they are used; this only refuses what cannot be a Postgres name. */
function identifier(value: string, setting: string): string {
  if (value.length > 63 || value.includes('\0')) {
    throw new ConfigError(setting, `${setting} must be a Postgres identifier of at most 63 characters`)
  }
  return value
}
