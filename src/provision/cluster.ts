import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { errorMessage, ProvisionError } from '../errors.js'
import { libraryEnv, type PgBinaries } from './binaries.js'
import { ensureDir } from './cache.js'
import type { ServerUser } from './server-user.js'
import { createTar, extractTar } from './tar.js'

const exe = process.platform === 'win32' ? '.exe' : ''

/**
 * Fills the empty `dataDir` with an initialised cluster for these binaries (superuser `postgres`, trust
 * authentication, UTF8, C locale). initdb is most of a cold start, so its result is kept in the cache as one tar
 * archive and unpacked on later starts: one 30 MB file writes and reads far faster than the cluster's ~1000 files.
 */
export async function prepareCluster(binaries: PgBinaries, user: ServerUser | null, cache: string, dataDir: string, log: (message: string) => void): Promise<void> {
  const archive = templateArchive(binaries, user, cache)
  let cached: Buffer | undefined
  try {
    cached = readFileSync(archive)
  } catch {
    // first start with these binaries
  }
  if (cached) {
    try {
      extractTar(cached, dataDir, { strip: 1, keepModes: true, owner: user ?? undefined })
      return
    } catch (error) {
      log(`the cached cluster ${archive} is unreadable (${errorMessage(error)}); initialising a new one`)
      rmSync(dataDir, { recursive: true, force: true })
    }
  }

  log(`initialising a PostgreSQL ${binaries.version} cluster (once; later starts reuse it)`)
  const args = ['-D', dataDir, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-sync', '--wal-segsize=1']
  await runAs(join(binaries.binDir, `initdb${exe}`), args, { user, cwd: dirname(dataDir), env: libraryEnv(binaries) })
  const staging = `${archive}.${process.pid}.tmp`
  try {
    writeFileSync(staging, createTar(dataDir))
    renameSync(staging, archive)
  } catch (error) {
    // a cache we cannot write only costs the next start an initdb
    rmSync(staging, { force: true })
    log(`could not cache the initialised cluster in ${dirname(archive)}: ${errorMessage(error)}`)
  }
}

/** The cached archive's path: one per binaries build and per account the server runs as (files keep owners). */
function templateArchive(binaries: PgBinaries, user: ServerUser | null, cache: string): string {
  const { size, mtimeMs } = statSync(join(binaries.binDir, `initdb${exe}`))
  const identity = [binaries.binDir, binaries.version, size, mtimeMs, user?.uid ?? process.getuid?.() ?? 0, initdbVersion]
  const key = createHash('sha256').update(JSON.stringify(identity)).digest('hex').slice(0, 12)
  return join(ensureDir(join(cache, 'clusters')), `${binaries.version}-${key}.tar`)
}

// bump when the initdb arguments change, so caches made with the old ones are not reused
const initdbVersion = 1

/** Runs a PostgreSQL tool to completion as `user`, failing with the last lines it printed. */
function runAs(file: string, args: string[], options: { user: ServerUser | null; cwd: string; env: NodeJS.ProcessEnv }): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(options.user ? { uid: options.user.uid, gid: options.user.gid } : {}),
    })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.on('error', (error) => reject(new ProvisionError(`could not run ${file}: ${error.message}`, { cause: error })))
    child.on('close', (code) => {
      if (code === 0) return resolve()
      const tail = output.trim().split('\n').slice(-3).join(' | ')
      reject(new ProvisionError(`${file} failed (exit ${code}): ${tail}`))
    })
  })
}
