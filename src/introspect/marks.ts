// Catalog marks: for each table, how many catalog rows it is read from (its own, and those of what it refers to) and
// whether any of them was written since a horizon (a transaction id). A database copied from one read before, with
// the horizon taken when it was copied, needs only the tables whose marks say so read again: a row written or
// rewritten since is newer than the horizon, and a row deleted since changes the count.
import { tableFilter } from './queries.js'
import type { Queryable } from './introspect.js'

/** A table's mark: the count of its rows, and whether one is newer than the horizon asked about. */
export interface TableMark {
  readonly schema: string
  readonly name: string
  readonly rows: number
  readonly changed: boolean
}

/** The marks of one database: per table oid, and one for what prints inside every table (schemas, roles). */
export interface CatalogMarks {
  readonly global: { readonly rows: number; readonly changed: boolean; readonly roles: string }
  readonly tables: Readonly<Record<string, TableMark>>
}

// How long ago a row was written, in transactions; a row of the horizon's transaction or later is `changed`.
const age = (xmin: string) => `age(${xmin})`

// The rows of what a table's part depends on: renamed, moved or altered, it prints differently inside the table.
const referencedAge = `CASE dep.refclassid
    WHEN 'pg_class'::regclass THEN least((SELECT ${age('rc.xmin')} FROM pg_class rc WHERE rc.oid = dep.refobjid),
      (SELECT ${age('ra.xmin')} FROM pg_attribute ra WHERE ra.attrelid = dep.refobjid AND ra.attnum = dep.refobjsubid AND dep.refobjsubid > 0),
      (SELECT ${age('sq.xmin')} FROM pg_sequence sq WHERE sq.seqrelid = dep.refobjid))
    WHEN 'pg_type'::regclass THEN least((SELECT ${age('rt.xmin')} FROM pg_type rt WHERE rt.oid = dep.refobjid),
      (SELECT min(${age('e.xmin')}) FROM pg_enum e WHERE e.enumtypid = dep.refobjid))
    WHEN 'pg_proc'::regclass THEN (SELECT ${age('rp.xmin')} FROM pg_proc rp WHERE rp.oid = dep.refobjid)
    WHEN 'pg_collation'::regclass THEN (SELECT ${age('rl.xmin')} FROM pg_collation rl WHERE rl.oid = dep.refobjid)
    WHEN 'pg_constraint'::regclass THEN (SELECT ${age('rk.xmin')} FROM pg_constraint rk WHERE rk.oid = dep.refobjid)
    WHEN 'pg_operator'::regclass THEN (SELECT ${age('ro.xmin')} FROM pg_operator ro WHERE ro.oid = dep.refobjid)
    WHEN 'pg_opclass'::regclass THEN (SELECT ${age('rc.xmin')} FROM pg_opclass rc WHERE rc.oid = dep.refobjid)
    END`

const nextXid = 'txid_snapshot_xmax(txid_current_snapshot())'

// The horizon's own age, measured as the rows' are (from the same transaction id), so that a row is newer exactly
// when its age is at most this. Transaction ids of rows are 32-bit: the horizon is taken modulo 2^32.
const ageOfHorizon = (param: string) => `age((${param}::int8 % 4294967296)::text::xid)`

