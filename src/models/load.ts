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
  if (!existsSync(path) || !statSync(path).isFile()) {
    throw new ModelError(`models file ${file} does not exist: create it, or point the models setting (--models, input models or DB_MIGRATE_MODELS) at your models module`, file)
  }
  let exports: Record<string, unknown>
  try {
    // Not `fresh`: the loader hooks recognise TypeScript by a URL ending in .ts, which a cache-busting query hides.
    exports = await importModule(path)
  } catch (error) {
    throw importError(error, file)
  }
  const models = collectModels(exports)
  if (models.tables.length === 0) {
    throw new ModelError(`models file ${file} exports no tables: export each table declared with table() from 'db-migrate-action'`, file)
  }
  const { schema, problems } = buildSchema(models)
  if (problems.length) {
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : ''
    throw new ModelError(`models file ${file}: ${problems[0]}${more}`, file)
  }
  return { file, models, schema }
}

/** A folder of models stands for its index module. */
function modulePath(path: string): string {
  if (!existsSync(path) || !statSync(path).isDirectory()) return path
  const index = ['index.ts', 'index.mts', 'index.js', 'index.mjs'].map((name) => join(path, name)).find((p) => existsSync(p))
  return index ?? join(path, 'index.ts')
}

function importError(error: unknown, file: string): ModelError {
  const message = (error instanceof Error ? error.message : String(error)).split('\n')[0]!.trim()
  const name = error instanceof Error ? error.name : ''
  const code = (error as { code?: string }).code
  if (name === 'SyntaxError' || /Unexpected token|Expected|Unterminated/.test(message)) {
    return new ModelError(`models file ${file} does not compile: ${message}: fix the syntax there`, file, { cause: error })
  }
  if (code === 'ERR_MODULE_NOT_FOUND') {
    return new ModelError(`models file ${file} imports something that cannot be found: ${message}: install it or fix the import`, file, { cause: error })
  }
  return new ModelError(`models file ${file} failed while loading: ${message}: fix the error the module throws`, file, { cause: error })
}

function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path)
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split(sep).join('/') : path
}
