import { createRequire as __dbMigrateCreateRequire } from 'node:module'; const require = __dbMigrateCreateRequire(import.meta.url); import { fileURLToPath as __dbMigrateFileURLToPath } from 'node:url'; const __dbMigrateDir = __dbMigrateFileURLToPath(new URL('./', import.meta.url));

// src/render/sequelize-module.ts
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
function sequelizeModule(name, title, up, down, noTransactionDirective) {
  const transactional = !up.startsWith(noTransactionDirective);
  return `'use strict'
// ${title.replace(/[\r\n]+/g, " ")}
// Revision: ${name}, generated from the models; review it before it runs anywhere that matters.
// Runs under db-migrate ({ client }) and under the project's Umzug ({ context: queryInterface }) or sequelize-cli.
${transactional ? "" : "\nexports.transaction = false\n"}
const up = ${literal(up)}

const down = ${literal(down)}

async function run(arg, sql) {
  if (arg && arg.client) return void (await arg.client.query(sql))
  const { sequelize } = arg && arg.context ? arg.context : arg
  ${transactional ? "await sequelize.transaction((transaction) => sequelize.query(sql, { transaction }))" : "await sequelize.query(sql)"}
}

exports.up = (arg) => run(arg, up)
exports.down = (arg) => run(arg, down)
`;
}
function literal(text) {
  return `\`
${text.replace(/\\/g, "\\\\").replace(/`/g, "\\`").replace(/\$\{/g, "\\${").trimEnd()}
\``;
}
function commonJsExtension(cwd) {
  const file = join(cwd, "package.json");
  try {
    return existsSync(file) && JSON.parse(readFileSync(file, "utf8")).type === "module" ? ".cjs" : ".js";
  } catch {
    return ".js";
  }
}

export {
  sequelizeModule,
  commonJsExtension
};
