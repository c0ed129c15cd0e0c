import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { lineAt, offsetOfPosition, splitStatements } from '../../src/runtime/sql-split.js'
import { optsOutOfTransaction } from '../../src/runtime/sql-run.js'

const texts = (sql: string) => splitStatements(sql)?.map((s) => s.text.trim()) ?? null

describe('splitting SQL files', () => {
  it('splits at top-level semicolons and keeps each statement’s offset', () => {
    const sql = 'CREATE TABLE a (id int);\n\n-- only a comment;\nINSERT INTO a VALUES (1);\n'
    const statements = splitStatements(sql)!
    assert.deepEqual(statements.map((s) => s.text.trim()), ['CREATE TABLE a (id int)', '-- only a comment;\nINSERT INTO a VALUES (1)'])
    assert.equal(sql.slice(statements[1]!.start).startsWith(statements[1]!.text), true)
  })

  it('ignores semicolons in strings, identifiers, dollar quotes and comments', () => {
    assert.deepEqual(texts(`SELECT 'a;''b'; SELECT "x;y" FROM t; SELECT E'\\';'; /* ; /* nested; */ ; */ SELECT 1`), [
      `SELECT 'a;''b'`, 'SELECT "x;y" FROM t', `SELECT E'\\';'`, '/* ; /* nested; */ ; */ SELECT 1',
    ])
    assert.deepEqual(texts('CREATE FUNCTION f() RETURNS int AS $body$ SELECT 1; $body$ LANGUAGE sql; DO $$ BEGIN PERFORM 1; END $$;'), [
      'CREATE FUNCTION f() RETURNS int AS $body$ SELECT 1; $body$ LANGUAGE sql', 'DO $$ BEGIN PERFORM 1; END $$',
    ])
    assert.deepEqual(texts('SELECT a$b; PREPARE p AS SELECT $1;'), ['SELECT a$b', 'PREPARE p AS SELECT $1'])
  })

  it('leaves BEGIN ATOMIC bodies to Postgres', () => {
    assert.equal(splitStatements('CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT 2; END;'), null)
  })

  it('drops segments holding only whitespace and comments', () => {
    assert.deepEqual(texts('-- header\n;\n  ;\n/* x */'), [])
  })

  it('maps Postgres character positions to lines, astral characters included', () => {
    const sql = "SELECT '😀',\n  nope"
    assert.equal(lineAt(sql, offsetOfPosition(sql, 15)), 2)
    assert.equal(sql.slice(offsetOfPosition(sql, 15)), 'nope')
  })

  it('reads the no-transaction directive from the first line only', () => {
    assert.equal(optsOutOfTransaction('-- db-migrate: no-transaction\nCREATE INDEX CONCURRENTLY i ON t (a);'), true)
    assert.equal(optsOutOfTransaction('\uFEFF--db-migrate:no-transaction\r\n'), true)
    assert.equal(optsOutOfTransaction('SELECT 1;\n-- db-migrate: no-transaction\n'), false)
  })
})
