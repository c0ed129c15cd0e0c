// check from a cached snapshot of the migrations: after every kind of change to the folder (a new file, an edited
// one, an inserted one, a removed one, a reordering, a changed setting) the incremental result equals a full replay
// on the same server, and it starts from the longest prefix that is still the same.
import assert from 'node:assert/strict'
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { it } from 'node:test'
import { findDrift } from '../../src/commands/check.js'
import type { Config, RawSettings } from '../../src/config/config.js'
import { silentLog } from '../../src/log.js'
import { prefixKeys, replaySettings, snapshotName } from '../../src/provision/replay-key.js'
import { snapshotLimit } from '../../src/provision/snapshots.js'
import { listMigrations } from '../../src/runtime/files.js'
import type { MigrationFile } from '../../src/runtime/types.js'
import { withDatabase } from '../../src/config/url.js'
import { adminQuery } from '../helpers/postgres.js'
import { modelsProject, project } from '../helpers/project.js'
import { eachServer } from './project.js'

/** The snapshot keys of each prefix of `files`, as check names them on the server at `url`. */
async function keysOf(url: string, files: readonly MigrationFile[], config: Config): Promise<string[]> {
  const { v, u } = (await adminQuery(url, "SELECT current_setting('server_version_num') AS v, current_user AS u")).rows[0]
  return prefixKeys(files, Math.floor(Number(v) / 10000), replaySettings(config), u)
}

