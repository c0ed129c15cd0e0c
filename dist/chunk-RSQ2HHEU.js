import { createRequire as __dbMigrateCreateRequire } from 'node:module'; const require = __dbMigrateCreateRequire(import.meta.url); import { fileURLToPath as __dbMigrateFileURLToPath } from 'node:url'; const __dbMigrateDir = __dbMigrateFileURLToPath(new URL('./', import.meta.url));

// src/loader/import.ts
import { register } from "node:module";
import { existsSync, realpathSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { MessageChannel } from "node:worker_threads";

// src/loader/transform-cache.ts
import { homedir } from "node:os";
import { join } from "node:path";
var cachedFrom = 64 * 1024;
function transformCacheDir(env = process.env) {
  const root = env.DB_MIGRATE_CACHE || env.RUNNER_TOOL_CACHE && join(env.RUNNER_TOOL_CACHE, "db-migrate") || join(env.XDG_CACHE_HOME || join(homedir(), ".cache"), "db-migrate");
  return join(root, "transforms");
}

// src/loader/import.ts
var graph;
var asked = 0;
var waiting = /* @__PURE__ */ new Map();
function hooksUrl() {
  const bundled = new URL("./loader-hooks.js", import.meta.url);
  return existsSync(bundled) ? bundled : new URL("./hooks.ts", import.meta.url);
}
function libUrl() {
  const bundled = new URL("./lib.js", import.meta.url);
  return (existsSync(bundled) ? bundled : new URL("../index.ts", import.meta.url)).href;
}
function registerHooks() {
  if (graph) return;
  const { port1, port2 } = new MessageChannel();
  port1.on("message", (reply) => {
    waiting.get(reply.id)?.(reply.files);
    waiting.delete(reply.id);
    if (waiting.size === 0) port1.unref();
  });
  port1.unref();
  register(hooksUrl(), { data: { libUrl: libUrl(), transformCache: transformCacheDir(), graph: port2 }, transferList: [port2] });
  graph = port1;
}
async function importModule(path, options = {}) {
  registerHooks();
  const url = pathToFileURL(path);
  if (options.fresh) url.searchParams.set("t", String(Date.now()));
  return await import(url.href);
}
async function importedFiles(path) {
  const port = graph;
  if (!port) return null;
  const id = ++asked;
  const files = new Promise((resolve) => waiting.set(id, resolve));
  port.ref();
  port.postMessage({ id, entry: pathToFileURL(realpathSync(path)).href });
  return files;
}

export {
  importModule,
  importedFiles
};
