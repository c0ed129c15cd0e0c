import { createRequire as __dbMigrateCreateRequire } from 'node:module'; const require = __dbMigrateCreateRequire(import.meta.url); import { fileURLToPath as __dbMigrateFileURLToPath } from 'node:url'; const __dbMigrateDir = __dbMigrateFileURLToPath(new URL('./', import.meta.url));
import {
  AfterFileError,
  advice,
  optsOutOfTransaction,
  prepareSqlFile,
  runPreparedSql,
  splitStatements
} from "./chunk-SV5JJJ6D.js";
import {
  compareNames,
  displayPath,
  listMigrations,
  readSqlFile
} from "./chunk-KKO6VTMG.js";
import {
  importModule
} from "./chunk-RSQ2HHEU.js";
import {
  escapeLiteral,
  esm_default,
  sessionEnded,
  waitForConnection
} from "./chunk-SV6MCVPL.js";
import {
  quoteIdent
} from "./chunk-5DGH4JCW.js";
import {
  AppError,
  HistoryError,
  MigrationError,
  RevisionError,
  errorMessage
} from "./chunk-CL6XV7EK.js";

// src/runtime/target.ts
function currentRevision(applied) {
  let current = null;
  for (const name of applied) if (current === null || compareNames(name, current) > 0) current = name;
  return current;
}
function planUpgrade(revision, files, applied) {
  const spec = (revision ?? "head").trim();
  const current = currentRevision(applied);
  const pending = files.filter((f) => !applied.has(f.name));
  let target;
  if (spec === "head") {
    target = files.at(-1)?.name ?? current;
  } else if (spec === "base") {
    if (current !== null) throw new RevisionError(`cannot upgrade to base: the database is at ${current}; use downgrade base to revert every migration`);
    target = null;
  } else if (/^-\d+$/.test(spec)) {
    throw new RevisionError(`upgrade goes forward only: use downgrade ${spec} to revert migrations`);
  } else if (/^\+\d+$/.test(spec)) {
    const steps2 = Number(spec.slice(1));
    const index = current === null ? -1 : files.findIndex((f) => f.name === current);
    const after = files.slice(index + 1).map((f) => f.name);
    if (steps2 > after.length) {
      throw new RevisionError(`cannot upgrade ${spec}: only ${after.length} migration(s) come after ${current ?? "base"}${after.length ? ` (${after.join(", ")})` : ""}; use head to apply them all`, after);
    }
    target = steps2 === 0 ? current : after[steps2 - 1];
  } else {
    target = resolveName(spec, files);
    if (current !== null && compareNames(target, current) < 0) {
      throw new RevisionError(`${target} is below the current revision ${current}: use downgrade ${spec} to go back to it`);
    }
  }
  const steps = target === null ? [] : pending.filter((f) => compareNames(f.name, target) <= 0);
  return { direction: "up", target, steps };
}
function planDowngrade(revision, files, applied) {
  const spec = revision?.trim();
  if (!spec) throw new RevisionError("downgrade needs a revision: a migration name or prefix, -1 for one step, or base to revert everything");
  const byName = new Map(files.map((f) => [f.name, f]));
  const stack = applied.map((name) => byName.get(name) ?? missingFile(name)).reverse();
  const current = currentRevision(applied);
  let steps;
  if (spec === "base") {
    steps = stack;
  } else if (/^\+\d+$/.test(spec)) {
    throw new RevisionError(`downgrade goes back only: use upgrade ${spec} to apply migrations`);
  } else if (/^-\d+$/.test(spec)) {
    const count = Number(spec.slice(1));
    if (count > stack.length) {
      throw new RevisionError(`cannot downgrade ${spec}: only ${stack.length} migration(s) are applied; use base to revert them all`, applied.slice().sort(compareNames));
    }
    steps = stack.slice(0, count);
  } else {
    const target = spec === "head" ? files.at(-1)?.name ?? null : resolveName(spec, files);
    if (target !== null && (current === null || compareNames(target, current) > 0)) {
      throw new RevisionError(`${target} is above the current revision ${current ?? "(base)"}: use upgrade ${spec} to go forward to it`);
    }
    steps = stack.filter((f) => target === null || compareNames(f.name, target) > 0);
  }
  const reverted = new Set(steps.map((f) => f.name));
  return { direction: "down", target: currentRevision(applied.filter((name) => !reverted.has(name))), steps };
}
function resolveName(spec, files) {
  const names = files.map((f) => f.name);
  if (names.includes(spec)) return spec;
  const matches = names.filter((name) => name.startsWith(spec));
  if (matches.length === 1) return matches[0];
  if (matches.length > 1) throw new RevisionError(`revision '${spec}' is ambiguous: it matches ${matches.join(", ")}; give more of the name`, matches);
  const known = names.length ? `known revisions: ${listed(names)}` : "there are no migrations yet";
  throw new RevisionError(`unknown revision '${spec}': use head, base, +N, -N or a migration name or prefix (${known})`, names);
}
function listed(names) {
  return names.length > 12 ? `${names.slice(0, 6).join(", ")}, \u2026, ${names.slice(-5).join(", ")}` : names.join(", ");
}
function missingFile(name) {
  return { name, kind: "sql", path: "", downPath: null, checksum: "" };
}

