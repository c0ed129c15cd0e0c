// check --reversible: each migration's up, then its down, on a scratch database; a down that does not bring the
// schema back is named with what it leaves behind.
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { testServers } from '../helpers/postgres.js'
import { copyFixture } from '../helpers/project.js'
import { runAction, runCli } from '../helpers/runner.js'

const server = (await testServers()).at(-1)!

describe('check --reversible', () => {
  it('--all names a partial down, an empty one and a missing one, with what each leaves behind', async () => {
    const project = copyFixture('reversible-chain')
    const r = await runCli(['check', '--reversible', '--all', '--lint-disable', 'lock-timeout', '--shadow-database-url', server.url], { cwd: project })
    assert.equal(r.code, 1, r.stderr)
    assert.equal(r.stdout, [
      'OK: the models match the 4 migrations.',
      'Not reversible: 3 migrations of 4 checked:',
      '  - 20240602090000_add_email_and_audit has a down that does not fully undo its up (migrations/20240602090000_add_email_and_audit.down.sql)',
      '      table audit is left behind',
      '  - 20240603090000_add_joined has a down that undoes nothing (migrations/20240603090000_add_joined.ts)',
      '      table member: column joined is left behind',
      '  - 20240604090000_add_nickname has no down migration (migrations/20240604090000_add_nickname.sql)',
      '',
    ].join('\n'))
  })

  it('by default tries only what the branch adds (the newest migration without a base branch); an honest down passes', async () => {
    const project = copyFixture('reversible-chain')
    const r = await runCli(['check', '--reversible', '--lint-disable', 'lock-timeout', '--shadow-database-url', server.url], { cwd: project })
    assert.equal(r.code, 1)
    assert.match(r.stdout, /Not reversible: 1 migration of 1 checked:\n {2}- 20240604090000_add_nickname has no down migration/)
    const honest = await runCli(['check', '--reversible', '--shadow-database-url', server.url], { cwd: copyFixture('lint-chain') })
    assert.match(honest.stdout, /^Reversible: the down of each of 1 migration undoes its up\.$/m)
  })

  it('the action input fails the step, lists the migrations in an output and in the summary', async () => {
    const project = copyFixture('reversible-chain')
    const run = await runAction({ cwd: project, inputs: { command: 'check', reversible: 'true', all: 'true', 'lint-disable': 'lock-timeout', 'shadow-database-url': server.url } })
    assert.equal(run.code, 1, run.stdout)
    assert.deepEqual(JSON.parse(run.outputs.irreversible!), ['20240602090000_add_email_and_audit', '20240603090000_add_joined', '20240604090000_add_nickname'])
    assert.match(run.stdout, /^::error::3 migration\(s\) cannot be reverted cleanly/m)
    assert.match(run.summary, /- `20240603090000_add_joined` has a down that undoes nothing \(`migrations\/20240603090000_add_joined.ts`\)\n {2}- table `member`: column `joined` is left behind/)
  })
})
