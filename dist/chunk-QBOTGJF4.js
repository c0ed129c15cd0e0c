import { createRequire as __dbMigrateCreateRequire } from 'node:module'; const require = __dbMigrateCreateRequire(import.meta.url); import { fileURLToPath as __dbMigrateFileURLToPath } from 'node:url'; const __dbMigrateDir = __dbMigrateFileURLToPath(new URL('./', import.meta.url));
import {
  commitFailed,
  migrate,
  readHistory,
  sessionSql,
  writeRowSql
} from "./chunk-ZRRKR2HX.js";
import {
  AfterFileError,
  optsOutOfTransaction,
  prepareSqlFile,
  runPreparedSql
} from "./chunk-SV5JJJ6D.js";
import {
  displayPath,
  listMigrations,
  readSqlFile
} from "./chunk-KKO6VTMG.js";
import {
  keepNewest,
  writeWhole
} from "./chunk-AWFUUZIG.js";
import {
  version
} from "./chunk-EALGPWGH.js";
import {
  emptySchema,
  keyOfObject,
  objectKey,
  serialFor
} from "./chunk-WXLEUHMA.js";
import {
  connect
} from "./chunk-SV6MCVPL.js";
import {
  quoteIdent,
  quoteLiteral
} from "./chunk-5DGH4JCW.js";
import {
  withDatabase
} from "./chunk-BFVRO7RW.js";
import {
  checkCacheRoot,
  ensureDir
} from "./chunk-FH2UCXWC.js";
import {
  MigrationError,
  errorMessage
} from "./chunk-CL6XV7EK.js";

