import { createRequire as __dbMigrateCreateRequire } from 'node:module'; const require = __dbMigrateCreateRequire(import.meta.url); import { fileURLToPath as __dbMigrateFileURLToPath } from 'node:url'; const __dbMigrateDir = __dbMigrateFileURLToPath(new URL('./', import.meta.url));
import {
  qualifiedName
} from "./chunk-WXLEUHMA.js";

// src/ops/words.ts
function objectDifferences(op) {
  return op.changes.map((attribute) => attribute === "definition" ? ["definition", ...firstDifference(op.from.definition, op.to.definition)] : attribute === "comment" ? ["comment", text(op.from.comment), text(op.to.comment)] : ["enabled", op.from.enabled ?? "none", op.to.enabled ?? "none"]);
}
function firstDifference(a, b) {
  const lines = (t) => t.split("\n").map((l) => l.trim()).filter((l) => l !== "");
  const [x, y] = [lines(a), lines(b)];
  let i = 0;
  while (i < x.length && i < y.length && x[i] === y[i]) i++;
  const shown2 = (line) => line === void 0 ? "none" : JSON.stringify(line.length > 80 ? `${line.slice(0, 77)}...` : line);
  return [shown2(x[i]), shown2(y[i])];
}
function columnDifferences(op) {
  return op.changes.map((attribute) => [attribute, shown(attribute, op.from), shown(attribute, op.to)]);
}
function shown(attribute, c) {
  switch (attribute) {
    case "type":
      return c.type;
    case "nullability":
      return c.notNull ? "NOT NULL" : "nullable";
    case "default":
      return c.default ?? "none";
    case "identity":
      return c.identity ?? "none";
    case "generated":
      return c.generated ?? "none";
    case "comment":
      return text(c.comment);
    case "collation":
      return c.collation ?? "default";
  }
}
function foreignKey(fk) {
  return `${deferred(fk.deferral)}foreign key (${fk.columns.join(", ")}) \u2192 ${qualifiedName({ schema: fk.refSchema, name: fk.refTable })} (${fk.refColumns.join(", ")})`;
}
function deferred(deferral) {
  return deferral === "not deferrable" ? "" : `${deferral} `;
}
function text(value) {
  return value === null ? "none" : JSON.stringify(value);
}

// src/ops/table-option-words.ts
var tableOptionKinds = ["set_unlogged", "set_row_level_security", "alter_partition", "set_inherits", "create_policy", "drop_policy", "grant", "revoke"];
function isTableOption(op) {
  return tableOptionKinds.includes(op.kind);
}
var missing = "is in the models but no migration creates it";
var extra = "is created by the migrations but is not in the models";
function policyWords(p) {
  const roles = p.roles.join(", ");
  return `${p.permissive ? "" : "restrictive "}policy ${p.name} (for ${p.command} to ${roles}${p.using === null ? "" : ` using ${p.using}`}${p.withCheck === null ? "" : ` with check ${p.withCheck}`})`;
}
function grantWords(g) {
  const on = g.on === "column" ? `column ${qualifiedName(g)}.${g.column}` : g.on === "schema" ? `schema ${g.schema}` : `${g.on} ${qualifiedName(g)}`;
  return `grant of ${g.privilege} on ${on} to ${g.grantee}${g.grantable ? " with grant option" : ""}`;
}
var parents = (list) => list.length ? list.map(qualifiedName).join(", ") : "none";
var sides = (what, migrations, models) => `${what} ${migrations} in the migrations, ${models} in the models`;
function explainTableOption(op) {
  const t = "table" in op ? `table ${qualifiedName(op.table)}: ` : "";
  switch (op.kind) {
    case "set_unlogged":
      return `${t}${sides("persistence", op.from ? "unlogged" : "logged", op.to ? "unlogged" : "logged")}`;
    case "set_row_level_security":
      return `${t}${sides("row-level security", op.from, op.to)}`;
    case "alter_partition":
      return `${t}${sides(`partition of ${qualifiedName(op.parent)}`, op.from, op.to)}`;
    case "set_inherits":
      return `${t}${sides("inherits", parents(op.from), parents(op.to))}`;
    case "create_policy":
      return `${t}${policyWords(op.policy)} ${missing}`;
    case "drop_policy":
      return `${t}${policyWords(op.policy)} ${extra}`;
    case "grant":
      return `${grantWords(op.grant)} ${missing}`;
    case "revoke":
      return `${grantWords(op.grant)} ${extra}`;
  }
}
function describeTableOption(op) {
  const t = "table" in op ? qualifiedName(op.table) : "";
  switch (op.kind) {
    case "set_unlogged":
      return `make table ${t} ${op.to ? "unlogged" : "logged"}`;
    case "set_row_level_security":
      return `row-level security of ${t}: ${op.from} \u2192 ${op.to}`;
    case "alter_partition":
      return `partition ${t} of ${qualifiedName(op.parent)}: ${op.from} \u2192 ${op.to}`;
    case "set_inherits":
      return `table ${t} inherits: ${parents(op.from)} \u2192 ${parents(op.to)}`;
    case "create_policy":
      return `create policy ${op.policy.name} on ${t}`;
    case "drop_policy":
      return `drop policy ${op.policy.name} of ${t}`;
    case "grant":
      return grantWords(op.grant);
    case "revoke":
      return `revoke ${grantWords(op.grant).replace(/^grant of /, "")}`;
  }
}
function tableOptionRisk(op) {
  switch (op.kind) {
    case "alter_partition":
      return { reason: "attaches a partition with a new bound: fails if a row falls outside it" };
    case "set_row_level_security":
      return op.to !== "disabled" && op.from === "disabled" ? { reason: "enables row-level security: rows no policy allows become invisible" } : null;
    case "set_unlogged":
      return op.to ? { reason: "makes a table unlogged: its rows are lost after a crash" } : null;
    case "revoke":
      return { reason: `revokes ${op.grant.privilege} from ${op.grant.grantee}` };
    case "set_inherits":
    case "create_policy":
    case "drop_policy":
    case "grant":
      return null;
  }
}

