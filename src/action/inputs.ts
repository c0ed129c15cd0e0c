import * as core from '@actions/core'
import type { RawSettings } from '../config/config.js'
import { settings, type SettingName } from '../config/settings.js'

const names = settings.filter((s) => s.input).map((s) => s.name)

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
