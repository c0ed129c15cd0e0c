import { createRequire as __dbMigrateCreateRequire } from 'node:module'; const require = __dbMigrateCreateRequire(import.meta.url); import { fileURLToPath as __dbMigrateFileURLToPath } from 'node:url'; const __dbMigrateDir = __dbMigrateFileURLToPath(new URL('./', import.meta.url));
import {
  renderSchemaDdl
} from "./chunk-5A66NMWR.js";
import {
  displayPath,
  importModels,
  keepNewest,
  missing,
  modulePath,
  schemaOf,
  writeWhole
} from "./chunk-TZZRG3TL.js";
import {
  importedFiles
} from "./chunk-RSQ2HHEU.js";
import {
  version
} from "./chunk-EALGPWGH.js";
import {
  queryMany
} from "./chunk-4ZVJDT3M.js";
import {
  connect
} from "./chunk-SV6MCVPL.js";
import {
  checkCacheRoot,
  ensureDir
} from "./chunk-YHMBGRSJ.js";
import {
  ModelError
} from "./chunk-CL6XV7EK.js";

// src/models/sources/find.ts
import { existsSync as existsSync2, readdirSync as readdirSync2, statSync as statSync3 } from "node:fs";
import { join as join3 } from "node:path";

// src/loader/inputs.ts
import { AsyncLocalStorage } from "node:async_hooks";
import fs from "node:fs";
import { createRequire, syncBuiltinESMExports } from "node:module";
import { isAbsolute, resolve } from "node:path";
import { fileURLToPath } from "node:url";
var recording = new AsyncLocalStorage();
var open = 0;
var restore;
async function recordReads(fn) {
  const reads = { env: /* @__PURE__ */ new Map(), envEnumerated: false, files: /* @__PURE__ */ new Set() };
  if (open++ === 0) restore = install();
  try {
    const value = await recording.run(reads, fn);
    return { value, reads };
  } finally {
    if (--open === 0) restore?.();
  }
}
function install() {
  const env = process.env;
  const note = (name) => {
    const reads = recording.getStore();
    if (reads && typeof name === "string" && !reads.env.has(name)) reads.env.set(name, env[name]);
  };
  process.env = new Proxy(env, {
    get: (target, name) => (note(name), Reflect.get(target, name)),
    has: (target, name) => (note(name), Reflect.has(target, name)),
    getOwnPropertyDescriptor: (target, name) => (note(name), Reflect.getOwnPropertyDescriptor(target, name)),
    ownKeys: (target) => {
      const reads = recording.getStore();
      if (reads) reads.envEnumerated = true;
      return Reflect.ownKeys(target);
    }
  });
  const Module = createRequire(import.meta.url)("node:module");
  const load = Module._load;
  Module._load = function(request, parent, isMain) {
    const loaded = load.call(this, request, parent, isMain);
    const reads = recording.getStore();
    if (reads && !request.startsWith("node:") && !Module.builtinModules.includes(request)) {
      try {
        reads.files.add(Module._resolveFilename(request, parent, isMain));
      } catch {
      }
    }
    return loaded;
  };
  const { readFileSync: readFileSync4, readFile } = fs;
  const promisesReadFile = fs.promises.readFile;
  const noteFile = (file) => {
    const reads = recording.getStore();
    const path = typeof file === "string" ? file : file instanceof URL ? file.protocol === "file:" ? fileURLToPath(file) : void 0 : Buffer.isBuffer(file) ? file.toString() : void 0;
    if (reads && path !== void 0) reads.files.add(isAbsolute(path) ? path : resolve(path));
  };
  fs.readFileSync = function(file, ...rest) {
    noteFile(file);
    return readFileSync4.call(this, file, ...rest);
  };
  fs.readFile = function(file, ...rest) {
    noteFile(file);
    return readFile.call(this, file, ...rest);
  };
  fs.promises.readFile = function(file, ...rest) {
    noteFile(file);
    return promisesReadFile.call(this, file, ...rest);
  };
  const installed = { env: process.env, load: Module._load, readFileSync: fs.readFileSync, readFile: fs.readFile, promisesReadFile: fs.promises.readFile };
  syncBuiltinESMExports();
  return () => {
    if (process.env === installed.env) process.env = env;
    if (Module._load === installed.load) Module._load = load;
    if (fs.readFileSync === installed.readFileSync) fs.readFileSync = readFileSync4;
    if (fs.readFile === installed.readFile) fs.readFile = readFile;
    if (fs.promises.readFile === installed.promisesReadFile) fs.promises.readFile = promisesReadFile;
    syncBuiltinESMExports();
  };
}
function requiredClosure(files) {
  const cache = createRequire(import.meta.url)("node:module")._cache;
  const seen = /* @__PURE__ */ new Set();
  const queue = [...files];
  for (let file = queue.pop(); file !== void 0; file = queue.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    for (const child of cache[file]?.children ?? []) queue.push(child.filename);
  }
  return seen;
}

