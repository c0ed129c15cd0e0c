// Catalog marks: which tables of a database copied from one read before have changed since the copy. A catalog row
// written or rewritten since is newer than the horizon (the first transaction id after the copy), so the tables that
// own such rows, or whose parts depend on an object with such a row, have changed; a row deleted since shows in the
// counts of the rows each table owns in the catalogs where a deletion leaves the rest untouched.
import { tableFilter } from './queries.js'
import type { Queryable } from './introspect.js'

/** A database's tables by oid, the counts of their rows in the catalogs counted, and what prints inside every table. */
export interface CatalogMarks {
  readonly tables: Readonly<Record<string, { readonly schema: string; readonly name: string }>>
  /** Per catalog letter and owning table oid (`k16385`), how many rows. */
  readonly counts: Readonly<Record<string, number>>
  /** Schemas, and the roles grants and policies name: their names print inside other objects' definitions. */
  readonly global: string
}

/** The marks, with the tables that own or depend on rows newer than the horizon asked about. */
export interface FreshMarks extends CatalogMarks {
  readonly changed: readonly string[]
  /** A schema was created, renamed or dropped since the horizon. */
  readonly schemasChanged: boolean
  /** Something not a table's has a row newer than the horizon (its counts are compared apart). */
  readonly restChanged: boolean
}

const nextXid = 'txid_snapshot_xmax(txid_current_snapshot())'

// A row is newer than the horizon exactly when its age is at most the horizon's own (both measured from the same
// transaction id). Transaction ids in rows are 32-bit: the horizon is taken modulo 2^32. No horizon: nothing is newer.
const fresh = (xmin: string) => `age(${xmin}) <= (SELECT lim FROM h)`

// The table a part belongs to: itself, an index's table, a constraint's, a default's, a policy's, a trigger's.
const ownerOf = (cls: string, obj: string) => `CASE ${cls}
    WHEN 'pg_class'::regclass THEN coalesce((SELECT ix.indrelid FROM pg_index ix WHERE ix.indexrelid = ${obj}), ${obj})
    WHEN 'pg_constraint'::regclass THEN (SELECT k.conrelid FROM pg_constraint k WHERE k.oid = ${obj})
    WHEN 'pg_attrdef'::regclass THEN (SELECT ad.adrelid FROM pg_attrdef ad WHERE ad.oid = ${obj})
    WHEN 'pg_policy'::regclass THEN (SELECT po.polrelid FROM pg_policy po WHERE po.oid = ${obj})
    WHEN 'pg_trigger'::regclass THEN (SELECT tg.tgrelid FROM pg_trigger tg WHERE tg.oid = ${obj})
  END`

// What is not a table's: types but tables' row types (and their arrays), enum labels, routines, views' rules,
// triggers but foreign keys', event triggers, extensions, collations, sequences, other relations, domains'
// constraints, and dependencies and comments of these. A row newer than the horizon in any of them, or a count that
// moved, and the rest of the schema is read again.
const tableType = (ty: string) => `EXISTS (SELECT 1 FROM pg_class tc WHERE tc.oid = ${ty}.typrelid AND tc.relkind IN ('r', 'p'))`
const tablePart = (cls: string, obj: string) => `(${cls} IN ('pg_constraint'::regclass, 'pg_attrdef'::regclass, 'pg_policy'::regclass)
    OR (${cls} = 'pg_class'::regclass AND EXISTS (SELECT 1 FROM pg_class pc WHERE pc.oid = ${obj} AND pc.relkind IN ('r', 'p', 'i', 't', 'I'))))`
