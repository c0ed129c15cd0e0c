import { register } from 'node:module'
import { existsSync, realpathSync } from 'node:fs'
import { pathToFileURL } from 'node:url'
import { MessageChannel, type MessagePort } from 'node:worker_threads'
import type { GraphReply, ModuleInput } from './module-graph.js'
import { transformCacheDir } from './transform-cache.js'

let graph: MessagePort | undefined
let asked = 0
const waiting = new Map<number, (files: ModuleInput[] | null) => void>()

/** The hooks file beside this module: `loader-hooks.js` in the bundle, `hooks.ts` when running from source. */
function hooksUrl(): URL {
  const bundled = new URL('./loader-hooks.js', import.meta.url)
  return existsSync(bundled) ? bundled : new URL('./hooks.ts', import.meta.url)
}

function libUrl(): string {
  const bundled = new URL('./lib.js', import.meta.url)
  return (existsSync(bundled) ? bundled : new URL('../index.ts', import.meta.url)).href
}

function registerHooks(): void {
  if (graph) return
  const { port1, port2 } = new MessageChannel()
  port1.on('message', (reply: GraphReply) => {
    waiting.get(reply.id)?.(reply.files)
    waiting.delete(reply.id)
    if (waiting.size === 0) port1.unref()
  })
  port1.unref()
  register(hooksUrl(), { data: { libUrl: libUrl(), transformCache: transformCacheDir(), graph: port2 }, transferList: [port2] })
  graph = port1
}

/**
 * Imports a user module (a migration or the models), TypeScript included, with no build step.
 * `fresh` bypasses Node's module cache so a file changed on disk is read again.
 */
export async function importModule(path: string, options: { fresh?: boolean } = {}): Promise<Record<string, unknown>> {
  registerHooks()
  const url = pathToFileURL(path)
  if (options.fresh) url.searchParams.set('t', String(Date.now()))
  return (await import(url.href)) as Record<string, unknown>
}

/**
 * The files the module at `path` (imported by importModule) was made of: it and every module it imports, however
 * deep, each with the hash of what was loaded. Null when the hooks did not load it.
 */
export async function importedFiles(path: string): Promise<ModuleInput[] | null> {
  const port = graph
  if (!port) return null
  const id = ++asked
  const files = new Promise<ModuleInput[] | null>((resolve) => waiting.set(id, resolve))
  port.ref()
  port.postMessage({ id, entry: pathToFileURL(realpathSync(path)).href })
  return files
}