// src/models/sources/source.ts
import { createHash } from "node:crypto";
function buildDigest(text) {
  return createHash("sha256").update(text).digest("hex");
}

// src/models/sources/db-migrate.ts
function dbMigrateSource(file, schema, raw = []) {
  const ddl = [...raw, ...renderSchemaDdl(schema).map((s) => s.sql)];
  return {
    kind: "db-migrate",
    file,
    buildDigest: buildDigest(ddl.join(";\n")),
    async build(url) {
      const client = await connect(url);
      try {
        try {
          await queryMany(client, ["BEGIN", ...ddl, "COMMIT"].join(";\n"));
        } catch (error) {
          const { completed, error: cause } = error;
          const failed = completed === void 0 ? void 0 : ddl[completed - 1];
          const message = cause instanceof Error ? cause.message : String(cause);
          throw new ModelError(`models file ${file}: PostgreSQL rejects the models: ${message}${failed ? ` \u2014 in: ${oneLine(failed)}` : ""}: fix the model`, file, { cause });
        }
      } finally {
        await client.end().catch(() => {
        });
      }
    }
  };
}
function oneLine(sql) {
  const flat = sql.replace(/\s+/g, " ").trim();
  return flat.length > 160 ? `${flat.slice(0, 157)}...` : flat;
}

// src/models/sources/drizzle.ts
import { createRequire as createRequire2 } from "node:module";
var tableName = Symbol.for("drizzle:Name");
var tableColumns = Symbol.for("drizzle:Columns");
function isDrizzleTable(value) {
  return typeof value === "object" && value !== null && typeof value[tableName] === "string" && typeof value[tableColumns] === "object";
}
function hasDrizzleTables(exports) {
  return Object.values(exports).some(isDrizzleTable);
}
function drizzleSource(path, file, exports) {
  let api;
  try {
    api = createRequire2(path)("drizzle-kit/api");
  } catch (error) {
    throw new ModelError(`models file ${file} holds Drizzle tables, but drizzle-kit is not installed in the project: npm install -D drizzle-kit there (db-migrate uses the project's own copy to write the DDL)`, file, { cause: error });
  }
  if (!Object.values(exports).some(isDrizzleTable)) {
    throw new ModelError(`models file ${file} exports no Drizzle tables: export each pgTable (and pgEnum) of the schema`, file);
  }
  return {
    kind: "drizzle",
    file,
    async build(url) {
      let statements;
      try {
        statements = await api.generateMigration(await api.generateDrizzleJson({}), await api.generateDrizzleJson(exports));
      } catch (error) {
        const message = (error instanceof Error ? error.message : String(error)).split("\n")[0];
        throw new ModelError(`models file ${file}: drizzle-kit could not turn the schema into SQL: ${message}: fix the schema`, file, { cause: error });
      }
      const client = await connect(url);
      try {
        await queryMany(client, ["BEGIN", ...statements.map((s) => s.replace(/;\s*$/, "")), "COMMIT"].join(";\n"));
      } catch (error) {
        const { completed, error: cause } = error;
        const failed = completed === void 0 ? void 0 : statements[completed - 1];
        const message = cause instanceof Error ? cause.message : String(cause);
        throw new ModelError(`models file ${file}: PostgreSQL rejects drizzle-kit's DDL: ${message}${failed ? ` \u2014 in: ${oneLine(failed)}` : ""}: fix the schema`, file, { cause });
      } finally {
        await client.end().catch(() => {
        });
      }
    }
  };
}

// src/models/sources/manifest.ts
import { existsSync, readFileSync as readFileSync2, utimesSync } from "node:fs";
import { join } from "node:path";