// src/provision/scratch.ts
import { randomBytes } from "node:crypto";
async function createScratchDatabase(serverUrl, prefix = "scratch") {
  const name = `${prefix.toLowerCase().replace(/[^a-z0-9_]/g, "_").slice(0, 40)}_${randomBytes(6).toString("hex")}`;
  await onServer(serverUrl, `CREATE DATABASE ${quoteIdent(name)} TEMPLATE template1`);
  let dropped;
  return {
    url: withDatabase(serverUrl, name),
    name,
    drop: () => dropped ??= onServer(serverUrl, `DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`)
  };
}
async function onServer(url, sql) {
  const client = await connect(url, { applicationName: "db-migrate scratch" });
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

// src/schema/filter.ts
function inScope(scope, name) {
  return (scope.include.length === 0 || scope.include.includes(name)) && !scope.exclude.includes(name);
}
function filterSchema(schema, scope) {
  if (scope.include.length === 0 && scope.exclude.length === 0) return schema;
  const out = {};
  for (const [key, value] of Object.entries(schema)) {
    out[key] = Array.isArray(value) ? value.filter((item) => {
      const name = namespaceOf(key, item);
      return name === void 0 || inScope(scope, name);
    }) : value;
  }
  return out;
}
function holdsItems(schema, name) {
  return Object.entries(schema).some(([key, value]) => key !== "schemas" && Array.isArray(value) && value.some((item) => namespaceOf(key, item) === name));
}
function namespaceOf(key, item) {
  if (key === "schemas") return typeof item === "string" ? item : stringField(item, "name");
  return stringField(item, "schema");
}
function stringField(item, field) {
  if (typeof item !== "object" || item === null) return void 0;
  const value = item[field];
  return typeof value === "string" ? value : void 0;
}

// src/introspect/queries.ts
var schemaFilter = `
  CASE WHEN $1::text[] IS NULL
    THEN n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp\\_%'
    ELSE n.nspname = ANY($1::text[]) END`;
var tableFilter = `
  c.relkind IN ('r', 'p') AND ${schemaFilter}
  AND NOT $2::jsonb @> jsonb_build_array(jsonb_build_object('schema', n.nspname::text, 'name', c.relname::text))
  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')`;
var onlyTables = `($3::oid[] IS NULL OR c.oid = ANY($3::oid[]))`;
function notInExtension(classid, objid) {
  return `NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = '${classid}'::regclass AND d.objid = ${objid} AND d.deptype = 'e')`;
}
function collationName(oid) {
  return `(SELECT CASE WHEN cn.nspname IN ('pg_catalog', 'public') THEN quote_ident(co.collname)
            ELSE quote_ident(cn.nspname) || '.' || quote_ident(co.collname) END
     FROM pg_collation co JOIN pg_namespace cn ON cn.oid = co.collnamespace WHERE co.oid = ${oid})`;
}
var serialSequence = `
  sq.seqtypid = a.atttypid AND s.relnamespace = c.relnamespace AND s.relname = c.relname || '_' || a.attname || '_seq'
  AND sq.seqstart = 1 AND sq.seqincrement = 1 AND sq.seqmin = 1 AND sq.seqcache = 1 AND NOT sq.seqcycle
  AND sq.seqmax = CASE a.atttypid WHEN 'int2'::regtype::oid THEN 32767 WHEN 'int4'::regtype::oid THEN 2147483647 ELSE 9223372036854775807 END
  AND pg_get_expr(ad.adbin, ad.adrelid) = format('nextval(%L::regclass)', s.oid::regclass::text)`;
var enterQuery = `SELECT current_setting('search_path') AS search_path, set_config('search_path', 'public', false) AS now,
  current_setting('jit', true) AS jit, CASE WHEN current_setting('jit', true) IS NOT NULL THEN set_config('jit', 'off', false) END AS jit_now`;
var leaveQuery = `SELECT set_config('search_path', $1, false), CASE WHEN $2::text IS NOT NULL THEN set_config('jit', $2::text, false) END`;
var schemasQuery = `
SELECT n.nspname AS name
FROM pg_namespace n
WHERE ${schemaFilter} AND n.nspname <> 'public' AND n.nspname NOT LIKE 'pg\\_%'
  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_namespace'::regclass AND d.objid = n.oid AND d.deptype = 'e')
ORDER BY 1`;
var enumsQuery = `
SELECT n.nspname AS schema, t.typname AS name,
       array(SELECT e.enumlabel::text FROM pg_enum e WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder) AS values,
       obj_description(t.oid, 'pg_type') AS comment
FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
WHERE t.typtype = 'e' AND ${schemaFilter}
  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_type'::regclass AND d.objid = t.oid AND d.deptype = 'e')
ORDER BY 1, 2`;
var tablesQuery = `
SELECT c.oid::int8::text AS oid, n.nspname AS schema, c.relname AS name, obj_description(c.oid, 'pg_class') AS comment,
       c.relpersistence = 'u' AS unlogged, c.relrowsecurity AS row_security, c.relforcerowsecurity AS force_row_security,
       CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END AS partition_by,
       CASE WHEN c.relispartition THEN pg_get_expr(c.relpartbound, c.oid) END AS partition_bound,
       (SELECT coalesce(json_agg(json_build_object('schema', pn.nspname, 'name', pc.relname) ORDER BY ih.inhseqno), '[]')
          FROM pg_inherits ih JOIN pg_class pc ON pc.oid = ih.inhparent JOIN pg_namespace pn ON pn.oid = pc.relnamespace
         WHERE ih.inhrelid = c.oid) AS parents
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE ${tableFilter} AND ${onlyTables}
ORDER BY 2, 3`;
var columnsQuery = `
SELECT a.attrelid::int8::text AS table_oid, a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type,
       a.attnotnull AS not_null, pg_get_expr(ad.adbin, ad.adrelid) AS default, a.attidentity AS identity,
       a.attgenerated AS generated, dsc.description AS comment,
       a.atthasdef AND a.attidentity = '' AND EXISTS (
         SELECT 1 FROM pg_depend d JOIN pg_class s ON s.oid = d.objid AND s.relkind = 'S' JOIN pg_sequence sq ON sq.seqrelid = s.oid
          WHERE d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass
            AND d.refobjid = a.attrelid AND d.refobjsubid = a.attnum AND d.deptype = 'a' AND ${serialSequence}) AS serial,
       CASE WHEN a.attcollation <> 0 AND a.attcollation <> ty.typcollation THEN ${collationName("a.attcollation")} END AS collation
FROM pg_attribute a
JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_type ty ON ty.oid = a.atttypid
LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
-- a join rather than col_description(), which runs a query of its own for every column
LEFT JOIN pg_description dsc ON dsc.objoid = a.attrelid AND dsc.classoid = 'pg_class'::regclass AND dsc.objsubid = a.attnum
-- a partition's columns are its parent's, and a child lists only the columns no parent gives it
WHERE a.attnum > 0 AND NOT a.attisdropped AND a.attinhcount = 0 AND NOT c.relispartition AND ${tableFilter} AND ${onlyTables}
ORDER BY a.attrelid, a.attnum`;
var constraintsQuery = `
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
ORDER BY con.conrelid, con.conname`;
var indexesQuery = `
SELECT i.indrelid::int8::text AS table_oid, ic.relname AS name, i.indisunique AS unique, am.amname AS method,
       pg_get_indexdef(i.indexrelid) AS definition
FROM pg_index i
JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_am am ON am.oid = ic.relam
JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE ${tableFilter} AND ${onlyTables}
  AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conrelid = i.indrelid AND k.conindid = i.indexrelid AND k.contype IN ('p', 'u', 'x'))
  -- a partition's copy of its parent's index is the parent's
  AND NOT EXISTS (SELECT 1 FROM pg_inherits ih WHERE ih.inhrelid = i.indexrelid)
ORDER BY i.indrelid, ic.relname`;
var policiesQuery = `
SELECT p.polrelid::int8::text AS table_oid, p.polname AS name, p.polcmd AS command, p.polpermissive AS permissive,
       array(SELECT CASE WHEN r = 0 THEN 'public' ELSE pg_get_userbyid(r)::text END FROM unnest(p.polroles) r ORDER BY 1) AS roles,
       pg_get_expr(p.polqual, p.polrelid) AS using, pg_get_expr(p.polwithcheck, p.polrelid) AS with_check
FROM pg_policy p
JOIN pg_class c ON c.oid = p.polrelid JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE ${tableFilter} AND ${onlyTables}
ORDER BY 1, 2`;
var grantee = `CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE pg_get_userbyid(a.grantee)::text END AS grantee, a.privilege_type AS privilege, a.is_grantable AS grantable`;
var notExtension = (catalog, oid) => `NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = '${catalog}'::regclass AND d.objid = ${oid} AND d.deptype = 'e')`;
var tableGrants = (only) => `
SELECT 'table' AS on, n.nspname AS schema, c.relname AS name, NULL AS column, ${grantee}
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace, aclexplode(c.relacl) a
WHERE ${tableFilter} AND ${only} AND a.grantee <> c.relowner
UNION ALL
SELECT 'column', n.nspname, c.relname, at.attname, ${grantee}
FROM pg_attribute at JOIN pg_class c ON c.oid = at.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace, aclexplode(at.attacl) a
WHERE at.attnum > 0 AND NOT at.attisdropped AND ${tableFilter} AND ${only} AND a.grantee <> c.relowner`;
var tableGrantsQuery = `${tableGrants(onlyTables)}
ORDER BY 1, 2, 3, 4, 5, 6`;
var grantsQuery = `${tableGrants("true")}
UNION ALL
SELECT 'sequence', n.nspname, c.relname, NULL, ${grantee}
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace, aclexplode(c.relacl) a
WHERE c.relkind = 'S' AND ${schemaFilter} AND ${notExtension("pg_class", "c.oid")} AND a.grantee <> c.relowner
UNION ALL
SELECT 'routine', n.nspname, format('%I(%s)', p.proname, oidvectortypes(p.proargtypes)), NULL, ${grantee}
FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace, aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) a
WHERE p.prokind IN ('f', 'p') AND ${schemaFilter} AND ${notExtension("pg_proc", "p.oid")} AND a.grantee <> p.proowner
UNION ALL
SELECT 'schema', n.nspname, n.nspname, NULL, ${grantee}
FROM pg_namespace n, aclexplode(coalesce(n.nspacl, acldefault('n', n.nspowner))) a
WHERE ${schemaFilter} AND ${notExtension("pg_namespace", "n.oid")} AND a.grantee <> n.nspowner
ORDER BY 1, 2, 3, 4, 5, 6`;

// src/introspect/dependencies.ts
var dependenciesQuery = `
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
ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9`;
function dependenciesByObject(rows) {
  const out = /* @__PURE__ */ new Map();
  for (const row of rows) {
    const key = objectKey(row.kind, row.schema, row.name, row.on);
    const list = out.get(key) ?? [];
    const refs = [objectKey(row.ref_kind, row.ref_schema, row.ref_name, row.ref_on)];
    if (row.ref_column !== null) refs.push(objectKey("column", row.ref_schema, row.ref_column, row.ref_name));
    for (const ref of refs) if (!list.includes(ref)) list.push(ref);
    out.set(key, list);
  }
  return out;
}

// src/introspect/views.ts
var notInExtension2 = (classid, oid) => `NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = '${classid}'::regclass AND d.objid = ${oid} AND d.deptype = 'e')`;
var viewsSelect = `
SELECT CASE c.relkind WHEN 'm' THEN 'materialized_view' ELSE 'view' END AS kind, n.nspname AS schema, c.relname AS name, '' AS on,
       format('CREATE %sVIEW %s%s AS%s', CASE c.relkind WHEN 'm' THEN 'MATERIALIZED ' ELSE '' END, c.oid::regclass,
              CASE WHEN c.reloptions IS NULL THEN '' ELSE ' WITH (' || array_to_string(c.reloptions, ', ') || ')' END,
              E'\\n' || rtrim(pg_get_viewdef(c.oid), ';')) AS definition,
       array(SELECT a.attname || ' ' || format_type(a.atttypid, a.atttypmod) FROM pg_attribute a
              WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum) AS shape,
       NULL::text AS enabled, obj_description(c.oid, 'pg_class') AS comment, NULL::text AS function_schema, NULL::text AS function_name
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('v', 'm') AND ${schemaFilter} AND ${notInExtension2("pg_class", "c.oid")}`;
var viewIndexesSelect = `
SELECT 'view_index' AS kind, n.nspname AS schema, ic.relname AS name, c.relname AS on, pg_get_indexdef(i.indexrelid) AS definition,
       '{}'::text[] AS shape, NULL::text AS enabled, obj_description(ic.oid, 'pg_class') AS comment, NULL::text AS function_schema, NULL::text AS function_name
FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid
JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind = 'm' AND ${schemaFilter}`;
function toView(row) {
  return {
    kind: row.kind,
    schema: row.schema,
    name: row.name,
    on: "",
    definition: row.definition,
    shape: row.shape,
    enabled: null,
    comment: row.comment,
    dependsOn: []
  };
}
function toViewIndex(row) {
  return {
    kind: "view_index",
    schema: row.schema,
    name: row.name,
    on: row.on,
    definition: row.definition,
    shape: [],
    enabled: null,
    comment: row.comment,
    dependsOn: [objectKey("materialized_view", row.schema, row.on)]
  };
}

// src/introspect/functions.ts
var functionsSelect = `
SELECT CASE p.prokind WHEN 'p' THEN 'procedure' ELSE 'function' END AS kind, n.nspname AS schema, p.proname AS name,
       pg_get_function_identity_arguments(p.oid) AS on, pg_get_functiondef(p.oid) AS definition,
       ARRAY[pg_get_function_arguments(p.oid), coalesce(pg_get_function_result(p.oid), '')] AS shape,
       NULL::text AS enabled, obj_description(p.oid, 'pg_proc') AS comment, NULL::text AS function_schema, NULL::text AS function_name
FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
WHERE p.prokind IN ('f', 'p') AND ${schemaFilter} AND ${notInExtension2("pg_proc", "p.oid")}`;
function toFunction(row) {
  return {
    kind: row.kind,
    schema: row.schema,
    name: row.name,
    on: row.on,
    definition: row.definition.trimEnd(),
    shape: row.shape,
    enabled: null,
    comment: row.comment,
    dependsOn: []
  };
}

// src/introspect/triggers.ts
var triggersSelect = `
SELECT 'trigger' AS kind, n.nspname AS schema, t.tgname AS name, c.relname AS on, pg_get_triggerdef(t.oid) AS definition,
       '{}'::text[] AS shape, t.tgenabled::text AS enabled, obj_description(t.oid, 'pg_trigger') AS comment,
       NULL::text AS function_schema, NULL::text AS function_name
FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE NOT t.tgisinternal AND ${schemaFilter}
  -- a clone depends on its parent's trigger with deptype 'P' (tgparentid only exists from PostgreSQL 13)
  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_trigger'::regclass AND d.objid = t.oid AND d.deptype = 'P')
  AND NOT $2::jsonb @> jsonb_build_array(jsonb_build_object('schema', n.nspname::text, 'name', c.relname::text))
  AND ${notInExtension2("pg_class", "c.oid")}`;
var eventTriggersSelect = `
SELECT 'event_trigger' AS kind, '' AS schema, e.evtname AS name, '' AS on,
       format('CREATE EVENT TRIGGER %I ON %I%s EXECUTE FUNCTION %s()', e.evtname, e.evtevent,
              CASE WHEN e.evttags IS NULL THEN ''
                   ELSE format(' WHEN TAG IN (%s)', (SELECT string_agg(quote_literal(tag), ', ') FROM unnest(e.evttags) tag)) END,
              e.evtfoid::regproc) AS definition,
       '{}'::text[] AS shape, e.evtenabled::text AS enabled, obj_description(e.oid, 'pg_event_trigger') AS comment,
       n.nspname AS function_schema, p.proname AS function_name
FROM pg_event_trigger e JOIN pg_proc p ON p.oid = e.evtfoid JOIN pg_namespace n ON n.oid = p.pronamespace
WHERE ${schemaFilter} AND ${notInExtension2("pg_event_trigger", "e.oid")}`;
var states = { O: "enabled", D: "disabled", R: "replica", A: "always" };
function toTrigger(row) {
  return {
    kind: "trigger",
    schema: row.schema,
    name: row.name,
    on: row.on,
    definition: row.definition,
    shape: [],
    enabled: states[row.enabled] ?? "enabled",
    comment: row.comment,
    dependsOn: []
  };
}
function toEventTrigger(row) {
  return {
    kind: "event_trigger",
    schema: "",
    name: row.name,
    on: "",
    definition: row.definition,
    shape: [],
    enabled: states[row.enabled] ?? "enabled",
    comment: row.comment,
    // an event trigger's function takes no arguments
    dependsOn: [objectKey("function", row.function_schema, row.function_name, "")]
  };
}

// src/introspect/objects.ts
var objectsQuery = `${[functionsSelect, viewsSelect, viewIndexesSelect, triggersSelect, eventTriggersSelect].join("\nUNION ALL")}
ORDER BY 1, 2, 4, 3`;
var fromRow = {
  function: toFunction,
  procedure: toFunction,
  view: toView,
  materialized_view: toView,
  view_index: toViewIndex,
  trigger: toTrigger,
  event_trigger: toEventTrigger
};
async function readObjects(client, params) {
  const objects = (await client.query(objectsQuery, [...params])).rows.map((row) => fromRow[row.kind](row));
  const depends = dependenciesByObject((await client.query(dependenciesQuery, params.slice(0, 1))).rows);
  return objects.map((o) => {
    const found = depends.get(keyOfObject(o));
    return found ? { ...o, dependsOn: [...o.dependsOn, ...found.filter((k) => !o.dependsOn.includes(k))] } : o;
  });
}

// src/introspect/settle.ts
var settleBlock = `DO $settle$
DECLARE tbl text; items jsonb; item jsonb; original text; settled text; k text; adds text; together boolean;
  originals jsonb; out jsonb := '{}';
BEGIN
  FOR tbl, items IN SELECT x->>'table', jsonb_agg(x ORDER BY (x->>'k')::int)
      FROM jsonb_array_elements(current_setting('db_migrate.settle')::jsonb) x GROUP BY 1 LOOP
    originals := '{}';
    adds := '';
    FOR item IN SELECT * FROM jsonb_array_elements(items) LOOP
      BEGIN
        original := CASE item->>'kind'
          WHEN 'check' THEN (SELECT pg_get_expr(conbin, conrelid) FROM pg_constraint WHERE conrelid = (item->>'table')::regclass AND conname = item->>'ref')
          WHEN 'index' THEN (SELECT pg_get_expr(indpred, indrelid) FROM pg_index WHERE indexrelid = (item->>'ref')::regclass)
          ELSE item->>'ref' END;
      EXCEPTION WHEN others THEN original := NULL;
      END;
      CONTINUE WHEN original IS NULL;
      originals := originals || jsonb_build_object(item->>'k', original);
      adds := adds || CASE WHEN adds = '' THEN '' ELSE ', ' END
        || format('ADD CONSTRAINT %I CHECK (%s) NOT VALID', 'db_migrate_settle_' || (item->>'k'), original);
    END LOOP;
    CONTINUE WHEN adds = '';
    BEGIN
      EXECUTE format('ALTER TABLE %s %s', tbl, adds);
      together := true;
    EXCEPTION WHEN others THEN together := false;
    END;
    FOR k, original IN SELECT key, value FROM jsonb_each_text(originals) LOOP
      IF NOT together THEN
        BEGIN
          EXECUTE format('ALTER TABLE %s ADD CONSTRAINT %I CHECK (%s) NOT VALID', tbl, 'db_migrate_settle_' || k, original);
        EXCEPTION WHEN others THEN CONTINUE;
        END;
      END IF;
      SELECT pg_get_expr(conbin, conrelid) INTO settled FROM pg_constraint WHERE conrelid = tbl::regclass AND conname = 'db_migrate_settle_' || k;
      IF settled <> original THEN out := out || jsonb_build_object(k, jsonb_build_array(original, settled)); END IF;
    END LOOP;
  END LOOP;
  PERFORM set_config('db_migrate.settled', out::text, true);
END $settle$`;
async function settleExpressions(client, schema, inTransaction = false) {
  const items = [];
  const add = (table, kind, ref) => {
    items.push({ k: items.length, table: `${quote(table.schema)}.${quote(table.name)}`, kind, ref });
    return items.length - 1;
  };
  const plan = schema.tables.map((t) => ({
    checks: t.checks.map((c) => add(t, "check", c.name)),
    indexes: t.indexes.map((i) => / WHERE /.test(i.definition) ? add(t, "index", `${quote(t.schema)}.${quote(i.name)}`) : -1),
    policies: t.policies.map((p) => [p.using === null ? -1 : add(t, "text", p.using), p.withCheck === null ? -1 : add(t, "text", p.withCheck)])
  }));
  if (items.length === 0) return schema;
  let settled;
  await client.query(inTransaction ? "SAVEPOINT db_migrate_settle" : "BEGIN");
  try {
    await client.query(`SELECT set_config('db_migrate.settle', $1, true)`, [JSON.stringify(items)]);
    await client.query(settleBlock);
    settled = JSON.parse((await client.query(`SELECT current_setting('db_migrate.settled') AS settled`)).rows[0].settled);
  } finally {
    await client.query(inTransaction ? "ROLLBACK TO SAVEPOINT db_migrate_settle; RELEASE SAVEPOINT db_migrate_settle" : "ROLLBACK");
  }
  const swap = (k, text, at) => {
    const pair = settled[String(k)];
    if (!pair) return text;
    const [original, now] = pair;
    if (at === "whole") return text === original ? now : text;
    if (at === "end") return text.endsWith(original) ? text.slice(0, text.length - original.length) + now : text;
    const i = text.indexOf(original);
    return i < 0 ? text : text.slice(0, i) + now + text.slice(i + original.length);
  };
  return {
    ...schema,
    tables: schema.tables.map((t, ti) => {
      const p = plan[ti];
      return {
        ...t,
        checks: t.checks.map((c, i) => ({ ...c, definition: swap(p.checks[i], c.definition, "inside") })),
        indexes: t.indexes.map((ix, i) => ({ ...ix, definition: swap(p.indexes[i], ix.definition, "end") })),
        policies: t.policies.map((pol, i) => ({
          ...pol,
          using: pol.using === null ? null : swap(p.policies[i][0], pol.using, "whole"),
          withCheck: pol.withCheck === null ? null : swap(p.policies[i][1], pol.withCheck, "whole")
        }))
      };
    })
  };
}
function quote(name) {
  return `"${name.replace(/"/g, '""')}"`;
}

// src/introspect/marks.ts
var nextXid = "txid_snapshot_xmax(txid_current_snapshot())";
var fresh = (xmin) => `age(${xmin}) <= (SELECT lim FROM h)`;
var ownerOf = (cls, obj) => `CASE ${cls}
    WHEN 'pg_class'::regclass THEN coalesce((SELECT ix.indrelid FROM pg_index ix WHERE ix.indexrelid = ${obj}), ${obj})
    WHEN 'pg_constraint'::regclass THEN (SELECT k.conrelid FROM pg_constraint k WHERE k.oid = ${obj})
    WHEN 'pg_attrdef'::regclass THEN (SELECT ad.adrelid FROM pg_attrdef ad WHERE ad.oid = ${obj})
    WHEN 'pg_policy'::regclass THEN (SELECT po.polrelid FROM pg_policy po WHERE po.oid = ${obj})
    WHEN 'pg_trigger'::regclass THEN (SELECT tg.tgrelid FROM pg_trigger tg WHERE tg.oid = ${obj})
  END`;
var tableType = (ty) => `EXISTS (SELECT 1 FROM pg_class tc WHERE tc.oid = ${ty}.typrelid AND tc.relkind IN ('r', 'p'))`;
var tablePart = (cls, obj) => `(${cls} IN ('pg_constraint'::regclass, 'pg_attrdef'::regclass, 'pg_policy'::regclass)
    OR (${cls} = 'pg_class'::regclass AND EXISTS (SELECT 1 FROM pg_class pc WHERE pc.oid = ${obj} AND pc.relkind IN ('r', 'p', 'i', 't', 'I'))))`;
var restFresh = `(EXISTS (SELECT 1 FROM pg_type ty WHERE ${fresh("ty.xmin")} AND NOT ${tableType("ty")}
      AND NOT EXISTS (SELECT 1 FROM pg_type el WHERE el.oid = ty.typelem AND ${tableType("el")}))
  OR EXISTS (SELECT 1 FROM pg_enum e WHERE ${fresh("e.xmin")})
  OR EXISTS (SELECT 1 FROM pg_proc p WHERE ${fresh("p.xmin")})
  OR EXISTS (SELECT 1 FROM pg_rewrite rw WHERE ${fresh("rw.xmin")})
  OR EXISTS (SELECT 1 FROM pg_trigger tg WHERE ${fresh("tg.xmin")} AND NOT tg.tgisinternal)
  OR EXISTS (SELECT 1 FROM pg_event_trigger et WHERE ${fresh("et.xmin")})
  OR EXISTS (SELECT 1 FROM pg_extension x WHERE ${fresh("x.xmin")})
  OR EXISTS (SELECT 1 FROM pg_collation co WHERE ${fresh("co.xmin")})
  OR EXISTS (SELECT 1 FROM pg_sequence sq WHERE ${fresh("sq.xmin")})
  OR EXISTS (SELECT 1 FROM pg_class c WHERE ${fresh("c.xmin")} AND c.relkind NOT IN ('r', 'p', 'i', 't', 'I'))
  OR EXISTS (SELECT 1 FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid WHERE ${fresh("a.xmin")} AND c.relkind NOT IN ('r', 'p', 'i', 't', 'I'))
  OR EXISTS (SELECT 1 FROM pg_index ix JOIN pg_class c ON c.oid = ix.indrelid WHERE ${fresh("ix.xmin")} AND c.relkind NOT IN ('r', 'p', 't'))
  OR EXISTS (SELECT 1 FROM pg_constraint k WHERE ${fresh("k.xmin")} AND k.conrelid = 0)
  OR EXISTS (SELECT 1 FROM pg_description d WHERE ${fresh("d.xmin")} AND NOT ${tablePart("d.classoid", "d.objoid")})
  OR EXISTS (SELECT 1 FROM pg_depend dep WHERE ${fresh("dep.xmin")} AND NOT ${tablePart("dep.classid", "dep.objid")}
      AND NOT (dep.classid = 'pg_type'::regclass AND dep.deptype = 'i')))`;
var restCounts = `UNION ALL SELECT 'Gtype', count(*) FROM pg_type ty WHERE ty.oid >= 16384 AND NOT ${tableType("ty")}
    AND NOT EXISTS (SELECT 1 FROM pg_type el WHERE el.oid = ty.typelem AND ${tableType("el")})
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
  UNION ALL SELECT 'Gcomment', count(*) FROM pg_description WHERE objoid >= 16384`;
var marksQuery = `
WITH h AS (SELECT CASE WHEN $3::int8 IS NULL THEN -1 ELSE age(($3::int8 % 4294967296)::text::xid) END AS lim),
t AS MATERIALIZED (
  SELECT c.oid, n.nspname AS schema, c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE ${tableFilter}
),
-- objects with a row newer than the horizon, by catalog and oid (and column: sub, 0 for the whole object)
objects AS MATERIALIZED (
  SELECT 'pg_class'::regclass::oid AS cls, c.oid AS obj, 0::int2 AS sub FROM pg_class c WHERE ${fresh("c.xmin")}
  UNION SELECT 'pg_class'::regclass::oid, a.attrelid, a.attnum FROM pg_attribute a WHERE ${fresh("a.xmin")}
  UNION SELECT 'pg_class'::regclass::oid, sq.seqrelid, 0::int2 FROM pg_sequence sq WHERE ${fresh("sq.xmin")}
  UNION SELECT 'pg_class'::regclass::oid, ix.indexrelid, 0::int2 FROM pg_index ix WHERE ${fresh("ix.xmin")}
  UNION SELECT 'pg_class'::regclass::oid, ih.inhrelid, 0::int2 FROM pg_inherits ih WHERE ${fresh("ih.xmin")}
  UNION SELECT 'pg_class'::regclass::oid, pt.partrelid, 0::int2 FROM pg_partitioned_table pt WHERE ${fresh("pt.xmin")}
  UNION SELECT 'pg_attrdef'::regclass::oid, ad.oid, 0::int2 FROM pg_attrdef ad WHERE ${fresh("ad.xmin")}
  UNION SELECT 'pg_constraint'::regclass::oid, k.oid, 0::int2 FROM pg_constraint k WHERE ${fresh("k.xmin")}
  UNION SELECT 'pg_policy'::regclass::oid, po.oid, 0::int2 FROM pg_policy po WHERE ${fresh("po.xmin")}
  UNION SELECT 'pg_type'::regclass::oid, ty.oid, 0::int2 FROM pg_type ty WHERE ${fresh("ty.xmin")}
  UNION SELECT 'pg_type'::regclass::oid, e.enumtypid, 0::int2 FROM pg_enum e WHERE ${fresh("e.xmin")}
  UNION SELECT 'pg_proc'::regclass::oid, p.oid, 0::int2 FROM pg_proc p WHERE ${fresh("p.xmin")}
  UNION SELECT 'pg_collation'::regclass::oid, co.oid, 0::int2 FROM pg_collation co WHERE ${fresh("co.xmin")}
  UNION SELECT 'pg_operator'::regclass::oid, op.oid, 0::int2 FROM pg_operator op WHERE ${fresh("op.xmin")}
  UNION SELECT 'pg_opclass'::regclass::oid, oc.oid, 0::int2 FROM pg_opclass oc WHERE ${fresh("oc.xmin")}
  UNION SELECT d.classoid, d.objoid, d.objsubid::int2 FROM pg_description d WHERE ${fresh("d.xmin")}
  UNION SELECT dep.classid, dep.objid, 0::int2 FROM pg_depend dep WHERE ${fresh("dep.xmin")}
),
-- the tables those objects are parts of, the tables with a part that depends on one of them, and the tables a new
-- dependency names (a sequence now owned by a column)
changed AS (
  SELECT ${ownerOf("o.cls", "o.obj")} AS oid FROM objects o
  UNION SELECT ${ownerOf("dep.classid", "dep.objid")} FROM objects o CROSS JOIN LATERAL (
    -- looked up per object (OFFSET 0 keeps it a lookup): a join would walk every dependency of the database
    SELECT dep.classid, dep.objid FROM pg_depend dep WHERE dep.refclassid = o.cls AND dep.refobjid = o.obj AND (o.sub = 0 OR dep.refobjsubid IN (0, o.sub)) OFFSET 0) dep
  UNION SELECT dep.refobjid FROM pg_depend dep WHERE dep.refclassid = 'pg_class'::regclass AND ${fresh("dep.xmin")}
),
-- rows whose deletion leaves the table's other rows as they were: counted per table
counts AS (
  SELECT 'k' || k.conrelid AS c, count(*) AS n FROM pg_constraint k WHERE k.conrelid >= 16384 GROUP BY k.conrelid
  UNION ALL SELECT 'i' || ix.indrelid, count(*) FROM pg_index ix WHERE ix.indrelid >= 16384 GROUP BY ix.indrelid
  UNION ALL SELECT 'p' || po.polrelid, count(*) FROM pg_policy po GROUP BY po.polrelid
  UNION ALL SELECT 'd' || ad.adrelid, count(*) FROM pg_attrdef ad WHERE ad.adrelid >= 16384 GROUP BY ad.adrelid
  UNION ALL SELECT 'h' || ih.inhrelid, count(*) FROM pg_inherits ih GROUP BY ih.inhrelid
  UNION ALL SELECT 'D' || owner, count(*) FROM (SELECT ${ownerOf("d.classoid", "d.objoid")} AS owner FROM pg_description d
    WHERE d.objoid >= 16384 AND d.classoid IN ('pg_class'::regclass, 'pg_constraint'::regclass, 'pg_policy'::regclass)) x WHERE owner IS NOT NULL GROUP BY owner
  UNION ALL SELECT 'S' || dep.refobjid, count(*) FROM pg_depend dep JOIN pg_class s ON s.oid = dep.objid AND s.relkind = 'S'
    WHERE dep.classid = 'pg_class'::regclass AND dep.refclassid = 'pg_class'::regclass GROUP BY dep.refobjid
  ${restCounts}
)
SELECT (SELECT coalesce(json_agg(json_build_array(t.oid::int8::text, t.schema, t.name)), '[]') FROM t) AS tables,
  ${restFresh} AS rest_changed,
  (SELECT coalesce(json_object_agg(c, n), '{}') FROM counts) AS counts,
  (SELECT coalesce(json_agg(DISTINCT ch.oid::int8::text), '[]') FROM changed ch JOIN t ON t.oid = ch.oid) AS changed,
  EXISTS (SELECT 1 FROM pg_namespace n WHERE ${fresh("n.xmin")}) AS schemas_changed,
  md5((SELECT string_agg(n.oid || ':' || n.nspname, ',' ORDER BY n.oid) FROM pg_namespace n)
    || '|' || coalesce((SELECT string_agg(r.oid || ':' || r.rolname, ',' ORDER BY r.oid) FROM pg_roles r WHERE r.oid IN (
      SELECT sd.refobjid FROM pg_shdepend sd WHERE sd.dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
        AND sd.refclassid = 'pg_authid'::regclass AND sd.deptype IN ('a', 'r'))), '')) AS global`;
async function readHorizon(client) {
  return (await client.query(`SELECT ${nextXid}::text AS x`)).rows[0].x;
}
async function readMarks(client, params, horizon = null) {
  const row = (await client.query(marksQuery, [...params, horizon])).rows[0];
  const tables = {};
  for (const [oid, schema, name] of row.tables) tables[oid] = { schema, name };
  const counts = {};
  for (const [k, n] of Object.entries(row.counts)) counts[k] = Number(n);
  return { tables, counts, global: row.global, changed: row.changed, schemasChanged: row.schemas_changed, restChanged: row.rest_changed };
}
function keptMarks(marks) {
  return { tables: marks.tables, counts: marks.counts, global: marks.global };
}
function tablesToReread(before, now) {
  if (now.schemasChanged || now.global !== before.global) return null;
  const reread = new Set(now.changed);
  for (const [oid, table] of Object.entries(now.tables)) {
    const was = before.tables[oid];
    if (!was || was.schema !== table.schema || was.name !== table.name) reread.add(oid);
  }
  for (const key of /* @__PURE__ */ new Set([...Object.keys(before.counts), ...Object.keys(now.counts)])) {
    if (before.counts[key] !== now.counts[key] && now.tables[key.slice(1)]) reread.add(key.slice(1));
  }
  return [...reread];
}
async function restUnchanged(before, now, reread, dependents) {
  if (now.restChanged) return false;
  for (const key of /* @__PURE__ */ new Set([...Object.keys(before.counts), ...Object.keys(now.counts)])) {
    if (key.startsWith("G") && before.counts[key] !== now.counts[key]) return false;
  }
  return reread.length === 0 || !await dependents(reread);
}
var dependentsQuery = `
SELECT EXISTS (SELECT 1 FROM pg_depend d WHERE d.refclassid = 'pg_class'::regclass AND d.refobjid = ANY($1::oid[])
  AND (d.classid IN ('pg_rewrite'::regclass, 'pg_proc'::regclass)
    OR (d.classid = 'pg_trigger'::regclass AND NOT (SELECT tg.tgisinternal FROM pg_trigger tg WHERE tg.oid = d.objid))
    OR (d.classid = 'pg_type'::regclass AND d.deptype <> 'i')
    OR (d.classid = 'pg_class'::regclass AND (SELECT c.relkind FROM pg_class c WHERE c.oid = d.objid) NOT IN ('r', 'p', 'i', 't', 'I')))) AS found`;

// src/introspect/table-extras.ts
function tableExtras(row, policies) {
  const parents = row.parents;
  const partition = row.partition_bound !== null && parents[0] !== void 0;
  const rowLevelSecurity = row.row_security ? row.force_row_security ? "forced" : "enabled" : "disabled";
  return {
    partitionBy: row.partition_by,
    partitionOf: partition ? { ...parents[0], bound: row.partition_bound } : null,
    inherits: partition ? [] : parents,
    unlogged: row.unlogged,
    rowLevelSecurity,
    policies
  };
}
var commands = { "*": "all", r: "select", a: "insert", w: "update", d: "delete" };
function toPolicy(row) {
  return { name: row.name, command: commands[row.command], permissive: row.permissive, roles: row.roles, using: row.using, withCheck: row.with_check };
}
function toGrant(row) {
  return { on: row.on, schema: row.schema, name: row.name, column: row.column, grantee: row.grantee, privilege: row.privilege, grantable: row.grantable };
}

// src/introspect/collations.ts
var collationsQuery = `
SELECT n.nspname AS schema, c.collname AS name, c.collprovider AS provider, c.collcollate AS lc_collate, c.collctype AS lc_ctype,
       coalesce(to_jsonb(c) ->> 'colllocale', to_jsonb(c) ->> 'colliculocale') AS locale, c.collisdeterministic AS deterministic
FROM pg_collation c JOIN pg_namespace n ON n.oid = c.collnamespace
WHERE ${schemaFilter} AND ${notInExtension("pg_collation", "c.oid")}
ORDER BY 1, 2`;
var providers = { c: "libc", i: "icu", b: "builtin" };
function toCollation(row) {
  return {
    schema: row.schema,
    name: row.name,
    provider: providers[row.provider] ?? "libc",
    locale: row.locale,
    lcCollate: row.lc_collate,
    lcCtype: row.lc_ctype,
    deterministic: row.deterministic
  };
}

// src/introspect/composites.ts
var compositesQuery = `
SELECT n.nspname AS schema, t.typname AS name,
       coalesce((SELECT jsonb_agg(jsonb_build_object(
                   'name', a.attname::text, 'type', format_type(a.atttypid, a.atttypmod),
                   'collation', CASE WHEN a.attcollation <> 0 AND a.attcollation <> at.typcollation THEN ${collationName("a.attcollation")} END)
                   ORDER BY a.attnum)
                 FROM pg_attribute a JOIN pg_type at ON at.oid = a.atttypid
                 WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped), '[]') AS attributes
FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace JOIN pg_class r ON r.oid = t.typrelid
WHERE t.typtype = 'c' AND r.relkind = 'c' AND ${schemaFilter} AND ${notInExtension("pg_type", "t.oid")}
ORDER BY 1, 2`;
function toComposite(row) {
  return { schema: row.schema, name: row.name, attributes: row.attributes };
}

// src/introspect/domains.ts
var domainsQuery = `
SELECT n.nspname AS schema, t.typname AS name, format_type(t.typbasetype, t.typtypmod) AS type,
       t.typdefault AS default, t.typnotnull AS not_null,
       coalesce((SELECT jsonb_agg(jsonb_build_object('name', k.conname::text, 'definition', pg_get_constraintdef(k.oid)) ORDER BY k.conname)
                 FROM pg_constraint k WHERE k.contypid = t.oid AND k.contype = 'c'), '[]') AS checks,
       CASE WHEN t.typcollation <> 0 AND t.typcollation <> b.typcollation THEN ${collationName("t.typcollation")} END AS collation
FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace JOIN pg_type b ON b.oid = t.typbasetype
WHERE t.typtype = 'd' AND ${schemaFilter} AND ${notInExtension("pg_type", "t.oid")}
ORDER BY 1, 2`;
function toDomain(row) {
  return { schema: row.schema, name: row.name, type: row.type, default: row.default, notNull: row.not_null, checks: row.checks, collation: row.collation };
}

// src/introspect/extensions.ts
var extensionsQuery = `
SELECT e.extname AS name, n.nspname AS schema, e.extversion AS version
FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
WHERE e.extname <> 'plpgsql' AND ($1::text[] IS NULL OR n.nspname = ANY($1::text[]))
ORDER BY 1`;
function toExtension(row) {
  return { name: row.name, schema: row.schema, version: row.version };
}

// src/introspect/sequences.ts
var sequencesQuery = `
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
WHERE ${schemaFilter} AND ${notInExtension("pg_class", "s.oid")}
  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = s.oid AND d.deptype = 'i')
  AND NOT coalesce(own.serial, false)
ORDER BY 1, 2`;
function toSequence(row) {
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
    ownedBy: row.owner_table === null ? null : { schema: row.owner_schema, table: row.owner_table, column: row.owner_column }
  };
}

