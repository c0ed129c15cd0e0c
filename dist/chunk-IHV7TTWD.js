import { createRequire as __dbMigrateCreateRequire } from 'node:module'; const require = __dbMigrateCreateRequire(import.meta.url); import { fileURLToPath as __dbMigrateFileURLToPath } from 'node:url'; const __dbMigrateDir = __dbMigrateFileURLToPath(new URL('./', import.meta.url));
import {
  createScratchDatabase,
  introspect,
  replayMigrations
} from "./chunk-QBOTGJF4.js";
import "./chunk-ZRRKR2HX.js";
import "./chunk-SV5JJJ6D.js";
import "./chunk-KKO6VTMG.js";
import {
  columnsAddition,
  defaultName,
  displayPath
} from "./chunk-AWFUUZIG.js";
import "./chunk-RSQ2HHEU.js";
import "./chunk-EALGPWGH.js";
import "./chunk-4ZVJDT3M.js";
import {
  keyOfObject,
  objectName,
  qualifiedName
} from "./chunk-WXLEUHMA.js";
import {
  waitForConnection
} from "./chunk-SV6MCVPL.js";
import {
  qualified
} from "./chunk-5DGH4JCW.js";
import "./chunk-BFVRO7RW.js";
import "./chunk-FH2UCXWC.js";
import {
  ConfigError
} from "./chunk-CL6XV7EK.js";
import "./chunk-64I5SS2G.js";

// src/commands/pull.ts
import { existsSync, mkdirSync, statSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

// src/render/model-names.ts
var reserved = new Set(
  "break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof let new null return super switch this throw true try typeof var void while with yield await implements interface package private protected public static arguments eval undefined NaN Infinity".split(" ")
);
function camelCase(name) {
  if (!/^[a-z][a-z0-9]*(?:_[a-z0-9]+)+$/.test(name)) return name;
  return name.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase());
}
function identifierFor(name) {
  if (isIdentifierName(name)) return camelCase(name);
  const words = name.split(/[^A-Za-z0-9$]+/).filter(Boolean);
  const joined = words.map((w, i) => i === 0 ? w.charAt(0).toLowerCase() + w.slice(1) : w.charAt(0).toUpperCase() + w.slice(1)).join("") || "_";
  return /^[0-9]/.test(joined) ? `_${joined}` : joined;
}
function isIdentifierName(name) {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name);
}
function variableName(candidates, suffix, taken) {
  const valid = candidates.map(identifierFor);
  const free = (name2) => !reserved.has(name2) && !taken.has(name2);
  let name = valid.find(free) ?? [valid[0], `${valid[0]}${suffix}`].find(free);
  for (let n = 2; !name; n++) if (free(`${valid[0]}${suffix}${n}`)) name = `${valid[0]}${suffix}${n}`;
  taken.add(name);
  return name;
}
function propertyKey(name) {
  if (name === "__proto__") return `['__proto__']`;
  return isIdentifierName(name) ? name : stringLiteral(name);
}
function propertyAccess(object, name) {
  return isIdentifierName(name) && name !== "__proto__" ? `${object}.${name}` : `${object}[${stringLiteral(name)}]`;
}
function stringLiteral(text) {
  const escaped = text.replace(/\\/g, "\\\\").replace(/'/g, "\\'").replace(/\n/g, "\\n").replace(/\r/g, "\\r").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
  return `'${escaped}'`;
}
function sqlLiteral(text) {
  return `sql\`${text.replace(/\\/g, "\\\\").replace(/`/g, "\\`").replace(/\$\{/g, "\\${")}\``;
}

// src/render/models-file-context.ts
function use(fn, ctx) {
  ctx.used.add(fn);
  return fn;
}
function sqlOf(text, ctx) {
  ctx.used.add("sql");
  return sqlLiteral(text);
}
function objectText(entries) {
  const set = entries.filter(([, v]) => v !== void 0);
  return set.length ? `{ ${set.map(([k, v]) => `${isIdentifierName(k) ? k : stringLiteral(k)}: ${v}`).join(", ")} }` : "";
}
function optionsArg(entries) {
  const text = objectText(entries);
  return text ? `, ${text}` : "";
}

