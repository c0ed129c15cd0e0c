import type { Collation } from '../schema/types.js'
import { notInExtension, schemaFilter } from './queries.js'

// The locale column is colliculocale on PostgreSQL 15 and 16 and colllocale from 17: read whichever the row has.
export const collationsQuery = `
SELECT n.nspname AS schema, c.collname AS name, c.collprovider AS provider, c.collcollate AS lc_collate, c.collctype AS lc_ctype,
       coalesce(to_jsonb(c) ->> 'colllocale', to_jsonb(c) ->> 'colliculocale') AS locale, c.collisdeterministic AS deterministic
FROM pg_collation c JOIN pg_namespace n ON n.oid = c.collnamespace
WHERE ${schemaFilter} AND ${notInExtension('pg_collation', 'c.oid')}
ORDER BY 1, 2`

const providers: Record<string, Collation['provider']> = { c: 'libc', i: 'icu', b: 'builtin' }

export function toCollation(row: any): Collation {
  return {
    schema: row.schema,
    name: row.name,
    provider: providers[row.provider] ?? 'libc',
    locale: row.locale,
    lcCollate: row.lc_collate,
    lcCtype: row.lc_ctype,
    deterministic: row.deterministic,
  }
}
