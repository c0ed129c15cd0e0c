import { createRequire as __dbMigrateCreateRequire } from 'node:module'; const require = __dbMigrateCreateRequire(import.meta.url); import { fileURLToPath as __dbMigrateFileURLToPath } from 'node:url'; const __dbMigrateDir = __dbMigrateFileURLToPath(new URL('./', import.meta.url));
import {
  renderSchemaDdl
} from "./chunk-VCCWZISU.js";
import {
  displayPath,
  importModels,
  missing,
  modulePath,
  schemaOf
} from "./chunk-C2QABVWH.js";
import {
  queryMany
} from "./chunk-4ZVJDT3M.js";
import {
  connect
} from "./chunk-SV6MCVPL.js";
import {
  ModelError
} from "./chunk-CL6XV7EK.js";

// src/models/sources/find.ts
import { existsSync, readdirSync as readdirSync2, statSync as statSync2 } from "node:fs";
import { join as join2 } from "node:path";

// src/models/sources/db-migrate.ts
function dbMigrateSource(file, schema, raw = []) {
  const ddl = [...raw, ...renderSchemaDdl(schema).map((s) => s.sql)];
  return {
    kind: "db-migrate",
    file,
    buildText: ddl.join(";\n"),
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
import { createRequire } from "node:module";
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
    api = createRequire(path)("drizzle-kit/api");
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
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
function sqlSource(path, file) {
  const files = statSync(path).isDirectory() ? readdirSync(path).filter((name) => name.endsWith(".sql")).sort().map((name) => join(path, name)) : [path];
  if (files.length === 0) throw new ModelError(`models folder ${file} holds no .sql files: put the schema there, or point --models at it`, file);
  const texts = files.map((f) => readFileSync(f, "utf8").replace(/^\uFEFF/, ""));
  return {
    kind: "sql",
    file,
    buildText: JSON.stringify(texts),
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
import { createRequire as createRequire2 } from "node:module";
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
    typeorm = createRequire2(path)("typeorm");
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
  const found = config.modelsNamed || existsSync(config.modelsPath) ? config.modelsPath : conventionalPlaces.map((p) => join2(config.cwd, p)).find((p) => existsSync(p)) ?? config.modelsPath;
  const kind = config.modelsKind ?? kindOfFile(found);
  if (found.endsWith(".prisma")) {
    const file2 = displayPath(found, config.cwd);
    throw new ModelError(`models file ${file2}: Prisma schemas are not read directly yet: write the schema as SQL with your prisma (npx prisma migrate diff --from-empty --to-schema ${file2} --script > prisma/schema.sql) and point --models at that file`, file2);
  }
  if (kind === "sql") {
    const file2 = displayPath(found, config.cwd);
    if (!existsSync(found)) throw missing(file2);
    return sqlSource(found, file2);
  }
  const path = modulePath(found);
  const file = displayPath(path, config.cwd);
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
  if (existsSync(path) && statSync2(path).isDirectory()) {
    const names = readdirSync2(path);
    if (!names.some((n) => /^index\.(m?[jt]s)$/.test(n)) && names.some((n) => n.endsWith(".sql"))) return "sql";
  }
  return void 0;
}

export {
  sqlSource,
  loadModelSource
};
