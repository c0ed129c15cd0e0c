import { createRequire as __dbMigrateCreateRequire } from 'node:module'; const require = __dbMigrateCreateRequire(import.meta.url); import { fileURLToPath as __dbMigrateFileURLToPath } from 'node:url'; const __dbMigrateDir = __dbMigrateFileURLToPath(new URL('./', import.meta.url));
import {
  ruleNames
} from "./chunk-EYO64QK4.js";
import {
  acquireLock,
  assertNoProblems,
  currentRevision,
  deleteRow,
  ensureHistory,
  findProblems,
  historySql,
  loadMigrationModule,
  migrate,
  noMigrations,
  planUpgrade,
  readHistory,
  recordApplied,
  resolveName,
  writeRow
} from "./chunk-ZRRKR2HX.js";
import "./chunk-SV5JJJ6D.js";
import {
  compareNames,
  displayPath,
  listMigrations
} from "./chunk-KKO6VTMG.js";
import {
  importModule
} from "./chunk-RSQ2HHEU.js";
import {
  version
} from "./chunk-EALGPWGH.js";
import "./chunk-4ZVJDT3M.js";
import {
  waitForConnection
} from "./chunk-SV6MCVPL.js";
import "./chunk-5DGH4JCW.js";
import {
  parseDatabaseUrl,
  urlFromParts
} from "./chunk-BFVRO7RW.js";
import {
  AppError,
  ConfigError,
  HistoryError,
  RevisionError,
  errorMessage
} from "./chunk-CL6XV7EK.js";
import "./chunk-64I5SS2G.js";

// src/config/project-file.ts
import { existsSync as existsSync2 } from "node:fs";
import { join, resolve as resolve3 } from "node:path";

// src/config/env.ts
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
async function loadEnv(cwd, envFile, env, setting = "env-file") {
  const path = resolve(cwd, envFile ?? ".env");
  if (!existsSync(path)) {
    if (envFile) throw new ConfigError("env-file", `${setting} ${envFile} does not exist: create it or point ${setting} at your .env`);
    return { ...env };
  }
  const text2 = readFileSync(path, "utf8");
  const line = text2.split(/\r?\n/).findIndex((l) => l.trim() !== "" && !l.trim().startsWith("#") && !/^\s*(export\s+)?[\w.-]+\s*[=:]/.test(l));
  if (line >= 0) {
    throw new ConfigError("env-file", `${envFile ?? ".env"} line ${line + 1} is not KEY=value: fix or remove that line`);
  }
  const dotenv = await import("./chunk-6DSX5HFW.js");
  const { parse } = dotenv.default ?? dotenv;
  return { ...parse(text2), ...definedOnly(env) };
}
function definedOnly(env) {
  return Object.fromEntries(Object.entries(env).filter(([, v]) => v !== void 0));
}

// src/config/suggest.ts
function closest(typed, known) {
  let best;
  let bestDistance = Infinity;
  for (const word of known) {
    const d = distance(typed, word);
    if (d < bestDistance) [best, bestDistance] = [word, d];
  }
  return bestDistance <= Math.max(2, Math.floor(typed.length / 3)) ? best : void 0;
}
function distance(a, b) {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = row;
  }
  return previous[b.length];
}

// src/config/config.ts
import { isAbsolute, resolve as resolve2 } from "node:path";

