import { createRequire as __dbMigrateCreateRequire } from 'node:module'; const require = __dbMigrateCreateRequire(import.meta.url); import { fileURLToPath as __dbMigrateFileURLToPath } from 'node:url'; const __dbMigrateDir = __dbMigrateFileURLToPath(new URL('./', import.meta.url));
import {
  observe,
  ruleNames,
  rules,
  setsNotNull
} from "./chunk-EYO64QK4.js";
import {
  optsOutOfTransaction,
  splitStatements
} from "./chunk-SV5JJJ6D.js";
import {
  displayPath,
  listMigrations,
  readSqlFile
} from "./chunk-KKO6VTMG.js";
import {
  version
} from "./chunk-EALGPWGH.js";
import {
  connect
} from "./chunk-SV6MCVPL.js";
import {
  checkCacheRoot,
  ensureDir
} from "./chunk-FH2UCXWC.js";

// src/commands/lint.ts
import { execFileSync } from "node:child_process";
import { basename, join as join2 } from "node:path";

// src/lint/parse.ts
import v8 from "node:v8";
var parser;
function loadParser() {
  if (parser) return parser;
  v8.setFlagsFromString("--liftoff-only");
  v8.setFlagsFromString(`--wasm-tier-up-filter=${2 ** 31 - 1}`);
  parser = import("./chunk-AEDL6OVE.js").then(async (imported) => {
    const m = imported.default ?? imported;
    await m.loadModule();
    return m.parseSync;
  });
  return parser;
}
async function parseSql(sql) {
  const parse = await loadParser();
  const bytes = Buffer.from(sql, "utf8");
  const newlines = [];
  for (let i = bytes.indexOf(10); i >= 0; i = bytes.indexOf(10, i + 1)) newlines.push(i);
  const lineOf = (byteOffset) => {
    let lo = 0;
    let hi = newlines.length;
    while (lo < hi) {
      const mid = lo + hi >> 1;
      if (newlines[mid] < byteOffset) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  };
  let result;
  try {
    result = parse(sql);
  } catch (error) {
    const details = error.sqlDetails;
    const position = details?.cursorPosition ?? -1;
    return { message: error instanceof Error ? error.message : String(error), line: position >= 0 ? sql.slice(0, position).split("\n").length : 1 };
  }
  return (result.stmts ?? []).map((s) => {
    const start = s.stmt_location ?? 0;
    const text = bytes.subarray(start, s.stmt_len ? start + s.stmt_len : void 0).toString("utf8");
    const lead = /^(\s|--[^\n]*\n|\/\*[\s\S]*?\*\/)*/.exec(text)?.[0] ?? "";
    return { node: s.stmt, line: lineOf(start + Buffer.byteLength(lead, "utf8")) };
  });
}
function allowedRules(sql) {
  const allowed = /* @__PURE__ */ new Map();
  for (const m of sql.matchAll(/--\s*db-migrate:\s*allow\s+([a-z0-9_,\t -]+)/gi)) {
    const line = sql.slice(0, m.index).split("\n").length;
    for (const rule of m[1].split(/[\s,]+/)) if (rule) allowed.set(rule.toLowerCase(), line);
  }
  return allowed;
}

// src/lint/lint.ts
async function lintMigrations(targets, options, before = []) {
  const parse = (sql) => parsedOnce(sql, options.parsed);
  const parsedTargets = await Promise.all(targets.map(async (m) => m.sql === null ? null : parse(m.sql)));
  const notNullChecks = /* @__PURE__ */ new Set();
  const pendingChecks = /* @__PURE__ */ new Map();
  if (options.serverMajor >= 12 && parsedTargets.some((p) => Array.isArray(p) && p.some(setsNotNull))) {
    for (const m of typeof before === "function" ? before() : before) {
      for (const sql of m.sql === null ? [] : answeringParts(m.sql)) {
        const parsed = await parse(sql);
        if (Array.isArray(parsed)) for (const s of parsed) observe(s, /* @__PURE__ */ new Set(), notNullChecks, pendingChecks);
      }
    }
  }
  const findings = [];
  const skipped = [];
  const linted = [];
  for (const [i, m] of targets.entries()) {
    const parsed = parsedTargets[i];
    if (m.sql === null || !parsed) {
      skipped.push(m.name);
      continue;
    }
    linted.push(m.name);
    const allowed = allowedRules(m.sql);
    for (const [rule, line] of allowed) {
      if (!ruleNames.includes(rule)) findings.push({ rule: "allow", severity: "warning", line, message: `-- db-migrate: allow names '${rule}', which is not a lint rule: use one of ${ruleNames.join(", ")}`, migration: m.name, file: m.file });
    }
    if (!Array.isArray(parsed)) {
      findings.push({ rule: "syntax", severity: "error", line: parsed.line, message: `PostgreSQL cannot parse this file: ${parsed.message}`, migration: m.name, file: m.file });
      continue;
    }
    const created = /* @__PURE__ */ new Set();
    let lockTimeoutReported = false;
    let lockTimeout = options.lockTimeout;
    for (const statement of parsed) {
      const context = { serverMajor: options.serverMajor, inTransaction: m.inTransaction, created, lockTimeout, notNullChecks };
      for (const rule of rules) {
        if (options.disabled.has(rule.name) || allowed.has(rule.name)) continue;
        if (rule.name === "lock-timeout" && lockTimeoutReported) continue;
        for (const message of rule.check(statement, context)) {
          if (rule.name === "lock-timeout") lockTimeoutReported = true;
          findings.push({ rule: rule.name, severity: rule.severity, line: statement.line, message, migration: m.name, file: m.file });
        }
      }
      const seen = observe(statement, created, notNullChecks, pendingChecks);
      if (seen.lockTimeout !== void 0) lockTimeout = seen.lockTimeout || options.lockTimeout;
    }
  }
  return {
    findings,
    errors: findings.filter((f) => f.severity === "error").length,
    warnings: findings.filter((f) => f.severity === "warning").length,
    linted,
    skipped,
    serverMajor: options.serverMajor
  };
}
async function parsedOnce(sql, cache) {
  const known = cache?.get(sql);
  if (known) return known;
  const parsed = await parseSql(sql);
  cache?.put(sql, parsed);
  return parsed;
}
function mayAnswer(sql) {
  return /check[\s\S]*null/i.test(sql) || /validate/i.test(sql);
}
function answeringParts(sql) {
  if (!mayAnswer(sql)) return [];
  const statements = splitStatements(sql);
  return statements ? statements.map((s) => s.text).filter(mayAnswer) : [sql];
}

// src/lint/module-sql.ts
function moduleUpSql(source) {
  const start = /export\s+(?:async\s+)?function\s+up\b|export\s+const\s+up\b/.exec(source);
  if (!start) return null;
  const rest = source.slice(start.index + start[0].length);
  const next = /\nexport\s/.exec(rest);
  const end = start.index + start[0].length + (next ? next.index : rest.length);
  const lines = source.split("\n").map(() => "");
  const lineAt = (offset) => source.slice(0, offset).split("\n").length - 1;
  let found = false;
  const call = /\.query\(\s*(`(?:[^`\\$]|\\.|\$(?!\{))*`|'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")\s*[,)]/g;
  call.lastIndex = start.index;
  for (let m = call.exec(source); m && m.index < end; m = call.exec(source)) {
    const literal = m[1];
    const at = lineAt(m.index + m[0].indexOf(literal));
    const body = literal.slice(1, -1).replace(/\\(.)/g, "$1").split("\n");
    body.forEach((text, i) => lines[at + i] = `${lines[at + i] ? `${lines[at + i]} ` : ""}${text}`);
    lines[at + body.length - 1] += ";";
    found = true;
  }
  for (const m of source.matchAll(/\/\/\s*(db-migrate:\s*allow\s+[a-z0-9_,\t -]+)/gi)) {
    const at = lineAt(m.index);
    lines[at] = `${lines[at] ? `${lines[at]} ` : ""}-- ${m[1]}`;
  }
  return found ? lines.join("\n") : null;
}
function moduleOptsOut(source) {
  return /export\s+const\s+transaction\s*=\s*false\b/.test(source);
}

// src/lint/parse-cache.ts
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
var parserVersion = "18.1.5";
var parsedLimit = 2e3;
function parseCacheIn(dir) {
  const fileOf = (sql) => join(dir, `${createHash("sha256").update(`${parserVersion}\0${version}\0${sql}`).digest("hex")}.json`);
  return {
    get(sql) {
      try {
        return JSON.parse(readFileSync(fileOf(sql), "utf8"));
      } catch {
        return void 0;
      }
    },
    put(sql, parsed) {
      const file = fileOf(sql);
      const partial = `${file}.${process.pid}.partial`;
      try {
        ensureDir(dir);
        writeFileSync(partial, JSON.stringify(parsed));
        renameSync(partial, file);
        prune(dir);
      } catch {
        rmSync(partial, { force: true });
      }
    }
  };
}
function prune(dir) {
  const names = readdirSync(dir);
  if (names.length <= parsedLimit) return;
  const byAge = names.map((name) => ({ name, at: mtimeOf(join(dir, name)) })).sort((a, b) => a.at - b.at);
  for (const { name } of byAge.slice(0, byAge.length - parsedLimit / 2)) rmSync(join(dir, name), { force: true });
}
function mtimeOf(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

// src/commands/lint.ts
async function lint(config, serverUrl, names, files = listMigrations(config.migrationsDir, config.cwd, config.migrationsIgnore)) {
  const wanted = new Set(names);
  const first = files.findIndex((f) => wanted.has(f.name));
  return lintMigrations(
    files.filter((f) => wanted.has(f.name)).map((f) => lintInput(f, config)),
    { serverMajor: await serverMajor(serverUrl), disabled: config.lintDisabled, lockTimeout: config.lockTimeoutMs !== null && config.lockTimeoutMs > 0, ...parsedKept(config) },
    () => first < 0 ? [] : files.slice(0, first).map((f) => lintInput(f, config))
  );
}
function addedMigrations(config, log, files = listMigrations(config.migrationsDir, config.cwd, config.migrationsIgnore)) {
  if (config.all) return files.map((f) => f.name);
  const atBase = config.baseRef ? namesAtBase(config, config.baseRef) : void 0;
  if (atBase) return files.filter((f) => !atBase.has(basename(f.path))).map((f) => f.name);
  if (config.baseRef) log.warn(`cannot read branch ${config.baseRef} from git (check out with fetch-depth: 0): checking only the newest migration`);
  return files.slice(-1).map((f) => f.name);
}
function namesAtBase(config, baseRef) {
  const git = (...args) => execFileSync("git", args, { cwd: config.migrationsDir, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  for (const ref of [`origin/${baseRef}`, baseRef]) {
    try {
      const base = git("merge-base", "HEAD", ref);
      return new Set(git("ls-tree", "--name-only", base, "--", ".").split("\n").filter(Boolean).map((p) => basename(p)));
    } catch {
    }
  }
  return void 0;
}
function parsedKept(config) {
  if (config.command !== "check" || config.noCache) return {};
  return { parsed: parseCacheIn(join2(checkCacheRoot(config.checkCache), "parsed")) };
}
function lintInput(file, config) {
  const text = readSqlFile(file.path);
  const shown = displayPath(file.path, config.cwd);
  if (file.kind === "module") return { name: file.name, file: shown, sql: moduleUpSql(text), inTransaction: !moduleOptsOut(text) };
  return { name: file.name, file: shown, sql: text, inTransaction: !optsOutOfTransaction(text) };
}
async function serverMajor(url) {
  const client = await connect(url);
  try {
    const { rows } = await client.query("SELECT current_setting('server_version_num') AS v");
    return Math.floor(Number(rows[0].v) / 1e4);
  } finally {
    await client.end().catch(() => {
    });
  }
}

export {
  lint,
  addedMigrations
};
