import { createRequire as __dbMigrateCreateRequire } from 'node:module'; const require = __dbMigrateCreateRequire(import.meta.url); import { fileURLToPath as __dbMigrateFileURLToPath } from 'node:url'; const __dbMigrateDir = __dbMigrateFileURLToPath(new URL('./', import.meta.url));

// src/db/many.ts
var StatementsError = class extends Error {
  constructor(completed, error) {
    super(error instanceof Error ? error.message : String(error), { cause: error });
    this.completed = completed;
    this.error = error;
  }
};
async function queryMany(client, sql) {
  const connection = client.connection;
  let completed = 0;
  const count = () => void completed++;
  connection?.on("commandComplete", count);
  try {
    await client.query(sql);
  } catch (error) {
    throw new StatementsError(connection ? completed : void 0, error);
  } finally {
    connection?.off("commandComplete", count);
  }
}

export {
  queryMany
};
