// check --database-url: a hand-made change on a live database is drift against the migrations it applied; the
// migrations it has not applied are assumed pending, named, and left out.
import assert from 'node:assert/strict'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { adminQuery, scratchDatabase, testServers } from '../helpers/postgres.js'
import { copyFixture, withPassword } from '../helpers/project.js'
import { runAction, runCli } from '../helpers/runner.js'

const servers = await testServers()
const user = '20240301090000_create_user'
const post = '20240302090000_create_post'

for (const server of servers) {
  describe(`check --database-url (${server.label})`, () => {
    it('exits 1 on a hand-made change, names it and the assumed pending migrations, prints the SQL that puts it back', async () => {
      const db = await scratchDatabase(server)
      try {
        const dir = copyFixture('e2e-blog')
        const check = () => runCli(['check', '--database-url', db.url, '--shadow-database-url', server.url], { cwd: dir })
        assert.equal((await runCli(['upgrade', '+1', '--database-url', db.url], { cwd: dir })).code, 0)

        const clean = await check()
        assert.equal(clean.code, 0, clean.stdout + clean.stderr)
        assert.equal(clean.stdout, `OK: the database matches its 1 applied migration (up to ${user}).\nAssumed pending (not applied on the database, left out of the comparison): ${post}\n`)

        await adminQuery(db.url, 'ALTER TABLE "user" ADD COLUMN nickname text; CREATE INDEX user_name_idx ON "user" (name)')
        const drifted = await check()
        assert.equal(drifted.code, 1, drifted.stderr)
        assert.match(drifted.stdout, /^Drift: the database postgresql:\/\/.* differs from its 1 applied migration \(up to 20240301090000_create_user\):$/m)
        assert.match(drifted.stdout, /^ {2}- table user: column nickname is in the database but not in its migrations$/m)
        assert.match(drifted.stdout, /^ {2}- table user: index user_name_idx is in the database but not in its migrations$/m)
        assert.match(drifted.stdout, /^DROP INDEX user_name_idx;$/m)
        assert.match(drifted.stdout, /^ALTER TABLE "user" DROP COLUMN nickname;$/m)
        assert.match(drifted.stdout, new RegExp(`^Assumed pending \\(not applied on the database, left out of the comparison\\): ${post}$`, 'm'))
        assert.doesNotMatch(drifted.stdout, /table post/, 'a pending migration is not drift')
        const still = await adminQuery(db.url, "SELECT count(*)::int AS n FROM information_schema.columns WHERE table_name = 'user' AND column_name = 'nickname'")
        assert.equal(still.rows[0].n, 1, 'check changed the database')

        const sql = drifted.stdout.split('\n').filter((line) => /^(DROP|ALTER|CREATE)\b/.test(line)).join('\n')
        await adminQuery(db.url, sql)
        assert.equal((await check()).code, 0)
      } finally {
        await db.drop()
      }
    })

    it('leaves out a pending migration older than the current revision (out of order), and names it', async () => {
      const db = await scratchDatabase(server)
      try {
        const dir = copyFixture('e2e-blog')
        assert.equal((await runCli(['upgrade', '--database-url', db.url], { cwd: dir })).code, 0)
        writeFileSync(join(dir, 'migrations', '20240301120000_add_bio.sql'), 'ALTER TABLE "user" ADD COLUMN bio text;\n')
        const run = await runCli(['check', '--database-url', db.url, '--shadow-database-url', server.url], { cwd: dir })
        assert.equal(run.code, 0, run.stdout + run.stderr)
        assert.equal(run.stdout, `OK: the database matches its 2 applied migrations (up to ${post}).\nAssumed pending (not applied on the database, left out of the comparison): 20240301120000_add_bio\n`)
      } finally {
        await db.drop()
      }
    })

    it('without --database-url, check compares the models with the migrations as before, even when DATABASE_URL is set', async () => {
      const db = await scratchDatabase(server)
      try {
        const dir = copyFixture('e2e-blog')
        assert.equal((await runCli(['upgrade', '--database-url', db.url], { cwd: dir })).code, 0)
        await adminQuery(db.url, 'ALTER TABLE post ADD COLUMN hotfix text')
        const run = await runCli(['check', '--shadow-database-url', server.url], { cwd: dir, env: { DATABASE_URL: db.url } })
        assert.equal(run.code, 0, run.stdout + run.stderr)
        assert.match(run.stdout, /^OK: the models match the 2 migrations\.$/m)
      } finally {
        await db.drop()
      }
    })

    it('fails the action step on drift, with the difference and the assumed pending migrations in the job summary', async () => {
      const db = await scratchDatabase(server)
      try {
        const dir = copyFixture('e2e-blog')
        assert.equal((await runCli(['upgrade', '+1', '--database-url', db.url], { cwd: dir })).code, 0)
        await adminQuery(db.url, 'ALTER TABLE "user" ALTER COLUMN name TYPE varchar(80)')
        const secret = 'Pr0duction-pass'
        const run = await runAction({ cwd: dir, inputs: { command: 'check', 'database-url': withPassword(db.url, secret), 'shadow-database-url': server.url } })
        assert.equal(run.code, 1, run.stdout)
        assert.match(run.stdout, /::error::the database drifted from its migrations: 1 difference\(s\)/)
        assert.match(run.summary, /### ❌ db-migrate check: the database drifted from its 1 applied migration \(up to `20240301090000_create_user`\)/)
        assert.match(run.summary, /- table `user`: column `name` differs: type character varying\(80\) in the database, character varying\(50\) in its migrations/)
        assert.match(run.summary, /\*\*Assumed pending\*\* \(not applied on the database, left out of the comparison\): `20240302090000_create_post`/)
        assert.match(run.summary, /ALTER TABLE "user" ALTER COLUMN name TYPE character varying\(50\)/)
        assert.equal(run.outputs.drift, 'true')
        assert.equal(run.outputs.pending, JSON.stringify([post]))
        assert.doesNotMatch(run.everything, new RegExp(secret))

        await adminQuery(db.url, 'ALTER TABLE "user" ALTER COLUMN name TYPE varchar(50)')
        const clean = await runAction({ cwd: dir, inputs: { command: 'check', 'database-url': db.url, 'shadow-database-url': server.url } })
        assert.equal(clean.code, 0, clean.stdout)
        assert.equal(clean.outputs.drift, 'false')
      } finally {
        await db.drop()
      }
    })
  })
}
