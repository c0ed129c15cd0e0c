// status --check gates a pipeline: exit 1 unless the database is at head with nothing to attend to.
import assert from 'node:assert/strict'
import { appendFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { adminQuery, scratchDatabase, testServers } from '../helpers/postgres.js'
import { copyFixture } from '../helpers/project.js'
import { runAction, runCli } from '../helpers/runner.js'

const servers = await testServers()
const user = '20240301090000_create_user'
const post = '20240302090000_create_post'

for (const server of servers) {
  describe(`status --check (${server.label})`, () => {
    it('exits 1 when pending, 0 at head, 1 when an applied file changed, vanished or needs attention', async () => {
      const db = await scratchDatabase(server)
      try {
        const dir = copyFixture('e2e-blog')
        const check = () => runCli(['status', '--check', '--database-url', db.url], { cwd: dir })

        const pending = await check()
        assert.equal(pending.code, 1, pending.stderr)
        assert.match(pending.stderr, new RegExp(`db-migrate: status --check: 2 pending migration\\(s\\): ${user}, ${post}\\n$`))
        assert.equal((await runCli(['status', '--database-url', db.url], { cwd: dir })).code, 0)

        assert.equal((await runCli(['upgrade', 'head', '--database-url', db.url], { cwd: dir })).code, 0)
        const clean = await check()
        assert.equal(clean.code, 0, clean.stderr)

        appendFileSync(join(dir, 'migrations', `${post}.ts`), '\n// edited after it ran\n')
        const changed = await check()
        assert.equal(changed.code, 1)
        assert.match(changed.stderr, new RegExp(`status --check: .*${post}`))

        rmSync(join(dir, 'migrations', `${post}.ts`))
        const gone = await check()
        assert.equal(gone.code, 1)
        assert.match(gone.stderr, /status --check: migration 20240302090000_create_post is applied but its file is gone/)

        await adminQuery(db.url, `delete from db_migrate_history where name = '${post}'`)
        await adminQuery(db.url, `update db_migrate_history set state = 'running' where name = '${user}'`)
        const attention = await check()
        assert.equal(attention.code, 1)
        assert.match(attention.stderr, new RegExp(`status --check: .*${user}`))
      } finally {
        await db.drop()
      }
    })

    it('fails the action step when migrations are pending', async () => {
      const db = await scratchDatabase(server)
      try {
        const dir = copyFixture('e2e-blog')
        const run = await runAction({ cwd: dir, inputs: { command: 'status', check: 'true', 'database-url': db.url } })
        assert.equal(run.code, 1)
        assert.match(run.stdout, /::error::status --check: 2 pending migration\(s\)/)
        assert.equal(run.outputs.pending, JSON.stringify([user, post]))
        assert.match(run.summary, /^### ❌ db-migrate status: `base`/)
        const plain = await runAction({ cwd: dir, inputs: { command: 'status', 'database-url': db.url } })
        assert.equal(plain.code, 0, plain.stdout)
        assert.match(plain.summary, /^### ✅ db-migrate status: `base`/)
        // a problem: once, as a warning on the file, and in the summary with its names in code style
        assert.equal((await runCli(['upgrade', 'head', '--database-url', db.url], { cwd: dir })).code, 0)
        appendFileSync(join(dir, 'migrations', `${post}.ts`), '\n// edited after it ran\n')
        const edited = await runAction({ cwd: dir, inputs: { command: 'status', 'database-url': db.url } })
        assert.equal(edited.code, 0, edited.stdout)
        assert.equal(edited.stdout.match(/changed after it was applied/g)?.length, 2, edited.stdout) // the warning and the log's status text
        assert.match(edited.stdout, new RegExp(`^::warning title=db-migrate checksum mismatch,file=migrations/${post}\\.ts::`, 'm'))
        assert.match(edited.summary, new RegExp(`- \`migrations/${post}\\.ts\` changed after it was applied: .*\`db-migrate resolve ${post} --applied\``))
      } finally {
        await db.drop()
      }
    })
  })
}