// src/render/models-file-objects.ts
function objectDeclarations(objects, variable, ctx) {
  return readingOrder(objects).flatMap((o) => {
    const text = objectText2(o, objects, ctx);
    return text === null ? [] : [`export const ${variable(o)} = ${text}`];
  });
}
var kindOrder = ["function", "procedure", "view", "materialized_view", "view_index", "trigger", "event_trigger"];
function readingOrder(objects) {
  const sorted = [...objects].sort((a, b) => kindOrder.indexOf(a.kind) - kindOrder.indexOf(b.kind));
  const byKey = new Map(sorted.map((o) => [keyOfObject(o), o]));
  const done = /* @__PURE__ */ new Set();
  const out = [];
  const visit = (o, path) => {
    if (done.has(o) || path.has(o)) return;
    path.add(o);
    for (const key of o.dependsOn) {
      const dep = byKey.get(key);
      if (dep && dep.kind === o.kind) visit(dep, path);
    }
    done.add(o);
    out.push(o);
  };
  sorted.forEach((o) => visit(o, /* @__PURE__ */ new Set()));
  return out;
}
function objectText2(o, all, ctx) {
  switch (o.kind) {
    case "view":
    case "materialized_view":
      return viewText(o, all, ctx);
    case "function":
    case "procedure":
      return `${use(o.kind === "function" ? "sqlFunction" : "sqlProcedure", ctx)}(${sqlOf(o.definition, ctx)}${commentOption(o)})`;
    case "trigger":
    case "event_trigger":
      return `${use(o.kind === "trigger" ? "trigger" : "eventTrigger", ctx)}(${sqlOf(o.definition, ctx)}${optionsArg([comment(o), enabledOption(o)])})`;
    case "view_index":
      if (o.comment !== null) ctx.omitted.push(`${objectName(o)} has a comment: materializedView()'s indexes take none`);
      return null;
  }
}
function comment(o) {
  return ["comment", o.comment === null ? void 0 : stringLiteral(o.comment)];
}
function commentOption(o) {
  return optionsArg([comment(o)]);
}
function enabledOption(o) {
  return ["enabled", o.enabled === null || o.enabled === "enabled" ? void 0 : o.enabled === "disabled" ? "false" : stringLiteral(o.enabled)];
}
function viewText(o, all, ctx) {
  const m = /^CREATE (?:MATERIALIZED )?VIEW .+? (?:WITH \((.*?)\) )?AS\n([\s\S]*)$/.exec(o.definition);
  if (!m) {
    ctx.omitted.push(`${objectName(o)}: its definition does not read as CREATE VIEW name AS query: ${o.definition}`);
    return null;
  }
  const schema = ["schema", o.schema === "public" ? void 0 : stringLiteral(o.schema)];
  if (o.kind === "view") return `${use("view", ctx)}(${stringLiteral(o.name)}, ${sqlOf(m[2], ctx)}${optionsArg([schema, comment(o), ["with", m[1] === void 0 ? void 0 : stringLiteral(m[1])]])})`;
  if (m[1] !== void 0) ctx.omitted.push(`${objectName(o)} has WITH (${m[1]}): materializedView() takes no storage parameters`);
  const indexes = all.filter((x) => x.kind === "view_index" && x.schema === o.schema && x.on === o.name).map((x) => `    ${stringLiteral(x.definition)},`);
  const indexOption = indexes.length ? `[
${indexes.join("\n")}
  ]` : void 0;
  return `${use("materializedView", ctx)}(${stringLiteral(o.name)}, ${sqlOf(m[2], ctx)}${optionsArg([schema, comment(o), ["indexes", indexOption]])})`;
}
function grantsDeclaration(schema, variable, ctx) {
  const groups = /* @__PURE__ */ new Map();
  const implied = (g) => g.grantee === "PUBLIC" && !g.grantable && (g.on === "routine" && g.privilege === "EXECUTE" || g.on === "schema" && g.schema === "public");
  for (const g of schema.grants.filter((x) => !implied(x))) {
    const key = JSON.stringify([g.on, g.schema, g.name, g.column, g.grantee, g.grantable]);
    const group = groups.get(key) ?? { grant: g, privileges: [] };
    group.privileges.push(g.privilege);
    groups.set(key, group);
  }
  const lines = [...groups.values()].flatMap(({ grant, privileges }) => {
    const target = grantTarget(grant, ctx);
    if (target === null) return [];
    return [`  ${use("grant", ctx)}(${privileges.map(stringLiteral).join(", ")})${target}.to(${stringLiteral(grant.grantee)})${grant.grantable ? ".withGrantOption()" : ""},`];
  });
  return lines.length ? `export const ${variable} = [
${lines.join("\n")}
]` : null;
}
function grantTarget(g, ctx) {
  const inSchema = (name) => stringLiteral(g.schema === "public" ? name : `${g.schema}.${name}`);
  if (g.on === "sequence") return `.onSequence(${inSchema(g.name)})`;
  if (g.on === "routine") return `.onRoutine(${inSchema(g.name)})`;
  if (g.on === "schema") return `.onSchema(${stringLiteral(g.schema)})`;
  const t = ctx.tables.find((x) => x.schema === g.schema && x.name === g.name);
  const what = `${g.privilege} on ${g.schema === "public" ? "" : `${g.schema}.`}${g.name}${g.column === null ? "" : `.${g.column}`} to ${g.grantee}`;
  if (!t) {
    ctx.omitted.push(`grant ${what}: grant().on() takes a table of the models, not a view`);
    return null;
  }
  const v = ctx.tableVars.get(t);
  if (g.column === null) return `.on(${v})`;
  return `.on(${propertyAccess(`${v}.columns`, ctx.props.get(t).get(g.column) ?? g.column)})`;
}

