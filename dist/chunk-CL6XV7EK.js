import { createRequire as __dbMigrateCreateRequire } from 'node:module'; const require = __dbMigrateCreateRequire(import.meta.url); import { fileURLToPath as __dbMigrateFileURLToPath } from 'node:url'; const __dbMigrateDir = __dbMigrateFileURLToPath(new URL('./', import.meta.url));

// src/errors.ts
var AppError = class extends Error {
  constructor(code, message, details = {}, options) {
    super(message, options);
    this.code = code;
    this.details = details;
    this.name = new.target.name;
  }
};
var ConfigError = class extends AppError {
  constructor(setting, message, options) {
    super("config", message, { setting }, options);
    this.setting = setting;
  }
};
var ProvisionError = class extends AppError {
  constructor(message, options) {
    super("provision", message, {}, options);
  }
};
var HistoryError = class extends AppError {
  constructor(code, message, file, options) {
    super(code, message, { file }, options);
    this.file = file;
  }
};
var RevisionError = class extends AppError {
  constructor(message, candidates = []) {
    super("revision", message, { candidates });
    this.candidates = candidates;
  }
};
var MigrationError = class extends AppError {
  constructor(message, migration, options) {
    super("migration", message, { migration }, options);
    this.migration = migration;
  }
  /** Set by the runner when it could read the history after the failure. */
  progress;
};
var ModelError = class extends AppError {
  constructor(message, file, options) {
    super("models", message, { file }, options);
    this.file = file;
  }
};
function errorMessage(error) {
  return error instanceof Error ? error.message : String(error);
}

export {
  AppError,
  ConfigError,
  ProvisionError,
  HistoryError,
  RevisionError,
  MigrationError,
  ModelError,
  errorMessage
};