// src/loader/module-graph.ts
import { createHash as createHash2 } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
function sha256(data) {
  return createHash2("sha256").update(data).digest("hex");
}
function pathHash(path) {
  try {
    return sha256(readFileSync(path));
  } catch (error) {
    if (error.code === "EISDIR") return "dir";
    try {
      return statSync(path).isDirectory() ? "dir" : null;
    } catch {
      return null;
    }
  }
}

// src/models/sources/manifest.ts
var manifestFormat = 1;
var manifestLimit = 32;
function identityOf(models) {
  return JSON.stringify({ version, node: process.version, path: models.path, kind: models.kind ?? null, cwd: models.cwd });
}
function manifestPath(root, models) {
  return join(root, "models", `${sha256(identityOf(models)).slice(0, 32)}.json`);
}
function currentManifest(root, models) {
  try {
    const file = manifestPath(root, models);
    if (!existsSync(file)) return null;
    const stored = JSON.parse(readFileSync2(file, "utf8"));
    if (stored.format !== manifestFormat || stored.identity !== identityOf(models)) return null;
    if (stored.envAll !== void 0 && stored.envAll !== envHash()) return null;
    for (const [name, hash] of Object.entries(stored.env)) if (valueHash(process.env[name]) !== hash) return null;
    for (const input of stored.inputs) if (pathHash(input.path) !== input.hash) return null;
    const now = /* @__PURE__ */ new Date();
    utimesSync(file, now, now);
    return stored;
  } catch {
    return null;
  }
}
function writeManifest(root, models, made) {
  const inputs = /* @__PURE__ */ new Map();
  for (const m of made.modules) inputs.set(m.path, m.hash === void 0 ? pathHash(m.path) : m.hash);
  for (const path of made.files) if (!inputs.has(path)) inputs.set(path, pathHash(path));
  const env = Object.fromEntries([...made.env.env].map(([name, value]) => [name, valueHash(value)]));
  const stored = {
    format: manifestFormat,
    identity: identityOf(models),
    file: made.file,
    buildDigest: made.buildDigest,
    inputs: [...inputs].map(([path, hash]) => ({ path, hash })),
    env,
    ...made.env.envEnumerated ? { envAll: envHash() } : {}
  };
  ensureDir(join(root, "models"));
  const file = manifestPath(root, models);
  writeWhole(file, JSON.stringify(stored));
  keepNewest(join(root, "models"), manifestLimit);
}
function valueHash(value) {
  return value === void 0 ? null : sha256(value);
}
function envHash() {
  return sha256(JSON.stringify(Object.entries(process.env).sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0)));
}

// src/models/sources/sequelize.ts
function isSequelize(value) {
  const v = value;
  return typeof v === "object" && v !== null && typeof v.sync === "function" && typeof v.getDialect === "function" && typeof v.connectionManager === "object" && typeof v.models === "object";
}
function modelInstance(value) {
  if (typeof value !== "function") return void 0;
  const model = value;
  return typeof model.getTableName === "function" && isSequelize(model.sequelize) ? model.sequelize : void 0;
}
function findSequelize(exports) {
  const found = /* @__PURE__ */ new Set();
  const visit = (value, depth) => {
    if (isSequelize(value)) return void found.add(value);
    const instance = modelInstance(value);
    if (instance) return void found.add(instance);
    if (depth < 2 && value && typeof value === "object" && !Array.isArray(value)) {
      for (const inner of Object.values(value)) visit(inner, depth + 1);
    }
  };
  visit(exports, 0);
  return [...found];
}
function sequelizeSource(file, instances) {
  for (const instance of instances) {
    if (instance.getDialect() !== "postgres") {
      throw new ModelError(`models file ${file}: the Sequelize instance uses the ${instance.getDialect()} dialect: check compares PostgreSQL schemas, so create it with dialect 'postgres'`, file);
    }
  }
  if (instances.every((i) => Object.keys(i.models).length === 0)) {
    throw new ModelError(`models file ${file}: the Sequelize instance has no models: define them (sequelize.define, Model.init or addModels) before the module's exports are read`, file);
  }
  return {
    kind: "sequelize",
    file,
    async build(url) {
      const parsed = new URL(url);
      const connection = {
        host: decodeURIComponent(parsed.hostname).replace(/^\[(.*)\]$/, "$1"),
        port: Number(parsed.port || 5432),
        database: decodeURIComponent(parsed.pathname.slice(1)),
        username: decodeURIComponent(parsed.username),
        password: decodeURIComponent(parsed.password) || void 0
      };
      for (const instance of instances) {
        const config = instance.connectionManager.config;
        Object.assign(config, connection, { replication: false, ssl: void 0, dialectOptions: { ...config.dialectOptions, ssl: void 0 } });
        Object.assign(instance.config, connection);
        await instance.connectionManager.pool?.destroyAllNow?.().catch(() => {
        });
        try {
          await instance.sync({ logging: false });
        } catch (error) {
          const message = (error instanceof Error ? error.message : String(error)).split("\n")[0];
          throw new ModelError(`models file ${file}: Sequelize could not create the models: ${message}: fix the model`, file, { cause: error });
        } finally {
          await instance.close().catch(() => {
          });
        }
      }
    }
  };
}

