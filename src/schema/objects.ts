// Definition objects: what PostgreSQL keeps as text it can print back (views, functions, triggers, ...). Each is
// its identity, the definition PostgreSQL prints, and what it depends on; one generic shape serves every kind.

export type ObjectKind = 'function' | 'procedure' | 'view' | 'materialized_view' | 'view_index' | 'trigger' | 'event_trigger'

/** A trigger's or event trigger's firing state: ALTER ... ENABLE / DISABLE / ENABLE REPLICA / ENABLE ALWAYS. */
export type Enabled = 'enabled' | 'disabled' | 'replica' | 'always'

export interface SchemaObject {
  readonly kind: ObjectKind
  /** Its schema; a trigger's is its table's, an event trigger's is ''. */
  readonly schema: string
  readonly name: string
  /** The rest of its identity: a function's argument types (`a integer, b text`), the table (or view) a trigger or
   *  index is on; '' otherwise. */
  readonly on: string
  /** The statement that creates it as PostgreSQL prints it (pg_get_functiondef, pg_get_triggerdef, pg_get_indexdef,
   *  `CREATE VIEW name AS` + pg_get_viewdef); in models, the SQL as written, until the scratch database reads it back. */
  readonly definition: string
  /** What CREATE OR REPLACE must keep: a view's columns (`name type`), a function's arguments and result. */
  readonly shape: readonly string[]
  /** Triggers and event triggers; null for other kinds. */
  readonly enabled: Enabled | null
  readonly comment: string | null
  /** objectKey()s of the tables, columns and objects it depends on. */
  readonly dependsOn: readonly string[]
}

/** The key of an object, or of a table (`'table'`) or column (`'column'`, on = table) it may depend on. */
export function objectKey(kind: ObjectKind | 'table' | 'column', schema: string, name: string, on = ''): string {
  return JSON.stringify([kind, schema, name, on])
}

export function keyOfObject(o: SchemaObject): string {
  return objectKey(o.kind, o.schema, o.name, o.on)
}

/** The kind named in a key made by objectKey(). */
export function kindOfKey(key: string): string {
  return (JSON.parse(key) as string[])[0]!
}

/** Whether view `to` has `from`'s columns and maybe more after them. */
export function addsColumns(from: SchemaObject, to: SchemaObject): boolean {
  return from.shape.length <= to.shape.length && from.shape.every((s, i) => s === to.shape[i])
}

/** How messages name each kind. */
export const objectNoun: Record<ObjectKind, string> = {
  function: 'function',
  procedure: 'procedure',
  view: 'view',
  materialized_view: 'materialized view',
  view_index: 'index',
  trigger: 'trigger',
  event_trigger: 'event trigger',
}

/** "view reporting.totals", "function add(a integer, b integer)", "trigger stamp on post". */
export function objectName(o: Pick<SchemaObject, 'kind' | 'schema' | 'name' | 'on'>): string {
  const q = (name: string) => (o.schema === 'public' || o.schema === '' ? name : `${o.schema}.${name}`)
  switch (o.kind) {
    case 'function':
    case 'procedure':
      return `${objectNoun[o.kind]} ${q(o.name)}(${o.on})`
    case 'trigger':
      return `trigger ${o.name} on ${q(o.on)}`
    case 'view_index':
      return `index ${o.name} on ${q(o.on)}`
    default:
      return `${objectNoun[o.kind]} ${q(o.name)}`
  }
}
