// pr-comment: one pull-request comment carrying the report, updated in place on the next push, through a local
// HTTP server that answers as GitHub's REST API does. No token or no pull request: a notice, never a failure.
import assert from 'node:assert/strict'
import { createServer, type IncomingMessage } from 'node:http'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, describe, it } from 'node:test'
import { testServers } from '../helpers/postgres.js'
import { copyFixture } from '../helpers/project.js'
import { runAction } from '../helpers/runner.js'

const server = (await testServers()).at(-1)!

interface Comment { id: number; body: string }
const comments: Comment[] = [{ id: 1, body: 'Looks good to me' }]
const requests: { method: string; url: string; auth: string | undefined }[] = []
let failWith: number | undefined

const read = (req: IncomingMessage) => new Promise<string>((resolve) => {
  let text = ''
  req.on('data', (d) => (text += d))
  req.on('end', () => resolve(text))
})

const api = createServer(async (req, res) => {
  requests.push({ method: req.method!, url: req.url!, auth: req.headers.authorization })
  const body = await read(req)
  const send = (status: number, value: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' })
    res.end(JSON.stringify(value))
  }
  if (failWith) return send(failWith, { message: 'Server Error' })
  if (req.headers.authorization !== 'Bearer ghs_test_token') return send(401, { message: 'Bad credentials' })
  const url = new URL(req.url!, 'http://x')
  if (req.method === 'GET' && url.pathname === '/repos/acme/shop/issues/42/comments') return send(200, comments)
  if (req.method === 'POST' && url.pathname === '/repos/acme/shop/issues/42/comments') {
    const comment = { id: 100 + comments.length, body: JSON.parse(body).body }
    comments.push(comment)
    return send(201, comment)
  }
  const patch = /^\/repos\/acme\/shop\/issues\/comments\/(\d+)$/.exec(url.pathname)
  if (req.method === 'PATCH' && patch) {
    const comment = comments.find((c) => c.id === Number(patch[1]))
    if (!comment) return send(404, { message: 'Not Found' })
    comment.body = JSON.parse(body).body
    return send(200, comment)
  }
  send(404, { message: 'Not Found' })
})
await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve))
after(() => api.close())
const address = api.address() as { port: number }

const eventDir = mkdtempSync(join(tmpdir(), 'db-migrate-event-'))
const prEvent = join(eventDir, 'pull_request.json')
writeFileSync(prEvent, JSON.stringify({ pull_request: { number: 42 } }))
const pushEvent = join(eventDir, 'push.json')
writeFileSync(pushEvent, JSON.stringify({ ref: 'refs/heads/main' }))

const env = (event: string) => ({ GITHUB_API_URL: `http://127.0.0.1:${address.port}`, GITHUB_REPOSITORY: 'acme/shop', GITHUB_EVENT_PATH: event })
const inputs = { command: 'check', all: 'true', 'pr-comment': 'true', 'github-token': 'ghs_test_token', 'shadow-database-url': server.url }

describe('pr-comment', () => {
  it('posts the report once, then updates the same comment on the next push', async () => {
    const project = copyFixture('lint-chain')
    const first = await runAction({ cwd: project, inputs, env: env(prEvent) })
    assert.equal(first.code, 1, first.stdout)
    assert.match(first.stdout, /pr-comment: posted the report to pull request #42/)
    const ours = comments.filter((c) => c.body.startsWith('<!-- db-migrate report -->'))
    assert.equal(ours.length, 1)
    assert.equal(ours[0]!.body, `<!-- db-migrate report -->\n${first.summary.trimEnd()}`)
    // the models match, but a lint error fails the step: the title says so
    assert.match(ours[0]!.body, /### ❌ db-migrate check\nThe models match the 2 migrations/)
    assert.match(ours[0]!.body, /\| error \| `column-type-change` \| `migrations\/20240402090000_widen_account\.sql:5` \|/)
    assert.doesNotMatch(first.everything, /ghs_test_token/)

    // the next push fixes the migration: the same comment now says so
    writeFileSync(join(project, 'migrations', '20240402090000_widen_account.sql'), "-- db-migrate: allow drop-column, column-type-change, rename\nSET lock_timeout = '5s';\nALTER TABLE account DROP COLUMN nickname;\nALTER TABLE account ALTER COLUMN id TYPE bigint;\nALTER TABLE account RENAME COLUMN email TO mail;\n")
    const second = await runAction({ cwd: project, inputs, env: env(prEvent) })
    assert.equal(second.code, 0, second.stdout)
    assert.match(second.stdout, /pr-comment: updated the report on pull request #42/)
    const now = comments.filter((c) => c.body.startsWith('<!-- db-migrate report -->'))
    assert.equal(now.length, 1)
    assert.equal(now[0]!.id, ours[0]!.id)
    assert.match(now[0]!.body, /✅ Lint: 0 errors, 0 warnings/)
    assert.equal(comments[0]!.body, 'Looks good to me')
    assert.deepEqual(requests.filter((r) => r.method !== 'GET').map((r) => r.method), ['POST', 'PATCH'])

    // a push whose migrations do not apply: the same comment says what failed
    writeFileSync(join(project, 'migrations', '20240403090000_broken.sql'), 'ALTER TABLE nowhere ADD COLUMN x int;\n')
    const third = await runAction({ cwd: project, inputs, env: env(prEvent) })
    assert.equal(third.code, 1)
    const failed = comments.filter((c) => c.body.startsWith('<!-- db-migrate report -->'))
    assert.equal(failed.length, 1)
    assert.match(failed[0]!.body, /### ❌ db-migrate check failed\n\n.*relation "nowhere" does not exist/)
  })

  it('no token, no pull request, or an API that fails: a notice or a warning, and the step passes', async () => {
    const project = copyFixture('e2e-blog')
    const quiet = { ...inputs, all: 'false' }
    const noToken = await runAction({ cwd: project, inputs: { ...quiet, 'github-token': '' }, env: env(prEvent) })
    assert.equal(noToken.code, 0, noToken.stdout)
    assert.match(noToken.stdout, /^::notice::pr-comment: no token/m)
    const push = await runAction({ cwd: project, inputs: quiet, env: env(pushEvent) })
    assert.equal(push.code, 0, push.stdout)
    assert.match(push.stdout, /^::notice::pr-comment: this run is not for a pull request/m)
    failWith = 500
    after(() => { failWith = undefined })
    const broken = await runAction({ cwd: project, inputs: quiet, env: env(prEvent) })
    assert.equal(broken.code, 0, broken.stdout)
    assert.match(broken.stdout, /^::warning::pr-comment: could not comment on pull request #42: GET .* HTTP 500/m)
  })
})
