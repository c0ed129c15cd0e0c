import { createRequire as __dbMigrateCreateRequire } from 'node:module'; const require = __dbMigrateCreateRequire(import.meta.url); import { fileURLToPath as __dbMigrateFileURLToPath } from 'node:url'; const __dbMigrateDir = __dbMigrateFileURLToPath(new URL('./', import.meta.url));
import {
  ProvisionError,
  errorMessage
} from "./chunk-CL6XV7EK.js";

// src/provision/cache.ts
import { accessSync, chmodSync, constants, mkdirSync, statfsSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { join } from "node:path";

// src/provision/server-user.ts
import { readFileSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
function serverUser(passwdFile = "/etc/passwd") {
  if (process.getuid?.() !== 0) return null;
  let entries = [];
  try {
    entries = readFileSync(passwdFile, "utf8").split("\n").flatMap((line) => {
      const [name, , uid, gid] = line.split(":");
      return name && uid && gid ? [{ name, uid: Number(uid), gid: Number(gid) }] : [];
    });
  } catch {
  }
  return entries.find((e) => e.name === "postgres") ?? entries.find((e) => e.name === "nobody") ?? { name: "nobody", uid: 65534, gid: 65534 };
}
function canReach(path, user) {
  if (!user) return true;
  let current = resolve(path);
  let self = true;
  for (; ; ) {
    let stat;
    try {
      stat = statSync(current);
    } catch {
    }
    if (stat) {
      const bits = stat.uid === user.uid ? stat.mode >> 6 & 7 : stat.gid === user.gid ? stat.mode >> 3 & 7 : stat.mode & 7;
      const needed = self ? stat.isDirectory() ? 5 : 4 : 1;
      if ((bits & needed) !== needed) return false;
    }
    self = false;
    const parent = dirname(current);
    if (parent === current) return true;
    current = parent;
  }
}

// src/provision/cache.ts
function cacheRoot(user, env = process.env) {
  const preferred = env.DB_MIGRATE_CACHE || env.RUNNER_TOOL_CACHE && join(env.RUNNER_TOOL_CACHE, "db-migrate") || join(env.XDG_CACHE_HOME || join(homedir(), ".cache"), "db-migrate");
  if (canReach(preferred, user)) return preferred;
  const shared = process.platform !== "win32" && isWritableDir("/var/tmp") ? "/var/tmp" : tmpdir();
  return join(shared, "db-migrate-cache");
}
function checkCacheRoot(setting, env = process.env) {
  if (setting) return setting;
  const parent = runParent(env);
  if (parent === "/dev/shm") return join(parent, `db-migrate-check-${process.getuid?.() ?? 0}`);
  return join(cacheRoot(serverUser(), env), "check");
}
function isWritableDir(path) {
  try {
    accessSync(path, constants.W_OK | constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
function ensureDir(path) {
  try {
    if (mkdirSync(path, { recursive: true, mode: 493 })) chmodSync(path, 493);
  } catch (error) {
    throw new ProvisionError(`cannot create ${path} (${error.code ?? errorMessage(error)}): set DB_MIGRATE_CACHE to a writable directory`, { cause: error });
  }
  return path;
}
function runParent(env = process.env) {
  if (env.DB_MIGRATE_TMPDIR) return env.DB_MIGRATE_TMPDIR;
  if (process.platform === "linux") {
    try {
      const { bavail, bsize } = statfsSync("/dev/shm");
      accessSync("/dev/shm", constants.W_OK);
      if (bavail * bsize >= 1024 ** 3) return "/dev/shm";
    } catch {
    }
  }
  return tmpdir();
}

export {
  serverUser,
  canReach,
  cacheRoot,
  checkCacheRoot,
  ensureDir,
  runParent
};
