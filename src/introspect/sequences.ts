import type { Sequence } from '../schema/types.js'
import { notInExtension, schemaFilter, serialSequence } from './queries.js'

// Identity sequences ('internal' dependency) belong to their column, and so do those of columns read as serial.
export const sequencesQuery = `
SELECT n.nspname AS schema, s.relname AS name, format_type(sq.seqtypid, NULL) AS type,
       sq.seqstart::text AS start, sq.seqincrement::text AS increment, sq.seqmin::text AS min, sq.seqmax::text AS max,
       sq.seqcache::text AS cache, sq.seqcycle AS cycle,
       own.schema AS owner_schema, own.table AS owner_table, own.column AS owner_column
FROM pg_sequence sq JOIN pg_class s ON s.oid = sq.seqrelid JOIN pg_namespace n ON n.oid = s.relnamespace
LEFT JOIN LATERAL (
  SELECT tn.nspname AS schema, c.relname AS table, a.attname AS column,
         EXISTS (SELECT 1 FROM pg_attrdef ad WHERE ad.adrelid = a.attrelid AND ad.adnum = a.attnum AND a.attidentity = '' AND ${serialSequence}) AS serial
  FROM pg_depend d JOIN pg_class c ON c.oid = d.refobjid JOIN pg_namespace tn ON tn.oid = c.relnamespace
  JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
  WHERE d.classid = 'pg_class'::regclass AND d.objid = s.oid AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')
  LIMIT 1) own ON true
WHERE ${schemaFilter} AND ${notInExtension('pg_class', 's.oid')}
  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = s.oid AND d.deptype = 'i')
  AND NOT coalesce(own.serial, false)
ORDER BY 1, 2`

export function toSequence(row: any): Sequence {
  return {
    schema: row.schema,
    name: row.name,
    type: row.type,
    start: row.start,
    increment: row.increment,
    min: row.min,
    max: row.max,
    cache: row.cache,
    cycle: row.cycle,
    ownedBy: row.owner_table === null ? null : { schema: row.owner_schema, table: row.owner_table, column: row.owner_column },
  }
}
