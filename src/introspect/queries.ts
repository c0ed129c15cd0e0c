// Catalog queries of introspect(). Each reads every table at once; none runs per table.
// Parameters: $1 text[] of schemas to read (null: every user schema), and but for enumsQuery $2, a jsonb array of
// {schema, name} tables to leave out; the table queries (tables, columns, constraints, indexes, policies) take $3, the
// oids of the only tables to read (null: all).

/** Which schemas and relations belong to the user: not system schemas, not objects that extensions own. */
export const schemaFilter = `
  CASE WHEN $1::text[] IS NULL
    THEN n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp\\_%'
    ELSE n.nspname = ANY($1::text[]) END`

export const tableFilter = `
  c.relkind IN ('r', 'p') AND ${schemaFilter}
  AND NOT $2::jsonb @> jsonb_build_array(jsonb_build_object('schema', n.nspname::text, 'name', c.relname::text))
  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')`

/** The table queries' `$3`: the only tables to read, when not all. */
const onlyTables = `($3::oid[] IS NULL OR c.oid = ANY($3::oid[]))`

/** Objects an extension created belong to it, not to the user's schema. `classid`/`objid`: the object's catalog and oid. */
export function notInExtension(classid: string, objid: string): string {
  return `NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = '${classid}'::regclass AND d.objid = ${objid} AND d.deptype = 'e')`
}

/** How a COLLATE clause names collation `oid`: qualified outside pg_catalog and public. */
export function collationName(oid: string): string {
  return `(SELECT CASE WHEN cn.nspname IN ('pg_catalog', 'public') THEN quote_ident(co.collname)
            ELSE quote_ident(cn.nspname) || '.' || quote_ident(co.collname) END
     FROM pg_collation co JOIN pg_namespace cn ON cn.oid = co.collnamespace WHERE co.oid = ${oid})`
}

/**
 * Whether sequence `s` (pg_class; `sq` its pg_sequence) is the one a serial column `a` of table `c` (default `ad`)
 * would make: of the column's type, named `<table>_<column>_seq` beside it, with default options, drawn by the default.
 * Such a column reads as serial and its sequence as part of it; any other sequence is listed on its own.
 */
export const serialSequence = `
  sq.seqtypid = a.atttypid AND s.relnamespace = c.relnamespace AND s.relname = c.relname || '_' || a.attname || '_seq'
  AND sq.seqstart = 1 AND sq.seqincrement = 1 AND sq.seqmin = 1 AND sq.seqcache = 1 AND NOT sq.seqcycle
  AND sq.seqmax = CASE a.atttypid WHEN 'int2'::regtype::oid THEN 32767 WHEN 'int4'::regtype::oid THEN 2147483647 ELSE 9223372036854775807 END
  AND pg_get_expr(ad.adbin, ad.adrelid) = format('nextval(%L::regclass)', s.oid::regclass::text)`

/**
 * Remembers the caller's search_path and sets `public`, so names print qualified exactly when outside public; and
 * turns JIT compilation off (where the server has it): compiling these catalog queries costs more than running them.
 */
export const enterQuery = `SELECT current_setting('search_path') AS search_path, set_config('search_path', 'public', false) AS now,
  current_setting('jit', true) AS jit, CASE WHEN current_setting('jit', true) IS NOT NULL THEN set_config('jit', 'off', false) END AS jit_now`

/** Puts back the search_path and the JIT setting enterQuery found. $1: the saved search_path, $2: the saved jit (null: none). */
export const leaveQuery = `SELECT set_config('search_path', $1, false), CASE WHEN $2::text IS NOT NULL THEN set_config('jit', $2::text, false) END`

// Every user schema, empty ones too, but public (every database has it) and those an extension created.
export const schemasQuery = `
SELECT n.nspname AS name
FROM pg_namespace n
WHERE ${schemaFilter} AND n.nspname <> 'public' AND n.nspname NOT LIKE 'pg\\_%'
  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_namespace'::regclass AND d.objid = n.oid AND d.deptype = 'e')
ORDER BY 1`

