// alembic's read-only verbs: current, history, heads, show <rev>, as a user runs them and as the action does.
import assert from 'node:assert/strict'
import { appendFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { adminQuery, scratchDatabase, testServers } from '../helpers/postgres.js'
import { copyFixture } from '../helpers/project.js'
import { runAction, runCli } from '../helpers/runner.js'

const servers = await testServers()
const user = '20240301090000_create_user'
const post = '20240302090000_create_post'
const time = '\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\dZ'

for (const server of servers) {
  describe(`current, history, heads and show (${server.label})`, () => {
    it('read where the database stands, change nothing, and speak text and --json', async () => {
      const db = await scratchDatabase(server)
      try {
        const dir = copyFixture('e2e-blog')
        const cli = (...args: string[]) => runCli([...args, '--database-url', db.url], { cwd: dir })

        const atBase = await cli('current')
        assert.equal(atBase.code, 0, atBase.stderr)
        assert.equal(atBase.stdout, 'base (nothing applied)\n')
        assert.equal((await adminQuery(db.url, `select to_regclass('db_migrate_history') is null as untouched`)).rows[0].untouched, true)

        assert.equal((await cli('upgrade', '+1')).code, 0)
        assert.equal((await cli('current')).stdout, `${user}\n`)
        const verbose = await cli('current', '--verbose')
        assert.match(verbose.stdout, new RegExp(`^Current revision: ${user}\\nFile: +migrations/${user}\\.sql\\nApplied at: ${time}\\nDuration: +\\d+ ms\\n$`))

        const history = await cli('history', '--indicate-current')
        assert.equal(history.code, 0, history.stderr)
        assert.match(history.stdout, new RegExp(`^${post} \\(head\\) +pending\\n${user} \\(current\\) +applied ${time}\\n$`))
        assert.doesNotMatch((await cli('history')).stdout, /\(current\)/)
        assert.match((await cli('history', '-r', `${user}:${user}`)).stdout, new RegExp(`^${user} +applied ${time}\\n$`))
        assert.match((await cli('history', '--rev-range', 'current:')).stdout, new RegExp(`^${post} \\(head\\) +pending\\n${user} +applied`))
        const badRange = await cli('history', '-r', 'nonsense')
        assert.equal(badRange.code, 2)
        assert.match(badRange.stderr, /^db-migrate: --rev-range 'nonsense' is not a range: write start:end/)

        assert.equal((await cli('heads')).stdout, `${post} (head), not applied\n`)

        const shown = await cli('show', '20240301')
        assert.equal(shown.code, 0, shown.stderr)
        assert.match(shown.stdout, new RegExp([
          `^Revision: +${user} \\(current\\)`, `File: +migrations/${user}\\.sql`, `Applied: +applied at ${time} \\(\\d+ ms\\)`,
          'Checksum: +sha256 [0-9a-f]{64}', 'Changed: +no', 'Up: +yes', `Down: +migrations/${user}\\.down\\.sql\\n$`].join('\\n')))
        const module = await cli('show', 'head')
        assert.match(module.stdout, new RegExp(`^Revision: +${post} \\(head\\)\\nFile: +migrations/${post}\\.ts\\nApplied: +not applied\\n`))
        assert.match(module.stdout, /\nChanged: +—\nUp: +yes\nDown: +yes \(exports down\)\nTransaction: +yes\n$/)

        appendFileSync(join(dir, 'migrations', `${user}.sql`), '\n-- edited after it ran\n')
        const changed = await cli('show', user, '--json')
        const json = JSON.parse(changed.stdout)
        assert.equal(json.command, 'show')
        assert.equal(json.changed, true)
        assert.notEqual(json.checksum, json.appliedChecksum)
        assert.equal(json.down, true)
        assert.match((await cli('show', user)).stdout, /\nChanged: +yes: the file differs from what was applied \(sha256 [0-9a-f]{64}\)\n/)

        assert.deepEqual(JSON.parse((await cli('current', '--json')).stdout).current, user)
        assert.deepEqual(JSON.parse((await cli('heads', '--json')).stdout), { command: 'heads', head: post, file: `migrations/${post}.ts`, applied: false })
        assert.deepEqual(JSON.parse((await cli('history', '--json')).stdout).migrations.map((m: { name: string; state: string }) => [m.name, m.state]), [[post, 'pending'], [user, 'applied']])

        const unknown = await cli('show', '2099')
        assert.equal(unknown.code, 2)
        assert.match(unknown.stderr, /^db-migrate: unknown revision '2099'/)
        assert.equal((await adminQuery(db.url, 'select count(*)::int as n from db_migrate_history')).rows[0].n, 1)
      } finally {
        await db.drop()
      }
    })

    it('the action: command current, history, heads and show, with outputs and a job summary', async () => {
      const db = await scratchDatabase(server)
      try {
        const dir = copyFixture('e2e-blog')
        assert.equal((await runCli(['upgrade', '+1', '--database-url', db.url], { cwd: dir })).code, 0)
        const current = await runAction({ cwd: dir, inputs: { command: 'current', 'database-url': db.url } })
        assert.equal(current.code, 0, current.stdout)
        assert.equal(current.outputs['current-revision'], user)
        assert.match(current.summary, new RegExp(`db-migrate current: \`${user}\``))
        const history = await runAction({ cwd: dir, inputs: { command: 'history', 'database-url': db.url } })
        assert.equal(history.outputs.pending, JSON.stringify([post]))
        assert.match(history.summary, new RegExp(`\\| \`${post}\` \\(head\\) \\| pending \\| — \\|\\n\\| \`${user}\` \\*\\*\\(current\\)\\*\\* \\| applied \\|`))
        const heads = await runAction({ cwd: dir, inputs: { command: 'heads', 'database-url': db.url } })
        assert.match(heads.summary, new RegExp(`\`${post}\` \\(head\\), not applied`))
        const show = await runAction({ cwd: dir, inputs: { command: 'show', revision: user, 'database-url': db.url } })
        assert.match(show.summary, new RegExp(`\\| Down \\| \`migrations/${user}\\.down\\.sql\` \\|`))
      } finally {
        await db.drop()
      }
    })
  })
}

describe('current, history, heads and show --help', () => {
  it('list the options each reads', async () => {
    const dir = copyFixture('e2e-blog')
    assert.match((await runCli(['history', '--help'], { cwd: dir })).stdout, /^Usage: db-migrate history [^]*-i, --indicate-current[^]*-r, --rev-range <start:end>/)
    assert.match((await runCli(['current', '--help'], { cwd: dir })).stdout, /-v, --verbose/)
    assert.match((await runCli(['shwo', 'head'], { cwd: dir })).stderr, /command 'shwo' is unknown: did you mean show\?/)
  })
})
