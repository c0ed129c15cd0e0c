import { createRequire as __dbMigrateCreateRequire } from 'node:module'; const require = __dbMigrateCreateRequire(import.meta.url); import { fileURLToPath as __dbMigrateFileURLToPath } from 'node:url'; const __dbMigrateDir = __dbMigrateFileURLToPath(new URL('./', import.meta.url));
import {
  addsColumns,
  baseType,
  emptySchema,
  integerRange,
  isSerial,
  isWidening,
  keyOfObject,
  kindOfKey,
  objectKey,
  qualifiedName
} from "./chunk-WXLEUHMA.js";
import {
  ident,
  qualified,
  quoteLiteral
} from "./chunk-5DGH4JCW.js";

// src/compare/keys.ts
function keyOf(item) {
  return `${item.schema}\0${item.name}`;
}

// src/compare/collations.ts
function compareCollations(from, to) {
  const ops = [];
  const toByKey = new Map(to.collations.map((c) => [keyOf(c), c]));
  const fromKeys = new Set(from.collations.map(keyOf));
  for (const c of to.collations) if (!fromKeys.has(keyOf(c))) ops.push({ kind: "create_collation", collation: c });
  for (const c of from.collations) {
    const target = toByKey.get(keyOf(c));
    if (!target) ops.push({ kind: "drop_collation", collation: c });
    else if (collationSignature(c) !== collationSignature(target)) ops.push({ kind: "alter_collation", from: c, to: target });
  }
  return ops;
}
function collationSignature(c) {
  return JSON.stringify([c.provider, c.locale, c.lcCollate, c.lcCtype, c.deterministic]);
}

