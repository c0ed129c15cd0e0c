import type { Domain } from '../schema/types.js'
import { collationName, notInExtension, schemaFilter } from './queries.js'

// contype 'n' (a domain's NOT NULL, recorded as a constraint from PostgreSQL 17) is left out: it comes from typnotnull.
export const domainsQuery = `
SELECT n.nspname AS schema, t.typname AS name, format_type(t.typbasetype, t.typtypmod) AS type,
       t.typdefault AS default, t.typnotnull AS not_null,
       coalesce((SELECT jsonb_agg(jsonb_build_object('name', k.conname::text, 'definition', pg_get_constraintdef(k.oid)) ORDER BY k.conname)
                 FROM pg_constraint k WHERE k.contypid = t.oid AND k.contype = 'c'), '[]') AS checks,
       CASE WHEN t.typcollation <> 0 AND t.typcollation <> b.typcollation THEN ${collationName('t.typcollation')} END AS collation
FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace JOIN pg_type b ON b.oid = t.typbasetype
WHERE t.typtype = 'd' AND ${schemaFilter} AND ${notInExtension('pg_type', 't.oid')}
ORDER BY 1, 2`

export function toDomain(row: any): Domain {
  return { schema: row.schema, name: row.name, type: row.type, default: row.default, notNull: row.not_null, checks: row.checks, collation: row.collation }
}
