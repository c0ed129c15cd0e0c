// The CLI as a user runs it: dist/cli.js in a process, in a project directory.
import assert from 'node:assert/strict'
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { after, describe, it } from 'node:test'
import { scratchDatabase, testServers } from '../helpers/postgres.js'
import { copyFixture, withPassword } from '../helpers/project.js'
import { root, runCli } from '../helpers/runner.js'

const servers = await testServers()

describe('cli on the demo', () => {
  it('npm run demo: migrates the demo on an embedded PostgreSQL and checks the models', async () => {
    const upgrade = await runCli(['upgrade', 'head', '--embedded'], { cwd: root })
    assert.equal(upgrade.code, 0, upgrade.stderr)
    assert.match(upgrade.stdout, /^Applied 2 migrations:\n {2}20240101000000_create_user +\d+ ms\n {2}20240102000000_create_post +\d+ ms\nCurrent revision: 20240102000000_create_post\n$/)
    assert.match(upgrade.stderr, /running on a throwaway PostgreSQL [\d.]+ started on 127\.0\.0\.1:\d+ \(asked for with embedded\), not on a deployed database; stopped on exit/)
    const check = await runCli(['check'], { cwd: root })
    assert.equal(check.code, 0, check.stderr)
    assert.equal(check.stdout, 'OK: the models match the 2 migrations.\n')
  })

  it('prints usage, its version, and one line for an unknown option', async () => {
    const help = await runCli(['--help'], { cwd: root })
    assert.equal(help.code, 0)
    assert.match(help.stdout, /Usage: db-migrate <command>/)
    const stampHelp = await runCli(['stamp', '--help'], { cwd: root })
    assert.equal(stampHelp.code, 0)
    assert.match(stampHelp.stdout, /^Usage: db-migrate stamp <revision> .*\n\nOptions:\n/)
    const version = await runCli(['--version'], { cwd: root })
    assert.equal(version.stdout.trim(), JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version)
    const bad = await runCli(['upgrade', '--bogus'], { cwd: root })
    assert.equal(bad.code, 2)
    assert.equal(bad.stderr, 'db-migrate: unknown option --bogus: run db-migrate --help for the list\n')
    const typo = await runCli(['upgrade', '--dry-rn'], { cwd: root })
    assert.equal(typo.stderr, 'db-migrate: unknown option --dry-rn: did you mean --dry-run? run db-migrate --help for the list\n')
    const command = await runCli(['upgarde', '--embedded'], { cwd: root })
    assert.equal(command.code, 2)
    assert.match(command.stderr, /^db-migrate: command 'upgarde' is unknown: did you mean upgrade\? use one of /)
  })
})

