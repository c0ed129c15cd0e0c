import assert from 'node:assert/strict'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { it } from 'node:test'
import { upgrade } from '../../src/commands/upgrade.js'
import { MigrationError } from '../../src/errors.js'
import { silentLog, type Log } from '../../src/log.js'
import { eachServer, history, rows, tables } from './project.js'
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

function recordingLog(): Log & { lines: string[] } {
  const lines: string[] = []
  return { lines, info: (m) => lines.push(m), warn: (m) => lines.push(`warning: ${m}`) }
}

// Consecutive SQL files in transactions go to the server as one query: each must still be a migration of its own.
eachServer('SQL migrations sent together', (database) => {
  const files = (p: ReturnType<typeof project>, texts: Record<string, string>) => {
    mkdirSync(join(p.dir, 'migrations'))
    for (const [name, text] of Object.entries(texts)) p.write(`migrations/${name}.sql`, text)
  }

  it('commits the ones before a failure, resets the session between them, and places the error in its own file', async () => {
    const db = await database()
    const p = project(null)
    files(p, {
      '20250101000000_a': "CREATE SCHEMA elsewhere;\nSET search_path = elsewhere;\nCREATE TABLE in_elsewhere (note text DEFAULT '😀 é');\n",
      '20250102000000_b': 'CREATE TABLE b (id int);\n',
      '20250103000000_c': '-- 😀\nCREATE TABLE c (id int);\nINSERT INTO missing VALUES (2);\n',
    })
    const log = recordingLog()
    await assert.rejects(upgrade(p.config(), db.url, log), (e: Error) => {
      assert.ok(e instanceof MigrationError)
      assert.equal(e.message, 'migration 20250103000000_c (up) failed at migrations/20250103000000_c.sql:3: relation "missing" does not exist — in: INSERT INTO missing VALUES (2)')
      return true
    })
    assert.deepEqual(log.lines, ['applying 20250101000000_a', 'applying 20250102000000_b', 'applying 20250103000000_c'])
    assert.deepEqual(await history(db.url), ['20250101000000_a', '20250102000000_b'])
    assert.deepEqual(await tables(db.url), ['b', 'db_migrate_history'])
    assert.deepEqual(await rows(db.url, "SELECT tablename FROM pg_tables WHERE schemaname = 'elsewhere'"), [{ tablename: 'in_elsewhere' }])
  })

  it('finds the statement of an error without a position in a file after others', async () => {
    const db = await database()
    const p = project(null)
    files(p, {
      '20250101000000_a': 'CREATE TABLE a (id int NOT NULL);\n',
      '20250102000000_b': 'INSERT INTO a VALUES (1);\n\nINSERT INTO a VALUES (NULL);\nCREATE TABLE b (id int);\n',
      '20250103000000_c': 'CREATE TABLE c (id int);\n',
    })
    await assert.rejects(upgrade(p.config(), db.url, silentLog), (e: Error) =>
      e instanceof MigrationError && /^migration 20250102000000_b \(up\) failed at migrations\/20250102000000_b\.sql:3: null value in column "id" of relation "a" violates not-null constraint — in: INSERT INTO a VALUES \(NULL\)$/.test(e.message))
    assert.deepEqual(await history(db.url), ['20250101000000_a'])
    assert.deepEqual(await rows(db.url, 'SELECT count(*)::int AS n FROM a'), [{ n: 0 }])
    assert.deepEqual(await tables(db.url), ['a', 'db_migrate_history'])
  })

  it('applies the files before one Postgres cannot parse, and names that one, each logged once', async () => {
    const db = await database()
    const p = project(null)
    files(p, {
      '20250101000000_a': 'CREATE TABLE a (id int);\n',
      '20250102000000_b': 'CREATE TABLE b (id int);\n',
      '20250103000000_c': 'CREATE TABLE c (id int);\nCREAT TABLE d (id int);\n',
      '20250104000000_d': 'CREATE TABLE e (id int);\n',
    })
    const log = recordingLog()
    await assert.rejects(upgrade(p.config(), db.url, log), (e: Error) =>
      e instanceof MigrationError && e.message.startsWith('migration 20250103000000_c (up) failed at migrations/20250103000000_c.sql:2: syntax error at or near "CREAT"'))
    assert.deepEqual(log.lines, ['applying 20250101000000_a', 'applying 20250102000000_b', 'applying 20250103000000_c'])
    assert.deepEqual(await history(db.url), ['20250101000000_a', '20250102000000_b'])
    assert.deepEqual(await tables(db.url), ['a', 'b', 'db_migrate_history'])
  })
})