eachServer('check from cached snapshots', (server) => {
  const snapshots = server.label === 'embedded' ? 'own' as const : 'shared' as const

  it('equals a full replay after each change to the folder, starting from the longest unchanged prefix', async () => {
    const p = project('models-sql', modelsProject)
    const dir = join(p.dir, 'migrations')
    for (const f of p.migrations()) rmSync(join(dir, f))
    // a unique table name per run, so that snapshots of another run on a shared server never match this one's files
    const t = `t_${p.dir.slice(-8)}`
    const write = (name: string, sql: string) => writeFileSync(join(dir, `${name}.sql`), sql)
    write('001_a', `CREATE TABLE ${t}_a (id integer PRIMARY KEY);`)
    write('002_b', `CREATE TABLE ${t}_b (id integer PRIMARY KEY, a_id integer REFERENCES ${t}_a (id));`)

    // on a shared server, other runs' snapshots may push ours out: there only the results must agree
    const step = async (what: string, expected: { fromCache: number; replayed: number }, settings: RawSettings = {}) => {
      const config = p.config({ models: 'db/schema.sql', ...settings })
      const incremental = await findDrift(config, server.url, silentLog, { snapshots })
      const full = await findDrift(p.config({ models: 'db/schema.sql', ...settings, 'no-cache': 'true' }), server.url, silentLog, { snapshots })
      assert.deepEqual(full.replay, { replayed: full.migrations, fromCache: 0, cacheKey: null, modelsCached: false }, `${what}: --no-cache replays everything`)
      assert.deepEqual(incremental.migrated, full.migrated, `${what}: the migrated schema`)
      assert.deepEqual(incremental.statements, full.statements, `${what}: the SQL check reports`)
      assert.equal(incremental.drift, full.drift, `${what}: the outcome`)
      assert.equal(incremental.migrations, full.migrations, `${what}: the count`)
      assert.equal(incremental.replay.fromCache + incremental.replay.replayed, full.migrations, `${what}: cached + replayed`)
      if (snapshots === 'own') assert.deepEqual({ fromCache: incremental.replay.fromCache, replayed: incremental.replay.replayed }, expected, what)
      return incremental
    }

    await step('first run', { fromCache: 0, replayed: 2 })
    await step('nothing new', { fromCache: 2, replayed: 0 })
    write('003_a_name', `ALTER TABLE ${t}_a ADD COLUMN name text;`)
    await step('one new migration', { fromCache: 2, replayed: 1 })
    if (snapshots === 'own') {
      const keys = await keysOf(server.url, listMigrations(dir, p.dir, []), p.config({ models: 'db/schema.sql' }))
      // the one new file ran on the snapshot of the first two in a transaction that was rolled back: it is as it was
      const first = withDatabase(server.url, snapshotName(keys[2]!))
      assert.deepEqual((await adminQuery(first, 'SELECT name FROM db_migrate_history ORDER BY name')).rows.map((r) => r.name), ['001_a', '002_b'])
      assert.deepEqual((await adminQuery(first, `SELECT column_name FROM information_schema.columns WHERE table_name = '${t}_a'`)).rows.map((r) => r.column_name), ['id'])
      assert.equal((await adminQuery(server.url, 'SELECT 1 FROM pg_database WHERE datname = $1', [snapshotName(keys[3]!)])).rows.length, 0, 'no copy kept for one file')
    }
    await step('nothing new after one new migration', { fromCache: 3, replayed: 0 })
    write('004_b_note', `ALTER TABLE ${t}_b ADD COLUMN note text;`)
    await step('another new one: two past the last snapshot', { fromCache: 2, replayed: 2 })
    write('004_b_note', `ALTER TABLE ${t}_b ADD COLUMN note varchar(10);`)
    const edited = await step('the new migration edited, same name', { fromCache: 2, replayed: 2 })
    assert.equal(edited.migrated.tables.find((x) => x.name === `${t}_b`)?.columns.find((c) => c.name === 'note')?.type, 'character varying(10)')
    write('002a_c', `CREATE TABLE ${t}_c (id integer);`)
    await step('a migration inserted in the middle', { fromCache: 2, replayed: 3 })
    rmSync(join(dir, '002a_c.sql'))
    await step('that migration removed again', { fromCache: 4, replayed: 0 })
    write('003_a_name', `ALTER TABLE ${t}_a ADD COLUMN name varchar(5);`)
    await step('an old migration edited', { fromCache: 2, replayed: 2 })
    renameSync(join(dir, '004_b_note.sql'), join(dir, '001a_b_note.sql'))
    // 001a sorts between 001 and 002: it now runs before the table it alters exists
    await assert.rejects(findDrift(p.config({ models: 'db/schema.sql' }), server.url, silentLog, { snapshots }), /do not apply cleanly/)
    renameSync(join(dir, '001a_b_note.sql'), join(dir, '004_b_note.sql'))
    renameSync(join(dir, '003_a_name.sql'), join(dir, '001a_a_name.sql'))
    await step('two migrations reordered', { fromCache: 0, replayed: 4 })
    await step('another history table', { fromCache: 0, replayed: 4 }, { 'history-table': 'other_history' })
    await step('another history schema', { fromCache: 0, replayed: 4 }, { 'history-schema': 'audit' })
    await step('the first settings again', { fromCache: 4, replayed: 0 })
  })

  it('fails one new migration on the snapshot as a full replay fails it, a deferred constraint too, and leaves the snapshot as it was', async () => {
    const p = project('models-sql', modelsProject)
    const dir = join(p.dir, 'migrations')
    for (const f of p.migrations()) rmSync(join(dir, f))
    const t = `t_${p.dir.slice(-8)}`
    writeFileSync(join(dir, '001_a.sql'), `CREATE TABLE ${t}_a (id integer PRIMARY KEY);
CREATE TABLE ${t}_b (a_id integer REFERENCES ${t}_a (id) DEFERRABLE INITIALLY DEFERRED);`)
    const config = p.config({ models: 'db/schema.sql' })
    await findDrift(config, server.url, silentLog, { snapshots })
    const failure = async (sql: string) => {
      writeFileSync(join(dir, '002_next.sql'), sql)
      const full = await findDrift(p.config({ models: 'db/schema.sql', 'no-cache': 'true' }), server.url, silentLog, { snapshots }).then(() => null, (e: Error) => e.message)
      const incremental = await findDrift(config, server.url, silentLog, { snapshots }).then(() => null, (e: Error) => e.message)
      assert.ok(full, `a full replay fails: ${sql}`)
      assert.equal(incremental, full, sql)
      return incremental!
    }
    assert.match(await failure(`CREATE TABLE ${t}_c (id integer);\nSELECT 1 / 0;\n`), /do not apply cleanly.*002_next.*:2.*division by zero/)
    assert.match(await failure(`INSERT INTO ${t}_b VALUES (7);\n`), /do not apply cleanly.*failed while committing.*violates foreign key constraint/)
    if (snapshots === 'own') {
      const key = (await keysOf(server.url, listMigrations(dir, p.dir, []).slice(0, 1), config)).at(-1)!
      const snapshot = withDatabase(server.url, snapshotName(key))
      assert.deepEqual((await adminQuery(snapshot, 'SELECT name FROM db_migrate_history')).rows.map((r) => r.name), ['001_a'])
      assert.equal((await adminQuery(snapshot, `SELECT count(*)::int AS n FROM pg_class WHERE relname = '${t}_c'`)).rows[0].n, 0)
    }
    writeFileSync(join(dir, '002_next.sql'), `INSERT INTO ${t}_a VALUES (7); INSERT INTO ${t}_b VALUES (7);\n`)
    const fixed = await findDrift(config, server.url, silentLog, { snapshots })
    if (snapshots === 'own') assert.deepEqual({ fromCache: fixed.replay.fromCache, replayed: fixed.replay.replayed }, { fromCache: 1, replayed: 1 })

    // a file the runner sends whole (a BEGIN ATOMIC body) that commits part of itself: the snapshot it ran on is
    // changed, so it is dropped, and the result is a full replay's
    writeFileSync(join(dir, '002_next.sql'), `CREATE FUNCTION ${t}_one() RETURNS integer LANGUAGE sql BEGIN ATOMIC SELECT 1; END;
COMMIT;
CREATE TABLE ${t}_after (id integer);
`)
    const warnings: string[] = []
    const committing = await findDrift(config, server.url, { info: () => {}, warn: (m) => warnings.push(m) }, { snapshots })
    const full = await findDrift(p.config({ models: 'db/schema.sql', 'no-cache': 'true' }), server.url, silentLog, { snapshots })
    assert.deepEqual(committing.migrated, full.migrated)
    assert.ok(committing.migrated.tables.some((x) => x.name === `${t}_after`))
    if (snapshots === 'own') {
      assert.match(warnings.join('\n'), /002_next\.sql ended the transaction it ran in, so part of it was committed: the check snapshot it ran on is dropped/)
      const key = (await keysOf(server.url, listMigrations(dir, p.dir, []).slice(0, 1), config)).at(-1)!
      assert.equal((await adminQuery(server.url, 'SELECT 1 FROM pg_database WHERE datname = $1', [snapshotName(key)])).rows.length, 0)
    }
  })

  it('reads one new migration that changes its session (a search_path, an interval style, a role) as a full replay reads it', async () => {
    const p = project('models-sql', modelsProject)
    const dir = join(p.dir, 'migrations')
    for (const f of p.migrations()) rmSync(join(dir, f))
    const t = `t_${p.dir.slice(-8).toLowerCase().replace(/[^a-z0-9]/g, '')}`
    const role = `${t}_nobody`
    await adminQuery(server.url, `CREATE ROLE ${role}`)
    try {
      // the role may write the history row that follows each migration, as a deploy under it would need
      writeFileSync(join(dir, '001_a.sql'), `CREATE SCHEMA ${t}; CREATE TABLE ${t}.a (id integer PRIMARY KEY);
GRANT SELECT, INSERT, UPDATE ON db_migrate_history TO ${role};`)
      const config = p.config({ models: 'db/schema.sql' })
      await findDrift(config, server.url, silentLog, { snapshots })
      // a default prints in the session's interval style; the check constraint is settled on a table the role does not own
      writeFileSync(join(dir, '002_b.sql'), `SET search_path = ${t}; CREATE TABLE b (id integer CHECK (id > 0), wait interval DEFAULT '1 day');
SET intervalstyle = iso_8601; SET ROLE ${role};`)
      const incremental = await findDrift(config, server.url, silentLog, { snapshots })
      const full = await findDrift(p.config({ models: 'db/schema.sql', 'no-cache': 'true' }), server.url, silentLog, { snapshots })
      if (snapshots === 'own') assert.deepEqual({ fromCache: incremental.replay.fromCache, replayed: incremental.replay.replayed }, { fromCache: 1, replayed: 1 })
      assert.deepEqual(incremental.migrated, full.migrated)
      assert.equal(incremental.migrated.tables.find((x) => x.schema === t && x.name === 'b')?.columns.find((c) => c.name === 'wait')?.default, "'1 day'::interval")
    } finally {
      await adminQuery(server.url, `DROP ROLE IF EXISTS ${role}`).catch(() => {})
    }
  })

  it('names each snapshot by the server major, the settings and every file in order, and keeps only the last few', async () => {
    const p = project('models-sql', modelsProject)
    // a file of this run only: a reading stored by an earlier run of the same files would serve it without a database
    writeFileSync(join(p.dir, 'migrations', '20240103000000_this_run.sql'), `SELECT '${p.dir.slice(-8)}';`)
    const config = p.config({ models: 'db/schema.sql' })
    const { v, u: user } = (await adminQuery(server.url, "SELECT current_setting('server_version_num') AS v, current_user AS u")).rows[0]
    const major = Math.floor(Number(v) / 10000)
    const result = await findDrift(config, server.url, silentLog, { snapshots })
    const files = listMigrations(config.migrationsDir, config.cwd, config.migrationsIgnore)
    const keys = prefixKeys(files, major, replaySettings(config), user)
    assert.equal(result.replay.cacheKey, keys.at(-1))
    const { rows } = await adminQuery(server.url, 'SELECT datname FROM pg_database WHERE datname = $1', [snapshotName(keys.at(-1)!)])
    assert.equal(rows.length, 1, 'the head is kept as a database named by its key')
    // the same files on another major, as another role, or with another setting that changes the replay, have another key
    assert.notEqual(prefixKeys(files, major === 18 ? 15 : 18, replaySettings(config), user).at(-1), keys.at(-1))
    assert.notEqual(prefixKeys(files, major, replaySettings(config), `${user}_other`).at(-1), keys.at(-1))
    for (const [name, value] of [['statement-timeout', '5s'], ['lock-timeout', '1s'], ['context', 'pg'], ['umzug-table', 'Other'], ['migrations-ignore', 'none']] as const) {
      assert.notEqual(prefixKeys(files, major, replaySettings(p.config({ models: 'db/schema.sql', [name]: value })), user).at(-1), keys.at(-1), name)
    }

    if (snapshots !== 'own') return // a shared server's count depends on other runs; the names above are checked there too
    // two new files a run: one alone runs on the snapshot it follows, and keeps none
    for (let i = 0; i < snapshotLimit.migrations + 2; i++) {
      for (const j of [0, 1]) writeFileSync(join(p.dir, 'migrations', `2099010100000${i}${j}_noop.sql`), `SELECT ${i}${j};`)
      await findDrift(config, server.url, silentLog, { snapshots })
    }
    // a run prunes to the limit as it starts, and keeps its own head: one more until the next run starts
    const left = await adminQuery(server.url, "SELECT count(*)::int AS n FROM pg_database WHERE datname LIKE 'db\\_migrate\\_snap\\_%'")
    assert.equal(left.rows[0].n, snapshotLimit.migrations + 1)
  })

  it('reads the models from a snapshot of the same models built before, and builds them again once they change', async () => {
    const p = project('models-sql', modelsProject)
    const run = (settings: RawSettings = {}) => findDrift(p.config({ models: 'db/schema.sql', ...settings }), server.url, silentLog, { snapshots })
    await run()
    const again = await run()
    assert.equal(again.replay.modelsCached, true)
    const schemaFile = join(p.dir, 'db', 'schema.sql')
    // a column of this run only: stored schemas of the models outlive the run, in the check cache
    const pages = `pages_${p.dir.slice(-8).toLowerCase().replace(/[^a-z0-9]/g, '')}`
    writeFileSync(schemaFile, `${readFileSync(schemaFile, 'utf8')}\nALTER TABLE book ADD COLUMN ${pages} integer;\n`)
    const changed = await run()
    const full = await run({ 'no-cache': 'true' })
    assert.equal(changed.replay.modelsCached, false)
    assert.deepEqual(changed.models, full.models)
    assert.deepEqual(changed.statements, full.statements)
    assert.match(changed.explanations.join('\n'), new RegExp(`column ${pages} is in the models but no migration creates it`))
    assert.equal((await run()).replay.modelsCached, true)
  })

  it('keeps nothing for migrations that create roles, and on its own server drops the roles again', { skip: snapshots !== 'own' && 'roles are not ours to drop on a given server' }, async () => {
    const p = project('models-sql', modelsProject)
    writeFileSync(join(p.dir, 'migrations', '20240103000000_role.sql'), 'CREATE ROLE db_migrate_test_reader; GRANT SELECT ON book TO db_migrate_test_reader;')
    for (let i = 0; i < 2; i++) {
      const result = await findDrift(p.config({ models: 'db/schema.sql' }), server.url, silentLog, { snapshots })
      // the fixture's own two migrations may come from a snapshot; the one with the role is never kept
      assert.equal(result.replay.cacheKey, null)
      assert.equal(result.replay.fromCache + result.replay.replayed, 3)
    }
    const { rows } = await adminQuery(server.url, "SELECT 1 FROM pg_roles WHERE rolname = 'db_migrate_test_reader'")
    assert.equal(rows.length, 0)
  })
})
