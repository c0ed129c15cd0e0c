import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { HistoryError } from '../errors.js'
import { importModule } from '../loader/import.js'
import type { MigrationFn, MigrationModule } from './types.js'

/**
 * Loads a migration (TypeScript with no build step) and checks its exports. A `.cjs` file, or a `.js` file in a
 * package without "type": "module", is required as Node and Umzug would: its `module.exports` whole, down included.
 */
export async function loadMigrationModule(path: string, file: string): Promise<MigrationModule> {
  let exports: Record<string, unknown>
  try {
    exports = isCommonJs(path) ? requireOrImport(path) ?? await importModule(path) : await importModule(path)
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

/** `.cjs`, or `.js` whose nearest package.json does not say "type": "module". */
function isCommonJs(path: string): boolean {
  if (path.endsWith('.cjs')) return true
  if (!path.endsWith('.js')) return false
  for (let dir = dirname(path); ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json')
    if (existsSync(manifest)) {
      try {
        return (JSON.parse(readFileSync(manifest, 'utf8')) as { type?: unknown }).type !== 'module'
      } catch {
        return true
      }
    }
    if (dirname(dir) === dir) return true
  }
}

/** The file's exports by require; undefined when it is written as an ES module after all (Node 22 would detect it too). */
function requireOrImport(path: string): Record<string, unknown> | undefined {
  try {
    const exports = createRequire(path)(path) as unknown
    return (exports && typeof exports === 'object') || typeof exports === 'function' ? exports as Record<string, unknown> : {}
  } catch (error) {
    const code = (error as { code?: string }).code
    if (code === 'ERR_REQUIRE_ESM' || code === 'ERR_REQUIRE_ASYNC_MODULE' || (error instanceof SyntaxError && /\b(import|export)\b/.test(error.message))) return undefined
    throw error
  }
}