// src/models/sources/sql.ts
import { readdirSync, readFileSync as readFileSync3, statSync as statSync2 } from "node:fs";
import { join as join2 } from "node:path";
function sqlSource(path, file) {
  const files = statSync2(path).isDirectory() ? readdirSync(path).filter((name) => name.endsWith(".sql")).sort().map((name) => join2(path, name)) : [path];
  if (files.length === 0) throw new ModelError(`models folder ${file} holds no .sql files: put the schema there, or point --models at it`, file);
  const texts = files.map((f) => readFileSync3(f, "utf8").replace(/^\uFEFF/, ""));
  return {
    kind: "sql",
    file,
    buildDigest: buildDigest(JSON.stringify(texts)),
    async build(url) {
      const client = await connect(url);
      try {
        for (const [i, sqlFile] of files.entries()) {
          const shown = files.length > 1 ? `${file}/${sqlFile.slice(path.length + 1)}` : file;
          const text = texts[i];
          try {
            await client.query(text);
          } catch (error) {
            const message = (error instanceof Error ? error.message : String(error)).split("\n")[0];
            throw new ModelError(`models file ${shown}: PostgreSQL rejects it: ${message}: fix the SQL there`, shown, { cause: error });
          }
        }
      } finally {
        await client.end().catch(() => {
        });
      }
    }
  };
}

// src/models/sources/typeorm.ts
import { createRequire as createRequire3 } from "node:module";
function isDataSource(value) {
  const v = value;
  return typeof v === "object" && v !== null && typeof v.initialize === "function" && typeof v.synchronize === "function" && typeof v.options === "object" && "isInitialized" in v;
}
function findDataSources(exports) {
  return [...new Set([...Object.values(exports), ...Object.values(exports.default ?? {})].filter(isDataSource))];
}
function findEntities(exports) {
  const storage = globalThis.typeormMetadataArgsStorage;
  const targets = new Set(storage?.tables.map((t) => t.target) ?? []);
  return Object.values(exports).filter((v) => typeof v === "function" && targets.has(v));
}
function typeormSource(path, file, exports) {
  let typeorm;
  try {
    typeorm = createRequire3(path)("typeorm");
  } catch (error) {
    throw new ModelError(`models file ${file} holds TypeORM entities, but typeorm is not installed in the project: npm install typeorm there`, file, { cause: error });
  }
  const dataSources = findDataSources(exports);
  const entities = findEntities(exports);
  if (dataSources.length === 0 && entities.length === 0) {
    throw new ModelError(`models file ${file} exports no TypeORM entities or DataSource: export the DataSource, or the @Entity classes`, file);
  }
  for (const ds of dataSources) {
    if (ds.options.type !== "postgres") {
      throw new ModelError(`models file ${file}: the DataSource is of type ${String(ds.options.type)}: check compares PostgreSQL schemas, so use type 'postgres'`, file);
    }
  }
  const optionsList = dataSources.length ? dataSources.map((ds) => ds.options) : [{ type: "postgres", entities }];
  return {
    kind: "typeorm",
    file,
    async build(url) {
      for (const options of optionsList) {
        const scratch = new typeorm.DataSource({
          ...options,
          url,
          host: void 0,
          port: void 0,
          username: void 0,
          password: void 0,
          database: void 0,
          ssl: void 0,
          replication: void 0,
          extra: void 0,
          synchronize: false,
          migrationsRun: false,
          dropSchema: false,
          logging: false,
          migrations: [],
          subscribers: []
        });
        try {
          await scratch.initialize();
          await scratch.synchronize();
        } catch (error) {
          const message = (error instanceof Error ? error.message : String(error)).split("\n")[0];
          throw new ModelError(`models file ${file}: TypeORM could not create the entities: ${message}: fix the entity`, file, { cause: error });
        } finally {
          if (scratch.isInitialized) await scratch.destroy().catch(() => {
          });
        }
      }
    }
  };
}