for (const server of servers) {
  describe(`cli on a given database (${server.label})`, () => {
    it('upgrade +1, status --json, upgrade, downgrade base, with the password shown nowhere', async () => {
      const project = copyFixture('e2e-blog')
      const db = await scratchDatabase(server, 'cli')
      after(() => db.drop())
      const password = 'Cl1-S3cret-Pw'
      const env = { DATABASE_URL: withPassword(db.url, password) }
      const outputs: string[] = []
      const cli = async (...args: string[]) => {
        const r = await runCli(args, { cwd: project, env })
        outputs.push(r.stdout, r.stderr)
        return r
      }

      assert.equal((await cli('upgrade', '+1')).code, 0)
      const status = await cli('status', '--json')
      assert.equal(status.code, 0, status.stderr)
      const json = JSON.parse(status.stdout)
      assert.equal(json.current, '20240301090000_create_user')
      assert.deepEqual(json.pending, ['20240302090000_create_post'])
      assert.equal(json.applied.length, 1)
      assert.ok(!Number.isNaN(Date.parse(json.applied[0].appliedAt)))

      const up = await cli('upgrade')
      assert.match(up.stdout, /Applied 1 migration:\n {2}20240302090000_create_post/)
      const text = await cli('status')
      assert.match(text.stdout, /Current revision: 20240302090000_create_post \(head\)/)
      assert.match(text.stdout, /Pending: none/)

      const down = await cli('downgrade', 'base')
      assert.equal(down.code, 0, down.stderr)
      assert.match(down.stdout, /Reverted 2 migrations:\n {2}20240302090000_create_post.*\n {2}20240301090000_create_user/)
      assert.match(down.stdout, /Current revision: base/)

      const upJson = await cli('upgrade', '--json')
      assert.equal(JSON.parse(upJson.stdout).current, '20240302090000_create_post')
      for (const text of outputs) {
        assert.ok(!text.includes(password) && !text.includes(encodeURIComponent(password)), `password shown in: ${text}`)
      }
    })

    it('DB_HOST, DB_PORT, DB_NAME, DB_USER and DB_PASS from .env, the real environment winning', async () => {
      const project = copyFixture('e2e-blog')
      const db = await scratchDatabase(server, 'cli')
      after(() => db.drop())
      const url = new URL(db.url)
      const { writeFileSync } = await import('node:fs')
      writeFileSync(join(project, '.env'), `DB_HOST=${url.hostname}\nDB_PORT=${url.port || 5432}\nDB_NAME=wrong_database\nDB_USER=${url.username || 'postgres'}\nDB_PASS=Env-S3cret\n`)
      const run = await runCli(['upgrade'], { cwd: project, env: { DB_NAME: db.name } })
      assert.equal(run.code, 0, run.stderr)
      assert.match(run.stdout, /Applied 2 migrations/)
      assert.ok(!(run.stdout + run.stderr).includes('Env-S3cret'))
    })
  })
}

describe('cli project commands', () => {
  it('init scaffolds a project that checks clean, and never overwrites', async () => {
    const project = copyFixture('e2e-blog')
    rmSync(join(project, 'migrations'), { recursive: true })
    rmSync(join(project, 'src'), { recursive: true })
    const first = await runCli(['init'], { cwd: project })
    assert.equal(first.code, 0, first.stderr)
    for (const file of ['src/models.ts', '.env.example', 'docker-compose.yml', '.github/workflows/db-migrate.yml']) {
      assert.ok(existsSync(join(project, file)), `${file} scaffolded`)
      assert.match(first.stdout, new RegExp(`created ${file.replace(/\./g, '\\.')}`))
    }
    assert.equal(readdirSync(join(project, 'migrations')).filter((f) => f.endsWith('.sql')).length, 2)
    const check = await runCli(['check'], { cwd: project })
    assert.equal(check.code, 0, check.stdout + check.stderr)

    const again = await runCli(['init'], { cwd: project })
    assert.equal(again.code, 0)
    assert.doesNotMatch(again.stdout, /created/)
    assert.match(again.stdout, /kept {4}src\/models\.ts \(exists\)/)
  })

  it('revision -m names the new migration with a UTC timestamp and the message', async () => {
    const project = copyFixture('e2e-blog')
    const run = await runCli(['revision', '-m', 'Add e-mail to users!'], { cwd: project })
    assert.equal(run.code, 0, run.stderr)
    const made = readdirSync(join(project, 'migrations')).filter((f) => /add_e_mail_to_users/.test(f)).sort()
    assert.equal(made.length, 2)
    assert.match(made[0]!, /^\d{14}_add_e_mail_to_users\.down\.sql$/)
    assert.match(made[1]!, /^\d{14}_add_e_mail_to_users\.sql$/)
  })

  it('check on drift exits 1 and prints the differences and the SQL', async () => {
    const project = copyFixture('e2e-blog')
    rmSync(join(project, 'migrations', '20240302090000_create_post.ts'))
    const run = await runCli(['check'], { cwd: project })
    assert.equal(run.code, 1, run.stderr)
    assert.match(run.stdout, /Drift: the models differ from the 1 migration:/)
    assert.match(run.stdout, /table post is in the models but no migration creates it/)
    assert.match(run.stdout, /CREATE TABLE post \(/)
  })
})
