import { createRequire as __dbMigrateCreateRequire } from 'node:module'; const require = __dbMigrateCreateRequire(import.meta.url); import { fileURLToPath as __dbMigrateFileURLToPath } from 'node:url'; const __dbMigrateDir = __dbMigrateFileURLToPath(new URL('./', import.meta.url));
import {
  emptySchema,
  isSerial,
  keyOfObject,
  objectKey,
  objectName,
  qualifiedName
} from "./chunk-WXLEUHMA.js";
import {
  importModule
} from "./chunk-RSQ2HHEU.js";
import {
  ident,
  qualified,
  quoteLiteral
} from "./chunk-5DGH4JCW.js";
import {
  ModelError
} from "./chunk-CL6XV7EK.js";

// src/models/load.ts
import { existsSync, statSync } from "node:fs";
import { isAbsolute, join, relative, sep } from "node:path";

// src/models/entity.ts
var entity = Symbol.for("db-migrate.entity");
function entityKind(value) {
  if (typeof value !== "object" && typeof value !== "function" || value === null) return void 0;
  const kind = value[entity];
  return typeof kind === "string" ? kind : void 0;
}

// src/models/collect.ts
function collectModels(exports) {
  const tables = [];
  const enums = [];
  const schemas = [];
  const objects = [];
  const raw = [];
  const grants = [];
  const types = [];
  const seen = /* @__PURE__ */ new Set();
  const visit = (value, depth) => {
    if (seen.has(value) || depth > 4) return;
    seen.add(value);
    const kind = entityKind(value);
    if (kind === "table") tables.push(value);
    else if (kind === "enum") enums.push(value);
    else if (kind === "schema") schemas.push(value);
    else if (kind === "object") objects.push(value);
    else if (kind === "raw_sql") raw.push(value);
    else if (kind === "grant") grants.push(value);
    else if (kind === "extension" || kind === "sequence" || kind === "domain" || kind === "composite" || kind === "collation") types.push(value);
    else if (kind === void 0 && Array.isArray(value)) value.forEach((v) => visit(v, depth + 1));
    else if (kind === void 0 && isPlainObject(value)) Object.values(value).forEach((v) => visit(v, depth + 1));
  };
  for (const value of Object.values(exports)) visit(value, 0);
  return { tables, enums, schemas, objects, raw, grants, types };
}
function isPlainObject(value) {
  if (typeof value !== "object" || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

// src/models/objects-to-schema.ts
function buildObjects(models, problems) {
  const objects = [];
  const seen = /* @__PURE__ */ new Set();
  for (const declaration of models.objects ?? []) {
    if (declaration.problem) problems.push(declaration.problem);
    for (const o of declaration.objects) {
      const key = keyOfObject(o);
      if (seen.has(key)) problems.push(`${objectName(o)} is declared twice: declare it once`);
      seen.add(key);
      objects.push(o);
    }
  }
  const relations = [
    ...models.tables.map((t) => ({ schema: t.schema, name: t.name, key: objectKey("table", t.schema, t.name) })),
    ...objects.filter((o) => o.kind === "view" || o.kind === "materialized_view").map((o) => ({ schema: o.schema, name: o.name, key: keyOfObject(o) }))
  ];
  const routines = objects.filter((o) => o.kind === "function" || o.kind === "procedure");
  return objects.map((o) => {
    const text = mentionedIn(o);
    if (text === null) return o;
    const found = [
      ...relations.filter((r) => r.key !== keyOfObject(o) && mentions(text, r.name)).map((r) => r.key),
      ...o.kind === "view" || o.kind === "materialized_view" ? routines.filter((r) => mentions(text, r.name, "\\s*\\(")).map(keyOfObject) : []
    ];
    return found.length ? { ...o, dependsOn: [.../* @__PURE__ */ new Set([...o.dependsOn, ...found])] } : o;
  });
}
function mentionedIn(o) {
  if (o.kind === "view" || o.kind === "materialized_view") return o.definition.replace(/^[\s\S]*?\bAS\b/i, "");
  if (o.kind === "function" || o.kind === "procedure") {
    if (/\bBEGIN\s+ATOMIC\b/i.test(o.definition)) return o.definition;
    return o.definition.split(/\bAS\b|\$/i)[0].replace(/^[^(]*\(/, "(");
  }
  return null;
}
function mentions(text, name, after = "") {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(^|[^\\w$])"?${escaped}"?(?![\\w$])${after}`, "i").test(text);
}

// src/models/expression.ts
function expressionSql(expression) {
  let text = expression.strings[0] ?? "";
  expression.values.forEach((value, i) => {
    text += valueSql(value) + (expression.strings[i + 1] ?? "");
  });
  return text;
}
function expressionColumns(expression) {
  const names2 = [];
  for (const value of expression.values) {
    if (entityKind(value) === "column") names2.push(columnName(value));
    else if (entityKind(value) === "sql") names2.push(...expressionColumns(value));
  }
  return names2;
}
function valueSql(value) {
  switch (entityKind(value)) {
    case "column":
      return ident(columnName(value));
    case "sql":
      return expressionSql(value);
    default:
      return literalSql(value);
  }
}
function columnName(value) {
  return value.state.name ?? "?";
}
function literalSql(value) {
  if (value === null || value === void 0) return "NULL";
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "bigint") return String(value);
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : quoteLiteral(String(value));
  if (value instanceof Date) return quoteLiteral(value.toISOString());
  if (Array.isArray(value)) return `ARRAY[${value.map(literalSql).join(", ")}]`;
  if (typeof value === "object") return quoteLiteral(JSON.stringify(value));
  return quoteLiteral(String(value));
}
function defaultSql(value, type, array) {
  if (value === void 0 || value === null) return null;
  if (entityKind(value) === "sql") return expressionSql(value);
  if (array) return quoteLiteral(arrayText(value));
  if (type === "json" || type === "jsonb") return quoteLiteral(JSON.stringify(value));
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "bigint") return String(value);
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : quoteLiteral(String(value));
  return quoteLiteral(scalarText(value, type));
}
function scalarText(value, type) {
  if (value instanceof Date) return type === "date" ? value.toISOString().slice(0, 10) : value.toISOString();
  if (value instanceof Uint8Array) return `\\x${Buffer.from(value).toString("hex")}`;
  return String(value);
}
function arrayText(value) {
  if (!Array.isArray(value)) return String(value);
  return `{${value.map((item) => {
    if (item === null || item === void 0) return "NULL";
    if (Array.isArray(item)) return arrayText(item);
    const text = typeof item === "object" && !(item instanceof Date) ? JSON.stringify(item) : scalarText(item, "");
    return `"${text.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
  }).join(",")}}`;
}

// src/models/model-tables.ts
function modelTables(tables) {
  const byName = /* @__PURE__ */ new Map();
  for (const t of tables) {
    let inSchema = byName.get(t.schema);
    if (!inSchema) byName.set(t.schema, inSchema = /* @__PURE__ */ new Map());
    if (!inSchema.has(t.name)) inSchema.set(t.name, t);
  }
  const members = new Set(tables);
  const columns = /* @__PURE__ */ new Map();
  return {
    all: tables,
    named: (schema, name) => byName.get(schema)?.get(name),
    has: (table) => members.has(table),
    columns: (table) => {
      let list = columns.get(table);
      if (!list) columns.set(table, list = Object.values(table.columns));
      return list;
    }
  };
}

// src/models/names.ts
var maxLength = 63;
function defaultName(table, addition, label) {
  const overhead = label.length + 1 + (addition === null ? 0 : 1);
  let tableChars = table.length;
  let additionChars = addition?.length ?? 0;
  while (tableChars + additionChars > maxLength - overhead) {
    if (tableChars > additionChars) tableChars--;
    else additionChars--;
  }
  return [table.slice(0, tableChars), addition === null ? null : addition.slice(0, additionChars), label].filter((p) => p !== null).join("_");
}
function columnsAddition(names2) {
  return names2.join("_").slice(0, maxLength);
}
function uniqueName(name, taken) {
  let candidate = name;
  for (let n = 1; taken.has(candidate); n++) {
    const suffix = String(n);
    candidate = name.length + suffix.length > maxLength ? name.slice(0, maxLength - suffix.length) + suffix : name + suffix;
  }
  taken.add(candidate);
  return candidate;
}
function byteLength(name) {
  return Buffer.byteLength(name, "utf8");
}

// src/models/column.ts
var Column = class _Column {
  constructor(state, table) {
    this.state = state;
    this.table = table;
  }
  [entity] = "column";
  /** The SQL name, once known. */
  get name() {
    return this.state.name;
  }
  notNull() {
    return this.with({ notNull: true });
  }
  primaryKey() {
    return this.with({ primaryKey: true, notNull: true });
  }
  /** Server default: a literal (quoted and cast to the column's type) or sql`...` for an expression; null for none. */
  default(value) {
    return this.with({ default: value });
  }
  unique(options = {}) {
    return this.with({ unique: options });
  }
  /**
   * A foreign key from this column: `.references(() => user.columns.id, { onDelete: 'cascade' })`. A table that
   * references itself needs the function's return type spelled out, `(): AnyColumn => node.columns.id`, as
   * TypeScript cannot infer a type from its own initializer.
   */
  references(target, options = {}) {
    return this.with({ references: { target, options } });
  }
  /** `COLLATE`: a collation's name (`'C'`, `'und-x-icu'`) or a collation() declaration. */
  collate(collation) {
    return this.with({ collation });
  }
  comment(text) {
    return this.with({ comment: text });
  }
  /** An array of this type: `text().array()` is `text[]`. */
  array() {
    return this.with({ array: true });
  }
  /** `GENERATED ALWAYS AS IDENTITY`: the server numbers rows and refuses explicit values. */
  generatedAlwaysAsIdentity() {
    return this.with({ identity: "always", notNull: true });
  }
  /** `GENERATED BY DEFAULT AS IDENTITY`: the server numbers rows unless a value is given. */
  generatedByDefaultAsIdentity() {
    return this.with({ identity: "by default", notNull: true });
  }
  /** A stored generated column: `GENERATED ALWAYS AS (expression) STORED`. */
  generatedAlwaysAs(expression) {
    return this.with({ generated: expression });
  }
  with(change) {
    return new _Column({ ...this.state, ...change }, this.table);
  }
};

// src/models/type-objects.ts
function collationClause(value) {
  return typeof value === "string" ? ident(value) : qualified(value.schema, value.name);
}

// src/models/references.ts
function resolveTarget(target, tables, where, problems) {
  if (typeof target === "string") {
    const parts = target.split(".");
    const [schema, table, column2] = parts.length === 3 ? parts : ["public", ...parts];
    const found = parts.length >= 2 && parts.length <= 3 ? tables.named(schema, table) : void 0;
    if (!found) {
      problems.push(`${where} references '${target}', but the models declare no table ${parts.length >= 2 ? parts.slice(0, -1).join(".") : target}: write 'table.column' naming an exported table`);
      return null;
    }
    if (!tables.columns(found).some((c) => c.state.name === column2)) {
      problems.push(`${where} references '${target}', but table ${qualifiedName(found)} has no column ${column2}: check the column's name`);
      return null;
    }
    return { table: found, column: column2 };
  }
  let value;
  try {
    value = typeof target === "function" ? target() : target;
  } catch (error) {
    problems.push(`${where}: its reference threw ${error instanceof Error ? error.message : String(error)}: return a column, e.g. () => user.columns.id`);
    return null;
  }
  return targetColumn(value, tables, where, problems);
}
function targetColumn(value, tables, where, problems) {
  const c = value;
  if (entityKind(value) !== "column" || !c.table) {
    problems.push(`${where} references ${value === void 0 ? "undefined" : "something that is not a table column"}: return a column of an exported table, e.g. () => user.columns.id`);
    return null;
  }
  const table = (tables.has(c.table) ? c.table : void 0) ?? tables.named(c.table.schema, c.table.name);
  if (!table) {
    problems.push(`${where} references table ${qualifiedName(c.table)}, which the models module does not export: export it`);
    return null;
  }
  return { table, column: c.state.name ?? "" };
}
function foreignKey(name, columns, target, refColumns, options) {
  return {
    name,
    columns,
    refSchema: target.schema,
    refTable: target.name,
    refColumns,
    onDelete: options.onDelete ?? "no action",
    onUpdate: options.onUpdate ?? "no action",
    deferral: options.initiallyDeferred ? "initially deferred" : options.deferrable ? "deferrable" : "not deferrable",
    match: options.match ?? "simple",
    notValid: options.notValid ?? false
  };
}
function tableForeignKey(fk, t, label, tables, constraintNames, ownAll, problems) {
  const cols = ownAll(fk.columns, "foreign key");
  if (!cols) return [];
  const where = `foreign key ${label} (${cols.join(", ")})`;
  if (!fk.target) {
    problems.push(`${where} references nothing: add .references(() => [other.columns.id])`);
    return [];
  }
  let values;
  try {
    values = fk.target();
  } catch (error) {
    problems.push(`${where}: its reference threw ${error instanceof Error ? error.message : String(error)}: return the referenced columns`);
    return [];
  }
  const list = Array.isArray(values) ? values : [values];
  const targets = list.map((v) => targetColumn(v, tables, where, problems));
  if (targets.some((x) => x === null)) return [];
  const refTables = new Set(targets.map((x) => x.table));
  if (refTables.size !== 1) {
    problems.push(`${where} references columns of several tables: reference columns of one table`);
    return [];
  }
  if (targets.length !== cols.length) {
    problems.push(`${where} has ${cols.length} column(s) but references ${targets.length}: list as many on each side`);
    return [];
  }
  const name = fk.name ?? uniqueName(defaultName(t.name, columnsAddition(cols), "fkey"), constraintNames);
  return [foreignKey(name, cols, targets[0].table, targets.map((x) => x.column), fk.options)];
}

// src/models/type-objects-schema.ts
var defaultVersion = "";
function buildTypes(models, tables, problems) {
  const exported = models.types ?? [];
  const used = [];
  for (const t of models.tables) for (const c of tables.columns(t)) if (c.state.object) used.push(c.state.object);
  for (const o of [...exported, ...used]) if (entityKind(o) === "composite") {
    for (const a of Object.values(o.attributes)) if (a.state.object) used.push(a.state.object);
  }
  const of = (kind) => unique(exported.filter((o) => entityKind(o) === kind), used.filter((o) => entityKind(o) === kind), problems, kind);
  const collationsUsed = [];
  const useCollation = (c) => {
    if (typeof c === "object" && c !== null) collationsUsed.push(c);
  };
  for (const t of models.tables) for (const c of tables.columns(t)) useCollation(c.state.collation);
  for (const d of of("domain")) useCollation(d.options.collate);
  return {
    extensions: of("extension").map((e) => ({ name: e.name, schema: e.schema, version: e.version ?? defaultVersion })),
    sequences: of("sequence").map((s) => buildSequence(s, tables, problems)),
    domains: of("domain").map(buildDomain),
    compositeTypes: of("composite").map((c) => ({
      schema: c.schema,
      name: c.name,
      attributes: Object.entries(c.attributes).map(([name, a]) => ({ name: a.state.name ?? name, type: columnType(a), collation: collationOf(a) ?? null }))
    })),
    collations: unique(of("collation"), collationsUsed, problems, "collation").map(buildCollation)
  };
}
function collationOf(c) {
  return c.state.collation === void 0 ? void 0 : collationClause(c.state.collation);
}
function withCollation(built, c) {
  const collation = collationOf(c);
  return collation === void 0 ? built : { ...built, collation };
}
function columnType(c) {
  return c.state.array ? `${c.state.type}[]` : c.state.type;
}
function unique(exported, used, problems, kind) {
  const byName = /* @__PURE__ */ new Map();
  const keyOf = (item) => kind === "extension" ? item.name : qualifiedName(item);
  for (const item of exported) {
    const before = byName.get(keyOf(item));
    if (before && before !== item) problems.push(`${kind} ${keyOf(item)} is exported twice: declare it once and use that declaration`);
    if (!before) byName.set(keyOf(item), item);
  }
  for (const item of used) if (!byName.has(keyOf(item))) byName.set(keyOf(item), item);
  return [...byName.values()];
}
function buildSequence(s, tables, problems) {
  const o = s.options;
  const type = o.as ?? "bigint";
  const increment = String(o.increment ?? 1);
  const up = !increment.startsWith("-");
  const limits = { smallint: ["-32768", "32767"], integer: ["-2147483648", "2147483647"], bigint: ["-9223372036854775808", "9223372036854775807"] };
  const [low, high] = limits[type];
  const min = o.min !== void 0 ? String(o.min) : up ? "1" : low;
  const max = o.max !== void 0 ? String(o.max) : up ? high : "-1";
  let ownedBy = null;
  if (o.ownedBy !== void 0) {
    const target = resolveTarget(o.ownedBy, tables, `sequence ${qualifiedName(s)}: ownedBy`, problems);
    if (target && target.table.schema !== s.schema) {
      problems.push(`sequence ${qualifiedName(s)}: ownedBy names a column of ${qualifiedName(target.table)}, but PostgreSQL keeps a sequence in its owner's schema: give the sequence schema '${target.table.schema}'`);
    } else if (target) ownedBy = { schema: target.table.schema, table: target.table.name, column: target.column };
  }
  return {
    schema: s.schema,
    name: s.name,
    type,
    increment,
    min,
    max,
    start: o.start !== void 0 ? String(o.start) : up ? min : max,
    cache: String(o.cache ?? 1),
    cycle: o.cycle ?? false,
    ownedBy
  };
}
function buildDomain(d) {
  const o = d.options;
  const list = Array.isArray(o.checks) ? o.checks.map((c) => [null, c]) : Object.entries(o.checks ?? {});
  let unnamed = 0;
  const checks = list.map(([name, expression]) => ({
    name: name ?? `${d.name}_check${unnamed++ === 0 ? "" : unnamed - 1}`,
    definition: `CHECK (${expressionSql(expression)})`
  }));
  return {
    schema: d.schema,
    name: d.name,
    type: d.type,
    default: defaultSql(o.default, d.type, d.type.endsWith("[]")),
    notNull: o.notNull ?? false,
    checks,
    collation: o.collate === void 0 ? null : collationClause(o.collate)
  };
}
function buildCollation(c) {
  const o = c.options;
  const provider = o.provider ?? "libc";
  return {
    schema: c.schema,
    name: c.name,
    provider,
    locale: provider === "libc" ? null : o.locale ?? null,
    lcCollate: provider === "libc" ? o.lcCollate ?? o.locale ?? null : null,
    lcCtype: provider === "libc" ? o.lcCtype ?? o.locale ?? null : null,
    deterministic: o.deterministic ?? true
  };
}

// src/models/table-extras.ts
function buildTableExtras(t, tables, label, policies, problems) {
  const o = t.options ?? {};
  const exported = (parent, what) => {
    if (entityKind(parent) !== "table") {
      problems.push(`table ${label}: ${what} is not a table: pass an exported table`);
      return null;
    }
    if (!tables.has(parent)) problems.push(`table ${label}: ${what} ${qualifiedName(parent)} is not exported by the models module: export it`);
    return { schema: parent.schema, name: parent.name };
  };
  let partitionOf = null;
  if (o.partitionOf) {
    const parent = exported(o.partitionOf, "partitionOf");
    if (tables.columns(t).length) problems.push(`table ${label}: a partition takes its columns from ${parent ? qualifiedName(parent) : "its parent"}: declare it with no columns`);
    if (!o.forValues) problems.push(`table ${label}: a partition needs forValues, e.g. "FROM ('2024-01-01') TO ('2025-01-01')", or 'default'`);
    if (parent) partitionOf = { ...parent, bound: o.forValues?.trim().toLowerCase() === "default" ? "DEFAULT" : `FOR VALUES ${o.forValues ?? ""}` };
  } else if (o.forValues) problems.push(`table ${label}: forValues needs partitionOf, the partitioned table`);
  if (o.partitionOf && o.inherits?.length) problems.push(`table ${label}: a partition cannot also inherit: drop inherits`);
  const built = [];
  for (const p of policies) {
    const expr = (e, what) => {
      if (e === void 0) return null;
      if (entityKind(e) !== "sql") problems.push(`table ${label}: policy ${p.name}: ${what} needs an sql\`...\` expression`);
      return entityKind(e) === "sql" ? expressionSql(e) : null;
    };
    built.push({
      name: p.name,
      command: p.options.for ?? "all",
      permissive: p.options.as !== "restrictive",
      roles: [...p.options.to?.length ? p.options.to : ["public"]].map((r) => r.toUpperCase() === "PUBLIC" ? "public" : r).sort(),
      using: expr(p.options.using, "using"),
      withCheck: expr(p.options.withCheck, "withCheck")
    });
  }
  return {
    partitionBy: o.partitionBy ?? null,
    partitionOf,
    inherits: (o.inherits ?? []).map((p) => exported(p, "inherits")).filter((p) => p !== null),
    unlogged: o.unlogged ?? false,
    rowLevelSecurity: o.rowLevelSecurity ?? "disabled",
    policies: built
  };
}
function buildGrants(models, problems) {
  return (models.grants ?? []).flatMap((g) => {
    const { object, privileges, roles, grantable } = g.state;
    const what = `grant ${privileges.join(", ")}`;
    if (!object) return problems.push(`${what}: name what it is on with .on(table), .on(column), .onSequence(), .onRoutine() or .onSchema()`), [];
    if (!roles.length) return problems.push(`${what}: name the roles with .to('role')`), [];
    if (!privileges.length) return problems.push(`grant: name at least one privilege, e.g. grant('SELECT')`), [];
    const target = () => {
      switch (object.on) {
        case "table":
          return { on: "table", schema: object.table.schema, name: object.table.name, column: null };
        case "column":
          return { on: "column", schema: object.column.table?.schema ?? "public", name: object.column.table?.name ?? "", column: object.column.state.name ?? "" };
        case "schema":
          return { on: "schema", schema: object.schema, name: object.schema, column: null };
        default:
          return { on: object.on, schema: object.schema, name: object.name, column: null };
      }
    };
    return privileges.flatMap((privilege) => roles.map((grantee) => ({ ...target(), grantee: grantee.toUpperCase() === "PUBLIC" ? "PUBLIC" : grantee, privilege: privilege.toUpperCase(), grantable })));
  });
}

// src/models/to-schema.ts
function buildSchema(models) {
  const problems = [];
  const index = modelTables(models.tables);
  const enums = collectEnums(models, index, problems);
  const seen = /* @__PURE__ */ new Map();
  for (const t of models.tables) {
    const key = nameOf(t.schema, t.name);
    if (seen.has(key)) problems.push(`table ${key} is declared twice: give one of them another name or schema`);
    seen.set(key, t);
    checkName(`table ${key}`, t.name, problems);
  }
  const relationNames = /* @__PURE__ */ new Map();
  for (const t of models.tables) names(relationNames, t.schema).add(t.name);
  const tables = models.tables.map((t) => buildTable(t, index, names(relationNames, t.schema), problems));
  for (const s of models.schemas ?? []) checkName(`schema ${s.name}`, s.name, problems);
  const declared = (models.schemas ?? []).map((s) => s.name);
  const objects = buildObjects(models, problems);
  const types = buildTypes(models, index, problems);
  const held = [...tables, ...enums, ...objects, ...types.extensions, ...types.sequences, ...types.domains, ...types.compositeTypes, ...types.collations];
  const schemas = [.../* @__PURE__ */ new Set([...declared, ...held.map((item) => item.schema)])].filter((s) => s !== "public" && s !== "").sort();
  return { schema: { ...emptySchema, ...types, schemas, enums, tables, grants: buildGrants(models, problems), ...objects.length ? { objects } : {} }, problems };
}
function names(map, schema) {
  let set = map.get(schema);
  if (!set) map.set(schema, set = /* @__PURE__ */ new Set());
  return set;
}
function checkName(what, name, problems) {
  if (name === "") problems.push(`${what} has an empty name: give it one`);
  else if (name.length > 21 && byteLength(name) > 63) problems.push(`${what}: the name is ${byteLength(name)} bytes but PostgreSQL keeps 63: shorten it`);
}
function collectEnums(models, tables, problems) {
  const found = /* @__PURE__ */ new Map();
  const add = (e) => {
    const key = nameOf(e.schema, e.name);
    const before = found.get(key);
    if (before && before.values.join("\0") !== e.values.join("\0")) problems.push(`enum ${key} is declared twice with different values: declare it once`);
    if (!before) found.set(key, e);
  };
  models.enums.forEach(add);
  for (const t of models.tables) for (const c of tables.columns(t)) if (c.state.enum) add(c.state.enum);
  return [...found.values()].map((e) => {
    const key = nameOf(e.schema, e.name);
    checkName(`enum ${key}`, e.name, problems);
    if (e.values.length === 0) problems.push(`enum ${key} has no values: list at least one`);
    const duplicate = e.values.find((v, i) => e.values.indexOf(v) !== i);
    if (duplicate !== void 0) problems.push(`enum ${key} lists '${duplicate}' twice: list each value once`);
    const long = e.values.find((v) => byteLength(v) > 63);
    if (long !== void 0) problems.push(`enum ${key}: value '${long}' is longer than PostgreSQL's 63 bytes: shorten it`);
    return { schema: e.schema, name: e.name, values: [...e.values], comment: e.comment };
  });
}
function buildTable(t, tables, relationNames, problems) {
  const label = nameOf(t.schema, t.name);
  const columns = tables.columns(t);
  const columnNames = /* @__PURE__ */ new Set();
  const built = [];
  for (const c of columns) {
    const name = c.state.name ?? "";
    const where = `column ${label}.${name}`;
    checkName(where, name, problems);
    if (columnNames.has(name)) problems.push(`${where} is declared twice: give one of them another name`);
    columnNames.add(name);
    built.push(withCollation(buildColumn(c, where, problems), c));
  }
  const own = (c, what) => {
    if (entityKind(c) !== "column") {
      problems.push(`table ${label}: ${what} lists something that is not a column: pass columns of this table, e.g. t.id`);
      return null;
    }
    if (c.table !== t) {
      problems.push(`table ${label}: ${what} lists column ${c.state.name ?? "?"} of ${c.table ? `table ${nameOf(c.table.schema, c.table.name)}` : "no table"}: use this table's columns`);
      return null;
    }
    return c.state.name ?? null;
  };
  const ownAll = (cols, what) => {
    if (cols.length === 0) {
      problems.push(`table ${label}: ${what} lists no columns: add them with .on(...)`);
      return null;
    }
    const result = cols.map((c) => own(c, what));
    return result.every((n) => n !== null) ? result : null;
  };
  const ownAll0 = (cols, what) => cols.length ? ownAll(cols, what) ?? [] : [];
  const declared = {
    index: [],
    unique: [],
    primary_key: [],
    foreign_key: [],
    check: [],
    exclusion: [],
    policy: []
  };
  for (const x of t.constraints) {
    const kind = entityKind(x);
    if (!kind) {
      problems.push(`table ${label}: its constraints list holds something that is not an index or constraint: return index(), unique(), primaryKey(), foreignKey(), check(), exclude() or policy() items`);
      continue;
    }
    if (Object.hasOwn(declared, kind)) declared[kind].push(x);
  }
  const of = (kind) => declared[kind];
  const constraintNames = /* @__PURE__ */ new Set();
  const reserve = (name, taken, space) => {
    if (name === void 0) return;
    if (taken.has(name)) problems.push(`table ${label}: the name ${name} is already taken ${space}: choose another`);
    taken.add(name);
  };
  const relationSpace = `by a table, index or constraint in schema ${t.schema}`;
  for (const x of of("primary_key")) reserve(x.state.name, relationNames, relationSpace);
  for (const c of columns) reserve(c.state.unique?.name, relationNames, relationSpace);
  for (const x of of("unique")) reserve(x.state.name, relationNames, relationSpace);
  for (const x of of("index")) reserve(x.state.name, relationNames, relationSpace);
  for (const x of of("exclusion")) reserve(x.name, relationNames, relationSpace);
  const constraintSpace = "by another constraint of the table";
  for (const c of columns) reserve(c.state.references?.options.name, constraintNames, constraintSpace);
  for (const x of of("foreign_key")) reserve(x.state.name, constraintNames, constraintSpace);
  for (const x of of("check")) reserve(x.name, constraintNames, constraintSpace);
  let primaryKey = null;
  const pkColumns = columns.filter((c) => c.state.primaryKey).map((c) => c.state.name ?? "");
  const pkDeclared = of("primary_key");
  if (pkDeclared.length + (pkColumns.length ? 1 : 0) > 1) {
    problems.push(`table ${label} declares more than one primary key: use .primaryKey() on each column of one key, or a single primaryKey().on(...)`);
  }
  if (pkDeclared[0]) {
    const cols = ownAll(pkDeclared[0].state.columns, "primary key");
    const include = ownAll0(pkDeclared[0].state.include, "primary key include");
    if (cols) primaryKey = { name: pkDeclared[0].state.name ?? uniqueName(defaultName(t.name, null, "pkey"), relationNames), columns: cols, include, deferral: pkDeclared[0].state.deferral };
    for (const c of cols ?? []) {
      const i = built.findIndex((b) => b.name === c);
      if (i >= 0) built[i] = { ...built[i], notNull: true };
    }
  } else if (pkColumns.length) {
    primaryKey = { name: uniqueName(defaultName(t.name, null, "pkey"), relationNames), columns: pkColumns, include: [], deferral: "not deferrable" };
  }
  const uniques = [];
  for (const c of columns) {
    if (!c.state.unique) continue;
    const name = c.state.unique.name ?? uniqueName(defaultName(t.name, c.state.name ?? "", "key"), relationNames);
    uniques.push({ name, columns: [c.state.name ?? ""], include: [], nullsNotDistinct: !!c.state.unique.nullsNotDistinct, deferral: "not deferrable" });
  }
  for (const u of of("unique")) {
    const cols = ownAll(u.state.columns, "unique constraint");
    if (!cols) continue;
    const name = u.state.name ?? uniqueName(defaultName(t.name, columnsAddition(cols), "key"), relationNames);
    uniques.push({ name, columns: cols, include: ownAll0(u.state.include, "unique include"), nullsNotDistinct: u.state.nullsNotDistinct, deferral: u.state.deferral });
  }
  const foreignKeys = [];
  for (const c of columns) {
    const ref = c.state.references;
    if (!ref) continue;
    const where = `foreign key ${label}.${c.state.name ?? ""}`;
    const target = resolveTarget(ref.target, tables, where, problems);
    if (!target) continue;
    const name = ref.options.name ?? uniqueName(defaultName(t.name, c.state.name ?? "", "fkey"), constraintNames);
    foreignKeys.push(foreignKey(name, [c.state.name ?? ""], target.table, [target.column], ref.options));
  }
  for (const fk of of("foreign_key")) foreignKeys.push(...tableForeignKey(fk.state, t, label, tables, constraintNames, ownAll, problems));
  const checks = [];
  for (const c of of("check")) {
    if (entityKind(c.expression) !== "sql") {
      problems.push(`table ${label}: check ${c.name ?? ""} needs an sql\`...\` expression`);
      continue;
    }
    const referenced = [...new Set(expressionColumns(c.expression))];
    const name = c.name ?? uniqueName(defaultName(t.name, referenced.length === 1 ? referenced[0] : null, "check"), constraintNames);
    checks.push({ name, definition: `CHECK (${expressionSql(c.expression)})${c.notValid ? " NOT VALID" : ""}` });
  }
  const exclusions = [];
  for (const x of of("exclusion")) {
    if (entityKind(x.expression) !== "sql") {
      problems.push(`table ${label}: exclusion constraint ${x.name ?? ""} needs an sql\`...\` expression`);
      continue;
    }
    const referenced = [...new Set(expressionColumns(x.expression))];
    const name = x.name ?? uniqueName(defaultName(t.name, columnsAddition(referenced), "excl"), relationNames);
    exclusions.push({ name, definition: `EXCLUDE ${expressionSql(x.expression)}` });
  }
  const indexes = [];
  for (const ix of of("index")) {
    const index = buildIndex(ix.state, t, label, own, relationNames, problems, ownAll0);
    if (index) indexes.push(index);
  }
  for (const c of [primaryKey, ...uniques, ...foreignKeys, ...checks, ...exclusions]) if (c) checkName(`table ${label}: constraint ${c.name}`, c.name, problems);
  return {
    schema: t.schema,
    name: t.name,
    columns: built,
    primaryKey,
    uniques,
    foreignKeys,
    checks,
    exclusions,
    indexes,
    comment: t.comment,
    ...buildTableExtras(t, tables, label, of("policy"), problems)
  };
}
function buildColumn(c, where, problems) {
  const s = c.state;
  if (s.problem) problems.push(`${where}: ${s.problem}`);
  const serial = isSerial(s.type);
  const hasDefault = s.default !== void 0 && s.default !== null;
  if (serial && (hasDefault || s.identity || s.array)) problems.push(`${where}: a ${s.type} column numbers itself: drop its default, identity or array`);
  if (s.identity && hasDefault) problems.push(`${where}: an identity column cannot also have a default: keep one`);
  if (s.generated && (hasDefault || s.identity)) problems.push(`${where}: a generated column cannot also have a default or identity: keep one`);
  if (s.generated && entityKind(s.generated) !== "sql") problems.push(`${where}: generatedAlwaysAs needs an sql\`...\` expression`);
  if (hasDefault && typeof s.default === "object" && entityKind(s.default) !== void 0 && entityKind(s.default) !== "sql") {
    problems.push(`${where}: its default is a model object: use a literal or sql\`...\``);
  }
  return {
    name: s.name ?? "",
    type: s.array ? `${s.type}[]` : s.type,
    notNull: s.notNull || s.primaryKey || s.identity !== null || serial,
    default: hasDefault && !serial ? defaultSql(s.default, s.type, s.array) : null,
    identity: s.identity,
    generated: s.generated && entityKind(s.generated) === "sql" ? expressionSql(s.generated) : null,
    comment: s.comment
  };
}
function buildIndex(ix, t, label, own, relationNames, problems, ownAll0) {
  if (ix.elements.length === 0) {
    problems.push(`table ${label}: index${ix.name ? ` ${ix.name}` : ""} lists no columns: add them with .on(...)`);
    return null;
  }
  const parts = [];
  const nameParts = [];
  for (const element of ix.elements) {
    const ordered = isOrdered(element) ? element : null;
    const inner = ordered ? ordered.element : element;
    let text;
    if (entityKind(inner) === "sql") {
      const sqlText = expressionSql(inner);
      text = `(${sqlText})`;
      nameParts.push(/^\s*([a-z_][a-z0-9_]*)\s*\(/i.exec(sqlText)?.[1]?.toLowerCase() ?? "expr");
    } else {
      const name2 = own(inner, "index");
      if (name2 === null) return null;
      text = quoteName(name2);
      nameParts.push(name2);
    }
    parts.push(ordered?.order === "desc" ? `${text} DESC` : text);
  }
  const name = ix.name ?? uniqueName(defaultName(t.name, columnsAddition(nameParts), "idx"), relationNames);
  checkName(`index ${name}`, name, problems);
  const where = ix.where && entityKind(ix.where) === "sql" ? ` WHERE (${expressionSql(ix.where)})` : "";
  const include = ownAll0(ix.include, "index include");
  const extra = `${include.length ? ` INCLUDE (${include.map(quoteName).join(", ")})` : ""}${ix.nullsNotDistinct ? " NULLS NOT DISTINCT" : ""}`;
  const definition = `CREATE ${ix.unique ? "UNIQUE " : ""}INDEX ${quoteName(name)} ON ${quoteName(t.schema)}.${quoteName(t.name)} USING ${ix.method} (${parts.join(", ")})${extra}${where}`;
  return { name, unique: ix.unique, method: ix.method, definition };
}
function isOrdered(element) {
  return entityKind(element) === void 0 && typeof element === "object" && element !== null && "element" in element;
}
function quoteName(name) {
  return ident(name);
}
function nameOf(schema, name) {
  return qualifiedName({ schema, name });
}

// src/models/load.ts
function schemaOf(exports, file) {
  const models = collectModels(exports);
  if (models.tables.length === 0 && (models.objects ?? []).length === 0) {
    throw new ModelError(`models file ${file} exports no tables: export each table declared with table() from 'db-migrate-action', Sequelize models, or point --models at a schema.sql`, file);
  }
  const { schema, problems } = buildSchema(models);
  if (problems.length) {
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? "s" : ""})` : "";
    throw new ModelError(`models file ${file}: ${problems[0]}${more}`, file);
  }
  return { file, models, schema };
}
async function importModels(path, file) {
  if (!existsSync(path) || !statSync(path).isFile()) throw missing(file);
  try {
    return await untilSettled(importModule(path), file);
  } catch (error) {
    throw error instanceof ModelError ? error : importError(error, file);
  }
}
function untilSettled(loading, file) {
  return new Promise((resolve, reject) => {
    const stuck = () => reject(new ModelError(`models file ${file} never finishes loading: a top-level await in it (or in a module it imports) waits on something that never happens: remove it or make it settle`, file));
    process.once("beforeExit", stuck);
    loading.then(resolve, reject).finally(() => process.off("beforeExit", stuck));
  });
}
function missing(file) {
  return new ModelError(`models file ${file} does not exist: create it, or point the models setting (--models, input models or DB_MIGRATE_MODELS) at your models module, schema.sql or Sequelize models`, file);
}
function modulePath(path) {
  if (!existsSync(path) || !statSync(path).isDirectory()) return path;
  const index = ["index.ts", "index.mts", "index.js", "index.mjs", "index.cjs"].map((name) => join(path, name)).find((p) => existsSync(p));
  return index ?? join(path, "index.ts");
}
var orms = ["sequelize", "sequelize-typescript", "typeorm", "drizzle-orm", "reflect-metadata", "pg"];
function importError(error, file) {
  const message = (error instanceof Error ? error.message : String(error)).split("\n")[0].trim();
  const name = error instanceof Error ? error.name : "";
  const code = error.code;
  if (name === "SyntaxError" || /Unexpected token|Expected|Unterminated/.test(message)) {
    return new ModelError(`models file ${file} does not compile: ${message}: fix the syntax there`, file, { cause: error });
  }
  if (code === "ERR_MODULE_NOT_FOUND" || code === "MODULE_NOT_FOUND") {
    const wanted = /Cannot find (?:package|module) '([^']+)'/.exec(message)?.[1];
    const pkg = wanted && orms.find((o) => wanted === o || wanted.startsWith(`${o}/`) || wanted.includes(`/node_modules/${o}/`));
    if (pkg) return new ModelError(`models file ${file} imports ${pkg}, which is not installed in the project: npm install ${pkg} there (db-migrate uses the project's own copy)`, file, { cause: error });
    return new ModelError(`models file ${file} imports something that cannot be found: ${message}: install it or fix the import`, file, { cause: error });
  }
  return new ModelError(`models file ${file} failed while loading: ${message}: fix the error the module throws`, file, { cause: error });
}
function displayPath(path, cwd) {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith("..") && !isAbsolute(rel) ? rel.split(sep).join("/") : path;
}

// src/provision/cache-files.ts
import { readdirSync, renameSync, rmSync, statSync as statSync2, writeFileSync } from "node:fs";
import { join as join2 } from "node:path";
function writeWhole(file, text) {
  const partial = `${file}.${process.pid}.partial`;
  writeFileSync(partial, text);
  renameSync(partial, file);
}
function keepNewest(dir, limit) {
  const files = readdirSync(dir).filter((f) => f.endsWith(".json"));
  if (files.length <= limit) return;
  const aged = files.map((f) => ({ f, at: mtime(join2(dir, f)) })).sort((a, b) => b.at - a.at);
  for (const { f } of aged.slice(limit)) rmSync(join2(dir, f), { force: true });
}
function mtime(file) {
  try {
    return statSync2(file).mtimeMs;
  } catch {
    return 0;
  }
}

export {
  writeWhole,
  keepNewest,
  defaultName,
  columnsAddition,
  schemaOf,
  importModels,
  missing,
  modulePath,
  displayPath
};
