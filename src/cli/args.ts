import { ConfigError } from '../errors.js'
import type { RawSettings } from '../config/config.js'
import { closest } from '../config/suggest.js'
import { flagsOf, optionsText, settingByName, settings, type SettingName } from '../config/settings.js'

const valueFlags = new Map<string, SettingName>()
const booleanFlags = new Map<string, SettingName>()
for (const setting of settings) {
  for (const flag of flagsOf(setting)) (setting.kind === 'value' ? valueFlags : booleanFlags).set(flag, setting.name)
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
    const valueSetting = valueFlags.get(flag)
    const booleanSetting = booleanFlags.get(flag)
    if (flag === '-h' || flag === '--help') help = true
    else if (flag === '-V' || flag === '--version') version = true
    else if (flag === '--env-file') throw new ConfigError('env-file', '--env-file is read by Node itself before db-migrate starts (a missing file stops Node with exit 9): use --dotenv <file>')
    else if (flag === '--applied' || flag === '--rolled-back') resolution = flag.slice(2) as ParsedArgs['resolution']
    else if (valueSetting) {
      const value = inline ?? argv[++i]
      if (value === undefined) throw new ConfigError(valueSetting, `${flag} needs a value`)
      settings[valueSetting] = settingByName.get(valueSetting)?.repeatable && settings[valueSetting] ? `${settings[valueSetting]},${value}` : value
    } else if (booleanSetting) settings[booleanSetting] = inline ?? 'true'
    else if (arg.startsWith('-') && !/^[-+]\d+$/.test(arg)) {
      const near = closest(flag, [...valueFlags.keys(), ...booleanFlags.keys(), '--applied', '--rolled-back', '--help', '--version'].filter((f) => f.startsWith('--')))
      throw new ConfigError(flag, `unknown option ${flag}: ${near ? `did you mean ${near}? ` : ''}run db-migrate --help for the list`)
    } else positional.push(arg)
  }
  if (positional[0] !== undefined) settings.command = positional[0]
  if (positional[1] !== undefined) settings.revision = positional[1]
  if (positional[0] === 'diff') {
    if (positional[1] !== undefined) settings.from = positional[1]
    if (positional[2] !== undefined) settings.to = positional[2]
    delete settings.revision
    if (positional.length > 3) throw new ConfigError('command', `unexpected argument '${positional[3]}': diff takes two sides, <from> and <to>`)
  } else if (positional.length > 2) throw new ConfigError('command', `unexpected argument '${positional[2]}': run db-migrate --help`)
  return { settings, help, version, resolution }
}

export const usage = `Usage: db-migrate <command> [revision] [options]

Commands:
  upgrade [revision]        apply migrations up to a revision (default: head)
  downgrade <revision>      revert migrations until <revision> is the newest applied (base: revert all)
  status                    current revision, applied and pending migrations (--json for machines;
                            --check: exit 1 unless at head with nothing to attend to)
  current                   the revision the database is at (--verbose: its file and when it was applied)
  history                   every migration, newest first, applied or pending (--indicate-current, -r start:end)
  heads                     the head revision: the newest migration
  show <revision>           one migration: its file, when it was applied, its checksum and whether it changed since,
                            its up and its down
  check                     fail when the models and the migrations disagree; print the SQL that fixes it
                            (--database-url: fail when that database drifted from its migrations)
  diff <from> <to>          print the SQL that turns <from> into <to>; each is a database URL, a migrations
                            folder, a models file or a .sql file (exit 0 same, 1 different)
  revision -m "message"     write a new empty migration (--format ts for TypeScript, --format sequelize for
                            a module Umzug also runs; --autogenerate: the one that makes the migrations match the models)
  init                      scaffold migrations/, models, .env.example, docker-compose.yml and a workflow
  pull                      write models (src/models.ts) from the database, or with none from the migrations' head
                            (--force replaces an existing file; --stdout prints it instead)
  stamp <revision>          record migrations up to <revision> as applied without running them (--dry-run)
  resolve <name> --applied|--rolled-back
                            settle a migration that ran outside a transaction and did not finish

Revisions: head, base, a migration name or a unique prefix of one, +N, -N.

Database: --database-url, else DATABASE_URL, else DB_HOST/DB_PORT/DB_NAME/DB_USER/DB_PASS (environment or .env).
With none, upgrade, downgrade, stamp, resolve, status, current, history, heads and show stop; --embedded runs them on a throwaway PostgreSQL.

Options (flag > environment variable > db-migrate.config.* > default):
${optionsText()}
  -h, --help, -V, --version

Exit status: 0 success; 1 drift (check, or diff: the sides differ), a lint error or a down that does not undo its up (check, upgrade --dry-run),
or status --check not at head or with a problem; 2 error.`

