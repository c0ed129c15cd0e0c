// The built action as a GitHub runner runs it: dist/index.js under Node 24, INPUT_* variables, command files.
import assert from 'node:assert/strict'
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { after, describe, it } from 'node:test'
import pg from 'pg'
import { adminQuery, scratchDatabase, testServers } from '../helpers/postgres.js'
import { copyFixture, withPassword } from '../helpers/project.js'
import { runAction, runCli } from '../helpers/runner.js'

const password = 'Act1on-S3cret-Pw'
const servers = await testServers()

for (const server of servers) {
  describe(`action on a given database (${server.label})`, () => {
    it('upgrades to head: outputs, job summary with durations, password nowhere', async () => {
      const project = copyFixture('e2e-blog')
      const db = await scratchDatabase(server, 'action')
      after(() => db.drop())
      const url = withPassword(db.url, password)
      const run = await runAction({ cwd: project, inputs: { command: 'upgrade', 'database-url': url } })
      assert.equal(run.code, 0, run.stdout + run.stderr)
      assert.equal(run.outputs['current-revision'], '20240302090000_create_post')
      assert.deepEqual(JSON.parse(run.outputs.applied!), ['20240301090000_create_user', '20240302090000_create_post'])
      assert.deepEqual(JSON.parse(run.outputs.pending!), [])
      assert.equal(run.outputs['database-url'], undefined)
      assert.match(run.summary, /\| `20240301090000_create_user` \| applied \| \d+ ms \|/)
      assert.match(run.summary, /\| `20240302090000_create_post` \| applied \| \d+ ms \|/)
      assert.match(run.summary, /^### ✅ db-migrate upgrade: `20240302090000_create_post`\n/)
      const where = new URL(db.url)
      assert.ok(run.summary.includes(`\n\nRan on \`${where.hostname}:${where.port || 5432}${where.pathname}\`.`), run.summary)
      assert.match(run.stdout, /::add-mask::/)
      assert.ok(!run.everything.includes(password), 'the password appears in what the run showed')
      const tables = await adminQuery(db.url, `SELECT string_agg(tablename, ',' ORDER BY tablename) AS t FROM pg_tables WHERE schemaname = 'public'`)
      assert.equal(tables.rows[0].t, 'db_migrate_history,post,user')
    })

    it('downgrades -1 and reports the revision it left', async () => {
      const project = copyFixture('e2e-blog')
      const db = await scratchDatabase(server, 'action')
      after(() => db.drop())
      assert.equal((await runAction({ cwd: project, inputs: { 'database-url': db.url } })).code, 0)
      const run = await runAction({ cwd: project, inputs: { command: 'downgrade', revision: '-1', 'database-url': db.url } })
      assert.equal(run.code, 0, run.stdout)
      assert.equal(run.outputs['current-revision'], '20240301090000_create_user')
      assert.deepEqual(JSON.parse(run.outputs.applied!), ['20240302090000_create_post'])
      assert.deepEqual(JSON.parse(run.outputs.pending!), ['20240302090000_create_post'])
      assert.match(run.summary, /reverted/)
    })

    it('a dry run reports what would run and changes nothing', async () => {
      const project = copyFixture('e2e-blog')
      const db = await scratchDatabase(server, 'action')
      after(() => db.drop())
      const run = await runAction({ cwd: project, inputs: { 'database-url': db.url, 'dry-run': 'true' } })
      assert.equal(run.code, 0, run.stdout)
      assert.match(run.summary, /dry run.*2 migrations would run/)
      const tables = await adminQuery(db.url, `SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'`)
      assert.equal(tables.rows[0].n, 0)
    })

    it('a failing migration is an error annotation on its file and line, and nothing of it stays', async () => {
      const project = copyFixture('e2e-blog')
      writeFileSync(join(project, 'migrations', '20240303090000_broken.sql'), 'CREATE TABLE tag (id int);\n\nSELECT * FROM missing_table;\n')
      const db = await scratchDatabase(server, 'action')
      after(() => db.drop())
      const run = await runAction({ cwd: project, inputs: { 'database-url': db.url } })
      assert.equal(run.code, 1)
      assert.match(run.stdout, /::error title=migration 20240303090000_broken failed,file=migrations\/20240303090000_broken\.sql,line=3::.*missing_table/)
      const tag = await adminQuery(db.url, `SELECT to_regclass('public.tag') AS t`)
      assert.equal(tag.rows[0].t, null)
      // where the run stopped: the two before it applied, it pending
      assert.equal(run.outputs['current-revision'], '20240302090000_create_post')
      assert.deepEqual(JSON.parse(run.outputs.applied!), ['20240301090000_create_user', '20240302090000_create_post'])
      assert.deepEqual(JSON.parse(run.outputs.pending!), ['20240303090000_broken'])
      assert.match(run.summary, /### ❌ db-migrate upgrade failed/)
    })
  })
}

describe('action with database-url: embedded', () => {
  it('starts PostgreSQL, migrates it, leaves it running for later steps, says so; the post step stops it', async () => {
    const project = copyFixture('e2e-blog')
    const run = await runAction({ cwd: project, inputs: { command: 'upgrade', 'database-url': 'embedded' } })
    assert.equal(run.code, 0, run.stdout + run.stderr)
    const url = run.outputs['database-url']
    assert.match(url ?? '', /^postgresql:\/\/postgres@127\.0\.0\.1:\d+\/postgres$/)
    assert.match(run.summary, /^### ✅ db-migrate upgrade/)
    assert.match(run.summary, /This ran on a \*\*throwaway embedded PostgreSQL [\d.]+\*\* started by db-migrate/)
    assert.match(run.stdout, /running on a throwaway PostgreSQL/)
    // a later step of the job uses it
    const rows = await adminQuery(url!, `SELECT name FROM db_migrate_history ORDER BY name`)
    assert.deepEqual(rows.rows.map((r) => r.name), ['20240301090000_create_user', '20240302090000_create_post'])

    const post = await runAction({ cwd: project, entry: 'post', stateFile: run.stateFile })
    assert.equal(post.code, 0, post.stdout + post.stderr)
    assert.match(post.stdout, /stopped the embedded PostgreSQL/)
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 })
    await assert.rejects(client.connect(), /ECONNREFUSED|connect/)
  })
})

describe('action outputs and summaries', () => {
  it('sets database-url only for a server left running for later steps', async () => {
    const project = copyFixture('e2e-blog')
    const stopped = await runAction({ cwd: project, inputs: { command: 'upgrade', 'database-url': 'embedded', 'keep-database': 'false' } })
    assert.equal(stopped.code, 0, stopped.stdout + stopped.stderr)
    assert.equal(stopped.outputs['database-url'], undefined)
    const check = await runAction({ cwd: project, inputs: { command: 'check' } })
    assert.equal(check.code, 0, check.stdout)
    assert.equal(check.outputs['database-url'], undefined)
    assert.match(check.summary, /^### ✅ db-migrate check\n[^]*\n\nScratch databases on `embedded PostgreSQL [\d.]+`\.\n$/)
  })

  it('a misspelled command reads "db-migrate failed", once', async () => {
    const run = await runAction({ cwd: copyFixture('e2e-blog'), inputs: { command: 'upgarde' } })
    assert.equal(run.code, 1)
    assert.match(run.summary, /^### ❌ db-migrate failed\n\ninput 'command' 'upgarde' is unknown: did you mean upgrade\?/)
  })
})

describe('action check', () => {
  it('passes when the models match, fails with the difference and its SQL when they do not, and passes after autogenerate', async () => {
    const project = copyFixture('e2e-blog')
    const ok = await runAction({ cwd: project, inputs: { command: 'check' } })
    assert.equal(ok.code, 0, ok.stdout + ok.stderr)
    assert.equal(ok.outputs.drift, 'false')
    assert.match(ok.summary, /The models match the 2 migrations/)

    const models = join(project, 'src', 'models.ts')
    writeFileSync(models, readFileSync(models, 'utf8').replace("name: varchar(50).notNull(),", "name: varchar(50).notNull(),\n  email: text().unique(),"))
    const drift = await runAction({ cwd: project, inputs: { command: 'check' } })
    assert.equal(drift.code, 1)
    assert.equal(drift.outputs.drift, 'true')
    assert.match(drift.outputs.diff!, /ALTER TABLE "user" ADD COLUMN email text;/)
    assert.match(drift.outputs.diff!, /ADD CONSTRAINT user_email_key UNIQUE \(email\)/)
    assert.match(drift.summary, /table `user`: column `email` is in the models but no migration creates it/)
    assert.match(drift.summary, /^### ❌ db-migrate check: the models and the migrations disagree/)
    assert.match(drift.stdout, /::error::the models and the migrations disagree/)

    const generated = await runCli(['revision', '--autogenerate', '-m', 'add email'], { cwd: project })
    assert.equal(generated.code, 0, generated.stderr)
    const files = readdirSync(join(project, 'migrations')).filter((f) => f.endsWith('_add_email.sql') || f.endsWith('_add_email.down.sql'))
    assert.equal(files.length, 2)

    const fixed = await runAction({ cwd: project, inputs: { command: 'check' } })
    assert.equal(fixed.code, 0, fixed.stdout)
    assert.equal(fixed.outputs.drift, 'false')
    assert.match(fixed.summary, /The models match the 3 migrations/)
  })

  it('an unknown input value fails with one line naming the input', async () => {
    const project = copyFixture('e2e-blog')
    const run = await runAction({ cwd: project, inputs: { command: 'upgrad' } })
    assert.equal(run.code, 1)
    const errors = run.stdout.split('\n').filter((l) => l.startsWith('::error'))
    assert.deepEqual(errors, ["::error::input 'command' 'upgrad' is unknown: did you mean upgrade? use one of upgrade, downgrade, stamp, status, current, history, heads, show, revision, check, init, resolve, diff, pull"])
  })
})
