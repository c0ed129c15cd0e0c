// `db-migrate pull` as a user runs it, from the built CLI and action: the models of an existing database, which
// check then accepts; never a file replaced unasked.
import assert from 'node:assert/strict'
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { after, describe, it } from 'node:test'
import { adminQuery, scratchDatabase, testServers } from '../helpers/postgres.js'
import { copyFixture, withPassword } from '../helpers/project.js'
import { runAction, runCli } from '../helpers/runner.js'

const servers = await testServers()

for (const server of servers) {
  describe(`db-migrate pull (${server.label})`, () => {
    it('writes src/models.ts from a database URL, which check accepts; refuses to replace it without --force', async () => {
      // a team with an existing database and its migrations, and no models yet
      const dir = copyFixture('models-constraints')
      for (const f of ['models.ts', 'drift.ts', 'equivalent.ts']) rmSync(join(dir, f))
      const db = await scratchDatabase(server, 'pull_cli')
      after(() => db.drop())
      const up = await runCli(['upgrade', '--database-url', db.url], { cwd: dir })
      assert.equal(up.code, 0, up.stderr)

      // Umzug's history, left behind by the tool the team used before, is bookkeeping and no model
      await adminQuery(db.url, 'CREATE TABLE "SequelizeMeta" (name varchar(255) PRIMARY KEY)')
      const password = 'pull-secret-pw'
      const pulled = await runCli(['pull', '--database-url', withPassword(db.url, password)], { cwd: dir })
      assert.equal(pulled.code, 0, pulled.stderr)
      assert.ok(!`${pulled.stdout}${pulled.stderr}`.includes(password))
      assert.equal(pulled.stdout, 'Wrote 3 tables and 0 enums to src/models.ts, from the database (--database-url)\n')
      const models = readFileSync(join(dir, 'src', 'models.ts'), 'utf8')
      assert.match(models, /^import \{ .* \} from 'db-migrate-action'$/m)
      assert.match(models, /tenantId: integer\('tenant_id'\)\.notNull\(\)\.references\(\(\) => tenant\.columns\.id, \{ onDelete: 'cascade' \}\)/)
      assert.doesNotMatch(models, /db_migrate_history|SequelizeMeta/)
      assert.ok(!models.includes(password))

      const check = await runCli(['check', '--shadow-database-url', server.url], { cwd: dir })
      assert.equal(check.code, 0, `${check.stdout}${check.stderr}`)

      const again = await runCli(['pull', '--database-url', db.url], { cwd: dir })
      assert.equal(again.code, 2)
      assert.equal(again.stderr, 'db-migrate: pull would overwrite src/models.ts, which exists: replace it with --force (input force), print the models with --stdout, or name another file with --models\n')
      assert.equal(readFileSync(join(dir, 'src', 'models.ts'), 'utf8'), models)

      const printed = await runCli(['pull', '--stdout'], { cwd: dir, env: { DATABASE_URL: db.url } })
      assert.equal(printed.code, 0, printed.stderr)
      assert.equal(printed.stdout, models.replace('from the database (--database-url)', 'from the database (DATABASE_URL)'))
      assert.match(printed.stderr, /^Printed 3 tables and 0 enums to stdout, from the database \(DATABASE_URL\)$/m)

      writeFileSync(join(dir, 'src', 'models.ts'), '// edited by hand\n')
      const forced = await runCli(['pull', '--force', '--database-url', db.url], { cwd: dir })
      assert.equal(forced.code, 0, forced.stderr)
      assert.equal(readFileSync(join(dir, 'src', 'models.ts'), 'utf8'), models)
    })

    it('stops in one line, before starting anything, with neither a database nor migrations, or with no tables', async () => {
      const dir = copyFixture('models-schemas')
      rmSync(join(dir, 'migrations'), { recursive: true })
      const none = await runCli(['pull'], { cwd: dir })
      assert.equal(none.code, 2)
      assert.equal(none.stderr, 'db-migrate: pull has no database to read (--database-url, DATABASE_URL or DB_*) and no migrations folder at migrations to replay: name one of them\n')
      const empty = await scratchDatabase(server, 'pull_empty')
      after(() => empty.drop())
      const nothing = await runCli(['pull', '--database-url', empty.url, '--models', 'new.ts'], { cwd: dir })
      assert.equal(nothing.code, 2)
      assert.equal(nothing.stderr, "db-migrate: pull found no tables in the database (--database-url), db-migrate's and Umzug's history aside: there are no models to write\n")
      assert.ok(!existsSync(join(dir, 'new.ts')))
    })

    it('with no database, writes the models of the migrations\' head, and the action says where it wrote them', async () => {
      const dir = copyFixture('models-schemas')
      for (const f of ['models.ts', 'drift.ts']) rmSync(join(dir, f))
      const run = await runAction({ cwd: dir, inputs: { command: 'pull', 'shadow-database-url': server.url, models: 'db/models.ts' } })
      assert.equal(run.code, 0, run.stdout)
      assert.equal(run.outputs['models-file'], 'db/models.ts')
      assert.match(run.stdout, /Wrote 3 tables and 1 enum to db\/models\.ts, from the head of migrations \(2 migration\(s\) replayed\)/)
      assert.match(run.summary, /^### ✅ db-migrate pull$/m)
      assert.ok(existsSync(join(dir, 'db', 'models.ts')))
      const check = await runCli(['check', '--shadow-database-url', server.url, '--models', 'db/models.ts'], { cwd: dir })
      assert.equal(check.code, 0, `${check.stdout}${check.stderr}`)
    })
  })
}