// src/render/index-parts.ts
function closingParen(text, open) {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === "'" || c === '"') {
      i = closingQuote(text, i);
      if (i < 0) return -1;
    } else if (c === "(") depth++;
    else if (c === ")" && --depth === 0) return i;
  }
  return -1;
}
function closingQuote(text, open) {
  const quote = text[open];
  for (let i = open + 1; i < text.length; i++) {
    if (text[i] !== quote) continue;
    if (text[i + 1] === quote) i++;
    else return i;
  }
  return -1;
}
function splitTopLevel(text) {
  const parts = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "'" || c === '"') i = closingQuote(text, i);
    else if (c === "(") i = closingParen(text, i);
    else if (c === ",") {
      parts.push(text.slice(start, i).trim());
      start = i + 1;
    }
    if (i < 0) return [text];
  }
  parts.push(text.slice(start).trim());
  return parts;
}
function unwrap(text) {
  const t = text.trim();
  return t.startsWith("(") && closingParen(t, 0) === t.length - 1 ? t.slice(1, -1).trim() : t;
}
function indexParts(definition) {
  const using = /^CREATE (?:UNIQUE )?INDEX (?:"(?:[^"]|"")*"|\S+) ON (?:ONLY )?(?:"(?:[^"]|"")*"|[^\s."]+)(?:\.(?:"(?:[^"]|"")*"|[^\s."]+))? USING \S+ \(/.exec(definition);
  if (!using) return null;
  const open = using[0].length - 1;
  const close = closingParen(definition, open);
  if (close < 0) return null;
  const elements = splitTopLevel(definition.slice(open + 1, close)).map(indexElement);
  let tail = definition.slice(close + 1);
  let where = null;
  const at = tail.indexOf(" WHERE ");
  if (at >= 0) {
    where = unwrap(tail.slice(at + " WHERE ".length));
    tail = tail.slice(0, at);
  }
  return { elements, where, extra: tail.trim() };
}
function indexElement(text) {
  let i = 0;
  if (text.startsWith("(")) i = closingParen(text, 0) + 1;
  else {
    while (i < text.length && /[A-Za-z0-9_$."]/.test(text[i])) i = text[i] === '"' ? closingQuote(text, i) + 1 : i + 1;
    if (text[i] === "(") i = closingParen(text, i) + 1;
  }
  if (i <= 0) return { column: null, expression: text, rest: "" };
  const core = text.slice(0, i);
  const rest = text.slice(i).trim();
  const name = /^"((?:[^"]|"")*)"$/.exec(core)?.[1]?.replace(/""/g, '"') ?? (/^[a-z_][a-z0-9_$]*$/.test(core) ? core : null);
  return { column: name, expression: core, rest };
}

// src/render/models-file-types.ts
var simpleTypes = {
  smallint: "smallint",
  integer: "integer",
  bigint: "bigint",
  smallserial: "smallserial",
  serial: "serial",
  bigserial: "bigserial",
  text: "text",
  boolean: "boolean",
  real: "real",
  "double precision": "doublePrecision",
  date: "date",
  interval: "interval",
  uuid: "uuid",
  json: "json",
  jsonb: "jsonb",
  bytea: "bytea",
  numeric: "numeric",
  "character varying": "varchar"
};
function typeCall(type, name, ctx) {
  if (type.endsWith("[]")) return `${typeCall(type.slice(0, -2), name, ctx)}.array()`;
  const n = name === null ? [] : [stringLiteral(name)];
  const call = (fn, args) => {
    ctx.used.add(fn);
    return `${fn}(${args.join(", ")})`;
  };
  const typeVar = ctx.typeVars.get(type);
  if (typeVar) return `${typeVar}(${n.join(", ")})`;
  if (simpleTypes[type]) return call(simpleTypes[type], n);
  let m = /^character varying\((\d+)\)$/.exec(type);
  if (m) return call("varchar", [m[1], ...n]);
  m = /^character\((\d+)\)$/.exec(type);
  if (m) return call("char", [m[1], ...n]);
  m = /^numeric\((\d+),(-?\d+)\)$/.exec(type);
  if (m) return call("numeric", [m[1], m[2], ...n]);
  m = /^(time|timestamp)(?:\((\d)\))? (with|without) time zone$/.exec(type);
  if (m) {
    const zoned = m[1] === "timestamp" && m[3] === "with";
    const options = objectText([["withTimezone", m[3] === "with" && !zoned ? "true" : void 0], ["precision", m[2]]]);
    return call(zoned ? "timestamptz" : m[1], [...n, ...options ? [options] : []]);
  }
  return call("customType", [stringLiteral(type), ...n]);
}
var numberTypes = /* @__PURE__ */ new Set(["smallint", "integer", "bigint", "numeric", "real", "double precision"]);
var noStringDefault = /* @__PURE__ */ new Set(["smallint", "integer", "boolean", "real", "double precision", "json", "jsonb", "bytea"]);
function defaultText(c, ctx) {
  const base = c.type.replace(/\(.*\)$/, "");
  const d = c.default;
  const quoted = /^'((?:[^']|'')*)'::(.+)$/.exec(d);
  const literal = quoted && quoted[2] === base ? quoted[1].replace(/''/g, "'") : d;
  if (!c.type.endsWith("[]")) {
    if (numberTypes.has(base) && /^-?\d+(\.\d+)?$/.test(literal) && String(Number(literal)) === literal) return literal;
    if (base === "boolean" && (d === "true" || d === "false")) return d;
    if (quoted && quoted[2] === base && !noStringDefault.has(base)) return stringLiteral(literal);
  }
  const sequence = ctx.nextvals.get(d);
  return sequence ? `${sequence}.nextval()` : sqlOf(d, ctx);
}
function collateCall(collation, what, ctx) {
  const declared = ctx.collationVars.get(collation);
  if (declared) return `.collate(${declared})`;
  const name = /^"((?:[^"]|"")*)"$/.exec(collation)?.[1]?.replace(/""/g, '"') ?? (/^[a-z_][a-z0-9_$]*$/.test(collation) ? collation : null);
  if (name !== null) return `.collate(${stringLiteral(name)})`;
  ctx.omitted.push(`${what}: collate() names a collation of the models or one in the search path only`);
  return "";
}
var schemaOption = (schema) => ["schema", schema === "public" ? void 0 : stringLiteral(schema)];
function enumDeclaration(e, variable, ctx) {
  const values = `[${e.values.map(stringLiteral).join(", ")}]`;
  return `export const ${variable} = ${use("enumType", ctx)}(${stringLiteral(e.name)}, ${values}${optionsArg([schemaOption(e.schema), ["comment", e.comment === null ? void 0 : stringLiteral(e.comment)]])})`;
}
function schemaDeclaration(name, variable, ctx) {
  return `export const ${variable} = ${use("schema", ctx)}(${stringLiteral(name)})`;
}
function extensionDeclaration(e, variable, ctx) {
  return `export const ${variable} = ${use("extension", ctx)}(${stringLiteral(e.name)}${optionsArg([["version", e.version ? stringLiteral(e.version) : void 0], schemaOption(e.schema)])})`;
}
var typeRange = {
  smallint: [-32768n, 32767n],
  integer: [-2147483648n, 2147483647n],
  bigint: [-9223372036854775808n, 9223372036854775807n]
};
function sequenceDeclaration(s, variable, ctx) {
  const [typeMin, typeMax] = typeRange[s.type] ?? typeRange.bigint;
  const [increment, min, max] = [BigInt(s.increment), BigInt(s.min), BigInt(s.max)];
  const ascending = increment > 0n;
  const number = (value, fallback) => BigInt(value) === fallback ? void 0 : numberLiteral(value);
  const owner = s.ownedBy ? stringLiteral([...s.ownedBy.schema === "public" ? [] : [s.ownedBy.schema], s.ownedBy.table, s.ownedBy.column].join(".")) : void 0;
  return `export const ${variable} = ${use("sequence", ctx)}(${stringLiteral(s.name)}${optionsArg([
    schemaOption(s.schema),
    ["as", s.type === "bigint" ? void 0 : stringLiteral(s.type)],
    ["start", number(s.start, ascending ? min : max)],
    ["increment", number(s.increment, 1n)],
    ["min", number(s.min, ascending ? 1n : typeMin)],
    ["max", number(s.max, ascending ? typeMax : -1n)],
    ["cache", number(s.cache, 1n)],
    ["cycle", s.cycle ? "true" : void 0],
    ["ownedBy", owner]
  ])})`;
}
function numberLiteral(value) {
  return Number.isSafeInteger(Number(value)) ? String(Number(value)) : `${value}n`;
}
function domainDeclaration(d, variable, ctx) {
  const checks = [];
  for (const c of d.checks) {
    const m = /^CHECK \((.*)\)$/s.exec(c.definition);
    if (m) checks.push(`${propertyKey(c.name)}: ${sqlOf(unwrap(m[1]), ctx)}`);
    else ctx.omitted.push(`check ${c.name} on domain ${qualified(d.schema, d.name)}: checks declares CHECK (expression) only: ${c.definition}`);
  }
  const collate = d.collation === null ? void 0 : collateCall(d.collation, `domain ${qualified(d.schema, d.name)} is collated ${d.collation}`, ctx).replace(/^\.collate\((.*)\)$/, "$1") || void 0;
  return `export const ${variable} = ${use("domain", ctx)}(${stringLiteral(d.name)}, ${stringLiteral(d.type)}${optionsArg([
    schemaOption(d.schema),
    ["default", d.default === null ? void 0 : sqlOf(d.default, ctx)],
    ["notNull", d.notNull ? "true" : void 0],
    ["checks", checks.length ? `{ ${checks.join(", ")} }` : void 0],
    ["collate", collate]
  ])})`;
}
function compositeDeclaration(c, variable, ctx) {
  const attributes = c.attributes.map((a) => {
    const collate = a.collation === null ? "" : collateCall(a.collation, `attribute ${qualified(c.schema, c.name)}.${a.name} is collated ${a.collation}`, ctx);
    return `${propertyKey(a.name)}: ${typeCall(a.type, null, ctx)}${collate}`;
  });
  return `export const ${variable} = ${use("compositeType", ctx)}(${stringLiteral(c.name)}, ${attributes.length ? `{ ${attributes.join(", ")} }` : "{}"}${optionsArg([schemaOption(c.schema)])})`;
}
function collationDeclaration(c, variable, ctx) {
  const same = c.lcCollate === c.lcCtype;
  return `export const ${variable} = ${use("collation", ctx)}(${stringLiteral(c.name)}, ${objectText([
    schemaOption(c.schema),
    ["provider", c.provider === "libc" ? void 0 : stringLiteral(c.provider)],
    ["locale", c.locale !== null ? stringLiteral(c.locale) : same && c.lcCollate !== null ? stringLiteral(c.lcCollate) : void 0],
    ["lcCollate", !same && c.lcCollate !== null && c.locale === null ? stringLiteral(c.lcCollate) : void 0],
    ["lcCtype", !same && c.lcCtype !== null && c.locale === null ? stringLiteral(c.lcCtype) : void 0],
    ["deterministic", c.deterministic ? void 0 : "false"]
  ]) || "{}"})`;
}

