import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { chmodSync, chownSync, existsSync, truncateSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { startEmbedded, stopEmbedded, type EmbeddedState } from '../../src/provision/embedded.js'
import { cacheRoot, ensureDir } from '../../src/provision/cache.js'
import { serverUser } from '../../src/provision/server-user.js'

const starter = fileURLToPath(new URL('./fixtures/start-server.ts', import.meta.url))

function running(pid: number): boolean {
  try {
    process.kill(pid, 0)
  } catch {
    return false
  }
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'))
  } catch {
    return true
  }
}

async function eventually(check: () => boolean, ms = 5000): Promise<boolean> {
  const deadline = Date.now() + ms
  while (!check()) {
    if (Date.now() > deadline) return false
    await new Promise((r) => setTimeout(r, 20))
  }
  return true
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T> {
  const client = new pg.Client(url)
  await client.connect()
  try {
    return (await client.query<T>(sql)).rows[0]!
  } finally {
    await client.end()
  }
}

/** Runs the starter fixture in a process of its own; resolves with the state it printed and the process. */
function startInChild(mode: 'detached' | 'attached', after: 'exit' | 'wait', as?: { uid: number; gid: number; env: NodeJS.ProcessEnv }) {
  const child = spawn(process.execPath, ['--import', 'tsx', starter, mode, after], {
    stdio: ['ignore', 'pipe', 'inherit'],
    ...(as ? { uid: as.uid, gid: as.gid, env: { ...process.env, ...as.env } } : {}),
  })
  const state = new Promise<EmbeddedState>((resolve, reject) => {
    let out = ''
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      if (out.includes('\n')) resolve(JSON.parse(out.split('\n')[0]!) as EmbeddedState)
    })
    child.on('exit', (code) => reject(new Error(`starter exited with ${code} before printing its state`)))
  })
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  return { child, state, exited }
}

