import { createRequire as __dbMigrateCreateRequire } from 'node:module'; const require = __dbMigrateCreateRequire(import.meta.url); import { fileURLToPath as __dbMigrateFileURLToPath } from 'node:url'; const __dbMigrateDir = __dbMigrateFileURLToPath(new URL('./', import.meta.url));
import {
  columnDifferences,
  deferred,
  explainTableOption,
  explainTypeDrift,
  foreignKey,
  isTableOption,
  objectDifferences,
  text
} from "./chunk-XNFAXQIB.js";
import {
  clusterIdentity,
  createScratchDatabase,
  dropRolesSince,
  introspect,
  keepSnapshot,
  modelsKey,
  readStoredSchema,
  roles,
  snapshotName,
  snapshotPrefix,
  snapshotUrl,
  touchSnapshot,
  writeStoredSchema
} from "./chunk-DZ2X2OPK.js";
import {
  objectName,
  qualifiedName
} from "./chunk-WXLEUHMA.js";
import {
  connect
} from "./chunk-SV6MCVPL.js";

// src/ops/explain-drift.ts
var missing = "is in the models but no migration creates it";
var extra = "is created by the migrations but is not in the models";
function explainDrift(op) {
  const t = "table" in op ? `table ${qualifiedName(op.table)}: ` : "";
  if (isTableOption(op)) return explainTableOption(op);
  switch (op.kind) {
    case "create_schema":
      return `schema ${op.schema} ${missing}`;
    case "drop_schema":
      return `schema ${op.schema} ${extra}`;
    case "create_enum":
      return `enum ${qualifiedName(op.enum)} (${op.enum.values.join(", ")}) ${missing}`;
    case "drop_enum":
      return `enum ${qualifiedName(op.enum)} ${extra}`;
    case "alter_enum": {
      const added = op.to.values.filter((v) => !op.from.values.includes(v));
      const removed = op.from.values.filter((v) => !op.to.values.includes(v));
      const name = `enum ${qualifiedName(op.to)}`;
      if (op.stage === "add_values" && added.length) return `${name}: ${valueList(added, "is", "are")} in the models but no migration adds ${added.length === 1 ? "it" : "them"}`;
      if (op.stage === "remove_values" && removed.length) return `${name}: ${valueList(removed, "is created", "are created")} by the migrations but not in the models`;
      return `${name} has values in the order (${op.from.values.join(", ")}) in the migrations but (${op.to.values.join(", ")}) in the models`;
    }
    case "set_enum_comment":
      return `enum ${qualifiedName(op.enum)}: ${sides("comment", text(op.from), text(op.to))}`;
    case "create_table":
      if (op.rebuild) return `table ${qualifiedName(op.table)} is created again: ${op.rebuild}`;
      return `table ${qualifiedName(op.table)} ${missing}`;
    case "drop_table":
      if (op.rebuild) return `table ${qualifiedName(op.table)} is dropped to be created again`;
      return `table ${qualifiedName(op.table)} ${extra}`;
    case "set_table_comment":
      return `${t}${sides("comment", text(op.from), text(op.to))}`;
    case "add_column":
      return `${t}column ${op.column.name} ${missing}`;
    case "drop_column":
      return `${t}column ${op.column.name} ${extra}`;
    case "alter_column":
      return `${t}column ${op.to.name} differs: ${columnDifferences(op).map(([what, a, b]) => sides(what, a, b)).join("; ")}`;
    case "reorder_columns":
      return `${t}columns are in the order (${op.from.join(", ")}) in the migrations but (${op.to.join(", ")}) in the models`;
    case "add_primary_key":
      return `${t}${deferred(op.primaryKey.deferral)}primary key (${op.primaryKey.columns.join(", ")}) ${missing}`;
    case "drop_primary_key":
      return `${t}${deferred(op.primaryKey.deferral)}primary key (${op.primaryKey.columns.join(", ")}) ${extra}`;
    case "add_unique":
      return `${t}${deferred(op.unique.deferral)}unique constraint (${op.unique.columns.join(", ")}) ${missing}`;
    case "drop_unique":
      return `${t}${deferred(op.unique.deferral)}unique constraint (${op.unique.columns.join(", ")}) ${extra}`;
    case "add_foreign_key":
      return `${t}${foreignKey(op.foreignKey)} ${missing}`;
    case "drop_foreign_key":
      return `${t}${foreignKey(op.foreignKey)} ${extra}`;
    case "add_check":
      return `${t}check ${op.check.name} ${op.check.definition} ${missing}`;
    case "drop_check":
      return `${t}check ${op.check.name} ${op.check.definition} ${extra}`;
    case "add_exclusion":
      return `${t}exclusion constraint ${op.exclusion.name} ${op.exclusion.definition} ${missing}`;
    case "drop_exclusion":
      return `${t}exclusion constraint ${op.exclusion.name} ${op.exclusion.definition} ${extra}`;
    case "create_index":
      return `${t}index ${op.index.name} ${missing}`;
    case "drop_index":
      return `${t}index ${op.index.name} ${extra}`;
    case "create_object":
      if (op.recreated === "changed") return `${objectName(op.object)} is created again as the models define it`;
      if (op.recreated === "depends") return `${objectName(op.object)} is created again after what it depends on changes`;
      return `${objectName(op.object)} ${missing}`;
    case "drop_object":
      if (op.recreated === "changed") return `${objectName(op.object)} differs: definition, in a way CREATE OR REPLACE cannot change, so it is dropped and created again`;
      if (op.recreated === "depends") return `${objectName(op.object)} is dropped while what it depends on changes`;
      return `${objectName(op.object)} ${extra}`;
    case "alter_object":
      return `${objectName(op.to)} differs: ${objectDifferences(op).map(([what, a, b]) => what === "definition" ? `definition, at line ${a} in the migrations, ${b} in the models` : sides(what, a, b)).join("; ")}`;
    default:
      return explainTypeDrift(op);
  }
}
function sides(what, migrations, models) {
  return `${what} ${migrations} in the migrations, ${models} in the models`;
}
function valueList(values, one, many) {
  return values.length === 1 ? `value '${values[0]}' ${one}` : `values ${values.map((v) => `'${v}'`).join(", ")} ${many}`;
}

