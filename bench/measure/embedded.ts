// Embedded PostgreSQL start to ready: cold (empty cache: initdb) and from the cached cluster.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { cacheRoot } from '../../src/provision/cache.js'
import type { BinarySource } from '../../src/provision/binaries.js'
import { startEmbedded } from '../../src/provision/embedded.js'
import { serverUser } from '../../src/provision/server-user.js'

/** One cold and one cached start, and the server version. */
export interface EmbeddedRun {
  readonly coldMs: number
  readonly cachedMs: number
  readonly version: string
}

/**
 * Starts twice with a new empty cache (DB_MIGRATE_CACHE): the first start initialises it, the second copies from it.
 * `source` forces where binaries come from; by default the provisioning code's own order.
 */
export async function embeddedStarts(source?: BinarySource): Promise<EmbeddedRun> {
  const cache = mkdtempSync(join(tmpdir(), 'db-migrate-bench-cache-'))
  // the server runs as another user when we are root; it must reach the cache for the result to be a cold start
  chmodSync(cache, 0o755)
  const before = process.env.DB_MIGRATE_CACHE
  process.env.DB_MIGRATE_CACHE = cache
  try {
    if (cacheRoot(serverUser()) !== cache) throw new Error(`the provisioning code would not use the empty cache ${cache}`)
    const time = async () => {
      const started = performance.now()
      const server = await startEmbedded(source ? { source } : {})
      const ms = performance.now() - started
      await server.stop()
      return { ms, version: server.version }
    }
    const cold = await time()
    const cached = await time()
    return { coldMs: cold.ms, cachedMs: cached.ms, version: cold.version }
  } finally {
    if (before === undefined) delete process.env.DB_MIGRATE_CACHE
    else process.env.DB_MIGRATE_CACHE = before
    rmSync(cache, { recursive: true, force: true })
  }
}