describe('embedded server', () => {
  it('serves the postgres superuser on 127.0.0.1 with scratch settings', async () => {
    const server = await startEmbedded()
    try {
      assert.equal(server.url, `postgresql://postgres@127.0.0.1:${server.port}/postgres`)
      const row = await query<Record<string, string>>(server.url, `SELECT current_user AS who, current_setting('fsync') AS fsync,
        current_setting('synchronous_commit') AS sync, current_setting('full_page_writes') AS fpw,
        current_setting('max_connections') AS conns, current_setting('listen_addresses') AS listen,
        current_setting('server_encoding') AS encoding`)
      assert.deepEqual(row, { who: 'postgres', fsync: 'off', sync: 'off', fpw: 'off', conns: '100', listen: '127.0.0.1', encoding: 'UTF8' })
    } finally {
      await server.stop()
    }
  })

  it('takes twenty clients at once', async () => {
    const server = await startEmbedded()
    try {
      const clients = Array.from({ length: 20 }, () => new pg.Client(server.url))
      await Promise.all(clients.map((c) => c.connect()))
      const counts = await Promise.all(clients.map((c) => c.query('SELECT 1')))
      assert.equal(counts.length, 20)
      await Promise.all(clients.map((c) => c.end()))
    } finally {
      await server.stop()
    }
  })

  it('runs two servers side by side on different ports', async () => {
    const [a, b] = await Promise.all([startEmbedded(), startEmbedded()])
    try {
      assert.notEqual(a.port, b.port)
      assert.notEqual(a.state.dataDir, b.state.dataDir)
      await query(a.url, 'CREATE TABLE only_in_a (id int)')
      assert.equal((await query<{ n: number }>(b.url, `SELECT count(*)::int AS n FROM pg_tables WHERE tablename = 'only_in_a'`)).n, 0)
    } finally {
      await Promise.all([a.stop(), b.stop()])
    }
  })

  it('initialises a cluster once per cache, and again if the cached one is damaged', async (t) => {
    const cache = mkdtempSync(join(ensureDir(cacheRoot(serverUser())), 'test-'))
    chmodSync(cache, 0o755)
    process.env.DB_MIGRATE_CACHE = cache
    t.after(() => {
      delete process.env.DB_MIGRATE_CACHE
      rmSync(cache, { recursive: true, force: true })
    })
    const startLogged = async () => {
      const messages: string[] = []
      const server = await startEmbedded({ log: (m) => messages.push(m) })
      assert.equal((await query<{ one: number }>(server.url, 'SELECT 1 AS one')).one, 1)
      await server.stop()
      return messages.join('\n')
    }
    assert.match(await startLogged(), /initialising a PostgreSQL/)
    assert.doesNotMatch(await startLogged(), /initialising/)
    const [archive] = readdirSync(join(cache, 'clusters')).filter((f) => f.endsWith('.tar'))
    const path = join(cache, 'clusters', archive!)
    const size = statSync(path).size
    truncateSync(path, 5000)
    assert.match(await startLogged(), /is unreadable .* initialising a new one/)
    assert.equal(statSync(path).size, size)
  })

  it('stop() ends the server and removes its directory', async () => {
    const server = await startEmbedded()
    const { pid, runDir } = server.state
    assert.ok(running(pid) && existsSync(runDir))
    await server.stop()
    assert.equal(running(pid), false)
    assert.equal(existsSync(runDir), false)
    await server.stop()
    await assert.rejects(query(server.url, 'SELECT 1'), /ECONNREFUSED/)
  })

  it('runs the server as an unprivileged user when we are root', async (t) => {
    const user = serverUser()
    if (!user) return t.skip('not running as root')
    const server = await startEmbedded()
    try {
      const uid = /^Uid:\s+(\d+)/m.exec(readFileSync(`/proc/${server.state.pid}/status`, 'utf8'))?.[1]
      assert.equal(Number(uid), user.uid)
      assert.equal(statSync(server.state.dataDir).uid, user.uid)
      assert.equal(statSync(server.state.dataDir).mode & 0o777, 0o700)
    } finally {
      await server.stop()
    }
  })

  it('starts as an ordinary user too, caching in its own XDG_CACHE_HOME', async (t) => {
    const user = serverUser()
    if (!user) return t.skip('not root: this whole file already runs as an ordinary user')
    const home = mkdtempSync(join(tmpdir(), 'db-migrate-home-'))
    chownSync(home, user.uid, user.gid)
    t.after(() => rmSync(home, { recursive: true, force: true }))
    const env = { HOME: home, XDG_CACHE_HOME: join(home, 'cache'), DB_MIGRATE_CACHE: '' }
    const { child, state, exited } = startInChild('attached', 'wait', { uid: user.uid, gid: user.gid, env })
    const started = await state
    try {
      const uid = /^Uid:\s+(\d+)/m.exec(readFileSync(`/proc/${started.pid}/status`, 'utf8'))?.[1]
      assert.equal(Number(uid), user.uid)
      assert.equal((await query<{ one: number }>(started.url, 'SELECT 1 AS one')).one, 1)
      assert.equal(readdirSync(join(home, 'cache', 'db-migrate', 'clusters')).filter((f) => f.endsWith('.tar')).length, 1)
    } finally {
      child.kill('SIGTERM')
      await exited
    }
    assert.ok(await eventually(() => !running(started.pid)), 'server stopped with its process')
    assert.equal(existsSync(started.runDir), false)
  })

  it('a detached server outlives the process that started it and stops from another one', async () => {
    const { state, exited } = startInChild('detached', 'exit')
    const started = await state
    assert.equal(await exited, 0)
    assert.ok(running(started.pid), 'server still running after its parent exited')
    assert.equal((await query<{ one: number }>(started.url, 'SELECT 1 AS one')).one, 1)
    await stopEmbedded(JSON.parse(JSON.stringify(started)) as EmbeddedState)
    assert.equal(running(started.pid), false)
    assert.equal(existsSync(started.runDir), false)
  })

  it('an attached server dies with the process that started it', async () => {
    const { state, exited } = startInChild('attached', 'exit')
    const started = await state
    await exited
    assert.ok(await eventually(() => !running(started.pid)), 'server stopped when its parent exited')
    assert.equal(existsSync(started.runDir), false)
  })

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`an attached server stops when its process gets ${signal}`, async () => {
      const { child, state, exited } = startInChild('attached', 'wait')
      const started = await state
      child.kill(signal)
      await exited
      assert.ok(await eventually(() => !running(started.pid)), `server stopped after ${signal}`)
      assert.equal(existsSync(started.runDir), false)
    })
  }

  it('stopEmbedded leaves alone a process that is not the recorded server', async () => {
    const server = await startEmbedded()
    try {
      await stopEmbedded({ ...server.state, pid: process.pid, runDir: `${server.state.runDir}-missing` })
      assert.ok(running(server.state.pid))
      assert.equal((await query<{ one: number }>(server.url, 'SELECT 1 AS one')).one, 1)
    } finally {
      await server.stop()
    }
  })
})