const where: SettingName[] = ['database-url', 'embedded', 'working-directory', 'env-file', 'migrations', 'migrations-ignore', 'history-schema', 'history-table', 'connect-timeout', 'json']
const running: SettingName[] = [...where, 'context', 'umzug-table', 'umzug-column', 'dry-run', 'lock-timeout', 'statement-timeout', 'lock-wait']

/** What `db-migrate <command> --help` shows: the command's line and only the options it reads. */
const commandHelp: Record<string, { readonly usage: string; readonly options: readonly SettingName[]; readonly extra?: string }> = {
  upgrade: { usage: 'upgrade [revision]        apply migrations up to a revision (default: head)', options: [...running, 'sql', 'lint-disable', 'allow-out-of-order'] },
  downgrade: { usage: 'downgrade <revision>      revert migrations until <revision> is the newest applied (base: revert all)', options: [...running, 'sql'] },
  stamp: { usage: 'stamp <revision>          record migrations up to <revision> as applied without running them', options: [...where, 'dry-run', 'lock-wait'] },
  status: { usage: 'status                    current revision, applied and pending migrations', options: [...where, 'umzug-table', 'umzug-column', 'check', 'allow-out-of-order'] },
  current: { usage: 'current                   the revision the database is at', options: [...where, 'verbose'] },
  history: { usage: 'history                   every migration, newest first, applied or pending', options: [...where, 'indicate-current', 'rev-range'] },
  heads: { usage: 'heads                     the head revision: the newest migration', options: where },
  show: { usage: 'show <revision>           one migration: file, when applied, checksum, changed since, up and down', options: where },
  check: { usage: 'check                     fail when the models and the migrations disagree; print the SQL that fixes it', options: ['database-url', 'schema', 'exclude-schema', 'working-directory', 'env-file', 'migrations', 'migrations-ignore', 'models', 'models-kind', 'shadow-database-url', 'column-order', 'ignore-privileges', 'ignore-extension-versions', 'lint-disable', 'base', 'reversible', 'all', 'json'] },
  revision: { usage: 'revision -m "message"     write a new migration', options: ['working-directory', 'env-file', 'migrations', 'migrations-ignore', 'models', 'models-kind', 'shadow-database-url', 'ignore-extension-versions', 'message', 'autogenerate', 'format', 'dry-run', 'schema', 'exclude-schema', 'json'] },
  diff: { usage: 'diff <from> <to>          print the SQL that turns <from> into <to> (a database URL, a migrations folder, a models file or a .sql file)', options: ['schema', 'exclude-schema', 'column-order', 'ignore-privileges', 'ignore-extension-versions', 'shadow-database-url', 'working-directory', 'env-file', 'migrations-ignore', 'models-kind', 'history-schema', 'history-table', 'connect-timeout', 'json'] },
  pull: {
    usage: 'pull                      write the models of the database (or, with none, of the migrations\' head) to the models file',
    options: ['database-url', 'working-directory', 'env-file', 'models', 'force', 'stdout', 'migrations', 'migrations-ignore', 'shadow-database-url', 'history-schema', 'history-table', 'umzug-table', 'connect-timeout', 'json'],
    extra: '  Refuses to replace an existing models file unless --force.',
  },
  init: { usage: 'init                      scaffold migrations/, models, .env.example, docker-compose.yml and a workflow', options: ['working-directory', 'json'] },
  resolve: { usage: 'resolve <name> --applied|--rolled-back   settle a migration that ran outside a transaction and did not finish', options: [...where, 'lock-wait'], extra: '  --applied      the migration took effect: record it as applied\n  --rolled-back  it did not: forget its row' },
}

/** `db-migrate <command> --help`, or undefined for a command we do not know (the general usage then). */
export function commandUsage(command: string | undefined): string | undefined {
  const help = command ? commandHelp[command] : undefined
  if (!help) return undefined
  return [`Usage: db-migrate ${help.usage}`, '', 'Options:', optionsText(help.options), ...(help.extra ? [help.extra] : []), '  -h, --help', '', 'db-migrate --help lists every command.'].join('\n')
}
