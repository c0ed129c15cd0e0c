import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { ConfigError } from '../errors.js'
import { importModule } from '../loader/import.js'
import { loadEnv } from './env.js'
import { closest } from './suggest.js'
import { parseConfig, type Config, type ConfigSource, type ContextFactory, type ProjectFile } from './config.js'
import { fileKey, settings, type SettingName } from './settings.js'

export const projectFileNames = ['db-migrate.config.ts', 'db-migrate.config.mts', 'db-migrate.config.js', 'db-migrate.config.mjs', 'db-migrate.config.cjs']

/** parseConfig, after reading the project's db-migrate.config.* and .env (in the working directory) when it has them. */
export async function loadConfig(source: Omit<ConfigSource, 'file'>): Promise<Config> {
  const cwd = resolve(source.cwd, source.settings['working-directory']?.trim() || '.')
  const file = await loadProjectFile(cwd)
  const env = await loadEnv(cwd, source.settings['env-file']?.trim() || undefined, source.env, source.label?.('env-file') ?? 'env-file')
  return parseConfig({ ...source, env, ...(file ? { file } : {}) })
}

/** Imports db-migrate.config.* (TypeScript or JavaScript, ESM or CommonJS) and reads its settings and `context`. */
export async function loadProjectFile(cwd: string): Promise<ProjectFile | undefined> {
  const found = projectFileNames.filter((name) => existsSync(join(cwd, name)))
  if (found.length === 0) return undefined
  const file = found[0]!
  if (found.length > 1) throw new ConfigError('config', `${found.join(' and ')} are both config files: keep one`)
  let exports: Record<string, unknown>
  try {
    exports = await importModule(join(cwd, file))
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0]
    throw new ConfigError('config', `${file} does not load: ${reason}: fix that file`, { cause: error })
  }
  // `export default {...}`, `module.exports = {...}` and named exports all count
  const fromDefault = exports.default
  const body: Record<string, unknown> = { ...exports, ...(isObject(fromDefault) ? fromDefault : {}) }
  delete body.default
  const byKey = new Map(settings.filter((s) => s.file).map((s) => [fileKey(s.name), s.name as SettingName]))
  const values: Partial<Record<SettingName, string>> = {}
  let contextFactory: ContextFactory | undefined
  for (const [key, value] of Object.entries(body)) {
    if (key === 'context' && typeof value === 'function') {
      contextFactory = value as ContextFactory
      continue
    }
    if (key === '__esModule' || value === undefined) continue
    const name = byKey.get(key) ?? byKey.get(fileKey(key))
    if (!name) {
      const near = closest(key, [...byKey.keys(), 'context'])
      throw new ConfigError('config', `${file} sets '${key}', which is not a setting: ${near ? `did you mean ${near}? ` : ''}use one of ${[...byKey.keys(), 'context'].join(', ')}`)
    }
    values[name] = text(value, `${file} ${key}`)
  }
  return { file, values, ...(contextFactory ? { contextFactory } : {}) }
}

function text(value: unknown, where: string): string {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.join(',')
  throw new ConfigError('config', `${where} must be a string, number, boolean or list of strings`)
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
