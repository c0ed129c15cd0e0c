import { ConfigError } from '../errors.js'
import type { RawSettings, SettingName } from '../config/config.js'

/** Flags that take a value, by the setting they fill. */
const valueFlags: Partial<Record<string, SettingName>> = {
  '--database-url': 'database-url',
  '--shadow-database-url': 'shadow-database-url',
  '--env-file': 'env-file',
  '--cwd': 'working-directory',
  '-C': 'working-directory',
  '--migrations': 'migrations',
  '--models': 'models',
  '--models-kind': 'models-kind',
  '--history-schema': 'history-schema',
  '--history-table': 'history-table',
  '--lock-timeout': 'lock-timeout',
  '--statement-timeout': 'statement-timeout',
  '--lock-wait': 'lock-wait',
  '--connect-timeout': 'connect-timeout',
  '-m': 'message',
  '--message': 'message',
  '--format': 'format',
  '--context': 'context',
  '--lint-disable': 'lint-disable',
  '--base': 'base',
}

/** Boolean flags, by the setting they turn on. */
const booleanFlags: Partial<Record<string, SettingName>> = {
  '--allow-out-of-order': 'allow-out-of-order',
  '--dry-run': 'dry-run',
  '--json': 'json',
  '--autogenerate': 'autogenerate',
  '--column-order': 'column-order',
  '--all': 'all',
  '--sql': 'sql',
  '--reversible': 'reversible',
}

export interface ParsedArgs {
  readonly settings: RawSettings
  readonly help: boolean
  readonly version: boolean
  /** `resolve <name> --applied | --rolled-back` */
  readonly resolution: 'applied' | 'rolled-back' | undefined
}

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const settings: RawSettings = {}
  const positional: string[] = []
  let help = false
  let version = false
  let resolution: ParsedArgs['resolution']
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined]
    const valueSetting = valueFlags[flag]
    const booleanSetting = booleanFlags[flag]
    if (flag === '-h' || flag === '--help') help = true
    else if (flag === '-V' || flag === '--version') version = true
    else if (flag === '--applied' || flag === '--rolled-back') resolution = flag.slice(2) as ParsedArgs['resolution']
    else if (valueSetting) {
      const value = inline ?? argv[++i]
      if (value === undefined) throw new ConfigError(valueSetting, `${flag} needs a value`)
      settings[valueSetting] = value
    } else if (booleanSetting) settings[booleanSetting] = inline ?? 'true'
    else if (arg.startsWith('-') && !/^[-+]\d+$/.test(arg)) {
      throw new ConfigError(flag, `unknown option ${flag}: run db-migrate --help for the list`)
    } else positional.push(arg)
  }
  if (positional[0] !== undefined) settings.command = positional[0]
  if (positional[1] !== undefined) settings.revision = positional[1]
  if (positional.length > 2) throw new ConfigError('command', `unexpected argument '${positional[2]}': run db-migrate --help`)
  return { settings, help, version, resolution }
}

export const usage = `Usage: db-migrate <command> [revision] [options]

Commands:
  upgrade [revision]        apply migrations up to a revision (default: head)
  downgrade <revision>      revert migrations until <revision> is the newest applied (base: revert all)
  status                    current revision, applied and pending migrations (--json for machines)
  check                     fail when the models and the migrations disagree; print the SQL that fixes it
  revision -m "message"     write a new empty migration (--format ts for TypeScript, --format sequelize for
                            a module Umzug also runs; --autogenerate: the one that makes the migrations match the models)
  init                      scaffold migrations/, models, .env.example, docker-compose.yml and a workflow
  resolve <name> --applied|--rolled-back
                            settle a migration that ran outside a transaction and did not finish

Revisions: head, base, a migration name or a unique prefix of one, +N, -N.

Database: --database-url, or DATABASE_URL, or DB_HOST/DB_PORT/DB_NAME/DB_USER/DB_PASS (environment or .env).
With none, upgrade, downgrade, status and check run on a temporary embedded PostgreSQL.

Options:
  --migrations <dir>           migrations folder (default: migrations)
  --models <file>              models module (default: src/models.ts)
  --models-kind <kind>         what the models are: db-migrate, sql, sequelize, typeorm, drizzle
  --env-file <file>            dotenv file (default: .env; the real environment wins)
  -C, --cwd <dir>              run as if started in <dir>
  --shadow-database-url <url>  server where check builds its scratch databases (SHADOW_DATABASE_URL)
  --history-schema <name>      schema of the history table (default: public)
  --history-table <name>       history table (default: db_migrate_history)
  --dry-run                    show what upgrade/downgrade would run; change nothing
  --sql                        print the SQL upgrade/downgrade would send (with db-migrate's own history
                               statements, BEGIN and COMMIT), for psql or a DBA; change nothing
  --allow-out-of-order         apply pending migrations older than the newest applied one
  --lock-timeout <duration>    SET lock_timeout for migrations (e.g. 5s)
  --statement-timeout <d>      SET statement_timeout for migrations
  --lock-wait <duration>       how long to wait for a concurrent run to finish (default: 10min)
  --connect-timeout <d>        how long to wait for the database to accept connections (default: 30s)
  --context <kind>             what module migrations get as context: auto, pg or sequelize (DB_MIGRATE_CONTEXT)
  --column-order               check: also report differences in column order
  --lint-disable <rules>       lint rules to turn off, comma-separated (DB_MIGRATE_LINT_DISABLE);
                               one file turns one off with a line: -- db-migrate: allow <rule>
  --base <ref>                 check: lint the migrations added since this branch (default: GITHUB_BASE_REF,
                               else only the newest migration)
  --reversible                 check: apply each new migration's up, then its down, and fail when the
                               schema does not come back (with --all: every migration)
  --all                        check: lint (and with --reversible, revert) every migration, not only new ones
  --json                       machine-readable output
  -h, --help, -V, --version

Exit status: 0 success, 1 drift, a lint error or a down that does not undo its up (check, upgrade --dry-run), 2 error.`
