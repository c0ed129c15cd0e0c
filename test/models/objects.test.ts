// Views, functions and triggers in the model language, before any database: what each declaration says, its
// problems as one line each, and the order their DDL runs in whatever order the models list them.
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { eventTrigger, integer, materializedView, rawSql, sql, sqlFunction, sqlProcedure, table, text, trigger, view } from '../../src/index.js'
import { collectModels } from '../../src/models/collect.js'
import { buildSchema } from '../../src/models/to-schema.js'
import { renderSchemaDdl } from '../../src/render/sql.js'

const user = table('user', { id: integer().primaryKey(), name: text() }, undefined, { schema: 'app' })

describe('views, functions and triggers in models', () => {
  it('names each object from its SQL: schema, name, argument types, the table of a trigger', () => {
    const models = collectModels({
      user,
      active: view('active', sql`SELECT id FROM ${user}`, { schema: 'app', comment: 'people', with: 'security_barrier' }),
      add: sqlFunction('CREATE OR REPLACE FUNCTION app.add(a integer, b numeric(8,2) DEFAULT 1) RETURNS numeric LANGUAGE sql AS $$SELECT a + b$$'),
      archive: sqlProcedure('CREATE PROCEDURE "Archive"() LANGUAGE sql AS $$SELECT 1$$'),
      stamp: trigger('CREATE CONSTRAINT TRIGGER stamp AFTER INSERT ON app."user" FOR EACH ROW EXECUTE FUNCTION app.stamp()', { enabled: 'replica' }),
      guard: eventTrigger('CREATE EVENT TRIGGER guard ON sql_drop EXECUTE FUNCTION app.guard()', { enabled: false }),
      extension: rawSql`CREATE EXTENSION IF NOT EXISTS citext`,
    })
    assert.deepEqual(models.raw?.map((r) => r.sql), ['CREATE EXTENSION IF NOT EXISTS citext'])
    const { schema, problems } = buildSchema(models)
    assert.deepEqual(problems, [])
    assert.deepEqual(schema.objects?.map((o) => [o.kind, o.schema, o.name, o.on, o.enabled, o.comment]), [
      ['view', 'app', 'active', '', null, 'people'],
      ['function', 'app', 'add', 'a integer, b numeric(8,2)', null, null],
      ['procedure', 'public', 'Archive', '', null, null],
      ['trigger', 'app', 'stamp', 'user', 'replica', null],
      ['event_trigger', '', 'guard', '', 'disabled', null],
    ])
    assert.equal(schema.objects?.[0]?.definition, 'CREATE VIEW app.active WITH (security_barrier) AS SELECT id FROM app."user"')
  })

  it('creates a view after the views and functions it reads, whatever order the models list them in', () => {
    const models = collectModels({
      top: view('top', 'SELECT id FROM middle'),
      middle: view('middle', 'SELECT id, score(id) FROM base'),
      base: materializedView('base', sql`SELECT id FROM ${user}`, { indexes: ['CREATE UNIQUE INDEX base_id ON base (id)'] }),
      score: sqlFunction('CREATE FUNCTION score(id integer) RETURNS integer LANGUAGE sql AS $$SELECT id * 2$$'),
      user,
    })
    const ddl = renderSchemaDdl(buildSchema(models).schema).map((s) => s.sql.split(/\s+AS\b/)[0]!.split('(')[0]!.trim())
    assert.deepEqual(ddl, [
      'CREATE SCHEMA app',
      'SET check_function_bodies = off',
      'CREATE FUNCTION score',
      'RESET check_function_bodies',
      'CREATE TABLE app."user"',
      'CREATE MATERIALIZED VIEW base',
      'CREATE VIEW middle',
      'CREATE VIEW top',
      'CREATE UNIQUE INDEX base_id ON base',
    ])
  })

  it('creates a function that returns rows of a table after the table', () => {
    const models = collectModels({
      everyone: sqlFunction('CREATE FUNCTION everyone() RETURNS SETOF app."user" LANGUAGE sql AS $$SELECT * FROM app."user"$$'),
      user,
    })
    const ddl = renderSchemaDdl(buildSchema(models).schema).map((s) => s.sql.split('(')[0]!.trim())
    assert.deepEqual(ddl, ['CREATE SCHEMA app', 'CREATE TABLE app."user"', 'SET check_function_bodies = off', 'CREATE FUNCTION everyone', 'RESET check_function_bodies'])
  })

  it('says in one line what a declaration lacks', () => {
    const problems = buildSchema(collectModels({
      user,
      a: sqlFunction('SELECT 1'),
      b: trigger('CREATE TRIGGER nothing'),
      c: eventTrigger('CREATE TRIGGER x ON t'),
      d: materializedView('m', 'SELECT 1', { indexes: ['an index'] }),
      e: view('twice', 'SELECT 1'),
      f: view('twice', 'SELECT 2'),
    })).problems
    assert.deepEqual(problems, [
      'function "SELECT 1" must read CREATE [OR REPLACE] FUNCTION name(...) or CREATE PROCEDURE name(...)',
      'trigger "CREATE TRIGGER nothing" must read CREATE [CONSTRAINT] TRIGGER name ... ON table ...',
      'event trigger "CREATE TRIGGER x ON t" must read CREATE EVENT TRIGGER name ON event ...',
      'materialized view m: index "an index" must read CREATE [UNIQUE] INDEX name ON ...',
      'view twice is declared twice: declare it once',
    ])
  })
})
