// SQL for definition objects: each kind is one entry saying how to drop it, how to name it in COMMENT ON, and how
// CREATE OR REPLACE reads; the CREATE itself is the definition PostgreSQL printed (or the models' SQL).
import type { Operation } from '../ops/operation.js'
import { addsColumns, type Enabled, type ObjectKind, type SchemaObject } from '../schema/objects.js'
import { ident, qualified, quoteLiteral } from './ident.js'

interface KindSql {
  readonly drop: (o: SchemaObject) => string
  /** What COMMENT ON names: `VIEW v`, `FUNCTION f(integer)`, `TRIGGER t ON tbl`. */
  readonly target: (o: SchemaObject) => string
}

const routine = (word: string) => (o: SchemaObject) => `${word} ${qualified(o.schema, o.name)}(${o.on})`

const kinds: Record<ObjectKind, KindSql> = {
  function: { drop: (o) => `DROP ${routine('FUNCTION')(o)}`, target: routine('FUNCTION') },
  procedure: { drop: (o) => `DROP ${routine('PROCEDURE')(o)}`, target: routine('PROCEDURE') },
  view: { drop: (o) => `DROP VIEW ${qualified(o.schema, o.name)}`, target: (o) => `VIEW ${qualified(o.schema, o.name)}` },
  materialized_view: {
    drop: (o) => `DROP MATERIALIZED VIEW ${qualified(o.schema, o.name)}`,
    target: (o) => `MATERIALIZED VIEW ${qualified(o.schema, o.name)}`,
  },
  view_index: { drop: (o) => `DROP INDEX ${qualified(o.schema, o.name)}`, target: (o) => `INDEX ${qualified(o.schema, o.name)}` },
  trigger: {
    drop: (o) => `DROP TRIGGER ${ident(o.name)} ON ${qualified(o.schema, o.on)}`,
    target: (o) => `TRIGGER ${ident(o.name)} ON ${qualified(o.schema, o.on)}`,
  },
  event_trigger: { drop: (o) => `DROP EVENT TRIGGER ${ident(o.name)}`, target: (o) => `EVENT TRIGGER ${ident(o.name)}` },
}

export function createObject(op: Extract<Operation, { kind: 'create_object' }>): string[] {
  const o = op.object
  return [
    ...withBodiesUnchecked(o, o.definition),
    ...(o.comment !== null ? [commentOn(o)] : []),
    ...(o.enabled !== null && o.enabled !== 'enabled' ? [enable(o, o.enabled)] : []),
  ]
}

export function dropObject(op: Extract<Operation, { kind: 'drop_object' }>): string[] {
  return [kinds[op.object.kind].drop(op.object)]
}

export function alterObject(op: Extract<Operation, { kind: 'alter_object' }>): string[] {
  return op.changes.flatMap((change) => {
    switch (change) {
      case 'definition':
        if (op.to.kind === 'view' && !addsColumns(op.from, op.to)) {
          // CREATE OR REPLACE cannot drop a view's columns; compare rebuilds what reads the view around this op
          return [kinds.view.drop(op.from), op.to.definition, ...(op.to.comment !== null && !op.changes.includes('comment') ? [commentOn(op.to)] : [])]
        }
        return withBodiesUnchecked(op.to, op.to.definition.replace(/^\s*CREATE\s+(?:OR\s+REPLACE\s+)?/i, 'CREATE OR REPLACE '))
      case 'comment':
        return [commentOn(op.to)]
      case 'enabled':
        return [enable(op.to, op.to.enabled ?? 'enabled')]
    }
  })
}

/**
 * A SQL-language body is checked against the tables when it is created, and functions are created before the
 * tables (defaults and checks may call them): as pg_dump does, the check waits until the function runs.
 */
function withBodiesUnchecked(o: SchemaObject, statement: string): string[] {
  const sqlBody = (o.kind === 'function' || o.kind === 'procedure') && /\bLANGUAGE\s+'?sql\b/i.test(statement)
  return sqlBody ? ['SET check_function_bodies = off', statement, 'RESET check_function_bodies'] : [statement]
}

function commentOn(o: SchemaObject): string {
  return `COMMENT ON ${kinds[o.kind].target(o)} IS ${o.comment === null ? 'NULL' : quoteLiteral(o.comment)}`
}

const triggerState: Record<Enabled, string> = { enabled: 'ENABLE', disabled: 'DISABLE', replica: 'ENABLE REPLICA', always: 'ENABLE ALWAYS' }

function enable(o: SchemaObject, state: Enabled): string {
  return o.kind === 'event_trigger'
    ? `ALTER EVENT TRIGGER ${ident(o.name)} ${triggerState[state]}`
    : `ALTER TABLE ${qualified(o.schema, o.on)} ${triggerState[state]} TRIGGER ${ident(o.name)}`
}
