import { createRequire as __dbMigrateCreateRequire } from 'node:module'; const require = __dbMigrateCreateRequire(import.meta.url); import { fileURLToPath as __dbMigrateFileURLToPath } from 'node:url'; const __dbMigrateDir = __dbMigrateFileURLToPath(new URL('./', import.meta.url));
import {
  PortTaken,
  alive,
  findBinaries,
  freePort,
  isPostgres,
  launch,
  prepareCluster,
  readPid
} from "./chunk-6JZNDZFS.js";
import "./chunk-BFVRO7RW.js";
import {
  cacheRoot,
  canReach,
  ensureDir,
  serverUser
} from "./chunk-FH2UCXWC.js";
import {
  errorMessage
} from "./chunk-CL6XV7EK.js";
import "./chunk-64I5SS2G.js";

// src/provision/check-cluster.ts
import { existsSync, readFileSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
async function startCheckCluster(options) {
  const user = serverUser();
  let root;
  try {
    root = ensureDir(options.root);
  } catch (error) {
    options.warn(`the check cache ${options.root} cannot be used (${errorMessage(error)}): replaying every migration on a throwaway server`);
    return null;
  }
  const binaries = await findBinaries({ source: options.source, cwd: options.cwd, user, log: options.log, memo: join(root, "binaries.json") });
  let dir;
  try {
    dir = ensureDir(join(root, clusterName(binaries, user)));
  } catch (error) {
    options.warn(`the check cache ${options.root} cannot be used (${errorMessage(error)}): replaying every migration on a throwaway server`);
    return null;
  }
  if (!canReach(join(dir, "data"), user)) {
    options.warn(`the check cache ${dir} cannot be used: ${user?.name}, the account the server runs as when we are root, cannot reach it (make it and its parents world-searchable); replaying every migration on a throwaway server`);
    return null;
  }
  const lock = join(dir, "lock");
  if (!takeLock(lock)) {
    options.log(`another check holds the check cache ${dir}: replaying on a throwaway server`);
    return null;
  }
  try {
    const server = await startIn(dir, binaries, user, options).catch(async (error) => {
      options.warn(`the check cache ${dir} is unreadable (${errorMessage(error).split("\n")[0]}): starting it afresh, so every migration is replayed`);
      rmSync(join(dir, "data"), { recursive: true, force: true });
      return startIn(dir, binaries, user, options);
    });
    return {
      ...server,
      stop: async () => {
        try {
          await server.stop();
        } finally {
          releaseLock(lock);
        }
      }
    };
  } catch (error) {
    releaseLock(lock);
    options.warn(`the check cache ${dir} cannot be used (${errorMessage(error).split("\n")[0]}): replaying every migration on a throwaway server`);
    return null;
  }
}
function clusterName(binaries, user) {
  return `pg${binaries.version}-${process.platform}-${process.arch}-${user?.uid ?? process.getuid?.() ?? 0}`;
}
async function startIn(dir, binaries, user, options) {
  const dataDir = join(dir, "data");
  if (!existsSync(join(dataDir, "PG_VERSION"))) {
    rmSync(dataDir, { recursive: true, force: true });
    await prepareCluster(binaries, user, cacheRoot(user), dataDir, options.log);
  }
  clearStalePid(dataDir);
  for (let attempt = 1; ; attempt++) {
    try {
      return await launch({ binaries, user, runDir: dir, dataDir, port: await freePort(), detached: false, keep: true, onSpawn: options.onSpawn });
    } catch (error) {
      if (!(error instanceof PortTaken) || attempt >= 5) throw error;
    }
  }
}
function clearStalePid(dataDir) {
  const file = join(dataDir, "postmaster.pid");
  const pid = readPid(file);
  if (pid === null) return;
  if (alive(pid) && isPostgres(pid)) {
    try {
      process.kill(pid, "SIGQUIT");
    } catch {
    }
    const deadline = Date.now() + 1e4;
    const sleeper = new Int32Array(new SharedArrayBuffer(4));
    while (existsSync(file) && Date.now() < deadline) Atomics.wait(sleeper, 0, 0, 10);
  }
  rmSync(file, { force: true });
}
function takeLock(file) {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, String(process.pid), { flag: "wx" });
      if (attempt === 0) return true;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
      return readPid(file) === process.pid;
    } catch (error) {
      if (error.code !== "EEXIST") throw error;
    }
    const owner = readPid(file);
    if (owner !== null && owner !== process.pid && alive(owner)) return false;
    rmSync(file, { force: true });
  }
  return false;
}
function releaseLock(file) {
  try {
    if (readFileSync(file, "utf8") === String(process.pid)) unlinkSync(file);
  } catch {
  }
}
export {
  startCheckCluster
};
