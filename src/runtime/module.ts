import { pathToFileURL } from 'node:url'
import { HistoryError } from '../errors.js'
import { importModule } from '../loader/import.js'
import type { MigrationFn, MigrationModule } from './types.js'

/** Imports a `.ts`/`.js`/`.mjs` migration (no build step) and checks its exports. */
export async function loadMigrationModule(path: string, file: string): Promise<MigrationModule> {
  let exports: Record<string, unknown>
  try {
    exports = await importModule(path)
  } catch (error) {
    throw new HistoryError('migration_import', `${file} could not be loaded: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]!.trim()}`, file, { cause: error })
  }
  const source = (typeof exports.up === 'function' ? exports : exports.default ?? {}) as Record<string, unknown>
  if (typeof source.up !== 'function') {
    throw new HistoryError('migration_exports', `${file} exports no up function: add \`export async function up({ client }) { ... }\``, file)
  }
  if (source.down !== undefined && typeof source.down !== 'function') {
    throw new HistoryError('migration_exports', `${file} exports a down that is not a function`, file)
  }
  if (source.transaction !== undefined && typeof source.transaction !== 'boolean') {
    throw new HistoryError('migration_exports', `${file} exports transaction = ${String(source.transaction)}: use true or false`, file)
  }
  return {
    up: source.up as MigrationFn,
    down: source.down as MigrationFn | undefined,
    transaction: source.transaction as boolean | undefined,
  }
}

/** The line in `path` that an error's stack points at, if it passed through that file. */
export function lineInStack(error: unknown, path: string): number | undefined {
  const stack = error instanceof Error ? error.stack ?? '' : ''
  const url = pathToFileURL(path).href
  for (const frame of stack.split('\n')) {
    const at = frame.indexOf(url)
    if (at === -1) continue
    const match = /^(?:\?[^:]*)?:(\d+):\d+/.exec(frame.slice(at + url.length))
    if (match) return Number(match[1])
  }
  return undefined
}
