import * as core from '@actions/core'
import type { RawSettings, SettingName } from '../config/config.js'

const names: readonly SettingName[] = [
  'command', 'revision', 'database-url', 'shadow-database-url', 'working-directory', 'env-file', 'migrations', 'models', 'models-kind',
  'history-schema', 'history-table', 'dry-run', 'allow-out-of-order', 'lock-timeout', 'statement-timeout', 'lock-wait',
  'connect-timeout', 'keep-database', 'column-order', 'message', 'autogenerate', 'format', 'context', 'lint-disable', 'all', 'base', 'sql', 'reversible',
]

/** The action's inputs as raw settings; the only reader of `INPUT_*`. */
export function readInputs(): RawSettings {
  const settings: RawSettings = {}
  for (const name of names) {
    const value = core.getInput(name)
    if (value !== '') settings[name] = value
  }
  return settings
}

export const inputLabel = (name: SettingName): string => `input '${name}'`
