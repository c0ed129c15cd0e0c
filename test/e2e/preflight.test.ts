// A command that cannot succeed fails before it starts a server: one line, and no PostgreSQL started for nothing.
import assert from 'node:assert/strict'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, describe, it } from 'node:test'
import { copyFixture } from '../helpers/project.js'
import { runAction, runCli } from '../helpers/runner.js'

const missing = 'migrations folder migrations does not exist: create it with `db-migrate init` or set migrations to the right folder'

describe('commands that cannot succeed', () => {
  it('fail in one line before starting an embedded server', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'db-migrate-preflight-'))
    after(() => rmSync(empty, { recursive: true, force: true }))
    const blog = copyFixture('e2e-blog')
    const withEmptyFolder = mkdtempSync(join(tmpdir(), 'db-migrate-preflight-'))
    after(() => rmSync(withEmptyFolder, { recursive: true, force: true }))
    mkdirSync(join(withEmptyFolder, 'migrations'))
    for (const [cwd, args, message] of [
      [empty, ['upgrade', '--embedded'], missing],
      [empty, ['status', '--embedded'], missing],
      [empty, ['history', '--embedded'], missing],
      [empty, ['check'], missing],
      [withEmptyFolder, ['upgrade', '--embedded'], 'migrations folder migrations has no migrations (NAME.sql, NAME.ts or NAME.js): check the migrations setting, or write one with db-migrate revision -m "..."'],
      [blog, ['downgrade', '--embedded'], 'downgrade needs a revision: a migration name or prefix, -1 for one step, or base to revert everything'],
      [blog, ['show', '--embedded'], 'show needs a revision: a migration name or a unique prefix of one, head or current'],
      [blog, ['stamp', '--embedded'], 'stamp needs a revision: head, a migration name or a unique prefix of one, or +N'],
    ] as const) {
      const run = await runCli([...args], { cwd })
      assert.equal(run.code, 2, `${args.join(' ')}: ${run.stderr}`)
      assert.equal(run.stderr, `db-migrate: ${message}\n`, args.join(' '))
    }
  })

  it('the action: the error, and no database-url, no server state for the post step', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'db-migrate-preflight-'))
    after(() => rmSync(empty, { recursive: true, force: true }))
    const run = await runAction({ cwd: empty, inputs: { command: 'upgrade', 'database-url': 'embedded' } })
    assert.equal(run.code, 1)
    assert.match(run.stdout, /::error::migrations folder migrations does not exist/)
    assert.doesNotMatch(run.stdout, /throwaway PostgreSQL|started PostgreSQL/)
    assert.equal(run.outputs['database-url'], undefined)
  })
})
