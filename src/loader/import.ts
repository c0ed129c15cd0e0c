import { register } from 'node:module'
import { existsSync } from 'node:fs'
import { pathToFileURL } from 'node:url'
import { transformCacheDir } from './transform-cache.js'

let registered = false

/** The hooks file beside this module: `loader-hooks.js` in the bundle, `hooks.ts` when running from source. */
function hooksUrl(): URL {
  const bundled = new URL('./loader-hooks.js', import.meta.url)
  return existsSync(bundled) ? bundled : new URL('./hooks.ts', import.meta.url)
}

function libUrl(): string {
  const bundled = new URL('./lib.js', import.meta.url)
  return (existsSync(bundled) ? bundled : new URL('../index.ts', import.meta.url)).href
}

/**
 * Imports a user module (a migration or the models), TypeScript included, with no build step.
 * `fresh` bypasses Node's module cache so a file changed on disk is read again.
 */
export async function importModule(path: string, options: { fresh?: boolean } = {}): Promise<Record<string, unknown>> {
  if (!registered) {
    register(hooksUrl(), { data: { libUrl: libUrl(), transformCache: transformCacheDir() } })
    registered = true
  }
  const url = pathToFileURL(path)
  if (options.fresh) url.searchParams.set('t', String(Date.now()))
  return (await import(url.href)) as Record<string, unknown>
}