// src/introspect/introspect.ts
async function introspect(client, options = {}) {
  return (await readDatabase(client, options, { marks: false, earlier: null })).schema;
}
async function readWithMarks(client, options, earlier) {
  const { schema, marks, reread } = await readDatabase(client, options, { marks: true, earlier });
  return { schema, marks, reread };
}
async function readDatabase(client, options, how) {
  const params = [options.schemas ?? null, JSON.stringify(options.exclude ?? [])];
  const entered = (await client.query(enterQuery)).rows[0];
  const saved = [entered.search_path, entered.jit];
  let schema;
  let marks = null;
  let only = null;
  let kept = [];
  try {
    let rest = null;
    if (how.marks) {
      marks = await readMarks(client, params, how.earlier?.horizon ?? null);
      only = how.earlier ? tablesToReread(how.earlier.reading.marks, marks) : null;
      if (only && how.earlier) {
        kept = keptTables(how.earlier.reading, marks, new Set(only));
        const tables2 = only;
        const dependents = async () => (await client.query(dependentsQuery, [tables2])).rows[0].found;
        if (await restUnchanged(how.earlier.reading.marks, marks, only, dependents)) rest = how.earlier.reading.schema;
      }
    }
    const tableParams = [...params, only];
    const schemas = rest ? null : (await client.query(schemasQuery, params.slice(0, 1))).rows.map((row) => row.name);
    const enums = rest ? null : (await client.query(enumsQuery, params.slice(0, 1))).rows;
    const tables = (await client.query(tablesQuery, tableParams)).rows;
    const columns = (await client.query(columnsQuery, tableParams)).rows;
    const constraints = (await client.query(constraintsQuery, tableParams)).rows;
    const indexes = (await client.query(indexesQuery, tableParams)).rows;
    const policies = (await client.query(policiesQuery, tableParams)).rows;
    const grants = options.privileges === false ? [] : rest && only && await grantsKept(client, tableParams, rest, kept) || (await client.query(grantsQuery, params)).rows;
    const objects = rest ? [...rest.objects ?? []] : await readObjects(client, params);
    const types = rest ? { extensions: rest.extensions, sequences: rest.sequences, domains: rest.domains, compositeTypes: rest.compositeTypes, collations: rest.collations } : typesOf((await client.query(typesQuery, params.slice(0, 1))).rows[0]);
    let read = assembleTables(tables, columns, constraints, indexes, policies);
    if (options.settle) read = (await settleExpressions(client, { ...emptySchema, tables: read }, options.inTransaction)).tables;
    const all = kept.length ? [...read, ...kept].sort(byName) : read;
    const assembled0 = rest ? reassemble(rest, all, grants) : assemble(schemas, enums, all, grants);
    const held = [...types.extensions, ...types.sequences, ...types.domains, ...types.compositeTypes, ...types.collations].map((item) => item.schema);
    const assembled = { ...assembled0, ...types, schemas: [.../* @__PURE__ */ new Set([...assembled0.schemas, ...held])].filter((s) => s !== "public" && s !== "pg_catalog").sort(compareText) };
    schema = withoutExcludedSchemas(objects.length ? { ...assembled, objects } : assembled, options.exclude ?? []);
    await client.query(leaveQuery, saved);
    return { schema, marks: marks && keptMarks(marks), reread: read.length };
  } catch (error) {
    await client.query(leaveQuery, saved).catch(() => {
    });
    throw error;
  }
}
async function grantsKept(client, tableParams, rest, kept) {
  if ((await client.query(tableGrantsQuery, tableParams)).rows.length > 0) return null;
  const keptNames = new Set(kept.map((t) => JSON.stringify([t.schema, t.name])));
  return rest.grants.filter((g) => g.on !== "table" && g.on !== "column" || keptNames.has(JSON.stringify([g.schema, g.name])));
}
function keptTables(earlier, now, reread) {
  const byName2 = new Map(earlier.schema.tables.map((t) => [JSON.stringify([t.schema, t.name]), t]));
  const kept = [];
  for (const [oid, mark] of Object.entries(now.tables)) {
    if (reread.has(oid)) continue;
    const table = byName2.get(JSON.stringify([mark.schema, mark.name]));
    if (!table) throw new Error(`the earlier reading has no table ${mark.schema}.${mark.name} that its marks name`);
    kept.push(table);
  }
  return kept;
}
var typesQuery = `SELECT ${Object.entries({ extensions: extensionsQuery, sequences: sequencesQuery, domains: domainsQuery, composites: compositesQuery, collations: collationsQuery }).map(([name, query]) => `(SELECT coalesce(jsonb_agg(row_to_json(x)), '[]') FROM (${query}) x) AS ${name}`).join(",\n")}`;
function withoutExcludedSchemas(schema, exclude) {
  const gone = new Set(exclude.map((t) => t.schema).filter((name) => !holdsItems(schema, name)));
  return gone.size ? { ...schema, schemas: schema.schemas.filter((s) => !gone.has(s)) } : schema;
}
function assembleTables(tableRows, columnRows, constraintRows, indexRows, policyRows) {
  const byTable = (rows, map) => {
    const out = /* @__PURE__ */ new Map();
    for (const row of rows) {
      const list = out.get(row.table_oid) ?? [];
      list.push(map(row));
      out.set(row.table_oid, list);
    }
    return out;
  };
  const columns = byTable(columnRows, toColumn);
  const constraints = byTable(constraintRows, (row) => row);
  const indexes = byTable(indexRows, toIndex);
  const policies = byTable(policyRows, toPolicy);
  return tableRows.map((row) => {
    const own = constraints.get(row.oid) ?? [];
    const pk = own.find((c) => c.type === "p");
    return {
      schema: row.schema,
      name: row.name,
      columns: columns.get(row.oid) ?? [],
      primaryKey: pk ? { name: pk.name, columns: pk.columns, include: pk.include, deferral: deferralOf(pk) } : null,
      uniques: own.filter((c) => c.type === "u").map(toUnique).sort(byName),
      foreignKeys: own.filter((c) => c.type === "f").map(toForeignKey).sort(byName),
      checks: own.filter((c) => c.type === "c").map((c) => ({ name: c.name, definition: c.definition })).sort(byName),
      exclusions: own.filter((c) => c.type === "x").map((c) => ({ name: c.name, definition: c.definition })).sort(byName),
      indexes: (indexes.get(row.oid) ?? []).sort(byName),
      comment: row.comment,
      ...tableExtras(row, policies.get(row.oid) ?? [])
    };
  }).sort(byName);
}
function typesOf(row) {
  return {
    extensions: row.extensions.map(toExtension),
    sequences: row.sequences.map(toSequence),
    domains: row.domains.map(toDomain),
    compositeTypes: row.composites.map(toComposite),
    collations: row.collations.map(toCollation)
  };
}
function reassemble(earlier, tables, grantRows) {
  const schemas = [.../* @__PURE__ */ new Set([...earlier.schemas, ...tables.map((t) => t.schema)])].filter((s) => s !== "public").sort(compareText);
  return { schemas, enums: earlier.enums, tables, grants: grantRows.map(toGrant) };
}
function assemble(schemaNames, enumRows, tables, grantRows) {
  const enums = enumRows.map((row) => ({ schema: row.schema, name: row.name, values: row.values, comment: row.comment })).sort(byName);
  const schemas = [.../* @__PURE__ */ new Set([...schemaNames, ...[...enums, ...tables].map((item) => item.schema)])].filter((s) => s !== "public").sort(compareText);
  const grants = grantRows.map(toGrant);
  return { schemas, enums, tables, grants };
}
function toColumn(row) {
  const generated = row.generated === "s" || row.generated === "v";
  const serial = row.serial && serialFor(row.type) !== void 0;
  return {
    name: row.name,
    type: serial ? serialFor(row.type) : row.type,
    notNull: row.not_null,
    default: generated || serial ? null : row.default,
    identity: row.identity === "a" ? "always" : row.identity === "d" ? "by default" : null,
    generated: generated ? row.default : null,
    comment: row.comment,
    ...row.collation !== null ? { collation: row.collation } : {}
  };
}
function toUnique(row) {
  return { name: row.name, columns: row.columns, include: row.include, nullsNotDistinct: /^UNIQUE NULLS NOT DISTINCT\b/.test(row.definition), deferral: deferralOf(row) };
}
var actions = { a: "no action", r: "restrict", c: "cascade", n: "set null", d: "set default" };
function toForeignKey(row) {
  return {
    name: row.name,
    columns: row.columns,
    refSchema: row.ref_schema,
    refTable: row.ref_table,
    refColumns: row.ref_columns,
    onDelete: actions[row.on_delete],
    onUpdate: actions[row.on_update],
    deferral: deferralOf(row),
    match: row.match === "f" ? "full" : "simple",
    notValid: row.not_valid
  };
}
function deferralOf(row) {
  return row.deferred ? "initially deferred" : row.deferrable ? "deferrable" : "not deferrable";
}
function toIndex(row) {
  return { name: row.name, unique: row.unique, method: row.method, definition: row.definition };
}
function compareText(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
function byName(a, b) {
  return compareText(a.schema ?? "", b.schema ?? "") || compareText(a.name, b.name);
}

// src/provision/schema-store.ts
import { existsSync, readFileSync, utimesSync } from "node:fs";
import { join } from "node:path";
var storeFormat = 1;
var storedSchemaLimit = 24;
function readStoredSchema(root, name, reader) {
  const file = join(root, "schemas", `${name}.json`);
  if (!existsSync(file)) return null;
  try {
    const stored = JSON.parse(readFileSync(file, "utf8"));
    if (stored.format !== storeFormat || stored.reader !== readerKey(reader)) return null;
    const now = /* @__PURE__ */ new Date();
    utimesSync(file, now, now);
    return { schema: stored.schema, ...stored.facts === void 0 ? {} : { facts: stored.facts } };
  } catch {
    return null;
  }
}
function writeStoredSchema(root, name, reader, stored) {
  const dir = ensureDir(join(root, "schemas"));
  const file = join(dir, `${name}.json`);
  writeWhole(file, JSON.stringify({ format: storeFormat, reader: readerKey(reader), ...stored }));
  keepNewest(dir, storedSchemaLimit);
}
function readerKey(reader) {
  return JSON.stringify({ version, cluster: reader.cluster ?? "", privileges: reader.privileges, exclude: reader.exclude ?? [] });
}

// src/provision/replay-key.ts
import { createHash } from "node:crypto";
function replaySettings(config) {
  return {
    "migrations-ignore": config.migrationsIgnore.join(","),
    "history-schema": config.historySchema,
    "history-table": config.historyTable,
    "umzug-table": `${config.umzugStorage.schema}.${config.umzugStorage.table}.${config.umzugStorage.column}`,
    context: config.contextKind,
    // the config file's context factory, as written (what it imports is not part of the key)
    "context-factory": config.contextFactory ? String(config.contextFactory) : "",
    "lock-timeout": String(config.lockTimeoutMs ?? config.lockWaitMs),
    "statement-timeout": String(config.statementTimeoutMs)
  };
}
var snapshotFormat = 1;
function prefixKeys(files, major, settings, user = "") {
  let key = sha256(JSON.stringify({ snapshotFormat, major, user, settings: Object.entries(settings).sort() }));
  const keys = [key];
  for (const file of files) {
    key = sha256(`${key}
${file.name}
${file.checksum}`);
    keys.push(key);
  }
  return keys;
}
var snapshotPrefix = { migrations: "db_migrate_snap_", models: "db_migrate_models_" };
function snapshotName(key, kind = "migrations") {
  return `${snapshotPrefix[kind]}${key.slice(0, 40)}`;
}
function modelsKey(buildDigest, major, user, build = "") {
  return sha256(JSON.stringify({ snapshotFormat, major, user, build, buildDigest }));
}
function sha256(text) {
  return createHash("sha256").update(text).digest("hex");
}

// src/provision/snapshots.ts
import { randomBytes as randomBytes2 } from "node:crypto";
var snapshotLimit = { migrations: 4, models: 2 };
var like = (kind) => `${snapshotPrefix[kind].replace(/_/g, "\\_")}%`;
var clusterIdentity = `CASE WHEN has_function_privilege('pg_control_system()', 'EXECUTE')
          THEN (SELECT system_identifier::text FROM pg_control_system())
          ELSE coalesce(host(inet_server_addr()), 'socket') || ':' || coalesce(inet_server_port(), 0) || ':' || pg_postmaster_start_time() END`;
async function readSnapshotServer(serverUrl) {
  return onServer2(serverUrl, async (client) => {
    const { rows } = await client.query(
      `SELECT current_setting('server_version_num') AS v, current_user AS u,
        (SELECT array_agg(datname::text) FROM pg_database WHERE datname LIKE '${like("migrations")}' OR datname LIKE '${like("models")}' OR datname LIKE '${likeSpare}') AS names,
        ${clusterIdentity} AS c`
    );
    return { url: serverUrl, major: Math.floor(Number(rows[0].v) / 1e4), user: rows[0].u, names: new Set(rows[0].names ?? []), cluster: rows[0].c };
  });
}
var sparePrefix = "db_migrate_spare_";
var likeSpare = `${sparePrefix.replace(/_/g, "\\_")}%`;
var spareLimit = 2;
function spareName(key) {
  return `${sparePrefix}${key.slice(0, 40)}`;
}
async function takeSpare(server, key) {
  if (!server.names.has(spareName(key))) return null;
  const name = `db_migrate_check_migrations_${randomBytes2(6).toString("hex")}`;
  const taken = await onServer2(server.url, async (c) => {
    try {
      await c.query(`ALTER DATABASE ${quoteIdent(spareName(key))} RENAME TO ${quoteIdent(name)}`);
      await markUsed(c, snapshotName(key));
      return true;
    } catch {
      return false;
    }
  });
  return taken ? scratchOn(server, name) : null;
}
async function makeSpare(server, key, fileCopy) {
  const strategy = fileCopy && server.major >= 15 ? " STRATEGY FILE_COPY" : "";
  await onServer2(server.url, async (c) => {
    try {
      await c.query(`CREATE DATABASE ${quoteIdent(spareName(key))} TEMPLATE ${quoteIdent(snapshotName(key))}${strategy}`);
      await c.query(`COMMENT ON DATABASE ${quoteIdent(spareName(key))} IS ${quoteLiteral(`db-migrate check spare, made ${(/* @__PURE__ */ new Date()).toISOString()}`)}`);
    } catch {
      return;
    }
    const { rows } = await c.query(
      `SELECT datname FROM pg_database d WHERE datname LIKE '${likeSpare}'
        ORDER BY shobj_description(d.oid, 'pg_database') DESC NULLS LAST, d.oid DESC OFFSET ${spareLimit}`
    );
    for (const { datname } of rows) await c.query(`DROP DATABASE IF EXISTS ${quoteIdent(datname)}`).catch(() => {
    });
  });
}
function scratchOn(server, name) {
  let dropped;
  return {
    url: withDatabase(server.url, name),
    name,
    drop: () => dropped ??= onServer2(server.url, async (c) => {
      await c.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
    })
  };
}
function longestPrefix(server, keys) {
  for (let i = keys.length - 1; i > 0; i--) if (server.names.has(snapshotName(keys[i]))) return i;
  return 0;
}
async function cloneSnapshot(server, key, fileCopy) {
  const name = `db_migrate_check_migrations_${randomBytes2(6).toString("hex")}`;
  const strategy = fileCopy && server.major >= 15 ? " STRATEGY FILE_COPY" : "";
  await onServer2(server.url, async (c) => {
    await c.query(`CREATE DATABASE ${quoteIdent(name)} TEMPLATE ${quoteIdent(snapshotName(key))}${strategy}`);
    await markUsed(c, snapshotName(key));
  });
  return scratchOn(server, name);
}
function snapshotUrl(server, key, kind = "migrations") {
  return withDatabase(server.url, snapshotName(key, kind));
}
async function keepSnapshot(server, scratch, key, kind = "migrations", options = {}) {
  const name = snapshotName(key, kind);
  await onServer2(server.url, async (c) => {
    try {
      await c.query(`ALTER DATABASE ${quoteIdent(scratch.name)} RENAME TO ${quoteIdent(name)}`);
    } catch (error) {
      if (error.code !== "42P04") throw error;
      await scratch.drop();
    }
    await markUsed(c, name);
    if (options.prune !== false) await prune(c, kind);
  });
}
async function pruneSnapshots(server, kind, keep = []) {
  await onServer2(server.url, (c) => prune(c, kind, keep));
}
async function touchSnapshot(server, key, kind = "migrations") {
  await onServer2(server.url, (c) => markUsed(c, snapshotName(key, kind)));
}
async function dropSnapshot(server, key) {
  await onServer2(server.url, (c) => c.query(`DROP DATABASE IF EXISTS ${quoteIdent(snapshotName(key))} WITH (FORCE)`));
}
async function markSnapshotUsed(c, key) {
  await markUsed(c, snapshotName(key));
}
async function markUsed(c, name) {
  await c.query(`COMMENT ON DATABASE ${quoteIdent(name)} IS ${quoteLiteral(`db-migrate check snapshot, used ${(/* @__PURE__ */ new Date()).toISOString()}`)}`);
}
async function prune(c, kind, keep = []) {
  const { rows } = await c.query(
    `SELECT datname FROM pg_database d WHERE datname LIKE '${like(kind)}'
      ORDER BY datname = ANY($1::text[]) DESC, shobj_description(d.oid, 'pg_database') DESC NULLS LAST, d.oid DESC OFFSET ${snapshotLimit[kind]}`,
    [keep]
  );
  for (const { datname } of rows) {
    await c.query(`DROP DATABASE IF EXISTS ${quoteIdent(datname)}`).catch(() => {
    });
  }
}
async function onServer2(url, fn) {
  const client = await connect(url, { applicationName: "db-migrate snapshots" });
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {
    });
  }
}

