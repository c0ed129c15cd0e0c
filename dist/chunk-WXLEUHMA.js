import { createRequire as __dbMigrateCreateRequire } from 'node:module'; const require = __dbMigrateCreateRequire(import.meta.url); import { fileURLToPath as __dbMigrateFileURLToPath } from 'node:url'; const __dbMigrateDir = __dbMigrateFileURLToPath(new URL('./', import.meta.url));

// src/schema/schema.ts
var emptySchema = { schemas: [], enums: [], tables: [], grants: [], extensions: [], sequences: [], domains: [], compositeTypes: [], collations: [] };
function qualifiedName(item) {
  return item.schema === "public" ? item.name : `${item.schema}.${item.name}`;
}

// src/schema/pg-types.ts
var serialBase = { smallserial: "smallint", serial: "integer", bigserial: "bigint" };
var serialOf = { smallint: "smallserial", integer: "serial", bigint: "bigserial" };
var integerRank = { smallint: 1, integer: 2, bigint: 3 };
function isSerial(type) {
  return type in serialBase;
}
function baseType(type) {
  return serialBase[type] ?? type;
}
function serialFor(type) {
  return serialOf[type];
}
var integerRange = {
  smallint: { min: "-32768", max: "32767" },
  integer: { min: "-2147483648", max: "2147483647" },
  bigint: { min: "-9223372036854775808", max: "9223372036854775807" }
};
function isWidening(from, to) {
  if (from.endsWith("[]") !== to.endsWith("[]")) return false;
  if (from.endsWith("[]")) return isWidening(from.slice(0, -2), to.slice(0, -2));
  const fromInt = integerRank[baseType(from)];
  const toInt = integerRank[baseType(to)];
  if (fromInt !== void 0 && toInt !== void 0) return fromInt <= toInt;
  if (fromInt !== void 0 && to === "numeric") return true;
  if (from === "real" && to === "double precision") return true;
  const fromText = textLength(from);
  const toText = textLength(to);
  if (fromText !== void 0 && to === "text") return true;
  if (fromText !== void 0 && toText !== void 0 && from.startsWith("character varying") && to.startsWith("character varying")) {
    return toText === null || fromText !== null && fromText <= toText;
  }
  const fromNum = numeric(from);
  const toNum = numeric(to);
  if (fromNum && toNum) {
    if (toNum.precision === null) return true;
    if (fromNum.precision === null) return false;
    return toNum.scale >= fromNum.scale && toNum.precision - toNum.scale >= fromNum.precision - fromNum.scale;
  }
  return false;
}
function textLength(type) {
  const m = /^(character varying|character)(?:\((\d+)\))?$/.exec(type);
  if (!m) return void 0;
  return m[2] === void 0 ? null : Number(m[2]);
}
function numeric(type) {
  if (type === "numeric") return { precision: null, scale: 0 };
  const m = /^numeric\((\d+),(\d+)\)$/.exec(type);
  return m ? { precision: Number(m[1]), scale: Number(m[2]) } : null;
}

// src/schema/objects.ts
function objectKey(kind, schema, name, on = "") {
  return JSON.stringify([kind, schema, name, on]);
}
function keyOfObject(o) {
  return objectKey(o.kind, o.schema, o.name, o.on);
}
function kindOfKey(key) {
  return JSON.parse(key)[0];
}
function addsColumns(from, to) {
  return from.shape.length <= to.shape.length && from.shape.every((s, i) => s === to.shape[i]);
}
var objectNoun = {
  function: "function",
  procedure: "procedure",
  view: "view",
  materialized_view: "materialized view",
  view_index: "index",
  trigger: "trigger",
  event_trigger: "event trigger"
};
function objectName(o) {
  const q = (name) => o.schema === "public" || o.schema === "" ? name : `${o.schema}.${name}`;
  switch (o.kind) {
    case "function":
    case "procedure":
      return `${objectNoun[o.kind]} ${q(o.name)}(${o.on})`;
    case "trigger":
      return `trigger ${o.name} on ${q(o.on)}`;
    case "view_index":
      return `index ${o.name} on ${q(o.on)}`;
    default:
      return `${objectNoun[o.kind]} ${q(o.name)}`;
  }
}

export {
  emptySchema,
  qualifiedName,
  isSerial,
  baseType,
  serialFor,
  integerRange,
  isWidening,
  objectKey,
  keyOfObject,
  kindOfKey,
  addsColumns,
  objectName
};
