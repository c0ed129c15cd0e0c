import { createRequire as __dbMigrateCreateRequire } from 'node:module'; const require = __dbMigrateCreateRequire(import.meta.url); import { fileURLToPath as __dbMigrateFileURLToPath } from 'node:url'; const __dbMigrateDir = __dbMigrateFileURLToPath(new URL('./', import.meta.url));
import {
  risk
} from "./chunk-ROPOZ7SY.js";
import {
  columnDifferences,
  describeTableOption,
  describeTypeChange,
  foreignKey,
  isTableOption,
  objectDifferences
} from "./chunk-XNFAXQIB.js";
import {
  renderSql
} from "./chunk-5A66NMWR.js";
import {
  objectName,
  qualifiedName
} from "./chunk-WXLEUHMA.js";

// src/ops/type-operations.ts
function reverseTypeOperation(op) {
  switch (op.kind) {
    case "create_extension":
      return { kind: "drop_extension", extension: op.extension };
    case "drop_extension":
      return { kind: "create_extension", extension: op.extension };
    case "create_collation":
      return { kind: "drop_collation", collation: op.collation };
    case "drop_collation":
      return { kind: "create_collation", collation: op.collation };
    case "create_sequence":
      return { kind: "drop_sequence", sequence: op.sequence };
    case "drop_sequence":
      return { kind: "create_sequence", sequence: op.sequence };
    case "create_domain":
      return { kind: "drop_domain", domain: op.domain };
    case "drop_domain":
      return { kind: "create_domain", domain: op.domain };
    case "create_composite":
      return { kind: "drop_composite", composite: op.composite };
    case "drop_composite":
      return { kind: "create_composite", composite: op.composite };
    case "alter_extension":
    case "alter_collation":
    case "alter_sequence":
    case "set_sequence_owner":
    case "alter_composite":
      return { ...op, from: op.to, to: op.from };
    case "alter_domain":
      return { ...op, from: op.to, to: op.from };
  }
}

// src/ops/operation.ts
function reverse(op) {
  switch (op.kind) {
    case "create_schema":
      return { kind: "drop_schema", schema: op.schema };
    case "drop_schema":
      return { kind: "create_schema", schema: op.schema };
    case "create_enum":
      return { kind: "drop_enum", enum: op.enum };
    case "drop_enum":
      return { kind: "create_enum", enum: op.enum };
    case "alter_enum":
      return { ...op, stage: op.stage === "add_values" ? "remove_values" : "add_values", from: op.to, to: op.from };
    case "set_enum_comment":
      return { ...op, from: op.to, to: op.from };
    case "create_table":
      return { ...op, kind: "drop_table" };
    case "drop_table":
      return { ...op, kind: "create_table" };
    case "set_table_comment":
      return { ...op, from: op.to, to: op.from };
    case "add_column":
      return { ...op, kind: "drop_column" };
    case "drop_column":
      return { ...op, kind: "add_column" };
    case "alter_column":
      return { ...op, from: op.to, to: op.from };
    case "reorder_columns":
      return { ...op, from: op.to, to: op.from };
    case "add_primary_key":
      return { ...op, kind: "drop_primary_key" };
    case "drop_primary_key":
      return { ...op, kind: "add_primary_key" };
    case "add_unique":
      return { ...op, kind: "drop_unique" };
    case "drop_unique":
      return { ...op, kind: "add_unique" };
    case "add_foreign_key":
      return { ...op, kind: "drop_foreign_key" };
    case "drop_foreign_key":
      return { ...op, kind: "add_foreign_key" };
    case "add_check":
      return { ...op, kind: "drop_check" };
    case "drop_check":
      return { ...op, kind: "add_check" };
    case "add_exclusion":
      return { ...op, kind: "drop_exclusion" };
    case "drop_exclusion":
      return { ...op, kind: "add_exclusion" };
    case "create_index":
      return { ...op, kind: "drop_index" };
    case "drop_index":
      return { ...op, kind: "create_index" };
    case "create_object":
      return { ...op, kind: "drop_object" };
    case "drop_object":
      return { ...op, kind: "create_object" };
    case "alter_object":
      return { ...op, from: op.to, to: op.from };
    case "set_unlogged":
    case "set_row_level_security":
    case "alter_partition":
    case "set_inherits":
      return { ...op, from: op.to, to: op.from };
    case "create_policy":
      return { ...op, kind: "drop_policy" };
    case "drop_policy":
      return { ...op, kind: "create_policy" };
    case "grant":
      return { ...op, kind: "revoke" };
    case "revoke":
      return { ...op, kind: "grant" };
    default:
      return reverseTypeOperation(op);
  }
}
function reverseAll(ops) {
  return ops.map(reverse).reverse();
}

// src/render/comment.ts
function commentText(text) {
  return text.replace(/\s*[\r\n\u2028\u2029]+\s*/g, " ").trim();
}

