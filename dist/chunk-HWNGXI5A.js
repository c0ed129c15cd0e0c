import { createRequire as __dbMigrateCreateRequire } from 'node:module'; const require = __dbMigrateCreateRequire(import.meta.url); import { fileURLToPath as __dbMigrateFileURLToPath } from 'node:url'; const __dbMigrateDir = __dbMigrateFileURLToPath(new URL('./', import.meta.url));
import {
  ruleNames
} from "./chunk-EYO64QK4.js";
import {
  acquireLock,
  assertNoProblems,
  currentRevision,
  deleteRow,
  ensureHistory,
  findProblems,
  historySql,
  loadMigrationModule,
  migrate,
  noMigrations,
  planUpgrade,
  readHistory,
  recordApplied,
  resolveName,
  writeRow
} from "./chunk-ZRRKR2HX.js";
import "./chunk-SV5JJJ6D.js";
import {
  compareNames,
  displayPath,
  listMigrations
} from "./chunk-KKO6VTMG.js";
import {
  importModule
} from "./chunk-RSQ2HHEU.js";
import "./chunk-4ZVJDT3M.js";
import {
  waitForConnection
} from "./chunk-SV6MCVPL.js";
import "./chunk-5DGH4JCW.js";
import {
  parseDatabaseUrl,
  urlFromParts
} from "./chunk-BFVRO7RW.js";
import {
  AppError,
  ConfigError,
  HistoryError,
  MigrationError,
  ModelError,
  RevisionError,
  errorMessage
} from "./chunk-CL6XV7EK.js";
import "./chunk-64I5SS2G.js";

// node_modules/@actions/core/lib/command.js
import * as os from "os";

// node_modules/@actions/core/lib/utils.js
function toCommandValue(input) {
  if (input === null || input === void 0) {
    return "";
  } else if (typeof input === "string" || input instanceof String) {
    return input;
  }
  return JSON.stringify(input);
}
function toCommandProperties(annotationProperties) {
  if (!Object.keys(annotationProperties).length) {
    return {};
  }
  return {
    title: annotationProperties.title,
    file: annotationProperties.file,
    line: annotationProperties.startLine,
    endLine: annotationProperties.endLine,
    col: annotationProperties.startColumn,
    endColumn: annotationProperties.endColumn
  };
}