// $1 schemas, $2 tables left out (as the table queries); $3 the horizon (int8; null: none, nothing is `changed`).
// A table's rows: the table, its columns, defaults, constraints, indexes, policies, parents, partitioning, comments,
// what these depend on beyond the table itself, and the sequences its columns own (their options decide serial).
export const marksQuery = `
WITH t AS MATERIALIZED (
  SELECT c.oid, n.nspname AS schema, c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE ${tableFilter}
),
owned AS MATERIALIZED (
  SELECT t.oid AS t, 'pg_class'::regclass::oid AS cls, t.oid AS obj FROM t
  UNION ALL SELECT con.conrelid, 'pg_constraint'::regclass::oid, con.oid FROM pg_constraint con WHERE con.conrelid IN (SELECT oid FROM t)
  UNION ALL SELECT i.indrelid, 'pg_class'::regclass::oid, i.indexrelid FROM pg_index i WHERE i.indrelid IN (SELECT oid FROM t)
  UNION ALL SELECT ad.adrelid, 'pg_attrdef'::regclass::oid, ad.oid FROM pg_attrdef ad WHERE ad.adrelid IN (SELECT oid FROM t)
  UNION ALL SELECT p.polrelid, 'pg_policy'::regclass::oid, p.oid FROM pg_policy p WHERE p.polrelid IN (SELECT oid FROM t)
),
rows AS (
  SELECT c.oid AS t, ${age('c.xmin')} AS a FROM pg_class c WHERE c.oid IN (SELECT oid FROM t)
  UNION ALL SELECT a.attrelid, ${age('a.xmin')} FROM pg_attribute a WHERE a.attrelid IN (SELECT oid FROM t)
  UNION ALL SELECT ad.adrelid, ${age('ad.xmin')} FROM pg_attrdef ad WHERE ad.adrelid IN (SELECT oid FROM t)
  UNION ALL SELECT con.conrelid, ${age('con.xmin')} FROM pg_constraint con WHERE con.conrelid IN (SELECT oid FROM t)
  UNION ALL SELECT i.indrelid, least(${age('i.xmin')}, ${age('ic.xmin')}) FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid WHERE i.indrelid IN (SELECT oid FROM t)
  UNION ALL SELECT p.polrelid, ${age('p.xmin')} FROM pg_policy p WHERE p.polrelid IN (SELECT oid FROM t)
  UNION ALL SELECT ih.inhrelid, least(${age('ih.xmin')}, ${age('pc.xmin')}) FROM pg_inherits ih JOIN pg_class pc ON pc.oid = ih.inhparent WHERE ih.inhrelid IN (SELECT oid FROM t)
  UNION ALL SELECT pt.partrelid, ${age('pt.xmin')} FROM pg_partitioned_table pt WHERE pt.partrelid IN (SELECT oid FROM t)
  UNION ALL SELECT o.t, ${age('d.xmin')} FROM owned o JOIN pg_description d ON d.classoid = o.cls AND d.objoid = o.obj
  UNION ALL SELECT o.t, least(${age('dep.xmin')}, ${referencedAge})
    FROM owned o JOIN pg_depend dep ON dep.classid = o.cls AND dep.objid = o.obj AND NOT (dep.refclassid = 'pg_class'::regclass AND dep.refobjid = o.t)
  UNION ALL SELECT dep.refobjid, least(${age('dep.xmin')}, ${age('s.xmin')}, (SELECT ${age('sq.xmin')} FROM pg_sequence sq WHERE sq.seqrelid = s.oid))
    FROM pg_depend dep JOIN pg_class s ON s.oid = dep.objid AND s.relkind = 'S'
    WHERE dep.classid = 'pg_class'::regclass AND dep.refclassid = 'pg_class'::regclass AND dep.refobjid IN (SELECT oid FROM t)
),
since AS (SELECT CASE WHEN $3::int8 IS NULL THEN -1 ELSE ${ageOfHorizon('$3')} END AS limit_age)
SELECT t.oid::int8::text AS oid, t.schema, t.name, m.rows, m.newest <= (SELECT limit_age FROM since) AS changed
FROM t JOIN (SELECT r.t, count(*)::int AS rows, min(r.a) AS newest FROM rows r GROUP BY r.t) m ON m.t = t.oid`

// $1: the horizon, as marksQuery's $3.
export const globalMarkQuery = `
SELECT (SELECT count(*)::int FROM pg_namespace) AS rows,
  coalesce((SELECT min(${age('n.xmin')}) FROM pg_namespace n) <= CASE WHEN $1::int8 IS NULL THEN -1 ELSE ${ageOfHorizon('$1')} END, false) AS changed,
  md5(coalesce((SELECT string_agg(r.oid || ':' || r.rolname, ',' ORDER BY r.oid) FROM pg_roles r), '')) AS roles`

/** The first transaction id that no row of the database yet holds: taken right after a copy, the horizon of its marks. */
export async function readHorizon(client: Queryable): Promise<string> {
  return (await client.query(`SELECT ${nextXid}::text AS x`)).rows[0].x as string
}

/**
 * The marks of the database `client` is on; with `horizon`, each says whether a row is newer.
 * Parameters as the table queries': $1 schemas to read, $2 tables to leave out.
 */
export async function readMarks(client: Queryable, params: readonly unknown[], horizon: string | null = null): Promise<CatalogMarks> {
  const g = (await client.query(globalMarkQuery, [horizon])).rows[0]
  const rows = (await client.query(marksQuery, [...params, horizon])).rows
  const tables: Record<string, TableMark> = {}
  for (const row of rows) tables[row.oid] = { schema: row.schema, name: row.name, rows: row.rows, changed: row.changed }
  return { global: { rows: g.rows, changed: g.changed, roles: g.roles }, tables }
}

/**
 * The oids of the tables of `now` to read again, given the marks of the reading it was copied from; null when
 * something that prints inside every table changed (a schema, a role), and all must be read.
 */
export function tablesToReread(before: CatalogMarks, now: CatalogMarks): string[] | null {
  if (now.global.changed || now.global.rows !== before.global.rows || now.global.roles !== before.global.roles) return null
  return Object.entries(now.tables).filter(([oid, mark]) => {
    const was = before.tables[oid]
    return mark.changed || !was || was.rows !== mark.rows || was.schema !== mark.schema || was.name !== mark.name
  }).map(([oid]) => oid)
}
