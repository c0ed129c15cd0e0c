// Functions and procedures (aggregates and window functions are left out).
import type { SchemaObject } from '../schema/objects.js'
import { schemaFilter } from './queries.js'
import { notInExtension } from './views.js'

/** $1: schemas to read. */
export const functionsQuery = `
SELECT n.nspname AS schema, p.proname AS name, p.prokind AS prokind, pg_get_function_identity_arguments(p.oid) AS on,
       pg_get_functiondef(p.oid) AS definition, pg_get_function_arguments(p.oid) AS arguments,
       coalesce(pg_get_function_result(p.oid), '') AS result, obj_description(p.oid, 'pg_proc') AS comment
FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
WHERE p.prokind IN ('f', 'p') AND ${schemaFilter} AND ${notInExtension('pg_proc', 'p.oid')}
ORDER BY 1, 2, 4`

export function toFunction(row: any): SchemaObject {
  return {
    kind: row.prokind === 'p' ? 'procedure' : 'function',
    schema: row.schema,
    name: row.name,
    on: row.on,
    definition: row.definition.trimEnd(),
    shape: [row.arguments, row.result],
    enabled: null,
    comment: row.comment,
    dependsOn: [],
  }
}