// src/runtime/history.ts
function historySql(ref) {
  return `${quoteIdent(ref.schema)}.${quoteIdent(ref.table)}`;
}
async function onHistory(ref, fn) {
  try {
    return await fn();
  } catch (error) {
    const { code, message } = error;
    const table = historySql(ref);
    switch (code) {
      case "55P03":
        throw new HistoryError("history_locked", `another session holds a lock on ${table}, and waiting for it ran past lock-wait: find it in pg_locks / pg_stat_activity, or raise --lock-wait`, void 0, { cause: error });
      case "42501":
        throw new HistoryError("history_permission", `${message} while creating ${table}: GRANT CREATE ON SCHEMA ${quoteIdent(ref.schema)} to this user, or point --history-schema at a schema it may write`, void 0, { cause: error });
      case "42703":
        throw new HistoryError("history_not_ours", `the history table ${table} (--history-schema/--history-table) is an existing table that is not a db-migrate history (${message}): name another history table; nothing was changed`, void 0, { cause: error });
      case "25006":
        throw new HistoryError("read_only", `the database is read-only (a standby, or default_transaction_read_only), so ${table} cannot be written: point the database URL at the primary, writable database`, void 0, { cause: error });
      default:
        throw error;
    }
  }
}
async function historyExists(client, ref) {
  const { rows } = await client.query("SELECT to_regclass($1) IS NOT NULL AS found", [historySql(ref)]);
  return rows[0].found;
}
async function ensureHistory(client, ref) {
  return onHistory(ref, () => createHistory(client, ref));
}
async function createHistory(client, ref) {
  const { rows } = await client.query(
    "SELECT to_regclass($1) IS NOT NULL AS table, to_regnamespace($2) IS NOT NULL AS schema",
    [historySql(ref), quoteIdent(ref.schema)]
  );
  if (rows[0].table) return;
  if (!rows[0].schema) await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(ref.schema)}`);
  await client.query(createHistorySql(ref));
}
function createHistorySql(ref) {
  return `CREATE TABLE IF NOT EXISTS ${historySql(ref)} (
  name text PRIMARY KEY,
  checksum text NOT NULL,
  state text NOT NULL DEFAULT 'applied' CHECK (state IN ('applied', 'running', 'reverting')),
  applied_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  duration_ms integer,
  error text
)`;
}
async function readHistory(client, ref) {
  if (!await historyExists(client, ref)) return [];
  const { rows } = await onHistory(ref, () => client.query(
    `SELECT name, checksum, state, applied_at, duration_ms, error FROM ${historySql(ref)} ORDER BY name COLLATE "C"`
  ));
  return rows.map((r) => ({ name: r.name, checksum: r.checksum, state: r.state, appliedAt: r.applied_at, durationMs: r.duration_ms, error: r.error }));
}
async function writeRow(client, ref, row) {
  await client.query(writeRowSql(ref, row));
}
var durationSql = (ms) => ms === null ? "NULL" : ms === "transaction" ? "(extract(epoch FROM clock_timestamp() - now()) * 1000)::integer" : String(Math.round(ms));
function writeRowSql(ref, row) {
  return `INSERT INTO ${historySql(ref)} (name, checksum, state, duration_ms)
     VALUES (${escapeLiteral(row.name)}, ${escapeLiteral(row.checksum)}, ${escapeLiteral(row.state)}, ${durationSql(row.durationMs)})
     ON CONFLICT (name) DO UPDATE SET checksum = excluded.checksum, state = excluded.state, duration_ms = excluded.duration_ms,
       applied_at = clock_timestamp(), error = NULL`;
}
async function setState(client, ref, name, state) {
  await client.query(`UPDATE ${historySql(ref)} SET state = $2, error = NULL WHERE name = $1`, [name, state]);
}
async function recordError(client, ref, name, error) {
  await client.query(`UPDATE ${historySql(ref)} SET error = $2 WHERE name = $1`, [name, error]);
}
async function deleteRow(client, ref, name) {
  const { rowCount } = await client.query(deleteRowSql(ref, name));
  return (rowCount ?? 0) > 0;
}
function deleteRowSql(ref, name) {
  return `DELETE FROM ${historySql(ref)} WHERE name = ${escapeLiteral(name)}`;
}

// src/runtime/problems.ts
function findProblems(files, history, options) {
  const problems = [];
  const byName = new Map(files.map((f) => [f.name, f]));
  const show = (f) => f ? displayPath(f.path, options.cwd) : null;
  for (const row of history) {
    const file = byName.get(row.name);
    if (row.state !== "applied") {
      const what = row.state === "running" ? "was being applied" : "was being reverted";
      const failed = row.error ? ` (it failed: ${row.error})` : " (the run stopped before it finished)";
      const [done, undone] = row.state === "running" ? ["--applied", "--rolled-back"] : ["--rolled-back", "--applied"];
      problems.push({
        kind: "needs_attention",
        name: row.name,
        file: show(file),
        message: `migration ${row.name} ${what} without a transaction and needs attention${failed}: check the database by hand, then run \`db-migrate resolve ${row.name} ${done}\` if it took effect or \`${undone}\` if it did not`
      });
    } else if (!file) {
      problems.push({
        kind: "missing_file",
        name: row.name,
        file: null,
        message: `migration ${row.name} is applied but its file is gone from ${displayPath(options.migrationsDir, options.cwd)} (a renamed file counts as gone + new): restore it, or run \`db-migrate resolve ${row.name} --rolled-back\` to forget it`
      });
    } else if (file.checksum !== row.checksum) {
      problems.push({
        kind: "checksum_mismatch",
        name: row.name,
        file: show(file),
        message: `${show(file)} changed after it was applied: undo the edit and put the change in a new migration (db-migrate revision -m "..."), or accept the file as it is with \`db-migrate resolve ${row.name} --applied\``
      });
    }
  }
  if (!options.allowOutOfOrder) {
    const recorded = new Set(history.map((r) => r.name));
    const newest = currentRevision(history.filter((r) => r.state === "applied").map((r) => r.name));
    for (const file of files) {
      if (newest === null || recorded.has(file.name) || compareNames(file.name, newest) > 0) continue;
      problems.push({
        kind: "out_of_order",
        name: file.name,
        file: show(file),
        message: `${show(file)} is pending but sorts before ${newest}, which is already applied: rename it to sort last (db-migrate revision makes a fresh timestamp), or set allow-out-of-order`
      });
    }
  }
  return problems;
}
function assertNoProblems(problems, direction) {
  const blocking = problems.filter((p) => direction === "up" || p.kind !== "out_of_order");
  const first = blocking[0];
  if (!first) return;
  const more = blocking.length > 1 ? ` (and ${blocking.length - 1} more problem(s): run db-migrate status)` : "";
  throw new HistoryError(first.kind, `${first.message}${more}; nothing was changed`, first.file ?? void 0);
}