// src/compare/enums.ts
function compareEnums(from, to) {
  const ops = [];
  const toByKey = new Map(to.enums.map((e) => [keyOf(e), e]));
  const fromByKey = new Map(from.enums.map((e) => [keyOf(e), e]));
  for (const e of to.enums) if (!fromByKey.has(keyOf(e))) ops.push({ kind: "create_enum", enum: e });
  for (const e of from.enums) {
    const target = toByKey.get(keyOf(e));
    if (!target) {
      ops.push({ kind: "drop_enum", enum: e });
      continue;
    }
    const both = { ...e, values: union(e.values, target.values) };
    if (!sameValues(e.values, both.values)) {
      ops.push({ kind: "alter_enum", stage: "add_values", from: e, to: both, usages: usages(e, from) });
    }
    if (!sameValues(both.values, target.values)) {
      ops.push({ kind: "alter_enum", stage: "remove_values", from: { ...both, comment: target.comment }, to: target, usages: usages(e, to) });
    }
    if (e.comment !== target.comment) {
      ops.push({ kind: "set_enum_comment", enum: { schema: e.schema, name: e.name }, from: e.comment, to: target.comment });
    }
  }
  return ops;
}
function union(from, to) {
  const out = [...from];
  to.forEach((value, i) => {
    if (out.includes(value)) return;
    const after = i === 0 ? -1 : out.indexOf(to[i - 1]);
    out.splice(after + 1, 0, value);
  });
  return out;
}
function sameValues(a, b) {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}
function enumTypeName(e) {
  return e.schema === "public" ? e.name : `${e.schema}.${e.name}`;
}
function enumUse(column2, e) {
  const type = column2.type.replace(/"/g, "");
  const name = enumTypeName(e);
  if (type === name) return { array: false };
  if (type === `${name}[]`) return { array: true };
  return null;
}
function usages(e, schema) {
  const cast = new RegExp(`::${escapeRegExp(enumTypeName(e))}(?![\\w$])`);
  const namesType = (definition) => cast.test(definition.replace(/"/g, ""));
  return schema.tables.flatMap((table) => {
    const checks = table.checks.filter((c) => namesType(c.definition));
    const indexes = table.indexes.filter((i) => namesType(i.definition));
    return table.columns.flatMap((column2) => {
      const use = enumUse(column2, e);
      if (!use) return [];
      return [{ table: { schema: table.schema, name: table.name }, column: column2.name, array: use.array, default: column2.default, checks, indexes }];
    });
  });
}
function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

// src/compare/composites.ts
function compareComposites(from, to) {
  const ops = [];
  const toByKey = new Map(to.compositeTypes.map((c) => [keyOf(c), c]));
  const fromKeys = new Set(from.compositeTypes.map(keyOf));
  for (const c of dependencyOrder(to.compositeTypes.filter((c2) => !fromKeys.has(keyOf(c2))))) ops.push({ kind: "create_composite", composite: c });
  for (const c of dependencyOrder(from.compositeTypes).reverse()) {
    const target = toByKey.get(keyOf(c));
    if (!target) ops.push({ kind: "drop_composite", composite: c });
    else if (JSON.stringify(c.attributes) !== JSON.stringify(target.attributes)) ops.push({ kind: "alter_composite", from: c, to: target });
  }
  return ops;
}
function dependencyOrder(types) {
  const byName = new Map(types.map((t) => [enumTypeName(t), t]));
  const out = [];
  const seen = /* @__PURE__ */ new Set();
  const visit = (t) => {
    if (seen.has(t)) return;
    seen.add(t);
    for (const a of t.attributes) {
      const used = byName.get(a.type.replace(/"/g, "").replace(/\[\]$/, ""));
      if (used) visit(used);
    }
    out.push(t);
  };
  types.forEach(visit);
  return out;
}

// src/compare/normalize.ts
function normalizeExpression(expr) {
  if (!expr.includes("CURRENT_TIMESTAMP") && !expr.includes("transaction_timestamp()") && !expr.includes("ARRAY[")) return expr;
  return mapOutsideLiterals(
    castEachElement(expr),
    (code) => code.replace(/\bCURRENT_TIMESTAMP\b(?!\s*\()/g, "now()").replace(/\btransaction_timestamp\(\)/g, "now()").replace(/\bARRAY\[\]::/g, `'{}'::`)
  );
}
var literal = String.raw`'(?:[^']|'')*'::[a-z][a-z ]*(?:\(\d+(?:,\d+)?\))?`;
var castArray = new RegExp(String.raw`\(ARRAY\[(${literal}(?:, ${literal})*)\]\)::([a-z][a-z ]*(?:\(\d+(?:,\d+)?\))?)\[\]`, "g");
var oneLiteral = new RegExp(literal, "g");
function castEachElement(expr) {
  return expr.replace(castArray, (_, elements, type) => `ARRAY[${elements.replace(oneLiteral, (element) => `(${element})::${type}`)}]`);
}
function sameExpression(a, b) {
  return a === b || a !== null && b !== null && normalizeExpression(a) === normalizeExpression(b);
}
function mapOutsideLiterals(sql, fn) {
  let out = "";
  let start = 0;
  for (let i = 0; i < sql.length; ) {
    const quote = sql[i];
    if (quote !== "'" && quote !== '"') {
      i++;
      continue;
    }
    let j = i + 1;
    for (; ; ) {
      j = sql.indexOf(quote, j);
      if (j < 0) {
        j = sql.length;
        break;
      }
      if (sql[j + 1] === quote) j += 2;
      else break;
    }
    out += fn(sql.slice(start, i)) + sql.slice(i, j + 1);
    i = start = j + 1;
  }
  return out + fn(sql.slice(start));
}
function primaryKeySignature(pk) {
  return JSON.stringify([pk.columns, pk.include, pk.deferral]);
}
function uniqueSignature(u) {
  return JSON.stringify([u.columns, u.include, u.nullsNotDistinct, u.deferral]);
}
function foreignKeySignature(fk) {
  return JSON.stringify([fk.columns, fk.refSchema, fk.refTable, fk.refColumns, fk.onDelete, fk.onUpdate, fk.deferral, fk.match, fk.notValid]);
}
function checkSignature(check) {
  return normalizeExpression(check.definition);
}
function exclusionSignature(exclusion) {
  return normalizeExpression(exclusion.definition);
}
function indexSignature(index) {
  return normalizeExpression(index.definition.replace(/^(CREATE (?:UNIQUE )?INDEX )(?:"(?:[^"]|"")*"|\S+)( ON )(?:ONLY )?/, "$1$2"));
}

// src/compare/domains.ts
function compareDomains(from, to) {
  const ops = [];
  const toByKey = new Map(to.domains.map((d) => [keyOf(d), d]));
  const fromKeys = new Set(from.domains.map(keyOf));
  for (const d of to.domains) if (!fromKeys.has(keyOf(d))) ops.push({ kind: "create_domain", domain: d });
  for (const d of from.domains) {
    const target = toByKey.get(keyOf(d));
    if (!target) {
      ops.push({ kind: "drop_domain", domain: d });
      continue;
    }
    const changes2 = domainChanges(d, target);
    if (changes2.length) ops.push({ kind: "alter_domain", from: d, to: target, changes: changes2, usages: domainUsages(d, from) });
  }
  return ops;
}
function domainChanges(from, to) {
  const changes2 = [];
  if (from.type !== to.type) changes2.push("type");
  if (from.collation !== to.collation) changes2.push("collation");
  if (!sameExpression(from.default, to.default)) changes2.push("default");
  if (from.notNull !== to.notNull) changes2.push("nullability");
  if (checksKey(from) !== checksKey(to)) changes2.push("checks");
  return changes2;
}
function checksKey(d) {
  return JSON.stringify(d.checks.map((c) => [c.name, checkSignature(c)]).sort());
}
function domainUsages(d, schema) {
  const name = enumTypeName(d);
  return schema.tables.flatMap((t) => t.columns.filter((c) => c.type.replace(/"/g, "") === name).map((c) => ({ table: { schema: t.schema, name: t.name }, column: c.name, default: c.default })));
}

// src/compare/extensions.ts
function compareExtensions(from, to, ignoreVersions) {
  const ops = [];
  const toByName = new Map(to.extensions.map((e) => [e.name, e]));
  const fromNames = new Set(from.extensions.map((e) => e.name));
  for (const e of to.extensions) if (!fromNames.has(e.name)) ops.push({ kind: "create_extension", extension: e });
  for (const e of from.extensions) {
    const target = toByName.get(e.name);
    if (!target) ops.push({ kind: "drop_extension", extension: e });
    else if (e.schema !== target.schema || !ignoreVersions && e.version !== target.version) {
      ops.push({ kind: "alter_extension", from: e, to: ignoreVersions ? { ...target, version: e.version } : target });
    }
  }
  return ops;
}

// src/compare/grants.ts
function compareGrants(from, to, rebuilt) {
  const fromKeys = new Set(from.grants.map(grantKey));
  const toKeys = new Set(to.grants.map(grantKey));
  const fromRoutines = new Set(from.grants.filter((g) => g.on === "routine").map(keyOf));
  const toRoutines = new Set(to.grants.filter((g) => g.on === "routine").map(keyOf));
  const implied = (g, other) => g.on === "routine" && g.grantee === "PUBLIC" && g.privilege === "EXECUTE" && !other.has(keyOf(g));
  const onRebuilt = (g) => (g.on === "table" || g.on === "column") && rebuilt.has(keyOf(g));
  const revoked = from.grants.filter((g) => !toKeys.has(grantKey(g)) && !implied(g, toRoutines) || onRebuilt(g));
  const granted = to.grants.filter((g) => !fromKeys.has(grantKey(g)) && !implied(g, fromRoutines) || onRebuilt(g));
  const tableLevel = [...revoked, ...granted].filter((g) => g.on === "table");
  const regiven = from.grants.filter((c) => c.on === "column" && toKeys.has(grantKey(c)) && !revoked.includes(c) && tableLevel.some((t) => t.schema === c.schema && t.name === c.name && t.grantee === c.grantee && t.privilege === c.privilege));
  return [
    ...[...revoked, ...regiven].map((grant) => ({ kind: "revoke", grant })),
    ...[...granted, ...regiven].map((grant) => ({ kind: "grant", grant }))
  ];
}
function grantKey(g) {
  return JSON.stringify([g.on, g.schema, g.name, g.column, g.grantee, g.privilege, g.grantable]);
}

// src/compare/definitions.ts
function sameDefinition(a, b) {
  return a === b || squeeze(a) === squeeze(b);
}
function squeeze(sql) {
  let out = "";
  for (let i = 0; i < sql.length; ) {
    const c = sql[i];
    if (c === "'" || c === '"') {
      let j = i + 1;
      while (j < sql.length && !(sql[j] === c && sql[j + 1] !== c)) j += sql[j] === c ? 2 : 1;
      out += sql.slice(i, j + 1);
      i = j + 1;
    } else if (/\s/.test(c)) {
      while (i < sql.length && /\s/.test(sql[i])) i++;
      out += " ";
    } else {
      out += c;
      i++;
    }
  }
  return out.trim();
}

// src/compare/objects.ts
function compareObjects(from, to, tableOps) {
  const fromObjects = from.objects ?? [];
  const toObjects = to.objects ?? [];
  if (fromObjects.length === 0 && toObjects.length === 0) return [];
  const fromByKey = new Map(fromObjects.map((o) => [keyOfObject(o), o]));
  const toByKey = new Map(toObjects.map((o) => [keyOfObject(o), o]));
  const created = toObjects.filter((o) => !fromByKey.has(keyOfObject(o)));
  const dropped = fromObjects.filter((o) => !toByKey.has(keyOfObject(o)));
  const altered = /* @__PURE__ */ new Map();
  const gone = /* @__PURE__ */ new Set([...dropped.map(keyOfObject), ...changedUnder(tableOps)]);
  const changed = /* @__PURE__ */ new Set();
  const reshaped = /* @__PURE__ */ new Set();
  for (const o of fromObjects) {
    const target = toByKey.get(keyOfObject(o));
    if (!target) continue;
    const changes2 = differences(o, target);
    if (changes2.includes("definition") && !canReplace(o, target)) {
      gone.add(keyOfObject(o));
      changed.add(keyOfObject(o));
    } else if (changes2.length) {
      altered.set(keyOfObject(o), { kind: "alter_object", from: o, to: target, changes: changes2 });
      if (!sameShape(o, target)) reshaped.add(keyOfObject(o));
    }
  }
  for (let grew = true; grew; ) {
    grew = false;
    for (const o of fromObjects) {
      const key = keyOfObject(o);
      if (!gone.has(key) && o.dependsOn.some((d) => gone.has(d) || reshaped.has(d))) {
        gone.add(key);
        grew = true;
      }
    }
  }
  const rebuilt = fromObjects.filter((o) => gone.has(keyOfObject(o)) && toByKey.has(keyOfObject(o)));
  for (const o of rebuilt) altered.delete(keyOfObject(o));
  const rebuiltKeys = new Set(rebuilt.map(keyOfObject));
  const why = (object) => {
    const key = keyOfObject(object);
    return rebuiltKeys.has(key) ? { recreated: changed.has(key) ? "changed" : "depends" } : {};
  };
  const drops = inDependencyOrder([...dropped, ...rebuilt]).reverse();
  const later = inDependencyOrder([...created, ...rebuilt.map((o) => toByKey.get(keyOfObject(o))), ...[...altered.values()].map((op) => op.to)]);
  return [
    ...drops.map((object) => ({ kind: "drop_object", object, ...why(object) })),
    ...later.map((object) => altered.get(keyOfObject(object)) ?? { kind: "create_object", object, ...why(object) })
  ];
}
function differences(from, to) {
  const changes2 = [];
  if (!sameDefinition(from.definition, to.definition)) changes2.push("definition");
  if (from.comment !== to.comment) changes2.push("comment");
  if (from.enabled !== to.enabled) changes2.push("enabled");
  return changes2;
}
function canReplace(from, to) {
  switch (from.kind) {
    case "function":
    case "procedure":
      return from.shape.length === to.shape.length && from.shape.every((s, i) => s === to.shape[i]);
    case "view":
      return addsColumns(from, to);
    default:
      return false;
  }
}
function sameShape(a, b) {
  return a.shape.length === b.shape.length && a.shape.every((s, i) => s === b.shape[i]);
}
function changedUnder(ops) {
  return ops.flatMap((op) => {
    switch (op.kind) {
      case "alter_column":
        return op.changes.includes("type") || op.changes.includes("generated") ? [objectKey("column", op.table.schema, op.from.name, op.table.name)] : [];
      case "drop_column":
        return [objectKey("column", op.table.schema, op.column.name, op.table.name)];
      case "drop_table":
        return [objectKey("table", op.table.schema, op.table.name)];
      case "alter_enum": {
        const kept = op.to.values.filter((v) => op.from.values.includes(v));
        if (JSON.stringify(kept) === JSON.stringify(op.from.values)) return [];
        return op.usages.map((u) => objectKey("column", u.table.schema, u.column, u.table.name));
      }
      default:
        return [];
    }
  });
}
function inDependencyOrder(objects) {
  const byKey = new Map(objects.map((o) => [keyOfObject(o), o]));
  const done = /* @__PURE__ */ new Set();
  const order = [];
  const visit = (o) => {
    const key = keyOfObject(o);
    if (done.has(key)) return;
    done.add(key);
    for (const d of o.dependsOn) {
      const dep = byKey.get(d);
      if (dep) visit(dep);
    }
    order.push(o);
  };
  objects.forEach(visit);
  return order;
}
function needsTables(o) {
  return o.dependsOn.some((d) => ["table", "column", "view", "materialized_view"].includes(kindOfKey(d)));
}
function objectPhase(op) {
  const o = op.kind === "alter_object" ? op.to : op.object;
  const early = (o.kind === "function" || o.kind === "procedure") && !needsTables(o);
  if (op.kind === "drop_object") {
    if (o.kind === "event_trigger") return 3.1;
    if (o.kind === "trigger") return 3.2;
    return early && !op.recreated ? 10.5 : 3.3;
  }
  if (early) return 3.8;
  return o.kind === "trigger" ? 11.3 : o.kind === "event_trigger" ? 11.4 : 11.2;
}

// src/compare/sequences.ts
var attributes = ["type", "start", "increment", "min", "max", "cache", "cycle"];
function compareSequences(from, to) {
  const ops = [];
  const fromSerial = lazy(() => serialSequences(from));
  const toSerial = lazy(() => serialSequences(to));
  const toByKey = new Map(to.sequences.map((s) => [keyOf(s), s]));
  const fromByKey = new Map(from.sequences.map((s) => [keyOf(s), s]));
  for (const s of to.sequences) {
    if (fromByKey.has(keyOf(s))) continue;
    const serial = fromSerial().get(keyOf(s));
    if (serial) {
      if (column(to, serial.ownedBy)?.default?.replace(/"/g, "") === nextval(s)) ops.push(...changes({ ...serial, ownedBy: null }, s));
      continue;
    }
    ops.push({ kind: "create_sequence", sequence: s });
    if (s.ownedBy) ops.push(owner(s, null, s.ownedBy));
  }
  for (const s of from.sequences) {
    const target = toByKey.get(keyOf(s));
    if (!target) {
      const serial = toSerial().get(keyOf(s));
      if (serial && column(from, serial.ownedBy)) ops.push(...changes(s, { ...serial, type: s.type, max: integerRange[s.type].max, ownedBy: s.ownedBy }));
      else if (!serial) {
        if (s.ownedBy) ops.push(owner(s, s.ownedBy, null));
        ops.push({ kind: "drop_sequence", sequence: s });
      }
      continue;
    }
    ops.push(...changes(s, target));
  }
  return ops;
}
function lazy(make) {
  let value;
  return () => value ??= make();
}
function changes(s, target) {
  const ops = [];
  const changed = attributes.filter((a) => s[a] !== target[a]);
  if (changed.length) ops.push({ kind: "alter_sequence", from: s, to: target, changes: changed });
  if (JSON.stringify(s.ownedBy) !== JSON.stringify(target.ownedBy)) {
    if (s.ownedBy) ops.push(owner(s, s.ownedBy, null));
    if (target.ownedBy) ops.push(owner(s, null, target.ownedBy));
  }
  return ops;
}
function owner(s, from, to) {
  return { kind: "set_sequence_owner", sequence: { schema: s.schema, name: s.name }, from, to };
}
function serialSequences(schema) {
  const found = schema.tables.flatMap((t) => t.columns.filter((c) => isSerial(c.type)).map((c) => serialSequence(t, c)));
  return new Map(found.map((s) => [keyOf(s), s]));
}
function serialSequence(t, c) {
  const type = baseType(c.type);
  return {
    schema: t.schema,
    name: `${t.name}_${c.name}_seq`,
    type,
    start: "1",
    increment: "1",
    min: "1",
    max: integerRange[type].max,
    cache: "1",
    cycle: false,
    ownedBy: { schema: t.schema, table: t.name, column: c.name }
  };
}
function column(schema, at) {
  return schema.tables.find((t) => t.schema === at.schema && t.name === at.table)?.columns.find((c) => c.name === at.column);
}
function nextval(s) {
  return `nextval('${s.schema === "public" ? s.name : `${s.schema}.${s.name}`}'::regclass)`;
}

// src/compare/type-phases.ts
var typePhases = {
  create_extension: 1.2,
  alter_extension: 1.2,
  create_collation: 1.4,
  alter_collation: 1.4,
  create_domain: 2.2,
  alter_domain: 2.2,
  create_composite: 2.4,
  alter_composite: 2.4,
  create_sequence: 2.6,
  alter_sequence: 2.6,
  set_sequence_owner: 9.5,
  drop_sequence: 10.4,
  drop_composite: 10.6,
  drop_domain: 10.8,
  drop_collation: 11.4,
  drop_extension: 11.6
};
function sequenceOwnerPhase(op) {
  return op.to === null ? 3.5 : typePhases.set_sequence_owner;
}

// src/compare/columns.ts
function compareColumns(ref, from, to, columnOrder, isEnum) {
  const ops = [];
  const toByName = new Map(to.columns.map((c) => [c.name, c]));
  const fromNames = new Set(from.columns.map((c) => c.name));
  for (const column2 of from.columns) {
    const target = toByName.get(column2.name);
    if (!target) ops.push({ kind: "drop_column", table: ref, column: column2 });
    else ops.push(...alterColumnOps(ref, column2, target, isEnum));
  }
  for (const column2 of to.columns) if (!fromNames.has(column2.name)) ops.push({ kind: "add_column", table: ref, column: column2 });
  if (columnOrder) {
    const after = [...from.columns.filter((c) => toByName.has(c.name)), ...to.columns.filter((c) => !fromNames.has(c.name))];
    const wanted = to.columns.map((c) => c.name);
    if (after.map((c) => c.name).join("\0") !== wanted.join("\0")) {
      ops.push({ kind: "reorder_columns", table: ref, from: from.columns.map((c) => c.name), to: wanted });
    }
  }
  return ops;
}
function alterColumnOps(ref, from, to, isEnum) {
  const changes2 = columnChanges(from, to);
  const viaText = changes2.includes("type") && isEnum(from.type) && isEnum(to.type) && from.type.endsWith("[]") === to.type.endsWith("[]");
  return changes2.length ? [{ kind: "alter_column", table: ref, from, to, changes: changes2, ...viaText ? { viaText } : {} }] : [];
}
function columnChanges(from, to) {
  const changes2 = [];
  if (from.type !== to.type) changes2.push("type");
  if (from.notNull !== to.notNull) changes2.push("nullability");
  if (!sameExpression(from.default, to.default)) changes2.push("default");
  if (from.identity !== to.identity) changes2.push("identity");
  if (!sameExpression(from.generated, to.generated)) changes2.push("generated");
  if (from.comment !== to.comment) changes2.push("comment");
  if ((from.collation ?? null) !== (to.collation ?? null)) changes2.push("collation");
  return changes2;
}

// src/compare/same.ts
function sameTable(a, b) {
  return a === b || a.schema === b.schema && a.name === b.name && a.comment === b.comment && a.partitionBy === b.partitionBy && a.unlogged === b.unlogged && a.rowLevelSecurity === b.rowLevelSecurity && sameList(a.columns, b.columns, sameColumn) && (a.primaryKey === b.primaryKey || !!a.primaryKey && !!b.primaryKey && samePrimaryKey(a.primaryKey, b.primaryKey)) && sameList(a.uniques, b.uniques, sameUnique) && sameList(a.foreignKeys, b.foreignKeys, sameForeignKey) && sameList(a.checks, b.checks, sameCheck) && sameList(a.exclusions, b.exclusions, sameCheck) && sameList(a.indexes, b.indexes, sameIndex) && (a.partitionOf === b.partitionOf || !!a.partitionOf && !!b.partitionOf && samePartitionOf(a.partitionOf, b.partitionOf)) && sameList(a.inherits, b.inherits, sameTableName) && sameList(a.policies, b.policies, samePolicy);
}
function sameColumn(a, b) {
  return a.name === b.name && a.type === b.type && a.notNull === b.notNull && a.default === b.default && a.identity === b.identity && a.generated === b.generated && a.comment === b.comment && a.collation === b.collation;
}
function samePrimaryKey(a, b) {
  return a.name === b.name && sameStrings(a.columns, b.columns) && sameStrings(a.include, b.include) && a.deferral === b.deferral;
}
function sameUnique(a, b) {
  return a.name === b.name && sameStrings(a.columns, b.columns) && sameStrings(a.include, b.include) && a.nullsNotDistinct === b.nullsNotDistinct && a.deferral === b.deferral;
}
function sameForeignKey(a, b) {
  return a.name === b.name && sameStrings(a.columns, b.columns) && a.refSchema === b.refSchema && a.refTable === b.refTable && sameStrings(a.refColumns, b.refColumns) && a.onDelete === b.onDelete && a.onUpdate === b.onUpdate && a.deferral === b.deferral && a.match === b.match && a.notValid === b.notValid;
}
function sameCheck(a, b) {
  return a.name === b.name && a.definition === b.definition;
}
function sameIndex(a, b) {
  return a.name === b.name && a.unique === b.unique && a.method === b.method && a.definition === b.definition;
}
function samePartitionOf(a, b) {
  return a.schema === b.schema && a.name === b.name && a.bound === b.bound;
}
function sameTableName(a, b) {
  return a.schema === b.schema && a.name === b.name;
}
function samePolicy(a, b) {
  return a.name === b.name && a.command === b.command && a.permissive === b.permissive && sameStrings(a.roles, b.roles) && a.using === b.using && a.withCheck === b.withCheck;
}
function sameList(a, b, same) {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!same(a[i], b[i])) return false;
  return true;
}
function sameStrings(a, b) {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

// src/compare/constraints.ts
function compareConstraints(ref, from, to) {
  const ops = [];
  const fromPk = from.primaryKey;
  const toPk = to.primaryKey;
  if (fromPk && (!toPk || primaryKeySignature(fromPk) !== primaryKeySignature(toPk))) {
    ops.push({ kind: "drop_primary_key", table: ref, primaryKey: fromPk });
  }
  if (toPk && (!fromPk || primaryKeySignature(fromPk) !== primaryKeySignature(toPk))) {
    ops.push({ kind: "add_primary_key", table: ref, primaryKey: toPk });
  }
  const uniques = matchBySignature(from.uniques, to.uniques, uniqueSignature, sameUnique);
  for (const unique of uniques.removed) ops.push({ kind: "drop_unique", table: ref, unique });
  for (const unique of uniques.added) ops.push({ kind: "add_unique", table: ref, unique });
  const checks = matchBySignature(from.checks, to.checks, checkSignature, sameCheck);
  for (const check of checks.removed) ops.push({ kind: "drop_check", table: ref, check });
  for (const check of checks.added) ops.push({ kind: "add_check", table: ref, check });
  const exclusions = matchBySignature(from.exclusions, to.exclusions, exclusionSignature, sameCheck);
  for (const exclusion of exclusions.removed) ops.push({ kind: "drop_exclusion", table: ref, exclusion });
  for (const exclusion of exclusions.added) ops.push({ kind: "add_exclusion", table: ref, exclusion });
  const fks = matchBySignature(from.foreignKeys, to.foreignKeys, foreignKeySignature, sameForeignKey);
  for (const foreignKey of fks.removed) ops.push({ kind: "drop_foreign_key", table: ref, foreignKey });
  for (const foreignKey of fks.added) ops.push({ kind: "add_foreign_key", table: ref, foreignKey });
  return ops;
}
function matchBySignature(from, to, signature, same) {
  if (sameList(from, to, same)) return { removed: [], added: [] };
  const unmatched = /* @__PURE__ */ new Map();
  for (const item of to) {
    const key = signature(item);
    const list = unmatched.get(key);
    if (list) list.push(item);
    else unmatched.set(key, [item]);
  }
  const fromSignatures = new Map(from.map((item) => [item, signature(item)]));
  const kept = [];
  const matched = /* @__PURE__ */ new Set();
  const take = (item, sameName) => {
    const candidates = unmatched.get(fromSignatures.get(item));
    if (!candidates) return false;
    const at = sameName ? candidates.findIndex((c) => c.name === item.name) : candidates.length ? 0 : -1;
    if (at < 0) return false;
    const match = candidates.splice(at, 1)[0];
    kept.push([item, match]);
    matched.add(match);
    return true;
  };
  const rest = from.filter((item) => !take(item, true));
  const removed = rest.filter((item) => !take(item, false));
  const added = to.filter((item) => !matched.has(item));
  const takenNames = new Set(added.map((item) => item.name));
  const freedNames = new Set(removed.map((item) => item.name));
  for (const [item, match] of kept) {
    if (item.name !== match.name && (takenNames.has(item.name) || freedNames.has(match.name))) {
      removed.push(item);
      added.unshift(match);
    }
  }
  return { removed, added };
}

// src/compare/indexes.ts
function compareIndexes(ref, from, to) {
  const { removed, added } = matchBySignature(from.indexes, to.indexes, indexSignature, sameIndex);
  return [
    ...removed.map((index) => ({ kind: "drop_index", table: ref, index })),
    ...added.map((index) => ({ kind: "create_index", table: ref, index }))
  ];
}

// src/compare/inherited-columns.ts
function keepInheritedColumns(ops, from, to, isEnum) {
  if (!ops.some((op) => op.kind === "drop_column")) return [...ops];
  const toByKey = new Map(to.tables.map((t) => [keyOf(t), t]));
  const added = /* @__PURE__ */ new Map();
  for (const op of ops) if (op.kind === "add_column") added.set(`${keyOf(op.table)}\0${op.column.name}`, op);
  const childrenOf = /* @__PURE__ */ new Map();
  for (const t of from.tables) {
    for (const p of t.inherits) {
      const key = keyOf(p);
      let list = childrenOf.get(key);
      if (!list) childrenOf.set(key, list = []);
      if (list[list.length - 1] !== t) list.push(t);
    }
  }
  const moved = /* @__PURE__ */ new Set();
  const after = /* @__PURE__ */ new Map();
  const kept = /* @__PURE__ */ new Map();
  for (const op of ops) {
    if (op.kind !== "drop_column") continue;
    const parent = keyOf(op.table);
    const children = childrenOf.get(parent) ?? [];
    const adds = children.map((t) => {
      const target = toByKey.get(keyOf(t));
      return target?.inherits.some((p) => keyOf(p) === parent) ? added.get(`${keyOf(t)}\0${op.column.name}`) : void 0;
    });
    const found = adds.filter((a) => a !== void 0);
    if (!found.length) continue;
    for (const a of found) moved.add(a);
    if (adds.length > found.length || op.column.identity !== null || isSerial(op.column.type)) {
      after.set(op, found);
      continue;
    }
    kept.set(op, { ...op, keptByChildren: true });
    after.set(op, found.flatMap((a) => alterColumnOps(a.table, { ...op.column, comment: null }, a.column, isEnum)));
  }
  return ops.flatMap((op) => moved.has(op) ? [] : [kept.get(op) ?? op, ...after.get(op) ?? []]);
}

// src/compare/policies.ts
function comparePolicies(ref, from, to) {
  const toByName = new Map(to.policies.map((p) => [p.name, p]));
  const toColumns = new Map(to.columns.map((c) => [c.name, c]));
  const retyped = from.columns.filter((c) => {
    const target = toColumns.get(c.name);
    return target && (target.type !== c.type || target.generated !== c.generated);
  });
  const usesRetyped = (p) => retyped.some((c) => [p.using, p.withCheck].some((e) => e !== null && mentions(e, c.name)));
  const ops = [];
  const differs = (a, b) => !b || policySignature(a) !== policySignature(b) || usesRetyped(a);
  for (const policy of from.policies) if (differs(policy, toByName.get(policy.name))) ops.push({ kind: "drop_policy", table: ref, policy });
  for (const policy of to.policies) {
    const before = from.policies.find((p) => p.name === policy.name);
    if (!before || differs(before, policy)) ops.push({ kind: "create_policy", table: ref, policy });
  }
  return ops;
}
function mentions(expression, column2) {
  const name = column2.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(^|[^\\w$"])(${name}|"${name.replace(/"/g, '""')}")($|[^\\w$"])`).test(expression);
}
function policySignature(p) {
  const expr = (e) => e === null ? null : normalizeExpression(e);
  return JSON.stringify([p.command, p.permissive, p.roles, expr(p.using), expr(p.withCheck)]);
}

// src/compare/table-options.ts
function needsRebuild(from, to) {
  return rebuildReason(from, to) !== null;
}
function rebuildReason(from, to) {
  if (from.partitionBy === to.partitionBy && from.partitionOf === null && to.partitionOf === null) return null;
  const parent = (t) => t.partitionOf ? qualifiedName(t.partitionOf) : "none";
  if (from.partitionBy !== to.partitionBy) return `partition key ${from.partitionBy ?? "none"} in the migrations, ${to.partitionBy ?? "none"} in the models`;
  if (parent(from) !== parent(to)) return `partition of ${parent(from)} in the migrations, ${parent(to)} in the models`;
  return null;
}
function compareTableOptions(ref, from, to) {
  const ops = [];
  if (from.unlogged !== to.unlogged) ops.push({ kind: "set_unlogged", table: ref, from: from.unlogged, to: to.unlogged });
  if (from.rowLevelSecurity !== to.rowLevelSecurity) ops.push({ kind: "set_row_level_security", table: ref, from: from.rowLevelSecurity, to: to.rowLevelSecurity });
  if (from.partitionOf && to.partitionOf && from.partitionOf.bound !== to.partitionOf.bound) {
    ops.push({ kind: "alter_partition", table: ref, parent: { schema: to.partitionOf.schema, name: to.partitionOf.name }, from: from.partitionOf.bound, to: to.partitionOf.bound });
  }
  const kept = from.inherits.filter((p) => to.inherits.some((q) => keyOf(q) === keyOf(p)));
  if (kept.length < from.inherits.length) ops.push({ kind: "set_inherits", table: ref, from: from.inherits, to: kept });
  if (kept.length !== to.inherits.length || kept.some((p, i) => keyOf(p) !== keyOf(to.inherits[i]))) ops.push({ kind: "set_inherits", table: ref, from: kept, to: to.inherits });
  return ops;
}

// src/compare/tables.ts
function compareTables(from, to, columnOrder, rebuilt = rebuiltTables(from, to)) {
  const fromByKey = new Map(from.tables.map((t) => [keyOf(t), t]));
  const toByKey = new Map(to.tables.map((t) => [keyOf(t), t]));
  const ops = [];
  const enumNames = new Set([...from.enums, ...to.enums].map(enumTypeName));
  const isEnum = (type) => enumNames.has(type.replace(/"/g, "").replace(/\[\]$/, ""));
  const reason = (t) => {
    const key = keyOf(t);
    if (!rebuilt.has(key)) return {};
    const [a, b] = [fromByKey.get(key), toByKey.get(key)];
    const own = a && b ? rebuildReason(a, b) : null;
    return { rebuild: own ?? `its parent ${qualifiedName((a ?? b).partitionOf ?? t)} is created again` };
  };
  const created = createOrder(to.tables.filter((t) => !fromByKey.has(keyOf(t)) || rebuilt.has(keyOf(t))));
  for (const { table } of created) ops.push({ kind: "create_table", table, ...reason(table) });
  for (const { table, separate } of created) {
    for (const foreignKey of separate) ops.push({ kind: "add_foreign_key", table: refOf(table), foreignKey });
  }
  const dropped = createOrder(from.tables.filter((t) => !toByKey.has(keyOf(t)) || rebuilt.has(keyOf(t)))).reverse();
  for (const { table, separate } of dropped) {
    for (const foreignKey of separate) ops.push({ kind: "drop_foreign_key", table: refOf(table), foreignKey });
  }
  for (const { table } of dropped) ops.push({ kind: "drop_table", table, ...reason(table) });
  for (const table of from.tables) {
    const key = keyOf(table);
    const target = toByKey.get(key);
    if (!target || rebuilt.has(key) || sameTable(table, target)) continue;
    const ref = refOf(table);
    const released = withParents(table, target, fromByKey);
    const taken = withParents(target, table, toByKey);
    ops.push(...compareColumns(ref, released, taken, columnOrder, isEnum));
    ops.push(...compareConstraints(ref, released, taken));
    ops.push(...compareIndexes(ref, table, target));
    ops.push(...compareTableOptions(ref, table, target));
    ops.push(...comparePolicies(ref, table, target));
    if (table.comment !== target.comment) ops.push({ kind: "set_table_comment", table: ref, from: table.comment, to: target.comment });
  }
  return keepInheritedColumns(ops, from, to, isEnum);
}
function rebuiltTables(from, to) {
  const toByKey = new Map(to.tables.map((t) => [keyOf(t), t]));
  const rebuilt = /* @__PURE__ */ new Set();
  for (const t of from.tables) {
    const key = keyOf(t);
    const target = toByKey.get(key);
    if (target && needsRebuild(t, target)) rebuilt.add(key);
  }
  const partitions = rebuilt.size ? [...from.tables, ...to.tables].filter((t) => t.partitionOf) : [];
  for (let grew = partitions.length > 0; grew; ) {
    grew = false;
    for (const t of partitions) {
      if (rebuilt.has(keyOf(t.partitionOf)) && !rebuilt.has(keyOf(t))) {
        rebuilt.add(keyOf(t));
        grew = true;
      }
    }
  }
  return rebuilt;
}
function withParents(table, other, byKey) {
  const parents = table.inherits.filter((p) => !other.inherits.some((q) => keyOf(q) === keyOf(p))).flatMap((p) => byKey.get(keyOf(p)) ?? []);
  if (!parents.length) return table;
  const first = (item, i, all) => all.findIndex((x) => x.name === item.name) === i;
  const columns = [...parents.flatMap((p) => p.columns), ...table.columns].filter(first);
  const checks = [...table.checks, ...parents.flatMap((p) => p.checks)].filter(first);
  return { ...table, columns, checks };
}
function refOf(table) {
  return { schema: table.schema, name: table.name };
}
function createOrder(tables) {
  const byKey = new Map(tables.map((t) => [keyOf(t), t]));
  const placed = /* @__PURE__ */ new Map();
  const visiting = /* @__PURE__ */ new Set();
  const order = [];
  const visit = (table) => {
    const key = keyOf(table);
    if (placed.has(key) || visiting.has(key)) return;
    visiting.add(key);
    const partitionParent = table.partitionOf && byKey.get(keyOf(table.partitionOf));
    if (partitionParent) visit(partitionParent);
    for (const parent of table.inherits) {
      const target = byKey.get(keyOf(parent));
      if (target) visit(target);
    }
    for (const fk of table.foreignKeys) {
      const target = byKey.get(keyOf({ schema: fk.refSchema, name: fk.refTable }));
      if (target) visit(target);
    }
    visiting.delete(key);
    placed.set(key, order.length);
    order.push(table);
  };
  tables.forEach(visit);
  return order.map((table, own) => {
    const inline = [];
    const separate = [];
    for (const fk of table.foreignKeys) {
      const at = placed.get(keyOf({ schema: fk.refSchema, name: fk.refTable }));
      if (at !== void 0 && at <= own) inline.push(fk);
      else separate.push(fk);
    }
    return { table: { ...table, foreignKeys: inline }, separate };
  });
}

// src/compare/compare.ts
function compare(from, to, options2 = {}) {
  const fromSchemas = new Set(from.schemas);
  const toSchemas = new Set(to.schemas);
  const rebuilt = rebuiltTables(from, to);
  const ops = [
    ...to.schemas.filter((s) => !fromSchemas.has(s)).map((schema) => ({ kind: "create_schema", schema })),
    ...from.schemas.filter((s) => !toSchemas.has(s)).map((schema) => ({ kind: "drop_schema", schema })),
    ...compareExtensions(from, to, options2.ignoreExtensionVersions ?? false),
    ...compareCollations(from, to),
    ...compareEnums(from, to),
    ...compareDomains(from, to),
    ...compareComposites(from, to),
    ...compareSequences(from, to),
    ...compareTables(from, to, options2.columnOrder ?? false, rebuilt),
    ...compareGrants(from, to, rebuilt)
  ];
  ops.push(...compareObjects(from, to, ops));
  return ops.map((op, i) => ({ op, i, phase: phaseOf(op) })).sort((a, b) => a.phase - b.phase || a.i - b.i).map((x) => x.op);
}
function phaseOf(op) {
  if (op.kind === "create_object" || op.kind === "drop_object" || op.kind === "alter_object") return objectPhase(op);
  if (op.kind === "set_inherits") return op.to.length < op.from.length ? phase.drop_foreign_key : phase.set_inherits;
  if (op.kind === "set_sequence_owner") return sequenceOwnerPhase(op);
  return op.kind === "alter_enum" && op.stage === "remove_values" ? phase.drop_enum : phase[op.kind];
}
var phase = {
  revoke: 0.5,
  create_schema: 1,
  create_enum: 2,
  alter_enum: 3,
  set_enum_comment: 3,
  drop_foreign_key: 4,
  drop_policy: 4,
  drop_table: 5,
  drop_index: 6,
  drop_check: 6,
  drop_exclusion: 6,
  drop_unique: 6,
  drop_primary_key: 6,
  create_table: 7,
  drop_column: 8,
  add_column: 8,
  alter_column: 8,
  reorder_columns: 8,
  set_table_comment: 8,
  set_unlogged: 8,
  set_row_level_security: 8,
  alter_partition: 8,
  // taken on once the child holds the parent's columns and checks
  set_inherits: 9.5,
  add_primary_key: 9,
  add_unique: 9,
  add_check: 9,
  add_exclusion: 9,
  create_index: 9,
  add_foreign_key: 10,
  create_policy: 10,
  drop_enum: 11,
  drop_schema: 12,
  grant: 13,
  // by the object's kind: see objectPhase
  create_object: 11,
  drop_object: 3,
  alter_object: 11,
  ...typePhases
};

// src/render/column-sql.ts
function columnDefinition(c, primaryKey = false) {
  let sql = `${ident(c.name)} ${c.type}${c.collation !== void 0 ? ` COLLATE ${c.collation}` : ""}`;
  if (c.generated !== null) sql += ` GENERATED ALWAYS AS ${parenthesized(c.generated)} STORED`;
  if (c.identity !== null) sql += ` GENERATED ${c.identity === "always" ? "ALWAYS" : "BY DEFAULT"} AS IDENTITY`;
  if (c.notNull && c.identity === null && !isSerial(c.type) && !primaryKey) sql += " NOT NULL";
  if (c.default !== null) sql += ` DEFAULT ${defaultSql(c.default, c.type)}`;
  if (primaryKey) sql += " PRIMARY KEY";
  return sql;
}
function defaultSql(expression, type) {
  const literal2 = /^('(?:[^']|'')*')::(.+)$/.exec(expression);
  if (!literal2) return expression;
  const cast = literal2[2];
  return cast === type || cast === type.replace(/\(\d+(,\s*\d+)?\)/, "") ? literal2[1] : expression;
}
function alterColumn(op) {
  const { table, from, to } = op;
  const changed = new Set(op.changes);
  const name = qualified(table.schema, table.name);
  const column2 = `ALTER TABLE ${name} ALTER COLUMN ${ident(to.name)}`;
  if (changed.has("generated") && to.generated !== null) {
    return [
      `ALTER TABLE ${name} DROP COLUMN ${ident(from.name)}`,
      `ALTER TABLE ${name} ADD COLUMN ${columnDefinition(to)}`,
      ...columnComment(name, to, null)
    ];
  }
  const out = [];
  if (from.generated !== null && to.generated === null) out.push(`${column2} DROP EXPRESSION`);
  if (from.identity !== null && to.identity === null) out.push(`${column2} DROP IDENTITY`);
  const fromSerial = isSerial(from.type);
  const toSerial = isSerial(to.type);
  const fromType = baseType(from.type);
  const toType = baseType(to.type);
  const sequence = qualified(table.schema, `${table.name}_${to.name}_seq`);
  const nextval2 = `nextval(${quoteLiteral(sequence)}::regclass)`;
  const ownSequence = !fromSerial && toSerial && from.default === nextval2;
  let current = fromSerial ? `nextval()` : from.default;
  if (fromType !== toType) {
    if (current !== null && !(fromSerial && toSerial) && !ownSequence) {
      out.push(`${column2} DROP DEFAULT`);
      current = null;
    }
    const through = op.viaText ? toType.endsWith("[]") ? "::text[]" : "::text" : "";
    out.push(`${column2} TYPE ${toType}${collate(op)}${isWidening(fromType, toType) ? "" : ` USING ${ident(to.name)}${through}::${toType}`}`);
  } else if (changed.has("collation")) out.push(`${column2} TYPE ${toType}${collate(op)}`);
  const owned = `OWNED BY ${name}.${ident(to.name)}`;
  if (fromSerial && toSerial && fromType !== toType) {
    out.push(`ALTER SEQUENCE ${sequence} AS ${toType}`);
  } else if (ownSequence) {
    out.push(`ALTER SEQUENCE ${sequence} AS ${toType} ${owned}`);
  } else if (toSerial && !fromSerial) {
    out.push(`CREATE SEQUENCE IF NOT EXISTS ${sequence}`, `ALTER SEQUENCE ${sequence} AS ${toType} ${owned}`);
    out.push(`${column2} SET DEFAULT ${nextval2}`);
  } else if (!toSerial && (fromSerial ? current !== null || to.default !== null : current === from.default ? changed.has("default") : to.default !== null)) {
    out.push(to.default === null ? `${column2} DROP DEFAULT` : `${column2} SET DEFAULT ${defaultSql(to.default, to.type)}`);
  }
  if (fromSerial && !toSerial) {
    out.push(to.default === nextval2 ? `ALTER SEQUENCE ${sequence} OWNED BY NONE` : `DROP SEQUENCE ${sequence}`);
  }
  if (changed.has("nullability")) {
    out.push(`${column2} ${to.notNull ? "SET" : "DROP"} NOT NULL`);
  }
  if (changed.has("identity") && to.identity !== null) {
    const kind = to.identity === "always" ? "ALWAYS" : "BY DEFAULT";
    out.push(from.identity === null ? `${column2} ADD GENERATED ${kind} AS IDENTITY` : `${column2} SET GENERATED ${kind}`);
  }
  if (changed.has("comment")) out.push(...columnComment(name, to, from.comment));
  return out;
}
function collate(op) {
  if (!op.changes.includes("collation")) return op.to.collation !== void 0 ? ` COLLATE ${op.to.collation}` : "";
  return ` COLLATE ${op.to.collation ?? '"default"'}`;
}
function columnComment(table, to, from) {
  if (to.comment === from) return [];
  return [`COMMENT ON COLUMN ${table}.${ident(to.name)} IS ${to.comment === null ? "NULL" : quoteLiteral(to.comment)}`];
}
function parenthesized(expr) {
  if (expr.startsWith("(") && expr.endsWith(")")) {
    let depth = 0;
    let quote = null;
    for (let i = 0; i < expr.length; i++) {
      const ch = expr[i];
      if (quote) {
        if (ch === quote) quote = null;
      } else if (ch === "'" || ch === '"') quote = ch;
      else if (ch === "(") depth++;
      else if (ch === ")" && --depth === 0 && i < expr.length - 1) return `(${expr})`;
    }
    return expr;
  }
  return `(${expr})`;
}

// src/render/constraint-sql.ts
function primaryKeyClause(table, pk) {
  const name = pk.name === `${table}_pkey` ? "" : `CONSTRAINT ${ident(pk.name)} `;
  return `${name}PRIMARY KEY (${columnList(pk.columns)})${includeClause(pk.include)}${deferralClause(pk.deferral)}`;
}
function uniqueClause(u) {
  return `CONSTRAINT ${ident(u.name)} UNIQUE${u.nullsNotDistinct ? " NULLS NOT DISTINCT" : ""} (${columnList(u.columns)})${includeClause(u.include)}${deferralClause(u.deferral)}`;
}
function checkClause(check) {
  return `CONSTRAINT ${ident(check.name)} ${check.definition}`;
}
function exclusionClause(exclusion) {
  return `CONSTRAINT ${ident(exclusion.name)} ${exclusion.definition}`;
}
function foreignKeyClause(fk) {
  return `CONSTRAINT ${ident(fk.name)} FOREIGN KEY (${columnList(fk.columns)}) REFERENCES ${qualified(fk.refSchema, fk.refTable)} (${columnList(fk.refColumns)})` + (fk.match === "full" ? " MATCH FULL" : "") + (fk.onDelete === "no action" ? "" : ` ON DELETE ${fk.onDelete.toUpperCase()}`) + (fk.onUpdate === "no action" ? "" : ` ON UPDATE ${fk.onUpdate.toUpperCase()}`) + deferralClause(fk.deferral) + (fk.notValid ? " NOT VALID" : "");
}
function includeClause(include) {
  return include.length ? ` INCLUDE (${columnList(include)})` : "";
}
function deferralClause(deferral) {
  return deferral === "not deferrable" ? "" : deferral === "deferrable" ? " DEFERRABLE" : " DEFERRABLE INITIALLY DEFERRED";
}
var quotedOrPlain = String.raw`(?:"(?:[^"]|"")*"|[^\s."]+)`;
var indexHead = new RegExp(
  String.raw`^CREATE (UNIQUE )?INDEX (${quotedOrPlain}) ON (ONLY )?(${quotedOrPlain})(?:\.(${quotedOrPlain}))? USING (\S+) `
);
function indexStatement(index) {
  const m = indexHead.exec(index.definition);
  if (!m) return index.definition;
  const [head, unique = "", name, , first, second, method] = m;
  const table = second === void 0 ? first : qualified(unquote(first), unquote(second));
  return `CREATE ${unique}INDEX ${name} ON ${table} ${method === "btree" ? "" : `USING ${method} `}${index.definition.slice(head.length)}`;
}
function unquote(name) {
  return name.startsWith('"') ? name.slice(1, -1).replace(/""/g, '"') : name;
}
function columnList(columns) {
  return columns.map(ident).join(", ");
}

// src/render/object-sql.ts
var routine = (word) => (o) => `${word} ${qualified(o.schema, o.name)}(${o.on})`;
var kinds = {
  function: { drop: (o) => `DROP ${routine("FUNCTION")(o)}`, target: routine("FUNCTION") },
  procedure: { drop: (o) => `DROP ${routine("PROCEDURE")(o)}`, target: routine("PROCEDURE") },
  view: { drop: (o) => `DROP VIEW ${qualified(o.schema, o.name)}`, target: (o) => `VIEW ${qualified(o.schema, o.name)}` },
  materialized_view: {
    drop: (o) => `DROP MATERIALIZED VIEW ${qualified(o.schema, o.name)}`,
    target: (o) => `MATERIALIZED VIEW ${qualified(o.schema, o.name)}`
  },
  view_index: { drop: (o) => `DROP INDEX ${qualified(o.schema, o.name)}`, target: (o) => `INDEX ${qualified(o.schema, o.name)}` },
  trigger: {
    drop: (o) => `DROP TRIGGER ${ident(o.name)} ON ${qualified(o.schema, o.on)}`,
    target: (o) => `TRIGGER ${ident(o.name)} ON ${qualified(o.schema, o.on)}`
  },
  event_trigger: { drop: (o) => `DROP EVENT TRIGGER ${ident(o.name)}`, target: (o) => `EVENT TRIGGER ${ident(o.name)}` }
};
function createObject(op) {
  const o = op.object;
  return [
    ...withBodiesUnchecked(o, o.definition),
    ...o.comment !== null ? [commentOn(o)] : [],
    ...o.enabled !== null && o.enabled !== "enabled" ? [enable(o, o.enabled)] : []
  ];
}
function dropObject(op) {
  return [kinds[op.object.kind].drop(op.object)];
}
function alterObject(op) {
  return op.changes.flatMap((change) => {
    switch (change) {
      case "definition":
        if (op.to.kind === "view" && !addsColumns(op.from, op.to)) {
          return [kinds.view.drop(op.from), op.to.definition, ...op.to.comment !== null && !op.changes.includes("comment") ? [commentOn(op.to)] : []];
        }
        return withBodiesUnchecked(op.to, op.to.definition.replace(/^\s*CREATE\s+(?:OR\s+REPLACE\s+)?/i, "CREATE OR REPLACE "));
      case "comment":
        return [commentOn(op.to)];
      case "enabled":
        return [enable(op.to, op.to.enabled ?? "enabled")];
    }
  });
}
function withBodiesUnchecked(o, statement) {
  const sqlBody = (o.kind === "function" || o.kind === "procedure") && /\bLANGUAGE\s+'?sql\b/i.test(statement);
  return sqlBody ? ["SET check_function_bodies = off", statement, "RESET check_function_bodies"] : [statement];
}
function commentOn(o) {
  return `COMMENT ON ${kinds[o.kind].target(o)} IS ${o.comment === null ? "NULL" : quoteLiteral(o.comment)}`;
}
var triggerState = { enabled: "ENABLE", disabled: "DISABLE", replica: "ENABLE REPLICA", always: "ENABLE ALWAYS" };
function enable(o, state) {
  return o.kind === "event_trigger" ? `ALTER EVENT TRIGGER ${ident(o.name)} ${triggerState[state]}` : `ALTER TABLE ${qualified(o.schema, o.on)} ${triggerState[state]} TRIGGER ${ident(o.name)}`;
}

// src/render/table-option-sql.ts
function createTableHead(t, lines) {
  const name = qualified(t.schema, t.name);
  let body = "";
  for (const line of lines) body += `${body ? ",\n" : " (\n"}  ${line}`;
  if (body) body += "\n)";
  const by = t.partitionBy ? ` PARTITION BY ${t.partitionBy}` : "";
  if (t.partitionOf) return `CREATE ${t.unlogged ? "UNLOGGED " : ""}TABLE ${name} PARTITION OF ${parentName(t.partitionOf)}${body} ${t.partitionOf.bound}${by}`;
  const inherits = t.inherits.length ? ` INHERITS (${t.inherits.map(parentName).join(", ")})` : "";
  return `CREATE ${t.unlogged ? "UNLOGGED " : ""}TABLE ${name}${body || " ()"}${inherits}${by}`;
}
function tableExtrasSql(t) {
  const ref = { schema: t.schema, name: t.name };
  return [...rowLevelSecurity(ref, "disabled", t.rowLevelSecurity), ...t.policies.map((policy) => createPolicy(ref, policy))];
}
var tableOptionRenderers = {
  set_unlogged: (op) => [`ALTER TABLE ${tableName(op.table)} SET ${op.to ? "UNLOGGED" : "LOGGED"}`],
  set_row_level_security: (op) => rowLevelSecurity(op.table, op.from, op.to),
  alter_partition: (op) => [
    `ALTER TABLE ${parentName(op.parent)} DETACH PARTITION ${tableName(op.table)}`,
    `ALTER TABLE ${parentName(op.parent)} ATTACH PARTITION ${tableName(op.table)} ${op.to}`
  ],
  set_inherits: (op) => {
    const keep = (list, p) => list.some((x) => x.schema === p.schema && x.name === p.name);
    return [
      ...op.from.filter((p) => !keep(op.to, p)).map((p) => `ALTER TABLE ${tableName(op.table)} NO INHERIT ${parentName(p)}`),
      ...op.to.filter((p) => !keep(op.from, p)).map((p) => `ALTER TABLE ${tableName(op.table)} INHERIT ${parentName(p)}`)
    ];
  },
  create_policy: (op) => [createPolicy(op.table, op.policy)],
  drop_policy: (op) => [`DROP POLICY ${ident(op.policy.name)} ON ${tableName(op.table)}`],
  grant: (op) => [`GRANT ${privilegeOn(op.grant)} TO ${grantee(op.grant.grantee)}${op.grant.grantable ? " WITH GRANT OPTION" : ""}`],
  revoke: (op) => [`REVOKE ${privilegeOn(op.grant)} FROM ${grantee(op.grant.grantee)}`]
};
function rowLevelSecurity(table, from, to) {
  const out = [];
  const enabled = (r) => r !== "disabled";
  if (enabled(from) !== enabled(to)) out.push(`ALTER TABLE ${tableName(table)} ${enabled(to) ? "ENABLE" : "DISABLE"} ROW LEVEL SECURITY`);
  if (from === "forced" !== (to === "forced")) out.push(`ALTER TABLE ${tableName(table)} ${to === "forced" ? "FORCE" : "NO FORCE"} ROW LEVEL SECURITY`);
  return out;
}
function createPolicy(table, p) {
  return `CREATE POLICY ${ident(p.name)} ON ${tableName(table)}${p.permissive ? "" : " AS RESTRICTIVE"}${p.command === "all" ? "" : ` FOR ${p.command.toUpperCase()}`}${p.roles.length === 1 && p.roles[0] === "public" ? "" : ` TO ${p.roles.map((r) => r === "public" ? "PUBLIC" : ident(r)).join(", ")}`}${p.using === null ? "" : ` USING (${p.using})`}${p.withCheck === null ? "" : ` WITH CHECK (${p.withCheck})`}`;
}
function privilegeOn(g) {
  switch (g.on) {
    case "table":
      return `${g.privilege} ON ${qualified(g.schema, g.name)}`;
    case "column":
      return `${g.privilege} (${ident(g.column ?? "")}) ON ${qualified(g.schema, g.name)}`;
    case "sequence":
      return `${g.privilege} ON SEQUENCE ${qualified(g.schema, g.name)}`;
    case "routine":
      return `${g.privilege} ON ROUTINE ${g.schema === "public" ? "" : `${ident(g.schema)}.`}${g.name}`;
    case "schema":
      return `${g.privilege} ON SCHEMA ${ident(g.schema)}`;
  }
}
function grantee(role) {
  return role === "PUBLIC" ? "PUBLIC" : ident(role);
}
function tableName(t) {
  return qualified(t.schema, t.name);
}
function parentName(t) {
  return qualified(t.schema, t.name);
}

// src/render/collation-sql.ts
function createCollation(c) {
  const options2 = [`provider = ${c.provider}`];
  if (c.provider !== "libc") options2.push(`locale = ${quoteLiteral(c.locale ?? "")}`);
  else if (c.lcCollate === c.lcCtype) options2.push(`locale = ${quoteLiteral(c.lcCollate ?? "")}`);
  else options2.push(`lc_collate = ${quoteLiteral(c.lcCollate ?? "")}`, `lc_ctype = ${quoteLiteral(c.lcCtype ?? "")}`);
  if (!c.deterministic) options2.push("deterministic = false");
  return `CREATE COLLATION ${qualified(c.schema, c.name)} (${options2.join(", ")})`;
}
function dropCollation(c) {
  return `DROP COLLATION ${qualified(c.schema, c.name)}`;
}

// src/render/composite-sql.ts
function createComposite(t) {
  return `CREATE TYPE ${qualified(t.schema, t.name)} AS (${t.attributes.map(attribute).join(", ")})`;
}
function alterComposite(from, to) {
  const name = `ALTER TYPE ${qualified(to.schema, to.name)}`;
  const toByName = new Map(to.attributes.map((a) => [a.name, a]));
  const fromNames = new Set(from.attributes.map((a) => a.name));
  const out = [];
  for (const a of from.attributes) {
    const target = toByName.get(a.name);
    if (!target) out.push(`${name} DROP ATTRIBUTE ${ident(a.name)}`);
    else if (target.type !== a.type || target.collation !== a.collation) out.push(`${name} ALTER ATTRIBUTE ${attribute(target).replace(/ /, " TYPE ")}`);
  }
  for (const a of to.attributes) if (!fromNames.has(a.name)) out.push(`${name} ADD ATTRIBUTE ${attribute(a)}`);
  const after = [...from.attributes.filter((a) => toByName.has(a.name)), ...to.attributes.filter((a) => !fromNames.has(a.name))].map((a) => a.name);
  const wanted = to.attributes.map((a) => a.name);
  if (after.join("\0") !== wanted.join("\0")) {
    out.push(`-- ${qualified(to.schema, to.name)}: attributes (${after.join(", ")}) should read (${wanted.join(", ")}); PostgreSQL cannot reorder them, so recreate the type if the order matters`);
  }
  return out;
}
function attribute(a) {
  return `${ident(a.name)} ${a.type}${a.collation !== null ? ` COLLATE ${a.collation}` : ""}`;
}

// src/render/domain-sql.ts
function createDomain(d) {
  return `CREATE DOMAIN ${qualified(d.schema, d.name)} AS ${d.type}` + (d.collation !== null ? ` COLLATE ${d.collation}` : "") + (d.default !== null ? ` DEFAULT ${d.default}` : "") + (d.notNull ? " NOT NULL" : "") + d.checks.map((c) => ` CONSTRAINT ${ident(c.name)} ${c.definition}`).join("");
}
function alterDomain(op) {
  const { from, to } = op;
  const name = qualified(to.schema, to.name);
  if (op.changes.includes("type") || op.changes.includes("collation")) {
    const old = `${from.name}__old`;
    return [
      `ALTER DOMAIN ${name} RENAME TO ${ident(old)}`,
      createDomain(to),
      ...op.usages.flatMap((u) => {
        const column2 = `ALTER TABLE ${qualified(u.table.schema, u.table.name)} ALTER COLUMN ${ident(u.column)}`;
        return [
          ...u.default !== null ? [`${column2} DROP DEFAULT`] : [],
          `${column2} TYPE ${name} USING ${ident(u.column)}::${to.type}::${name}`,
          ...u.default !== null ? [`${column2} SET DEFAULT ${u.default}`] : []
        ];
      }),
      `DROP DOMAIN ${qualified(from.schema, old)}`
    ];
  }
  const out = [];
  if (op.changes.includes("default")) out.push(`ALTER DOMAIN ${name} ${to.default === null ? "DROP DEFAULT" : `SET DEFAULT ${to.default}`}`);
  if (op.changes.includes("nullability")) out.push(`ALTER DOMAIN ${name} ${to.notNull ? "SET" : "DROP"} NOT NULL`);
  if (op.changes.includes("checks")) {
    const same = (a, b) => a.name === b.name && a.definition === b.definition;
    for (const c of from.checks) if (!to.checks.some((t) => same(c, t))) out.push(`ALTER DOMAIN ${name} DROP CONSTRAINT ${ident(c.name)}`);
    for (const c of to.checks) if (!from.checks.some((f) => same(c, f))) out.push(`ALTER DOMAIN ${name} ADD CONSTRAINT ${ident(c.name)} ${c.definition}`);
  }
  return out;
}

// src/render/extension-sql.ts
function createExtension(e) {
  return `CREATE EXTENSION ${ident(e.name)}${e.schema === "public" ? "" : ` SCHEMA ${ident(e.schema)}`}${e.version ? ` VERSION ${quoteLiteral(e.version)}` : ""}`;
}
function alterExtension(from, to) {
  return [
    ...from.version !== to.version ? [`ALTER EXTENSION ${ident(to.name)} UPDATE TO ${quoteLiteral(to.version)}`] : [],
    ...from.schema !== to.schema ? [`ALTER EXTENSION ${ident(to.name)} SET SCHEMA ${ident(to.schema)}`] : []
  ];
}

// src/render/sequence-sql.ts
function createSequence(s) {
  const up = !s.increment.startsWith("-");
  const min = up ? "1" : integerRange[s.type]?.min;
  const max = up ? integerRange[s.type]?.max : "-1";
  const given = ["type", "increment", "min", "max", "start", "cache", "cycle"].filter((a) => a === "type" ? s.type !== "bigint" : a === "increment" ? s.increment !== "1" : a === "min" ? s.min !== min : a === "max" ? s.max !== max : a === "start" ? s.start !== (up ? s.min : s.max) : a === "cache" ? s.cache !== "1" : s.cycle);
  return `CREATE SEQUENCE ${qualified(s.schema, s.name)}${options(s, given)}`;
}
function alterSequence(from, to, changes2) {
  const outside = BigInt(from.start) < BigInt(to.min) || BigInt(from.start) > BigInt(to.max);
  return `ALTER SEQUENCE ${qualified(to.schema, to.name)}${options(to, changes2)}${outside ? " RESTART" : ""}`;
}
function sequenceOwner(sequence, owner2) {
  const by = owner2 === null ? "NONE" : `${qualified(owner2.schema, owner2.table)}.${ident(owner2.column)}`;
  return `ALTER SEQUENCE ${qualified(sequence.schema, sequence.name)} OWNED BY ${by}`;
}
function options(s, which) {
  const words = {
    type: `AS ${s.type}`,
    increment: `INCREMENT BY ${s.increment}`,
    min: `MINVALUE ${s.min}`,
    max: `MAXVALUE ${s.max}`,
    start: `START WITH ${s.start}`,
    cache: `CACHE ${s.cache}`,
    cycle: s.cycle ? "CYCLE" : "NO CYCLE"
  };
  const order = ["type", "increment", "min", "max", "start", "cache", "cycle"];
  return order.filter((a) => which.includes(a)).map((a) => ` ${words[a]}`).join("");
}

// src/render/type-sql.ts
var typeRenderers = {
  create_extension: (op) => [createExtension(op.extension)],
  drop_extension: (op) => [`DROP EXTENSION ${ident(op.extension.name)}`],
  alter_extension: (op) => alterExtension(op.from, op.to),
  create_collation: (op) => [createCollation(op.collation)],
  drop_collation: (op) => [dropCollation(op.collation)],
  alter_collation: (op) => [dropCollation(op.from), createCollation(op.to)],
  create_sequence: (op) => [createSequence(op.sequence)],
  drop_sequence: (op) => [`DROP SEQUENCE ${qualified(op.sequence.schema, op.sequence.name)}`],
  alter_sequence: (op) => [alterSequence(op.from, op.to, op.changes)],
  set_sequence_owner: (op) => [sequenceOwner(op.sequence, op.to)],
  create_domain: (op) => [createDomain(op.domain)],
  drop_domain: (op) => [`DROP DOMAIN ${qualified(op.domain.schema, op.domain.name)}`],
  alter_domain: (op) => alterDomain(op),
  create_composite: (op) => [createComposite(op.composite)],
  drop_composite: (op) => [`DROP TYPE ${qualified(op.composite.schema, op.composite.name)}`],
  alter_composite: (op) => alterComposite(op.from, op.to)
};

// src/render/sql.ts
function renderSql(ops) {
  const out = [];
  for (const op of ops) for (const sql of renderers[op.kind](op)) out.push({ sql, op });
  return out;
}
function renderSchemaDdl(schema) {
  return renderSql(compare(emptySchema, schema));
}
var renderers = {
  create_schema: (op) => [`CREATE SCHEMA ${ident(op.schema)}`],
  drop_schema: (op) => [`DROP SCHEMA ${ident(op.schema)}`],
  create_enum: (op) => [
    `CREATE TYPE ${qualified(op.enum.schema, op.enum.name)} AS ENUM (${op.enum.values.map(quoteLiteral).join(", ")})`,
    ...comment("TYPE", qualified(op.enum.schema, op.enum.name), op.enum.comment, null)
  ],
  drop_enum: (op) => [`DROP TYPE ${qualified(op.enum.schema, op.enum.name)}`],
  alter_enum: (op) => alterEnum(op),
  set_enum_comment: (op) => comment("TYPE", qualified(op.enum.schema, op.enum.name), op.to, op.from),
  create_table: (op) => {
    const t = op.table;
    const name = qualified(t.schema, t.name);
    const inlinePk = t.primaryKey?.columns.length === 1 && t.primaryKey.name === `${t.name}_pkey` && t.primaryKey.deferral === "not deferrable" && !t.primaryKey.include.length ? t.primaryKey.columns[0] : void 0;
    const lines = [];
    for (const c of t.columns) lines.push(columnDefinition(c, c.name === inlinePk));
    if (t.primaryKey && inlinePk === void 0) lines.push(primaryKeyClause(t.name, t.primaryKey));
    for (const u of t.uniques) lines.push(uniqueClause(u));
    for (const c of t.checks) if (!notValid(c)) lines.push(checkClause(c));
    for (const x of t.exclusions) lines.push(exclusionClause(x));
    for (const fk of t.foreignKeys) if (!fk.notValid) lines.push(foreignKeyClause(fk));
    const out = [createTableHead(t, lines)];
    for (const check of t.checks) if (notValid(check)) out.push(renderers.add_check({ kind: "add_check", table: t, check })[0]);
    for (const foreignKey of t.foreignKeys) if (foreignKey.notValid) out.push(renderers.add_foreign_key({ kind: "add_foreign_key", table: t, foreignKey })[0]);
    for (const index of t.indexes) out.push(indexStatement(index));
    if (t.comment !== null) out.push(...comment("TABLE", name, t.comment, null));
    for (const c of t.columns) if (c.comment !== null) out.push(...comment("COLUMN", `${name}.${ident(c.name)}`, c.comment, null));
    out.push(...tableExtrasSql(t));
    return out;
  },
  drop_table: (op) => [`DROP TABLE ${qualified(op.table.schema, op.table.name)}`],
  set_table_comment: (op) => comment("TABLE", qualified(op.table.schema, op.table.name), op.to, op.from),
  add_column: (op) => {
    const name = qualified(op.table.schema, op.table.name);
    return [
      `ALTER TABLE ${name} ADD COLUMN ${columnDefinition(op.column)}`,
      ...comment("COLUMN", `${name}.${ident(op.column.name)}`, op.column.comment, null)
    ];
  },
  drop_column: (op) => [`ALTER TABLE ${op.keptByChildren ? "ONLY " : ""}${qualified(op.table.schema, op.table.name)} DROP COLUMN ${ident(op.column.name)}`],
  alter_column: (op) => alterColumn(op),
  reorder_columns: (op) => [
    `-- ${qualified(op.table.schema, op.table.name)}: columns (${op.from.join(", ")}) should read (${op.to.join(", ")}); PostgreSQL cannot reorder columns, so recreate the table if the order matters`
  ],
  add_primary_key: (op) => [`ALTER TABLE ${qualified(op.table.schema, op.table.name)} ADD ${primaryKeyClause(op.table.name, op.primaryKey)}`],
  drop_primary_key: (op) => [dropConstraint(op.table, op.primaryKey.name)],
  add_unique: (op) => [`ALTER TABLE ${qualified(op.table.schema, op.table.name)} ADD ${uniqueClause(op.unique)}`],
  drop_unique: (op) => [dropConstraint(op.table, op.unique.name)],
  add_foreign_key: (op) => [`ALTER TABLE ${qualified(op.table.schema, op.table.name)} ADD ${foreignKeyClause(op.foreignKey)}`],
  drop_foreign_key: (op) => [dropConstraint(op.table, op.foreignKey.name)],
  add_check: (op) => [`ALTER TABLE ${qualified(op.table.schema, op.table.name)} ADD ${checkClause(op.check)}`],
  drop_check: (op) => [dropConstraint(op.table, op.check.name)],
  add_exclusion: (op) => [`ALTER TABLE ${qualified(op.table.schema, op.table.name)} ADD ${exclusionClause(op.exclusion)}`],
  drop_exclusion: (op) => [dropConstraint(op.table, op.exclusion.name)],
  create_index: (op) => [indexStatement(op.index)],
  drop_index: (op) => [`DROP INDEX ${qualified(op.table.schema, op.index.name)}`],
  create_object: createObject,
  drop_object: dropObject,
  alter_object: alterObject,
  ...tableOptionRenderers,
  ...typeRenderers
};
function notValid(check) {
  return /\sNOT VALID$/.test(check.definition);
}
function dropConstraint(table, name) {
  return `ALTER TABLE ${qualified(table.schema, table.name)} DROP CONSTRAINT ${ident(name)}`;
}
function comment(what, name, to, from) {
  if (to === null && from === null) return [];
  return [`COMMENT ON ${what} ${name} IS ${to === null ? "NULL" : quoteLiteral(to)}`];
}
function alterEnum(op) {
  const name = qualified(op.to.schema, op.to.name);
  const added = op.to.values.filter((v) => !op.from.values.includes(v));
  const kept = op.to.values.filter((v) => op.from.values.includes(v));
  if (JSON.stringify(kept) === JSON.stringify(op.from.values)) {
    return added.map((value) => {
      const at = op.to.values.indexOf(value);
      const place = at === op.to.values.length - 1 ? "" : at === 0 ? ` BEFORE ${quoteLiteral(op.from.values[0])}` : ` AFTER ${quoteLiteral(op.to.values[at - 1])}`;
      return `ALTER TYPE ${name} ADD VALUE ${quoteLiteral(value)}${place}`;
    });
  }
  const old = `${op.from.name}__old`;
  const checks = /* @__PURE__ */ new Map();
  const indexes = /* @__PURE__ */ new Map();
  for (const u of op.usages) {
    for (const c of u.checks) checks.set(JSON.stringify([u.table.schema, u.table.name, c.name]), [u.table, c]);
    for (const i of u.indexes) indexes.set(JSON.stringify([u.table.schema, i.name]), [u.table, i]);
  }
  return [
    `ALTER TYPE ${name} RENAME TO ${ident(old)}`,
    `CREATE TYPE ${name} AS ENUM (${op.to.values.map(quoteLiteral).join(", ")})`,
    ...[...checks.values()].map(([table, c]) => renderers.drop_check({ kind: "drop_check", table, check: c })[0]),
    ...[...indexes.values()].map(([table, index]) => renderers.drop_index({ kind: "drop_index", table, index })[0]),
    ...op.usages.flatMap((u) => convertColumn(u, name)),
    ...[...checks.values()].map(([table, c]) => renderers.add_check({ kind: "add_check", table, check: c })[0]),
    ...[...indexes.values()].map(([, index]) => indexStatement(index)),
    `DROP TYPE ${qualified(op.from.schema, old)}`,
    ...comment("TYPE", name, op.to.comment, null)
  ];
}
function convertColumn(u, type) {
  const table = `ALTER TABLE ${qualified(u.table.schema, u.table.name)} ALTER COLUMN ${ident(u.column)}`;
  const cast = u.array ? `${ident(u.column)}::text[]::${type}[]` : `${ident(u.column)}::text::${type}`;
  return [
    ...u.default !== null ? [`${table} DROP DEFAULT`] : [],
    `${table} TYPE ${type}${u.array ? "[]" : ""} USING ${cast}`,
    ...u.default !== null ? [`${table} SET DEFAULT ${u.default}`] : []
  ];
}

export {
  compare,
  renderSql,
  renderSchemaDdl
};
