import { entityKind } from './entity.js'
import type { EnumType } from './enum.js'
import type { SchemaDeclaration } from './namespace.js'
import type { ObjectDeclaration, RawSqlDeclaration } from './objects.js'
import type { GrantBuilder } from './grant.js'
import type { SchemaObjectModel } from './type-objects.js'
import type { AnyTable } from './table.js'
import type { Models } from './to-schema.js'

/**
 * The tables, enums, schemas, views, functions, triggers, raw SQL, grants, extensions, sequences, domains, composite
 * types and collations among a module's exports: exported directly, or inside exported arrays and plain objects
 * (`export const tables = { user, post }`). Relations are skipped: they produce no DDL.
 */
export function collectModels(exports: Record<string, unknown>): Models {
  const tables: AnyTable[] = []
  const enums: EnumType[] = []
  const schemas: SchemaDeclaration[] = []
  const objects: ObjectDeclaration[] = []
  const raw: RawSqlDeclaration[] = []
  const grants: GrantBuilder[] = []
  const types: SchemaObjectModel[] = []
  const seen = new Set<unknown>()
  const visit = (value: unknown, depth: number): void => {
    if (seen.has(value) || depth > 4) return
    seen.add(value)
    const kind = entityKind(value)
    if (kind === 'table') tables.push(value as AnyTable)
    else if (kind === 'enum') enums.push(value as EnumType)
    else if (kind === 'schema') schemas.push(value as SchemaDeclaration)
    else if (kind === 'object') objects.push(value as ObjectDeclaration)
    else if (kind === 'raw_sql') raw.push(value as RawSqlDeclaration)
    else if (kind === 'grant') grants.push(value as GrantBuilder)
    else if (kind === 'extension' || kind === 'sequence' || kind === 'domain' || kind === 'composite' || kind === 'collation') types.push(value as SchemaObjectModel)
    else if (kind === undefined && Array.isArray(value)) value.forEach((v) => visit(v, depth + 1))
    else if (kind === undefined && isPlainObject(value)) Object.values(value).forEach((v) => visit(v, depth + 1))
  }
  for (const value of Object.values(exports)) visit(value, 0)
  return { tables, enums, schemas, objects, raw, grants, types }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false
  const proto = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}
