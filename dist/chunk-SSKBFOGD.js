import { createRequire as __dbMigrateCreateRequire } from 'node:module'; const require = __dbMigrateCreateRequire(import.meta.url); import { fileURLToPath as __dbMigrateFileURLToPath } from 'node:url'; const __dbMigrateDir = __dbMigrateFileURLToPath(new URL('./', import.meta.url));
import {
  connect,
  waitForConnection
} from "./chunk-SV6MCVPL.js";
import {
  quoteIdent
} from "./chunk-5DGH4JCW.js";
import {
  checkCacheRoot
} from "./chunk-YHMBGRSJ.js";
import {
  withDatabase
} from "./chunk-BFVRO7RW.js";

// src/provision/provision.ts
async function provisionDatabase(config, log, options = {}) {
  const role = options.role ?? "target";
  const given = role === "target" ? config.database : config.shadowDatabase;
  if (given) {
    options.onSpawn?.();
    const client = await waitForConnection(given.url, config.connectTimeoutMs);
    await client.end();
    return { url: given.url, spunUp: null, release: async () => {
    } };
  }
  const detached = (options.keep ?? false) && config.keepDatabase;
  const cached = role === "shadow" && !config.noCache ? await (await import("./chunk-4J5YW2DJ.js")).startCheckCluster({ root: checkCacheRoot(config.checkCache), cwd: config.cwd, source: options.source, log: (m) => log.info(m), warn: (m) => log.warn(m), onSpawn: options.onSpawn }) : null;
  const server = cached ?? await (await import("./chunk-OABSI2IP.js")).startEmbedded({ detached, source: options.source, cwd: config.cwd, log: (message) => log.info(message), onSpawn: options.onSpawn });
  log.info(role === "target" ? `running on a throwaway PostgreSQL ${server.version} started on 127.0.0.1:${server.port} (asked for with embedded), not on a deployed database; ${detached ? "left running for later steps" : "stopped on exit"}` : `started PostgreSQL ${server.version} on 127.0.0.1:${server.port} for scratch databases${cached ? ", with the snapshots cached in " + checkCacheRoot(config.checkCache) : ""}`);
  const database = options.database ?? "postgres";
  try {
    if (database !== "postgres") await createDatabase(server.url, database);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return {
    url: withDatabase(server.url, database),
    spunUp: server,
    release: detached ? async () => {
    } : () => server.stop()
  };
}
async function createDatabase(serverUrl, name) {
  const client = await connect(serverUrl);
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) await client.query(`CREATE DATABASE ${quoteIdent(name)}`);
  } finally {
    await client.end();
  }
}

export {
  provisionDatabase
};
