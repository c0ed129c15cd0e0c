import { createRequire as __dbMigrateCreateRequire } from 'node:module'; const require = __dbMigrateCreateRequire(import.meta.url); import { fileURLToPath as __dbMigrateFileURLToPath } from 'node:url'; const __dbMigrateDir = __dbMigrateFileURLToPath(new URL('./', import.meta.url));
import {
  commonJsExtension,
  sequelizeModule
} from "./chunk-44OMDKMN.js";
import {
  commentText,
  migrationName
} from "./chunk-7JA6RV6W.js";
import "./chunk-ROPOZ7SY.js";
import "./chunk-XNFAXQIB.js";
import {
  noTransactionDirective
} from "./chunk-SV5JJJ6D.js";
import {
  compareNames,
  displayPath,
  listMigrations
} from "./chunk-KKO6VTMG.js";
import "./chunk-5A66NMWR.js";
import "./chunk-4ZVJDT3M.js";
import "./chunk-WXLEUHMA.js";
import "./chunk-5DGH4JCW.js";
import {
  ConfigError,
  HistoryError
} from "./chunk-CL6XV7EK.js";
import "./chunk-64I5SS2G.js";

// src/commands/revision.ts
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

// src/templates/migration.ts
function sqlUp(message, created) {
  return `-- ${commentText(message)}
-- Created ${created}. Runs in one transaction with its history row; to run it without one (CREATE INDEX
-- CONCURRENTLY, ALTER TYPE ... ADD VALUE), make this the first line: -- db-migrate: no-transaction

`;
}
function sqlDown(message) {
  return `-- Revert: ${commentText(message)}

`;
}
function tsModule(message, created) {
  return `// ${commentText(message)}
// Created ${created}. Add \`export const transaction = false\` to run it outside a transaction.
import type { MigrationContext } from 'db-migrate-action'

export async function up({ client }: MigrationContext): Promise<void> {
  await client.query(\`
  \`)
}

export async function down({ client }: MigrationContext): Promise<void> {
  await client.query(\`
  \`)
}
`;
}

// src/commands/revision.ts
function revision(config, options = {}) {
  const message = config.message?.trim();
  if (!message) throw new ConfigError("message", 'revision needs a message that names the migration, e.g. -m "add email to user"');
  const existing = existsSync(config.migrationsDir) ? listMigrations(config.migrationsDir, config.cwd, config.migrationsIgnore).map((m) => m.name) : [];
  const newest = existing.at(-1);
  let now = options.now ?? /* @__PURE__ */ new Date();
  let name = migrationName(message, now);
  const taken = new Set(existing.map((n) => n.slice(0, 14)));
  if (newest !== void 0 && compareNames(name, newest) <= 0) {
    const stamp = timestampOf(newest);
    if (stamp === null) throw new HistoryError("revision_name", `a new migration would sort before ${newest}, whose name does not start with a YYYYMMDDHHMMSS timestamp: rename it`);
    now = new Date(stamp.getTime() + 1e3);
    name = migrationName(message, now);
  }
  while (taken.has(name.slice(0, 14))) {
    now = new Date(now.getTime() + 1e3);
    name = migrationName(message, now);
  }
  const created = `${now.toISOString().slice(0, 19).replace("T", " ")} UTC`;
  const files = options.format === "ts" ? [[`${name}.ts`, tsModule(message, created)]] : options.format === "sequelize" ? [[`${name}${commonJsExtension(config.cwd)}`, sequelizeModule(name, message, "-- the up migration\n", "-- what undoes it\n", noTransactionDirective)]] : [[`${name}.sql`, sqlUp(message, created)], [`${name}.down.sql`, sqlDown(message)]];
  const written = files.map(([file]) => displayPath(join(config.migrationsDir, file), config.cwd));
  if (config.dryRun) return { name, files: written, dryRun: true };
  mkdirSync(config.migrationsDir, { recursive: true });
  for (const [file, text] of files) writeFileSync(join(config.migrationsDir, file), text, { flag: "wx" });
  return { name, files: written, dryRun: false };
}
function timestampOf(name) {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})/.exec(name);
  if (!m) return null;
  const date = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]));
  return Number.isNaN(date.getTime()) ? null : date;
}
export {
  revision
};
