// db-migrate diff <from> <to>, through the built CLI: every kind of side, exit codes, schema filters, --json, and a
// database side that is only read.
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { adminQuery, scratchDatabase, testServers } from '../helpers/postgres.js'
import { linkPackages } from '../helpers/packages.js'
import { copyFixture, withPassword } from '../helpers/project.js'
import { runCli } from '../helpers/runner.js'

const servers = await testServers()

/** What a database holds, as the catalogs say: to show that a diff left it exactly as it was. */
async function fingerprint(url: string): Promise<string> {
  const { rows } = await adminQuery(url, `
    SELECT string_agg(format('%s.%s %s', n.nspname, c.relname, c.relkind), ',' ORDER BY n.nspname, c.relname) AS objects,
           (SELECT string_agg(nspname, ',' ORDER BY nspname) FROM pg_namespace) AS schemas,
           (SELECT string_agg(format('%s.%s:%s', attrelid::regclass, attname, format_type(atttypid, atttypmod)), ',' ORDER BY attrelid::regclass::text, attnum)
              FROM pg_attribute WHERE attnum > 0 AND attrelid IN (SELECT oid FROM pg_class WHERE relnamespace = 'public'::regnamespace)) AS columns
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')`)
  return JSON.stringify(rows[0])
}

for (const server of servers) {
  const diff = (dir: string, ...args: string[]) => runCli(['diff', ...args, '--shadow-database-url', server.url], { cwd: dir })

  describe(`diff (${server.label})`, () => {
    it('finds nothing between a migrations folder, the models that declare its empty schema, and the same schema as SQL', async () => {
      const dir = copyFixture('diff-sides')
      for (const [from, to] of [['migrations', 'models.ts'], ['schema.sql', 'migrations'], ['models.ts', 'schema.sql']] as const) {
        const run = await diff(dir, from, to)
        assert.equal(run.code, 0, `${from} → ${to}: ${run.stderr}`)
        assert.equal(run.stdout, '', `${from} → ${to} prints nothing when the same`)
      }
    })

    it('prints the SQL from a migrations folder to a models file, an empty schema dropped, and exits 1', async () => {
      const dir = copyFixture('diff-sides')
      const run = await diff(dir, 'migrations', 'next.ts')
      assert.equal(run.code, 1, run.stderr)
      assert.equal(run.stdout, [
        'ALTER TABLE book ADD COLUMN isbn text;',
        'ALTER TABLE store.shelf ADD COLUMN floor integer;',
        'DROP SCHEMA archive;',
        '',
      ].join('\n'))
      const back = await diff(dir, 'next.ts', 'migrations')
      assert.equal(back.code, 1)
      assert.match(back.stdout, /^CREATE SCHEMA archive;$/m)
      assert.match(back.stdout, /^ALTER TABLE book DROP COLUMN isbn;$/m)
    })

    it('reads a database only: its SQL applied by hand makes the next diff empty, and the diff itself changes nothing', async () => {
      const dir = copyFixture('diff-sides')
      const db = await scratchDatabase(server)
      try {
        await adminQuery(db.url, 'CREATE TABLE author (id integer PRIMARY KEY, name text NOT NULL); CREATE SCHEMA scratchpad')
        const before = await fingerprint(db.url)
        const run = await diff(dir, db.url, 'next.ts')
        assert.equal(run.code, 1, run.stderr)
        assert.equal(await fingerprint(db.url), before, 'diff changed the database it read')
        const history = await adminQuery(db.url, "SELECT to_regclass('db_migrate_history') IS NULL AS absent")
        assert.equal(history.rows[0].absent, true, 'diff created a history table')
        assert.match(run.stdout, /^DROP SCHEMA scratchpad;$/m)
        assert.match(run.stdout, /^CREATE SCHEMA store;$/m)
        await adminQuery(db.url, run.stdout)
        const again = await diff(dir, db.url, 'next.ts')
        assert.equal(again.code, 0, again.stdout + again.stderr)
        assert.equal(again.stdout, '')
      } finally {
        await db.drop()
      }
    })

    it('compares two databases without a scratch server, and never shows a password', async () => {
      const [a, b] = [await scratchDatabase(server), await scratchDatabase(server)]
      try {
        await adminQuery(a.url, 'CREATE SCHEMA reports; CREATE TABLE t (id integer)')
        await adminQuery(b.url, 'CREATE TABLE t (id bigint)')
        const dir = copyFixture('diff-sides')
        const secret = 'Tr0ub4dor-diff'
        // no shadow server: two databases need none, and none is started
        const run = await runCli(['diff', withPassword(a.url, secret), b.url, '--json'], { cwd: dir, env: { DB_MIGRATE_PG_SOURCE: 'download', npm_config_registry: 'http://127.0.0.1:9' } })
        assert.equal(run.code, 1, run.stderr)
        assert.doesNotMatch(run.stdout + run.stderr, new RegExp(secret))
        const json = JSON.parse(run.stdout)
        assert.equal(json.same, false)
        assert.equal(json.from.kind, 'database')
        assert.deepEqual(json.operations.map((o: { kind: string }) => o.kind), ['alter_column', 'drop_schema'])
        assert.deepEqual(json.statements, ['ALTER TABLE t ALTER COLUMN id TYPE bigint', 'DROP SCHEMA reports'])
        assert.match(json.explanations[1], /schema reports is in postgresql:\/\/.*:\*\*\*@.* but not in /)
      } finally {
        await Promise.all([a.drop(), b.drop()])
      }
    })

    it('--schema and --exclude-schema keep items and schemas out, repeated or comma-separated', async () => {
      const [a, b] = [await scratchDatabase(server), await scratchDatabase(server)]
      try {
        await adminQuery(a.url, 'CREATE SCHEMA keep; CREATE SCHEMA skip; CREATE SCHEMA gone; CREATE TABLE keep.k (id int); CREATE TABLE skip.s (id int); CREATE TABLE p (id int)')
        await adminQuery(b.url, "CREATE SCHEMA keep; CREATE SCHEMA skip; CREATE SCHEMA fresh; CREATE TABLE keep.k (id int, x text); CREATE TABLE skip.s (id int, y text); CREATE TABLE p (id int, z text); CREATE TYPE skip.mood AS ENUM ('a')")
        const dir = copyFixture('diff-sides')
        const only = await diff(dir, a.url, b.url, '--schema', 'keep')
        assert.equal(only.code, 1, only.stderr)
        assert.equal(only.stdout, 'ALTER TABLE keep.k ADD COLUMN x text;\n')
        const two = await diff(dir, a.url, b.url, '--schema', 'keep', '--schema', 'fresh,gone')
        assert.equal(two.stdout, 'CREATE SCHEMA fresh;\nALTER TABLE keep.k ADD COLUMN x text;\nDROP SCHEMA gone;\n')
        const without = await diff(dir, a.url, b.url, '--exclude-schema', 'skip,fresh', '--exclude-schema', 'gone')
        assert.equal(without.stdout, 'ALTER TABLE keep.k ADD COLUMN x text;\nALTER TABLE p ADD COLUMN z text;\n')
        const none = await diff(dir, a.url, b.url, '--schema', 'skip', '--exclude-schema', 'skip')
        assert.equal(none.code, 0)
        assert.equal(none.stdout, '')
      } finally {
        await Promise.all([a.drop(), b.drop()])
      }
    })

    it('reads models of an ORM as a side', async () => {
      const dir = copyFixture('models-drizzle')
      linkPackages(dir, ['drizzle-orm', 'drizzle-kit'])
      const same = await diff(dir, 'migrations', 'src/db/schema.ts')
      assert.equal(same.code, 0, same.stdout + same.stderr)
      const drift = await diff(dir, 'src/db/schema.ts', 'src/db/drift.ts')
      assert.equal(drift.code, 1, drift.stderr)
      assert.match(drift.stdout, /^ALTER TABLE customers ADD COLUMN phone/m)
    })

    it('exits 2 with one line naming the side it cannot read', async () => {
      const dir = copyFixture('diff-sides')
      const missing = await diff(dir, 'migrations', 'nowhere.ts')
      assert.equal(missing.code, 2)
      assert.equal(missing.stdout, '')
      assert.equal(missing.stderr, "db-migrate: diff <to> 'nowhere.ts' is neither a postgresql:// URL nor an existing file or folder: give a database URL, a migrations folder, a models file or a .sql file\n")
      const one = await diff(dir, 'migrations')
      assert.equal(one.code, 2)
      assert.match(one.stderr, /^db-migrate: diff needs two sides: db-migrate diff <from> <to>/)
      const secret = 'S3cret-unreachable'
      const unreachable = await diff(dir, withPassword(new URL('/no_such_database_here', server.url).toString(), secret), 'migrations')
      assert.equal(unreachable.code, 2)
      assert.doesNotMatch(unreachable.stdout + unreachable.stderr, new RegExp(secret))
      assert.match(unreachable.stderr, /no_such_database_here/)
      const badSql = await diff(dir, 'migrations', 'next.ts', '--models-kind', 'sql')
      assert.equal(badSql.code, 2)
    })
  })
}