// src/config/settings.ts
var settings = [
  { name: "command", kind: "value", input: true, cli: false, file: false, help: "the command to run" },
  { name: "revision", kind: "value", input: true, cli: false, file: false, help: "target revision" },
  { name: "database-url", kind: "value", placeholder: "url", env: "DATABASE_URL", input: true, file: false, help: "database to act on (or DB_HOST/DB_PORT/DB_NAME/DB_USER/DB_PASS)" },
  { name: "embedded", kind: "boolean", input: false, file: false, help: "run on a throwaway PostgreSQL started for this run (same as --database-url embedded)" },
  { name: "shadow-database-url", kind: "value", placeholder: "url", env: "SHADOW_DATABASE_URL", input: true, file: false, help: "server where check and diff build their scratch databases" },
  { name: "working-directory", kind: "value", aliases: ["-C", "--cwd"], placeholder: "dir", input: true, file: false, help: "run as if started in <dir>" },
  { name: "env-file", kind: "value", flag: "--dotenv", placeholder: "file", input: true, file: false, help: "dotenv file (default: .env; the real environment wins); not --env-file, which Node itself reads" },
  { name: "migrations", kind: "value", placeholder: "dir", env: "DB_MIGRATE_MIGRATIONS", input: true, file: true, help: "migrations folder (default: migrations)" },
  { name: "migrations-ignore", kind: "value", placeholder: "globs", env: "DB_MIGRATE_MIGRATIONS_IGNORE", input: true, file: true, help: "comma-separated globs of files in the migrations folder that are not migrations" },
  { name: "models", kind: "value", placeholder: "file", env: "DB_MIGRATE_MODELS", input: true, file: true, help: "models module (default: src/models.ts)" },
  { name: "models-kind", kind: "value", placeholder: "kind", env: "DB_MIGRATE_MODELS_KIND", input: true, file: true, help: "what the models are: db-migrate, sql, sequelize, typeorm or drizzle (default: recognised)" },
  { name: "context", kind: "value", placeholder: "kind", env: "DB_MIGRATE_CONTEXT", input: true, file: true, help: "what migrations get as context: auto, pg or sequelize (default: auto)" },
  { name: "history-schema", kind: "value", placeholder: "name", env: "DB_MIGRATE_HISTORY_SCHEMA", input: true, file: true, help: "schema of the history table (default: public)" },
  { name: "history-table", kind: "value", placeholder: "name", env: "DB_MIGRATE_HISTORY_TABLE", input: true, file: true, help: "history table (default: db_migrate_history)" },
  { name: "umzug-table", kind: "value", placeholder: "[schema.]table", env: "DB_MIGRATE_UMZUG_TABLE", input: true, file: true, help: "Umzug history imported on the first run (default: SequelizeMeta)" },
  { name: "umzug-column", kind: "value", placeholder: "name", env: "DB_MIGRATE_UMZUG_COLUMN", input: true, file: true, help: "column of the Umzug history holding the names (default: name)" },
  { name: "check", kind: "boolean", input: true, file: false, help: "status: exit 1 when migrations are pending, an applied file changed or vanished, or one needs attention" },
  { name: "dry-run", kind: "boolean", input: true, file: false, help: "show what upgrade/downgrade would run; change nothing" },
  { name: "sql", kind: "boolean", input: true, file: false, help: "print the SQL upgrade/downgrade would send (history statements, BEGIN and COMMIT included); change nothing" },
  { name: "allow-out-of-order", kind: "boolean", env: "DB_MIGRATE_ALLOW_OUT_OF_ORDER", input: true, file: true, help: "apply pending migrations older than the newest applied one" },
  { name: "lock-timeout", kind: "value", placeholder: "duration", env: "DB_MIGRATE_LOCK_TIMEOUT", input: true, file: true, help: "SET lock_timeout for migrations (e.g. 5s)" },
  { name: "statement-timeout", kind: "value", placeholder: "duration", env: "DB_MIGRATE_STATEMENT_TIMEOUT", input: true, file: true, help: "SET statement_timeout for migrations" },
  { name: "lock-wait", kind: "value", placeholder: "duration", env: "DB_MIGRATE_LOCK_WAIT", input: true, file: true, help: "how long to wait for a concurrent run to finish (default: 10min)" },
  { name: "connect-timeout", kind: "value", placeholder: "duration", env: "DB_MIGRATE_CONNECT_TIMEOUT", input: true, file: true, help: "how long to wait for the database to accept connections (default: 30s)" },
  { name: "keep-database", kind: "boolean", input: true, cli: false, file: false, help: "keep a started PostgreSQL running for later steps" },
  { name: "from", kind: "value", input: false, cli: false, file: false, help: "diff: the schema to start from" },
  { name: "to", kind: "value", input: false, cli: false, file: false, help: "diff: the schema to reach" },
  { name: "schema", kind: "value", placeholder: "names", repeatable: true, input: true, file: true, help: "diff, check, revision --autogenerate: compare only these schemas (repeat the flag or separate with commas)" },
  { name: "exclude-schema", kind: "value", placeholder: "names", repeatable: true, input: true, file: true, help: "diff, check, revision --autogenerate: leave these schemas out (repeat the flag or separate with commas)" },
  { name: "column-order", kind: "boolean", env: "DB_MIGRATE_COLUMN_ORDER", input: true, file: true, help: "check, diff: also report differences in column order" },
  { name: "ignore-privileges", kind: "boolean", env: "DB_MIGRATE_IGNORE_PRIVILEGES", input: true, file: true, help: "check, diff: leave grants out: none are read or compared" },
  { name: "ignore-extension-versions", kind: "boolean", env: "DB_MIGRATE_IGNORE_EXTENSION_VERSIONS", input: true, file: true, help: "check, diff: an extension at another version is no difference" },
  { name: "lint-disable", kind: "value", placeholder: "rules", env: "DB_MIGRATE_LINT_DISABLE", input: true, file: true, help: "lint rules to turn off, comma-separated; one file turns one off with: -- db-migrate: allow <rule>" },
  { name: "base", kind: "value", placeholder: "ref", input: true, file: false, help: "check: lint the migrations added since this branch (default: GITHUB_BASE_REF, else the newest migration)" },
  { name: "reversible", kind: "boolean", input: true, file: false, help: "check: apply each new migration's up, then its down, and fail when the schema does not come back" },
  { name: "no-cache", kind: "boolean", env: "DB_MIGRATE_NO_CACHE", input: true, file: false, help: "check: replay every migration, neither starting from nor keeping a cached snapshot" },
  { name: "check-cache", kind: "value", placeholder: "dir", env: "DB_MIGRATE_CHECK_CACHE", input: true, file: true, help: "check: where the embedded server's snapshots of replayed migrations are kept (default: /dev/shm/db-migrate-check-<uid>, else check/ in the embedded server's cache)" },
  { name: "all", kind: "boolean", input: true, file: false, help: "check: lint (and with --reversible, revert) every migration, not only new ones" },
  { name: "pr-comment", kind: "boolean", input: true, cli: false, file: false, help: "post the report as one pull-request comment, updated in place" },
  { name: "github-token", kind: "value", input: true, cli: false, file: false, help: "token for pr-comment" },
  { name: "message", kind: "value", aliases: ["-m"], placeholder: "text", input: true, file: false, help: "revision: the message that names the new migration" },
  { name: "autogenerate", kind: "boolean", input: true, file: false, help: "revision: the migration that makes the migrations match the models" },
  { name: "format", kind: "value", placeholder: "sql|ts|sequelize", env: "DB_MIGRATE_FORMAT", input: true, file: true, help: "revision: write a SQL pair, one TypeScript module, or a module Umzug also runs (default: sql)" },
  { name: "force", kind: "boolean", input: true, file: false, help: "pull: replace the models file when it exists (without it, pull refuses)" },
  { name: "stdout", kind: "boolean", input: false, file: false, help: "pull: print the models instead of writing the models file" },
  { name: "verbose", kind: "boolean", aliases: ["-v"], input: false, file: false, help: "current: also the file, when it was applied and how long it took" },
  { name: "indicate-current", kind: "boolean", aliases: ["-i"], input: false, file: false, help: "history: mark the current migration" },
  { name: "rev-range", kind: "value", aliases: ["-r"], placeholder: "start:end", input: false, file: false, help: "history: only the migrations from start to end (base:head, NAME:, :current)" },
  { name: "json", kind: "boolean", input: false, file: false, help: "machine-readable output" }
];
var settingByName = new Map(settings.map((s) => [s.name, s]));
var fileKey = (name) => name.replace(/-(\w)/g, (_, c) => c.toUpperCase());
function flagsOf(setting) {
  return setting.cli === false ? [] : [setting.flag ?? `--${setting.name}`, ...setting.aliases ?? []];
}
function optionsText(only) {
  const rows = settings.filter((s) => flagsOf(s).length > 0 && (!only || only.includes(s.name))).map((s) => {
    const short = (s.aliases ?? []).filter((a) => /^-\w$/.test(a));
    const long = [s.flag ?? `--${s.name}`, ...(s.aliases ?? []).filter((a) => a.startsWith("--"))];
    const spell = [...short, ...long].join(", ") + (s.kind === "value" ? ` <${s.placeholder ?? "value"}>` : "");
    const env = s.env && s.name !== "database-url" ? ` [${s.env}]` : "";
    return [spell, s.help + env];
  });
  const width = Math.max(...rows.map(([spell]) => spell.length)) + 2;
  return rows.map(([spell, help]) => `  ${spell.padEnd(width)}${help}`).join("\n");
}

