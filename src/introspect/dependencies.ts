// What views, functions and triggers depend on, from pg_depend: a view's rule on the tables, columns, views and
// functions it reads; a function on the tables whose row types it takes or returns (and, for BEGIN ATOMIC bodies,
// what they read); a trigger on its table and function.
import { objectKey } from '../schema/objects.js'
import { schemaFilter } from './queries.js'

/** $1: schemas to read. One row per dependency, each side named by kind, schema, name and `on`. */
export const dependenciesQuery = `
WITH obj AS (
  SELECT 'pg_class'::regclass::oid AS classid, c.oid AS objid,
         CASE c.relkind WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized_view' ELSE 'table' END AS kind,
         n.nspname AS schema, c.relname AS name, '' AS on
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE c.relkind IN ('r', 'p', 'v', 'm') AND ${schemaFilter}
  UNION ALL
  SELECT 'pg_proc'::regclass::oid, p.oid, CASE p.prokind WHEN 'p' THEN 'procedure' ELSE 'function' END,
         n.nspname, p.proname, pg_get_function_identity_arguments(p.oid)
  FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
  WHERE p.prokind IN ('f', 'p') AND ${schemaFilter}
  UNION ALL
  SELECT 'pg_trigger'::regclass::oid, t.oid, 'trigger', n.nspname, t.tgname, c.relname
  FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE NOT t.tgisinternal AND ${schemaFilter}
), dep AS (
  SELECT CASE WHEN d.classid = 'pg_rewrite'::regclass THEN 'pg_class'::regclass::oid ELSE d.classid END AS classid,
         CASE WHEN d.classid = 'pg_rewrite'::regclass THEN r.ev_class ELSE d.objid END AS objid,
         CASE WHEN d.refclassid = 'pg_type'::regclass THEN 'pg_class'::regclass::oid ELSE d.refclassid END AS refclassid,
         CASE WHEN d.refclassid = 'pg_type'::regclass THEN ty.typrelid ELSE d.refobjid END AS refobjid,
         CASE WHEN d.refclassid = 'pg_type'::regclass THEN 0 ELSE d.refobjsubid END AS refobjsubid
  FROM pg_depend d
  LEFT JOIN pg_rewrite r ON d.classid = 'pg_rewrite'::regclass AND r.oid = d.objid
  LEFT JOIN pg_type ty ON d.refclassid = 'pg_type'::regclass AND ty.oid = d.refobjid
  WHERE d.deptype IN ('n', 'a')
    AND d.classid IN ('pg_rewrite'::regclass, 'pg_proc'::regclass, 'pg_trigger'::regclass)
    AND d.refclassid IN ('pg_class'::regclass, 'pg_proc'::regclass, 'pg_type'::regclass)
)
SELECT DISTINCT o.kind, o.schema, o.name, o.on, ro.kind AS ref_kind, ro.schema AS ref_schema, ro.name AS ref_name,
       ro.on AS ref_on, a.attname AS ref_column
FROM dep
JOIN obj o ON o.classid = dep.classid AND o.objid = dep.objid
JOIN obj ro ON ro.classid = dep.refclassid AND ro.objid = dep.refobjid
LEFT JOIN pg_attribute a ON dep.refclassid = 'pg_class'::regclass AND dep.refobjsubid > 0
  AND a.attrelid = dep.refobjid AND a.attnum = dep.refobjsubid
WHERE NOT (o.classid = ro.classid AND o.objid = ro.objid)
ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9`

/** The dependency rows grouped by the key of the dependent object; a column dependency names the column and its table. */
export function dependenciesByObject(rows: any[]): Map<string, string[]> {
  const out = new Map<string, string[]>()
  for (const row of rows) {
    const key = objectKey(row.kind, row.schema, row.name, row.on)
    const list = out.get(key) ?? []
    const refs = [objectKey(row.ref_kind, row.ref_schema, row.ref_name, row.ref_on)]
    if (row.ref_column !== null) refs.push(objectKey('column', row.ref_schema, row.ref_column, row.ref_name))
    for (const ref of refs) if (!list.includes(ref)) list.push(ref)
    out.set(key, list)
  }
  return out
}