export const enumsQuery = `
SELECT n.nspname AS schema, t.typname AS name,
       array(SELECT e.enumlabel::text FROM pg_enum e WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder) AS values,
       obj_description(t.oid, 'pg_type') AS comment
FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
WHERE t.typtype = 'e' AND ${schemaFilter}
  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_type'::regclass AND d.objid = t.oid AND d.deptype = 'e')
ORDER BY 1, 2`

export const tablesQuery = `
SELECT c.oid::int8::text AS oid, n.nspname AS schema, c.relname AS name, obj_description(c.oid, 'pg_class') AS comment,
       c.relpersistence = 'u' AS unlogged, c.relrowsecurity AS row_security, c.relforcerowsecurity AS force_row_security,
       CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END AS partition_by,
       CASE WHEN c.relispartition THEN pg_get_expr(c.relpartbound, c.oid) END AS partition_bound,
       (SELECT coalesce(json_agg(json_build_object('schema', pn.nspname, 'name', pc.relname) ORDER BY ih.inhseqno), '[]')
          FROM pg_inherits ih JOIN pg_class pc ON pc.oid = ih.inhparent JOIN pg_namespace pn ON pn.oid = pc.relnamespace
         WHERE ih.inhrelid = c.oid) AS parents
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE ${tableFilter} AND ${onlyTables}
ORDER BY 2, 3`

// A column is serial when its default draws from the sequence a serial column would make (serialSequence) and owns
// it (an 'auto' dependency; identity sequences depend with 'internal' instead). A column widened without its sequence is not.
export const columnsQuery = `
SELECT a.attrelid::int8::text AS table_oid, a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type,
       a.attnotnull AS not_null, pg_get_expr(ad.adbin, ad.adrelid) AS default, a.attidentity AS identity,
       a.attgenerated AS generated, dsc.description AS comment,
       a.atthasdef AND a.attidentity = '' AND EXISTS (
         SELECT 1 FROM pg_depend d JOIN pg_class s ON s.oid = d.objid AND s.relkind = 'S' JOIN pg_sequence sq ON sq.seqrelid = s.oid
          WHERE d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass
            AND d.refobjid = a.attrelid AND d.refobjsubid = a.attnum AND d.deptype = 'a' AND ${serialSequence}) AS serial,
       CASE WHEN a.attcollation <> 0 AND a.attcollation <> ty.typcollation THEN ${collationName('a.attcollation')} END AS collation
FROM pg_attribute a
JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_type ty ON ty.oid = a.atttypid
LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
-- a join rather than col_description(), which runs a query of its own for every column
LEFT JOIN pg_description dsc ON dsc.objoid = a.attrelid AND dsc.classoid = 'pg_class'::regclass AND dsc.objsubid = a.attnum
-- a partition's columns are its parent's, and a child lists only the columns no parent gives it
WHERE a.attnum > 0 AND NOT a.attisdropped AND a.attinhcount = 0 AND NOT c.relispartition AND ${tableFilter} AND ${onlyTables}
ORDER BY a.attrelid, a.attnum`

// contype 'n' (NOT NULL, recorded here from PostgreSQL 18) is left out: nullability comes from attnotnull.
export const constraintsQuery = `
SELECT con.conrelid::int8::text AS table_oid, con.conname AS name, con.contype AS type,
       array(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY k(num, ord)
             JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.num ORDER BY k.ord) AS columns,
       rn.nspname AS ref_schema, rc.relname AS ref_table,
       array(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY k(num, ord)
             JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.num ORDER BY k.ord) AS ref_columns,
       con.confdeltype AS on_delete, con.confupdtype AS on_update, con.condeferrable AS deferrable, con.condeferred AS deferred,
       con.confmatchtype AS match, NOT con.convalidated AS not_valid, pg_get_constraintdef(con.oid) AS definition,
       array(SELECT a.attname::text FROM pg_index ix CROSS JOIN LATERAL unnest(ix.indkey) WITH ORDINALITY k(num, ord)
             JOIN pg_attribute a ON a.attrelid = ix.indrelid AND a.attnum = k.num
             WHERE ix.indexrelid = con.conindid AND con.contype IN ('p', 'u') AND k.ord > ix.indnkeyatts ORDER BY k.ord) AS include
FROM pg_constraint con
JOIN pg_class c ON c.oid = con.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_class rc ON rc.oid = con.confrelid LEFT JOIN pg_namespace rn ON rn.oid = rc.relnamespace
-- what a partition or child takes from its parent (conparentid, coninhcount) is the parent's
WHERE con.contype IN ('p', 'u', 'f', 'c', 'x') AND con.conparentid = 0 AND con.coninhcount = 0 AND ${tableFilter} AND ${onlyTables}
ORDER BY con.conrelid, con.conname`

