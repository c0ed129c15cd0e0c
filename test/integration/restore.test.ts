// A database and its `pg_dump -s` restored copy read back as the same schema: for every fixture project, and for
// expressions PostgreSQL prints differently once restored (a varchar IN list in a check, a partial index, a policy).
// Runs on TEST_DATABASE_URL's server with the pg_dump and psql of `pg_config --bindir`.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { upgrade } from '../../src/commands/upgrade.js'
import { compare } from '../../src/compare/compare.js'
import { connect } from '../../src/db/client.js'
import { introspect } from '../../src/introspect/introspect.js'
import { silentLog } from '../../src/log.js'
import { adminQuery, scratchDatabase, type ScratchDatabase, type TestServer } from '../helpers/postgres.js'
import { modelsProject, project } from '../helpers/project.js'
import { dumpServerUrl, dumpSkip, restoreSchema } from '../helpers/dump.js'

const url = dumpServerUrl
const skip = dumpSkip

const app = 'db_migrate_fixture_app'
const fixtures = ['models-tables', 'models-demo', 'models-types', 'models-defaults', 'models-constraints', 'models-indexes', 'models-schemas', 'models-keys']
const spellings = `
  CREATE TABLE spelled (s varchar(10) CHECK (s IN ('a', 'b')), owner text);
  CREATE INDEX spelled_s ON spelled (s) WHERE s IN ('a', 'b');
  ALTER TABLE spelled ENABLE ROW LEVEL SECURITY;
  CREATE POLICY spelled_ab ON spelled USING (s IN ('a', 'b')) WITH CHECK (owner = current_user AND s IN ('a'));
  CREATE FUNCTION twice(n int) RETURNS int LANGUAGE sql AS 'SELECT n * 2';
  REVOKE EXECUTE ON FUNCTION twice(int) FROM PUBLIC;
  GRANT EXECUTE ON FUNCTION twice(int) TO ${app}`

describe('a pg_dump -s restore reads back as the same schema', { skip }, () => {
  const server: TestServer = { label: 'external', url: url ?? '' }
  const dbs: ScratchDatabase[] = []
  before(() => adminQuery(server.url, `DO $$ BEGIN CREATE ROLE ${app}; EXCEPTION WHEN duplicate_object THEN NULL; END $$`))
  after(async () => {
    for (const db of dbs) await db.drop()
    await adminQuery(server.url, `DROP ROLE IF EXISTS ${app}`).catch(() => {})
  })

  const restored = async (source: ScratchDatabase): Promise<ScratchDatabase> => {
    const copy = await scratchDatabase(server, 'restored')
    dbs.push(copy)
    restoreSchema(source.url, copy.url)
    return copy
  }
  const read = async (db: ScratchDatabase, settle: boolean) => {
    const client = await connect(db.url)
    try {
      return await introspect(client, { exclude: [{ schema: 'public', name: 'db_migrate_history' }], settle })
    } finally {
      await client.end()
    }
  }

  for (const fixture of fixtures) {
    it(`for the migrations of ${fixture}`, async () => {
      const db = await scratchDatabase(server, 'dumped')
      dbs.push(db)
      await upgrade(project(fixture, modelsProject).config(), db.url, silentLog)
      const copy = await restored(db)
      const [original, again] = [await read(db, true), await read(copy, true)]
      assert.ok(original.tables.length > 0)
      assert.deepEqual(compare(original, again), [])
      assert.deepEqual(again, original)
    })
  }

  it('for expressions PostgreSQL spells differently once restored, which it is asked to settle', async () => {
    const db = await scratchDatabase(server, 'dumped')
    dbs.push(db)
    await adminQuery(db.url, spellings)
    const copy = await restored(db)
    // as printed, the check, the index predicate and the policy read differently; settled by the server, they are the same text
    assert.notDeepEqual(await read(db, false), await read(copy, false))
    const [original, again] = [await read(db, true), await read(copy, true)]
    assert.deepEqual(compare(original, again), [])
    assert.deepEqual(again, original)
    assert.ok(original.grants.some((g) => g.on === 'routine' && g.name === 'twice(integer)' && g.grantee === app))
    assert.ok(!original.grants.some((g) => g.on === 'routine' && g.grantee === 'PUBLIC'))
  })
})