// src/config/config.ts
var commands = ["upgrade", "downgrade", "stamp", "status", "current", "history", "heads", "show", "revision", "check", "init", "resolve", "diff", "pull"];
var modelsKinds = ["db-migrate", "sql", "sequelize", "typeorm", "drizzle"];
function parseConfig(source) {
  const frontLabel = source.label ?? ((name) => name);
  const given = (name) => {
    const value = source.settings[name]?.trim();
    return value === "" ? void 0 : value;
  };
  const cwd = resolve2(source.cwd, given("working-directory") ?? ".");
  const env = source.env;
  const fromEnv = (name) => {
    const variable = settingByName.get(name)?.env;
    if (!variable || name === "database-url" || name === "shadow-database-url") return void 0;
    return env[variable]?.trim() || void 0;
  };
  const fromFile = (name) => source.file?.values[name];
  const raw = (name) => given(name) ?? fromEnv(name) ?? fromFile(name);
  const label = (name) => given(name) !== void 0 ? frontLabel(name) : fromEnv(name) !== void 0 ? settingByName.get(name).env : fromFile(name) !== void 0 ? `${source.file.file} ${fileKey(name)}` : frontLabel(name);
  const command = raw("command") ?? "upgrade";
  if (!commands.includes(command)) {
    const near = closest(command, commands);
    throw new ConfigError("command", `${label("command")} '${command}' is unknown: ${near ? `did you mean ${near}? ` : ""}use one of ${commands.join(", ")}`);
  }
  const given_ = given("database-url");
  const embeddedWord = given_?.toLowerCase() === "embedded" || given_ === void 0 && env.DATABASE_URL?.trim().toLowerCase() === "embedded";
  const embedded = embeddedWord || flag(given("embedded"), label("embedded"));
  const databaseSetting = given_ !== void 0 ? label("database-url") : env.DATABASE_URL?.trim() ? "DATABASE_URL" : "DB_HOST/DB_PORT/DB_NAME/DB_USER/DB_PASS";
  const databaseText2 = embeddedWord ? void 0 : given_ ?? (env.DATABASE_URL?.trim() || void 0) ?? urlFromParts(env) ?? void 0;
  if (embedded && databaseText2 !== void 0 && !embeddedWord) {
    throw new ConfigError("embedded", `${label("embedded")} asks for a throwaway server, but ${databaseSetting} names a database: drop one of them`);
  }
  const database = databaseText2 === void 0 ? null : parseDatabaseUrl(databaseText2, databaseSetting);
  const shadowText = raw("shadow-database-url") ?? (env.SHADOW_DATABASE_URL?.trim() || void 0);
  const shadowDatabase = shadowText === void 0 ? null : parseDatabaseUrl(shadowText, raw("shadow-database-url") ? label("shadow-database-url") : "SHADOW_DATABASE_URL");
  const path = (name, fallback) => {
    const value = raw(name) ?? fallback;
    return isAbsolute(value) ? value : resolve2(cwd, value);
  };
  return {
    command,
    revision: raw("revision"),
    cwd,
    database,
    embedded,
    databaseSetting,
    shadowDatabase,
    migrationsDir: path("migrations", "migrations"),
    migrationsIgnore: globs(raw("migrations-ignore")),
    modelsPath: path("models", "src/models.ts"),
    modelsNamed: raw("models") !== void 0,
    modelsKind: raw("models-kind") === void 0 ? null : oneOf(raw("models-kind"), modelsKinds, label("models-kind")),
    historySchema: identifier(raw("history-schema") ?? "public", label("history-schema")),
    historyTable: identifier(raw("history-table") ?? "db_migrate_history", label("history-table")),
    umzugStorage: umzugStorage(raw("umzug-table") ?? "SequelizeMeta", identifier(raw("umzug-column") ?? "name", label("umzug-column")), label("umzug-table")),
    lockTimeoutMs: duration(raw("lock-timeout"), label("lock-timeout")),
    statementTimeoutMs: duration(raw("statement-timeout"), label("statement-timeout")),
    lockWaitMs: duration(raw("lock-wait"), label("lock-wait")) ?? 10 * 6e4,
    connectTimeoutMs: duration(raw("connect-timeout"), label("connect-timeout")) ?? 3e4,
    allowOutOfOrder: flag(raw("allow-out-of-order"), label("allow-out-of-order")),
    dryRun: flag(raw("dry-run"), label("dry-run")),
    statusCheck: flag(raw("check"), label("check")),
    message: raw("message"),
    autogenerate: flag(raw("autogenerate"), label("autogenerate")),
    json: flag(raw("json"), label("json")),
    verbose: flag(raw("verbose"), label("verbose")),
    indicateCurrent: flag(raw("indicate-current"), label("indicate-current")),
    revisionRange: raw("rev-range"),
    keepDatabase: flag(raw("keep-database") ?? "true", label("keep-database")),
    columnOrder: flag(raw("column-order"), label("column-order")),
    ignorePrivileges: flag(raw("ignore-privileges"), label("ignore-privileges")),
    ignoreExtensionVersions: flag(raw("ignore-extension-versions"), label("ignore-extension-versions")),
    format: oneOf(raw("format") ?? "sql", ["sql", "ts", "sequelize"], label("format")),
    contextKind: oneOf(raw("context") ?? "auto", ["auto", "pg", "sequelize"], label("context")),
    ...source.file?.contextFactory ? { contextFactory: source.file.contextFactory } : {},
    sql: flag(raw("sql"), label("sql")),
    reversible: flag(raw("reversible"), label("reversible")),
    noCache: flag(raw("no-cache"), label("no-cache")),
    checkCache: raw("check-cache") === void 0 ? null : path("check-cache", ""),
    lintDisabled: lintRules(raw("lint-disable"), label("lint-disable")),
    all: flag(raw("all"), label("all")),
    force: flag(raw("force"), label("force")),
    stdout: flag(raw("stdout"), label("stdout")),
    baseRef: raw("base") ?? (env.GITHUB_BASE_REF?.trim() || void 0),
    databaseGiven: given_ !== void 0 && !embeddedWord,
    diffSides: diffSides(command, raw("from"), raw("to")),
    schemaScope: { include: names(raw("schema"), label("schema")), exclude: names(raw("exclude-schema"), label("exclude-schema")) },
    secrets: [...database?.secrets ?? [], ...[raw("from"), raw("to")].flatMap(urlSecrets), ...shadowDatabase?.secrets ?? [], env.DB_PASS].filter((s) => !!s)
  };
}
function diffSides(command, from, to) {
  if (command !== "diff") return null;
  if (from === void 0 || to === void 0) throw new ConfigError("command", "diff needs two sides: db-migrate diff <from> <to>, each a database URL, a migrations folder, a models file or a .sql file");
  return [from, to];
}
function urlSecrets(side) {
  if (side === void 0 || !/^postgres(ql)?:\/\//i.test(side)) return [];
  try {
    return parseDatabaseUrl(side, "diff").secrets;
  } catch {
    return [];
  }
}
function names(value, setting) {
  const list = (value ?? "").split(",").map((n) => n.trim()).filter(Boolean);
  for (const name of list) identifier(name, setting);
  return list;
}
var maxDurationMs = 2147483647;
function duration(value, setting) {
  if (value === void 0) return null;
  if (/^0+(\.0*)?$/.test(value)) return 0;
  const match = /^(\d+(?:\.\d+)?)\s*(ms|s|min|m|h|d)?$/.exec(value);
  if (!match) throw new ConfigError(setting, `${setting} '${value}' is not a duration: use e.g. 500ms, 5s or 2min`);
  if (!match[2]) throw new ConfigError(setting, `${setting} '${value}' has no unit: write ${value}ms, ${value}s or ${value}min`);
  const unit = { ms: 1, s: 1e3, min: 6e4, m: 6e4, h: 36e5, d: 864e5 }[match[2]] ?? 1;
  const ms = Math.round(Number(match[1]) * unit);
  if (ms > maxDurationMs) throw new ConfigError(setting, `${setting} '${value}' is longer than PostgreSQL allows (${maxDurationMs} ms, about 24 days): use a shorter one, or 0 for no limit`);
  if (ms === 0) throw new ConfigError(setting, `${setting} '${value}' rounds to 0 ms, which means no limit: use at least 1ms, or write 0 for no limit`);
  return ms;
}
var defaultIgnore = ["*.sample.*", "*.template.*", "*.example.*", "_*"];
function globs(value) {
  if (value === void 0) return defaultIgnore;
  if (value === "none") return [];
  return value.split(",").map((g) => g.trim()).filter(Boolean);
}
function oneOf(value, allowed, setting) {
  if (allowed.includes(value)) return value;
  throw new ConfigError(setting, `${setting} '${value}' is not one of ${allowed.join(", ")}`);
}
function flag(value, setting) {
  if (value === void 0) return false;
  if (/^(true|yes|1|on)$/i.test(value)) return true;
  if (/^(false|no|0|off)$/i.test(value)) return false;
  throw new ConfigError(setting, `${setting} '${value}' is not a boolean: use true or false`);
}
function lintRules(value, setting) {
  const names2 = (value ?? "").split(/[\s,]+/).filter(Boolean);
  const unknown = names2.find((n) => !ruleNames.includes(n));
  if (unknown) throw new ConfigError(setting, `${setting}: '${unknown}' is not a lint rule: use one of ${ruleNames.join(", ")}`);
  return new Set(names2);
}
function umzugStorage(value, column, setting) {
  const dot = value.indexOf(".");
  const [schema, table2] = dot > 0 ? [value.slice(0, dot), value.slice(dot + 1)] : ["public", value];
  return { schema: identifier(schema, setting), table: identifier(table2, setting), column };
}
function identifier(value, setting) {
  if (value.length > 63 || value.includes("\0")) {
    throw new ConfigError(setting, `${setting} must be a Postgres identifier of at most 63 characters`);
  }
  return value;
}

// src/config/project-file.ts
var projectFileNames = ["db-migrate.config.ts", "db-migrate.config.mts", "db-migrate.config.js", "db-migrate.config.mjs", "db-migrate.config.cjs"];
async function loadConfig(source) {
  const cwd = resolve3(source.cwd, source.settings["working-directory"]?.trim() || ".");
  const file = await loadProjectFile(cwd);
  const env = await loadEnv(cwd, source.settings["env-file"]?.trim() || void 0, source.env, source.label?.("env-file") ?? "env-file");
  return parseConfig({ ...source, env, ...file ? { file } : {} });
}
async function loadProjectFile(cwd) {
  const found = projectFileNames.filter((name) => existsSync2(join(cwd, name)));
  if (found.length === 0) return void 0;
  const file = found[0];
  if (found.length > 1) throw new ConfigError("config", `${found.join(" and ")} are both config files: keep one`);
  let exports;
  try {
    exports = await importModule(join(cwd, file));
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).split("\n")[0];
    throw new ConfigError("config", `${file} does not load: ${reason}: fix that file`, { cause: error });
  }
  const fromDefault = exports.default;
  const body = { ...exports, ...isObject(fromDefault) ? fromDefault : {} };
  delete body.default;
  const byKey = new Map(settings.filter((s) => s.file).map((s) => [fileKey(s.name), s.name]));
  const values = {};
  let contextFactory;
  for (const [key, value] of Object.entries(body)) {
    if (key === "context" && typeof value === "function") {
      contextFactory = value;
      continue;
    }
    if (key === "__esModule" || value === void 0) continue;
    const name = byKey.get(key) ?? byKey.get(fileKey(key));
    if (!name) {
      const near = closest(key, [...byKey.keys(), "context"]);
      throw new ConfigError("config", `${file} sets '${key}', which is not a setting: ${near ? `did you mean ${near}? ` : ""}use one of ${[...byKey.keys(), "context"].join(", ")}`);
    }
    values[name] = text(value, `${file} ${key}`);
  }
  return { file, values, ...contextFactory ? { contextFactory } : {} };
}
function text(value, where2) {
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value) && value.every((v) => typeof v === "string")) return value.join(",");
  throw new ConfigError("config", `${where2} must be a string, number, boolean or list of strings`);
}
var isObject = (v) => typeof v === "object" && v !== null && !Array.isArray(v);