// Indexes that back a primary key, unique or exclusion constraint belong to that constraint.
export const indexesQuery = `
SELECT i.indrelid::int8::text AS table_oid, ic.relname AS name, i.indisunique AS unique, am.amname AS method,
       pg_get_indexdef(i.indexrelid) AS definition
FROM pg_index i
JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_am am ON am.oid = ic.relam
JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE ${tableFilter} AND ${onlyTables}
  AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conrelid = i.indrelid AND k.conindid = i.indexrelid AND k.contype IN ('p', 'u', 'x'))
  -- a partition's copy of its parent's index is the parent's
  AND NOT EXISTS (SELECT 1 FROM pg_inherits ih WHERE ih.inhrelid = i.indexrelid)
ORDER BY i.indrelid, ic.relname`

export const policiesQuery = `
SELECT p.polrelid::int8::text AS table_oid, p.polname AS name, p.polcmd AS command, p.polpermissive AS permissive,
       array(SELECT CASE WHEN r = 0 THEN 'public' ELSE pg_get_userbyid(r)::text END FROM unnest(p.polroles) r ORDER BY 1) AS roles,
       pg_get_expr(p.polqual, p.polrelid) AS using, pg_get_expr(p.polwithcheck, p.polrelid) AS with_check
FROM pg_policy p
JOIN pg_class c ON c.oid = p.polrelid JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE ${tableFilter} AND ${onlyTables}
ORDER BY 1, 2`

const grantee = `CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE pg_get_userbyid(a.grantee)::text END AS grantee, a.privilege_type AS privilege, a.is_grantable AS grantable`
const notExtension = (catalog: string, oid: string) =>
  `NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = '${catalog}'::regclass AND d.objid = ${oid} AND d.deptype = 'e')`

// The owner's own privileges are implied and left out. A routine or schema with no ACL has the default one
// (routines: EXECUTE to PUBLIC), so revoking a default shows as a difference.
const tableGrants = (only: string) => `
SELECT 'table' AS on, n.nspname AS schema, c.relname AS name, NULL AS column, ${grantee}
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace, aclexplode(c.relacl) a
WHERE ${tableFilter} AND ${only} AND a.grantee <> c.relowner
UNION ALL
SELECT 'column', n.nspname, c.relname, at.attname, ${grantee}
FROM pg_attribute at JOIN pg_class c ON c.oid = at.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace, aclexplode(at.attacl) a
WHERE at.attnum > 0 AND NOT at.attisdropped AND ${tableFilter} AND ${only} AND a.grantee <> c.relowner`

/** The grants on the tables of $3 alone (oids), and on their columns; $1 and $2 as grantsQuery's. */
export const tableGrantsQuery = `${tableGrants(onlyTables)}
ORDER BY 1, 2, 3, 4, 5, 6`

export const grantsQuery = `${tableGrants('true')}
UNION ALL
SELECT 'sequence', n.nspname, c.relname, NULL, ${grantee}
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace, aclexplode(c.relacl) a
WHERE c.relkind = 'S' AND ${schemaFilter} AND ${notExtension('pg_class', 'c.oid')} AND a.grantee <> c.relowner
UNION ALL
SELECT 'routine', n.nspname, format('%I(%s)', p.proname, oidvectortypes(p.proargtypes)), NULL, ${grantee}
FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace, aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) a
WHERE p.prokind IN ('f', 'p') AND ${schemaFilter} AND ${notExtension('pg_proc', 'p.oid')} AND a.grantee <> p.proowner
UNION ALL
SELECT 'schema', n.nspname, n.nspname, NULL, ${grantee}
FROM pg_namespace n, aclexplode(coalesce(n.nspacl, acldefault('n', n.nspowner))) a
WHERE ${schemaFilter} AND ${notExtension('pg_namespace', 'n.oid')} AND a.grantee <> n.nspowner
ORDER BY 1, 2, 3, 4, 5, 6`