const restFresh = `(EXISTS (SELECT 1 FROM pg_type ty WHERE ${fresh('ty.xmin')} AND NOT ${tableType('ty')}
      AND NOT EXISTS (SELECT 1 FROM pg_type el WHERE el.oid = ty.typelem AND ${tableType('el')}))
  OR EXISTS (SELECT 1 FROM pg_enum e WHERE ${fresh('e.xmin')})
  OR EXISTS (SELECT 1 FROM pg_proc p WHERE ${fresh('p.xmin')})
  OR EXISTS (SELECT 1 FROM pg_rewrite rw WHERE ${fresh('rw.xmin')})
  OR EXISTS (SELECT 1 FROM pg_trigger tg WHERE ${fresh('tg.xmin')} AND NOT tg.tgisinternal)
  OR EXISTS (SELECT 1 FROM pg_event_trigger et WHERE ${fresh('et.xmin')})
  OR EXISTS (SELECT 1 FROM pg_extension x WHERE ${fresh('x.xmin')})
  OR EXISTS (SELECT 1 FROM pg_collation co WHERE ${fresh('co.xmin')})
  OR EXISTS (SELECT 1 FROM pg_sequence sq WHERE ${fresh('sq.xmin')})
  OR EXISTS (SELECT 1 FROM pg_class c WHERE ${fresh('c.xmin')} AND c.relkind NOT IN ('r', 'p', 'i', 't', 'I'))
  OR EXISTS (SELECT 1 FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid WHERE ${fresh('a.xmin')} AND c.relkind NOT IN ('r', 'p', 'i', 't', 'I'))
  OR EXISTS (SELECT 1 FROM pg_index ix JOIN pg_class c ON c.oid = ix.indrelid WHERE ${fresh('ix.xmin')} AND c.relkind NOT IN ('r', 'p', 't'))
  OR EXISTS (SELECT 1 FROM pg_constraint k WHERE ${fresh('k.xmin')} AND k.conrelid = 0)
  OR EXISTS (SELECT 1 FROM pg_description d WHERE ${fresh('d.xmin')} AND NOT ${tablePart('d.classoid', 'd.objoid')})
  OR EXISTS (SELECT 1 FROM pg_depend dep WHERE ${fresh('dep.xmin')} AND NOT ${tablePart('dep.classid', 'dep.objid')}
      AND NOT (dep.classid = 'pg_type'::regclass AND dep.deptype = 'i')))`
const restCounts = `UNION ALL SELECT 'Gtype', count(*) FROM pg_type ty WHERE ty.oid >= 16384 AND NOT ${tableType('ty')}
    AND NOT EXISTS (SELECT 1 FROM pg_type el WHERE el.oid = ty.typelem AND ${tableType('el')})
  UNION ALL SELECT 'Genum', count(*) FROM pg_enum
  UNION ALL SELECT 'Gproc', count(*) FROM pg_proc WHERE oid >= 16384
  UNION ALL SELECT 'Grewrite', count(*) FROM pg_rewrite WHERE oid >= 16384
  UNION ALL SELECT 'Gtrigger', count(*) FROM pg_trigger WHERE NOT tgisinternal
  UNION ALL SELECT 'Gevent', count(*) FROM pg_event_trigger
  UNION ALL SELECT 'Gextension', count(*) FROM pg_extension
  UNION ALL SELECT 'Gcollation', count(*) FROM pg_collation WHERE oid >= 16384
  UNION ALL SELECT 'Gsequence', count(*) FROM pg_sequence
  UNION ALL SELECT 'Grelation', count(*) FROM pg_class WHERE oid >= 16384 AND relkind NOT IN ('r', 'p', 'i', 't', 'I')
  UNION ALL SELECT 'Gindex', count(*) FROM pg_index ix JOIN pg_class c ON c.oid = ix.indrelid WHERE c.relkind NOT IN ('r', 'p', 't')
  UNION ALL SELECT 'Gdomain', count(*) FROM pg_constraint WHERE conrelid = 0 AND oid >= 16384
  UNION ALL SELECT 'Gcomment', count(*) FROM pg_description WHERE objoid >= 16384`

