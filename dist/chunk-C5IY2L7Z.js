import { createRequire as __dbMigrateCreateRequire } from 'node:module'; const require = __dbMigrateCreateRequire(import.meta.url); import { fileURLToPath as __dbMigrateFileURLToPath } from 'node:url'; const __dbMigrateDir = __dbMigrateFileURLToPath(new URL('./', import.meta.url));
import {
  addedMigrations,
  lint
} from "./chunk-UX3WRYJU.js";
import {
  risk
} from "./chunk-ROPOZ7SY.js";
import {
  buildModels,
  explainDrift
} from "./chunk-JIXFZS7P.js";
import {
  createScratchDatabase,
  filterSchema,
  introspect,
  replay
} from "./chunk-DZ2X2OPK.js";
import {
  migrate
} from "./chunk-ZRRKR2HX.js";
import {
  displayPath,
  listMigrations
} from "./chunk-KKO6VTMG.js";
import {
  loadModelSource
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
  AppError,
  errorMessage
} from "./chunk-CL6XV7EK.js";

// src/commands/check.ts
import { existsSync } from "node:fs";

// src/log.ts
var silentLog = { info: () => {
}, warn: () => {
} };

// src/commands/reversible.ts
async function checkReversible(config, serverUrl, names) {
  const files = listMigrations(config.migrationsDir, config.cwd, config.migrationsIgnore);
  const wanted = new Set(names);
  let db = await createScratchDatabase(serverUrl, "db_migrate_check_reversible");
  const run = (revision, direction) => migrate({ ...config, revision, dryRun: false, sql: false }, db.url, silentLog, direction);
  const checked = [];
  const irreversible = [];
  try {
    for (let i = 0; i < files.length; i++) {
      const file = files[i];
      if (!wanted.has(file.name)) {
        await run(file.name, "up");
        continue;
      }
      checked.push(file.name);
      const shown = displayPath(file.downPath ?? file.path, config.cwd);
      const before = await schemaOf(db.url, config);
      await run(file.name, "up");
      const afterUp = await schemaOf(db.url, config);
      try {
        await run(i === 0 ? "base" : files[i - 1].name, "down");
      } catch (error) {
        const noDown = error instanceof AppError && error.code === "no_down";
        irreversible.push({ migration: file.name, file: shown, problem: noDown ? "no_down" : "fails", leftBehind: [], ...noDown ? {} : { error: errorMessage(error) } });
        continue;
      }
      const afterDown = await schemaOf(db.url, config);
      const left = compare(before, afterDown);
      if (left.length) {
        const empty = compare(afterUp, afterDown).length === 0;
        irreversible.push({ migration: file.name, file: shown, problem: empty ? "empty" : "partial", leftBehind: left.map(leftBehind) });
        await db.drop();
        db = await createScratchDatabase(serverUrl, "db_migrate_check_reversible");
      }
      await run(file.name, "up");
    }
  } finally {
    await db.drop().catch(() => {
    });
  }
  return { checked, irreversible };
}
async function schemaOf(url, config) {
  const client = await connect(url);
  try {
    return await introspect(client, { exclude: [{ schema: config.historySchema, name: config.historyTable }], privileges: !config.ignorePrivileges, settle: true });
  } finally {
    await client.end().catch(() => {
    });
  }
}
function leftBehind(op) {
  return explainDrift(op).replace("is in the models but no migration creates it", "is left behind").replace("is created by the migrations but is not in the models", "is gone: the down does not restore it").replaceAll(" in the migrations", " before the up").replaceAll(" in the models", " after the down");
}

// src/commands/check.ts
async function check(config, serverUrl, log, options = {}) {
  const files = options.files ?? listMigrations(config.migrationsDir, config.cwd, config.migrationsIgnore);
  let startLint;
  const linting = new Promise((resolve) => startLint = resolve).then(async () => {
    const added2 = addedMigrations(config, log, files);
    return { added: added2, linted: await lint(config, serverUrl, added2, files) };
  });
  linting.catch(() => {
  });
  const { migrated: _m, models: _s, ...result } = await findDrift(config, serverUrl, log, { ...options, files, onWait: startLint });
  startLint();
  const { added, linted } = await linting;
  const reversibility = config.reversible ? await checkReversible(config, serverUrl, added) : void 0;
  return { ...result, lint: linted, ...reversibility ? { reversibility } : {} };
}
async function findDrift(config, serverUrl, log, options = {}) {
  const files = options.files ?? (existsSync(config.migrationsDir) ? listMigrations(config.migrationsDir, config.cwd, config.migrationsIgnore) : null);
  const noMigrations = files ? files.length === 0 : options.allowMissingMigrations === true;
  const cache = { cache: options.snapshots !== void 0 && !config.noCache, ownServer: options.snapshots === "own" };
  const replaying = noMigrations ? Promise.resolve({ schema: emptySchema, count: 0, replay: { replayed: 0, fromCache: 0, cacheKey: null } }) : replay(config, serverUrl, log, { ...cache, onWait: options.onWait }, files ?? void 0);
  replaying.catch(() => {
  });
  const loading = options.models ?? loadModelSource(config);
  loading.catch(() => {
  });
  const [replayed, loadedModels] = await Promise.allSettled([replaying, loading.then((loaded2) => buildModels(loaded2, serverUrl, log, { ...cache, privileges: !config.ignorePrivileges }).then((built2) => ({ loaded: loaded2, built: built2 })))]);
  if (loadedModels.status === "rejected" && await loading.then(() => false, () => true)) throw loadedModels.reason;
  if (replayed.status === "rejected") throw replayed.reason;
  if (loadedModels.status === "rejected") throw loadedModels.reason;
  const { loaded, built } = loadedModels.value;
  const { schema: migrated, count } = replayed.value;
  const replaySummary = { ...replayed.value.replay, modelsCached: built.cached };
  const models = built.schema;
  const operations = compare(filterSchema(migrated, config.schemaScope), filterSchema(models, config.schemaScope), { columnOrder: config.columnOrder, ignoreExtensionVersions: config.ignoreExtensionVersions });
  const rendered = renderSql(operations);
  const result = {
    drift: operations.length > 0,
    operations,
    statements: rendered.map((r) => r.sql),
    rendered,
    explanations: operations.map(explainDrift),
    risky: riskyOperations(operations, rendered),
    modelsFile: loaded.file,
    migrations: count,
    replay: replaySummary,
    migrated,
    models
  };
  await replayed.value.settled;
  const { replayed: n, fromCache } = replaySummary;
  log.info(`Replayed ${n} migration${n === 1 ? "" : "s"}, ${fromCache > 0 ? `on the cached snapshot of the first ${fromCache}` : "from an empty database"}.${replaySummary.modelsCached ? " The models: a cached build of the same models." : ""}`);
  return result;
}
function riskyOperations(operations, rendered) {
  return operations.flatMap((operation) => {
    const r = risk(operation);
    if (!r) return [];
    const statements = rendered.filter((s) => s.op === operation).map((s) => s.sql);
    return [{ operation, reason: r.reason, explanation: explainDrift(operation), statements }];
  });
}

export {
  check,
  findDrift
};
