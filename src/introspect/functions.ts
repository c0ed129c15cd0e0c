// Functions and procedures (aggregates and window functions are left out).
import type { SchemaObject } from '../schema/objects.js'
import { schemaFilter } from './queries.js'
import { notInExtension } from './views.js'

/** Shape: the arguments (names and defaults) and the result, which CREATE OR REPLACE must keep. */
export const functionsSelect = `
SELECT CASE p.prokind WHEN 'p' THEN 'procedure' ELSE 'function' END AS kind, n.nspname AS schema, p.proname AS name,
       pg_get_function_identity_arguments(p.oid) AS on, pg_get_functiondef(p.oid) AS definition,
       ARRAY[pg_get_function_arguments(p.oid), coalesce(pg_get_function_result(p.oid), '')] AS shape,
       NULL::text AS enabled, obj_description(p.oid, 'pg_proc') AS comment, NULL::text AS function_schema, NULL::text AS function_name
FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
WHERE p.prokind IN ('f', 'p') AND ${schemaFilter} AND ${notInExtension('pg_proc', 'p.oid')}`

export function toFunction(row: any): SchemaObject {
  return {
    kind: row.kind,
    schema: row.schema,
    name: row.name,
    on: row.on,
    definition: row.definition.trimEnd(),
    shape: row.shape,
    enabled: null,
    comment: row.comment,
    dependsOn: [],
  }
}