// src/commands/resolve.ts
async function resolve4(config, databaseUrl, log, resolution) {
  const spec = config.revision?.trim();
  if (!spec) throw new RevisionError("resolve needs the name of a migration (or a unique prefix) and --applied or --rolled-back");
  const files = listMigrations(config.migrationsDir, config.cwd, config.migrationsIgnore);
  const ref = { schema: config.historySchema, table: config.historyTable };
  const client = await waitForConnection(databaseUrl, config.connectTimeoutMs);
  try {
    const release = await acquireLock(client, ref, config.lockWaitMs, log);
    try {
      await ensureHistory(client, ref);
      const history2 = await readHistory(client, ref);
      const names2 = [.../* @__PURE__ */ new Set([...files.map((f) => f.name), ...history2.map((r) => r.name)])].sort(compareNames);
      const name = pick(spec, names2);
      const row = history2.find((r) => r.name === name);
      if (resolution === "applied") {
        const file = files.find((f) => f.name === name);
        if (!file) throw new HistoryError("missing_file", `migration ${name} has no file, so it cannot be recorded as applied: restore the file first`);
        await writeRow(client, ref, { name, checksum: file.checksum, state: "applied", durationMs: row?.durationMs ?? null });
      } else {
        if (!row) throw new HistoryError("not_recorded", `migration ${name} is not recorded in ${historySql(ref)}: there is nothing to roll back`);
        await deleteRow(client, ref, name);
      }
      return { name, resolution, previous: row?.state ?? null };
    } finally {
      await release().catch(() => {
      });
    }
  } finally {
    await client.end().catch(() => {
    });
  }
}
function pick(spec, names2) {
  if (names2.includes(spec)) return spec;
  const matches = names2.filter((n) => n.startsWith(spec));
  if (matches.length === 1) return matches[0];
  if (matches.length > 1) throw new RevisionError(`'${spec}' is ambiguous: it matches ${matches.join(", ")}; give more of the name`, matches);
  throw new RevisionError(`no migration is named '${spec}' (known: ${names2.join(", ") || "none"})`, [...names2]);
}

// src/commands/stamp.ts
async function stamp(config, databaseUrl, log) {
  const spec = config.revision?.trim();
  if (!spec) throw new RevisionError("stamp needs a revision: head, a migration name or a unique prefix of one, or +N");
  const files = listMigrations(config.migrationsDir, config.cwd, config.migrationsIgnore);
  const ref = { schema: config.historySchema, table: config.historyTable };
  const client = await waitForConnection(databaseUrl, config.connectTimeoutMs);
  const run = async () => {
    const history2 = await readHistory(client, ref);
    assertNoProblems(findProblems(files, history2, config), "up");
    const applied = new Set(history2.map((r) => r.name));
    const plan = planUpgrade(spec, files, applied);
    await recordApplied(client, ref, plan.steps, !config.dryRun);
    const stamped = plan.steps.map((f) => f.name);
    const after = config.dryRun ? applied : /* @__PURE__ */ new Set([...applied, ...stamped]);
    return { dryRun: config.dryRun, stamped, current: currentRevision(after) };
  };
  try {
    if (config.dryRun) return await run();
    const release = await acquireLock(client, ref, config.lockWaitMs, log);
    try {
      return await run();
    } finally {
      await release().catch(() => {
      });
    }
  } finally {
    await client.end().catch(() => {
    });
  }
}

// src/commands/status.ts
async function survey(config, databaseUrl) {
  const files = listMigrations(config.migrationsDir, config.cwd, config.migrationsIgnore);
  const client = await waitForConnection(databaseUrl, config.connectTimeoutMs);
  try {
    await client.query(`SET lock_timeout = '${config.lockWaitMs}ms'`);
    const history2 = await readHistory(client, { schema: config.historySchema, table: config.historyTable });
    const current2 = currentRevision(history2.filter((r) => r.state === "applied").map((r) => r.name));
    return { files, history: history2, problems: findProblems(files, history2, config), current: current2 };
  } finally {
    await client.end().catch(() => {
    });
  }
}
function appliedMigration(row, files, cwd) {
  const file = files.find((f) => f.name === row.name);
  return { name: row.name, file: file ? displayPath(file.path, cwd) : null, appliedAt: row.appliedAt, durationMs: row.durationMs, state: row.state };
}
async function status(config, databaseUrl) {
  const { files, history: history2, problems: problems2, current: current2 } = await survey(config, databaseUrl);
  const recorded = new Set(history2.map((r) => r.name));
  return {
    current: current2,
    head: files.at(-1)?.name ?? null,
    applied: history2.map((r) => appliedMigration(r, files, config.cwd)),
    pending: files.filter((f) => !recorded.has(f.name)).map((f) => f.name),
    problems: problems2
  };
}
function statusGate(result) {
  const reasons = [
    ...result.pending.length ? [`${result.pending.length} pending migration(s): ${result.pending.join(", ")}`] : [],
    ...result.problems.map((p) => p.message)
  ];
  return reasons.length ? `status --check: ${reasons.join("; ")}` : null;
}

// src/commands/current.ts
async function current(config, databaseUrl) {
  const { files, history: history2, current: current2 } = await survey(config, databaseUrl);
  const row = history2.find((r) => r.name === current2);
  return { current: current2, head: files.at(-1)?.name ?? null, migration: row ? appliedMigration(row, files, config.cwd) : null, verbose: config.verbose };
}

// src/commands/heads.ts
async function heads(config, databaseUrl) {
  const { files, history: history2 } = await survey(config, databaseUrl);
  const head = files.at(-1);
  return {
    head: head?.name ?? null,
    file: head ? displayPath(head.path, config.cwd) : null,
    applied: !!head && history2.some((r) => r.name === head.name && r.state === "applied")
  };
}

// src/commands/history.ts
async function history(config, databaseUrl) {
  const { files, history: rows, current: current2 } = await survey(config, databaseUrl);
  const head = files.at(-1)?.name ?? null;
  const byName = new Map(rows.map((r) => [r.name, r]));
  const names2 = [.../* @__PURE__ */ new Set([...files.map((f) => f.name), ...rows.map((r) => r.name)])].sort(compareNames);
  const [from, to] = range(config.revisionRange, files, current2);
  const migrations = names2.filter((name) => (from === null || compareNames(name, from) >= 0) && (to === null || compareNames(name, to) <= 0)).reverse().map((name) => {
    const row = byName.get(name);
    const file = files.find((f) => f.name === name);
    return {
      name,
      file: file ? displayPath(file.path, config.cwd) : null,
      state: row?.state ?? "pending",
      appliedAt: row?.appliedAt ?? null,
      current: name === current2,
      head: name === head
    };
  });
  return { current: current2, head, migrations, indicateCurrent: config.indicateCurrent };
}
function range(spec, files, current2) {
  if (spec === void 0) return [null, null];
  const parts = spec.split(":");
  if (parts.length !== 2) throw new ConfigError("rev-range", `--rev-range '${spec}' is not a range: write start:end, e.g. base:head, ${files[0]?.name ?? "NAME"}: or :current`);
  const end = (text2) => {
    const t = text2.trim();
    if (t === "") return null;
    if (t === "base") return "";
    if (t === "head") return files.at(-1)?.name ?? "";
    if (t === "current") return current2 ?? "";
    return resolveName(t, files);
  };
  return [end(parts[0]), end(parts[1])];
}

