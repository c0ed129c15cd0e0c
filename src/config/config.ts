import { isAbsolute, resolve } from 'node:path'
import { ConfigError } from '../errors.js'
import { ruleNames } from '../lint/rules.js'
import { loadEnv, type Env } from './env.js'
import { parseDatabaseUrl, urlFromParts, type DatabaseUrl } from './url.js'

export const commands = ['upgrade', 'downgrade', 'status', 'revision', 'check', 'init', 'resolve'] as const
export type CommandName = (typeof commands)[number]

export const modelsKinds = ['db-migrate', 'sql', 'sequelize', 'typeorm', 'drizzle'] as const
export type ModelsKind = (typeof modelsKinds)[number]

/** Settings as the front ends read them (action inputs or CLI flags), keyed by input name. Empty means unset. */
export type RawSettings = Partial<Record<SettingName, string>>

export type SettingName =
  | 'command' | 'revision' | 'database-url' | 'shadow-database-url' | 'env-file' | 'working-directory'
  | 'migrations' | 'models' | 'history-schema' | 'history-table' | 'lock-timeout' | 'statement-timeout'
  | 'lock-wait' | 'connect-timeout' | 'allow-out-of-order' | 'dry-run' | 'message' | 'autogenerate' | 'json'
  | 'keep-database' | 'column-order' | 'format' | 'context'
  | 'lint-disable' | 'all' | 'base' | 'sql' | 'reversible' | 'models-kind'

/** Fully resolved, validated settings: what every command runs from. */
export interface Config {
  readonly command: CommandName
  readonly revision: string | undefined
  readonly cwd: string
  /** The database to act on; null means spin up an embedded Postgres. */
  readonly database: DatabaseUrl | null
  readonly shadowDatabase: DatabaseUrl | null
  readonly migrationsDir: string
  readonly modelsPath: string
  /** False when neither a setting nor DB_MIGRATE_MODELS named the models: then each ORM's usual places are searched. */
  readonly modelsNamed: boolean
  /** What the models are written in; null: recognised from the file and what it exports. */
  readonly modelsKind: ModelsKind | null
  readonly historySchema: string
  readonly historyTable: string
  readonly lockTimeoutMs: number | null
  readonly statementTimeoutMs: number | null
  readonly lockWaitMs: number
  readonly connectTimeoutMs: number
  readonly allowOutOfOrder: boolean
  readonly dryRun: boolean
  readonly message: string | undefined
  readonly autogenerate: boolean
  readonly json: boolean
  readonly keepDatabase: boolean
  readonly columnOrder: boolean
  /** `revision`: write a SQL pair (`NAME.sql` + `NAME.down.sql`) or one TypeScript module. */
  readonly format: 'sql' | 'ts' | 'sequelize'
  /** What a module migration's `context` is: `auto` (Sequelize's QueryInterface when package.json depends on sequelize, else the pg client), `pg` or `sequelize`. */
  readonly contextKind: ContextKind
  /** Builds each module migration's `context` instead of contextKind (a config file's `context` export); no flag. */
  readonly contextFactory?: ContextFactory
  /** upgrade/downgrade: print the SQL the run would send, bookkeeping included, and change nothing. */
  readonly sql: boolean
  /** `check`: also apply each migration's up then its down, and report a down that does not undo its up. */
  readonly reversible: boolean
  /** Lint rules the project turned off. */
  readonly lintDisabled: ReadonlySet<string>
  /** `check`: lint the whole chain, not only the migrations the branch adds. */
  readonly all: boolean
  /** The branch the migrations are compared with to find the ones a pull request adds (GITHUB_BASE_REF in a pull request). */
  readonly baseRef: string | undefined
  /** Every password found in the settings, for masking. */
  readonly secrets: readonly string[]
}

export type ContextKind = 'auto' | 'pg' | 'sequelize'

/** Builds the `context` a module migration receives, from the connection that runs it. */
export type ContextFactory = (p: { readonly client: unknown; readonly name: string; readonly path: string }) => unknown | Promise<unknown>

export interface ConfigSource {
  readonly settings: RawSettings
  readonly env: Env
  readonly cwd: string
  /** How a front end names a setting in messages: `--database-url` or `input database-url`. */
  readonly label?: (name: SettingName) => string
}

