// The parts of a project's tsconfig.json that decide how its TypeScript loads: `paths` aliases and decorators.
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'

export interface ProjectTsconfig {
  readonly file: string
  /** It and the files it extends: what its settings come from. */
  readonly files: readonly string[]
  /** Absolute directory the paths are relative to. */
  readonly base: string
  readonly paths: Readonly<Record<string, readonly string[]>>
  readonly compilerOptions: Readonly<Record<string, unknown>>
}

const cache = new Map<string, ProjectTsconfig | null>()

/** The nearest tsconfig.json above `dir`, with its `extends` chain (relative ones) merged. */
export function tsconfigFor(dir: string): ProjectTsconfig | null {
  const cached = cache.get(dir)
  if (cached !== undefined) return cached
  const file = join(dir, 'tsconfig.json')
  const parent = dirname(dir)
  const found = existsSync(file) ? read(file) : dir.includes('/node_modules/') || parent === dir ? null : tsconfigFor(parent)
  cache.set(dir, found)
  return found
}

function read(file: string, depth = 0): ProjectTsconfig | null {
  let json: { extends?: unknown; compilerOptions?: Record<string, unknown> }
  try {
    json = JSON.parse(jsonc(readFileSync(file, 'utf8')))
  } catch {
    return null
  }
  const base = typeof json.extends === 'string' && /^\.\.?\//.test(json.extends) && depth < 8
    ? read(resolve(dirname(file), json.extends.endsWith('.json') ? json.extends : `${json.extends}.json`), depth + 1)
    : null
  const own = json.compilerOptions ?? {}
  const ownBase = typeof own.baseUrl === 'string' ? resolve(dirname(file), own.baseUrl) : undefined
  const paths = own.paths && typeof own.paths === 'object' ? own.paths as Record<string, string[]> : undefined
  return {
    file,
    files: [file, ...(base?.files ?? [])],
    base: ownBase ?? (paths ? dirname(file) : base?.base ?? dirname(file)),
    paths: paths ?? base?.paths ?? {},
    compilerOptions: { ...base?.compilerOptions, ...own },
  }
}

/** tsconfig files allow comments and trailing commas. */
function jsonc(text: string): string {
  return text
    .replace(/("(?:[^"\\]|\\.)*")|\/\/[^\n]*|\/\*[\s\S]*?\*\//g, (_match, string: string | undefined) => string ?? '')
    .replace(/,(\s*[}\]])/g, '$1')
}

/** The files an aliased specifier may name, most specific pattern first, as TypeScript picks them. */
export function aliasTargets(config: ProjectTsconfig, specifier: string): string[] {
  const patterns = Object.keys(config.paths).sort((a, b) => b.indexOf('*') - a.indexOf('*') || b.length - a.length)
  for (const pattern of patterns) {
    const star = pattern.indexOf('*')
    let captured: string | undefined
    if (star === -1) captured = pattern === specifier ? '' : undefined
    else if (specifier.startsWith(pattern.slice(0, star)) && specifier.endsWith(pattern.slice(star + 1)) && specifier.length >= pattern.length - 1) {
      captured = specifier.slice(star, specifier.length - (pattern.length - star - 1))
    }
    if (captured === undefined) continue
    return config.paths[pattern]!.map((target) => resolve(config.base, target.replace('*', captured!)))
  }
  return []
}