// src/models/sources/find.ts
var conventionalPlaces = [
  "src/models.ts",
  "src/models",
  "models/index.js",
  "models/index.ts",
  "src/models/index.js",
  "src/db/models/index.js",
  "src/db/models/index.ts",
  "src/data-source.ts",
  "src/db/schema.ts",
  "src/schema.ts",
  "db/schema.ts",
  "db/schema.sql",
  "db/structure.sql",
  "schema.sql",
  "structure.sql",
  "prisma/schema.prisma"
];
async function loadModelSource(config) {
  const found = config.modelsNamed || existsSync2(config.modelsPath) ? config.modelsPath : conventionalPlaces.map((p) => join3(config.cwd, p)).find((p) => existsSync2(p)) ?? config.modelsPath;
  const kind = config.modelsKind ?? kindOfFile(found);
  if (found.endsWith(".prisma")) {
    const file2 = displayPath(found, config.cwd);
    throw new ModelError(`models file ${file2}: Prisma schemas are not read directly yet: write the schema as SQL with your prisma (npx prisma migrate diff --from-empty --to-schema ${file2} --script > prisma/schema.sql) and point --models at that file`, file2);
  }
  const cacheRoot = config.noCache === false ? checkCacheRoot(config.checkCache ?? null) : void 0;
  const cached = cacheRoot ? { cacheRoot } : {};
  if (kind === "sql") {
    const file2 = displayPath(found, config.cwd);
    if (!existsSync2(found)) throw missing(file2);
    return { ...sqlSource(found, file2), ...cached };
  }
  const path = modulePath(found);
  const file = displayPath(path, config.cwd);
  const identity = { path, kind, cwd: config.cwd };
  if (!cacheRoot) return moduleSource(path, file, kind);
  const known = currentManifest(cacheRoot, identity);
  if (known) return importedLater(known.file, known.buildDigest, cacheRoot, () => recorded(path, file, kind, cacheRoot, identity));
  return recorded(path, file, kind, cacheRoot, identity);
}
async function recorded(path, file, kind, cacheRoot, identity) {
  const { value: source, reads } = await recordReads(() => moduleSource(path, file, kind));
  if (source.kind !== "db-migrate" || source.buildDigest === void 0) return source;
  try {
    const modules = await importedFiles(path);
    const files = modules && requiredClosure([...reads.files, ...modules.map((m) => m.path)]);
    if (modules && files) writeManifest(cacheRoot, identity, { file, buildDigest: source.buildDigest, modules, files, env: reads });
  } catch {
  }
  return { ...source, cacheRoot };
}
function importedLater(file, digest, cacheRoot, load) {
  let loaded;
  let loading;
  return {
    kind: "db-migrate",
    file,
    cacheRoot,
    get buildDigest() {
      return loaded ? loaded.buildDigest : digest;
    },
    async build(url) {
      loaded = await (loading ??= load());
      await loaded.build(url);
    }
  };
}
async function moduleSource(path, file, kind) {
  const exports = await importModels(path, file);
  const instances = findSequelize(exports);
  if (kind === "sequelize" || kind === void 0 && instances.length > 0) {
    if (instances.length === 0) {
      throw new ModelError(`models file ${file} exports no Sequelize models or instance: export the models (or the object holding them and the sequelize instance)`, file);
    }
    return sequelizeSource(file, instances);
  }
  if (kind === "typeorm" || kind === void 0 && (findDataSources(exports).length > 0 || findEntities(exports).length > 0)) {
    return typeormSource(path, file, exports);
  }
  if (kind === "drizzle" || kind === void 0 && hasDrizzleTables(exports)) return drizzleSource(path, file, exports);
  const loaded = schemaOf(exports, file);
  return dbMigrateSource(file, loaded.schema, (loaded.models.raw ?? []).map((r) => r.sql));
}
function kindOfFile(path) {
  if (path.endsWith(".sql")) return "sql";
  if (existsSync2(path) && statSync3(path).isDirectory()) {
    const names = readdirSync2(path);
    if (!names.some((n) => /^index\.(m?[jt]s)$/.test(n)) && names.some((n) => n.endsWith(".sql"))) return "sql";
  }
  return void 0;
}

export {
  sqlSource,
  loadModelSource
};