export function parseConfig(source: ConfigSource): Config {
  const label = source.label ?? ((name: SettingName) => name)
  const raw = (name: SettingName): string | undefined => {
    const value = source.settings[name]?.trim()
    return value === '' ? undefined : value
  }
  const cwd = resolve(source.cwd, raw('working-directory') ?? '.')
  const env = loadEnv(cwd, raw('env-file'), source.env)

  const command = raw('command') ?? 'upgrade'
  if (!(commands as readonly string[]).includes(command)) {
    throw new ConfigError('command', `${label('command')} '${command}' is unknown: use one of ${commands.join(', ')}`)
  }

  const databaseSetting = raw('database-url') !== undefined ? label('database-url') : 'DATABASE_URL'
  const databaseText = raw('database-url') ?? (env.DATABASE_URL?.trim() || undefined) ?? urlFromParts(env) ?? undefined
  const database = databaseText === undefined ? null
    : parseDatabaseUrl(databaseText, env.DATABASE_URL || raw('database-url') ? databaseSetting : 'DB_HOST/DB_PORT/DB_NAME/DB_USER/DB_PASS')
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
    shadowDatabase,
    migrationsDir: path('migrations', env.DB_MIGRATE_MIGRATIONS ?? 'migrations'),
    modelsPath: path('models', env.DB_MIGRATE_MODELS ?? 'src/models.ts'),
    modelsNamed: raw('models') !== undefined || !!env.DB_MIGRATE_MODELS?.trim(),
    modelsKind: (raw('models-kind') ?? env.DB_MIGRATE_MODELS_KIND?.trim()) ? oneOf((raw('models-kind') ?? env.DB_MIGRATE_MODELS_KIND!.trim()), modelsKinds, raw('models-kind') ? label('models-kind') : 'DB_MIGRATE_MODELS_KIND') : null,
    historySchema: identifier(raw('history-schema') ?? 'public', label('history-schema')),
    historyTable: identifier(raw('history-table') ?? 'db_migrate_history', label('history-table')),
    lockTimeoutMs: duration(raw('lock-timeout'), label('lock-timeout')),
    statementTimeoutMs: duration(raw('statement-timeout'), label('statement-timeout')),
    lockWaitMs: duration(raw('lock-wait'), label('lock-wait')) ?? 10 * 60_000,
    connectTimeoutMs: duration(raw('connect-timeout'), label('connect-timeout')) ?? 30_000,
    allowOutOfOrder: flag(raw('allow-out-of-order'), label('allow-out-of-order')),
    dryRun: flag(raw('dry-run'), label('dry-run')),
    message: raw('message'),
    autogenerate: flag(raw('autogenerate'), label('autogenerate')),
    json: flag(raw('json'), label('json')),
    keepDatabase: flag(raw('keep-database') ?? 'true', label('keep-database')),
    columnOrder: flag(raw('column-order'), label('column-order')),
    format: oneOf(raw('format') ?? 'sql', ['sql', 'ts', 'sequelize'] as const, label('format')),
    contextKind: oneOf(raw('context') ?? (env.DB_MIGRATE_CONTEXT?.trim() || 'auto'), ['auto', 'pg', 'sequelize'] as const, raw('context') ? label('context') : 'DB_MIGRATE_CONTEXT'),
    sql: flag(raw('sql'), label('sql')),
    reversible: flag(raw('reversible'), label('reversible')),
    lintDisabled: lintRules(raw('lint-disable') ?? env.DB_MIGRATE_LINT_DISABLE, raw('lint-disable') ? label('lint-disable') : 'DB_MIGRATE_LINT_DISABLE'),
    all: flag(raw('all'), label('all')),
    baseRef: raw('base') ?? (env.GITHUB_BASE_REF?.trim() || undefined),
    secrets: [...(database?.secrets ?? []), ...(shadowDatabase?.secrets ?? []), env.DB_PASS].filter((s): s is string => !!s),
  }
}

/** `500`, `500ms`, `5s`, `2min`, `1h` → milliseconds; `0` means no limit. */
export function duration(value: string | undefined, setting: string): number | null {
  if (value === undefined) return null
  const match = /^(\d+(?:\.\d+)?)\s*(ms|s|min|m|h)?$/.exec(value)
  if (!match) throw new ConfigError(setting, `${setting} '${value}' is not a duration: use e.g. 500ms, 5s or 2min`)
  const unit = { ms: 1, s: 1000, min: 60_000, m: 60_000, h: 3_600_000 }[match[2] ?? 'ms'] ?? 1
  return Math.round(Number(match[1]) * unit)
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

/** Schema and table names are quoted wherever they are used; this only refuses what cannot be a Postgres name. */
function identifier(value: string, setting: string): string {
  if (value.length > 63 || value.includes('\0')) {
    throw new ConfigError(setting, `${setting} must be a Postgres identifier of at most 63 characters`)
  }
  return value
}
