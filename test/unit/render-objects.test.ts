// Object operations → SQL, without a database: each kind's CREATE, DROP, COMMENT ON and ENABLE, CREATE OR REPLACE
// where it can, and the way back of a view that gained columns.
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { reverse, type Operation } from '../../src/ops/operation.js'
import { renderSql } from '../../src/render/sql.js'
import type { SchemaObject } from '../../src/schema/objects.js'

const object = (o: Partial<SchemaObject> & Pick<SchemaObject, 'kind' | 'name' | 'definition'>): SchemaObject =>
  ({ schema: 'public', on: '', shape: [], enabled: null, comment: null, dependsOn: [], ...o })
const sqlOf = (...ops: Operation[]) => renderSql(ops).map((s) => s.sql)

const view = object({ kind: 'view', name: 'v', definition: 'CREATE VIEW v AS\n SELECT t.id\n   FROM t', shape: ['id integer'], comment: 'ids' })
const wider = { ...view, definition: 'CREATE VIEW v AS\n SELECT t.id,\n    t.name\n   FROM t', shape: ['id integer', 'name text'] }

describe('object operations as SQL', () => {
  it('drops each kind by its identity', () => {
    assert.deepEqual(sqlOf(
      { kind: 'drop_object', object: view },
      { kind: 'drop_object', object: object({ kind: 'materialized_view', schema: 'app', name: 'mv', definition: '' }) },
      { kind: 'drop_object', object: object({ kind: 'view_index', schema: 'app', name: 'mv_id', on: 'mv', definition: '' }) },
      { kind: 'drop_object', object: object({ kind: 'function', name: 'add', on: 'a integer, b integer', definition: '' }) },
      { kind: 'drop_object', object: object({ kind: 'procedure', name: 'archive', definition: '' }) },
      { kind: 'drop_object', object: object({ kind: 'trigger', schema: 'app', name: 'stamp', on: 'user', definition: '' }) },
      { kind: 'drop_object', object: object({ kind: 'event_trigger', schema: '', name: 'guard', definition: '' }) },
    ), [
      'DROP VIEW v',
      'DROP MATERIALIZED VIEW app.mv',
      'DROP INDEX app.mv_id',
      'DROP FUNCTION add(a integer, b integer)',
      'DROP PROCEDURE archive()',
      'DROP TRIGGER stamp ON app."user"',
      'DROP EVENT TRIGGER guard',
    ])
  })

  it('creates from the definition, then sets the comment and a trigger that does not fire as usual', () => {
    const trigger = object({ kind: 'trigger', name: 'stamp', on: 'post', definition: 'CREATE TRIGGER stamp BEFORE UPDATE ON public.post FOR EACH ROW EXECUTE FUNCTION touch()', enabled: 'replica', comment: "it's set" })
    const guard = object({ kind: 'event_trigger', schema: '', name: 'guard', definition: 'CREATE EVENT TRIGGER guard ON sql_drop EXECUTE FUNCTION guard()', enabled: 'disabled' })
    assert.deepEqual(sqlOf({ kind: 'create_object', object: view }, { kind: 'create_object', object: trigger }, { kind: 'create_object', object: guard }), [
      view.definition,
      "COMMENT ON VIEW v IS 'ids'",
      trigger.definition,
      "COMMENT ON TRIGGER stamp ON post IS 'it''s set'",
      'ALTER TABLE post ENABLE REPLICA TRIGGER stamp',
      guard.definition,
      'ALTER EVENT TRIGGER guard DISABLE',
    ])
  })

  it('replaces a function in place, its SQL body checked only when it runs', () => {
    const from = object({ kind: 'function', name: 'one', definition: "CREATE OR REPLACE FUNCTION public.one()\n RETURNS integer\n LANGUAGE sql\nAS $function$SELECT 1$function$" })
    const to = { ...from, definition: from.definition.replace('SELECT 1', 'SELECT 2 - 1'), comment: 'one' }
    assert.deepEqual(sqlOf({ kind: 'alter_object', from, to, changes: ['definition', 'comment'] }), [
      'SET check_function_bodies = off',
      to.definition,
      'RESET check_function_bodies',
      "COMMENT ON FUNCTION one() IS 'one'",
    ])
  })

  it('replaces a view that gains columns in place, and drops and creates it again on the way back, comment kept', () => {
    const op: Operation = { kind: 'alter_object', from: view, to: wider, changes: ['definition'] }
    assert.deepEqual(sqlOf(op), [wider.definition.replace('CREATE VIEW', 'CREATE OR REPLACE VIEW')])
    assert.deepEqual(sqlOf(reverse(op)), ['DROP VIEW v', view.definition, "COMMENT ON VIEW v IS 'ids'"])
  })
})