// src/render/models-file-tables.ts
function tableDeclaration(t, ctx) {
  const place = placement(t);
  const props = ctx.props.get(t);
  const columns = t.columns.map((c) => `  ${propertyKey(props.get(c.name))}: ${columnText(t, c, place, ctx)},`);
  const constraints = [
    ...t.primaryKey && place.columnPk === null ? [primaryKeyText(t, t.primaryKey, ctx)] : [],
    ...t.uniques.filter((u) => ![...place.columnUniques.values()].includes(u)).map((u) => uniqueText(t, u, ctx)),
    ...t.foreignKeys.filter((fk) => ![...place.columnRefs.values()].includes(fk)).map((fk) => foreignKeyText(t, fk, ctx)),
    ...t.checks.map((c) => checkText(t, c, ctx)),
    ...t.exclusions.map((x) => exclusionText(x, ctx)),
    ...t.indexes.map((ix) => indexText(t, ix, ctx)),
    ...t.policies.map((p) => policyText(p, ctx))
  ].filter((x) => x !== null);
  const third = constraints.length ? `, (t) => [
${constraints.map((c) => `  ${c},`).join("\n")}
]` : "";
  const options = optionsArg([["schema", t.schema === "public" ? void 0 : stringLiteral(t.schema)], ["comment", t.comment === null ? void 0 : stringLiteral(t.comment)], ...tableOptions(t, ctx)]);
  return `export const ${ctx.tableVars.get(t)} = table(${stringLiteral(t.name)}, ${columns.length ? `{
${columns.join("\n")}
}` : "{}"}${third}${options})`;
}
function tableOptions(t, ctx) {
  const variable = (ref) => {
    const parent = ctx.tables.find((x) => x.schema === ref.schema && x.name === ref.name);
    return parent ? ctx.tableVars.get(parent) : void 0;
  };
  const bound = t.partitionOf?.bound;
  return [
    ["partitionBy", t.partitionBy === null ? void 0 : stringLiteral(t.partitionBy)],
    ["partitionOf", t.partitionOf ? variable(t.partitionOf) : void 0],
    ["forValues", bound === void 0 ? void 0 : stringLiteral(bound === "DEFAULT" ? "default" : bound.replace(/^FOR VALUES /, ""))],
    ["inherits", t.inherits.length ? `[${t.inherits.map(variable).join(", ")}]` : void 0],
    ["unlogged", t.unlogged ? "true" : void 0],
    ["rowLevelSecurity", t.rowLevelSecurity === "disabled" ? void 0 : stringLiteral(t.rowLevelSecurity)]
  ];
}
function policyText(p, ctx) {
  const roles = p.roles.length === 1 && p.roles[0] === "public" ? void 0 : `[${p.roles.map(stringLiteral).join(", ")}]`;
  return `${use("policy", ctx)}(${stringLiteral(p.name)}${optionsArg([
    ["for", p.command === "all" ? void 0 : stringLiteral(p.command)],
    ["as", p.permissive ? void 0 : stringLiteral("restrictive")],
    ["to", roles],
    ["using", p.using === null ? void 0 : sqlOf(p.using, ctx)],
    ["withCheck", p.withCheck === null ? void 0 : sqlOf(p.withCheck, ctx)]
  ])})`;
}
function placement(t) {
  const pk = t.primaryKey;
  const columnPk = pk && pk.columns.length === 1 && pk.deferral === "not deferrable" && !pk.include.length && pk.name === defaultName(t.name, null, "pkey") ? pk.columns[0] : null;
  const columnUniques = /* @__PURE__ */ new Map();
  for (const u of t.uniques) if (u.columns.length === 1 && u.deferral === "not deferrable" && !u.include.length && !columnUniques.has(u.columns[0])) columnUniques.set(u.columns[0], u);
  const columnRefs = /* @__PURE__ */ new Map();
  for (const fk of t.foreignKeys) if (fk.columns.length === 1 && !columnRefs.has(fk.columns[0])) columnRefs.set(fk.columns[0], fk);
  return { columnPk, columnUniques, columnRefs };
}
function columnText(t, c, place, ctx) {
  const where = `column ${qualifiedName(t)}.${c.name}`;
  const prop = ctx.props.get(t).get(c.name);
  let text = typeCall(c.type, prop === c.name ? null : c.name, ctx);
  const serial = /^(small|big)?serial$/.test(c.type);
  if (place.columnPk === c.name) text += ".primaryKey()";
  else if (c.notNull && !serial && c.identity === null) text += ".notNull()";
  if (serial && !c.notNull) ctx.omitted.push(`${where} is a ${c.type} that allows NULL: a serial column is always NOT NULL in the model language`);
  if (c.default !== null) text += `.default(${defaultText(c, ctx)})`;
  if (c.collation !== void 0) text += collateCall(c.collation, `${where} is collated ${c.collation}`, ctx);
  if (c.generated !== null) text += `.generatedAlwaysAs(${sqlOf(c.generated, ctx)})`;
  if (c.identity === "always") text += ".generatedAlwaysAsIdentity()";
  if (c.identity === "by default") text += ".generatedByDefaultAsIdentity()";
  const unique = place.columnUniques.get(c.name);
  if (unique) {
    const options = objectText([
      ["name", unique.name === defaultName(t.name, c.name, "key") ? void 0 : stringLiteral(unique.name)],
      ["nullsNotDistinct", unique.nullsNotDistinct ? "true" : void 0]
    ]);
    text += `.unique(${options})`;
  }
  const fk = place.columnRefs.get(c.name);
  if (fk) text += `.references(${referenceTarget(t, fk, ctx, false)}${referenceOptions(t, fk, true)})`;
  if (c.comment !== null) text += `.comment(${stringLiteral(c.comment)})`;
  if (c.default !== null && /\bnextval\(/.test(c.default) && !serial && !ctx.nextvals.has(c.default)) {
    ctx.omitted.push(`${where} defaults to ${c.default}: the models do not create that sequence, so the default fails where the models are built unless a migration does`);
  }
  return text;
}
function referenceTarget(t, fk, ctx, list) {
  const target = ctx.tables.find((x) => x.schema === fk.refSchema && x.name === fk.refTable);
  if (!target) {
    const path = stringLiteral([...fk.refSchema === "public" ? [] : [fk.refSchema], fk.refTable, fk.refColumns[0]].join("."));
    return list ? `() => []` : path;
  }
  const v = ctx.tableVars.get(target);
  const columns = fk.refColumns.map((c) => propertyAccess(`${v}.columns`, ctx.props.get(target).get(c) ?? c));
  const annotate = ctx.typescript && ctx.order.get(target) >= ctx.order.get(t);
  if (annotate) ctx.used.add("AnyColumn");
  const type = annotate ? list ? "(): readonly AnyColumn[]" : "(): AnyColumn" : "()";
  return `${type} => ${list ? `[${columns.join(", ")}]` : columns[0]}`;
}
function referenceOptions(t, fk, named) {
  const options = objectText([
    ["onDelete", fk.onDelete === "no action" ? void 0 : stringLiteral(fk.onDelete)],
    ["onUpdate", fk.onUpdate === "no action" ? void 0 : stringLiteral(fk.onUpdate)],
    ["name", named && fk.name !== defaultName(t.name, columnsAddition(fk.columns), "fkey") ? stringLiteral(fk.name) : void 0],
    ...deferralOptions(fk.deferral),
    ["match", fk.match === "full" ? stringLiteral("full") : void 0],
    ["notValid", fk.notValid ? "true" : void 0]
  ]);
  return options ? `, ${options}` : "";
}
function deferralOptions(deferral) {
  return deferral === "not deferrable" ? [] : deferral === "deferrable" ? [["deferrable", "true"]] : [["initiallyDeferred", "true"]];
}
function columnsOf(t, columns, ctx) {
  return columns.map((c) => propertyAccess("t", ctx.props.get(t).get(c))).join(", ");
}
function nameArg(name, fallback) {
  return name === fallback ? "" : stringLiteral(name);
}
function deferrableCall(deferral) {
  return deferral === "not deferrable" ? "" : deferral === "deferrable" ? ".deferrable()" : ".deferrable({ initiallyDeferred: true })";
}
function includeCall(t, include, ctx) {
  return include.length ? `.include(${columnsOf(t, include, ctx)})` : "";
}
function primaryKeyText(t, pk, ctx) {
  ctx.used.add("primaryKey");
  return `primaryKey(${nameArg(pk.name, defaultName(t.name, null, "pkey"))}).on(${columnsOf(t, pk.columns, ctx)})${includeCall(t, pk.include, ctx)}${deferrableCall(pk.deferral)}`;
}
function uniqueText(t, u, ctx) {
  ctx.used.add("unique");
  const name = nameArg(u.name, defaultName(t.name, columnsAddition(u.columns), "key"));
  return `unique(${name}).on(${columnsOf(t, u.columns, ctx)})${u.nullsNotDistinct ? ".nullsNotDistinct()" : ""}${includeCall(t, u.include, ctx)}${deferrableCall(u.deferral)}`;
}
function foreignKeyText(t, fk, ctx) {
  ctx.used.add("foreignKey");
  const name = nameArg(fk.name, defaultName(t.name, columnsAddition(fk.columns), "fkey"));
  return `foreignKey(${name}).on(${columnsOf(t, fk.columns, ctx)}).references(${referenceTarget(t, fk, ctx, true)}${referenceOptions(t, fk, false)})`;
}
function checkText(t, c, ctx) {
  const m = /^CHECK \((.*)\)( NOT VALID)?$/s.exec(c.definition);
  if (!m) {
    ctx.omitted.push(`check ${c.name} on ${qualifiedName(t)}: check() declares CHECK (expression) only: ${c.definition}`);
    return null;
  }
  ctx.used.add("check");
  return `check(${stringLiteral(c.name)}, ${sqlOf(unwrap(m[1]), ctx)}${m[2] ? ", { notValid: true }" : ""})`;
}
function exclusionText(x, ctx) {
  ctx.used.add("exclude");
  return `exclude(${stringLiteral(x.name)}, ${sqlOf(x.definition.replace(/^EXCLUDE /, ""), ctx)})`;
}
function indexText(t, ix, ctx) {
  const parts = indexParts(ix.definition);
  const extra = indexExtra(parts?.extra ?? "");
  const odd = parts?.elements.find((e) => e.rest !== "" && e.rest !== "DESC");
  const cannot = !parts ? "its definition does not read as CREATE INDEX ... USING ... (...)" : extra.rest ? `it has ${extra.rest}, which index() cannot declare` : odd ? `element ${odd.expression} has ${odd.rest}, which index().on() cannot declare` : null;
  if (cannot !== null || !parts) {
    ctx.omitted.push(`index ${ix.name} on ${qualifiedName(t)}: ${cannot}: ${ix.definition}`);
    return null;
  }
  const props = ctx.props.get(t);
  const nameParts = [];
  const elements = parts.elements.map((e) => {
    let text2;
    if (e.column !== null && props.has(e.column)) {
      text2 = propertyAccess("t", props.get(e.column));
      nameParts.push(e.column);
    } else {
      const expression = e.column !== null ? e.expression : unwrap(e.expression);
      text2 = sqlOf(expression, ctx);
      nameParts.push(/^\s*([a-z_][a-z0-9_]*)\s*\(/i.exec(expression)?.[1]?.toLowerCase() ?? "expr");
    }
    if (e.rest === "DESC") ctx.used.add("desc");
    return e.rest === "DESC" ? `desc(${text2})` : text2;
  });
  const fn = ix.unique ? "uniqueIndex" : "index";
  ctx.used.add(fn);
  let text = `${fn}(${nameArg(ix.name, defaultName(t.name, columnsAddition(nameParts), "idx"))}).on(${elements.join(", ")})`;
  if (ix.method !== "btree") text += `.using(${stringLiteral(ix.method)})`;
  if (extra.include.length) text += `.include(${extra.include.map((c) => propertyAccess("t", props.get(c) ?? c)).join(", ")})`;
  if (extra.nullsNotDistinct) text += ".nullsNotDistinct()";
  if (parts.where !== null) text += `.where(${sqlOf(parts.where, ctx)})`;
  return text;
}
function indexExtra(text) {
  let rest = text;
  let include = [];
  const inc = /INCLUDE \(((?:[^()"]|"(?:[^"]|"")*")*)\)/.exec(rest);
  if (inc) {
    include = splitTopLevel(inc[1]).map((c) => /^"(.*)"$/.exec(c)?.[1].replace(/""/g, '"') ?? c);
    rest = rest.replace(inc[0], "");
  }
  const nullsNotDistinct = / ?NULLS NOT DISTINCT/.test(rest);
  rest = rest.replace(/ ?NULLS NOT DISTINCT/, "").trim();
  return { include, nullsNotDistinct, rest };
}

// src/render/models-file.ts
var library = [
  "table",
  "enumType",
  "sql",
  "primaryKey",
  "unique",
  "foreignKey",
  "check",
  "exclude",
  "index",
  "uniqueIndex",
  "desc",
  "smallint",
  "integer",
  "bigint",
  "smallserial",
  "serial",
  "bigserial",
  "text",
  "varchar",
  "char",
  "boolean",
  "numeric",
  "real",
  "doublePrecision",
  "date",
  "time",
  "timestamp",
  "timestamptz",
  "interval",
  "uuid",
  "json",
  "jsonb",
  "bytea",
  "customType",
  "AnyColumn",
  "t",
  "schema",
  "extension",
  "sequence",
  "domain",
  "compositeType",
  "collation",
  "view",
  "materializedView",
  "sqlFunction",
  "sqlProcedure",
  "trigger",
  "eventTrigger",
  "policy",
  "grant"
];
function namer(taken, suffix) {
  return (item) => variableName(item.schema === "public" || item.schema === "" ? [item.name] : [item.name, `${item.schema}_${item.name}`], suffix, taken);
}
function renderModelsFile(schema, options = {}) {
  const taken = new Set(library);
  const tables = dependencyOrder(schema.tables);
  const publicFirst = [...tables.filter((t) => t.schema === "public"), ...tables.filter((t) => t.schema !== "public")];
  const tableVars = new Map(publicFirst.map((t) => [t, namer(taken, "Table")(t)]));
  const vars = (items, suffix) => new Map(items.map((x) => [x, namer(taken, suffix)(x)]));
  const [enumVars, domainVars, compositeVars] = [vars(schema.enums, "Enum"), vars(schema.domains, "Domain"), vars(schema.compositeTypes, "Type")];
  const [sequenceVars, collationVars, extensionVars] = [vars(schema.sequences, "Sequence"), vars(schema.collations, "Collation"), vars(schema.extensions.map((e) => ({ ...e, schema: "public" })), "Extension")];
  const byType = (m) => [...m].map(([x, v]) => [qualified(x.schema, x.name), v]);
  const ctx = {
    used: /* @__PURE__ */ new Set(["table"]),
    omitted: [],
    typescript: options.typescript ?? true,
    tableVars,
    tables,
    order: new Map(tables.map((t, i) => [t, i])),
    props: new Map(tables.map((t) => [t, propertyNames(t)])),
    typeVars: new Map([...byType(enumVars), ...byType(domainVars), ...byType(compositeVars)]),
    nextvals: new Map([...sequenceVars].map(([s, v]) => [`nextval('${qualified(s.schema, s.name).replace(/'/g, "''")}'::regclass)`, v])),
    collationVars: new Map(byType(collationVars))
  };
  const objects = schema.objects ?? [];
  const holding = new Set([...schema.tables, ...schema.enums, ...schema.sequences, ...schema.domains, ...schema.compositeTypes, ...schema.collations, ...objects].map((x) => x.schema));
  const emptySchemas = schema.schemas.filter((s) => !holding.has(s));
  const schemaVars = new Map(emptySchemas.map((s) => [s, variableName([s], "Schema", taken)]));
  const objectVars = new Map(objects.filter((o) => o.kind !== "view_index").map((o) => [o, namer(taken, o.kind === "trigger" ? "Trigger" : "Object")(o)]));
  const grantsVar = variableName(["grants"], "", taken);
  const body = [
    ...emptySchemas.map((s) => schemaDeclaration(s, schemaVars.get(s), ctx)),
    ...schema.extensions.map((e, i) => extensionDeclaration(e, [...extensionVars.values()][i], ctx)),
    ...schema.collations.map((c) => collationDeclaration(c, collationVars.get(c), ctx)),
    ...schema.enums.map((e) => enumDeclaration(e, enumVars.get(e), ctx)),
    ...schema.domains.map((d) => domainDeclaration(d, domainVars.get(d), ctx)),
    ...schema.compositeTypes.map((c) => compositeDeclaration(c, compositeVars.get(c), ctx)),
    ...schema.sequences.map((s) => sequenceDeclaration(s, sequenceVars.get(s), ctx)),
    ...tables.map((t) => tableDeclaration(t, ctx)),
    ...objectDeclarations(objects, (o) => objectVars.get(o), ctx),
    ...[grantsDeclaration(schema, grantsVar, ctx)].filter((g) => g !== null)
  ];
  unknownKinds(schema, ctx);
  const names = [...ctx.used].filter((n) => n !== "AnyColumn").sort();
  const types = ctx.used.has("AnyColumn") ? ctx.typescript ? ", type AnyColumn" : "" : "";
  const header = [
    `// Pulled by db-migrate pull${options.source ? ` from ${options.source}` : ""}: ${schema.tables.length} table(s), ${schema.enums.length} enum(s).`,
    "// `db-migrate check` compares these models with the migrations; edit them, then `db-migrate revision --autogenerate`.",
    ...ctx.omitted.map((o, i) => `${i === 0 ? "// Not declared as the database has it (the model language has no way to say it):\n" : ""}//   - ${o.replace(/\r\n?|[\n\u2028\u2029]/g, " ")}`),
    `import { ${names.join(", ")}${types} } from ${stringLiteral(options.importFrom ?? "db-migrate-action")}`
  ];
  return { text: `${[header.join("\n"), ...body].join("\n\n")}
`, tables: schema.tables.length, enums: schema.enums.length, omitted: ctx.omitted };
}
var schemaKeys = /* @__PURE__ */ new Set(["schemas", "enums", "tables", "grants", "objects", "extensions", "sequences", "domains", "compositeTypes", "collations"]);
var tableKeys = /* @__PURE__ */ new Set([
  "schema",
  "name",
  "columns",
  "primaryKey",
  "uniques",
  "foreignKeys",
  "checks",
  "exclusions",
  "indexes",
  "comment",
  "partitionBy",
  "partitionOf",
  "inherits",
  "unlogged",
  "rowLevelSecurity",
  "policies"
]);
var columnKeys = /* @__PURE__ */ new Set(["name", "type", "notNull", "default", "identity", "generated", "comment", "collation"]);
function unknownKinds(schema, ctx) {
  const held = (v) => v !== null && v !== void 0 && v !== false && !(Array.isArray(v) && v.length === 0);
  for (const [key, value] of Object.entries(schema)) if (!schemaKeys.has(key) && held(value)) ctx.omitted.push(`the schema's ${key}: pull does not write them yet`);
  for (const t of schema.tables) {
    for (const [key, value] of Object.entries(t)) if (!tableKeys.has(key) && held(value)) ctx.omitted.push(`table ${qualifiedName(t)}: its ${key}: pull does not write it yet`);
    for (const c of t.columns) for (const [key, value] of Object.entries(c)) if (!columnKeys.has(key) && held(value)) ctx.omitted.push(`column ${qualifiedName(t)}.${c.name}: its ${key}: pull does not write it yet`);
  }
}
function dependencyOrder(tables) {
  const byName = new Map(tables.map((t) => [qualifiedName(t), t]));
  const done = /* @__PURE__ */ new Set();
  const visiting = /* @__PURE__ */ new Set();
  const out = [];
  const visit = (t) => {
    if (done.has(t) || visiting.has(t)) return;
    visiting.add(t);
    const parents = [...t.foreignKeys.map((fk) => ({ schema: fk.refSchema, name: fk.refTable })), ...t.partitionOf ? [t.partitionOf] : [], ...t.inherits];
    for (const ref of parents) {
      const target = byName.get(qualifiedName(ref));
      if (target && target !== t) visit(target);
    }
    visiting.delete(t);
    done.add(t);
    out.push(t);
  };
  tables.forEach(visit);
  return out;
}
function propertyNames(t) {
  const names = /* @__PURE__ */ new Map();
  const taken = /* @__PURE__ */ new Set();
  for (const c of t.columns) {
    if (identifierFor(c.name) !== c.name || taken.has(c.name)) continue;
    names.set(c.name, c.name);
    taken.add(c.name);
  }
  for (const c of t.columns) {
    if (names.has(c.name)) continue;
    const candidates = [identifierFor(c.name), c.name];
    let name = candidates.find((n) => !taken.has(n));
    for (let n = 2; !name; n++) if (!taken.has(`${c.name}${n}`)) name = `${c.name}${n}`;
    taken.add(name);
    names.set(c.name, name);
  }
  return new Map(t.columns.map((c) => [c.name, names.get(c.name)]));
}

// src/commands/pull.ts
async function pull(config, log, options) {
  const file = config.stdout ? "-" : displayPath(config.modelsPath, config.cwd);
  checkPull(config, "database" in options.source);
  const { schema, from } = "database" in options.source ? { schema: await readDatabase(config, options.source.database), from: `the database (${config.databaseSetting})` } : await readMigrations(config, options.source.server, log);
  if (schema.tables.length === 0) {
    throw new ConfigError("database" in options.source ? "database-url" : "migrations", `pull found no tables in ${from}, db-migrate's and Umzug's history aside: there are no models to write`);
  }
  const rendered = renderModelsFile(schema, { source: from, typescript: !/\.(c|m)?js$/.test(config.modelsPath) });
  for (const line of rendered.omitted) log.warn(`pull could not declare ${line}`);
  if (!config.stdout) {
    mkdirSync(dirname(config.modelsPath), { recursive: true });
    writeFileSync(config.modelsPath, rendered.text, { flag: config.force ? "w" : "wx" });
  }
  const count = (n, what) => `${n} ${what}${n === 1 ? "" : "s"}`;
  const left = rendered.omitted.length ? `; ${count(rendered.omitted.length, "thing")} the model language cannot say left out or weakened (listed in the file's header)` : "";
  const summary = `${config.stdout ? "Printed" : "Wrote"} ${count(rendered.tables, "table")} and ${count(rendered.enums, "enum")} ${config.stdout ? "to stdout" : `to ${file}`}, from ${from}${left}`;
  if (config.stdout) log.info(summary);
  return { file, from, tables: rendered.tables, enums: rendered.enums, omitted: rendered.omitted, text: rendered.text, stdout: config.stdout, summary };
}
function checkPull(config, database = config.database !== null) {
  if (!config.stdout) refuseOverwrite(config, displayPath(config.modelsPath, config.cwd));
  if (config.modelsKind !== null && config.modelsKind !== "db-migrate") {
    throw new ConfigError("models-kind", `pull writes models in db-migrate's model language, but models-kind is ${config.modelsKind}: unset it for pull, or write the models to another file with --models`);
  }
  if (!database && !existsSync(config.migrationsDir)) {
    throw new ConfigError("migrations", `pull has no database to read (--database-url, DATABASE_URL or DB_*) and no migrations folder at ${displayPath(config.migrationsDir, config.cwd)} to replay: name one of them`);
  }
}
function refuseOverwrite(config, file) {
  if (!existsSync(config.modelsPath)) return;
  if (statSync(config.modelsPath).isDirectory()) {
    throw new ConfigError("models", `pull writes one models file, but ${file} is a folder: point --models at a file such as ${file}/index.ts`);
  }
  if (!config.force) {
    throw new ConfigError("models", `pull would overwrite ${file}, which exists: replace it with --force (input force), print the models with --stdout, or name another file with --models`);
  }
}
async function readDatabase(config, url) {
  const client = await waitForConnection(url, config.connectTimeoutMs);
  try {
    return await introspect(client, { exclude: [{ schema: config.historySchema, name: config.historyTable }, { schema: config.umzugStorage.schema, name: config.umzugStorage.table }] });
  } finally {
    await client.end().catch(() => {
    });
  }
}
async function readMigrations(config, serverUrl, log) {
  const scratch = await createScratchDatabase(serverUrl, "db_migrate_pull");
  try {
    const { schema, count } = await replayMigrations(config, scratch.url, log);
    return { schema, from: `the head of ${displayPath(config.migrationsDir, config.cwd)} (${count} migration(s) replayed)` };
  } finally {
    await scratch.drop().catch(() => {
    });
  }
}
export {
  checkPull,
  pull
};
