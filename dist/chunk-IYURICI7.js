import { createRequire as __dbMigrateCreateRequire } from 'node:module'; const require = __dbMigrateCreateRequire(import.meta.url); import { fileURLToPath as __dbMigrateFileURLToPath } from 'node:url'; const __dbMigrateDir = __dbMigrateFileURLToPath(new URL('./', import.meta.url));
import {
  buildInto,
  explainDrift
} from "./chunk-JIXFZS7P.js";
import {
  createScratchDatabase,
  filterSchema,
  introspect,
  replayMigrations
} from "./chunk-DZ2X2OPK.js";
import {
  readHistory
} from "./chunk-ZRRKR2HX.js";
import {
  displayPath,
  listMigrations
} from "./chunk-KKO6VTMG.js";
import {
  provisionDatabase
} from "./chunk-SSKBFOGD.js";
import {
  loadModelSource,
  sqlSource
} from "./chunk-M67BW4ZU.js";
import {
  compare,
  renderSql
} from "./chunk-5A66NMWR.js";
import {
  emptySchema
} from "./chunk-WXLEUHMA.js";
import {
  connect
} from "./chunk-SV6MCVPL.js";
import {
  parseDatabaseUrl,
  redactUrl
} from "./chunk-BFVRO7RW.js";
import {
  ConfigError,
  ModelError
} from "./chunk-CL6XV7EK.js";

// src/ops/explain-between.ts
function explainBetween(op, from, to) {
  return explainDrift(op).replace(/ (is|are) in the models but no migration (creates|adds) (it|them)$/, ` $1 in ${to} but not in ${from}`).replace(/ (is|are) created by the migrations but (is )?not in the models$/, ` $1 in ${from} but not in ${to}`).replace(/ in the migrations\b/g, ` in ${from}`).replace(/ in the models\b/g, ` in ${to}`);
}

// src/commands/sides.ts
import { existsSync, readdirSync, statSync } from "node:fs";
import { isAbsolute, resolve } from "node:path";
var prefixes = ["migrations", "models", "sql"];
function resolveSide(text, which, config) {
  const setting = `diff <${which}>`;
  if (/^postgres(ql)?:\/\//i.test(text)) {
    const url = parseDatabaseUrl(text, setting);
    return { kind: "database", shown: redactUrl(url.url), location: url.url };
  }
  const prefix = prefixes.find((p) => text.startsWith(`${p}:`));
  const pathText = prefix ? text.slice(prefix.length + 1) : text;
  const path = isAbsolute(pathText) ? pathText : resolve(config.cwd, pathText);
  const shown = displayPath(path, config.cwd);
  if (!existsSync(path)) {
    throw new ConfigError(which, `${setting} '${shown}' is neither a postgresql:// URL nor an existing file or folder: give a database URL, a migrations folder, a models file or a .sql file`);
  }
  if (prefix) return { kind: prefix, shown, location: path };
  if (statSync(path).isDirectory()) {
    const names = readdirSync(path);
    const kind = names.some((n) => /^index\.[cm]?[jt]s$/.test(n)) ? "models" : "migrations";
    return { kind, shown, location: path };
  }
  return { kind: path.endsWith(".sql") ? "sql" : "models", shown, location: path };
}
async function readSide(side, config, log, scratch) {
  const exclude = [{ schema: config.historySchema, name: config.historyTable }];
  switch (side.kind) {
    case "database":
      return readDatabase(side.location, config, exclude);
    case "migrations": {
      const empty = listMigrations(side.location, config.cwd, config.migrationsIgnore).length === 0;
      if (empty) return { schema: emptySchema, history: [] };
      const url = await scratch("db_migrate_diff_migrations");
      return { schema: (await replayMigrations({ ...config, migrationsDir: side.location }, url, log)).schema, history: [] };
    }
    case "models": {
      const source = await loadModelSource({ modelsPath: side.location, modelsNamed: true, modelsKind: config.modelsKind, cwd: config.cwd });
      return { schema: await buildInto(source, await scratch("db_migrate_diff_models"), !config.ignorePrivileges), history: [] };
    }
    case "sql": {
      const url = await scratch("db_migrate_diff_sql");
      try {
        return { schema: await buildInto(sqlSource(side.location, side.shown), url, !config.ignorePrivileges), history: [] };
      } catch (error) {
        if (error instanceof ModelError) throw new ModelError(error.message.replace(/^models (file|folder) /, "SQL file "), error.file, { cause: error });
        throw error;
      }
    }
  }
}
async function readDatabase(url, config, exclude) {
  const client = await connect(url, { connectTimeoutMs: config.connectTimeoutMs, applicationName: "db-migrate diff" });
  try {
    await client.query("BEGIN TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY");
    await client.query(`SET LOCAL lock_timeout = '${config.lockWaitMs}ms'`);
    const history = await readHistory(client, { schema: config.historySchema, table: config.historyTable });
    const schema = await introspect(client, { exclude, privileges: !config.ignorePrivileges });
    await client.query("ROLLBACK");
    return { schema, history };
  } finally {
    await client.end().catch(() => {
    });
  }
}

// src/commands/diff.ts
async function diff(config, log) {
  const [fromText, toText] = config.diffSides;
  const from = resolveSide(fromText, "from", config);
  const to = resolveSide(toText, "to", config);
  const scratch = new ScratchServer(config, log);
  try {
    const [a, b] = await Promise.allSettled([readSide(from, config, log, scratch.database), readSide(to, config, log, scratch.database)]);
    if (a.status === "rejected") throw a.reason;
    if (b.status === "rejected") throw b.reason;
    const result = difference(from, to, a.value.schema, b.value.schema, config);
    log.info(result.same ? `${from.shown} and ${to.shown} hold the same schema` : `${result.operations.length} operation(s) turn ${from.shown} into ${to.shown}`);
    return result;
  } finally {
    await scratch.release();
  }
}
function difference(from, to, a, b, config, words = { from: from.shown, to: to.shown }) {
  const operations = compare(filterSchema(a, config.schemaScope), filterSchema(b, config.schemaScope), { columnOrder: config.columnOrder, ignoreExtensionVersions: config.ignoreExtensionVersions });
  const rendered = renderSql(operations);
  return {
    from: { kind: from.kind, shown: from.shown },
    to: { kind: to.kind, shown: to.shown },
    same: operations.length === 0,
    operations,
    statements: rendered.map((r) => r.sql),
    rendered,
    explanations: operations.map((op) => explainBetween(op, words.from, words.to))
  };
}
var ScratchServer = class {
  constructor(config, log) {
    this.config = config;
    this.log = log;
  }
  server;
  made = [];
  database = async (prefix) => {
    this.server ??= provisionDatabase(this.config, this.log, { role: "shadow" });
    const server = await this.server;
    const made = createScratchDatabase(server.url, prefix);
    this.made.push(made);
    return (await made).url;
  };
  async release() {
    await Promise.all(this.made.map((m) => m.then((db) => db.drop()).catch(() => {
    })));
    if (this.server) await this.server.then((s) => s.release()).catch(() => {
    });
  }
};

export {
  readDatabase,
  diff,
  difference,
  ScratchServer
};
