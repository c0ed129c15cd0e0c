// check's cached cluster: kept between runs, held by one run at a time, started again after a killed run, and
// started afresh (with a warning) when what the cache holds is not a usable cluster.
import assert from 'node:assert/strict'
import { spawn, spawnSync } from 'node:child_process'
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, describe, it } from 'node:test'
import { startCheckCluster } from '../../src/provision/check-cluster.js'
import { adminQuery } from '../helpers/postgres.js'

const root = mkdtempSync(join(tmpdir(), 'db-migrate-check-cache-'))
// as root, the server runs as another account, which must reach the cache
chmodSync(root, 0o755)
after(() => rmSync(root, { recursive: true, force: true }))

function start(dir = root) {
  const infos: string[] = []
  const warnings: string[] = []
  return startCheckCluster({ root: dir, cwd: process.cwd(), log: (m) => infos.push(m), warn: (m) => warnings.push(m) }).then((server) => ({ server, infos, warnings }))
}

const clusterDir = () => join(root, readdirSync(root).find((n) => n.startsWith('pg'))!)
const databases = async (url: string) => (await adminQuery(url, 'SELECT datname FROM pg_database')).rows.map((r) => r.datname as string)

describe("check's cached cluster", () => {
  it('keeps its databases from one run to the next, and holds a lock only while it runs', async () => {
    const first = await start()
    assert.ok(first.server)
    await adminQuery(first.server.url, 'CREATE DATABASE kept_between_runs')
    assert.ok(existsSync(join(clusterDir(), 'lock')))
    await first.server.stop()
    assert.ok(!existsSync(join(clusterDir(), 'lock')))
    const second = await start()
    assert.ok(second.server)
    try {
      assert.ok((await databases(second.server.url)).includes('kept_between_runs'))
      assert.deepEqual(second.warnings, [])
    } finally {
      await second.server.stop()
    }
  })

  it('gives way to a live run that holds the lock, and takes over the lock of a run that is gone', async () => {
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' })
    try {
      writeFileSync(join(clusterDir(), 'lock'), String(holder.pid))
      const busy = await start()
      assert.equal(busy.server, null)
      assert.match(busy.infos.join('\n'), /another check holds the check cache .*: replaying on a throwaway server/)
    } finally {
      holder.kill()
    }
    const dead = spawnSync(process.execPath, ['-e', '']).pid
    writeFileSync(join(clusterDir(), 'lock'), String(dead))
    const taken = await start()
    assert.ok(taken.server)
    await taken.server.stop()
  })

  it('starts after a killed run left its postmaster.pid behind, naming a dead or a foreign process', async () => {
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' })
    try {
      for (const pid of [spawnSync(process.execPath, ['-e', '']).pid, other.pid!]) {
        writeFileSync(join(clusterDir(), 'data', 'postmaster.pid'), `${pid}\n${join(clusterDir(), 'data')}\n`)
        const run = await start()
        assert.ok(run.server, `postmaster.pid naming ${pid}: ${run.warnings.join(" | ")}`)
        try {
          assert.ok((await databases(run.server.url)).includes('kept_between_runs'))
        } finally {
          await run.server.stop()
        }
      }
    } finally {
      other.kill()
    }
  })

  it('starts afresh, with a warning, from a cache that does not hold a usable cluster', async () => {
    writeFileSync(join(clusterDir(), 'data', 'global', 'pg_control'), 'not a control file')
    const run = await start()
    assert.ok(run.server, run.warnings.join(' | '))
    try {
      assert.match(run.warnings.join('\n'), /the check cache .* is unreadable .*: starting it afresh, so every migration is replayed/)
      assert.ok(!(await databases(run.server.url)).includes('kept_between_runs'))
    } finally {
      await run.server.stop()
    }
  })

  it("is not used, with a warning and nothing removed, where the server's account cannot reach it", { skip: process.getuid?.() !== 0 && 'only as root does the server run as another account' }, async () => {
    chmodSync(root, 0o700)
    try {
      const run = await start()
      assert.equal(run.server, null)
      assert.match(run.warnings.join('\n'), /the check cache .* cannot be used: \w+, the account the server runs as when we are root, cannot reach it/)
      assert.ok(existsSync(join(clusterDir(), 'data', 'PG_VERSION')))
    } finally {
      chmodSync(root, 0o755)
    }
  })

  it('is not used, with a warning, where the cache directory cannot be made', async () => {
    const file = join(root, 'a-file')
    writeFileSync(file, '')
    const run = await start(join(file, 'check'))
    assert.equal(run.server, null)
    assert.match(run.warnings.join('\n'), /the check cache .* cannot be used .*: replaying every migration on a throwaway server/)
  })
})
