import { createRequire as __dbMigrateCreateRequire } from 'node:module'; const require = __dbMigrateCreateRequire(import.meta.url); import { fileURLToPath as __dbMigrateFileURLToPath } from 'node:url'; const __dbMigrateDir = __dbMigrateFileURLToPath(new URL('./', import.meta.url));

// src/lint/rules.ts
var volatileFunctions = /* @__PURE__ */ new Set([
  "random",
  "gen_random_uuid",
  "uuid_generate_v1",
  "uuid_generate_v1mc",
  "uuid_generate_v4",
  "uuidv4",
  "uuidv7",
  "clock_timestamp",
  "timeofday",
  "nextval",
  "txid_current",
  "statement_timestamp",
  "setseed"
]);
var serialTypes = /* @__PURE__ */ new Set(["serial", "serial2", "serial4", "serial8", "smallserial", "bigserial"]);
function tableName(relation) {
  if (!relation) return "?";
  return relation.schemaname ? `${relation.schemaname}.${relation.relname}` : relation.relname;
}
function alterTable(s) {
  const a = s.node.AlterTableStmt;
  if (!a || a.objtype && a.objtype !== "OBJECT_TABLE") return void 0;
  return { table: tableName(a.relation), cmds: (a.cmds ?? []).map((c) => c.AlterTableCmd).filter(Boolean) };
}
function existingTableCmds(s, c) {
  const a = alterTable(s);
  if (!a || isCreated(a.table, c)) return [];
  return a.cmds.map((cmd) => ({ table: a.table, cmd }));
}
function isCreated(table, c) {
  return c.created.has(table) || c.created.has(table.replace(/^public\./, ""));
}
function columnConstraints(def) {
  return (def?.ColumnDef?.constraints ?? []).map((x) => x.Constraint).filter(Boolean);
}
function typeNames(def) {
  return (def?.ColumnDef?.typeName?.names ?? []).map((n) => n.String?.sval).filter(Boolean);
}
function calledFunctions(node, into = []) {
  if (Array.isArray(node)) for (const n of node) calledFunctions(n, into);
  else if (node && typeof node === "object") {
    const call = node.FuncCall;
    if (call) into.push(String(call.funcname?.at(-1)?.String?.sval ?? "").toLowerCase());
    for (const value of Object.values(node)) calledFunctions(value, into);
  }
  return into;
}
function volatileDefault(def) {
  if (typeNames(def).some((t) => serialTypes.has(t.toLowerCase()))) return typeNames(def).at(-1);
  const d = columnConstraints(def).find((k) => k.contype === "CONSTR_DEFAULT");
  const fn = d && calledFunctions(d.raw_expr).find((f) => volatileFunctions.has(f));
  if (fn) return `${fn}()`;
  if (columnConstraints(def).some((k) => k.contype === "CONSTR_IDENTITY" || k.contype === "CONSTR_GENERATED")) return "a generated value";
  return void 0;
}
function nullTestColumn(expr) {
  const t = expr?.NullTest;
  if (t?.nulltesttype !== "IS_NOT_NULL") return void 0;
  return t.arg?.ColumnRef?.fields?.at(-1)?.String?.sval;
}
function takesBlockingLock(s, c) {
  if (existingTableCmds(s, c).length) return true;
  const index = s.node.IndexStmt;
  if (index && !index.concurrent && !isCreated(tableName(index.relation), c)) return true;
  const drop = s.node.DropStmt;
  if (drop && (drop.removeType === "OBJECT_TABLE" || drop.removeType === "OBJECT_INDEX" && !drop.concurrent)) return true;
  const rename = s.node.RenameStmt;
  if (rename && !isCreated(tableName(rename.relation), c)) return true;
  return Boolean(s.node.TruncateStmt || s.node.ClusterStmt || s.node.ReindexStmt && !reindexConcurrent(s.node.ReindexStmt));
}
function reindexConcurrent(r) {
  return (r.params ?? []).some((p) => p.DefElem?.defname === "concurrently");
}
var q = (name) => `"${name}"`;
var rules = [
  {
    name: "column-type-change",
    severity: "error",
    summary: "ALTER COLUMN ... TYPE rewrites the table under an ACCESS EXCLUSIVE lock",
    check: (s, c) => existingTableCmds(s, c).filter(({ cmd }) => cmd.subtype === "AT_AlterColumnType").map(({ table, cmd }) => `changing the type of ${q(table)}.${q(cmd.name)} rewrites the table and its indexes under an ACCESS EXCLUSIVE lock: add a new column, backfill it in batches, then switch the application to it`)
  },
  {
    name: "set-not-null",
    severity: "error",
    summary: "SET NOT NULL scans the whole table under an ACCESS EXCLUSIVE lock",
    check: (s, c) => existingTableCmds(s, c).filter(({ table, cmd }) => cmd.subtype === "AT_SetNotNull" && !(c.serverMajor >= 12 && c.notNullChecks.has(`${table}.${cmd.name}`))).map(({ table, cmd }) => c.serverMajor >= 12 ? `SET NOT NULL on ${q(table)}.${q(cmd.name)} scans the whole table under an ACCESS EXCLUSIVE lock: first ADD CONSTRAINT ... CHECK (${q(cmd.name)} IS NOT NULL) NOT VALID, then VALIDATE CONSTRAINT in a later migration, then SET NOT NULL (no scan)` : `SET NOT NULL on ${q(table)}.${q(cmd.name)} scans the whole table under an ACCESS EXCLUSIVE lock, and PostgreSQL ${c.serverMajor} cannot skip the scan: run it when the table is quiet, or keep a validated CHECK (${q(cmd.name)} IS NOT NULL) instead`)
  },
  {
    name: "volatile-default",
    severity: "error",
    summary: "ADD COLUMN with a volatile default (random(), gen_random_uuid(), serial, ...) rewrites the table",
    check: (s, c) => existingTableCmds(s, c).filter(({ cmd }) => cmd.subtype === "AT_AddColumn" && volatileDefault(cmd.def)).map(({ table, cmd }) => `adding ${q(table)}.${q(cmd.def.ColumnDef.colname)} with ${volatileDefault(cmd.def)} computes a value for every row and rewrites the table under an ACCESS EXCLUSIVE lock: add the column without a default, SET DEFAULT in a second statement, then backfill existing rows in batches`)
  },
  {
    name: "default-rewrite",
    severity: "error",
    summary: "before PostgreSQL 11, ADD COLUMN with any default rewrites the table",
    check: (s, c) => c.serverMajor >= 11 ? [] : existingTableCmds(s, c).filter(({ cmd }) => cmd.subtype === "AT_AddColumn" && !volatileDefault(cmd.def) && columnConstraints(cmd.def).some((k) => k.contype === "CONSTR_DEFAULT")).map(({ table, cmd }) => `on PostgreSQL ${c.serverMajor}, adding ${q(table)}.${q(cmd.def.ColumnDef.colname)} with a default rewrites the whole table under an ACCESS EXCLUSIVE lock: add the column without a default, SET DEFAULT separately, then backfill in batches`)
  },
  {
    name: "not-null-without-default",
    severity: "error",
    summary: "ADD COLUMN ... NOT NULL without a default fails on a table that has rows",
    check: (s, c) => existingTableCmds(s, c).filter(({ cmd }) => cmd.subtype === "AT_AddColumn" && columnConstraints(cmd.def).some((k) => k.contype === "CONSTR_NOTNULL" || k.contype === "CONSTR_PRIMARY") && !columnConstraints(cmd.def).some((k) => ["CONSTR_DEFAULT", "CONSTR_IDENTITY", "CONSTR_GENERATED"].includes(k.contype)) && !typeNames(cmd.def).some((t) => serialTypes.has(t.toLowerCase()))).map(({ table, cmd }) => `adding ${q(table)}.${q(cmd.def.ColumnDef.colname)} NOT NULL without a default fails as soon as the table has a row: give it a DEFAULT, or add it nullable, backfill, then make it NOT NULL`)
  },
  {
    name: "create-index-concurrently",
    severity: "error",
    summary: "CREATE INDEX without CONCURRENTLY blocks writes to the table while it builds",
    check: (s, c) => {
      const index = s.node.IndexStmt;
      if (!index || index.concurrent || isCreated(tableName(index.relation), c)) return [];
      return [`CREATE INDEX${index.idxname ? ` ${q(index.idxname)}` : ""} on ${q(tableName(index.relation))} blocks every write to the table while the index builds: use CREATE INDEX CONCURRENTLY, in a migration whose first line is -- db-migrate: no-transaction`];
    }
  },
  {
    name: "drop-index-concurrently",
    severity: "warning",
    summary: "DROP INDEX without CONCURRENTLY waits for, then blocks, every query on the table",
    check: (s) => {
      const drop = s.node.DropStmt;
      if (drop?.removeType !== "OBJECT_INDEX" || drop.concurrent) return [];
      const names = (drop.objects ?? []).map((o) => (o.List?.items ?? []).map((i) => i.String?.sval).join("."));
      return [`DROP INDEX ${names.map(q).join(", ")} takes an ACCESS EXCLUSIVE lock on its table: use DROP INDEX CONCURRENTLY, in a migration whose first line is -- db-migrate: no-transaction`];
    }
  },
  {
    name: "constraint-not-valid",
    severity: "error",
    summary: "ADD FOREIGN KEY / CHECK without NOT VALID scans the table under a lock",
    check: (s, c) => existingTableCmds(s, c).flatMap(({ table, cmd }) => {
      const k = cmd.subtype === "AT_AddConstraint" ? cmd.def?.Constraint : void 0;
      if (!k || k.skip_validation || k.contype !== "CONSTR_FOREIGN" && k.contype !== "CONSTR_CHECK") return [];
      const what = k.contype === "CONSTR_FOREIGN" ? "FOREIGN KEY" : "CHECK";
      return [`ADD CONSTRAINT${k.conname ? ` ${q(k.conname)}` : ""} ${what} on ${q(table)} checks every row while holding a lock that blocks writes${k.contype === "CONSTR_FOREIGN" ? ` (on both tables)` : ""}: add it NOT VALID, then VALIDATE CONSTRAINT in a later migration`];
    })
  },
  {
    name: "add-unique-or-primary-key",
    // a warning: it is what autogenerate writes for .unique(), and often fine on a small table
    severity: "warning",
    summary: "ADD PRIMARY KEY / UNIQUE builds an index under an ACCESS EXCLUSIVE lock",
    check: (s, c) => existingTableCmds(s, c).flatMap(({ table, cmd }) => {
      const k = cmd.subtype === "AT_AddConstraint" ? cmd.def?.Constraint : void 0;
      if (!k || k.indexname || k.contype !== "CONSTR_PRIMARY" && k.contype !== "CONSTR_UNIQUE") return [];
      return [`ADD ${k.contype === "CONSTR_PRIMARY" ? "PRIMARY KEY" : "UNIQUE"} on ${q(table)} builds its index under an ACCESS EXCLUSIVE lock: CREATE UNIQUE INDEX CONCURRENTLY first, then ADD CONSTRAINT ... ${k.contype === "CONSTR_PRIMARY" ? "PRIMARY KEY" : "UNIQUE"} USING INDEX`];
    })
  },
  {
    name: "rename",
    severity: "warning",
    summary: "renaming a table or column breaks the application still running against the old name",
    check: (s, c) => {
      const r = s.node.RenameStmt;
      if (!r || isCreated(tableName(r.relation), c)) return [];
      if (r.renameType === "OBJECT_TABLE") return [`renaming table ${q(tableName(r.relation))} to ${q(r.newname)} breaks every running query that names it: add the new table (or a view), move the application, then drop the old name in a later release`];
      if (r.renameType === "OBJECT_COLUMN") return [`renaming ${q(tableName(r.relation))}.${q(r.subname)} to ${q(r.newname)} breaks the application still running against the old name: add the new column, write both, backfill, then drop the old one in a later release`];
      return [];
    }
  },
  {
    name: "drop-table",
    severity: "error",
    summary: "DROP TABLE loses its data",
    check: (s, c) => {
      const d = s.node.DropStmt;
      if (d?.removeType !== "OBJECT_TABLE") return [];
      const names = (d.objects ?? []).map((o) => (o.List?.items ?? []).map((i) => i.String?.sval).join("."));
      return names.filter((n) => !isCreated(n, c)).map((n) => `DROP TABLE ${q(n)} deletes its rows for good and breaks the application still using it: stop using the table in a release first, then drop it (allow the rule in this file when that is done)`);
    }
  },
  {
    name: "drop-column",
    severity: "error",
    summary: "DROP COLUMN loses its data",
    check: (s, c) => existingTableCmds(s, c).filter(({ cmd }) => cmd.subtype === "AT_DropColumn").map(({ table, cmd }) => `dropping ${q(table)}.${q(cmd.name)} deletes its values for good and breaks the application still reading it: stop using the column in a release first, then drop it (allow the rule in this file when that is done)`)
  },
  {
    name: "truncate",
    severity: "error",
    summary: "TRUNCATE deletes every row",
    check: (s) => s.node.TruncateStmt ? [`TRUNCATE ${(s.node.TruncateStmt.relations ?? []).map((r) => q(tableName(r.RangeVar))).join(", ")} deletes every row under an ACCESS EXCLUSIVE lock: delete in batches if the data must go, or allow the rule in this file`] : []
  },
  {
    name: "enum-value-in-transaction",
    severity: "error",
    summary: "before PostgreSQL 12, ALTER TYPE ... ADD VALUE cannot run in a transaction",
    check: (s, c) => s.node.AlterEnumStmt?.newVal !== void 0 && !s.node.AlterEnumStmt.oldVal && c.inTransaction && c.serverMajor < 12 ? [`ALTER TYPE ... ADD VALUE '${s.node.AlterEnumStmt.newVal}' fails inside a transaction on PostgreSQL ${c.serverMajor}: put it in a migration whose first line is -- db-migrate: no-transaction`] : []
  },
  {
    name: "blocking-maintenance",
    severity: "error",
    summary: "VACUUM FULL, CLUSTER and REINDEX without CONCURRENTLY lock the table for their whole run",
    check: (s) => {
      const v = s.node.VacuumStmt;
      if (v?.is_vacuumcmd && (v.options ?? []).some((o) => o.DefElem?.defname === "full")) return ["VACUUM FULL rewrites the table under an ACCESS EXCLUSIVE lock: use pg_repack, or run it by hand in a maintenance window"];
      if (s.node.ClusterStmt) return ["CLUSTER rewrites the table under an ACCESS EXCLUSIVE lock: use pg_repack, or run it by hand in a maintenance window"];
      if (s.node.ReindexStmt && !reindexConcurrent(s.node.ReindexStmt)) return ["REINDEX blocks writes while it runs: use REINDEX CONCURRENTLY, in a migration whose first line is -- db-migrate: no-transaction"];
      return [];
    }
  },
  {
    name: "lock-timeout",
    severity: "warning",
    summary: "a statement that locks a table in use, with no lock_timeout set before it",
    check: (s, c) => !c.lockTimeout && takesBlockingLock(s, c) ? ["this statement queues for a lock on a table in use, and every query after it waits behind it: SET lock_timeout = '5s' earlier in the file (or set the lock-timeout setting) so it gives up instead of stalling the application"] : []
  }
];
var ruleNames = rules.map((r) => r.name);
function setsNotNull(s) {
  return alterTable(s)?.cmds.some((cmd) => cmd.subtype === "AT_SetNotNull") ?? false;
}
function observe(s, created, notNullChecks, pendingChecks) {
  const n = s.node;
  if (n.CreateStmt) {
    created.add(tableName(n.CreateStmt.relation));
    for (const el of n.CreateStmt.tableElts ?? []) {
      const col = nullTestColumn(el.Constraint?.contype === "CONSTR_CHECK" ? el.Constraint.raw_expr : void 0);
      if (col) notNullChecks.add(`${tableName(n.CreateStmt.relation)}.${col}`);
    }
  }
  if (n.CreateTableAsStmt) created.add(tableName(n.CreateTableAsStmt.into?.rel));
  const a = alterTable(s);
  for (const cmd of a?.cmds ?? []) {
    const k = cmd.subtype === "AT_AddConstraint" ? cmd.def?.Constraint : void 0;
    const col = k?.contype === "CONSTR_CHECK" ? nullTestColumn(k.raw_expr) : void 0;
    if (col && k) {
      if (k.skip_validation) pendingChecks.set(`${a.table}:${k.conname}`, `${a.table}.${col}`);
      else notNullChecks.add(`${a.table}.${col}`);
    }
    if (cmd.subtype === "AT_ValidateConstraint") {
      const key = pendingChecks.get(`${a.table}:${cmd.name}`);
      if (key) notNullChecks.add(key);
    }
  }
  const set = n.VariableSetStmt;
  if (set?.name === "lock_timeout") {
    if (set.kind !== "VAR_SET_VALUE") return { lockTimeout: false };
    const value = set.args?.[0]?.A_Const ?? {};
    return { lockTimeout: !/^0*\s*(ms|s|min|h)?$/i.test(String(value.sval?.sval ?? value.ival?.ival ?? 0).trim()) };
  }
  return {};
}

export {
  rules,
  ruleNames,
  setsNotNull,
  observe
};