// src/runtime/adopt.ts
async function recordApplied(client, ref, steps, write) {
  if (!write) return;
  await ensureHistory(client, ref);
  for (const file of steps) await writeRow(client, ref, { name: file.name, checksum: file.checksum, state: "applied", durationMs: null });
}
async function umzugApplied(client, storage, files, history) {
  if (history.length > 0) return null;
  const table = `${quoteIdent(storage.schema)}.${quoteIdent(storage.table)}`;
  if (!await historyExists(client, { schema: storage.schema, table: storage.table })) return null;
  let names;
  try {
    names = (await client.query(`SELECT ${quoteIdent(storage.column)}::text AS name FROM ${table}`)).rows.map((r) => r.name);
  } catch (error) {
    throw new HistoryError("umzug_history", `Umzug's history ${table} has no column ${quoteIdent(storage.column)}: set umzug-column to the column that holds the names`, void 0, { cause: error });
  }
  const byName = /* @__PURE__ */ new Map();
  for (const file of files) {
    byName.set(file.path.slice(file.path.lastIndexOf("/") + 1), file);
    byName.set(file.name, file);
  }
  const missing = names.filter((n) => !byName.has(n));
  if (missing.length) {
    throw new HistoryError("umzug_missing_file", `Umzug's history ${table} records ${missing.join(", ")}, which no file in the migrations folder matches: restore the file, or fix the migrations setting; nothing was recorded`);
  }
  const found = names.map((n) => byName.get(n));
  return [...new Set(found)].sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}
async function adoptUmzug(client, ref, storage, files, log, dryRun, history) {
  const found = await umzugApplied(client, storage, files, history);
  if (!found || found.length === 0) return [];
  if (dryRun) await client.query("BEGIN");
  await recordApplied(client, ref, found, true);
  log.info(`${dryRun ? "would import" : "imported"} ${found.length} migration(s) Umzug recorded in ${quoteIdent(storage.schema)}.${quoteIdent(storage.table)} into ${historySql(ref)}, up to ${found.at(-1).name}`);
  return found;
}

// src/runtime/lock.ts
import { createHash } from "node:crypto";
function lockKey(ref) {
  const digest = createHash("sha256").update(`db-migrate:${ref.schema}.${ref.table}`).digest();
  return (digest.readBigUInt64BE(0) & 0x7fffffffffffffffn).toString();
}
async function acquireLock(client, ref, waitMs, log, pollMs = 200) {
  const key = lockKey(ref);
  const deadline = Date.now() + waitMs;
  let told = false;
  for (; ; ) {
    const { rows } = await client.query("SELECT pg_try_advisory_lock($1::bigint) AS locked", [key]);
    if (rows[0].locked) break;
    if (!told) {
      const holder = await client.query(
        `SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted AND objsubid = 1
           AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
           AND ((classid::bigint << 32) | objid::bigint) = $1::bigint LIMIT 1`,
        [key]
      );
      const pid = holder.rows[0]?.pid;
      log.info(`waiting for the migration lock on ${historySql(ref)}: another db-migrate run${pid ? ` (server pid ${pid})` : ""} holds it`);
      told = true;
    }
    if (Date.now() >= deadline) {
      throw new HistoryError("lock_wait", `another db-migrate run held the migration lock on ${historySql(ref)} for ${formatMs(waitMs)}: let it finish, or raise lock-wait`);
    }
    await new Promise((r) => setTimeout(r, Math.min(pollMs, Math.max(0, deadline - Date.now()))));
  }
  return async () => {
    await client.query("SELECT pg_advisory_unlock($1::bigint)", [key]);
  };
}
function formatMs(ms) {
  return ms >= 1e3 ? `${Math.round(ms / 100) / 10}s` : `${ms}ms`;
}

