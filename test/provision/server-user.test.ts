import assert from 'node:assert/strict'
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, describe, it } from 'node:test'
import { cacheRoot, runParent } from '../../src/provision/cache.js'
import { canReach, serverUser, type ServerUser } from '../../src/provision/server-user.js'

const work = mkdtempSync(join(tmpdir(), 'db-migrate-user-'))
chmodSync(work, 0o755)
after(() => rmSync(work, { recursive: true, force: true }))
const stranger: ServerUser = { name: 'stranger', uid: 54321, gid: 54321 }

describe('server user', () => {
  it('picks postgres from the passwd file when root, else nobody', (t) => {
    if (process.getuid?.() !== 0) {
      assert.equal(serverUser(), null)
      return t.skip('not running as root: the server runs as us')
    }
    const passwd = join(work, 'passwd')
    writeFileSync(passwd, 'root:x:0:0::/root:/bin/sh\nnobody:x:65534:65534::/:/bin/false\npostgres:x:101:104::/var/lib/postgresql:/bin/sh\n')
    assert.deepEqual(serverUser(passwd), { name: 'postgres', uid: 101, gid: 104 })
    writeFileSync(passwd, 'root:x:0:0::/root:/bin/sh\nnobody:x:65534:65533::/:/bin/false\n')
    assert.deepEqual(serverUser(passwd), { name: 'nobody', uid: 65534, gid: 65533 })
  })

  it('tells whether another account can reach a path', () => {
    const open = join(work, 'open')
    const closed = join(work, 'closed')
    mkdirSync(join(open, 'bin'), { recursive: true, mode: 0o755 })
    mkdirSync(join(closed, 'bin'), { recursive: true })
    chmodSync(closed, 0o700)
    writeFileSync(join(open, 'bin', 'postgres'), '')
    chmodSync(join(open, 'bin', 'postgres'), 0o755)
    assert.equal(canReach(join(open, 'bin', 'postgres'), stranger), true)
    assert.equal(canReach(join(open, 'not-yet', 'made'), stranger), true)
    assert.equal(canReach(join(closed, 'bin'), stranger), false)
    assert.equal(canReach(join(closed, 'bin'), null), true)
    chmodSync(join(open, 'bin', 'postgres'), 0o700)
    assert.equal(canReach(join(open, 'bin', 'postgres'), stranger), false)
    assert.equal(canReach(join(open, 'bin', 'postgres'), { ...stranger, uid: process.getuid?.() ?? 0 }), true)
  })

  it('keeps the cache where the server account can reach it', () => {
    const closed = join(work, 'home')
    mkdirSync(closed, { mode: 0o700 })
    chmodSync(closed, 0o700)
    assert.equal(cacheRoot(null, { DB_MIGRATE_CACHE: join(closed, 'cache') }), join(closed, 'cache'))
    assert.equal(cacheRoot(stranger, { XDG_CACHE_HOME: join(work, 'xdg') }), join(work, 'xdg', 'db-migrate'))
    assert.equal(cacheRoot(null, { RUNNER_TOOL_CACHE: '/opt/hostedtoolcache' }), join('/opt/hostedtoolcache', 'db-migrate'))
    const fallback = cacheRoot(stranger, { XDG_CACHE_HOME: closed })
    assert.notEqual(fallback, join(closed, 'db-migrate'))
    assert.equal(canReach(fallback, stranger), true)
  })

  it('puts run directories where DB_MIGRATE_TMPDIR says', () => {
    assert.equal(runParent({ DB_MIGRATE_TMPDIR: work }), work)
    assert.ok([tmpdir(), '/dev/shm'].includes(runParent({})))
  })
})
