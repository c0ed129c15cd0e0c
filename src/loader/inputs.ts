// What user code read while it ran, besides the modules the loader hooks loaded: environment variables (process.env
// is a recording Proxy while any recording is open), CommonJS files it required, files it read with fs.
import { AsyncLocalStorage } from 'node:async_hooks'
import fs from 'node:fs'
import { createRequire, syncBuiltinESMExports } from 'node:module'
import { isAbsolute, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

export interface Reads {
  /** Each variable read, with the value it had at its first read (undefined: unset). */
  readonly env: Map<string, string | undefined>
  /** The whole environment was enumerated. */
  envEnumerated: boolean
  /** Absolute paths required (CommonJS) or read with fs. */
  readonly files: Set<string>
}

const recording = new AsyncLocalStorage<Reads>()
let open = 0
let restore: (() => void) | undefined

/** Runs `fn` and returns, beside its value, what it (and every async continuation of it) read. */
export async function recordReads<T>(fn: () => Promise<T>): Promise<{ value: T; reads: Reads }> {
  const reads: Reads = { env: new Map(), envEnumerated: false, files: new Set() }
  if (open++ === 0) restore = install()
  try {
    const value = await recording.run(reads, fn)
    return { value, reads }
  } finally {
    if (--open === 0) restore?.()
  }
}

function install(): () => void {
  const env = process.env
  const note = (name: string | symbol) => {
    const reads = recording.getStore()
    if (reads && typeof name === 'string' && !reads.env.has(name)) reads.env.set(name, env[name])
  }
  process.env = new Proxy(env, {
    get: (target, name) => (note(name), Reflect.get(target, name)),
    has: (target, name) => (note(name), Reflect.has(target, name)),
    getOwnPropertyDescriptor: (target, name) => (note(name), Reflect.getOwnPropertyDescriptor(target, name)),
    ownKeys: (target) => {
      const reads = recording.getStore()
      if (reads) reads.envEnumerated = true
      return Reflect.ownKeys(target)
    },
  })
  const Module = createRequire(import.meta.url)('node:module') as {
    _load(request: string, parent: unknown, isMain: boolean): unknown
    _resolveFilename(request: string, parent: unknown, isMain: boolean): string
    builtinModules: string[]
  }
  const load = Module._load
  Module._load = function (this: unknown, request: string, parent: unknown, isMain: boolean) {
    const loaded = load.call(this, request, parent, isMain)
    const reads = recording.getStore()
    if (reads && !request.startsWith('node:') && !Module.builtinModules.includes(request)) {
      try {
        reads.files.add(Module._resolveFilename(request, parent, isMain))
      } catch {
        // resolved once already: cannot fail
      }
    }
    return loaded
  }
  const { readFileSync, readFile } = fs
  const promisesReadFile = fs.promises.readFile
  const noteFile = (file: unknown) => {
    const reads = recording.getStore()
    const path = typeof file === 'string' ? file : file instanceof URL ? (file.protocol === 'file:' ? fileURLToPath(file) : undefined) : Buffer.isBuffer(file) ? file.toString() : undefined
    if (reads && path !== undefined) reads.files.add(isAbsolute(path) ? path : resolve(path))
  }
  fs.readFileSync = function (this: unknown, file: unknown, ...rest: unknown[]) {
    noteFile(file)
    return (readFileSync as (...args: unknown[]) => unknown).call(this, file, ...rest)
  } as typeof fs.readFileSync
  fs.readFile = function (this: unknown, file: unknown, ...rest: unknown[]) {
    noteFile(file)
    return (readFile as (...args: unknown[]) => unknown).call(this, file, ...rest)
  } as typeof fs.readFile
  fs.promises.readFile = function (this: unknown, file: unknown, ...rest: unknown[]) {
    noteFile(file)
    return (promisesReadFile as (...args: unknown[]) => unknown).call(this, file, ...rest)
  } as typeof fs.promises.readFile
  const installed = { env: process.env, load: Module._load, readFileSync: fs.readFileSync, readFile: fs.readFile, promisesReadFile: fs.promises.readFile }
  syncBuiltinESMExports()
  // what another tool wrapped in the meantime (an APM agent the models load, say) stays: ours only records in a recording
  return () => {
    if (process.env === installed.env) process.env = env
    if (Module._load === installed.load) Module._load = load
    if (fs.readFileSync === installed.readFileSync) fs.readFileSync = readFileSync
    if (fs.readFile === installed.readFile) fs.readFile = readFile
    if (fs.promises.readFile === installed.promisesReadFile) fs.promises.readFile = promisesReadFile
    syncBuiltinESMExports()
  }
}

/** Every file a CommonJS module in `files` required, however deep, as Node's module cache records it. */
export function requiredClosure(files: Iterable<string>): Set<string> {
  const cache = (createRequire(import.meta.url)('node:module') as { _cache: Record<string, { children?: { filename: string }[] } | undefined> })._cache
  const seen = new Set<string>()
  const queue = [...files]
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    if (seen.has(file)) continue
    seen.add(file)
    for (const child of cache[file]?.children ?? []) queue.push(child.filename)
  }
  return seen
}
