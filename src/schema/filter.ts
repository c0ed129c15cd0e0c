import type { Schema } from './schema.js'

/** Which schemas (namespaces) a comparison looks at: only `include` when it names any, never `exclude`. */
export interface SchemaScope {
  readonly include: readonly string[]
  readonly exclude: readonly string[]
}

export const wholeDatabase: SchemaScope = { include: [], exclude: [] }

export function inScope(scope: SchemaScope, name: string): boolean {
  return (scope.include.length === 0 || scope.include.includes(name)) && !scope.exclude.includes(name)
}

/**
 * The schema with every item outside `scope` left out, the schemas' own entries included. It reads no field by
 * name but `schemas`: every array of the Schema whose items carry a `schema` is filtered by it, so an object kind
 * added to the Schema is scoped without a change here.
 */
export function filterSchema(schema: Schema, scope: SchemaScope): Schema {
  if (scope.include.length === 0 && scope.exclude.length === 0) return schema
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(schema)) {
    out[key] = Array.isArray(value) ? value.filter((item) => {
      const name = namespaceOf(key, item)
      return name === undefined || inScope(scope, name)
    }) : value
  }
  return out as unknown as Schema
}

/** True when some item of the schema (a table, an enum, any kind) lives in the namespace `name`. */
export function holdsItems(schema: Schema, name: string): boolean {
  return Object.entries(schema).some(([key, value]) => key !== 'schemas' && Array.isArray(value) && value.some((item) => namespaceOf(key, item) === name))
}

/** The namespace an item lives in: a `schemas` entry is one itself (a name, or an object with one). */
function namespaceOf(key: string, item: unknown): string | undefined {
  if (key === 'schemas') return typeof item === 'string' ? item : stringField(item, 'name')
  return stringField(item, 'schema')
}

function stringField(item: unknown, field: string): string | undefined {
  if (typeof item !== 'object' || item === null) return undefined
  const value = (item as Record<string, unknown>)[field]
  return typeof value === 'string' ? value : undefined
}
