import { createRequire as __dbMigrateCreateRequire } from 'node:module'; const require = __dbMigrateCreateRequire(import.meta.url); import { fileURLToPath as __dbMigrateFileURLToPath } from 'node:url'; const __dbMigrateDir = __dbMigrateFileURLToPath(new URL('./', import.meta.url));

// src/loader/import.ts
import { register } from "node:module";
import { existsSync } from "node:fs";
import { pathToFileURL } from "node:url";

// src/loader/transform-cache.ts
import { homedir } from "node:os";
import { join } from "node:path";
var cachedFrom = 64 * 1024;
function transformCacheDir(env = process.env) {
  const root = env.DB_MIGRATE_CACHE || env.RUNNER_TOOL_CACHE && join(env.RUNNER_TOOL_CACHE, "db-migrate") || join(env.XDG_CACHE_HOME || join(homedir(), ".cache"), "db-migrate");
  return join(root, "transforms");
}

// src/loader/import.ts
var registered = false;
function hooksUrl() {
  const bundled = new URL("./loader-hooks.js", import.meta.url);
  return existsSync(bundled) ? bundled : new URL("./hooks.ts", import.meta.url);
}
function libUrl() {
  const bundled = new URL("./lib.js", import.meta.url);
  return (existsSync(bundled) ? bundled : new URL("../index.ts", import.meta.url)).href;
}
async function importModule(path, options = {}) {
  if (!registered) {
    register(hooksUrl(), { data: { libUrl: libUrl(), transformCache: transformCacheDir() } });
    registered = true;
  }
  const url = pathToFileURL(path);
  if (options.fresh) url.searchParams.set("t", String(Date.now()));
  return await import(url.href);
}

export {
  importModule
};
