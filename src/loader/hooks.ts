// Module hooks that let Node import TypeScript (migrations, models) with no build step, and resolve
// `db-migrate-action` to this copy of the library when the user's project has none installed.
import { realpathSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import type { MessagePort } from 'node:worker_threads'
import { builtinModules } from 'node:module'
import { dirname, join, resolve as resolvePath } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { getVersion, transform } from 'sucrase'
import { compileDecorators, hasDecorators } from './decorators.js'
import { ModuleGraph, pathHash, type GraphRequest } from './module-graph.js'
import { cachedFrom, cachedTransform } from './transform-cache.js'
import { aliasTargets, tsconfigFor } from './tsconfig.js'

interface ResolveContext { parentURL?: string; conditions?: string[] }
type NextResolve = (specifier: string, context?: ResolveContext) => Promise<{ url: string; format?: string | null }>
type NextLoad = (url: string, context?: object) => Promise<{ format?: string | null; source?: unknown }>

let libUrl: string | undefined
let transformCache: string | undefined
const graph = new ModuleGraph()

export function initialize(data: { libUrl?: string; transformCache?: string; graph?: MessagePort } | undefined): void {
  libUrl = data?.libUrl
  transformCache = data?.transformCache
  const port = data?.graph
  if (port) {
    // the hooks may run on a thread of their own: the importer asks there what a module it imported was made of
    port.on('message', (request: GraphRequest) => port.postMessage({ id: request.id, files: graph.closure(request.entry) }))
    port.unref()
  }
}

const tsExtension = /\.(ts|mts|cts|tsx)$/

/** By the path alone: a `?t=` cache-busting query must not hide the extension. */
function isTypeScript(url: string): boolean {
  return tsExtension.test(url.split(/[?#]/)[0]!)
}

export async function resolve(specifier: string, context: ResolveContext, next: NextResolve) {
  const resolved = await resolveModule(specifier, context, next)
  graph.edge(context.parentURL, resolved.url)
  if (context.parentURL?.startsWith('file:') && isBare(specifier)) packageFacts(specifier, context.parentURL, resolved.url)
  return resolved
}

function isBare(specifier: string): boolean {
  return !/^(\.\.?\/|\/|#|[a-z][a-z0-9+.-]*:)/i.test(specifier) && !builtinModules.includes(specifier)
}

/**
 * A package is found in the nearest node_modules that holds it: every nearer one must stay without it, and the
 * package.json of the one found (its exports, its main) must stay as it is.
 */
function packageFacts(specifier: string, parentURL: string, url: string): void {
  const name = specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/')
  const target = url.startsWith('file:') ? fileURLToPath(url) : ''
  for (let dir = dirname(fileURLToPath(parentURL)); ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name)
    // a linked package (pnpm, npm link) resolves to its real path
    if (target.startsWith(`${candidate}/`) || target.startsWith(`${real(candidate)}/`)) return graph.fact(parentURL, join(candidate, 'package.json'), now(join(candidate, 'package.json')))
    graph.fact(parentURL, candidate, now(candidate))
    if (dirname(dir) === dir) return
  }
}

/** A .js file is a module or CommonJS by the `type` of the nearest package.json: that one, and none nearer. */
function packageTypeFacts(url: string): void {
  for (let dir = dirname(fileURLToPath(url)); ; dir = dirname(dir)) {
    const file = join(dir, 'package.json')
    const hash = now(file)
    graph.fact(url, file, hash)
    if ((hash !== null && hash !== 'dir') || dirname(dir) === dir) return
  }
}

function real(path: string): string | undefined {
  try {
    return realpathSync(path)
  } catch {
    return undefined
  }
}

const seen = new Map<string, string | null>()

/** pathHash, once per path and process: the same package.json is asked about for each file of its package. */
function now(path: string): string | null {
  let hash = seen.get(path)
  if (hash === undefined) seen.set(path, (hash = pathHash(path)))
  return hash
}

/** The path a relative specifier names, for a fact about what is there. */
function probed(specifier: string, parentURL: string): string {
  return resolvePath(dirname(fileURLToPath(parentURL)), specifier.replace(/[?#].*$/, ''))
}

async function resolveModule(specifier: string, context: ResolveContext, next: NextResolve): Promise<{ url: string; format?: string | null; shortCircuit?: boolean }> {
  try {
    return await next(specifier, context)
  } catch (error) {
    if (libUrl && (specifier === 'db-migrate-action' || specifier === 'db-migrate-action/models')) {
      return { url: libUrl, shortCircuit: true }
    }
    // Aliases of the project's tsconfig `paths` (`@/db/schema`), as its bundler or tsc resolves them.
    if (context.parentURL?.startsWith('file:') && isTypeScript(context.parentURL) && !/^(\.\.?\/|\/|node:|file:)/.test(specifier)) {
      const config = tsconfigFor(dirname(fileURLToPath(context.parentURL)))
      for (const file of config?.files ?? []) graph.fact(context.parentURL, file)
      for (const target of config ? aliasTargets(config, specifier) : []) {
        const url = pathToFileURL(target).href
        for (const candidate of [url, url.replace(/\.(m|c)?js$/, '.$1ts'), `${url}.ts`, `${url}.tsx`, `${url}/index.ts`, `${url}.js`]) {
          try {
            return await next(candidate, context)
          } catch {
            // try the next spelling
            graph.fact(context.parentURL, fileURLToPath(candidate))
          }
        }
      }
    }
    // TypeScript sources import siblings as './x.js' or './x': try the .ts file.
    if (context.parentURL?.startsWith('file:') && isTypeScript(context.parentURL) && /^\.\.?\//.test(specifier)) {
      // were the file the specifier names to appear, it would be taken instead
      graph.fact(context.parentURL, probed(specifier, context.parentURL))
      for (const candidate of [specifier.replace(/\.(m|c)?js$/, '.$1ts'), `${specifier}.ts`, `${specifier}/index.ts`]) {
        if (candidate === specifier) continue
        try {
          return await next(candidate, context)
        } catch {
          // try the next spelling
          graph.fact(context.parentURL, probed(candidate, context.parentURL))
        }
      }
    }
    throw error
  }
}

export async function load(url: string, context: object, next: NextLoad) {
  if (!url.startsWith('file:') || !isTypeScript(url) || url.includes('/node_modules/')) {
    const loaded = await next(url, context)
    graph.loaded(url, loaded.source)
    if (url.startsWith('file:') && /\.js$/.test(url.split(/[?#]/)[0]!)) packageTypeFacts(url)
    return loaded
  }
  const path = new URL(url)
  const bytes = await readFile(path)
  graph.loaded(url, bytes)
  const source = bytes.toString('utf8')
  const commonjs = path.pathname.endsWith('.cts')
  if (hasDecorators(source)) {
    // the project's own TypeScript compiles it, under its tsconfig
    graph.unknowable(url)
    const { code, format } = compileDecorators(source, fileURLToPath(path), commonjs)
    return { format, source: code, shortCircuit: true }
  }
  const options = {
    transforms: commonjs ? ['typescript' as const, 'imports' as const] : ['typescript' as const],
    filePath: decodeURIComponent(path.pathname),
    disableESTransforms: true,
    keepUnusedImports: false,
  }
  const make = () => transform(source, options).code
  const code = transformCache && source.length >= cachedFrom
    ? cachedTransform(transformCache, options.filePath, source, `sucrase ${getVersion()} ${JSON.stringify(options)}`, make)
    : make()
  return { format: commonjs ? 'commonjs' : 'module', source: code, shortCircuit: true }
}