// src/runtime/apply-open.ts
function appliesUncommitted(file) {
  return file.kind === "sql" && !optsOutOfTransaction(readSqlFile(file.path));
}
async function applyUncommitted(client, config, ref, file) {
  const show = displayPath(file.path, config.cwd);
  const session = sessionSql(config, false);
  if (session) await client.query(session);
  const then = `${writeRowSql(ref, { name: file.name, checksum: file.checksum, state: "applied", durationMs: "transaction" })}; SET CONSTRAINTS ALL IMMEDIATE`;
  const prepared = prepareSqlFile(readSqlFile(file.path), { name: file.name, direction: "up", file: show, transactional: true, then });
  let sentThen;
  try {
    sentThen = await runPreparedSql(client, prepared);
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {
    });
    throw error instanceof AfterFileError ? commitFailed(file, "up", config.cwd, true, false, error.error) : error;
  }
  if (!sentThen) {
    await client.query(then).catch(async (error) => {
      await client.query("ROLLBACK").catch(() => {
      });
      throw commitFailed(file, "up", config.cwd, true, false, error);
    });
  }
  const open = (await client.query("SELECT txid_current_if_assigned()::text AS xid")).rows[0].xid;
  if (open === null) throw new TransactionEnded(show);
  await client.query("RESET SESSION AUTHORIZATION; RESET ROLE; RESET ALL");
}
var TransactionEnded = class extends Error {
  constructor(file) {
    super(`${file} ended the transaction it ran in, so part of it was committed`);
    this.file = file;
  }
};

