import { createRequire as __dbMigrateCreateRequire } from 'node:module'; const require = __dbMigrateCreateRequire(import.meta.url); import { fileURLToPath as __dbMigrateFileURLToPath } from 'node:url'; const __dbMigrateDir = __dbMigrateFileURLToPath(new URL('./', import.meta.url));
import {
  ConfigError
} from "./chunk-CL6XV7EK.js";

// src/config/url.ts
var secretParameters = ["password", "sslpassword"];
function parseDatabaseUrl(url, setting) {
  let parsed;
  try {
    parsed = new URL(url.trim());
  } catch {
    throw new ConfigError(setting, `${setting} is not a valid URL: expected postgresql://user:password@host:5432/database`);
  }
  if (parsed.protocol !== "postgres:" && parsed.protocol !== "postgresql:") {
    throw new ConfigError(setting, `${setting} must start with postgresql:// (it starts with ${parsed.protocol}//)`);
  }
  const decode = (part, what) => {
    try {
      return decodeURIComponent(part);
    } catch {
      throw new ConfigError(setting, `${setting} has a malformed %-escape in its ${what}: write % as %25 and other special characters percent-encoded (encodeURIComponent)`);
    }
  };
  const socketHost = parsed.searchParams.get("host");
  const host = decode(parsed.hostname, "host") || socketHost || "";
  if (!host) throw new ConfigError(setting, `${setting} names no host: expected postgresql://user:password@host:5432/database`);
  const port = parsed.port === "" ? 5432 : Number(parsed.port);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new ConfigError(setting, `${setting} has an invalid port`);
  const database = decode(parsed.pathname.replace(/^\//, ""), "database name");
  if (!database) throw new ConfigError(setting, `${setting} names no database: add one after the host, e.g. postgresql://user@host:5432/app`);
  return {
    url: url.trim(),
    host,
    port,
    database,
    user: decode(parsed.username, "user") || "postgres",
    password: decode(parsed.password, "password"),
    secrets: [decode(parsed.password, "password"), ...secretParameters.map((p) => parsed.searchParams.get(p) ?? "")].filter((s) => s !== "")
  };
}
function urlFromParts(env) {
  const host = env.DB_HOST?.trim();
  if (!host) {
    for (const name2 of ["DB_PORT", "DB_NAME", "DB_USER", "DB_PASS"]) {
      if (env[name2]?.trim()) throw new ConfigError("DB_HOST", `${name2} is set but DB_HOST is not: set DB_HOST too, or use DATABASE_URL`);
    }
    return null;
  }
  const port = env.DB_PORT?.trim() || "5432";
  if (!/^\d+$/.test(port) || Number(port) < 1 || Number(port) > 65535) {
    throw new ConfigError("DB_PORT", `DB_PORT must be a port number between 1 and 65535`);
  }
  const name = env.DB_NAME?.trim();
  if (!name) throw new ConfigError("DB_NAME", "DB_NAME is not set: name the database to migrate (DB_HOST is set)");
  const user = env.DB_USER?.trim() || "postgres";
  const pass = env.DB_PASS ?? "";
  const auth = encodeURIComponent(user) + (pass ? `:${encodeURIComponent(pass)}` : "");
  const hostPart = host.includes(":") && !host.startsWith("[") ? `[${host}]` : host;
  return `postgresql://${auth}@${hostPart}:${port}/${encodeURIComponent(name)}`;
}
function redactUrl(url) {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    for (const name of secretParameters) if (parsed.searchParams.has(name)) parsed.searchParams.set(name, "***");
    return parsed.toString();
  } catch {
    return "<database url>";
  }
}
function withDatabase(url, database) {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

export {
  parseDatabaseUrl,
  urlFromParts,
  redactUrl,
  withDatabase
};
