// Module hooks that let Node import TypeScript (migrations, models) with no build step, and resolve
// `db-migrate-action` to this copy of the library when the user's project has none installed.
import { readFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { getVersion, transform } from 'sucrase'
import { compileDecorators, hasDecorators } from './decorators.js'
import { cachedFrom, cachedTransform } from './transform-cache.js'
import { aliasTargets, tsconfigFor } from './tsconfig.js'

interface ResolveContext { parentURL?: string; conditions?: string[] }
type NextResolve = (specifier: string, context?: ResolveContext) => Promise<{ url: string; format?: string | null }>
type NextLoad = (url: string, context?: object) => Promise<{ format?: string | null; source?: unknown }>

let libUrl: string | undefined
let transformCache: string | undefined

export function initialize(data: { libUrl?: string; transformCache?: string } | undefined): void {
  libUrl = data?.libUrl
  transformCache = data?.transformCache
}

const tsExtension = /\.(ts|mts|cts|tsx)$/

/** By the path alone: a `?t=` cache-busting query must not hide the extension. */
function isTypeScript(url: string): boolean {
  return tsExtension.test(url.split(/[?#]/)[0]!)
}

export async function resolve(specifier: string, context: ResolveContext, next: NextResolve) {
  try {
    return await next(specifier, context)
  } catch (error) {
    if (libUrl && (specifier === 'db-migrate-action' || specifier === 'db-migrate-action/models')) {
      return { url: libUrl, shortCircuit: true }
    }
    // Aliases of the project's tsconfig `paths` (`@/db/schema`), as its bundler or tsc resolves them.
    if (context.parentURL?.startsWith('file:') && isTypeScript(context.parentURL) && !/^(\.\.?\/|\/|node:|file:)/.test(specifier)) {
      const config = tsconfigFor(dirname(fileURLToPath(context.parentURL)))
      for (const target of config ? aliasTargets(config, specifier) : []) {
        const url = pathToFileURL(target).href
        for (const candidate of [url, url.replace(/\.(m|c)?js$/, '.$1ts'), `${url}.ts`, `${url}.tsx`, `${url}/index.ts`, `${url}.js`]) {
          try {
            return await next(candidate, context)
          } catch {
            // try the next spelling
          }
        }
      }
    }
    // TypeScript sources import siblings as './x.js' or './x': try the .ts file.
    if (context.parentURL && isTypeScript(context.parentURL) && /^\.\.?\//.test(specifier)) {
      for (const candidate of [specifier.replace(/\.(m|c)?js$/, '.$1ts'), `${specifier}.ts`, `${specifier}/index.ts`]) {
        if (candidate === specifier) continue
        try {
          return await next(candidate, context)
        } catch {
          // try the next spelling
        }
      }
    }
    throw error
  }
}

export async function load(url: string, context: object, next: NextLoad) {
  if (!url.startsWith('file:') || !isTypeScript(url) || url.includes('/node_modules/')) return next(url, context)
  const path = new URL(url)
  const source = await readFile(path, 'utf8')
  const commonjs = path.pathname.endsWith('.cts')
  if (hasDecorators(source)) {
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
