// Model objects carry their kind under a registry symbol, not a class: the user's models may import another copy of
// this library (the bundled one) than the copy that loads them, and `instanceof` would fail across copies.
export const entity = Symbol.for('db-migrate.entity')

export type EntityKind = 'sql' | 'column' | 'table' | 'enum' | 'relation' | 'index' | 'unique' | 'primary_key' | 'foreign_key' | 'check' | 'exclusion' | 'schema' | 'object' | 'raw_sql' | 'policy' | 'grant' | 'extension' | 'sequence' | 'domain' | 'composite' | 'collation'

/** The kind of a model object, or undefined for anything else. */
export function entityKind(value: unknown): EntityKind | undefined {
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null) return undefined
  const kind = (value as { [entity]?: unknown })[entity]
  return typeof kind === 'string' ? (kind as EntityKind) : undefined
}

export function isEntity<K extends EntityKind>(value: unknown, kind: K): boolean {
  return entityKind(value) === kind
}