// $1 schemas, $2 tables left out (as the table queries), $3 the horizon (int8, null for none).
export const marksQuery = `
WITH h AS (SELECT CASE WHEN $3::int8 IS NULL THEN -1 ELSE age(($3::int8 % 4294967296)::text::xid) END AS lim),
t AS MATERIALIZED (
  SELECT c.oid, n.nspname AS schema, c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE ${tableFilter}
),
-- objects with a row newer than the horizon, by catalog and oid (and column: sub, 0 for the whole object)
objects AS MATERIALIZED (
  SELECT 'pg_class'::regclass::oid AS cls, c.oid AS obj, 0::int2 AS sub FROM pg_class c WHERE ${fresh('c.xmin')}
  UNION SELECT 'pg_class'::regclass::oid, a.attrelid, a.attnum FROM pg_attribute a WHERE ${fresh('a.xmin')}
  UNION SELECT 'pg_class'::regclass::oid, sq.seqrelid, 0::int2 FROM pg_sequence sq WHERE ${fresh('sq.xmin')}
  UNION SELECT 'pg_class'::regclass::oid, ix.indexrelid, 0::int2 FROM pg_index ix WHERE ${fresh('ix.xmin')}
  UNION SELECT 'pg_class'::regclass::oid, ih.inhrelid, 0::int2 FROM pg_inherits ih WHERE ${fresh('ih.xmin')}
  UNION SELECT 'pg_class'::regclass::oid, pt.partrelid, 0::int2 FROM pg_partitioned_table pt WHERE ${fresh('pt.xmin')}
  UNION SELECT 'pg_attrdef'::regclass::oid, ad.oid, 0::int2 FROM pg_attrdef ad WHERE ${fresh('ad.xmin')}
  UNION SELECT 'pg_constraint'::regclass::oid, k.oid, 0::int2 FROM pg_constraint k WHERE ${fresh('k.xmin')}
  UNION SELECT 'pg_policy'::regclass::oid, po.oid, 0::int2 FROM pg_policy po WHERE ${fresh('po.xmin')}
  UNION SELECT 'pg_type'::regclass::oid, ty.oid, 0::int2 FROM pg_type ty WHERE ${fresh('ty.xmin')}
  UNION SELECT 'pg_type'::regclass::oid, e.enumtypid, 0::int2 FROM pg_enum e WHERE ${fresh('e.xmin')}
  UNION SELECT 'pg_proc'::regclass::oid, p.oid, 0::int2 FROM pg_proc p WHERE ${fresh('p.xmin')}
  UNION SELECT 'pg_collation'::regclass::oid, co.oid, 0::int2 FROM pg_collation co WHERE ${fresh('co.xmin')}
  UNION SELECT 'pg_operator'::regclass::oid, op.oid, 0::int2 FROM pg_operator op WHERE ${fresh('op.xmin')}
  UNION SELECT 'pg_opclass'::regclass::oid, oc.oid, 0::int2 FROM pg_opclass oc WHERE ${fresh('oc.xmin')}
  UNION SELECT d.classoid, d.objoid, d.objsubid::int2 FROM pg_description d WHERE ${fresh('d.xmin')}
  UNION SELECT dep.classid, dep.objid, 0::int2 FROM pg_depend dep WHERE ${fresh('dep.xmin')}
),
-- the tables those objects are parts of, the tables with a part that depends on one of them, and the tables a new
-- dependency names (a sequence now owned by a column)
changed AS (
  SELECT ${ownerOf('o.cls', 'o.obj')} AS oid FROM objects o
  UNION SELECT ${ownerOf('dep.classid', 'dep.objid')} FROM objects o CROSS JOIN LATERAL (
    -- looked up per object (OFFSET 0 keeps it a lookup): a join would walk every dependency of the database
    SELECT dep.classid, dep.objid FROM pg_depend dep WHERE dep.refclassid = o.cls AND dep.refobjid = o.obj AND (o.sub = 0 OR dep.refobjsubid IN (0, o.sub)) OFFSET 0) dep
  UNION SELECT dep.refobjid FROM pg_depend dep WHERE dep.refclassid = 'pg_class'::regclass AND ${fresh('dep.xmin')}
),
-- rows whose deletion leaves the table's other rows as they were: counted per table
counts AS (
  SELECT 'k' || k.conrelid AS c, count(*) AS n FROM pg_constraint k WHERE k.conrelid >= 16384 GROUP BY k.conrelid
  UNION ALL SELECT 'i' || ix.indrelid, count(*) FROM pg_index ix WHERE ix.indrelid >= 16384 GROUP BY ix.indrelid
  UNION ALL SELECT 'p' || po.polrelid, count(*) FROM pg_policy po GROUP BY po.polrelid
  UNION ALL SELECT 'd' || ad.adrelid, count(*) FROM pg_attrdef ad WHERE ad.adrelid >= 16384 GROUP BY ad.adrelid
  UNION ALL SELECT 'h' || ih.inhrelid, count(*) FROM pg_inherits ih GROUP BY ih.inhrelid
  UNION ALL SELECT 'D' || owner, count(*) FROM (SELECT ${ownerOf('d.classoid', 'd.objoid')} AS owner FROM pg_description d
    WHERE d.objoid >= 16384 AND d.classoid IN ('pg_class'::regclass, 'pg_constraint'::regclass, 'pg_policy'::regclass)) x WHERE owner IS NOT NULL GROUP BY owner
  UNION ALL SELECT 'S' || dep.refobjid, count(*) FROM pg_depend dep JOIN pg_class s ON s.oid = dep.objid AND s.relkind = 'S'
    WHERE dep.classid = 'pg_class'::regclass AND dep.refclassid = 'pg_class'::regclass GROUP BY dep.refobjid
  ${restCounts}
)
SELECT (SELECT coalesce(json_agg(json_build_array(t.oid::int8::text, t.schema, t.name)), '[]') FROM t) AS tables,
  ${restFresh} AS rest_changed,
  (SELECT coalesce(json_object_agg(c, n), '{}') FROM counts) AS counts,
  (SELECT coalesce(json_agg(DISTINCT ch.oid::int8::text), '[]') FROM changed ch JOIN t ON t.oid = ch.oid) AS changed,
  EXISTS (SELECT 1 FROM pg_namespace n WHERE ${fresh('n.xmin')}) AS schemas_changed,
  md5((SELECT string_agg(n.oid || ':' || n.nspname, ',' ORDER BY n.oid) FROM pg_namespace n)
    || '|' || coalesce((SELECT string_agg(r.oid || ':' || r.rolname, ',' ORDER BY r.oid) FROM pg_roles r WHERE r.oid IN (
      SELECT sd.refobjid FROM pg_shdepend sd WHERE sd.dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
        AND sd.refclassid = 'pg_authid'::regclass AND sd.deptype IN ('a', 'r'))), '')) AS global`

