import assert from 'node:assert/strict'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { it } from 'node:test'
import { upgrade } from '../../src/commands/upgrade.js'
import { MigrationError } from '../../src/errors.js'
import { silentLog } from '../../src/log.js'
import { eachServer, history, tables } from './project.js'
import { project } from '../helpers/project.js'

// A transactional SQL file goes to the server as one query; a failure must still name its statement and line.
eachServer('a SQL migration sent whole', (database) => {
  it('names the line and statement of an error Postgres places (a missing table)', async () => {
    const db = await database()
    const p = project(null)
    mkdirSync(join(p.dir, 'migrations'))
    p.write('migrations/20250101000000_t.sql', 'CREATE TABLE a (id int);\n\n-- then\nINSERT INTO a VALUES (1);\nINSERT INTO missing VALUES (2);\n')
    await assert.rejects(upgrade(p.config(), db.url, silentLog), (e: Error) => {
      assert.ok(e instanceof MigrationError)
      assert.equal(e.message, 'migration 20250101000000_t (up) failed at migrations/20250101000000_t.sql:5: relation "missing" does not exist — in: INSERT INTO missing VALUES (2)')
      assert.equal(e.migration.line, 5)
      return true
    })
    assert.deepEqual(await tables(db.url), ['db_migrate_history'])
  })

  it('names the line and statement of an error with no position (a constraint), and leaves nothing', async () => {
    const db = await database()
    const p = project(null)
    mkdirSync(join(p.dir, 'migrations'))
    p.write('migrations/20250101000000_t.sql', 'CREATE TABLE a (id int NOT NULL);\nINSERT INTO a VALUES (1);\nINSERT INTO a VALUES (NULL);\nCREATE TABLE b (id int);\n')
    await assert.rejects(upgrade(p.config(), db.url, silentLog), (e: Error) => {
      assert.ok(e instanceof MigrationError)
      assert.match(e.message, /^migration 20250101000000_t \(up\) failed at migrations\/20250101000000_t\.sql:3: null value in column "id" of relation "a" violates not-null constraint — in: INSERT INTO a VALUES \(NULL\)$/)
      return true
    })
    assert.deepEqual(await tables(db.url), ['db_migrate_history'])
    assert.deepEqual(await history(db.url).catch(() => []), [])
  })
})
