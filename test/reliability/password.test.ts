// A wrong password, against a server that checks it: an embedded server of this file's own whose pg_hba.conf asks
// role `app` for a scram-sha-256 password over TCP. The right password works, so the failures are the password's.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { startEmbedded, type EmbeddedServer } from '../../src/provision/embedded.js'
import { adminQuery } from '../helpers/postgres.js'
import { runAction, runCli } from '../helpers/runner.js'
import { annotations, assertHidden, oneErrorLine, snapshot } from './support.js'
import { project } from '../helpers/project.js'

const right = 'R1ght-Pa55word'
const wrong = 'Wr0ng-Pa55word'

describe('a wrong password', () => {
  let server: EmbeddedServer
  let url: (password: string) => string
  let adminUrl: string

  before(async () => {
    server = await startEmbedded()
    await adminQuery(server.url, `CREATE ROLE app LOGIN PASSWORD '${right}'`)
    await adminQuery(server.url, 'CREATE DATABASE app OWNER app')
    // COPY writes the file as the server: app must authenticate, the superuser stays trusted
    const file = (await adminQuery(server.url, `SELECT current_setting('hba_file') AS file`)).rows[0].file as string
    const hba = ['local all all trust', 'host all app 127.0.0.1/32 scram-sha-256', 'host all all 127.0.0.1/32 trust']
    await adminQuery(server.url, `COPY (SELECT unnest(ARRAY[${hba.map((line) => `'${line}'`).join(', ')}])) TO '${file.replace(/'/g, "''")}'`)
    await adminQuery(server.url, 'SELECT pg_reload_conf()')
    url = (password) => `postgresql://app:${password}@127.0.0.1:${server.port}/app`
    adminUrl = server.url.replace(/\/postgres$/, '/app')
  })
  after(async () => {
    await server?.stop()
  })

  it('the CLI says authentication failed in one line, exits 2, shows neither password, and changes nothing', async () => {
    const p = project('reliability-chain')
    const before = await snapshot(adminUrl)
    for (const env of [{ DATABASE_URL: url(wrong) }, { DB_HOST: '127.0.0.1', DB_PORT: String(server.port), DB_NAME: 'app', DB_USER: 'app', DB_PASS: wrong }]) {
      const started = Date.now()
      const run = await runCli(['upgrade', '--connect-timeout', '20s'], { cwd: p.dir, env })
      assert.equal(run.code, 2, run.stdout + run.stderr)
      assert.match(oneErrorLine(run.stderr), /^db-migrate: authentication failed for postgresql:\/\/app:\*\*\*@127\.0\.0\.1:\d+\/app: check the user and password/)
      assert.ok(Date.now() - started < 15_000, 'a wrong password fails at once, without waiting out the connect timeout')
      assertHidden(wrong, run.stdout, run.stderr)
    }
    assert.deepEqual(await snapshot(adminUrl), before)

    const ok = await runCli(['upgrade', '+1'], { cwd: p.dir, env: { DATABASE_URL: url(right) } })
    assert.equal(ok.code, 0, ok.stderr)
    assertHidden(right, ok.stdout, ok.stderr)
  })

  it('no password for a role that needs one: the same advice as a wrong password, in one line', async () => {
    const p = project('reliability-chain')
    for (const env of [{ DATABASE_URL: `postgresql://app@127.0.0.1:${server.port}/app` }, { DB_HOST: '127.0.0.1', DB_PORT: String(server.port), DB_NAME: 'app', DB_USER: 'app' }]) {
      const run = await runCli(['upgrade', '--connect-timeout', '20s'], { cwd: p.dir, env })
      assert.equal(run.code, 2, run.stdout + run.stderr)
      assert.match(oneErrorLine(run.stderr), /^db-migrate: authentication failed for postgresql:\/\/app@127\.0\.0\.1:\d+\/app: check the user and password \(DATABASE_URL or DB_USER\/DB_PASS\)/)
    }
  })

  it('the action fails with an annotation, and the password is in no output, summary or log', async () => {
    const p = project('reliability-chain')
    const run = await runAction({ cwd: p.dir, inputs: { command: 'status', 'database-url': url(wrong) } })
    assert.equal(run.code, 1)
    assert.match(annotations(run.stdout).join('\n'), /authentication failed for postgresql:\/\/app:\*\*\*@/)
    assertHidden(wrong, run.everything)
  })
})