// src/commands/show.ts
async function show(config, databaseUrl) {
  const spec = config.revision?.trim();
  if (!spec) throw new RevisionError("show needs a revision: a migration name or a unique prefix of one, head or current");
  const { files, history: history2, current: current2 } = await survey(config, databaseUrl);
  const recordedOnly = history2.filter((r) => !files.some((f) => f.name === r.name)).map((r) => r.name);
  const name = spec === "head" ? files.at(-1)?.name : spec === "current" ? current2 : recordedOnly.includes(spec) ? spec : resolveName(spec, files);
  if (!name) throw new RevisionError(spec === "head" ? "show head: there are no migrations yet" : "show current: nothing is applied (the database is at base)");
  const file = files.find((f) => f.name === name);
  const row = history2.find((r) => r.name === name);
  const shown = file ? displayPath(file.path, config.cwd) : null;
  const module = file?.kind === "module" ? await loadMigrationModule(file.path, shown) : void 0;
  return {
    name,
    file: shown,
    kind: file?.kind ?? null,
    state: row?.state ?? "pending",
    appliedAt: row?.appliedAt ?? null,
    durationMs: row?.durationMs ?? null,
    checksum: file?.checksum ?? null,
    appliedChecksum: row?.checksum ?? null,
    changed: file && row ? file.checksum !== row.checksum : null,
    up: !!file,
    down: file?.kind === "sql" ? file.downPath !== null : !!module?.down,
    downFile: file?.downPath ? displayPath(file.downPath, config.cwd) : null,
    transaction: module?.transaction !== false,
    error: row?.error ?? null,
    current: name === current2,
    head: name === files.at(-1)?.name
  };
}

// src/commands/run.ts
function lintOf(result) {
  if (result.command === "check") return result.result.lint;
  if (result.command === "upgrade" || result.command === "downgrade") return result.lint;
  return void 0;
}
var table = {
  upgrade: { server: () => "target", run: (r) => migrateCommand(r, "upgrade") },
  downgrade: { server: () => "target", run: (r) => migrateCommand(r, "downgrade") },
  status: { server: () => "target", run: async ({ config, url, database }) => ({ command: "status", result: await status(config, url), database }) },
  current: { server: () => "target", run: async ({ config, url, database }) => ({ command: "current", result: await current(config, url), database }) },
  history: { server: () => "target", run: async ({ config, url, database }) => ({ command: "history", result: await history(config, url), database }) },
  heads: { server: () => "target", run: async ({ config, url, database }) => ({ command: "heads", result: await heads(config, url), database }) },
  show: { server: () => "target", run: async ({ config, url, database }) => ({ command: "show", result: await show(config, url), database }) },
  stamp: { server: () => "target", run: async ({ config, url, log, database }) => ({ command: "stamp", result: await stamp(config, url, log), database }) },
  resolve: { server: () => "target", run: async ({ config, url, log, database, options }) => ({ command: "resolve", result: await resolve4(config, url, log, options.resolution), database }) },
  check: {
    server: () => "shadow",
    run: async ({ config, url, log, database, models, migrations }) => config.databaseGiven ? { command: "check", result: await (await import("./chunk-EBJTQBBZ.js")).checkDatabase(config, url, log), database } : { command: "check", result: await (await import("./chunk-B3K6XR3Y.js")).check(config, url, log, { models, files: await migrations(), snapshots: database.spunUpUrl ? "own" : "shared" }), database }
  },
  revision: {
    server: (config) => config.autogenerate ? "shadow" : "none",
    run: async ({ config, url, log, database, models }) => config.autogenerate ? { command: "revision", result: await (await import("./chunk-N46GJWJD.js")).autogenerate(config, url, log, /* @__PURE__ */ new Date(), { models }), database } : { command: "revision", result: await (await import("./chunk-J35O6F7N.js")).revision(config, { format: config.format }), database: null }
  },
  init: { server: () => "none", run: async ({ config }) => ({ command: "init", result: await (await import("./chunk-RLDCO43G.js")).init(config), database: null }) },
  diff: { server: () => "none", run: async ({ config, log }) => ({ command: "diff", result: await (await import("./chunk-XKMDMLFI.js")).diff(config, log), database: null }) },
  // a named database is read as it is; without one, the migrations' head is replayed on a scratch database
  pull: {
    server: (config) => config.database ? "none" : "shadow",
    before: async (config) => (await import("./chunk-FWQ7SBI3.js")).checkPull(config),
    run: async ({ config, url, log, database }) => {
      const { pull } = await import("./chunk-FWQ7SBI3.js");
      if (config.database) return { command: "pull", result: await pull(config, log, { source: { database: config.database.url } }), database: null };
      return { command: "pull", result: await pull(config, log, { source: { server: url } }), database };
    }
  }
};
async function migrateCommand({ config, url, log, database }, command) {
  const result = await migrate(config, url, log, command === "upgrade" ? "up" : "down");
  const linted = command === "upgrade" && config.dryRun ? await (await import("./chunk-J5EPHRYO.js")).lint(config, url, result.planned) : void 0;
  return { command, result, database, ...linted ? { lint: linted } : {} };
}
function requireDatabase(config, hint) {
  if (config.database || config.embedded) return;
  const { setting, embedded } = hint ?? { setting: "--database-url", embedded: "--embedded" };
  throw new ConfigError("database-url", `${config.command} needs a database, and none is set: set ${setting}, DATABASE_URL or DB_HOST/DB_PORT/DB_NAME/DB_USER/DB_PASS (an empty secret counts as unset); for a throwaway PostgreSQL, ask for it with ${embedded}`);
}
var revisionNeeded = {
  downgrade: "downgrade needs a revision: a migration name or prefix, -1 for one step, or base to revert everything",
  stamp: "stamp needs a revision: head, a migration name or a unique prefix of one, or +N",
  show: "show needs a revision: a migration name or a unique prefix of one, head or current",
  resolve: "resolve needs the name of a migration (or a unique prefix) and --applied or --rolled-back"
};
function preflight(config, server, resolution) {
  const missing = revisionNeeded[config.command];
  if (missing && !config.revision?.trim()) throw new RevisionError(missing);
  if (config.command === "resolve" && !resolution) throw new ConfigError("resolve", "resolve needs --applied or --rolled-back after the migration name");
  const readsFolder = server === "target" || config.command === "check";
  if (!readsFolder) return;
  if (config.command === "check") return void listMigrations(config.migrationsDir, config.cwd, ["*"]);
  const files = listMigrations(config.migrationsDir, config.cwd, config.migrationsIgnore);
  if (files.length === 0 && !config.database && (config.command === "upgrade" || config.command === "downgrade")) throw noMigrations(config);
}
async function runCommand(config, log, options = {}) {
  const command = table[config.command];
  const server = command.server(config);
  if (server === "target") requireDatabase(config, options.databaseHint);
  preflight(config, server, options.resolution);
  await command.before?.(config);
  const models = server === "shadow" ? modelsOnDemand(config) : { loading: noModels, listing: listLater(config), start: () => {
  } };
  const run = (url, database) => command.run({ config, log, options, url, database, models: models.loading, migrations: models.listing });
  if (server === "none") return run("", { spunUpUrl: null, keptRunning: null, server: "" });
  if (server === "target" && config.database) return run(config.database.url, { spunUpUrl: null, keptRunning: null, server: shownServer(config.database) });
  return withServer(config, log, server, server === "target" && (options.keepSpunUp ?? false), run, models.start);
}
async function withServer(config, log, role, keep, fn, onSpawn) {
  const { provisionDatabase } = await import("./chunk-LQNCVGIZ.js");
  const provisioned = await provisionDatabase(config, log, { role, keep, onSpawn }).then((p) => (onSpawn(), p));
  const kept = keep && config.keepDatabase && provisioned.spunUp ? provisioned.spunUp.state : null;
  const given = role === "target" ? config.database : config.shadowDatabase;
  const server = provisioned.spunUp ? `embedded PostgreSQL ${provisioned.spunUp.version}` : given ? shownServer(given) : "PostgreSQL";
  try {
    return await fn(provisioned.url, { spunUpUrl: provisioned.spunUp ? provisioned.url : null, keptRunning: kept, server });
  } catch (error) {
    if (kept) await provisioned.spunUp?.stop().catch(() => {
    });
    throw error;
  } finally {
    await provisioned.release();
  }
}
function shownServer(url) {
  return `${url.host}:${url.port}/${url.database}`;
}
var noModels = new Promise(() => {
});
function modelsOnDemand(config) {
  let start;
  const started = new Promise((resolve5) => start = resolve5);
  const loading = started.then(() => import("./chunk-BXGRVCE7.js")).then((m) => m.loadModelSource(config));
  loading.catch(() => {
  });
  const listed = config.command === "check" && !config.databaseGiven ? started.then(() => (void import("./chunk-B3K6XR3Y.js").catch(() => {
  }), listMigrations(config.migrationsDir, config.cwd, config.migrationsIgnore))) : null;
  listed?.catch(() => {
  });
  return { loading, listing: listed ? () => listed : listLater(config), start };
}
function listLater(config) {
  return async () => listMigrations(config.migrationsDir, config.cwd, config.migrationsIgnore);
}

