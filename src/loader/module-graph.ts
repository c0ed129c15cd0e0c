// What each module the loader hooks saw was made of: the modules it imports, the hash of the source it loaded, and
// the facts its resolution rested on (the tsconfig that mapped an alias, the package.json of a package, the files
// and folders that did not exist and would have been taken had they existed).
import { createHash } from 'node:crypto'
import { readFileSync, statSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/**
 * A file a module was made of or rests on, with the sha256 of its bytes; `dir` for a folder; null for a path that
 * must not exist; absent when the hooks did not load it (before they were registered): hash it from disk.
 */
export interface ModuleInput {
  readonly path: string
  readonly hash?: string | null
}

export interface GraphRequest {
  readonly id: number
  readonly entry: string
}

export interface GraphReply {
  readonly id: number
  /** Null when the hooks never loaded `entry`, or a module of it cannot be known by its files. */
  readonly files: ModuleInput[] | null
}

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex')
}

/** What `path` is now, as a ModuleInput's hash says it. */
export function pathHash(path: string): string | null {
  try {
    return sha256(readFileSync(path))
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EISDIR') return 'dir'
    try {
      return statSync(path).isDirectory() ? 'dir' : null
    } catch {
      return null
    }
  }
}

/**
 * Every resolve is an edge, even to a module loaded before (a new importer resolves each of its specifiers), so
 * the closure of a module is complete whichever module of it was imported first.
 */
export class ModuleGraph {
  private readonly edges = new Map<string, Set<string>>()
  private readonly hashes = new Map<string, string | null>()
  private readonly facts = new Map<string, Map<string, string | null>>()
  private readonly opaque = new Set<string>()

  edge(parent: string | undefined, child: string): void {
    if (!parent) return
    let children = this.edges.get(parent)
    if (!children) this.edges.set(parent, (children = new Set()))
    children.add(child)
  }

  loaded(url: string, source: unknown): void {
    if (!url.startsWith('file:')) return
    this.hashes.set(url, typeof source === 'string' || source instanceof Uint8Array ? sha256(source) : null)
  }

  /** What `url` (a module, or the importer of one) rests on: `path` as `pathHash` found it. */
  fact(url: string | undefined, path: string, hash: string | null = pathHash(path)): void {
    if (!url) return
    let facts = this.facts.get(url)
    if (!facts) this.facts.set(url, (facts = new Map()))
    if (!facts.has(path)) facts.set(path, hash)
  }

  /** A module made by more than its files (compiled by the project's own TypeScript, say). */
  unknowable(url: string): void {
    this.opaque.add(url)
  }

  closure(entry: string): ModuleInput[] | null {
    if (!this.hashes.has(entry)) return null
    const seen = new Set<string>([entry])
    const queue = [entry]
    for (let url = queue.pop(); url !== undefined; url = queue.pop()) {
      if (this.opaque.has(url)) return null
      for (const child of this.edges.get(url) ?? []) {
        if (!seen.has(child)) {
          seen.add(child)
          queue.push(child)
        }
      }
    }
    const files = new Map<string, string | null | undefined>()
    for (const url of seen) {
      for (const [path, hash] of this.facts.get(url) ?? []) if (!files.has(path)) files.set(path, hash)
      if (!url.startsWith('file:')) continue
      const path = fileURLToPath(url.replace(/[?#].*$/, ''))
      const hash = this.hashes.get(url) ?? undefined
      if (hash !== undefined || !files.has(path)) files.set(path, hash)
    }
    return [...files].map(([path, hash]) => (hash === undefined ? { path } : { path, hash }))
  }
}
