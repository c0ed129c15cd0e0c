// What a models module was made of the last time it was imported: every file it loaded or read, each by its hash,
// the environment variables it read, and the hash of the DDL it came to. When all of them are as they were, the DDL
// is the same, and its digest is known without importing anything.
import { existsSync, readFileSync, utimesSync } from 'node:fs'
import { join } from 'node:path'
import type { Reads } from '../../loader/inputs.js'
import { pathHash, sha256, type ModuleInput } from '../../loader/module-graph.js'
import { ensureDir } from '../../provision/cache.js'
import { keepNewest, writeWhole } from '../../provision/cache-files.js'
import { version } from '../../version.js'

// bump when what a manifest records, or how, changes
const manifestFormat = 1

/** How many manifests a cache keeps (one per models module checked): the most recently used. */
const manifestLimit = 32

/** Which models a manifest is of: the module, how it is read, from where. */
export interface ModelsIdentity {
  readonly path: string
  readonly kind: string | undefined
  readonly cwd: string
}

export interface ModelsManifest {
  readonly file: string
  readonly buildDigest: string
  /** Each path by the sha256 of its bytes; `dir`: a folder; null: nothing there. */
  readonly inputs: readonly { readonly path: string; readonly hash: string | null }[]
  /** Each variable read by the sha256 of its value; null: unset. */
  readonly env: Readonly<Record<string, string | null>>
  /** The sha256 of the whole environment, when the models enumerated it. */
  readonly envAll?: string
}

interface Stored extends ModelsManifest {
  readonly format: number
  readonly identity: string
}

function identityOf(models: ModelsIdentity): string {
  return JSON.stringify({ version, node: process.version, path: models.path, kind: models.kind ?? null, cwd: models.cwd })
}

function manifestPath(root: string, models: ModelsIdentity): string {
  return join(root, 'models', `${sha256(identityOf(models)).slice(0, 32)}.json`)
}

/** The manifest of `models` when every input it records is as it was; null on any difference or failure. */
export function currentManifest(root: string, models: ModelsIdentity): ModelsManifest | null {
  try {
    const file = manifestPath(root, models)
    if (!existsSync(file)) return null
    const stored = JSON.parse(readFileSync(file, 'utf8')) as Stored
    if (stored.format !== manifestFormat || stored.identity !== identityOf(models)) return null
    if (stored.envAll !== undefined && stored.envAll !== envHash()) return null
    for (const [name, hash] of Object.entries(stored.env)) if (valueHash(process.env[name]) !== hash) return null
    for (const input of stored.inputs) if (pathHash(input.path) !== input.hash) return null
    const now = new Date()
    utimesSync(file, now, now)
    return stored
  } catch {
    return null
  }
}

/** Keeps what the models were made of (the modules the hooks loaded, what they read) with the digest of their DDL. */
export function writeManifest(root: string, models: ModelsIdentity, made: {
  file: string
  buildDigest: string
  modules: readonly ModuleInput[]
  /** Files read besides the modules (CommonJS, fs). */
  files: Iterable<string>
  env: Pick<Reads, 'env' | 'envEnumerated'>
}): void {
  const inputs = new Map<string, string | null>()
  for (const m of made.modules) inputs.set(m.path, m.hash === undefined ? pathHash(m.path) : m.hash)
  for (const path of made.files) if (!inputs.has(path)) inputs.set(path, pathHash(path))
  const env = Object.fromEntries([...made.env.env].map(([name, value]) => [name, valueHash(value)]))
  const stored: Stored = {
    format: manifestFormat,
    identity: identityOf(models),
    file: made.file,
    buildDigest: made.buildDigest,
    inputs: [...inputs].map(([path, hash]) => ({ path, hash })),
    env,
    ...(made.env.envEnumerated ? { envAll: envHash() } : {}),
  }
  ensureDir(join(root, 'models'))
  const file = manifestPath(root, models)
  writeWhole(file, JSON.stringify(stored))
  keepNewest(join(root, 'models'), manifestLimit)
}



// values are kept hashed: the cache may be uploaded (actions/cache), the environment may hold secrets
function valueHash(value: string | undefined): string | null {
  return value === undefined ? null : sha256(value)
}

function envHash(): string {
  return sha256(JSON.stringify(Object.entries(process.env).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))))
}
