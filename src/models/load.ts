import { existsSync, statSync } from 'node:fs'
import { isAbsolute, join, relative, sep } from 'node:path'
import { ModelError } from '../errors.js'
import { importModule } from '../loader/import.js'
import type { Schema } from '../schema/schema.js'
import { collectModels } from './collect.js'
import { buildSchema, type Models } from './to-schema.js'

export interface LoadedModels {
  /** The models file as messages show it: relative to the working directory when inside it. */
  readonly file: string
  readonly models: Models
  readonly schema: Schema
}

/**
 * Imports the models module (TypeScript or JavaScript, no build step; a folder means its index module) and turns
 * its exported tables and enums into a Schema. Every failure is a one-line ModelError that names the file and says what to do.
 */
export async function loadModels(setting: string, options: { cwd?: string } = {}): Promise<LoadedModels> {
  const path = modulePath(setting)
  const file = displayPath(path, options.cwd ?? process.cwd())
  return schemaOf(await importModels(path, file), file)
}

export function schemaOf(exports: Record<string, unknown>, file: string): LoadedModels {
  const models = collectModels(exports)
  if (models.tables.length === 0 && (models.objects ?? []).length === 0) {
    throw new ModelError(`models file ${file} exports no tables: export each table declared with table() from 'db-migrate-action', Sequelize models, or point --models at a schema.sql`, file)
  }
  const { schema, problems } = buildSchema(models)
  if (problems.length) {
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : ''
    throw new ModelError(`models file ${file}: ${problems[0]}${more}`, file)
  }
  return { file, models, schema }
}

export async function importModels(path: string, file: string): Promise<Record<string, unknown>> {
  if (!existsSync(path) || !statSync(path).isFile()) throw missing(file)
  try {
    // Not `fresh`: the loader hooks recognise TypeScript by a URL ending in .ts, which a cache-busting query hides.
    return await untilSettled(importModule(path), file)
  } catch (error) {
    throw error instanceof ModelError ? error : importError(error, file)
  }
}

/**
 * A module whose top-level await never settles leaves nothing for the event loop to do, and Node would exit (13)
 * silently; the loop running dry while the import is pending is exactly that case.
 */
function untilSettled<T>(loading: Promise<T>, file: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const stuck = () => reject(new ModelError(`models file ${file} never finishes loading: a top-level await in it (or in a module it imports) waits on something that never happens: remove it or make it settle`, file))
    process.once('beforeExit', stuck)
    loading.then(resolve, reject).finally(() => process.off('beforeExit', stuck))
  })
}

export function missing(file: string): ModelError {
  return new ModelError(`models file ${file} does not exist: create it, or point the models setting (--models, input models or DB_MIGRATE_MODELS) at your models module, schema.sql or Sequelize models`, file)
}

/** A folder of models stands for its index module. */
export function modulePath(path: string): string {
  if (!existsSync(path) || !statSync(path).isDirectory()) return path
  const index = ['index.ts', 'index.mts', 'index.js', 'index.mjs', 'index.cjs'].map((name) => join(path, name)).find((p) => existsSync(p))
  return index ?? join(path, 'index.ts')
}

const orms = ['sequelize', 'sequelize-typescript', 'typeorm', 'drizzle-orm', 'reflect-metadata', 'pg']

function importError(error: unknown, file: string): ModelError {
  const message = (error instanceof Error ? error.message : String(error)).split('\n')[0]!.trim()
  const name = error instanceof Error ? error.name : ''
  const code = (error as { code?: string }).code
  if (name === 'SyntaxError' || /Unexpected token|Expected|Unterminated/.test(message)) {
    return new ModelError(`models file ${file} does not compile: ${message}: fix the syntax there`, file, { cause: error })
  }
  if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') {
    const wanted = /Cannot find (?:package|module) '([^']+)'/.exec(message)?.[1]
    const pkg = wanted && orms.find((o) => wanted === o || wanted.startsWith(`${o}/`) || wanted.includes(`/node_modules/${o}/`))
    if (pkg) return new ModelError(`models file ${file} imports ${pkg}, which is not installed in the project: npm install ${pkg} there (db-migrate uses the project's own copy)`, file, { cause: error })
    return new ModelError(`models file ${file} imports something that cannot be found: ${message}: install it or fix the import`, file, { cause: error })
  }
  return new ModelError(`models file ${file} failed while loading: ${message}: fix the error the module throws`, file, { cause: error })
}

export function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path)
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split(sep).join('/') : path
}
