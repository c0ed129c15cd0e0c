import { createRequire as __dbMigrateCreateRequire } from 'node:module'; const require = __dbMigrateCreateRequire(import.meta.url); import { fileURLToPath as __dbMigrateFileURLToPath } from 'node:url'; const __dbMigrateDir = __dbMigrateFileURLToPath(new URL('./', import.meta.url));
import {
  difference,
  readDatabase
} from "./chunk-CJ5ASYDW.js";
import "./chunk-SXNDUBHS.js";
import "./chunk-XNFAXQIB.js";
import {
  createScratchDatabase,
  replayMigrations
} from "./chunk-QBOTGJF4.js";
import {
  currentRevision
} from "./chunk-ZRRKR2HX.js";
import "./chunk-SV5JJJ6D.js";
import {
  displayPath,
  listMigrations
} from "./chunk-KKO6VTMG.js";
import "./chunk-HZP7H3AL.js";
import "./chunk-ACVU6NBM.js";
import "./chunk-5A66NMWR.js";
import "./chunk-AWFUUZIG.js";
import "./chunk-RSQ2HHEU.js";
import "./chunk-EALGPWGH.js";
import "./chunk-4ZVJDT3M.js";
import {
  emptySchema
} from "./chunk-WXLEUHMA.js";
import "./chunk-SV6MCVPL.js";
import "./chunk-5DGH4JCW.js";
import {
  redactUrl
} from "./chunk-BFVRO7RW.js";
import "./chunk-FH2UCXWC.js";
import {
  ConfigError
} from "./chunk-CL6XV7EK.js";
import "./chunk-64I5SS2G.js";

// src/commands/check-database.ts
import { basename } from "node:path";
async function checkDatabase(config, serverUrl, log) {
  if (!config.database) throw new ConfigError("database-url", "check --database-url needs a deployed database, not a throwaway one: name its URL");
  if (config.reversible) throw new ConfigError("reversible", "check --database-url reads a live database and reverts nothing: run check --reversible as a step of its own, without --database-url");
  const shown = redactUrl(config.database.url);
  const exclude = [{ schema: config.historySchema, name: config.historyTable }];
  const live = await readDatabase(config.database.url, config, exclude);
  const files = listMigrations(config.migrationsDir, config.cwd, config.migrationsIgnore);
  const applied = live.history.filter((r) => r.state === "applied").map((r) => r.name);
  const recorded = new Set(live.history.map((r) => r.name));
  const current = currentRevision(applied);
  const pending = files.filter((f) => !recorded.has(f.name)).map((f) => f.name);
  const missingFile = applied.find((name) => !files.some((f) => f.name === name));
  if (missingFile) throw new ConfigError("migrations", `migration ${missingFile} is applied on ${shown} but its file is not in the migrations folder: restore it before checking drift`);
  let expected = { schema: emptySchema, count: 0 };
  if (current !== null) {
    const scratch = await createScratchDatabase(serverUrl, "db_migrate_check_database");
    try {
      const notApplied = files.filter((f) => !applied.includes(f.name)).flatMap((f) => [f.path, ...f.downPath ? [f.downPath] : []].map((p) => basename(p)));
      expected = await replayMigrations({ ...config, migrationsIgnore: [...config.migrationsIgnore, ...notApplied] }, scratch.url, log);
    } finally {
      await scratch.drop().catch(() => {
      });
    }
  }
  const result = difference({ kind: "database", shown }, { kind: "migrations", shown: displayPath(config.migrationsDir, config.cwd) }, live.schema, expected.schema, config, { from: "the database", to: "its migrations" });
  if (pending.length) log.info(`assumed pending (not applied on the database, left out of the comparison): ${pending.join(", ")}`);
  log.info(result.same ? `the database matches its ${expected.count} applied migration(s)` : `the database drifted from its ${expected.count} applied migration(s): ${result.operations.length} operation(s) put it back`);
  return {
    drift: !result.same,
    operations: result.operations,
    statements: result.statements,
    rendered: result.rendered,
    explanations: result.explanations,
    risky: [],
    modelsFile: "",
    migrations: expected.count,
    replay: { replayed: expected.count, fromCache: 0, cacheKey: null },
    live: { database: shown, current, pending }
  };
}
export {
  checkDatabase
};
