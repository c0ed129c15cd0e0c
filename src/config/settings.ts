/**
 * The one table of settings. The CLI flags, the action inputs (checked against action.yml by a test), the config
 * file keys, the environment variables and the usage text are all read from here.
 */
export interface Setting {
  /** Action input name, `--flag` name and (camelCased) config file key. */
  readonly name: string
  readonly kind: 'value' | 'boolean'
  /** The CLI flag when it is not `--name`. */
  readonly flag?: string
  /** Extra CLI spellings (`-C`, `-m`). */
  readonly aliases?: readonly string[]
  /** Shown in the usage text as `<placeholder>`. */
  readonly placeholder?: string
  /** Environment variable read when neither flag nor input is given. */
  readonly env?: string
  /** Also an action input (every setting is a flag unless `cli: false`). */
  readonly input: boolean
  readonly cli?: boolean
  /** Also a key of db-migrate.config.*. */
  readonly file: boolean
  /** One line for the usage text. */
  readonly help: string
  /** The flag may be given more than once; the values join with commas. */
  readonly repeatable?: boolean
}

export const settings = [
  { name: 'command', kind: 'value', input: true, cli: false, file: false, help: 'the command to run' },
  { name: 'revision', kind: 'value', input: true, cli: false, file: false, help: 'target revision' },
  { name: 'database-url', kind: 'value', placeholder: 'url', env: 'DATABASE_URL', input: true, file: false, help: 'database to act on (or DB_HOST/DB_PORT/DB_NAME/DB_USER/DB_PASS)' },
  { name: 'embedded', kind: 'boolean', input: false, file: false, help: 'run on a throwaway PostgreSQL started for this run (same as --database-url embedded)' },
  { name: 'shadow-database-url', kind: 'value', placeholder: 'url', env: 'SHADOW_DATABASE_URL', input: true, file: false, help: 'server where check and diff build their scratch databases' },
  { name: 'working-directory', kind: 'value', aliases: ['-C', '--cwd'], placeholder: 'dir', input: true, file: false, help: 'run as if started in <dir>' },
  { name: 'env-file', kind: 'value', flag: '--dotenv', placeholder: 'file', input: true, file: false, help: 'dotenv file (default: .env; the real environment wins); not --env-file, which Node itself reads' },
  { name: 'migrations', kind: 'value', placeholder: 'dir', env: 'DB_MIGRATE_MIGRATIONS', input: true, file: true, help: 'migrations folder (default: migrations)' },
  { name: 'migrations-ignore', kind: 'value', placeholder: 'globs', env: 'DB_MIGRATE_MIGRATIONS_IGNORE', input: true, file: true, help: 'comma-separated globs of files in the migrations folder that are not migrations' },
  { name: 'models', kind: 'value', placeholder: 'file', env: 'DB_MIGRATE_MODELS', input: true, file: true, help: 'models module (default: src/models.ts)' },
  { name: 'models-kind', kind: 'value', placeholder: 'kind', env: 'DB_MIGRATE_MODELS_KIND', input: true, file: true, help: 'what the models are: db-migrate, sql, sequelize, typeorm or drizzle (default: recognised)' },
  { name: 'context', kind: 'value', placeholder: 'kind', env: 'DB_MIGRATE_CONTEXT', input: true, file: true, help: 'what migrations get as context: auto, pg or sequelize (default: auto)' },
  { name: 'history-schema', kind: 'value', placeholder: 'name', env: 'DB_MIGRATE_HISTORY_SCHEMA', input: true, file: true, help: 'schema of the history table (default: public)' },
  { name: 'history-table', kind: 'value', placeholder: 'name', env: 'DB_MIGRATE_HISTORY_TABLE', input: true, file: true, help: 'history table (default: db_migrate_history)' },
  { name: 'umzug-table', kind: 'value', placeholder: '[schema.]table', env: 'DB_MIGRATE_UMZUG_TABLE', input: true, file: true, help: 'Umzug history imported on the first run (default: SequelizeMeta)' },
  { name: 'umzug-column', kind: 'value', placeholder: 'name', env: 'DB_MIGRATE_UMZUG_COLUMN', input: true, file: true, help: 'column of the Umzug history holding the names (default: name)' },
  { name: 'check', kind: 'boolean', input: true, file: false, help: 'status: exit 1 when migrations are pending, an applied file changed or vanished, or one needs attention' },
  { name: 'dry-run', kind: 'boolean', input: true, file: false, help: 'show what upgrade/downgrade would run; change nothing' },
  { name: 'sql', kind: 'boolean', input: true, file: false, help: 'print the SQL upgrade/downgrade would send (history statements, BEGIN and COMMIT included); change nothing' },
  { name: 'allow-out-of-order', kind: 'boolean', env: 'DB_MIGRATE_ALLOW_OUT_OF_ORDER', input: true, file: true, help: 'apply pending migrations older than the newest applied one' },
  { name: 'lock-timeout', kind: 'value', placeholder: 'duration', env: 'DB_MIGRATE_LOCK_TIMEOUT', input: true, file: true, help: 'SET lock_timeout for migrations (e.g. 5s)' },
  { name: 'statement-timeout', kind: 'value', placeholder: 'duration', env: 'DB_MIGRATE_STATEMENT_TIMEOUT', input: true, file: true, help: 'SET statement_timeout for migrations' },
  { name: 'lock-wait', kind: 'value', placeholder: 'duration', env: 'DB_MIGRATE_LOCK_WAIT', input: true, file: true, help: 'how long to wait for a concurrent run to finish (default: 10min)' },
  { name: 'connect-timeout', kind: 'value', placeholder: 'duration', env: 'DB_MIGRATE_CONNECT_TIMEOUT', input: true, file: true, help: 'how long to wait for the database to accept connections (default: 30s)' },
  { name: 'keep-database', kind: 'boolean', input: true, cli: false, file: false, help: 'keep a started PostgreSQL running for later steps' },
  { name: 'from', kind: 'value', input: false, cli: false, file: false, help: 'diff: the schema to start from' },
  { name: 'to', kind: 'value', input: false, cli: false, file: false, help: 'diff: the schema to reach' },
  { name: 'schema', kind: 'value', placeholder: 'names', repeatable: true, input: true, file: true, help: 'diff, check, revision --autogenerate: compare only these schemas (repeat the flag or separate with commas)' },
  { name: 'exclude-schema', kind: 'value', placeholder: 'names', repeatable: true, input: true, file: true, help: 'diff, check, revision --autogenerate: leave these schemas out (repeat the flag or separate with commas)' },
  { name: 'column-order', kind: 'boolean', env: 'DB_MIGRATE_COLUMN_ORDER', input: true, file: true, help: 'check, diff: also report differences in column order' },
  { name: 'ignore-privileges', kind: 'boolean', env: 'DB_MIGRATE_IGNORE_PRIVILEGES', input: true, file: true, help: 'check, diff: leave grants out: none are read or compared' },
  { name: 'ignore-extension-versions', kind: 'boolean', env: 'DB_MIGRATE_IGNORE_EXTENSION_VERSIONS', input: true, file: true, help: 'check, diff: an extension at another version is no difference' },
  { name: 'lint-disable', kind: 'value', placeholder: 'rules', env: 'DB_MIGRATE_LINT_DISABLE', input: true, file: true, help: 'lint rules to turn off, comma-separated; one file turns one off with: -- db-migrate: allow <rule>' },
  { name: 'base', kind: 'value', placeholder: 'ref', input: true, file: false, help: 'check: lint the migrations added since this branch (default: GITHUB_BASE_REF, else the newest migration)' },
  { name: 'reversible', kind: 'boolean', input: true, file: false, help: "check: apply each new migration's up, then its down, and fail when the schema does not come back" },
  { name: 'no-cache', kind: 'boolean', env: 'DB_MIGRATE_NO_CACHE', input: true, file: false, help: 'check: replay every migration, neither starting from nor keeping a cached snapshot' },
  { name: 'check-cache', kind: 'value', placeholder: 'dir', env: 'DB_MIGRATE_CHECK_CACHE', input: true, file: true, help: "check: where the embedded server's snapshots of replayed migrations are kept (default: /dev/shm/db-migrate-check-<uid>, else check/ in the embedded server's cache)" },
  { name: 'all', kind: 'boolean', input: true, file: false, help: 'check: lint (and with --reversible, revert) every migration, not only new ones' },
  { name: 'pr-comment', kind: 'boolean', input: true, cli: false, file: false, help: 'post the report as one pull-request comment, updated in place' },
  { name: 'github-token', kind: 'value', input: true, cli: false, file: false, help: 'token for pr-comment' },
  { name: 'message', kind: 'value', aliases: ['-m'], placeholder: 'text', input: true, file: false, help: 'revision: the message that names the new migration' },
  { name: 'autogenerate', kind: 'boolean', input: true, file: false, help: 'revision: the migration that makes the migrations match the models' },
  { name: 'format', kind: 'value', placeholder: 'sql|ts|sequelize', env: 'DB_MIGRATE_FORMAT', input: true, file: true, help: 'revision: write a SQL pair, one TypeScript module, or a module Umzug also runs (default: sql)' },
  { name: 'force', kind: 'boolean', input: true, file: false, help: 'pull: replace the models file when it exists (without it, pull refuses)' },
  { name: 'stdout', kind: 'boolean', input: false, file: false, help: 'pull: print the models instead of writing the models file' },
  { name: 'verbose', kind: 'boolean', aliases: ['-v'], input: false, file: false, help: 'current: also the file, when it was applied and how long it took' },
  { name: 'indicate-current', kind: 'boolean', aliases: ['-i'], input: false, file: false, help: 'history: mark the current migration' },
  { name: 'rev-range', kind: 'value', aliases: ['-r'], placeholder: 'start:end', input: false, file: false, help: 'history: only the migrations from start to end (base:head, NAME:, :current)' },
  { name: 'json', kind: 'boolean', input: false, file: false, help: 'machine-readable output' },
] as const satisfies readonly Setting[]