// src/report/redact.ts
var urlPattern = /postgres(?:ql)?:\/\/[^\s'"`<>]*/gi;
var passwordParameter = /([?&](?:ssl)?password=)[^&\s]*/gi;
function redactSecrets(text2, secrets) {
  const forms = secrets.filter((s) => s.length >= 2).flatMap((s) => [.../* @__PURE__ */ new Set([s, encodeURIComponent(s)])]);
  const words = forms.filter((form) => /^\w+$/.test(form));
  let masked = text2;
  for (const form of forms) if (!words.includes(form)) masked = masked.split(form).join("***");
  let out = "";
  let last = 0;
  for (const match of masked.matchAll(urlPattern)) {
    out += maskWords(masked.slice(last, match.index), words) + redactUrlText(match[0]);
    last = match.index + match[0].length;
  }
  return out + maskWords(masked.slice(last), words);
}
function redactUrlText(url) {
  return url.replace(/^(postgres(?:ql)?:\/\/[^:@/\s]*:)[^@\s]*@/i, "$1***@").replace(passwordParameter, "$1***");
}
function maskWords(text2, words) {
  let out = text2.replace(passwordParameter, "$1***");
  for (const word of words) out = out.replace(new RegExp(`(?<!\\w)${word}(?!\\w)`, "g"), "***");
  return out;
}

// src/lint/report.ts
function lintText(lint) {
  const lines = lint.findings.map((f) => `  ${f.file}:${f.line}  ${f.severity}  ${f.rule}: ${f.message}`);
  const head = `Lint: ${count(lint.errors, "error")}, ${count(lint.warnings, "warning")} in ${count(lint.linted.length, "migration")} (PostgreSQL ${lint.serverMajor})`;
  const skipped = lint.skipped.length ? [`  not linted (module migrations, statements known only when they run): ${lint.skipped.join(", ")}`] : [];
  return [head + (lines.length ? ":" : "."), ...lines, ...skipped].join("\n");
}
function count(n, word) {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

// src/report/format.ts
function duration2(ms) {
  if (ms === null || ms === void 0) return "\u2014";
  return ms < 1e3 ? `${Math.round(ms)} ms` : `${(ms / 1e3).toFixed(2)} s`;
}
function plural(n, word) {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
function isoTime(date) {
  return (typeof date === "string" ? new Date(date) : date).toISOString().replace("T", " ").replace(/\.\d+Z$/, "Z");
}

// src/report/reversibility.ts
var problems = {
  no_down: "has no down migration",
  empty: "has a down that undoes nothing",
  partial: "has a down that does not fully undo its up",
  fails: "has a down that fails"
};
function reversibilityText(r) {
  if (!r.irreversible.length) return `Reversible: the down of each of ${plural(r.checked.length, "migration")} undoes its up.`;
  return [
    `Not reversible: ${plural(r.irreversible.length, "migration")} of ${r.checked.length} checked:`,
    ...r.irreversible.flatMap((i) => [
      `  - ${i.migration} ${problems[i.problem]} (${i.file})${i.error ? `: ${i.error}` : ""}`,
      ...i.leftBehind.map((l) => `      ${l}`)
    ])
  ].join("\n");
}

// src/report/text.ts
function renderText(result) {
  switch (result.command) {
    case "upgrade":
    case "downgrade":
      return result.lint?.findings.length ? `${migrateText(result.result)}
${lintText(result.lint)}` : migrateText(result.result);
    case "status":
      return statusText(result.result);
    case "current":
      return currentText(result.result);
    case "history":
      return historyText(result.result);
    case "heads": {
      const { head, applied } = result.result;
      return head === null ? 'No migrations yet: db-migrate revision -m "..." writes the first.' : `${head} (head), ${applied ? "applied" : "not applied"}`;
    }
    case "show":
      return showText(result.result);
    case "check": {
      const c = result.result;
      return [checkText(c), ...c.lint?.findings.length ? [lintText(c.lint)] : [], ...c.reversibility ? [reversibilityText(c.reversibility)] : []].join("\n");
    }
    case "revision":
      if ("drift" in result.result) {
        return result.result.files.length ? `${checkText(result.result)}
Wrote ${result.result.files.join(" and ")}` : "No changes: the models match the migrations; no migration written.";
      }
      return `${result.result.dryRun ? "Would write" : "Wrote"} ${result.result.files.join(" and ")}`;
    case "init":
      return [
        ...result.result.created.map((f) => `created ${f}`),
        ...result.result.skipped.map((s) => `kept    ${s.file} (${s.reason})`)
      ].join("\n");
    case "resolve":
      return `${result.result.name}: recorded as ${result.result.resolution}`;
    case "diff":
      return result.result.statements.map((s) => `${s};`).join("\n");
    case "pull":
      return result.result.stdout ? result.result.text.trimEnd() : result.result.summary;
    case "stamp": {
      const { dryRun, stamped, current: current2 } = result.result;
      if (stamped.length === 0) return `Nothing to stamp: the database is at ${current2 ?? "base"}.`;
      return [`${dryRun ? "Dry run: would stamp" : "Stamped"} ${plural(stamped.length, "migration")} as applied (not run):`, ...stamped.map((n) => `  ${n}`), `Current revision: ${current2 ?? "base"}`].join("\n");
    }
  }
}
function migrateText(r) {
  if (r.script !== void 0 && r.scriptOnly) return r.script.trimEnd();
  const verb = r.direction === "up" ? "apply" : "revert";
  const lines = [];
  if (r.dryRun) {
    lines.push(r.planned.length ? `Dry run: would ${verb} ${plural(r.planned.length, "migration")}:` : "Dry run: nothing to do.");
    lines.push(...r.planned.map((n) => `  ${n}`));
    if (r.planned.length && r.script) lines.push("", "The SQL it would send:", "", r.script.trimEnd(), "");
  } else if (r.applied.length === 0) {
    lines.push(`Nothing to ${verb}: the database is at ${r.current ?? "base"}.`);
  } else {
    lines.push(`${r.direction === "up" ? "Applied" : "Reverted"} ${plural(r.applied.length, "migration")}:`);
    const width = Math.max(...r.applied.map((a) => a.name.length));
    lines.push(...r.applied.map((a) => `  ${a.name.padEnd(width)}  ${duration2(a.durationMs)}`));
  }
  lines.push(`Current revision: ${r.current ?? "base (nothing applied)"}`);
  if (r.pending.length) lines.push(`Pending: ${r.pending.join(", ")}`);
  return lines.join("\n");
}
function statusText(s) {
  const lines = [`Current revision: ${s.current ?? "base (nothing applied)"}${s.head && s.current === s.head ? " (head)" : ""}`];
  if (s.applied.length) {
    lines.push("Applied:");
    const width = Math.max(...s.applied.map((a) => a.name.length));
    for (const a of s.applied) {
      lines.push(`  ${a.name.padEnd(width)}  ${isoTime(a.appliedAt)}  ${duration2(a.durationMs)}${a.state === "applied" ? "" : `  ${a.state.toUpperCase()}`}`);
    }
  }
  lines.push(s.pending.length ? `Pending:
${s.pending.map((n) => `  ${n}`).join("\n")}` : "Pending: none");
  if (s.problems.length) lines.push("Problems:", ...s.problems.map((p) => `  ${p.message}`));
  return lines.join("\n");
}
function currentText(c) {
  const line = c.current === null ? "base (nothing applied)" : `${c.current}${c.current === c.head ? " (head)" : ""}`;
  if (!c.verbose || !c.migration) return line;
  const m = c.migration;
  return [`Current revision: ${line}`, `File:       ${m.file ?? "(gone from the migrations folder)"}`, `Applied at: ${isoTime(m.appliedAt)}`, `Duration:   ${duration2(m.durationMs)}`].join("\n");
}
function historyText(h) {
  if (!h.migrations.length) return "No migrations.";
  const label = (e) => `${e.name}${e.head ? " (head)" : ""}${h.indicateCurrent && e.current ? " (current)" : ""}`;
  const width = Math.max(...h.migrations.map((e) => label(e).length));
  return h.migrations.map((e) => {
    const when = e.appliedAt ? ` ${isoTime(e.appliedAt)}` : "";
    const gone = e.file === null ? "  (file gone)" : "";
    return `${label(e).padEnd(width)}  ${e.state}${when}${gone}`;
  }).join("\n");
}
function showText(s) {
  const applied = s.state === "pending" ? "not applied" : `${s.state === "applied" ? "applied" : s.state.toUpperCase()} at ${isoTime(s.appliedAt)} (${duration2(s.durationMs)})${s.error ? `: ${s.error}` : ""}`;
  const changed = s.changed === null ? "\u2014" : s.changed ? `yes: the file differs from what was applied (sha256 ${s.appliedChecksum})` : "no";
  const down = s.downFile ?? (s.down ? "yes (exports down)" : "none");
  return [
    `Revision:    ${s.name}${s.head ? " (head)" : ""}${s.current ? " (current)" : ""}`,
    `File:        ${s.file ?? "(gone from the migrations folder)"}`,
    `Applied:     ${applied}`,
    `Checksum:    ${s.checksum ? `sha256 ${s.checksum}` : "\u2014"}`,
    `Changed:     ${changed}`,
    `Up:          ${s.up ? "yes" : "none"}`,
    `Down:        ${down}`,
    ...s.kind === "module" ? [`Transaction: ${s.transaction ? "yes" : "no (transaction = false)"}`] : []
  ].join("\n");
}
function checkText(c) {
  if (c.live) return databaseText(c, c.live);
  if (!c.drift) return `OK: the models match the ${plural(c.migrations, "migration")}.`;
  const lines = [`Drift: the models differ from the ${plural(c.migrations, "migration")}:`];
  lines.push(...c.explanations.map((e) => `  - ${e}`));
  lines.push("", "SQL that makes the migrations match the models:", "", ...c.statements.map((s) => `${s};`));
  if (c.risky.length) lines.push("", "Risky:", ...c.risky.map((r) => `  - ${r.explanation}: ${r.reason}`));
  lines.push("", 'Write it as a migration: db-migrate revision --autogenerate -m "<message>"');
  return lines.join("\n");
}
function databaseText(c, live) {
  const assumed = live.pending.length ? [`Assumed pending (not applied on the database, left out of the comparison): ${live.pending.join(", ")}`] : [];
  const against = `its ${plural(c.migrations, "applied migration")} (up to ${live.current ?? "base"})`;
  if (!c.drift) return [`OK: the database matches ${against}.`, ...assumed].join("\n");
  return [
    `Drift: the database ${live.database} differs from ${against}:`,
    ...c.explanations.map((e) => `  - ${e}`),
    "",
    "SQL that puts the database back as its migrations say:",
    "",
    ...c.statements.map((s) => `${s};`),
    "",
    ...assumed,
    "To keep the change instead, write it as a migration (db-migrate diff <migrations folder> <database url> prints it) and record it there with db-migrate stamp."
  ].join("\n");
}

// src/cli/args.ts
var valueFlags = /* @__PURE__ */ new Map();
var booleanFlags = /* @__PURE__ */ new Map();
for (const setting of settings) {
  for (const flag2 of flagsOf(setting)) (setting.kind === "value" ? valueFlags : booleanFlags).set(flag2, setting.name);
}
function parseArgs(argv) {
  const settings2 = {};
  const positional = [];
  let help = false;
  let version2 = false;
  let resolution;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag2, inline] = arg.startsWith("--") && arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, void 0];
    const valueSetting = valueFlags.get(flag2);
    const booleanSetting = booleanFlags.get(flag2);
    if (flag2 === "-h" || flag2 === "--help") help = true;
    else if (flag2 === "-V" || flag2 === "--version") version2 = true;
    else if (flag2 === "--env-file") throw new ConfigError("env-file", "--env-file is read by Node itself before db-migrate starts (a missing file stops Node with exit 9): use --dotenv <file>");
    else if (flag2 === "--applied" || flag2 === "--rolled-back") resolution = flag2.slice(2);
    else if (valueSetting) {
      const value = inline ?? argv[++i];
      if (value === void 0) throw new ConfigError(valueSetting, `${flag2} needs a value`);
      settings2[valueSetting] = settingByName.get(valueSetting)?.repeatable && settings2[valueSetting] ? `${settings2[valueSetting]},${value}` : value;
    } else if (booleanSetting) settings2[booleanSetting] = inline ?? "true";
    else if (arg.startsWith("-") && !/^[-+]\d+$/.test(arg)) {
      const near = closest(flag2, [...valueFlags.keys(), ...booleanFlags.keys(), "--applied", "--rolled-back", "--help", "--version"].filter((f) => f.startsWith("--")));
      throw new ConfigError(flag2, `unknown option ${flag2}: ${near ? `did you mean ${near}? ` : ""}run db-migrate --help for the list`);
    } else positional.push(arg);
  }
  if (positional[0] !== void 0) settings2.command = positional[0];
  if (positional[1] !== void 0) settings2.revision = positional[1];
  if (positional[0] === "diff") {
    if (positional[1] !== void 0) settings2.from = positional[1];
    if (positional[2] !== void 0) settings2.to = positional[2];
    delete settings2.revision;
    if (positional.length > 3) throw new ConfigError("command", `unexpected argument '${positional[3]}': diff takes two sides, <from> and <to>`);
  } else if (positional.length > 2) throw new ConfigError("command", `unexpected argument '${positional[2]}': run db-migrate --help`);
  return { settings: settings2, help, version: version2, resolution };
}
var usage = `Usage: db-migrate <command> [revision] [options]

Commands:
  upgrade [revision]        apply migrations up to a revision (default: head)
  downgrade <revision>      revert migrations until <revision> is the newest applied (base: revert all)
  status                    current revision, applied and pending migrations (--json for machines;
                            --check: exit 1 unless at head with nothing to attend to)
  current                   the revision the database is at (--verbose: its file and when it was applied)
  history                   every migration, newest first, applied or pending (--indicate-current, -r start:end)
  heads                     the head revision: the newest migration
  show <revision>           one migration: its file, when it was applied, its checksum and whether it changed since,
                            its up and its down
  check                     fail when the models and the migrations disagree; print the SQL that fixes it
                            (--database-url: fail when that database drifted from its migrations)
  diff <from> <to>          print the SQL that turns <from> into <to>; each is a database URL, a migrations
                            folder, a models file or a .sql file (exit 0 same, 1 different)
  revision -m "message"     write a new empty migration (--format ts for TypeScript, --format sequelize for
                            a module Umzug also runs; --autogenerate: the one that makes the migrations match the models)
  init                      scaffold migrations/, models, .env.example, docker-compose.yml and a workflow
  pull                      write models (src/models.ts) from the database, or with none from the migrations' head
                            (--force replaces an existing file; --stdout prints it instead)
  stamp <revision>          record migrations up to <revision> as applied without running them (--dry-run)
  resolve <name> --applied|--rolled-back
                            settle a migration that ran outside a transaction and did not finish

Revisions: head, base, a migration name or a unique prefix of one, +N, -N.

Database: --database-url, else DATABASE_URL, else DB_HOST/DB_PORT/DB_NAME/DB_USER/DB_PASS (environment or .env).
With none, upgrade, downgrade, stamp, resolve, status, current, history, heads and show stop; --embedded runs them on a throwaway PostgreSQL.

Options (flag > environment variable > db-migrate.config.* > default):
${optionsText()}
  -h, --help, -V, --version

Exit status: 0 success; 1 drift (check, or diff: the sides differ), a lint error or a down that does not undo its up (check, upgrade --dry-run),
or status --check not at head or with a problem; 2 error.`;
var where = ["database-url", "embedded", "working-directory", "env-file", "migrations", "migrations-ignore", "history-schema", "history-table", "connect-timeout", "json"];
var running = [...where, "context", "umzug-table", "umzug-column", "dry-run", "lock-timeout", "statement-timeout", "lock-wait"];
var commandHelp = {
  upgrade: { usage: "upgrade [revision]        apply migrations up to a revision (default: head)", options: [...running, "sql", "lint-disable", "allow-out-of-order"] },
  downgrade: { usage: "downgrade <revision>      revert migrations until <revision> is the newest applied (base: revert all)", options: [...running, "sql"] },
  stamp: { usage: "stamp <revision>          record migrations up to <revision> as applied without running them", options: [...where, "dry-run", "lock-wait"] },
  status: { usage: "status                    current revision, applied and pending migrations", options: [...where, "umzug-table", "umzug-column", "check", "allow-out-of-order"] },
  current: { usage: "current                   the revision the database is at", options: [...where, "verbose"] },
  history: { usage: "history                   every migration, newest first, applied or pending", options: [...where, "indicate-current", "rev-range"] },
  heads: { usage: "heads                     the head revision: the newest migration", options: where },
  show: { usage: "show <revision>           one migration: file, when applied, checksum, changed since, up and down", options: where },
  check: { usage: "check                     fail when the models and the migrations disagree; print the SQL that fixes it", options: ["database-url", "schema", "exclude-schema", "working-directory", "env-file", "migrations", "migrations-ignore", "models", "models-kind", "shadow-database-url", "column-order", "ignore-privileges", "ignore-extension-versions", "lint-disable", "base", "reversible", "all", "json"] },
  revision: { usage: 'revision -m "message"     write a new migration', options: ["working-directory", "env-file", "migrations", "migrations-ignore", "models", "models-kind", "shadow-database-url", "ignore-extension-versions", "message", "autogenerate", "format", "dry-run", "schema", "exclude-schema", "json"] },
  diff: { usage: "diff <from> <to>          print the SQL that turns <from> into <to> (a database URL, a migrations folder, a models file or a .sql file)", options: ["schema", "exclude-schema", "column-order", "ignore-privileges", "ignore-extension-versions", "shadow-database-url", "working-directory", "env-file", "migrations-ignore", "models-kind", "history-schema", "history-table", "connect-timeout", "json"] },
  pull: {
    usage: "pull                      write the models of the database (or, with none, of the migrations' head) to the models file",
    options: ["database-url", "working-directory", "env-file", "models", "force", "stdout", "migrations", "migrations-ignore", "shadow-database-url", "history-schema", "history-table", "umzug-table", "connect-timeout", "json"],
    extra: "  Refuses to replace an existing models file unless --force."
  },
  init: { usage: "init                      scaffold migrations/, models, .env.example, docker-compose.yml and a workflow", options: ["working-directory", "json"] },
  resolve: { usage: "resolve <name> --applied|--rolled-back   settle a migration that ran outside a transaction and did not finish", options: [...where, "lock-wait"], extra: "  --applied      the migration took effect: record it as applied\n  --rolled-back  it did not: forget its row" }
};
function commandUsage(command) {
  const help = command ? commandHelp[command] : void 0;
  if (!help) return void 0;
  return [`Usage: db-migrate ${help.usage}`, "", "Options:", optionsText(help.options), ...help.extra ? [help.extra] : [], "  -h, --help", "", "db-migrate --help lists every command."].join("\n");
}

