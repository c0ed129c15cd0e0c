import type { CompositeType } from '../schema/types.js'
import { collationName, notInExtension, schemaFilter } from './queries.js'

// A table's row type is composite too; only free-standing types (CREATE TYPE ... AS) are read.
export const compositesQuery = `
SELECT n.nspname AS schema, t.typname AS name,
       coalesce((SELECT jsonb_agg(jsonb_build_object(
                   'name', a.attname::text, 'type', format_type(a.atttypid, a.atttypmod),
                   'collation', CASE WHEN a.attcollation <> 0 AND a.attcollation <> at.typcollation THEN ${collationName('a.attcollation')} END)
                   ORDER BY a.attnum)
                 FROM pg_attribute a JOIN pg_type at ON at.oid = a.atttypid
                 WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped), '[]') AS attributes
FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace JOIN pg_class r ON r.oid = t.typrelid
WHERE t.typtype = 'c' AND r.relkind = 'c' AND ${schemaFilter} AND ${notInExtension('pg_type', 't.oid')}
ORDER BY 1, 2`

export function toComposite(row: any): CompositeType {
  return { schema: row.schema, name: row.name, attributes: row.attributes }
}
