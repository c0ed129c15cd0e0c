import type { Extension } from '../schema/types.js'

// plpgsql is in every database PostgreSQL creates, so it is no one's to declare.
export const extensionsQuery = `
SELECT e.extname AS name, n.nspname AS schema, e.extversion AS version
FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
WHERE e.extname <> 'plpgsql' AND ($1::text[] IS NULL OR n.nspname = ANY($1::text[]))
ORDER BY 1`

export function toExtension(row: any): Extension {
  return { name: row.name, schema: row.schema, version: row.version }
}