// src/runtime/module.ts
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
async function loadMigrationModule(path, file) {
  let exports;
  try {
    exports = isCommonJs(path) ? requireOrImport(path) ?? await importModule(path) : await importModule(path);
  } catch (error) {
    throw new HistoryError("migration_import", `${file} could not be loaded: ${(error instanceof Error ? error.message : String(error)).split("\n")[0].trim()}`, file, { cause: error });
  }
  const source = typeof exports.up === "function" ? exports : exports.default ?? {};
  if (typeof source.up !== "function") {
    throw new HistoryError("migration_exports", `${file} exports no up function: add \`export async function up({ client }) { ... }\``, file);
  }
  if (source.down !== void 0 && typeof source.down !== "function") {
    throw new HistoryError("migration_exports", `${file} exports a down that is not a function`, file);
  }
  if (source.transaction !== void 0 && typeof source.transaction !== "boolean") {
    throw new HistoryError("migration_exports", `${file} exports transaction = ${String(source.transaction)}: use true or false`, file);
  }
  return {
    up: source.up,
    down: source.down,
    transaction: source.transaction
  };
}
function lineInStack(error, path) {
  const stack = error instanceof Error ? error.stack ?? "" : "";
  const url = pathToFileURL(path).href;
  for (const frame of stack.split("\n")) {
    const at = frame.indexOf(url);
    if (at === -1) continue;
    const match = /^(?:\?[^:]*)?:(\d+):\d+/.exec(frame.slice(at + url.length));
    if (match) return Number(match[1]);
  }
  return void 0;
}
function isCommonJs(path) {
  if (path.endsWith(".cjs")) return true;
  if (!path.endsWith(".js")) return false;
  for (let dir = dirname(path); ; dir = dirname(dir)) {
    const manifest = join(dir, "package.json");
    if (existsSync(manifest)) {
      try {
        return JSON.parse(readFileSync(manifest, "utf8")).type !== "module";
      } catch {
        return true;
      }
    }
    if (dirname(dir) === dir) return true;
  }
}
function requireOrImport(path) {
  try {
    const exports = createRequire(path)(path);
    return exports && typeof exports === "object" || typeof exports === "function" ? exports : {};
  } catch (error) {
    const code = error.code;
    if (code === "ERR_REQUIRE_ESM" || code === "ERR_REQUIRE_ASYNC_MODULE" || error instanceof SyntaxError && /\b(import|export)\b/.test(error.message)) return void 0;
    throw error;
  }
}

// src/runtime/progress.ts
function progressKnown(files, plan, appliedBefore, failed) {
  const steps = plan.steps.map((s) => s.name);
  const done = steps.slice(0, Math.max(0, steps.indexOf(failed)));
  const applied = new Set(appliedBefore);
  for (const name of done) {
    if (plan.direction === "up") applied.add(name);
    else applied.delete(name);
  }
  return { done, current: currentRevision(applied), pending: files.filter((f) => !applied.has(f.name)).map((f) => f.name) };
}

// src/runtime/context.ts
import { existsSync as existsSync2, readFileSync as readFileSync2 } from "node:fs";
import { createRequire as createRequire2 } from "node:module";
import { join as join2 } from "node:path";
function contextMaker(source) {
  if (source.factory) {
    const factory = source.factory;
    return async (p) => ({ context: await factory(p), close: async () => {
    } });
  }
  const kind = source.kind === "auto" ? dependsOnSequelize(source.cwd) ? "sequelize" : "pg" : source.kind;
  if (kind === "pg") return async ({ client }) => ({ context: client, close: async () => {
  } });
  const Sequelize = projectSequelize(source.cwd, source.kind === "auto");
  let version;
  return async ({ client }) => {
    version ??= serverVersion((await client.query("SELECT current_setting('server_version') AS v")).rows[0].v);
    const sequelize = new Sequelize({ dialect: "postgres", dialectModule: esm_default, databaseVersion: version, logging: false });
    const manager = sequelize.connectionManager;
    manager.getConnection = async () => client;
    manager.releaseConnection = async () => {
    };
    manager.destroyConnection = async () => {
    };
    const queryInterface = sequelize.getQueryInterface();
    return { context: queryInterface, close: async () => {
      await sequelize.close().catch(() => {
      });
    } };
  };
}
function dependsOnSequelize(cwd) {
  const manifest = join2(cwd, "package.json");
  if (!existsSync2(manifest)) return false;
  try {
    const pkg = JSON.parse(readFileSync2(manifest, "utf8"));
    return ["dependencies", "devDependencies", "peerDependencies", "optionalDependencies"].some((k) => pkg[k]?.sequelize !== void 0);
  } catch {
    return false;
  }
}
function projectSequelize(cwd, fromPackageJson) {
  const why = fromPackageJson ? "package.json depends on sequelize" : "context is sequelize";
  let exports;
  try {
    exports = createRequire2(join2(cwd, "package.json"))("sequelize");
  } catch (error) {
    if (error.code !== "MODULE_NOT_FOUND") throw error;
    throw new HistoryError("context", `${why}, but sequelize is not installed in the project: run npm install there (migrations get a QueryInterface of the project's own sequelize), or set context to pg`);
  }
  if (typeof exports.Sequelize !== "function") throw new HistoryError("context", `the project's sequelize exports no Sequelize class: install sequelize 6 or set context to pg`);
  return exports.Sequelize;
}
function serverVersion(text) {
  const [major = "0", minor = "0", patch = "0"] = (/^\d+(?:\.\d+){0,2}/.exec(text)?.[0] ?? "0").split(".");
  return `${major}.${minor}.${patch}`;
}

