import type { Config, SettingName } from '../config/config.js'
import { loadConfig } from '../config/project-file.js'
import { settingByName } from '../config/settings.js'
import { lintOf, runCommand, type CommandResult } from '../commands/run.js'
import { AppError, errorMessage } from '../errors.js'
import type { Log } from '../log.js'
import { redactSecrets } from '../report/redact.js'
import { renderText } from '../report/text.js'
import { commandUsage, parseArgs, usage } from './args.js'
import { version } from '../version.js'
import { statusGate } from '../commands/status.js'

const flagLabel = (name: SettingName): string => (name === 'command' ? 'command' : name === 'revision' ? 'revision' : settingByName.get(name)?.flag ?? `--${name}`)

/** The CLI: argv → config → command → stdout. Returns the exit status: 0 ok, 1 drift (or status --check not at head), 2 error. */
export async function main(argv: readonly string[], env: NodeJS.ProcessEnv, cwd: string): Promise<number> {
  let secrets: readonly string[] = []
  const write = (stream: NodeJS.WriteStream, text: string) => stream.write(`${redactSecrets(text, secrets)}\n`)
  let json = argv.includes('--json')
  try {
    const args = parseArgs(argv)
    if (args.help || argv.length === 0) {
      write(process.stdout, (args.help && commandUsage(args.settings.command)) || usage)
      return argv.length === 0 ? 2 : 0
    }
    if (args.version) {
      write(process.stdout, version)
      return 0
    }
    const config: Config = await loadConfig({ settings: args.settings, env, cwd, label: flagLabel })
    secrets = config.secrets
    json = config.json
    const log: Log = {
      info: (message) => write(process.stderr, message),
      warn: (message) => write(process.stderr, `warning: ${message}`),
    }
    const result = await runCommand(config, log, { resolution: args.resolution })
    const text = json ? JSON.stringify(jsonResult(result), null, 2) : renderText(result)
    // a diff with no difference prints nothing, so its output can always be applied as is
    if (text !== '') write(process.stdout, text)
    if (result.command === 'diff') return result.result.same ? 0 : 1
    if (result.command === 'status' && config.statusCheck) {
      const gate = statusGate(result.result)
      if (gate) write(process.stderr, `db-migrate: ${gate}`)
      return gate ? 1 : 0
    }
    if (result.command === 'check' && (result.result.drift || result.result.reversibility?.irreversible.length)) return 1
    return (lintOf(result)?.errors ?? 0) > 0 ? 1 : 0
  } catch (error) {
    const message = redactSecrets(errorMessage(error), secrets)
    if (json) {
      write(process.stdout, JSON.stringify({ error: { code: error instanceof AppError ? error.code : 'internal', message } }, null, 2))
    }
    write(process.stderr, `db-migrate: ${message}`)
    if (!(error instanceof AppError) && env.DB_MIGRATE_DEBUG && error instanceof Error && error.stack) write(process.stderr, error.stack)
    return 2
  }
}

function jsonResult(result: CommandResult): unknown {
  const { database, command } = result
  const body = result.command === 'check' || (result.command === 'revision' && 'drift' in result.result)
    ? { ...result.result, operations: undefined, rendered: undefined, risky: 'risky' in result.result ? result.result.risky.map(({ reason, explanation, statements }) => ({ reason, explanation, statements })) : [] }
    : result.result
  if (result.command === 'diff') return { command, ...result.result, rendered: undefined }
  const lint = result.command === 'upgrade' || result.command === 'downgrade' ? result.lint : undefined
  return { command, ...body, ...(lint ? { lint } : {}), ...(database?.spunUpUrl ? { embedded: true } : {}) }
}