// src/commands/build-models.ts
async function buildModels(source, serverUrl, log, options) {
  const server = options.cache && source.buildDigest !== void 0 ? await readModelsServer(serverUrl) : null;
  const reader = { privileges: options.privileges, ...server ? { cluster: server.cluster } : {} };
  const store = (schema, key) => {
    if (!source.cacheRoot) return;
    try {
      writeStoredSchema(source.cacheRoot, snapshotName(key, "models"), reader, { schema });
    } catch {
    }
  };
  if (server) {
    const key = modelsKey(source.buildDigest, server.major, server.user, server.build);
    const name = snapshotName(key, "models");
    const stored = source.cacheRoot ? readStoredSchema(source.cacheRoot, name, reader) : null;
    if (stored) return { schema: stored.schema, cached: true };
    if (server.names.has(name)) {
      const schema = await readSchema(snapshotUrl(server, key, "models"), options.privileges);
      await touchSnapshot(server, key, "models");
      store(schema, key);
      return { schema, cached: true };
    }
  }
  const scratch = await createScratchDatabase(serverUrl, "db_migrate_check_models");
  const before = options.ownServer || server ? await roles(serverUrl) : [];
  let kept = false;
  try {
    const schema = await buildInto(source, scratch.url, options.privileges);
    if (server) kept = await keep(server, source, scratch, before, log, (key) => store(schema, key));
    return { schema, cached: false };
  } finally {
    if (!kept) await scratch.drop().catch(() => {
    });
    if (options.ownServer) await dropRolesSince(serverUrl, before).catch(() => {
    });
  }
}
async function keep(server, source, scratch, before, log, stored) {
  const added = (await roles(server.url)).filter((r) => !before.includes(r));
  if (added.length > 0) {
    log.info(`the models create roles (${added.join(", ")}), which a snapshot cannot hold: their build is not cached`);
    return false;
  }
  const key = modelsKey(source.buildDigest, server.major, server.user, server.build);
  await keepSnapshot(server, scratch, key, "models");
  stored(key);
  return true;
}
async function readModelsServer(serverUrl) {
  const client = await connect(serverUrl, { applicationName: "db-migrate snapshots" });
  try {
    const { rows } = await client.query(
      `SELECT current_setting('server_version_num') AS v, current_setting('server_version') AS b, current_user AS u,
        (SELECT array_agg(datname::text) FROM pg_database WHERE datname LIKE $1) AS names, ${clusterIdentity} AS c`,
      [`${snapshotPrefix.models.replace(/_/g, "\\_")}%`]
    );
    const row = rows[0];
    return { url: serverUrl, major: Math.floor(Number(row.v) / 1e4), build: row.b, user: row.u, names: new Set(row.names ?? []), cluster: row.c };
  } finally {
    await client.end().catch(() => {
    });
  }
}
async function buildInto(source, url, privileges) {
  await source.build(url);
  return readSchema(url, privileges);
}
async function readSchema(url, privileges) {
  const client = await connect(url);
  try {
    return await introspect(client, { privileges, settle: true });
  } finally {
    await client.end().catch(() => {
    });
  }
}

export {
  explainDrift,
  buildModels,
  buildInto
};