// src/runtime/thrown.ts
function thrownMessage(error) {
  return error === void 0 || error === null ? "rejected without an error (a reject() or throw with no reason)" : errorMessage(error);
}
function watchRejections() {
  let first;
  const onRejection = (reason) => {
    first ??= { reason };
  };
  process.on("unhandledRejection", onRejection);
  return {
    async check() {
      await new Promise((resolve) => setImmediate(resolve));
      if (!first) return;
      const error = new Error(`a promise it did not await rejected: ${thrownMessage(first.reason)}`, { cause: first.reason });
      if (first.reason instanceof Error && first.reason.stack) error.stack = first.reason.stack;
      throw error;
    },
    stop: () => process.off("unhandledRejection", onRejection)
  };
}

// src/runtime/tracked-client.ts
var savepoint = "db_migrate_statement";
var control = /^\s*(?:(?:--[^\n]*\n|\/\*[\s\S]*?\*\/)\s*)*(begin|start\s+transaction|commit|end|rollback|abort)\b(?!\s+(?:to|prepared))/i;
function trackedClient(client, options = { inTransaction: false }) {
  const started = [];
  let queue = Promise.resolve();
  let caught = 0;
  let own = 0;
  let depth = 0;
  let released = true;
  const raw = (args) => client.query(...args);
  const rewriteControl = (text) => {
    const statements = splitStatements(text);
    if (!statements || !statements.some((s) => control.test(s.text))) return null;
    const before = released ? [] : [`RELEASE SAVEPOINT ${savepoint}`];
    released = true;
    return [...before, ...statements.map((s) => {
      const word = control.exec(s.text)?.[1]?.toLowerCase().replace(/\s+/g, " ");
      if (!word) return s.text;
      own++;
      if (word === "begin" || word === "start transaction") return `SAVEPOINT db_migrate_own_${++depth}`;
      if (depth === 0) return "SELECT 1 WHERE false";
      const name = `db_migrate_own_${depth--}`;
      return word === "commit" || word === "end" ? `RELEASE SAVEPOINT ${name}` : `ROLLBACK TO SAVEPOINT ${name}; RELEASE SAVEPOINT ${name}`;
    })].join(";\n");
  };
  const statementCount = (text) => splitStatements(text)?.filter((s) => /\S/.test(s.text.replace(/--[^\n]*|\/\*[\s\S]*?\*\//g, ""))).length ?? 0;
  const guarded = async (args) => {
    if (!options.inTransaction || typeof args[0] !== "string" && typeof args[0]?.text !== "string") return raw(args);
    const text = typeof args[0] === "string" ? args[0] : args[0].text;
    const rewritten = rewriteControl(text);
    if (rewritten !== null) {
      const result2 = await raw([typeof args[0] === "string" ? rewritten : { ...args[0], text: rewritten }, ...args.slice(1)]);
      if (!Array.isArray(result2)) return result2;
      const own2 = result2.slice(result2.length - statementCount(text));
      return own2.length === 1 ? own2[0] : own2;
    }
    const mark = released ? [`SAVEPOINT ${savepoint}`] : [`RELEASE SAVEPOINT ${savepoint}`, `SAVEPOINT ${savepoint}`];
    const count = args.length === 1 && typeof args[0] === "string" ? statementCount(text) : 0;
    const prefix = `${mark.join("; ")};
`;
    try {
      if (count > 0) {
        const sent = raw([`${prefix}${text}`]);
        released = false;
        const results = await sent;
        const own2 = results.slice(mark.length);
        return own2.length === 1 ? own2[0] : own2;
      }
      await raw([mark.join("; ")]);
      released = false;
      return await raw(args);
    } catch (error) {
      const position = Number(error.position);
      if (count > 0 && position > prefix.length) error.position = String(position - prefix.length);
      await raw([`ROLLBACK TO SAVEPOINT ${savepoint}; RELEASE SAVEPOINT ${savepoint}`]).catch(() => {
      });
      released = true;
      throw error;
    }
  };
  const query = (...args) => {
    const callback = typeof args.at(-1) === "function" ? args.pop() : void 0;
    if (args[0] && typeof args[0].submit === "function") return raw([...args, ...callback ? [callback] : []]);
    const result2 = queue.then(() => guarded(args));
    queue = result2.catch(() => {
    });
    const entry = { result: result2, observed: callback !== void 0 };
    started.push(entry);
    if (callback) {
      result2.then((r) => callback(null, r), (e) => callback(e));
      return void 0;
    }
    const returned = new ObservedQuery((resolve, reject) => {
      result2.then(resolve, reject);
    });
    returned.onObserved = () => {
      entry.observed = true;
    };
    Promise.prototype.then.call(returned, void 0, () => {
    });
    return returned;
  };
  const proxy = new Proxy(client, {
    get(target, property) {
      if (property === "query") return query;
      const value = Reflect.get(target, property, target);
      return typeof value === "function" ? value.bind(target) : value;
    }
  });
  return {
    client: proxy,
    settle: async () => {
      const unseen = started.filter((e) => !e.observed);
      const outcomes = await Promise.allSettled(started.map((e) => e.result));
      caught = outcomes.filter((o, i) => o.status === "rejected" && started[i].observed).length;
      const failed = (await Promise.allSettled(unseen.map((e) => e.result))).find((r) => r.status === "rejected");
      if (failed) throw failed.reason;
    },
    caught: () => caught,
    ownTransactions: () => own
  };
}
var ObservedQuery = class extends Promise {
  onObserved = () => {
  };
  static get [Symbol.species]() {
    return Promise;
  }
  then(onFulfilled, onRejected) {
    this.onObserved();
    return super.then(onFulfilled, onRejected);
  }
};

// src/runtime/apply-one.ts
async function applyOne(session, file, direction, module, start = stepStart(session, file, direction, module)) {
  const { client, ref, cwd, log } = session;
  const { show, transactional } = start;
  const started = Date.now();
  log.info(`${direction === "up" ? "applying" : "reverting"} ${file.name}${transactional ? "" : " (no transaction)"}`);
  let xid = null;
  if (transactional && module) {
    const [, begun] = await client.query("BEGIN; SELECT txid_current()::text AS xid");
    xid = begun.rows[0].xid;
  } else if (!transactional && direction === "up") {
    await writeRow(client, ref, { name: file.name, checksum: file.checksum, state: "running", durationMs: null });
  } else if (!transactional) {
    await setState(client, ref, file.name, "reverting");
  }
  const finish = () => finishSql(session, file, direction, transactional, started);
  let finished = false;
  try {
    if (module) await runModule(session, file, direction, module, show, xid);
    else if (!start.query || "refused" in start.query) throw start.query?.refused;
    else finished = await runPreparedSql(client, start.query);
  } catch (error) {
    if (transactional) await client.query("ROLLBACK").catch(() => {
    });
    else await recordError(client, ref, file.name, shortError(error)).catch(() => {
    });
    if (error instanceof AfterFileError) throw commitFailed(file, direction, cwd, transactional, error.committed, error.error);
    throw error;
  }
  if (!finished) {
    try {
      await client.query(finish());
    } catch (error) {
      if (transactional) await client.query("ROLLBACK").catch(() => {
      });
      throw commitFailed(file, direction, cwd, transactional, false, error);
    }
  }
  const durationMs = Date.now() - started;
  return { name: file.name, file: direction === "up" ? show : displayPath(file.path, cwd), durationMs, transactional };
}
function stepStart(session, file, direction, module) {
  const show = displayPath(direction === "down" && file.downPath ? file.downPath : file.path, session.cwd);
  if (module) return { show, transactional: module.transaction !== false };
  const sql = readSqlFile(direction === "up" ? file.path : file.downPath);
  const transactional = !optsOutOfTransaction(sql);
  const run = { name: file.name, direction, file: show, transactional, ...transactional ? { then: finishSql(session, file, direction, true, 0) } : {} };
  try {
    return { show, transactional, query: prepareSqlFile(sql, run) };
  } catch (refused) {
    return { show, transactional, query: { refused } };
  }
}
function finishSql(session, file, direction, transactional, started) {
  const record = direction === "up" ? writeRowSql(session.ref, { name: file.name, checksum: file.checksum, state: "applied", durationMs: transactional ? "transaction" : Date.now() - started }) : deleteRowSql(session.ref, file.name);
  return transactional ? `${record}; COMMIT; ${session.reset}` : `${record}; ${session.reset}`;
}
function commitFailed(file, direction, cwd, transactional, committed, error) {
  const outcome = committed ? "it was committed with its history row, and resetting the session after it failed; the run stopped there" : transactional ? "it was rolled back with its history row" : `its history row was not updated, so it needs attention: check it and run db-migrate resolve ${file.name}`;
  return new MigrationError(
    `migration ${file.name} (${direction}) failed while committing: ${errorMessage(error)}; ${outcome}`,
    { name: file.name, file: displayPath(file.path, cwd), direction, statement: "COMMIT" },
    { cause: error }
  );
}
async function runModule(session, file, direction, module, show, xid) {
  const { client, ref, log } = session;
  const fn = direction === "up" ? module.up : module.down;
  const tracked = trackedClient(client, { inTransaction: xid !== null });
  const forgetExit = failOnExit(file.name, show);
  const rejections = watchRejections();
  let made;
  try {
    made = await session.makeContext({ client: tracked.client, name: file.name, path: file.path });
    await fn({ name: file.name, path: file.path, context: made.context, client: tracked.client });
    await tracked.settle();
    await rejections.check();
    if (xid !== null) await assertStillInTransaction(client, ref, file, xid, show, direction);
    if (tracked.caught() > 0) log.info(`${file.name}: ${tracked.caught()} failed statement(s) caught by the migration, each rolled back to its savepoint`);
  } catch (thrown) {
    if (thrown instanceof AppError) throw thrown;
    const error = sessionEnded(client) ?? thrown;
    if (xid !== null && error === thrown) await assertStillInTransaction(client, ref, file, xid, show, direction);
    const line = lineInStack(thrown, file.path);
    throw new MigrationError(
      `migration ${file.name} (${direction}) failed${line ? ` at ${show}:${line}` : ` in ${show}`}: ${thrownMessage(error)}${advice(error)}`,
      { name: file.name, file: show, direction, ...line ? { line } : {} },
      { cause: error }
    );
  } finally {
    forgetExit();
    rejections.stop();
    await made?.close();
  }
}
function failOnExit(name, file) {
  const onExit = (code) => {
    process.stderr.write(`db-migrate: migration ${name} ended the process (exit ${code}) while it ran, in ${file}: it and the migrations after it were not recorded as applied
`);
    process.exitCode = 2;
  };
  process.once("exit", onExit);
  return () => process.off("exit", onExit);
}
async function assertStillInTransaction(client, ref, file, xid, show, dir) {
  let now;
  try {
    now = (await client.query("SELECT txid_current_if_assigned()::text AS xid")).rows[0].xid;
  } catch (error) {
    if (error.code === "25P02") return;
    throw error;
  }
  if (now === xid) return;
  await client.query("ROLLBACK").catch(() => {
  });
  const message = `${show} ended the migration's transaction itself (COMMIT or ROLLBACK in ${dir}()), so part of it may be committed without a history row`;
  await writeRow(client, ref, { name: file.name, checksum: file.checksum, state: dir === "up" ? "running" : "reverting", durationMs: null }).catch(() => {
  });
  await recordError(client, ref, file.name, message).catch(() => {
  });
  throw new MigrationError(
    `migration ${file.name} (${dir}) failed: ${message}; check the database, then run db-migrate resolve ${file.name} --applied or --rolled-back. A migration that manages its own transactions exports transaction = false`,
    { name: file.name, file: show, direction: dir }
  );
}
function shortError(error) {
  if (!(error instanceof MigrationError)) return errorMessage(error);
  const line = error.migration.line ? ` at line ${error.migration.line}` : "";
  return `${errorMessage(error.cause ?? error)}${line}`;
}

// src/runtime/run-steps.ts
async function runSteps(client, ref, direction, steps, cwd, log, makeContext, restore = "") {
  const session = { client, ref, cwd, log, makeContext, reset: `RESET ALL${restore ? `; ${restore}` : ""}` };
  const done = [];
  let ahead;
  for (const [i, file] of steps.entries()) {
    const module = file.kind === "module" ? await loadMigrationModule(file.path, displayPath(file.path, cwd)) : void 0;
    const running = applyOne(session, file, direction, module, ahead?.());
    const next = steps[i + 1];
    ahead = next?.kind === "sql" ? later(() => stepStart(session, next, direction, void 0)) : void 0;
    done.push(await running);
  }
  return done;
}
function later(fn) {
  try {
    const value = fn();
    return () => value;
  } catch (error) {
    return () => {
      throw error;
    };
  }
}
async function downMissing(steps, cwd) {
  for (const file of steps) {
    if (file.kind === "sql" ? file.downPath === null : !(await loadMigrationModule(file.path, displayPath(file.path, cwd))).down) return file;
  }
  return void 0;
}

// src/runtime/script.ts
function migrationScript(steps, options) {
  const { direction, history } = options;
  const reset = `RESET ALL;${options.session ? `
${options.session};` : ""}`;
  const out = [
    `-- db-migrate ${direction === "up" ? "upgrade" : "downgrade"}: ${steps.length} migration(s)`,
    ...options.session ? [`${options.session};`] : []
  ];
  if (direction === "up") out.push(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(history.schema)};`, `${createHistorySql(history)};`);
  for (const file of steps) {
    const path = direction === "up" ? file.path : file.downPath;
    out.push("", `-- ${file.name} (${direction}): ${displayPath(path ?? file.path, options.cwd)}`);
    if (file.kind === "module" || path === null) {
      const why = `migration ${file.name} is a module: its statements are known only when it runs; apply it with db-migrate ${direction === "up" ? "upgrade" : "downgrade"}`;
      out.push(`DO $$ BEGIN RAISE EXCEPTION '%', ${literal(why)}; END $$;`);
      break;
    }
    const sql = readSqlFile(path);
    const transactional = !optsOutOfTransaction(sql);
    const record = direction === "up" ? writeRowSql(history, { name: file.name, checksum: file.checksum, state: "applied", durationMs: null }) : deleteRowSql(history, file.name);
    if (transactional) out.push("BEGIN;");
    else if (direction === "up") out.push(`${writeRowSql(history, { name: file.name, checksum: file.checksum, state: "running", durationMs: null })};`);
    else out.push(`UPDATE ${quoteIdent(history.schema)}.${quoteIdent(history.table)} SET state = 'reverting', error = NULL WHERE name = ${literal(file.name)};`);
    out.push(sql.trimEnd(), ";", `${record};`);
    if (transactional) out.push("COMMIT;");
    out.push(reset);
  }
  return `${out.join("\n")}
`;
}
function literal(text) {
  return `'${text.replace(/'/g, "''")}'`;
}

// src/runtime/migrate.ts
async function migrate(config, databaseUrl, log, direction, listed2) {
  const files = listed2 ? [...listed2] : listMigrations(config.migrationsDir, config.cwd, config.migrationsIgnore);
  const ref = { schema: config.historySchema, table: config.historyTable };
  const client = await waitForConnection(databaseUrl, config.connectTimeoutMs);
  try {
    if (config.dryRun || config.sql) {
      const history = await readHistory(client, ref);
      const adopted = await adoptUmzug(client, ref, config.umzugStorage, files, log, true, history);
      try {
        const { plan, from, applied } = await prepare(config, files, direction, adopted.length ? await readHistory(client, ref) : history);
        const planned = result(config, direction, from, plan, new Set(applied), [], files);
        const script = migrationScript(plan.steps, { direction, history: ref, session: sessionSql(config, false), cwd: config.cwd });
        return { ...planned, dryRun: true, script, scriptOnly: config.sql };
      } finally {
        if (adopted.length) await client.query("ROLLBACK");
      }
    }
    const restore = await applySessionSettings(client, config);
    const release = await acquireLock(client, ref, config.lockWaitMs, log);
    try {
      const history = await readHistory(client, ref);
      const adopted = await adoptUmzug(client, ref, config.umzugStorage, files, log, false, history);
      const { plan, from, applied } = await prepare(config, files, direction, adopted.length ? await readHistory(client, ref) : history);
      const modules = plan.steps.some((f) => f.kind === "module");
      const makeContext = contextMaker({ kind: modules ? config.contextKind : "pg", factory: config.contextFactory, cwd: config.cwd });
      await Promise.all(plan.steps.filter((f) => f.kind === "module").map((f) => loadMigrationModule(f.path, displayPath(f.path, config.cwd))));
      if (applied.length === 0) await ensureHistory(client, ref);
      const done = await runSteps(client, ref, direction, plan.steps, config.cwd, log, makeContext, restore).catch(async (error) => {
        if (error instanceof MigrationError) error.progress = await progressAfter(client, ref, files, plan, direction).catch(() => progressKnown(files, plan, applied, error.migration.name));
        throw error;
      });
      const after = new Set(applied);
      for (const step of done) {
        if (direction === "up") after.add(step.name);
        else after.delete(step.name);
      }
      return result(config, direction, from, plan, after, done, files);
    } finally {
      await release().catch(() => {
      });
    }
  } finally {
    await client.end().catch(() => {
    });
  }
}
function noMigrations(config) {
  return new HistoryError("no_migrations", `migrations folder ${displayPath(config.migrationsDir, config.cwd)} has no migrations (NAME.sql, NAME.ts or NAME.js): check the migrations setting, or write one with db-migrate revision -m "..."`);
}
async function prepare(config, files, direction, history) {
  assertNoProblems(findProblems(files, history, config), direction);
  if (files.length === 0) {
    throw noMigrations(config);
  }
  const applied = history.map((r) => r.name);
  const plan = direction === "up" ? planUpgrade(config.revision, files, new Set(applied)) : planDowngrade(config.revision, files, [...history].sort((a, b) => a.appliedAt.getTime() - b.appliedAt.getTime() || compareNames(a.name, b.name)).map((r) => r.name));
  if (direction === "down") {
    const missing = await downMissing(plan.steps, config.cwd);
    if (missing) {
      const where = missing.kind === "sql" ? `add ${missing.name}.down.sql beside ${displayPath(missing.path, config.cwd)}` : `export a down function from ${displayPath(missing.path, config.cwd)}`;
      throw new HistoryError("no_down", `migration ${missing.name} cannot be reverted: it has no down migration (${where}); nothing was changed`, displayPath(missing.path, config.cwd));
    }
  }
  return { plan, from: currentRevision(applied), applied };
}
async function progressAfter(client, ref, files, plan, direction) {
  const applied = new Set((await readHistory(client, ref)).filter((r) => r.state === "applied").map((r) => r.name));
  return {
    done: plan.steps.map((s) => s.name).filter((name) => applied.has(name) === (direction === "up")),
    current: currentRevision(applied),
    pending: files.filter((f) => !applied.has(f.name)).map((f) => f.name)
  };
}
async function applySessionSettings(client, config) {
  const withCheck = sessionSql(config, true);
  if (await client.query(withCheck).then(() => true, () => false)) return withCheck;
  const without = sessionSql(config, false);
  if (without) await client.query(without);
  return without;
}
function sessionSql(config, checkInterval) {
  return [
    // without a lock-timeout of its own, no statement waits for a lock longer than the run waits for a concurrent run
    `SET lock_timeout = '${config.lockTimeoutMs ?? config.lockWaitMs}ms'`,
    config.statementTimeoutMs === null ? "" : `SET statement_timeout = '${config.statementTimeoutMs}ms'`,
    // a migration waiting on a connection of its own, blocked by its own locks, sits idle in its transaction
    config.statementTimeoutMs === null ? "" : `SET idle_in_transaction_session_timeout = '${config.statementTimeoutMs}ms'`,
    checkInterval ? `SET client_connection_check_interval = '1s'` : ""
  ].filter(Boolean).join("; ");
}
function result(config, direction, from, plan, applied, done, files) {
  return {
    direction,
    dryRun: config.dryRun,
    from,
    target: plan.target,
    current: currentRevision(applied),
    planned: plan.steps.map((s) => s.name),
    applied: done,
    pending: files.filter((f) => !applied.has(f.name)).map((f) => f.name)
  };
}

export {
  historySql,
  ensureHistory,
  readHistory,
  writeRow,
  writeRowSql,
  deleteRow,
  recordApplied,
  acquireLock,
  loadMigrationModule,
  currentRevision,
  planUpgrade,
  resolveName,
  findProblems,
  assertNoProblems,
  commitFailed,
  migrate,
  noMigrations,
  sessionSql
};