// node_modules/@actions/core/lib/command.js
function issueCommand(command, properties, message) {
  const cmd = new Command(command, properties, message);
  process.stdout.write(cmd.toString() + os.EOL);
}
var CMD_STRING = "::";
var Command = class {
  constructor(command, properties, message) {
    if (!command) {
      command = "missing.command";
    }
    this.command = command;
    this.properties = properties;
    this.message = message;
  }
  toString() {
    let cmdStr = CMD_STRING + this.command;
    if (this.properties && Object.keys(this.properties).length > 0) {
      cmdStr += " ";
      let first = true;
      for (const key in this.properties) {
        if (this.properties.hasOwnProperty(key)) {
          const val = this.properties[key];
          if (val) {
            if (first) {
              first = false;
            } else {
              cmdStr += ",";
            }
            cmdStr += `${key}=${escapeProperty(val)}`;
          }
        }
      }
    }
    cmdStr += `${CMD_STRING}${escapeData(this.message)}`;
    return cmdStr;
  }
};
function escapeData(s) {
  return toCommandValue(s).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeProperty(s) {
  return toCommandValue(s).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A").replace(/:/g, "%3A").replace(/,/g, "%2C");
}

// node_modules/@actions/core/lib/file-command.js
import * as crypto from "crypto";
import * as fs from "fs";
import * as os2 from "os";
function issueFileCommand(command, message) {
  const filePath = process.env[`GITHUB_${command}`];
  if (!filePath) {
    throw new Error(`Unable to find environment variable for file command ${command}`);
  }
  if (!fs.existsSync(filePath)) {
    throw new Error(`Missing file at path: ${filePath}`);
  }
  fs.appendFileSync(filePath, `${toCommandValue(message)}${os2.EOL}`, {
    encoding: "utf8"
  });
}
function prepareKeyValueMessage(key, value) {
  const delimiter = `ghadelimiter_${crypto.randomUUID()}`;
  const convertedValue = toCommandValue(value);
  if (key.includes(delimiter)) {
    throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
  }
  if (convertedValue.includes(delimiter)) {
    throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
  }
  return `${key}<<${delimiter}${os2.EOL}${convertedValue}${os2.EOL}${delimiter}`;
}

// node_modules/@actions/core/lib/core.js
import * as os4 from "os";

// node_modules/@actions/core/lib/summary.js
import { EOL as EOL3 } from "os";
import { constants, promises } from "fs";
var __awaiter = function(thisArg, _arguments, P, generator) {
  function adopt(value) {
    return value instanceof P ? value : new P(function(resolve5) {
      resolve5(value);
    });
  }
  return new (P || (P = Promise))(function(resolve5, reject) {
    function fulfilled(value) {
      try {
        step(generator.next(value));
      } catch (e) {
        reject(e);
      }
    }
    function rejected(value) {
      try {
        step(generator["throw"](value));
      } catch (e) {
        reject(e);
      }
    }
    function step(result) {
      result.done ? resolve5(result.value) : adopt(result.value).then(fulfilled, rejected);
    }
    step((generator = generator.apply(thisArg, _arguments || [])).next());
  });
};
var { access, appendFile, writeFile } = promises;
var SUMMARY_ENV_VAR = "GITHUB_STEP_SUMMARY";
var Summary = class {
  constructor() {
    this._buffer = "";
  }
  /**
   * Finds the summary file path from the environment, rejects if env var is not found or file does not exist
   * Also checks r/w permissions.
   *
   * @returns step summary file path
   */
  filePath() {
    return __awaiter(this, void 0, void 0, function* () {
      if (this._filePath) {
        return this._filePath;
      }
      const pathFromEnv = process.env[SUMMARY_ENV_VAR];
      if (!pathFromEnv) {
        throw new Error(`Unable to find environment variable for $${SUMMARY_ENV_VAR}. Check if your runtime environment supports job summaries.`);
      }
      try {
        yield access(pathFromEnv, constants.R_OK | constants.W_OK);
      } catch (_a) {
        throw new Error(`Unable to access summary file: '${pathFromEnv}'. Check if the file has correct read/write permissions.`);
      }
      this._filePath = pathFromEnv;
      return this._filePath;
    });
  }
  /**
   * Wraps content in an HTML tag, adding any HTML attributes
   *
   * @param {string} tag HTML tag to wrap
   * @param {string | null} content content within the tag
   * @param {[attribute: string]: string} attrs key-value list of HTML attributes to add
   *
   * @returns {string} content wrapped in HTML element
   */
  wrap(tag, content, attrs = {}) {
    const htmlAttrs = Object.entries(attrs).map(([key, value]) => ` ${key}="${value}"`).join("");
    if (!content) {
      return `<${tag}${htmlAttrs}>`;
    }
    return `<${tag}${htmlAttrs}>${content}</${tag}>`;
  }
  /**
   * Writes text in the buffer to the summary buffer file and empties buffer. Will append by default.
   *
   * @param {SummaryWriteOptions} [options] (optional) options for write operation
   *
   * @returns {Promise<Summary>} summary instance
   */
  write(options) {
    return __awaiter(this, void 0, void 0, function* () {
      const overwrite = !!(options === null || options === void 0 ? void 0 : options.overwrite);
      const filePath = yield this.filePath();
      const writeFunc = overwrite ? writeFile : appendFile;
      yield writeFunc(filePath, this._buffer, { encoding: "utf8" });
      return this.emptyBuffer();
    });
  }
  /**
   * Clears the summary buffer and wipes the summary file
   *
   * @returns {Summary} summary instance
   */
  clear() {
    return __awaiter(this, void 0, void 0, function* () {
      return this.emptyBuffer().write({ overwrite: true });
    });
  }
  /**
   * Returns the current summary buffer as a string
   *
   * @returns {string} string of summary buffer
   */
  stringify() {
    return this._buffer;
  }
  /**
   * If the summary buffer is empty
   *
   * @returns {boolen} true if the buffer is empty
   */
  isEmptyBuffer() {
    return this._buffer.length === 0;
  }
  /**
   * Resets the summary buffer without writing to summary file
   *
   * @returns {Summary} summary instance
   */
  emptyBuffer() {
    this._buffer = "";
    return this;
  }
  /**
   * Adds raw text to the summary buffer
   *
   * @param {string} text content to add
   * @param {boolean} [addEOL=false] (optional) append an EOL to the raw text (default: false)
   *
   * @returns {Summary} summary instance
   */
  addRaw(text2, addEOL = false) {
    this._buffer += text2;
    return addEOL ? this.addEOL() : this;
  }
  /**
   * Adds the operating system-specific end-of-line marker to the buffer
   *
   * @returns {Summary} summary instance
   */
  addEOL() {
    return this.addRaw(EOL3);
  }
  /**
   * Adds an HTML codeblock to the summary buffer
   *
   * @param {string} code content to render within fenced code block
   * @param {string} lang (optional) language to syntax highlight code
   *
   * @returns {Summary} summary instance
   */
  addCodeBlock(code4, lang) {
    const attrs = Object.assign({}, lang && { lang });
    const element = this.wrap("pre", this.wrap("code", code4), attrs);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML list to the summary buffer
   *
   * @param {string[]} items list of items to render
   * @param {boolean} [ordered=false] (optional) if the rendered list should be ordered or not (default: false)
   *
   * @returns {Summary} summary instance
   */
  addList(items, ordered = false) {
    const tag = ordered ? "ol" : "ul";
    const listItems = items.map((item) => this.wrap("li", item)).join("");
    const element = this.wrap(tag, listItems);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML table to the summary buffer
   *
   * @param {SummaryTableCell[]} rows table rows
   *
   * @returns {Summary} summary instance
   */
  addTable(rows) {
    const tableBody = rows.map((row) => {
      const cells = row.map((cell) => {
        if (typeof cell === "string") {
          return this.wrap("td", cell);
        }
        const { header, data, colspan, rowspan } = cell;
        const tag = header ? "th" : "td";
        const attrs = Object.assign(Object.assign({}, colspan && { colspan }), rowspan && { rowspan });
        return this.wrap(tag, data, attrs);
      }).join("");
      return this.wrap("tr", cells);
    }).join("");
    const element = this.wrap("table", tableBody);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds a collapsable HTML details element to the summary buffer
   *
   * @param {string} label text for the closed state
   * @param {string} content collapsable content
   *
   * @returns {Summary} summary instance
   */
  addDetails(label, content) {
    const element = this.wrap("details", this.wrap("summary", label) + content);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML image tag to the summary buffer
   *
   * @param {string} src path to the image you to embed
   * @param {string} alt text description of the image
   * @param {SummaryImageOptions} options (optional) addition image attributes
   *
   * @returns {Summary} summary instance
   */
  addImage(src, alt, options) {
    const { width, height } = options || {};
    const attrs = Object.assign(Object.assign({}, width && { width }), height && { height });
    const element = this.wrap("img", null, Object.assign({ src, alt }, attrs));
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML section heading element
   *
   * @param {string} text heading text
   * @param {number | string} [level=1] (optional) the heading level, default: 1
   *
   * @returns {Summary} summary instance
   */
  addHeading(text2, level) {
    const tag = `h${level}`;
    const allowedTag = ["h1", "h2", "h3", "h4", "h5", "h6"].includes(tag) ? tag : "h1";
    const element = this.wrap(allowedTag, text2);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML thematic break (<hr>) to the summary buffer
   *
   * @returns {Summary} summary instance
   */
  addSeparator() {
    const element = this.wrap("hr", null);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML line break (<br>) to the summary buffer
   *
   * @returns {Summary} summary instance
   */
  addBreak() {
    const element = this.wrap("br", null);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML blockquote to the summary buffer
   *
   * @param {string} text quote text
   * @param {string} cite (optional) citation url
   *
   * @returns {Summary} summary instance
   */
  addQuote(text2, cite) {
    const attrs = Object.assign({}, cite && { cite });
    const element = this.wrap("blockquote", text2, attrs);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML anchor tag to the summary buffer
   *
   * @param {string} text link text/content
   * @param {string} href hyperlink
   *
   * @returns {Summary} summary instance
   */
  addLink(text2, href) {
    const element = this.wrap("a", text2, { href });
    return this.addRaw(element).addEOL();
  }
};
var _summary = new Summary();
var summary = _summary;

// node_modules/@actions/core/lib/platform.js
import os3 from "os";

// node_modules/@actions/io/lib/io-util.js
import * as fs2 from "fs";
var { chmod, copyFile, lstat, mkdir, open, readdir, rename, rm, rmdir, stat, symlink, unlink } = fs2.promises;
var IS_WINDOWS = process.platform === "win32";
var READONLY = fs2.constants.O_RDONLY;

// node_modules/@actions/exec/lib/toolrunner.js
var IS_WINDOWS2 = process.platform === "win32";

// node_modules/@actions/core/lib/platform.js
var platform = os3.platform();
var arch = os3.arch();

// node_modules/@actions/core/lib/core.js
var ExitCode;
(function(ExitCode2) {
  ExitCode2[ExitCode2["Success"] = 0] = "Success";
  ExitCode2[ExitCode2["Failure"] = 1] = "Failure";
})(ExitCode || (ExitCode = {}));
function setSecret(secret) {
  issueCommand("add-mask", {}, secret);
}
function getInput(name, options) {
  const val = process.env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] || "";
  if (options && options.required && !val) {
    throw new Error(`Input required and not supplied: ${name}`);
  }
  if (options && options.trimWhitespace === false) {
    return val;
  }
  return val.trim();
}
function setOutput(name, value) {
  const filePath = process.env["GITHUB_OUTPUT"] || "";
  if (filePath) {
    return issueFileCommand("OUTPUT", prepareKeyValueMessage(name, value));
  }
  process.stdout.write(os4.EOL);
  issueCommand("set-output", { name }, toCommandValue(value));
}
function setFailed(message) {
  process.exitCode = ExitCode.Failure;
  error(message);
}
function debug(message) {
  issueCommand("debug", {}, message);
}
function error(message, properties = {}) {
  issueCommand("error", toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
function warning(message, properties = {}) {
  issueCommand("warning", toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
function notice(message, properties = {}) {
  issueCommand("notice", toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
function info(message) {
  process.stdout.write(message + os4.EOL);
}
function saveState(name, value) {
  const filePath = process.env["GITHUB_STATE"] || "";
  if (filePath) {
    return issueFileCommand("STATE", prepareKeyValueMessage(name, value));
  }
  issueCommand("save-state", { name }, toCommandValue(value));
}

// src/action/main.ts
import { relative } from "node:path";

// src/config/project-file.ts
import { existsSync as existsSync3 } from "node:fs";
import { join, resolve as resolve3 } from "node:path";

// src/config/env.ts
import { existsSync as existsSync2, readFileSync } from "node:fs";
import { resolve } from "node:path";
async function loadEnv(cwd, envFile, env, setting = "env-file") {
  const path = resolve(cwd, envFile ?? ".env");
  if (!existsSync2(path)) {
    if (envFile) throw new ConfigError("env-file", `${setting} ${envFile} does not exist: create it or point ${setting} at your .env`);
    return { ...env };
  }
  const text2 = readFileSync(path, "utf8");
  const line = text2.split(/\r?\n/).findIndex((l) => l.trim() !== "" && !l.trim().startsWith("#") && !/^\s*(export\s+)?[\w.-]+\s*[=:]/.test(l));
  if (line >= 0) {
    throw new ConfigError("env-file", `${envFile ?? ".env"} line ${line + 1} is not KEY=value: fix or remove that line`);
  }
  const dotenv = await import("./chunk-6DSX5HFW.js");
  const { parse } = dotenv.default ?? dotenv;
  return { ...parse(text2), ...definedOnly(env) };
}
function definedOnly(env) {
  return Object.fromEntries(Object.entries(env).filter(([, v]) => v !== void 0));
}

// src/config/suggest.ts
function closest(typed, known) {
  let best;
  let bestDistance = Infinity;
  for (const word of known) {
    const d = distance(typed, word);
    if (d < bestDistance) [best, bestDistance] = [word, d];
  }
  return bestDistance <= Math.max(2, Math.floor(typed.length / 3)) ? best : void 0;
}
function distance(a, b) {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = row;
  }
  return previous[b.length];
}

// src/config/config.ts
import { isAbsolute, resolve as resolve2 } from "node:path";

// src/config/settings.ts
var settings = [
  { name: "command", kind: "value", input: true, cli: false, file: false, help: "the command to run" },
  { name: "revision", kind: "value", input: true, cli: false, file: false, help: "target revision" },
  { name: "database-url", kind: "value", placeholder: "url", env: "DATABASE_URL", input: true, file: false, help: "database to act on (or DB_HOST/DB_PORT/DB_NAME/DB_USER/DB_PASS)" },
  { name: "embedded", kind: "boolean", input: false, file: false, help: "run on a throwaway PostgreSQL started for this run (same as --database-url embedded)" },
  { name: "shadow-database-url", kind: "value", placeholder: "url", env: "SHADOW_DATABASE_URL", input: true, file: false, help: "server where check and diff build their scratch databases" },
  { name: "working-directory", kind: "value", aliases: ["-C", "--cwd"], placeholder: "dir", input: true, file: false, help: "run as if started in <dir>" },
  { name: "env-file", kind: "value", flag: "--dotenv", placeholder: "file", input: true, file: false, help: "dotenv file (default: .env; the real environment wins); not --env-file, which Node itself reads" },
  { name: "migrations", kind: "value", placeholder: "dir", env: "DB_MIGRATE_MIGRATIONS", input: true, file: true, help: "migrations folder (default: migrations)" },
  { name: "migrations-ignore", kind: "value", placeholder: "globs", env: "DB_MIGRATE_MIGRATIONS_IGNORE", input: true, file: true, help: "comma-separated globs of files in the migrations folder that are not migrations" },
  { name: "models", kind: "value", placeholder: "file", env: "DB_MIGRATE_MODELS", input: true, file: true, help: "models module (default: src/models.ts)" },
  { name: "models-kind", kind: "value", placeholder: "kind", env: "DB_MIGRATE_MODELS_KIND", input: true, file: true, help: "what the models are: db-migrate, sql, sequelize, typeorm or drizzle (default: recognised)" },
  { name: "context", kind: "value", placeholder: "kind", env: "DB_MIGRATE_CONTEXT", input: true, file: true, help: "what migrations get as context: auto, pg or sequelize (default: auto)" },
  { name: "history-schema", kind: "value", placeholder: "name", env: "DB_MIGRATE_HISTORY_SCHEMA", input: true, file: true, help: "schema of the history table (default: public)" },
  { name: "history-table", kind: "value", placeholder: "name", env: "DB_MIGRATE_HISTORY_TABLE", input: true, file: true, help: "history table (default: db_migrate_history)" },
  { name: "umzug-table", kind: "value", placeholder: "[schema.]table", env: "DB_MIGRATE_UMZUG_TABLE", input: true, file: true, help: "Umzug history imported on the first run (default: SequelizeMeta)" },
  { name: "umzug-column", kind: "value", placeholder: "name", env: "DB_MIGRATE_UMZUG_COLUMN", input: true, file: true, help: "column of the Umzug history holding the names (default: name)" },
  { name: "check", kind: "boolean", input: true, file: false, help: "status: exit 1 when migrations are pending, an applied file changed or vanished, or one needs attention" },
  { name: "dry-run", kind: "boolean", input: true, file: false, help: "show what upgrade/downgrade would run; change nothing" },
  { name: "sql", kind: "boolean", input: true, file: false, help: "print the SQL upgrade/downgrade would send (history statements, BEGIN and COMMIT included); change nothing" },
  { name: "allow-out-of-order", kind: "boolean", env: "DB_MIGRATE_ALLOW_OUT_OF_ORDER", input: true, file: true, help: "apply pending migrations older than the newest applied one" },
  { name: "lock-timeout", kind: "value", placeholder: "duration", env: "DB_MIGRATE_LOCK_TIMEOUT", input: true, file: true, help: "SET lock_timeout for migrations (e.g. 5s)" },
  { name: "statement-timeout", kind: "value", placeholder: "duration", env: "DB_MIGRATE_STATEMENT_TIMEOUT", input: true, file: true, help: "SET statement_timeout for migrations" },
  { name: "lock-wait", kind: "value", placeholder: "duration", env: "DB_MIGRATE_LOCK_WAIT", input: true, file: true, help: "how long to wait for a concurrent run to finish (default: 10min)" },
  { name: "connect-timeout", kind: "value", placeholder: "duration", env: "DB_MIGRATE_CONNECT_TIMEOUT", input: true, file: true, help: "how long to wait for the database to accept connections (default: 30s)" },
  { name: "keep-database", kind: "boolean", input: true, cli: false, file: false, help: "keep a started PostgreSQL running for later steps" },
  { name: "from", kind: "value", input: false, cli: false, file: false, help: "diff: the schema to start from" },
  { name: "to", kind: "value", input: false, cli: false, file: false, help: "diff: the schema to reach" },
  { name: "schema", kind: "value", placeholder: "names", repeatable: true, input: true, file: true, help: "diff, check, revision --autogenerate: compare only these schemas (repeat the flag or separate with commas)" },
  { name: "exclude-schema", kind: "value", placeholder: "names", repeatable: true, input: true, file: true, help: "diff, check, revision --autogenerate: leave these schemas out (repeat the flag or separate with commas)" },
  { name: "column-order", kind: "boolean", env: "DB_MIGRATE_COLUMN_ORDER", input: true, file: true, help: "check, diff: also report differences in column order" },
  { name: "ignore-privileges", kind: "boolean", env: "DB_MIGRATE_IGNORE_PRIVILEGES", input: true, file: true, help: "check, diff: leave grants out: none are read or compared" },
  { name: "ignore-extension-versions", kind: "boolean", env: "DB_MIGRATE_IGNORE_EXTENSION_VERSIONS", input: true, file: true, help: "check, diff: an extension at another version is no difference" },
  { name: "lint-disable", kind: "value", placeholder: "rules", env: "DB_MIGRATE_LINT_DISABLE", input: true, file: true, help: "lint rules to turn off, comma-separated; one file turns one off with: -- db-migrate: allow <rule>" },
  { name: "base", kind: "value", placeholder: "ref", input: true, file: false, help: "check: lint the migrations added since this branch (default: GITHUB_BASE_REF, else the newest migration)" },
  { name: "reversible", kind: "boolean", input: true, file: false, help: "check: apply each new migration's up, then its down, and fail when the schema does not come back" },
  { name: "no-cache", kind: "boolean", env: "DB_MIGRATE_NO_CACHE", input: true, file: false, help: "check: replay every migration, neither starting from nor keeping a cached snapshot" },
  { name: "check-cache", kind: "value", placeholder: "dir", env: "DB_MIGRATE_CHECK_CACHE", input: true, file: true, help: "check: where the embedded server's snapshots of replayed migrations are kept (default: /dev/shm/db-migrate-check-<uid>, else check/ in the embedded server's cache)" },
  { name: "all", kind: "boolean", input: true, file: false, help: "check: lint (and with --reversible, revert) every migration, not only new ones" },
  { name: "pr-comment", kind: "boolean", input: true, cli: false, file: false, help: "post the report as one pull-request comment, updated in place" },
  { name: "github-token", kind: "value", input: true, cli: false, file: false, help: "token for pr-comment" },
  { name: "message", kind: "value", aliases: ["-m"], placeholder: "text", input: true, file: false, help: "revision: the message that names the new migration" },
  { name: "autogenerate", kind: "boolean", input: true, file: false, help: "revision: the migration that makes the migrations match the models" },
  { name: "format", kind: "value", placeholder: "sql|ts|sequelize", env: "DB_MIGRATE_FORMAT", input: true, file: true, help: "revision: write a SQL pair, one TypeScript module, or a module Umzug also runs (default: sql)" },
  { name: "force", kind: "boolean", input: true, file: false, help: "pull: replace the models file when it exists (without it, pull refuses)" },
  { name: "stdout", kind: "boolean", input: false, file: false, help: "pull: print the models instead of writing the models file" },
  { name: "verbose", kind: "boolean", aliases: ["-v"], input: false, file: false, help: "current: also the file, when it was applied and how long it took" },
  { name: "indicate-current", kind: "boolean", aliases: ["-i"], input: false, file: false, help: "history: mark the current migration" },
  { name: "rev-range", kind: "value", aliases: ["-r"], placeholder: "start:end", input: false, file: false, help: "history: only the migrations from start to end (base:head, NAME:, :current)" },
  { name: "json", kind: "boolean", input: false, file: false, help: "machine-readable output" }
];
var settingByName = new Map(settings.map((s) => [s.name, s]));
var fileKey = (name) => name.replace(/-(\w)/g, (_, c) => c.toUpperCase());

// src/config/config.ts
var commands = ["upgrade", "downgrade", "stamp", "status", "current", "history", "heads", "show", "revision", "check", "init", "resolve", "diff", "pull"];
var modelsKinds = ["db-migrate", "sql", "sequelize", "typeorm", "drizzle"];
function parseConfig(source) {
  const frontLabel = source.label ?? ((name) => name);
  const given = (name) => {
    const value = source.settings[name]?.trim();
    return value === "" ? void 0 : value;
  };
  const cwd = resolve2(source.cwd, given("working-directory") ?? ".");
  const env = source.env;
  const fromEnv = (name) => {
    const variable = settingByName.get(name)?.env;
    if (!variable || name === "database-url" || name === "shadow-database-url") return void 0;
    return env[variable]?.trim() || void 0;
  };
  const fromFile = (name) => source.file?.values[name];
  const raw = (name) => given(name) ?? fromEnv(name) ?? fromFile(name);
  const label = (name) => given(name) !== void 0 ? frontLabel(name) : fromEnv(name) !== void 0 ? settingByName.get(name).env : fromFile(name) !== void 0 ? `${source.file.file} ${fileKey(name)}` : frontLabel(name);
  const command = raw("command") ?? "upgrade";
  if (!commands.includes(command)) {
    const near = closest(command, commands);
    throw new ConfigError("command", `${label("command")} '${command}' is unknown: ${near ? `did you mean ${near}? ` : ""}use one of ${commands.join(", ")}`);
  }
  const given_ = given("database-url");
  const embeddedWord = given_?.toLowerCase() === "embedded" || given_ === void 0 && env.DATABASE_URL?.trim().toLowerCase() === "embedded";
  const embedded = embeddedWord || flag(given("embedded"), label("embedded"));
  const databaseSetting = given_ !== void 0 ? label("database-url") : env.DATABASE_URL?.trim() ? "DATABASE_URL" : "DB_HOST/DB_PORT/DB_NAME/DB_USER/DB_PASS";
  const databaseText2 = embeddedWord ? void 0 : given_ ?? (env.DATABASE_URL?.trim() || void 0) ?? urlFromParts(env) ?? void 0;
  if (embedded && databaseText2 !== void 0 && !embeddedWord) {
    throw new ConfigError("embedded", `${label("embedded")} asks for a throwaway server, but ${databaseSetting} names a database: drop one of them`);
  }
  const database = databaseText2 === void 0 ? null : parseDatabaseUrl(databaseText2, databaseSetting);
  const shadowText = raw("shadow-database-url") ?? (env.SHADOW_DATABASE_URL?.trim() || void 0);
  const shadowDatabase = shadowText === void 0 ? null : parseDatabaseUrl(shadowText, raw("shadow-database-url") ? label("shadow-database-url") : "SHADOW_DATABASE_URL");
  const path = (name, fallback) => {
    const value = raw(name) ?? fallback;
    return isAbsolute(value) ? value : resolve2(cwd, value);
  };
  return {
    command,
    revision: raw("revision"),
    cwd,
    database,
    embedded,
    databaseSetting,
    shadowDatabase,
    migrationsDir: path("migrations", "migrations"),
    migrationsIgnore: globs(raw("migrations-ignore")),
    modelsPath: path("models", "src/models.ts"),
    modelsNamed: raw("models") !== void 0,
    modelsKind: raw("models-kind") === void 0 ? null : oneOf(raw("models-kind"), modelsKinds, label("models-kind")),
    historySchema: identifier(raw("history-schema") ?? "public", label("history-schema")),
    historyTable: identifier(raw("history-table") ?? "db_migrate_history", label("history-table")),
    umzugStorage: umzugStorage(raw("umzug-table") ?? "SequelizeMeta", identifier(raw("umzug-column") ?? "name", label("umzug-column")), label("umzug-table")),
    lockTimeoutMs: duration(raw("lock-timeout"), label("lock-timeout")),
    statementTimeoutMs: duration(raw("statement-timeout"), label("statement-timeout")),
    lockWaitMs: duration(raw("lock-wait"), label("lock-wait")) ?? 10 * 6e4,
    connectTimeoutMs: duration(raw("connect-timeout"), label("connect-timeout")) ?? 3e4,
    allowOutOfOrder: flag(raw("allow-out-of-order"), label("allow-out-of-order")),
    dryRun: flag(raw("dry-run"), label("dry-run")),
    statusCheck: flag(raw("check"), label("check")),
    message: raw("message"),
    autogenerate: flag(raw("autogenerate"), label("autogenerate")),
    json: flag(raw("json"), label("json")),
    verbose: flag(raw("verbose"), label("verbose")),
    indicateCurrent: flag(raw("indicate-current"), label("indicate-current")),
    revisionRange: raw("rev-range"),
    keepDatabase: flag(raw("keep-database") ?? "true", label("keep-database")),
    columnOrder: flag(raw("column-order"), label("column-order")),
    ignorePrivileges: flag(raw("ignore-privileges"), label("ignore-privileges")),
    ignoreExtensionVersions: flag(raw("ignore-extension-versions"), label("ignore-extension-versions")),
    format: oneOf(raw("format") ?? "sql", ["sql", "ts", "sequelize"], label("format")),
    contextKind: oneOf(raw("context") ?? "auto", ["auto", "pg", "sequelize"], label("context")),
    ...source.file?.contextFactory ? { contextFactory: source.file.contextFactory } : {},
    sql: flag(raw("sql"), label("sql")),
    reversible: flag(raw("reversible"), label("reversible")),
    noCache: flag(raw("no-cache"), label("no-cache")),
    checkCache: raw("check-cache") === void 0 ? null : path("check-cache", ""),
    lintDisabled: lintRules(raw("lint-disable"), label("lint-disable")),
    all: flag(raw("all"), label("all")),
    force: flag(raw("force"), label("force")),
    stdout: flag(raw("stdout"), label("stdout")),
    baseRef: raw("base") ?? (env.GITHUB_BASE_REF?.trim() || void 0),
    databaseGiven: given_ !== void 0 && !embeddedWord,
    diffSides: diffSides(command, raw("from"), raw("to")),
    schemaScope: { include: names(raw("schema"), label("schema")), exclude: names(raw("exclude-schema"), label("exclude-schema")) },
    secrets: [...database?.secrets ?? [], ...[raw("from"), raw("to")].flatMap(urlSecrets), ...shadowDatabase?.secrets ?? [], env.DB_PASS].filter((s) => !!s)
  };
}
function diffSides(command, from, to) {
  if (command !== "diff") return null;
  if (from === void 0 || to === void 0) throw new ConfigError("command", "diff needs two sides: db-migrate diff <from> <to>, each a database URL, a migrations folder, a models file or a .sql file");
  return [from, to];
}
function urlSecrets(side) {
  if (side === void 0 || !/^postgres(ql)?:\/\//i.test(side)) return [];
  try {
    return parseDatabaseUrl(side, "diff").secrets;
  } catch {
    return [];
  }
}
function names(value, setting) {
  const list = (value ?? "").split(",").map((n) => n.trim()).filter(Boolean);
  for (const name of list) identifier(name, setting);
  return list;
}
var maxDurationMs = 2147483647;
function duration(value, setting) {
  if (value === void 0) return null;
  if (/^0+(\.0*)?$/.test(value)) return 0;
  const match = /^(\d+(?:\.\d+)?)\s*(ms|s|min|m|h|d)?$/.exec(value);
  if (!match) throw new ConfigError(setting, `${setting} '${value}' is not a duration: use e.g. 500ms, 5s or 2min`);
  if (!match[2]) throw new ConfigError(setting, `${setting} '${value}' has no unit: write ${value}ms, ${value}s or ${value}min`);
  const unit = { ms: 1, s: 1e3, min: 6e4, m: 6e4, h: 36e5, d: 864e5 }[match[2]] ?? 1;
  const ms = Math.round(Number(match[1]) * unit);
  if (ms > maxDurationMs) throw new ConfigError(setting, `${setting} '${value}' is longer than PostgreSQL allows (${maxDurationMs} ms, about 24 days): use a shorter one, or 0 for no limit`);
  if (ms === 0) throw new ConfigError(setting, `${setting} '${value}' rounds to 0 ms, which means no limit: use at least 1ms, or write 0 for no limit`);
  return ms;
}
var defaultIgnore = ["*.sample.*", "*.template.*", "*.example.*", "_*"];
function globs(value) {
  if (value === void 0) return defaultIgnore;
  if (value === "none") return [];
  return value.split(",").map((g) => g.trim()).filter(Boolean);
}
function oneOf(value, allowed, setting) {
  if (allowed.includes(value)) return value;
  throw new ConfigError(setting, `${setting} '${value}' is not one of ${allowed.join(", ")}`);
}
function flag(value, setting) {
  if (value === void 0) return false;
  if (/^(true|yes|1|on)$/i.test(value)) return true;
  if (/^(false|no|0|off)$/i.test(value)) return false;
  throw new ConfigError(setting, `${setting} '${value}' is not a boolean: use true or false`);
}
function lintRules(value, setting) {
  const names3 = (value ?? "").split(/[\s,]+/).filter(Boolean);
  const unknown = names3.find((n) => !ruleNames.includes(n));
  if (unknown) throw new ConfigError(setting, `${setting}: '${unknown}' is not a lint rule: use one of ${ruleNames.join(", ")}`);
  return new Set(names3);
}
function umzugStorage(value, column, setting) {
  const dot = value.indexOf(".");
  const [schema, table3] = dot > 0 ? [value.slice(0, dot), value.slice(dot + 1)] : ["public", value];
  return { schema: identifier(schema, setting), table: identifier(table3, setting), column };
}
function identifier(value, setting) {
  if (value.length > 63 || value.includes("\0")) {
    throw new ConfigError(setting, `${setting} must be a Postgres identifier of at most 63 characters`);
  }
  return value;
}

// src/config/project-file.ts
var projectFileNames = ["db-migrate.config.ts", "db-migrate.config.mts", "db-migrate.config.js", "db-migrate.config.mjs", "db-migrate.config.cjs"];
async function loadConfig(source) {
  const cwd = resolve3(source.cwd, source.settings["working-directory"]?.trim() || ".");
  const file = await loadProjectFile(cwd);
  const env = await loadEnv(cwd, source.settings["env-file"]?.trim() || void 0, source.env, source.label?.("env-file") ?? "env-file");
  return parseConfig({ ...source, env, ...file ? { file } : {} });
}
async function loadProjectFile(cwd) {
  const found = projectFileNames.filter((name) => existsSync3(join(cwd, name)));
  if (found.length === 0) return void 0;
  const file = found[0];
  if (found.length > 1) throw new ConfigError("config", `${found.join(" and ")} are both config files: keep one`);
  let exports;
  try {
    exports = await importModule(join(cwd, file));
  } catch (error2) {
    const reason = (error2 instanceof Error ? error2.message : String(error2)).split("\n")[0];
    throw new ConfigError("config", `${file} does not load: ${reason}: fix that file`, { cause: error2 });
  }
  const fromDefault = exports.default;
  const body = { ...exports, ...isObject(fromDefault) ? fromDefault : {} };
  delete body.default;
  const byKey = new Map(settings.filter((s) => s.file).map((s) => [fileKey(s.name), s.name]));
  const values = {};
  let contextFactory;
  for (const [key, value] of Object.entries(body)) {
    if (key === "context" && typeof value === "function") {
      contextFactory = value;
      continue;
    }
    if (key === "__esModule" || value === void 0) continue;
    const name = byKey.get(key) ?? byKey.get(fileKey(key));
    if (!name) {
      const near = closest(key, [...byKey.keys(), "context"]);
      throw new ConfigError("config", `${file} sets '${key}', which is not a setting: ${near ? `did you mean ${near}? ` : ""}use one of ${[...byKey.keys(), "context"].join(", ")}`);
    }
    values[name] = text(value, `${file} ${key}`);
  }
  return { file, values, ...contextFactory ? { contextFactory } : {} };
}
function text(value, where) {
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value) && value.every((v) => typeof v === "string")) return value.join(",");
  throw new ConfigError("config", `${where} must be a string, number, boolean or list of strings`);
}
var isObject = (v) => typeof v === "object" && v !== null && !Array.isArray(v);

// src/commands/resolve.ts
async function resolve4(config, databaseUrl, log, resolution) {
  const spec = config.revision?.trim();
  if (!spec) throw new RevisionError("resolve needs the name of a migration (or a unique prefix) and --applied or --rolled-back");
  const files = listMigrations(config.migrationsDir, config.cwd, config.migrationsIgnore);
  const ref = { schema: config.historySchema, table: config.historyTable };
  const client = await waitForConnection(databaseUrl, config.connectTimeoutMs);
  try {
    const release = await acquireLock(client, ref, config.lockWaitMs, log);
    try {
      await ensureHistory(client, ref);
      const history2 = await readHistory(client, ref);
      const names3 = [.../* @__PURE__ */ new Set([...files.map((f) => f.name), ...history2.map((r) => r.name)])].sort(compareNames);
      const name = pick(spec, names3);
      const row = history2.find((r) => r.name === name);
      if (resolution === "applied") {
        const file = files.find((f) => f.name === name);
        if (!file) throw new HistoryError("missing_file", `migration ${name} has no file, so it cannot be recorded as applied: restore the file first`);
        await writeRow(client, ref, { name, checksum: file.checksum, state: "applied", durationMs: row?.durationMs ?? null });
      } else {
        if (!row) throw new HistoryError("not_recorded", `migration ${name} is not recorded in ${historySql(ref)}: there is nothing to roll back`);
        await deleteRow(client, ref, name);
      }
      return { name, resolution, previous: row?.state ?? null };
    } finally {
      await release().catch(() => {
      });
    }
  } finally {
    await client.end().catch(() => {
    });
  }
}
function pick(spec, names3) {
  if (names3.includes(spec)) return spec;
  const matches = names3.filter((n) => n.startsWith(spec));
  if (matches.length === 1) return matches[0];
  if (matches.length > 1) throw new RevisionError(`'${spec}' is ambiguous: it matches ${matches.join(", ")}; give more of the name`, matches);
  throw new RevisionError(`no migration is named '${spec}' (known: ${names3.join(", ") || "none"})`, [...names3]);
}

// src/commands/stamp.ts
async function stamp(config, databaseUrl, log) {
  const spec = config.revision?.trim();
  if (!spec) throw new RevisionError("stamp needs a revision: head, a migration name or a unique prefix of one, or +N");
  const files = listMigrations(config.migrationsDir, config.cwd, config.migrationsIgnore);
  const ref = { schema: config.historySchema, table: config.historyTable };
  const client = await waitForConnection(databaseUrl, config.connectTimeoutMs);
  const run2 = async () => {
    const history2 = await readHistory(client, ref);
    assertNoProblems(findProblems(files, history2, config), "up");
    const applied = new Set(history2.map((r) => r.name));
    const plan = planUpgrade(spec, files, applied);
    await recordApplied(client, ref, plan.steps, !config.dryRun);
    const stamped = plan.steps.map((f) => f.name);
    const after = config.dryRun ? applied : /* @__PURE__ */ new Set([...applied, ...stamped]);
    return { dryRun: config.dryRun, stamped, current: currentRevision(after) };
  };
  try {
    if (config.dryRun) return await run2();
    const release = await acquireLock(client, ref, config.lockWaitMs, log);
    try {
      return await run2();
    } finally {
      await release().catch(() => {
      });
    }
  } finally {
    await client.end().catch(() => {
    });
  }
}

// src/commands/status.ts
async function survey(config, databaseUrl) {
  const files = listMigrations(config.migrationsDir, config.cwd, config.migrationsIgnore);
  const client = await waitForConnection(databaseUrl, config.connectTimeoutMs);
  try {
    await client.query(`SET lock_timeout = '${config.lockWaitMs}ms'`);
    const history2 = await readHistory(client, { schema: config.historySchema, table: config.historyTable });
    const current2 = currentRevision(history2.filter((r) => r.state === "applied").map((r) => r.name));
    return { files, history: history2, problems: findProblems(files, history2, config), current: current2 };
  } finally {
    await client.end().catch(() => {
    });
  }
}
function appliedMigration(row, files, cwd) {
  const file = files.find((f) => f.name === row.name);
  return { name: row.name, file: file ? displayPath(file.path, cwd) : null, appliedAt: row.appliedAt, durationMs: row.durationMs, state: row.state };
}
async function status(config, databaseUrl) {
  const { files, history: history2, problems: problems2, current: current2 } = await survey(config, databaseUrl);
  const recorded = new Set(history2.map((r) => r.name));
  return {
    current: current2,
    head: files.at(-1)?.name ?? null,
    applied: history2.map((r) => appliedMigration(r, files, config.cwd)),
    pending: files.filter((f) => !recorded.has(f.name)).map((f) => f.name),
    problems: problems2
  };
}
function statusGate(result) {
  const reasons = [
    ...result.pending.length ? [`${result.pending.length} pending migration(s): ${result.pending.join(", ")}`] : [],
    ...result.problems.map((p) => p.message)
  ];
  return reasons.length ? `status --check: ${reasons.join("; ")}` : null;
}

// src/commands/current.ts
async function current(config, databaseUrl) {
  const { files, history: history2, current: current2 } = await survey(config, databaseUrl);
  const row = history2.find((r) => r.name === current2);
  return { current: current2, head: files.at(-1)?.name ?? null, migration: row ? appliedMigration(row, files, config.cwd) : null, verbose: config.verbose };
}

// src/commands/heads.ts
async function heads(config, databaseUrl) {
  const { files, history: history2 } = await survey(config, databaseUrl);
  const head = files.at(-1);
  return {
    head: head?.name ?? null,
    file: head ? displayPath(head.path, config.cwd) : null,
    applied: !!head && history2.some((r) => r.name === head.name && r.state === "applied")
  };
}

// src/commands/history.ts
async function history(config, databaseUrl) {
  const { files, history: rows, current: current2 } = await survey(config, databaseUrl);
  const head = files.at(-1)?.name ?? null;
  const byName = new Map(rows.map((r) => [r.name, r]));
  const names3 = [.../* @__PURE__ */ new Set([...files.map((f) => f.name), ...rows.map((r) => r.name)])].sort(compareNames);
  const [from, to] = range(config.revisionRange, files, current2);
  const migrations = names3.filter((name) => (from === null || compareNames(name, from) >= 0) && (to === null || compareNames(name, to) <= 0)).reverse().map((name) => {
    const row = byName.get(name);
    const file = files.find((f) => f.name === name);
    return {
      name,
      file: file ? displayPath(file.path, config.cwd) : null,
      state: row?.state ?? "pending",
      appliedAt: row?.appliedAt ?? null,
      current: name === current2,
      head: name === head
    };
  });
  return { current: current2, head, migrations, indicateCurrent: config.indicateCurrent };
}
function range(spec, files, current2) {
  if (spec === void 0) return [null, null];
  const parts = spec.split(":");
  if (parts.length !== 2) throw new ConfigError("rev-range", `--rev-range '${spec}' is not a range: write start:end, e.g. base:head, ${files[0]?.name ?? "NAME"}: or :current`);
  const end = (text2) => {
    const t = text2.trim();
    if (t === "") return null;
    if (t === "base") return "";
    if (t === "head") return files.at(-1)?.name ?? "";
    if (t === "current") return current2 ?? "";
    return resolveName(t, files);
  };
  return [end(parts[0]), end(parts[1])];
}

// src/commands/show.ts
async function show(config, databaseUrl) {
  const spec = config.revision?.trim();
  if (!spec) throw new RevisionError("show needs a revision: a migration name or a unique prefix of one, head or current");
  const { files, history: history2, current: current2 } = await survey(config, databaseUrl);
  const recordedOnly = history2.filter((r) => !files.some((f) => f.name === r.name)).map((r) => r.name);
  const name = spec === "head" ? files.at(-1)?.name : spec === "current" ? current2 : recordedOnly.includes(spec) ? spec : resolveName(spec, files);
  if (!name) throw new RevisionError(spec === "head" ? "show head: there are no migrations yet" : "show current: nothing is applied (the database is at base)");
  const file = files.find((f) => f.name === name);
  const row = history2.find((r) => r.name === name);
  const shown = file ? displayPath(file.path, config.cwd) : null;
  const module = file?.kind === "module" ? await loadMigrationModule(file.path, shown) : void 0;
  return {
    name,
    file: shown,
    kind: file?.kind ?? null,
    state: row?.state ?? "pending",
    appliedAt: row?.appliedAt ?? null,
    durationMs: row?.durationMs ?? null,
    checksum: file?.checksum ?? null,
    appliedChecksum: row?.checksum ?? null,
    changed: file && row ? file.checksum !== row.checksum : null,
    up: !!file,
    down: file?.kind === "sql" ? file.downPath !== null : !!module?.down,
    downFile: file?.downPath ? displayPath(file.downPath, config.cwd) : null,
    transaction: module?.transaction !== false,
    error: row?.error ?? null,
    current: name === current2,
    head: name === files.at(-1)?.name
  };
}

// src/commands/run.ts
function lintOf(result) {
  if (result.command === "check") return result.result.lint;
  if (result.command === "upgrade" || result.command === "downgrade") return result.lint;
  return void 0;
}
var table = {
  upgrade: { server: () => "target", run: (r) => migrateCommand(r, "upgrade") },
  downgrade: { server: () => "target", run: (r) => migrateCommand(r, "downgrade") },
  status: { server: () => "target", run: async ({ config, url, database }) => ({ command: "status", result: await status(config, url), database }) },
  current: { server: () => "target", run: async ({ config, url, database }) => ({ command: "current", result: await current(config, url), database }) },
  history: { server: () => "target", run: async ({ config, url, database }) => ({ command: "history", result: await history(config, url), database }) },
  heads: { server: () => "target", run: async ({ config, url, database }) => ({ command: "heads", result: await heads(config, url), database }) },
  show: { server: () => "target", run: async ({ config, url, database }) => ({ command: "show", result: await show(config, url), database }) },
  stamp: { server: () => "target", run: async ({ config, url, log, database }) => ({ command: "stamp", result: await stamp(config, url, log), database }) },
  resolve: { server: () => "target", run: async ({ config, url, log, database, options }) => ({ command: "resolve", result: await resolve4(config, url, log, options.resolution), database }) },
  check: {
    server: () => "shadow",
    run: async ({ config, url, log, database, models, migrations }) => config.databaseGiven ? { command: "check", result: await (await import("./chunk-IV5EM273.js")).checkDatabase(config, url, log), database } : { command: "check", result: await (await import("./chunk-XZMN53JH.js")).check(config, url, log, { models, files: await migrations(), snapshots: database.spunUpUrl ? "own" : "shared" }), database }
  },
  revision: {
    server: (config) => config.autogenerate ? "shadow" : "none",
    run: async ({ config, url, log, database, models }) => config.autogenerate ? { command: "revision", result: await (await import("./chunk-6MMEJKNI.js")).autogenerate(config, url, log, /* @__PURE__ */ new Date(), { models }), database } : { command: "revision", result: await (await import("./chunk-J35O6F7N.js")).revision(config, { format: config.format }), database: null }
  },
  init: { server: () => "none", run: async ({ config }) => ({ command: "init", result: await (await import("./chunk-RLDCO43G.js")).init(config), database: null }) },
  diff: { server: () => "none", run: async ({ config, log }) => ({ command: "diff", result: await (await import("./chunk-4XH6PUWE.js")).diff(config, log), database: null }) },
  // a named database is read as it is; without one, the migrations' head is replayed on a scratch database
  pull: {
    server: (config) => config.database ? "none" : "shadow",
    before: async (config) => (await import("./chunk-IHV7TTWD.js")).checkPull(config),
    run: async ({ config, url, log, database }) => {
      const { pull } = await import("./chunk-IHV7TTWD.js");
      if (config.database) return { command: "pull", result: await pull(config, log, { source: { database: config.database.url } }), database: null };
      return { command: "pull", result: await pull(config, log, { source: { server: url } }), database };
    }
  }
};
async function migrateCommand({ config, url, log, database }, command) {
  const result = await migrate(config, url, log, command === "upgrade" ? "up" : "down");
  const linted = command === "upgrade" && config.dryRun ? await (await import("./chunk-XBB7O3SU.js")).lint(config, url, result.planned) : void 0;
  return { command, result, database, ...linted ? { lint: linted } : {} };
}
function requireDatabase(config, hint) {
  if (config.database || config.embedded) return;
  const { setting, embedded } = hint ?? { setting: "--database-url", embedded: "--embedded" };
  throw new ConfigError("database-url", `${config.command} needs a database, and none is set: set ${setting}, DATABASE_URL or DB_HOST/DB_PORT/DB_NAME/DB_USER/DB_PASS (an empty secret counts as unset); for a throwaway PostgreSQL, ask for it with ${embedded}`);
}
var revisionNeeded = {
  downgrade: "downgrade needs a revision: a migration name or prefix, -1 for one step, or base to revert everything",
  stamp: "stamp needs a revision: head, a migration name or a unique prefix of one, or +N",
  show: "show needs a revision: a migration name or a unique prefix of one, head or current",
  resolve: "resolve needs the name of a migration (or a unique prefix) and --applied or --rolled-back"
};
function preflight(config, server, resolution) {
  const missing = revisionNeeded[config.command];
  if (missing && !config.revision?.trim()) throw new RevisionError(missing);
  if (config.command === "resolve" && !resolution) throw new ConfigError("resolve", "resolve needs --applied or --rolled-back after the migration name");
  const readsFolder = server === "target" || config.command === "check";
  if (!readsFolder) return;
  if (config.command === "check") return void listMigrations(config.migrationsDir, config.cwd, ["*"]);
  const files = listMigrations(config.migrationsDir, config.cwd, config.migrationsIgnore);
  if (files.length === 0 && !config.database && (config.command === "upgrade" || config.command === "downgrade")) throw noMigrations(config);
}
async function runCommand(config, log, options = {}) {
  const command = table[config.command];
  const server = command.server(config);
  if (server === "target") requireDatabase(config, options.databaseHint);
  preflight(config, server, options.resolution);
  await command.before?.(config);
  const models = server === "shadow" ? modelsOnDemand(config) : { loading: noModels, listing: listLater(config), start: () => {
  } };
  const run2 = (url, database) => command.run({ config, log, options, url, database, models: models.loading, migrations: models.listing });
  if (server === "none") return run2("", { spunUpUrl: null, keptRunning: null, server: "" });
  if (server === "target" && config.database) return run2(config.database.url, { spunUpUrl: null, keptRunning: null, server: shownServer(config.database) });
  return withServer(config, log, server, server === "target" && (options.keepSpunUp ?? false), run2, models.start);
}
async function withServer(config, log, role, keep, fn, onSpawn) {
  const { provisionDatabase } = await import("./chunk-HWCMMUKZ.js");
  const provisioned = await provisionDatabase(config, log, { role, keep, onSpawn }).then((p) => (onSpawn(), p));
  const kept = keep && config.keepDatabase && provisioned.spunUp ? provisioned.spunUp.state : null;
  const given = role === "target" ? config.database : config.shadowDatabase;
  const server = provisioned.spunUp ? `embedded PostgreSQL ${provisioned.spunUp.version}` : given ? shownServer(given) : "PostgreSQL";
  try {
    return await fn(provisioned.url, { spunUpUrl: provisioned.spunUp ? provisioned.url : null, keptRunning: kept, server });
  } catch (error2) {
    if (kept) await provisioned.spunUp?.stop().catch(() => {
    });
    throw error2;
  } finally {
    await provisioned.release();
  }
}
function shownServer(url) {
  return `${url.host}:${url.port}/${url.database}`;
}
var noModels = new Promise(() => {
});
function modelsOnDemand(config) {
  let start;
  const started = new Promise((resolve5) => start = resolve5);
  const loading = started.then(() => import("./chunk-OX4MV5RN.js")).then((m) => m.loadModelSource(config));
  loading.catch(() => {
  });
  const listed = config.command === "check" && !config.databaseGiven ? started.then(() => (void import("./chunk-XZMN53JH.js").catch(() => {
  }), listMigrations(config.migrationsDir, config.cwd, config.migrationsIgnore))) : null;
  listed?.catch(() => {
  });
  return { loading, listing: listed ? () => listed : listLater(config), start };
}
function listLater(config) {
  return async () => listMigrations(config.migrationsDir, config.cwd, config.migrationsIgnore);
}

// src/report/redact.ts
var urlPattern = /postgres(?:ql)?:\/\/[^\s'"`<>]*/gi;
var passwordParameter = /([?&](?:ssl)?password=)[^&\s]*/gi;
function redactSecrets(text2, secrets) {
  const forms = secrets.filter((s) => s.length >= 2).flatMap((s) => [.../* @__PURE__ */ new Set([s, encodeURIComponent(s)])]);
  const words = forms.filter((form) => /^\w+$/.test(form));
  let masked = text2;
  for (const form of forms) if (!words.includes(form)) masked = masked.split(form).join("***");
  let out = "";
  let last = 0;
  for (const match of masked.matchAll(urlPattern)) {
    out += maskWords(masked.slice(last, match.index), words) + redactUrlText(match[0]);
    last = match.index + match[0].length;
  }
  return out + maskWords(masked.slice(last), words);
}
function redactUrlText(url) {
  return url.replace(/^(postgres(?:ql)?:\/\/[^:@/\s]*:)[^@\s]*@/i, "$1***@").replace(passwordParameter, "$1***");
}
function maskWords(text2, words) {
  let out = text2.replace(passwordParameter, "$1***");
  for (const word of words) out = out.replace(new RegExp(`(?<!\\w)${word}(?!\\w)`, "g"), "***");
  return out;
}

// src/lint/report.ts
function lintText(lint) {
  const lines = lint.findings.map((f) => `  ${f.file}:${f.line}  ${f.severity}  ${f.rule}: ${f.message}`);
  const head = `Lint: ${count(lint.errors, "error")}, ${count(lint.warnings, "warning")} in ${count(lint.linted.length, "migration")} (PostgreSQL ${lint.serverMajor})`;
  const skipped = lint.skipped.length ? [`  not linted (module migrations, statements known only when they run): ${lint.skipped.join(", ")}`] : [];
  return [head + (lines.length ? ":" : "."), ...lines, ...skipped].join("\n");
}
function lintMarkdown(lint) {
  const title = `#### ${lint.errors ? "\u274C" : lint.warnings ? "\u26A0\uFE0F" : "\u2705"} Lint: ${count(lint.errors, "error")}, ${count(lint.warnings, "warning")} in ${count(lint.linted.length, "migration")}`;
  const rows = lint.findings.map((f) => `| ${f.severity} | ${code(f.rule)} | ${code(`${f.file}:${f.line}`)} | ${escape(f.message)} |`);
  return [
    title,
    ...rows.length ? ["", "| Severity | Rule | Where | What to do |", "| --- | --- | --- | --- |", ...rows] : [],
    ...lint.skipped.length ? ["", `Not linted (module migrations): ${lint.skipped.map(code).join(", ")}`] : []
  ].join("\n");
}
function count(n, word) {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
function code(text2) {
  return `\`${text2.replace(/`/g, "'")}\``;
}
function escape(text2) {
  return text2.replace(/([|<>])/g, "\\$1");
}

// src/report/format.ts
function duration2(ms) {
  if (ms === null || ms === void 0) return "\u2014";
  return ms < 1e3 ? `${Math.round(ms)} ms` : `${(ms / 1e3).toFixed(2)} s`;
}
function plural(n, word) {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
function isoTime(date) {
  return (typeof date === "string" ? new Date(date) : date).toISOString().replace("T", " ").replace(/\.\d+Z$/, "Z");
}
function codeNames(sentence) {
  return sentence.replace(/([|<>])/g, "\\$1").replace(/\b(table|column|index|enum|schema|constraint|primary key|unique constraint) ([^\s:,;`]+)/g, (_, kind, name) => `${kind} \`${name}\``);
}
function replayText(r) {
  const replayed = `Replayed ${plural(r.replayed, "migration")}`;
  const models = r.modelsCached ? " The models: a cached build of the same models." : "";
  return (r.fromCache > 0 ? `${replayed}, on the cached snapshot of the first ${r.fromCache}.` : `${replayed}, from an empty database.`) + models;
}

// src/report/reversibility.ts
var problems = {
  no_down: "has no down migration",
  empty: "has a down that undoes nothing",
  partial: "has a down that does not fully undo its up",
  fails: "has a down that fails"
};
function reversibilityText(r) {
  if (!r.irreversible.length) return `Reversible: the down of each of ${plural(r.checked.length, "migration")} undoes its up.`;
  return [
    `Not reversible: ${plural(r.irreversible.length, "migration")} of ${r.checked.length} checked:`,
    ...r.irreversible.flatMap((i) => [
      `  - ${i.migration} ${problems[i.problem]} (${i.file})${i.error ? `: ${i.error}` : ""}`,
      ...i.leftBehind.map((l) => `      ${l}`)
    ])
  ].join("\n");
}
function reversibilityMarkdown(r) {
  if (!r.irreversible.length) return `#### \u2705 Reversible
The down of each of ${plural(r.checked.length, "migration")} (${r.checked.map(code2).join(", ")}) undoes its up.`;
  return [
    `#### \u274C Not reversible: ${plural(r.irreversible.length, "migration")} of ${r.checked.length} checked`,
    "",
    ...r.irreversible.flatMap((i) => [
      `- ${code2(i.migration)} ${problems[i.problem]} (${code2(i.file)})${i.error ? `: ${escape2(i.error)}` : ""}`,
      ...i.leftBehind.map((l) => `  - ${codeNames(l)}`)
    ])
  ].join("\n");
}
function code2(text2) {
  return `\`${text2.replace(/`/g, "'")}\``;
}
function escape2(text2) {
  return text2.replace(/([|<>])/g, "\\$1");
}

// src/report/summary.ts
function renderSummary(result, failed = false) {
  const body = summaryBody(result, failed ? "\u274C" : "\u2705");
  const database = result.database;
  if (!database) return body;
  if (result.command === "check" || result.command === "revision" || result.command === "pull") return `${body}

Scratch databases on ${code3(database.server)}.`;
  if (!database.spunUpUrl) return `${body}

Ran on ${code3(database.server)}.`;
  return `${body}

> [!WARNING]
> This ran on a **throwaway ${database.server}** started by db-migrate (\`embedded\`), not on a deployed database.`;
}
function summaryBody(result, icon) {
  switch (result.command) {
    case "upgrade":
    case "downgrade":
      return result.lint ? `${migrateSummary(result.result, icon)}

${lintMarkdown(result.lint)}` : migrateSummary(result.result, icon);
    case "status": {
      const s = result.result;
      return [
        `### ${icon} db-migrate status: ${code3(s.current ?? "base")}`,
        "",
        table2(["Migration", "Applied at", "Duration", "State"], s.applied.map((a) => [code3(a.name), isoTime(a.appliedAt), duration2(a.durationMs), a.state])),
        s.pending.length ? `**Pending:** ${s.pending.map(code3).join(", ")}` : "**Pending:** none",
        ...s.problems.length ? ["", "**Problems:**", ...s.problems.map((p) => `- ${markdown(p.message, [p.name, ...p.file ? [p.file] : []])}`)] : []
      ].join("\n");
    }
    case "current": {
      const c = result.result;
      const m = c.migration;
      return [
        `### ${icon} db-migrate current: ${code3(c.current ?? "base")}${c.current !== null && c.current === c.head ? " (head)" : ""}`,
        ...m ? ["", `Applied at ${isoTime(m.appliedAt)} in ${duration2(m.durationMs)}${m.file ? ` from ${code3(m.file)}` : ""}`] : []
      ].join("\n");
    }
    case "history": {
      const h = result.result;
      return [
        `### ${icon} db-migrate history`,
        "",
        table2(["Migration", "State", "Applied at"], h.migrations.map((e) => [`${code3(e.name)}${e.head ? " (head)" : ""}${e.current ? " **(current)**" : ""}`, e.state, e.appliedAt ? isoTime(e.appliedAt) : "\u2014"])) || "No migrations."
      ].join("\n");
    }
    case "heads": {
      const { head, applied } = result.result;
      return `### ${icon} db-migrate heads
${head === null ? "No migrations yet." : `${code3(head)} (head), ${applied ? "applied" : "not applied"}`}`;
    }
    case "show": {
      const s = result.result;
      return [
        `### ${icon} db-migrate show ${code3(s.name)}`,
        "",
        table2(["", ""], [
          ["File", s.file ? code3(s.file) : "gone from the migrations folder"],
          ["Applied", s.appliedAt ? `${s.state} at ${isoTime(s.appliedAt)} (${duration2(s.durationMs)})` : "not applied"],
          ["Checksum", s.checksum ? code3(s.checksum) : "\u2014"],
          ["Changed since applied", s.changed === null ? "\u2014" : s.changed ? "**yes**" : "no"],
          ["Up", s.up ? "yes" : "none"],
          ["Down", s.downFile ? code3(s.downFile) : s.down ? "yes" : "none"]
        ])
      ].join("\n");
    }
    case "check": {
      const c = result.result;
      return [checkSummary(c, icon), ...c.lint ? [lintMarkdown(c.lint)] : [], ...c.reversibility ? [reversibilityMarkdown(c.reversibility)] : []].join("\n\n");
    }
    case "revision":
      return "drift" in result.result && !result.result.files.length ? `### ${icon} db-migrate revision
No changes: the models match the migrations.` : `### ${icon} db-migrate revision
${"dryRun" in result.result && result.result.dryRun ? "Would write" : "Wrote"} ${result.result.files.map(code3).join(" and ")}`;
    case "init":
      return `### ${icon} db-migrate init
${result.result.created.map((f) => `- created ${code3(f)}`).join("\n")}`;
    case "diff": {
      const d = result.result;
      const title = `### ${icon} db-migrate diff ${code3(d.from.shown)} ${code3(d.to.shown)}`;
      if (d.same) return `${title}
No difference.`;
      return [title, "", ...d.explanations.map((e) => `- ${codeNames(e)}`), "", "```sql", ...d.statements.map((s) => `${s};`), "```"].join("\n");
    }
    case "pull":
      return [`### ${icon} db-migrate pull`, escape3(result.result.summary), ...result.result.omitted.map((o) => `- not declared: ${escape3(o)}`)].join("\n");
    case "resolve":
      return `### ${icon} db-migrate resolve
${code3(result.result.name)} recorded as **${result.result.resolution}**`;
    case "stamp":
      return `### ${icon} db-migrate stamp
${result.result.dryRun ? "Would record" : "Recorded"} as applied without running them: ${result.result.stamped.map(code3).join(", ") || "nothing"}

Current revision: ${code3(result.result.current ?? "base")}`;
  }
}
function renderFailure(command, message, progress, names3 = []) {
  const known = [...names3, ...progress ? [...progress.done, ...progress.pending, ...progress.current ? [progress.current] : []] : []];
  const lines = [`### \u274C db-migrate ${command ? `${command} ` : ""}failed`, "", markdown(message, known)];
  if (progress) {
    lines.push(
      "",
      progress.done.length ? `**Done before the failure:** ${progress.done.map(code3).join(", ")}` : "**Done before the failure:** nothing",
      `**Current revision:** ${code3(progress.current ?? "base")}`,
      progress.pending.length ? `**Pending:** ${progress.pending.map(code3).join(", ")}` : "**Pending:** none"
    );
  }
  return lines.join("\n");
}
function migrateSummary(r, icon) {
  const title = r.dryRun ? `### ${icon} db-migrate ${r.direction === "up" ? "upgrade" : "downgrade"} (dry run): ${plural(r.planned.length, "migration")} would run` : `### ${icon} db-migrate ${r.direction === "up" ? "upgrade" : "downgrade"}: ${code3(r.current ?? "base")}`;
  const rows = r.dryRun ? r.planned.map((n) => [code3(n), r.direction === "up" ? "would apply" : "would revert", "\u2014"]) : r.applied.map((a) => [code3(a.name), r.direction === "up" ? "applied" : "reverted", duration2(a.durationMs)]);
  return [
    title,
    "",
    ...r.script !== void 0 && r.planned.length ? ["The SQL it would send:", "", "```sql", r.script.trimEnd(), "```", ""] : [],
    rows.length ? table2(["Migration", "Action", "Duration"], rows) : `Nothing to do: the database is at ${code3(r.current ?? "base")}.`,
    "",
    r.pending.length ? `**Pending:** ${r.pending.map(code3).join(", ")}` : "**Pending:** none"
  ].join("\n");
}
function checkSummary(c, icon) {
  if (c.live) return databaseSummary(c, c.live);
  if (!c.drift) return `### ${icon} db-migrate check
The models match the ${plural(c.migrations, "migration")}. ${replayText(c.replay)}`;
  return [
    `### \u274C db-migrate check: the models and the migrations disagree`,
    "",
    ...c.explanations.map((e) => `- ${codeNames(e)}`),
    "",
    ...c.risky.length ? ["**Risky:**", ...c.risky.map((r) => `- ${codeNames(r.explanation)}: ${escape3(r.reason)}`), ""] : [],
    'SQL that makes the migrations match the models (write it with `db-migrate revision --autogenerate -m "..."`):',
    "",
    "```sql",
    ...c.statements.map((s) => `${s};`),
    "```",
    "",
    replayText(c.replay)
  ].join("\n");
}
function databaseSummary(c, live) {
  const assumed = live.pending.length ? ["", `**Assumed pending** (not applied on the database, left out of the comparison): ${live.pending.map(code3).join(", ")}`] : [];
  const against = `its ${plural(c.migrations, "applied migration")} (up to ${code3(live.current ?? "base")})`;
  if (!c.drift) return [`### \u2705 db-migrate check: the database matches ${against}`, ...assumed].join("\n");
  return [
    `### \u274C db-migrate check: the database drifted from ${against}`,
    "",
    ...c.explanations.map((e) => `- ${codeNames(e)}`),
    ...assumed,
    "",
    "SQL that puts the database back as its migrations say (to keep the change instead, write it as a migration and `db-migrate stamp` it on that database):",
    "",
    "```sql",
    ...c.statements.map((s) => `${s};`),
    "```"
  ].join("\n");
}
function table2(head, rows) {
  if (!rows.length) return "";
  return [`| ${head.join(" | ")} |`, `|${head.map(() => " --- ").join("|")}|`, ...rows.map((r) => `| ${r.join(" | ")} |`)].join("\n") + "\n";
}
function code3(text2) {
  return `\`${text2.replace(/`/g, "'")}\``;
}
function escape3(text2) {
  return text2.replace(/([|<>])/g, "\\$1");
}
function markdown(text2, names3) {
  const outsideCode = (t, f) => t.split(/(`[^`]*`)/).map((part, i) => i % 2 ? part : f(part)).join("");
  const sorted = [...new Set(names3)].filter(Boolean).sort((a, b) => b.length - a.length);
  const withKinds = outsideCode(text2, codeNames);
  if (!sorted.length) return withKinds;
  const pattern = new RegExp(`(?<![\\w/.-])(${sorted.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")})(?![\\w/-]|\\.\\w)`, "g");
  return outsideCode(withKinds, (part) => part.replace(pattern, (name) => code3(name)));
}

// src/report/text.ts
function renderText(result) {
  switch (result.command) {
    case "upgrade":
    case "downgrade":
      return result.lint?.findings.length ? `${migrateText(result.result)}
${lintText(result.lint)}` : migrateText(result.result);
    case "status":
      return statusText(result.result);
    case "current":
      return currentText(result.result);
    case "history":
      return historyText(result.result);
    case "heads": {
      const { head, applied } = result.result;
      return head === null ? 'No migrations yet: db-migrate revision -m "..." writes the first.' : `${head} (head), ${applied ? "applied" : "not applied"}`;
    }
    case "show":
      return showText(result.result);
    case "check": {
      const c = result.result;
      return [checkText(c), ...c.lint?.findings.length ? [lintText(c.lint)] : [], ...c.reversibility ? [reversibilityText(c.reversibility)] : []].join("\n");
    }
    case "revision":
      if ("drift" in result.result) {
        return result.result.files.length ? `${checkText(result.result)}
Wrote ${result.result.files.join(" and ")}` : "No changes: the models match the migrations; no migration written.";
      }
      return `${result.result.dryRun ? "Would write" : "Wrote"} ${result.result.files.join(" and ")}`;
    case "init":
      return [
        ...result.result.created.map((f) => `created ${f}`),
        ...result.result.skipped.map((s) => `kept    ${s.file} (${s.reason})`)
      ].join("\n");
    case "resolve":
      return `${result.result.name}: recorded as ${result.result.resolution}`;
    case "diff":
      return result.result.statements.map((s) => `${s};`).join("\n");
    case "pull":
      return result.result.stdout ? result.result.text.trimEnd() : result.result.summary;
    case "stamp": {
      const { dryRun, stamped, current: current2 } = result.result;
      if (stamped.length === 0) return `Nothing to stamp: the database is at ${current2 ?? "base"}.`;
      return [`${dryRun ? "Dry run: would stamp" : "Stamped"} ${plural(stamped.length, "migration")} as applied (not run):`, ...stamped.map((n) => `  ${n}`), `Current revision: ${current2 ?? "base"}`].join("\n");
    }
  }
}
function migrateText(r) {
  if (r.script !== void 0 && r.scriptOnly) return r.script.trimEnd();
  const verb = r.direction === "up" ? "apply" : "revert";
  const lines = [];
  if (r.dryRun) {
    lines.push(r.planned.length ? `Dry run: would ${verb} ${plural(r.planned.length, "migration")}:` : "Dry run: nothing to do.");
    lines.push(...r.planned.map((n) => `  ${n}`));
    if (r.planned.length && r.script) lines.push("", "The SQL it would send:", "", r.script.trimEnd(), "");
  } else if (r.applied.length === 0) {
    lines.push(`Nothing to ${verb}: the database is at ${r.current ?? "base"}.`);
  } else {
    lines.push(`${r.direction === "up" ? "Applied" : "Reverted"} ${plural(r.applied.length, "migration")}:`);
    const width = Math.max(...r.applied.map((a) => a.name.length));
    lines.push(...r.applied.map((a) => `  ${a.name.padEnd(width)}  ${duration2(a.durationMs)}`));
  }
  lines.push(`Current revision: ${r.current ?? "base (nothing applied)"}`);
  if (r.pending.length) lines.push(`Pending: ${r.pending.join(", ")}`);
  return lines.join("\n");
}
function statusText(s) {
  const lines = [`Current revision: ${s.current ?? "base (nothing applied)"}${s.head && s.current === s.head ? " (head)" : ""}`];
  if (s.applied.length) {
    lines.push("Applied:");
    const width = Math.max(...s.applied.map((a) => a.name.length));
    for (const a of s.applied) {
      lines.push(`  ${a.name.padEnd(width)}  ${isoTime(a.appliedAt)}  ${duration2(a.durationMs)}${a.state === "applied" ? "" : `  ${a.state.toUpperCase()}`}`);
    }
  }
  lines.push(s.pending.length ? `Pending:
${s.pending.map((n) => `  ${n}`).join("\n")}` : "Pending: none");
  if (s.problems.length) lines.push("Problems:", ...s.problems.map((p) => `  ${p.message}`));
  return lines.join("\n");
}
function currentText(c) {
  const line = c.current === null ? "base (nothing applied)" : `${c.current}${c.current === c.head ? " (head)" : ""}`;
  if (!c.verbose || !c.migration) return line;
  const m = c.migration;
  return [`Current revision: ${line}`, `File:       ${m.file ?? "(gone from the migrations folder)"}`, `Applied at: ${isoTime(m.appliedAt)}`, `Duration:   ${duration2(m.durationMs)}`].join("\n");
}
function historyText(h) {
  if (!h.migrations.length) return "No migrations.";
  const label = (e) => `${e.name}${e.head ? " (head)" : ""}${h.indicateCurrent && e.current ? " (current)" : ""}`;
  const width = Math.max(...h.migrations.map((e) => label(e).length));
  return h.migrations.map((e) => {
    const when = e.appliedAt ? ` ${isoTime(e.appliedAt)}` : "";
    const gone = e.file === null ? "  (file gone)" : "";
    return `${label(e).padEnd(width)}  ${e.state}${when}${gone}`;
  }).join("\n");
}
function showText(s) {
  const applied = s.state === "pending" ? "not applied" : `${s.state === "applied" ? "applied" : s.state.toUpperCase()} at ${isoTime(s.appliedAt)} (${duration2(s.durationMs)})${s.error ? `: ${s.error}` : ""}`;
  const changed = s.changed === null ? "\u2014" : s.changed ? `yes: the file differs from what was applied (sha256 ${s.appliedChecksum})` : "no";
  const down = s.downFile ?? (s.down ? "yes (exports down)" : "none");
  return [
    `Revision:    ${s.name}${s.head ? " (head)" : ""}${s.current ? " (current)" : ""}`,
    `File:        ${s.file ?? "(gone from the migrations folder)"}`,
    `Applied:     ${applied}`,
    `Checksum:    ${s.checksum ? `sha256 ${s.checksum}` : "\u2014"}`,
    `Changed:     ${changed}`,
    `Up:          ${s.up ? "yes" : "none"}`,
    `Down:        ${down}`,
    ...s.kind === "module" ? [`Transaction: ${s.transaction ? "yes" : "no (transaction = false)"}`] : []
  ].join("\n");
}
function checkText(c) {
  if (c.live) return databaseText(c, c.live);
  if (!c.drift) return `OK: the models match the ${plural(c.migrations, "migration")}.`;
  const lines = [`Drift: the models differ from the ${plural(c.migrations, "migration")}:`];
  lines.push(...c.explanations.map((e) => `  - ${e}`));
  lines.push("", "SQL that makes the migrations match the models:", "", ...c.statements.map((s) => `${s};`));
  if (c.risky.length) lines.push("", "Risky:", ...c.risky.map((r) => `  - ${r.explanation}: ${r.reason}`));
  lines.push("", 'Write it as a migration: db-migrate revision --autogenerate -m "<message>"');
  return lines.join("\n");
}
function databaseText(c, live) {
  const assumed = live.pending.length ? [`Assumed pending (not applied on the database, left out of the comparison): ${live.pending.join(", ")}`] : [];
  const against = `its ${plural(c.migrations, "applied migration")} (up to ${live.current ?? "base"})`;
  if (!c.drift) return [`OK: the database matches ${against}.`, ...assumed].join("\n");
  return [
    `Drift: the database ${live.database} differs from ${against}:`,
    ...c.explanations.map((e) => `  - ${e}`),
    "",
    "SQL that puts the database back as its migrations say:",
    "",
    ...c.statements.map((s) => `${s};`),
    "",
    ...assumed,
    "To keep the change instead, write it as a migration (db-migrate diff <migrations folder> <database url> prints it) and record it there with db-migrate stamp."
  ].join("\n");
}

// src/action/comment.ts
import { readFileSync as readFileSync2 } from "node:fs";
var commentMarker = "<!-- db-migrate report -->";
async function commentOnPullRequest(report, token) {
  const number = pullRequestNumber();
  const repository = process.env.GITHUB_REPOSITORY;
  if (!token) return notice("pr-comment: no token (set github-token, or give the job permission pull-requests: write); not commenting");
  if (!number || !repository) return notice("pr-comment: this run is not for a pull request; not commenting");
  const api = (process.env.GITHUB_API_URL || "https://api.github.com").replace(/\/$/, "");
  const call = async (method, path, body2) => {
    const response = await fetch(`${api}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        accept: "application/vnd.github+json",
        "x-github-api-version": "2022-11-28",
        "user-agent": "db-migrate",
        ...body2 ? { "content-type": "application/json" } : {}
      },
      ...body2 ? { body: JSON.stringify(body2) } : {}
    });
    if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status} ${(await response.text()).slice(0, 200)}`);
    return response.json();
  };
  const body = `${commentMarker}
${report}`;
  try {
    const existing = await findComment(call, repository, number);
    if (existing) await call("PATCH", `/repos/${repository}/issues/comments/${existing}`, { body });
    else await call("POST", `/repos/${repository}/issues/${number}/comments`, { body });
    info(`pr-comment: ${existing ? "updated the report on" : "posted the report to"} pull request #${number}`);
  } catch (error2) {
    warning(`pr-comment: could not comment on pull request #${number}: ${error2 instanceof Error ? error2.message : String(error2)}`);
  }
}
async function findComment(call, repository, number) {
  for (let page = 1; page <= 20; page++) {
    const comments = await call("GET", `/repos/${repository}/issues/${number}/comments?per_page=100&page=${page}`);
    const ours = comments.find((c) => c.body?.startsWith(commentMarker));
    if (ours) return ours.id;
    if (comments.length < 100) return void 0;
  }
  return void 0;
}
function pullRequestNumber() {
  const path = process.env.GITHUB_EVENT_PATH;
  if (!path) return void 0;
  try {
    const event = JSON.parse(readFileSync2(path, "utf8"));
    return event.pull_request?.number;
  } catch {
    return void 0;
  }
}

// src/action/inputs.ts
var names2 = settings.filter((s) => s.input).map((s) => s.name);
function readInputs() {
  const settings2 = {};
  for (const name of names2) {
    const value = getInput(name);
    if (value !== "") settings2[name] = value;
  }
  return settings2;
}
var inputLabel = (name) => `input '${name}'`;

// src/action/main.ts
async function run() {
  let config;
  let secrets = [];
  const clean = (text2) => redactSecrets(text2, secrets);
  try {
    config = await loadConfig({ settings: readInputs(), env: process.env, cwd: process.env.GITHUB_WORKSPACE || process.cwd(), label: inputLabel });
    secrets = config.secrets;
    for (const secret of secrets) {
      setSecret(secret);
      setSecret(encodeURIComponent(secret));
    }
    if (config.command === "resolve") {
      throw new ConfigError("command", `${inputLabel("command")} 'resolve' settles a database by hand: run npx db-migrate resolve <name> --applied|--rolled-back`);
    }
    const log = { info: (m) => info(clean(m)), warn: (m) => warning(clean(m)) };
    const result = await runCommand(config, log, { keepSpunUp: config.keepDatabase, databaseHint: { setting: inputLabel("database-url"), embedded: `${inputLabel("database-url")} set to embedded` } });
    await setOutputs(result, config);
    info(clean(renderText(result)));
    const lint = lintOf(result);
    const failure = verdict(result, lint, config);
    const report = clean(renderSummary(result, failure !== null));
    if (process.env.GITHUB_STEP_SUMMARY) await summary.addRaw(report, true).write();
    await maybeComment(report);
    if (lint) annotateLint(lint, config);
    if (result.command === "status") annotateProblems(result.result.problems, config);
    if (failure) setFailed(failure);
  } catch (error2) {
    const message = clean(errorMessage(error2));
    if (error2 instanceof MigrationError && error2.progress) {
      setOutput("current-revision", error2.progress.current ?? "");
      setOutput("applied", JSON.stringify(error2.progress.done));
      setOutput("pending", JSON.stringify(error2.progress.pending));
    }
    const progress = error2 instanceof MigrationError ? error2.progress : void 0;
    const names3 = error2 instanceof MigrationError ? [error2.migration.file] : (error2 instanceof HistoryError || error2 instanceof ModelError) && error2.file ? [error2.file] : [];
    const failure = clean(renderFailure(config?.command, message, progress, names3));
    await maybeComment(failure).catch(() => {
    });
    if (process.env.GITHUB_STEP_SUMMARY) await summary.addRaw(failure, true).write().catch(() => {
    });
    const where = annotation(error2, config);
    if (where) {
      error(message, where);
      process.exitCode = ExitCode.Failure;
    } else {
      setFailed(message);
    }
    if (!(error2 instanceof AppError) && error2 instanceof Error && error2.stack) debug(clean(error2.stack));
  }
}
function verdict(result, lint, config) {
  const gate = result.command === "status" && config.statusCheck ? statusGate(result.result) : null;
  if (gate) return gate;
  if (result.command === "check" && result.result.drift && result.result.live) {
    return `the database drifted from its migrations: ${result.result.explanations.length} difference(s); see the job summary for the SQL that puts it back`;
  }
  if (result.command === "check" && result.result.drift) {
    return `the models and the migrations disagree: ${result.result.explanations.length} difference(s); see the job summary for the SQL that fixes them`;
  }
  if (result.command === "check" && result.result.reversibility?.irreversible.length) {
    return `${result.result.reversibility.irreversible.length} migration(s) cannot be reverted cleanly: ${result.result.reversibility.irreversible.map((i) => i.migration).join(", ")}; see the job summary for what each down leaves behind`;
  }
  if (lint && lint.errors > 0) return `the lint found ${lint.errors} error(s) in the migrations: see the annotations or the job summary for the fix of each`;
  return null;
}
async function maybeComment(report) {
  if (!/^(true|yes|1|on)$/i.test(getInput("pr-comment"))) return;
  const token = getInput("github-token") || process.env.GITHUB_TOKEN || "";
  if (token) setSecret(token);
  await commentOnPullRequest(report, token);
}
function annotateLint(lint, config) {
  const base = process.env.GITHUB_WORKSPACE || process.cwd();
  for (const f of lint.findings) {
    const where = { title: `db-migrate ${f.rule}`, file: relative(base, `${config.cwd}/${f.file}`), startLine: f.line };
    if (f.severity === "error") error(f.message, where);
    else warning(f.message, where);
  }
}
function annotateProblems(problems2, config) {
  const base = process.env.GITHUB_WORKSPACE || process.cwd();
  for (const p of problems2) warning(p.message, p.file ? { title: `db-migrate ${p.kind.replace("_", " ")}`, file: relative(base, `${config.cwd}/${p.file}`) } : {});
}
async function setOutputs(result, config) {
  const lint = lintOf(result);
  if (lint) {
    setOutput("lint-errors", String(lint.errors));
    setOutput("lint-warnings", String(lint.warnings));
  }
  if (result.database?.keptRunning && result.database.spunUpUrl) setOutput("database-url", result.database.spunUpUrl);
  if (result.database?.keptRunning) saveState("embedded", JSON.stringify(result.database.keptRunning));
  switch (result.command) {
    case "upgrade":
    case "downgrade":
      setOutput("current-revision", result.result.current ?? "");
      setOutput("applied", JSON.stringify(result.result.applied.map((a) => a.name)));
      setOutput("pending", JSON.stringify(result.result.pending));
      break;
    case "status":
      setOutput("current-revision", result.result.current ?? "");
      setOutput("applied", JSON.stringify([]));
      setOutput("pending", JSON.stringify(result.result.pending));
      break;
    case "current":
    case "heads":
    case "show":
      if (result.command === "current") setOutput("current-revision", result.result.current ?? "");
      break;
    case "history":
      setOutput("current-revision", result.result.current ?? "");
      setOutput("pending", JSON.stringify(result.result.migrations.filter((m) => m.state === "pending").map((m) => m.name).reverse()));
      break;
    case "stamp":
      setOutput("current-revision", result.result.current ?? "");
      setOutput("applied", JSON.stringify(result.result.stamped));
      break;
    case "check":
      if (result.result.reversibility) setOutput("irreversible", JSON.stringify(result.result.reversibility.irreversible.map((i) => i.migration)));
      setOutput("drift", String(result.result.drift));
      setOutput("diff", result.result.statements.map((s) => `${s};`).join("\n"));
      if (result.result.live) {
        setOutput("current-revision", result.result.live.current ?? "");
        setOutput("pending", JSON.stringify(result.result.live.pending));
      }
      if (result.result.replay.cacheKey && !config.shadowDatabase) {
        setOutput("check-cache-path", (await import("./chunk-QXFH2UCB.js")).checkCacheRoot(config.checkCache));
        setOutput("check-cache-key", `db-migrate-check-${process.env.RUNNER_OS || process.platform}-${process.arch}-${result.result.replay.cacheKey.slice(0, 32)}`);
      }
      break;
    case "diff":
      setOutput("drift", String(!result.result.same));
      setOutput("diff", result.result.statements.map((s) => `${s};`).join("\n"));
      break;
    case "pull":
      setOutput("models-file", result.result.file);
      break;
    case "revision":
      if ("drift" in result.result) {
        setOutput("drift", String(result.result.drift));
        setOutput("diff", result.result.statements.map((s) => `${s};`).join("\n"));
      }
      break;
    default:
      break;
  }
}
function annotation(error2, config) {
  const base = process.env.GITHUB_WORKSPACE || process.cwd();
  const rel = (file) => relative(base, file.startsWith("/") ? file : `${config?.cwd ?? base}/${file}`);
  if (error2 instanceof MigrationError) {
    return { title: `migration ${error2.migration.name} failed`, file: rel(error2.migration.file), startLine: error2.migration.line };
  }
  if ((error2 instanceof HistoryError || error2 instanceof ModelError) && error2.file) return { file: rel(error2.file) };
  return void 0;
}
export {
  run
};
