import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { ConfigError } from '../errors.js'

export type Env = Record<string, string | undefined>

/**
 * The process environment over the `.env` file: the real environment wins, as with dotenv.
 * The default `.env` may be absent; a file named explicitly must exist. dotenv is loaded only for a project that has one.
 */
export async function loadEnv(cwd: string, envFile: string | undefined, env: Env, setting = 'env-file'): Promise<Env> {
  const path = resolve(cwd, envFile ?? '.env')
  if (!existsSync(path)) {
    if (envFile) throw new ConfigError('env-file', `${setting} ${envFile} does not exist: create it or point ${setting} at your .env`)
    return { ...env }
  }
  const text = readFileSync(path, 'utf8')
  const line = text.split(/\r?\n/).findIndex((l) => l.trim() !== '' && !l.trim().startsWith('#') && !/^\s*(export\s+)?[\w.-]+\s*[=:]/.test(l))
  if (line >= 0) {
    throw new ConfigError('env-file', `${envFile ?? '.env'} line ${line + 1} is not KEY=value: fix or remove that line`)
  }
  // a CommonJS package: imported from an ES module (a split bundle, Node itself) its exports are on `default`
  const dotenv = await import('dotenv')
  const { parse } = dotenv.default ?? dotenv
  return { ...parse(text), ...definedOnly(env) }
}

function definedOnly(env: Env): Env {
  return Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined))
}