// src/render/change-comment.ts
function describeChange(op) {
  const t = "table" in op ? qualifiedName(op.table) : "";
  if (isTableOption(op)) return describeTableOption(op);
  switch (op.kind) {
    case "create_schema":
      return `create schema ${op.schema}`;
    case "drop_schema":
      return `drop schema ${op.schema}`;
    case "create_enum":
      return `create enum ${qualifiedName(op.enum)}`;
    case "drop_enum":
      return `drop enum ${qualifiedName(op.enum)}`;
    case "alter_enum":
      return `change enum ${qualifiedName(op.to)} to (${op.to.values.join(", ")})`;
    case "set_enum_comment":
      return `set the comment of enum ${qualifiedName(op.enum)}`;
    case "create_table":
      return `create table ${t}`;
    case "drop_table":
      return `drop table ${t}`;
    case "set_table_comment":
      return `set the comment of table ${t}`;
    case "add_column":
      return `add column ${t}.${op.column.name}`;
    case "drop_column":
      return `drop column ${t}.${op.column.name}${op.keptByChildren ? ", which the tables inheriting it keep" : ""}`;
    case "alter_column":
      return `alter column ${t}.${op.to.name}: ${columnDifferences(op).map(([what, a, b]) => `${what} ${a} \u2192 ${b}`).join(", ")}`;
    case "reorder_columns":
      return `column order of ${t}`;
    case "add_primary_key":
      return `add primary key on ${t} (${op.primaryKey.columns.join(", ")})`;
    case "drop_primary_key":
      return `drop primary key of ${t}`;
    case "add_unique":
      return `add unique constraint on ${t} (${op.unique.columns.join(", ")})`;
    case "drop_unique":
      return `drop unique constraint ${op.unique.name} of ${t}`;
    case "add_foreign_key":
      return `add ${foreignKey(op.foreignKey)} on ${t}`;
    case "drop_foreign_key":
      return `drop foreign key ${op.foreignKey.name} of ${t}`;
    case "add_check":
      return `add check ${op.check.name} on ${t}`;
    case "drop_check":
      return `drop check ${op.check.name} of ${t}`;
    case "add_exclusion":
      return `add exclusion constraint ${op.exclusion.name} on ${t}`;
    case "drop_exclusion":
      return `drop exclusion constraint ${op.exclusion.name} of ${t}`;
    case "create_index":
      return `create index ${op.index.name} on ${t}`;
    case "drop_index":
      return `drop index ${op.index.name} of ${t}`;
    case "create_object":
      return `create ${objectName(op.object)}${op.recreated ? " again" : ""}`;
    case "drop_object":
      return `drop ${objectName(op.object)}${op.recreated ? ", to create it again" : ""}`;
    case "alter_object":
      return `change ${objectName(op.to)}: ${objectDifferences(op).map(([what, a, b]) => what === "definition" ? `definition ${a} \u2192 ${b}` : `${what} ${a} \u2192 ${b}`).join(", ")}`;
    default:
      return describeTypeChange(op);
  }
}

// src/render/migration-file.ts
function migrationName(message, now = /* @__PURE__ */ new Date()) {
  const stamp = now.toISOString().replace(/[-:T]/g, "").slice(0, 14);
  const slug = (message ?? "").normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_+|_+$/g, "").slice(0, 60).replace(/_+$/, "");
  return `${stamp}_${slug || "autogenerated"}`;
}
function renderMigrationFiles(name, message, ops, options) {
  const title = commentText(message ?? "") || "autogenerated from the models";
  const now = options.now ?? /* @__PURE__ */ new Date();
  const created = `${now.toISOString().slice(0, 19).replace("T", " ")} UTC`;
  const down = reverseAll(ops);
  const up = [
    ...autocommit(ops, options.noTransactionDirective),
    `-- ${title}`,
    `-- Revision: ${name}`,
    `-- Created: ${created}, generated from the models; review it before it runs anywhere that matters.`,
    "",
    ...groups(ops)
  ];
  const downText = [
    ...autocommit(down, options.noTransactionDirective),
    `-- Reverts ${name}: ${title}`,
    "",
    ...groups(down)
  ];
  return { name, up: up.join("\n"), down: downText.join("\n") };
}
function autocommit(ops, directive) {
  const statements = renderSql(ops).map((s) => s.sql);
  const added = statements.flatMap((sql, i) => {
    const m = /^ALTER TYPE .+ ADD VALUE ('(?:[^']|'')*')/.exec(sql);
    return m ? [{ literal: m[1], at: i }] : [];
  });
  const used = added.some(({ literal, at }) => statements.slice(at + 1).some((sql) => sql.includes(literal)));
  return used ? [directive, "-- Runs without a transaction: PostgreSQL cannot use an enum value in the transaction that adds it."] : [];
}
function groups(ops) {
  return ops.flatMap((op) => {
    const danger = risk(op);
    const statements = renderSql([op]).map(({ sql }) => sql.startsWith("--") ? sql : `${sql};`);
    return [`-- ${describeChange(op)}`, ...danger ? [`-- RISK: ${danger.reason}`] : [], ...statements, ""];
  });
}

export {
  commentText,
  migrationName,
  renderMigrationFiles
};
