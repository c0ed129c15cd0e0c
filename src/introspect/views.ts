// Views and materialized views, and the indexes of materialized views.
import type { SchemaObject } from '../schema/objects.js'
import { objectKey } from '../schema/objects.js'
import { schemaFilter } from './queries.js'

const notInExtension = (classid: string, oid: string) =>
  `NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = '${classid}'::regclass AND d.objid = ${oid} AND d.deptype = 'e')`

/** The definition is the CREATE statement with pg_get_viewdef's body; shape, the columns. Columns: see objectsQuery. */
export const viewsSelect = `
SELECT CASE c.relkind WHEN 'm' THEN 'materialized_view' ELSE 'view' END AS kind, n.nspname AS schema, c.relname AS name, '' AS on,
       format('CREATE %sVIEW %s%s AS%s', CASE c.relkind WHEN 'm' THEN 'MATERIALIZED ' ELSE '' END, c.oid::regclass,
              CASE WHEN c.reloptions IS NULL THEN '' ELSE ' WITH (' || array_to_string(c.reloptions, ', ') || ')' END,
              E'\\n' || rtrim(pg_get_viewdef(c.oid), ';')) AS definition,
       array(SELECT a.attname || ' ' || format_type(a.atttypid, a.atttypmod) FROM pg_attribute a
              WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum) AS shape,
       NULL::text AS enabled, obj_description(c.oid, 'pg_class') AS comment, NULL::text AS function_schema, NULL::text AS function_name
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('v', 'm') AND ${schemaFilter} AND ${notInExtension('pg_class', 'c.oid')}`

export const viewIndexesSelect = `
SELECT 'view_index' AS kind, n.nspname AS schema, ic.relname AS name, c.relname AS on, pg_get_indexdef(i.indexrelid) AS definition,
       '{}'::text[] AS shape, NULL::text AS enabled, obj_description(ic.oid, 'pg_class') AS comment, NULL::text AS function_schema, NULL::text AS function_name
FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid
JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind = 'm' AND ${schemaFilter}`

export function toView(row: any): SchemaObject {
  return {
    kind: row.kind,
    schema: row.schema,
    name: row.name,
    on: '',
    definition: row.definition,
    shape: row.shape,
    enabled: null,
    comment: row.comment,
    dependsOn: [],
  }
}

export function toViewIndex(row: any): SchemaObject {
  return {
    kind: 'view_index',
    schema: row.schema,
    name: row.name,
    on: row.on,
    definition: row.definition,
    shape: [],
    enabled: null,
    comment: row.comment,
    dependsOn: [objectKey('materialized_view', row.schema, row.on)],
  }
}

export { notInExtension }