export type SettingName = (typeof settings)[number]['name']

export const settingByName: ReadonlyMap<string, Setting> = new Map(settings.map((s) => [s.name, s]))

/** `history-table` → `historyTable`, the key in db-migrate.config.*. */
export const fileKey = (name: string): string => name.replace(/-(\w)/g, (_, c: string) => c.toUpperCase())

/** The flags of a setting the CLI accepts, `--name` first. */
export function flagsOf(setting: Setting): string[] {
  return setting.cli === false ? [] : [setting.flag ?? `--${setting.name}`, ...(setting.aliases ?? [])]
}

/** The Options section of the usage text. */
export function optionsText(only?: readonly SettingName[]): string {
  const rows = settings.filter((s) => flagsOf(s).length > 0 && (!only || (only as readonly string[]).includes(s.name))).map((s: Setting) => {
    const short = (s.aliases ?? []).filter((a) => /^-\w$/.test(a))
    const long = [s.flag ?? `--${s.name}`, ...(s.aliases ?? []).filter((a) => a.startsWith('--'))]
    const spell = [...short, ...long].join(', ') + (s.kind === 'value' ? ` <${s.placeholder ?? 'value'}>` : '')
    const env = s.env && s.name !== 'database-url' ? ` [${s.env}]` : ''
    return [spell, s.help + env] as const
  })
  const width = Math.max(...rows.map(([spell]) => spell.length)) + 2
  return rows.map(([spell, help]) => `  ${spell.padEnd(width)}${help}`).join('\n')
}