// src/ops/type-words.ts
var missing2 = "is in the models but no migration creates it";
var extra2 = "is created by the migrations but is not in the models";
function explainTypeDrift(op) {
  switch (op.kind) {
    case "create_extension":
      return `extension ${op.extension.name} (version ${op.extension.version}) ${missing2}`;
    case "drop_extension":
      return `extension ${op.extension.name} ${extra2}`;
    case "alter_extension":
      return `extension ${op.to.name}: ${differences(op.from, op.to, ["version", "schema"]).join("; ")}`;
    case "create_collation":
      return `collation ${qualifiedName(op.collation)} ${missing2}`;
    case "drop_collation":
      return `collation ${qualifiedName(op.collation)} ${extra2}`;
    case "alter_collation":
      return `collation ${qualifiedName(op.to)}: ${differences(op.from, op.to, collationAttributes).join("; ")}`;
    case "create_sequence":
      return `sequence ${qualifiedName(op.sequence)} ${missing2}`;
    case "drop_sequence":
      return `sequence ${qualifiedName(op.sequence)} ${extra2}`;
    case "alter_sequence":
      return `sequence ${qualifiedName(op.to)}: ${differences(op.from, op.to, op.changes).join("; ")}`;
    case "set_sequence_owner":
      return op.to === null ? `sequence ${qualifiedName(op.sequence)}: owned by column ${owner(op.from)} in the migrations but not in the models` : `sequence ${qualifiedName(op.sequence)}: owned by column ${owner(op.to)} in the models but not in the migrations`;
    case "create_domain":
      return `domain ${qualifiedName(op.domain)} ${missing2}`;
    case "drop_domain":
      return `domain ${qualifiedName(op.domain)} ${extra2}`;
    case "alter_domain":
      return `domain ${qualifiedName(op.to)}: ${op.changes.map((c) => sides2(c, domainShown(c, op.from), domainShown(c, op.to))).join("; ")}`;
    case "create_composite":
      return `composite type ${qualifiedName(op.composite)} ${missing2}`;
    case "drop_composite":
      return `composite type ${qualifiedName(op.composite)} ${extra2}`;
    case "alter_composite":
      return `composite type ${qualifiedName(op.to)}: ${sides2("attributes", attributes(op.from), attributes(op.to))}`;
  }
}
function describeTypeChange(op) {
  switch (op.kind) {
    case "create_extension":
      return `create extension ${op.extension.name} ${op.extension.version}`;
    case "drop_extension":
      return `drop extension ${op.extension.name}`;
    case "alter_extension":
      return `alter extension ${op.to.name}: ${arrows(op.from, op.to, ["version", "schema"])}`;
    case "create_collation":
      return `create collation ${qualifiedName(op.collation)}`;
    case "drop_collation":
      return `drop collation ${qualifiedName(op.collation)}`;
    case "alter_collation":
      return `recreate collation ${qualifiedName(op.to)}: ${arrows(op.from, op.to, collationAttributes)}`;
    case "create_sequence":
      return `create sequence ${qualifiedName(op.sequence)}`;
    case "drop_sequence":
      return `drop sequence ${qualifiedName(op.sequence)}`;
    case "alter_sequence":
      return `alter sequence ${qualifiedName(op.to)}: ${arrows(op.from, op.to, op.changes)}`;
    case "set_sequence_owner":
      return `sequence ${qualifiedName(op.sequence)} owned by ${op.to === null ? "no column" : owner(op.to)}`;
    case "create_domain":
      return `create domain ${qualifiedName(op.domain)}`;
    case "drop_domain":
      return `drop domain ${qualifiedName(op.domain)}`;
    case "alter_domain":
      return `alter domain ${qualifiedName(op.to)}: ${op.changes.map((c) => `${c} ${domainShown(c, op.from)} \u2192 ${domainShown(c, op.to)}`).join(", ")}`;
    case "create_composite":
      return `create composite type ${qualifiedName(op.composite)}`;
    case "drop_composite":
      return `drop composite type ${qualifiedName(op.composite)}`;
    case "alter_composite":
      return `alter composite type ${qualifiedName(op.to)} to ${attributes(op.to)}`;
  }
}
function typeRisk(op) {
  switch (op.kind) {
    case "drop_extension":
      return "drops an extension and fails while anything uses its types or functions";
    case "alter_extension":
      return op.from.version !== op.to.version ? "updates an extension: fails when it has no update script between the versions" : null;
    case "drop_collation":
      return "drops a collation";
    case "alter_collation":
      return "recreates a collation: fails while a column or index uses it";
    case "drop_sequence":
      return "drops a sequence and the value it has reached";
    case "alter_sequence":
      if (BigInt(op.from.start) < BigInt(op.to.min) || BigInt(op.from.start) > BigInt(op.to.max)) return "moves the range of a sequence past its start: restarts it at the new start";
      return op.changes.some((c) => c === "type" || c === "min" || c === "max") ? "narrows or moves the range of a sequence: fails if its current value falls outside it" : null;
    case "drop_domain":
      return "drops a domain";
    case "alter_domain":
      if (op.changes.includes("type") || op.changes.includes("collation")) return `converts every column of domain ${qualifiedName(op.to)} to ${op.to.type}, which may not convert every value`;
      return op.changes.includes("checks") || op.changes.includes("nullability") && op.to.notNull ? "adds a domain constraint: fails if a stored value violates it" : null;
    case "drop_composite":
      return "drops a composite type";
    case "alter_composite":
      if (op.from.attributes.some((a) => !op.to.attributes.some((b) => b.name === a.name))) return "drops attributes of a composite type and their values";
      return op.from.attributes.some((a) => op.to.attributes.some((b) => b.name === a.name && (b.type !== a.type || b.collation !== a.collation))) ? "changes an attribute's type: PostgreSQL refuses while a column uses the composite type" : null;
    case "create_extension":
    case "create_collation":
    case "create_sequence":
    case "set_sequence_owner":
    case "create_domain":
    case "create_composite":
      return null;
  }
}
var collationAttributes = ["provider", "locale", "lcCollate", "lcCtype", "deterministic"];
function differences(from, to, keys) {
  return keys.filter((k) => from[k] !== to[k]).map((k) => sides2(label(k), show(from[k]), show(to[k])));
}
function arrows(from, to, keys) {
  return keys.filter((k) => from[k] !== to[k]).map((k) => `${label(k)} ${show(from[k])} \u2192 ${show(to[k])}`).join(", ");
}
function label(key) {
  return { lcCollate: "lc_collate", lcCtype: "lc_ctype", min: "minvalue", max: "maxvalue" }[key] ?? key;
}
function show(value) {
  return value === null ? "none" : String(value);
}
function sides2(what, migrations, models) {
  return `${what} ${migrations} in the migrations, ${models} in the models`;
}
function owner(o) {
  return o === null ? "none" : `${qualifiedName({ schema: o.schema, name: o.table })}.${o.column}`;
}
function domainShown(attribute, d) {
  switch (attribute) {
    case "type":
      return d.type;
    case "collation":
      return d.collation ?? "default";
    case "default":
      return d.default ?? "none";
    case "nullability":
      return d.notNull ? "NOT NULL" : "nullable";
    default:
      return d.checks.length ? d.checks.map((c) => `${c.name} ${c.definition}`).join(", ") : "none";
  }
}
function attributes(t) {
  return `(${t.attributes.map((a) => `${a.name} ${a.type}${a.collation ? ` COLLATE ${a.collation}` : ""}`).join(", ")})`;
}

export {
  objectDifferences,
  columnDifferences,
  foreignKey,
  deferred,
  text,
  isTableOption,
  explainTableOption,
  describeTableOption,
  tableOptionRisk,
  explainTypeDrift,
  describeTypeChange,
  typeRisk
};