// src/provision/roles.ts
async function roles(serverUrl) {
  const client = await connect(serverUrl, { applicationName: "db-migrate check" });
  try {
    return await rolesSeen(client);
  } finally {
    await client.end().catch(() => {
    });
  }
}
async function rolesSeen(client) {
  return (await client.query("SELECT rolname FROM pg_roles")).rows.map((r) => r.rolname);
}
async function dropRolesSince(serverUrl, before) {
  const added = (await roles(serverUrl)).filter((r) => !before.includes(r));
  if (added.length === 0) return;
  const client = await connect(serverUrl, { applicationName: "db-migrate check" });
  try {
    for (const role of added) await client.query(`DROP ROLE IF EXISTS ${quoteIdent(role)}`).catch(() => {
    });
  } finally {
    await client.end().catch(() => {
    });
  }
}

// src/commands/upgrade.ts
function upgrade(config, databaseUrl, log, listed) {
  return migrate(config, databaseUrl, log, "up", listed);
}

// src/commands/replay.ts
async function replay(config, serverUrl, log, options, listed) {
  const files = listed ?? listMigrations(config.migrationsDir, config.cwd, config.migrationsIgnore);
  if (!options.cache) {
    const scratch2 = await createScratchDatabase(serverUrl, "db_migrate_check_migrations");
    try {
      options.onWait?.();
      const { schema, count } = await replayMigrations(config, scratch2.url, log);
      return { schema, count, replay: { replayed: count, fromCache: 0, cacheKey: null } };
    } finally {
      await scratch2.drop().catch(() => {
      });
    }
  }
  const server = await readSnapshotServer(serverUrl);
  const keys = prefixKeys(files, server.major, replaySettings(config), server.user);
  const headKey = keys[files.length];
  let cached = longestPrefix(server, keys);
  const store = { root: checkCacheRoot(config.checkCache), reader: { ...readerOf(config), cluster: server.cluster } };
  const stored = files.length > 0 ? readStoredSchema(store.root, snapshotName(headKey), store.reader) : null;
  if (stored) {
    if (cached === files.length) await touchSnapshot(server, headKey);
    return { schema: stored.schema, count: files.length, replay: { replayed: 0, fromCache: files.length, cacheKey: headKey } };
  }
  if (cached === files.length && cached > 0) {
    const url = snapshotUrl(server, headKey);
    if ((await historyMatches(config, url, files, cached)).matches) {
      const reading = await readMarked(config, url, null);
      keepReading(store, headKey, reading);
      await touchSnapshot(server, headKey);
      return { schema: reading.schema, count: files.length, replay: { replayed: 0, fromCache: cached, cacheKey: headKey } };
    }
    log.warn(`the check snapshot of ${files[cached - 1].name} does not hold what its key says: dropped, replaying every migration`);
    await dropSnapshot(server, headKey).catch(() => {
    });
    cached = 0;
  }
  if (cached > 0 && cached === files.length - 1 && appliesUncommitted(files[cached])) {
    const earlier2 = storedReading(store, keys[cached]);
    const done = earlier2 && await replayUncommitted(config, server, keys[cached], files, earlier2, log, options.onWait);
    if (done) {
      if (done.roles.length === 0) keepReading(store, headKey, done.reading);
      else log.info(`the migrations create roles (${done.roles.join(", ")}), which a snapshot cannot hold: this replay is not cached`);
      return { schema: done.reading.schema, count: files.length, replay: { replayed: 1, fromCache: cached, cacheKey: null } };
    }
  }
  let scratch;
  let earlier = null;
  const pruning = pruneSnapshots(server, "migrations", cached > 0 ? [snapshotName(keys[cached])] : []).catch(() => {
  });
  let spare = pruning;
  if (cached > 0) {
    const from = keys[cached];
    try {
      scratch = await takeSpare(server, from) ?? await cloneSnapshot(server, from, options.ownServer);
      const history = await historyMatches(config, scratch.url, files, cached);
      if (!history.matches) {
        log.warn(`the check snapshot of ${files[cached - 1].name} does not hold what its key says: dropped, replaying every migration`);
        await scratch.drop().catch(() => {
        });
        await dropSnapshot(server, from).catch(() => {
        });
        scratch = void 0;
      } else {
        let reading = storedReading(store, from);
        if (!reading) keepReading(store, from, reading = await readMarked(config, scratch.url, null));
        earlier = { reading, horizon: history.horizon };
        spare = pruning.then(() => makeSpare(server, from, options.ownServer)).catch(() => {
        });
      }
    } catch (error) {
      log.warn(`could not copy the check snapshot of ${files[cached - 1].name} (${errorMessage(error).split("\n")[0]}): replaying every migration`);
      scratch = void 0;
    }
    if (!scratch) cached = 0;
  }
  scratch ??= await createScratchDatabase(serverUrl, "db_migrate_check_migrations");
  const rolesBefore = await roles(serverUrl);
  let kept = false;
  try {
    options.onWait?.();
    const replayed = await applyRest(config, scratch.url, log, files.length - cached, files);
    const reading = await readMarked(config, scratch.url, earlier);
    const added = (await roles(serverUrl)).filter((r) => !rolesBefore.includes(r));
    if (added.length === 0 && files.length > 0) {
      await keepSnapshot(server, scratch, headKey, "migrations", { prune: false });
      kept = true;
      keepReading(store, headKey, reading);
      if (cached === 0) spare = Promise.all([spare, makeSpare(server, headKey, options.ownServer).catch(() => {
      })]).then(() => {
      });
    } else if (added.length > 0) {
      log.info(`the migrations create roles (${added.join(", ")}), which a snapshot cannot hold: this replay is not cached`);
    }
    return { schema: reading.schema, count: files.length, replay: { replayed, fromCache: cached, cacheKey: kept ? headKey : null }, settled: spare };
  } catch (error) {
    await spare;
    throw error;
  } finally {
    if (!kept) await scratch.drop().catch(() => {
    });
    if (options.ownServer) await dropRolesSince(serverUrl, rolesBefore).catch(() => {
    });
  }
}
function readerOf(config) {
  return { privileges: !config.ignorePrivileges, exclude: [{ schema: config.historySchema, name: config.historyTable }] };
}
function storedReading(store, key) {
  const stored = readStoredSchema(store.root, snapshotName(key), store.reader);
  return stored?.facts?.counts && stored.facts.tables ? { schema: stored.schema, marks: stored.facts } : null;
}
function keepReading(store, key, reading) {
  try {
    writeStoredSchema(store.root, snapshotName(key), store.reader, { schema: reading.schema, facts: reading.marks });
  } catch {
  }
}
async function replayMigrations(config, url, log) {
  const count = await applyRest(config, url, log, listMigrations(config.migrationsDir, config.cwd, config.migrationsIgnore).length);
  return { schema: await readSchema(config, url), count };
}
async function applyRest(config, url, log, expected, files) {
  let applied;
  try {
    const run = await upgrade({ ...config, revision: void 0, dryRun: false, sql: false }, url, { info: () => {
    }, warn: (m) => log.warn(m) }, files);
    applied = run.applied.length;
  } catch (error) {
    throw notClean(error);
  }
  if (applied !== expected) throw new Error(`check replayed ${applied} migration(s) where ${expected} were pending: run again with --no-cache`);
  return applied;
}
function notClean(error) {
  return error instanceof MigrationError ? new MigrationError(`the migrations do not apply cleanly to an empty database: ${error.message}`, error.migration, { cause: error }) : error;
}
async function replayUncommitted(config, server, key, files, earlier, log, onWait) {
  const client = await connect(snapshotUrl(server, key)).catch(() => null);
  if (!client) return null;
  try {
    await markSnapshotUsed(client, key).catch(() => {
    });
    const { matches, horizon } = await historyOn(client, config, files, files.length - 1);
    if (!matches) return null;
    const rolesBefore = await rolesSeen(client);
    try {
      await applyUncommitted(client, config, { schema: config.historySchema, table: config.historyTable }, files[files.length - 1]);
    } catch (error) {
      if (!(error instanceof TransactionEnded)) throw notClean(error);
      log.warn(`${error.message}: the check snapshot it ran on is dropped`);
      await client.end().catch(() => {
      });
      await dropSnapshot(server, key).catch(() => {
      });
      return null;
    }
    const reading = readWithMarks(client, { ...readerOf(config), settle: true, inTransaction: true }, { reading: earlier, horizon });
    onWait?.();
    const { schema, marks } = await reading;
    const roles2 = (await rolesSeen(client)).filter((r) => !rolesBefore.includes(r));
    return { reading: { schema, marks }, roles: roles2 };
  } finally {
    await client.query("ROLLBACK").catch(() => {
    });
    await client.end().catch(() => {
    });
  }
}
async function historyOn(client, config, files, count) {
  const horizon = await readHorizon(client);
  const rows = await readHistory(client, { schema: config.historySchema, table: config.historyTable });
  return { matches: rows.length === count && rows.every((r, i) => r.state === "applied" && r.name === files[i].name && r.checksum === files[i].checksum), horizon };
}
async function historyMatches(config, url, files, count) {
  const client = await connect(url);
  try {
    return await historyOn(client, config, files, count);
  } finally {
    await client.end().catch(() => {
    });
  }
}
async function readSchema(config, url) {
  const client = await connect(url);
  try {
    return await introspect(client, { ...readerOf(config), settle: true });
  } finally {
    await client.end().catch(() => {
    });
  }
}
async function readMarked(config, url, earlier) {
  const client = await connect(url);
  try {
    const { schema, marks } = await readWithMarks(client, { ...readerOf(config), settle: true }, earlier);
    return { schema, marks };
  } finally {
    await client.end().catch(() => {
    });
  }
}

export {
  createScratchDatabase,
  filterSchema,
  introspect,
  readStoredSchema,
  writeStoredSchema,
  snapshotPrefix,
  snapshotName,
  modelsKey,
  clusterIdentity,
  snapshotUrl,
  keepSnapshot,
  touchSnapshot,
  roles,
  dropRolesSince,
  replay,
  replayMigrations
};