/** The first transaction id that no row of the database yet holds: taken right after a copy, the horizon of its marks. */
export async function readHorizon(client: Queryable): Promise<string> {
  return (await client.query(`SELECT ${nextXid}::text AS x`)).rows[0].x as string
}

/**
 * The marks of the database `client` is on; with `horizon`, which tables changed since it. Parameters as the table
 * queries': $1 schemas to read, $2 tables to leave out.
 */
export async function readMarks(client: Queryable, params: readonly unknown[], horizon: string | null = null): Promise<FreshMarks> {
  const row = (await client.query(marksQuery, [...params, horizon])).rows[0]
  const tables: Record<string, { schema: string; name: string }> = {}
  for (const [oid, schema, name] of row.tables as [string, string, string][]) tables[oid] = { schema, name }
  const counts: Record<string, number> = {}
  for (const [k, n] of Object.entries(row.counts as Record<string, string | number>)) counts[k] = Number(n)
  return { tables, counts, global: row.global, changed: row.changed, schemasChanged: row.schemas_changed, restChanged: row.rest_changed }
}

/** What a reading keeps of its marks. */
export function keptMarks(marks: FreshMarks): CatalogMarks {
  return { tables: marks.tables, counts: marks.counts, global: marks.global }
}

/**
 * The oids of the tables of `now` to read again, given the marks of the reading it was copied from; null when
 * something that prints inside every table changed (a schema, a role), and all must be read.
 */
export function tablesToReread(before: CatalogMarks, now: FreshMarks): string[] | null {
  if (now.schemasChanged || now.global !== before.global) return null
  const reread = new Set(now.changed)
  for (const [oid, table] of Object.entries(now.tables)) {
    const was = before.tables[oid]
    if (!was || was.schema !== table.schema || was.name !== table.name) reread.add(oid)
  }
  for (const key of new Set([...Object.keys(before.counts), ...Object.keys(now.counts)])) {
    if (before.counts[key] !== now.counts[key] && now.tables[key.slice(1)]) reread.add(key.slice(1))
  }
  return [...reread]
}

/**
 * Whether what is not a table's (enums, types, routines, views, triggers, sequences, extensions, collations) can be
 * taken from the earlier reading: nothing of it newer, no count moved, and no table read again is one such an object
 * depends on (a view prints its tables' names). `dependents` says whether any object depends on the given tables.
 */
export async function restUnchanged(before: CatalogMarks, now: FreshMarks, reread: readonly string[], dependents: (tables: readonly string[]) => Promise<boolean>): Promise<boolean> {
  if (now.restChanged) return false
  for (const key of new Set([...Object.keys(before.counts), ...Object.keys(now.counts)])) {
    if (key.startsWith('G') && before.counts[key] !== now.counts[key]) return false
  }
  return reread.length === 0 || !(await dependents(reread))
}

// $1: table oids. Whether a view, trigger (not a foreign key's), routine, sequence or type (not a row type) depends on one.
export const dependentsQuery = `
SELECT EXISTS (SELECT 1 FROM pg_depend d WHERE d.refclassid = 'pg_class'::regclass AND d.refobjid = ANY($1::oid[])
  AND (d.classid IN ('pg_rewrite'::regclass, 'pg_proc'::regclass)
    OR (d.classid = 'pg_trigger'::regclass AND NOT (SELECT tg.tgisinternal FROM pg_trigger tg WHERE tg.oid = d.objid))
    OR (d.classid = 'pg_type'::regclass AND d.deptype <> 'i')
    OR (d.classid = 'pg_class'::regclass AND (SELECT c.relkind FROM pg_class c WHERE c.oid = d.objid) NOT IN ('r', 'p', 'i', 't', 'I')))) AS found`
