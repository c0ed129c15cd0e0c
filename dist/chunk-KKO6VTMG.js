import { createRequire as __dbMigrateCreateRequire } from 'node:module'; const require = __dbMigrateCreateRequire(import.meta.url); import { fileURLToPath as __dbMigrateFileURLToPath } from 'node:url'; const __dbMigrateDir = __dbMigrateFileURLToPath(new URL('./', import.meta.url));
import {
  HistoryError
} from "./chunk-CL6XV7EK.js";

// src/runtime/files.ts
import { existsSync, readdirSync, readFileSync as readFileSync2, statSync } from "node:fs";
import { join, relative, sep } from "node:path";

// src/runtime/file-reads.ts
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
function readMigrationFile(path) {
  const text = readFileSync(path, "utf8");
  if (!text.includes("\uFFFD")) return { text, checksum: checksumOfText(text) };
  const bytes = readFileSync(path);
  return { text: bytes.toString("utf8"), checksum: checksumOf(bytes), bytes };
}
function checksumOfText(text) {
  return createHash("sha256").update(text.includes("\r") ? text.replace(/\r\n/g, "\n") : text, "utf8").digest("hex");
}
function checksumOf(bytes) {
  if (!bytes.includes(13)) return createHash("sha256").update(bytes).digest("hex");
  return createHash("sha256").update(bytes.toString("latin1").replace(/\r\n/g, "\n"), "latin1").digest("hex");
}

// src/runtime/glob.ts
function globToRegExp(glob) {
  let out = "";
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === "*") out += glob[i + 1] === "*" ? (i++, ".*") : "[^/]*";
    else if (c === "?") out += "[^/]";
    else if (c === "{") out += "(?:";
    else if (c === "}") out += ")";
    else if (c === "," && out.includes("(?:")) out += "|";
    else out += c.replace(/[.+^$()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${out}$`);
}
var compiled = /* @__PURE__ */ new Map();
function matchesAny(name, globs) {
  return globs.some((g) => {
    let re = compiled.get(g);
    if (!re) compiled.set(g, re = globToRegExp(g));
    return re.test(name);
  });
}

// src/runtime/files.ts
var moduleExtension = /\.(ts|mts|cts|js|mjs|cjs)$/;
var downSuffix = ".down.sql";
function listMigrations(dir, cwd, ignore) {
  if (!existsSync(dir)) {
    throw new HistoryError("migrations_dir", `migrations folder ${displayPath(dir, cwd)} does not exist: create it with \`db-migrate init\` or set migrations to the right folder`);
  }
  if (!statSync(dir).isDirectory()) {
    throw new HistoryError("migrations_dir", `the migrations setting (--migrations) names ${displayPath(dir, cwd)}, which is a file: set it to the folder that holds the migrations`);
  }
  const entries = readdirSync(dir, { withFileTypes: true }).filter((e) => !e.name.startsWith(".") && !matchesAny(e.name, ignore) && isFile(e, dir, cwd)).map((e) => e.name);
  const names = new Set(entries);
  const found = /* @__PURE__ */ new Map();
  for (const entry of entries) {
    let migration;
    if (entry.endsWith(downSuffix)) {
      const name = entry.slice(0, -downSuffix.length);
      if (!names.has(`${name}.sql`)) {
        throw new HistoryError("orphan_down", `${displayPath(join(dir, entry), cwd)} has no ${name}.sql beside it: rename it or add the up migration`, join(dir, entry));
      }
    } else if (entry.endsWith(".sql")) {
      const name = entry.slice(0, -".sql".length);
      const downPath = names.has(`${name}${downSuffix}`) ? join(dir, `${name}${downSuffix}`) : null;
      if (downPath) assertUtf8(readMigrationFile(downPath), downPath, cwd);
      const read = readMigrationFile(join(dir, entry));
      migration = { name, kind: "sql", path: join(dir, entry), downPath, checksum: read.checksum };
      assertUtf8(read, migration.path, cwd);
    } else if (moduleExtension.test(entry) && !/\.d\.[cm]?ts$/.test(entry)) {
      const name = entry.replace(moduleExtension, "");
      migration = { name, kind: "module", path: join(dir, entry), downPath: null, checksum: checksumFile(join(dir, entry)) };
    }
    if (!migration) continue;
    const other = found.get(migration.name);
    if (other) {
      throw new HistoryError("duplicate_migration", `two migrations are named ${migration.name} (${displayPath(other.path, cwd)} and ${displayPath(migration.path, cwd)}): keep one`, migration.path);
    }
    found.set(migration.name, migration);
  }
  return [...found.values()].sort((a, b) => compareNames(a.name, b.name));
}
function isFile(entry, dir, cwd) {
  if (!entry.isSymbolicLink()) return entry.isFile();
  const path = join(dir, entry.name);
  try {
    return statSync(path).isFile();
  } catch {
    throw new HistoryError("dangling_symlink", `${displayPath(path, cwd)} is a symbolic link to nothing: point it at the migration file or remove it`, path);
  }
}
function readSqlFile(path) {
  return readFileSync2(path, "utf8").replace(/^\uFEFF/, "");
}
function assertUtf8({ bytes, text }, path, cwd) {
  if (!bytes) return;
  for (let at = text.indexOf("\uFFFD"); at !== -1; at = text.indexOf("\uFFFD", at + 1)) {
    const offset = Buffer.byteLength(text.slice(0, at));
    if (bytes[offset] === 239 && bytes[offset + 1] === 191 && bytes[offset + 2] === 189) continue;
    const line = text.slice(0, at).split("\n").length;
    const byte = `0x${bytes[offset].toString(16).padStart(2, "0")}`;
    throw new HistoryError("not_utf8", `${displayPath(path, cwd)}:${line} is not UTF-8 (byte ${byte}): save the file as UTF-8; nothing was applied`, path);
  }
}
function compareNames(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
function checksumFile(path) {
  return readMigrationFile(path).checksum;
}
function displayPath(path, cwd) {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith("..") ? rel.split(sep).join("/") : path;
}

export {
  listMigrations,
  readSqlFile,
  compareNames,
  displayPath
};