// src/cli/main.ts
var flagLabel = (name) => name === "command" ? "command" : name === "revision" ? "revision" : settingByName.get(name)?.flag ?? `--${name}`;
async function main(argv, env, cwd) {
  let secrets = [];
  const write = (stream, text2) => stream.write(`${redactSecrets(text2, secrets)}
`);
  let json = argv.includes("--json");
  try {
    const args = parseArgs(argv);
    if (args.help || argv.length === 0) {
      write(process.stdout, args.help && commandUsage(args.settings.command) || usage);
      return argv.length === 0 ? 2 : 0;
    }
    if (args.version) {
      write(process.stdout, version);
      return 0;
    }
    const config = await loadConfig({ settings: args.settings, env, cwd, label: flagLabel });
    secrets = config.secrets;
    json = config.json;
    const log = {
      info: (message) => write(process.stderr, message),
      warn: (message) => write(process.stderr, `warning: ${message}`)
    };
    const result = await runCommand(config, log, { resolution: args.resolution });
    const text2 = json ? JSON.stringify(jsonResult(result), null, 2) : renderText(result);
    if (text2 !== "") write(process.stdout, text2);
    if (result.command === "diff") return result.result.same ? 0 : 1;
    if (result.command === "status" && config.statusCheck) {
      const gate = statusGate(result.result);
      if (gate) write(process.stderr, `db-migrate: ${gate}`);
      return gate ? 1 : 0;
    }
    if (result.command === "check" && (result.result.drift || result.result.reversibility?.irreversible.length)) return 1;
    return (lintOf(result)?.errors ?? 0) > 0 ? 1 : 0;
  } catch (error) {
    const message = redactSecrets(errorMessage(error), secrets);
    if (json) {
      write(process.stdout, JSON.stringify({ error: { code: error instanceof AppError ? error.code : "internal", message } }, null, 2));
    }
    write(process.stderr, `db-migrate: ${message}`);
    if (!(error instanceof AppError) && env.DB_MIGRATE_DEBUG && error instanceof Error && error.stack) write(process.stderr, error.stack);
    return 2;
  }
}
function jsonResult(result) {
  const { database, command } = result;
  const body = result.command === "check" || result.command === "revision" && "drift" in result.result ? { ...result.result, operations: void 0, rendered: void 0, risky: "risky" in result.result ? result.result.risky.map(({ reason, explanation, statements }) => ({ reason, explanation, statements })) : [] } : result.result;
  if (result.command === "diff") return { command, ...result.result, rendered: void 0 };
  const lint = result.command === "upgrade" || result.command === "downgrade" ? result.lint : void 0;
  return { command, ...body, ...lint ? { lint } : {}, ...database?.spunUpUrl ? { embedded: true } : {} };
}
export {
  main
};
