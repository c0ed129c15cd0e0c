import { createRequire as __dbMigrateCreateRequire } from 'node:module'; const require = __dbMigrateCreateRequire(import.meta.url); import { fileURLToPath as __dbMigrateFileURLToPath } from 'node:url'; const __dbMigrateDir = __dbMigrateFileURLToPath(new URL('./', import.meta.url));
import {
  queryMany
} from "./chunk-4ZVJDT3M.js";
import {
  HistoryError,
  MigrationError
} from "./chunk-CL6XV7EK.js";

// src/db/advice.ts
function advice(error) {
  const { code, message } = error ?? {};
  if (code === "55P03" && /lock timeout/i.test(message ?? "")) {
    return " (the lock-timeout was reached: another session holds a lock this migration needs; retry when it is done, or raise --lock-timeout)";
  }
  if (code === "57014" && /statement timeout/i.test(message ?? "")) {
    return " (the statement-timeout was reached: raise --statement-timeout for this migration, or make it faster)";
  }
  if (code === "25P03") {
    return " (idle_in_transaction_session_timeout, set from --statement-timeout: the migration's transaction sat idle that long, waiting on something outside it, such as a second connection of its own that its locks block; nothing of it was committed)";
  }
  if (code === "57P01" || code === "57P02" || code === "57P03" || /connection terminated|not queryable|ECONNRESET/i.test(message ?? "")) {
    return " (the connection to the database was lost while the migration ran: check the server, then run the command again)";
  }
  return "";
}

// src/runtime/sql-split.ts
function splitStatements(sql) {
  const statements = [];
  let start = 0;
  let hasCode = false;
  let previousWord = "";
  let i = 0;
  const n = sql.length;
  const push = (end) => {
    if (hasCode) statements.push({ text: sql.slice(start, end), start });
    start = end + 1;
    hasCode = false;
    previousWord = "";
  };
  while (i < n) {
    const c = sql[i];
    const next = sql[i + 1];
    if (c === "-" && next === "-") {
      const end = sql.indexOf("\n", i);
      i = end === -1 ? n : end + 1;
    } else if (c === "/" && next === "*") {
      let depth = 1;
      i += 2;
      while (i < n && depth > 0) {
        if (sql[i] === "/" && sql[i + 1] === "*") {
          depth++;
          i += 2;
        } else if (sql[i] === "*" && sql[i + 1] === "/") {
          depth--;
          i += 2;
        } else i++;
      }
    } else if (c === "'") {
      hasCode = true;
      const escapes = /[eE]/.test(sql[i - 1] ?? "") && !/[\w$]/.test(sql[i - 2] ?? "");
      i++;
      while (i < n) {
        if (escapes && sql[i] === "\\") {
          i += 2;
          continue;
        }
        if (sql[i] === "'") {
          if (sql[i + 1] === "'") {
            i += 2;
            continue;
          }
          break;
        }
        i++;
      }
      i++;
    } else if (c === '"') {
      hasCode = true;
      i++;
      while (i < n && !(sql[i] === '"' && sql[i + 1] !== '"')) i += sql[i] === '"' ? 2 : 1;
      i++;
    } else if (c === "$" && !/[\w$]/.test(sql[i - 1] ?? "")) {
      const tag = /^\$(?:[A-Za-z_\u0080-\uffff][\w\u0080-\uffff]*)?\$/.exec(sql.slice(i, i + 64));
      hasCode = true;
      if (!tag) {
        i++;
        continue;
      }
      const end = sql.indexOf(tag[0], i + tag[0].length);
      i = end === -1 ? n : end + tag[0].length;
    } else if (c === ";") {
      push(i);
      i++;
    } else if (/[A-Za-z_]/.test(c)) {
      hasCode = true;
      let j = i + 1;
      while (j < n && /[\w$]/.test(sql[j])) j++;
      const word = sql.slice(i, j).toLowerCase();
      if (previousWord === "begin" && word === "atomic") return null;
      previousWord = word;
      i = j;
    } else {
      if (!/\s/.test(c)) {
        hasCode = true;
        previousWord = "";
      }
      i++;
    }
  }
  push(n);
  return statements;
}
function lineAt(text, offset) {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
function offsetOfPosition(text, position) {
  let chars = 0;
  let i = 0;
  while (i < text.length && chars < position - 1) {
    const code = text.charCodeAt(i);
    i += code >= 55296 && code <= 56319 ? 2 : 1;
    chars++;
  }
  return i;
}

// src/runtime/sql-run.ts
var noTransactionDirective = "-- db-migrate: no-transaction";
function optsOutOfTransaction(sql) {
  const first = sql.replace(/^\uFEFF/, "").split("\n", 1)[0] ?? "";
  return /^\s*--\s*db-migrate:\s*no-transaction\s*$/i.test(first);
}
var begin = "BEGIN;\n";
var AfterFileError = class extends Error {
  constructor(committed, error) {
    super(error instanceof Error ? error.message : String(error), { cause: error });
    this.committed = committed;
    this.error = error;
  }
};
function prepareSqlFile(sql, run) {
  const split = splitStatements(sql);
  const statements = split ?? [{ text: sql, start: 0 }];
  if (!run.transactional) return { sql, run, split, statements, withThen: false };
  refuseTransactionControl(statements, run);
  const then = run.then && split !== null ? `
;
${run.then}` : "";
  const code = statements.filter((s) => codeStart(s.text) < s.text.length);
  return { sql, run, split, statements, query: `${begin}${sql}${then}`, code, withThen: then !== "" };
}
async function runPreparedSql(client, prepared) {
  const { sql, run, split, statements, query, code, withThen } = prepared;
  if (query !== void 0 && code !== void 0) {
    try {
      await queryMany(client, query);
      return withThen;
    } catch (error) {
      const { completed, error: cause } = error;
      if (withThen && completed !== void 0 && completed > code.length) throw new AfterFileError(completed - code.length >= 3, cause);
      const failed = completed === void 0 || completed === 0 || split === null ? void 0 : code[completed - 1];
      throw locate(cause, sql, failed, run, begin.length);
    }
  }
  for (const statement of statements) {
    try {
      await client.query(statement.text);
    } catch (error) {
      throw sqlError(error, sql, statement, run, split === null);
    }
  }
  return false;
}
function refuseTransactionControl(statements, run) {
  for (const statement of statements) {
    const word = /^\s*(?:(?:--[^\n]*\n|\/\*[\s\S]*?\*\/)\s*)*([a-z]+)/i.exec(statement.text)?.[1]?.toLowerCase();
    if (word && ["begin", "commit", "end", "rollback", "start", "abort"].includes(word)) {
      throw new HistoryError("transaction_control", `${run.file} has a ${word.toUpperCase()} statement, but db-migrate runs each migration in its own transaction: remove it, or make "${noTransactionDirective}" the file's first line`, run.file);
    }
  }
}
function locate(error, sql, failed, run, prefix) {
  const pgError = error;
  const position = Number(pgError.position) - prefix;
  if (Number.isInteger(position) && position > 0) return sqlError(error, sql, failed ?? { text: sql, start: 0 }, run, failed === void 0, offsetOfPosition(sql, position));
  if (failed) return sqlError(error, sql, failed, run, false);
  const message = `${firstLineOf(pgError.message ?? String(error))}${pgError.hint ? ` (hint: ${pgError.hint})` : ""}${advice(error)}`;
  return new MigrationError(`migration ${run.name} (${run.direction}) failed in ${run.file}: ${message}`, { name: run.name, file: run.file, direction: run.direction }, { cause: error });
}
function sqlError(error, sql, statement, run, whole, absoluteOffset) {
  const pgError = error;
  const position = Number(pgError.position);
  const offset = absoluteOffset ?? (Number.isInteger(position) && position > 0 ? statement.start + offsetOfPosition(statement.text, position) : statement.start + codeStart(statement.text));
  const line = lineAt(sql, offset);
  const failing = whole ? sql.split("\n")[line - 1].trim() : statement.text.slice(codeStart(statement.text)).trim();
  const message = firstLineOf(pgError.message ?? String(error));
  const hint = (pgError.hint ? ` (hint: ${pgError.hint})` : "") + advice(error);
  return new MigrationError(
    `migration ${run.name} (${run.direction}) failed at ${run.file}:${line}: ${message}${hint} \u2014 in: ${oneLine(failing)}`,
    { name: run.name, file: run.file, direction: run.direction, line, statement: failing },
    { cause: error }
  );
}
function codeStart(text) {
  return /^\s*(?:(?:--[^\n]*(?:\n|$)|\/\*[\s\S]*?\*\/)\s*)*/.exec(text)?.[0].length ?? 0;
}
function firstLineOf(message) {
  const [first, ...more] = message.split("\n");
  if (more.length === 0) return first;
  return /at or near "[^"]*$/.test(first) ? `${first.trimEnd()}..."` : first;
}
function oneLine(text) {
  const flat = text.replace(/\s+/g, " ");
  return flat.length > 160 ? `${flat.slice(0, 157)}...` : flat;
}

export {
  advice,
  splitStatements,
  noTransactionDirective,
  optsOutOfTransaction,
  AfterFileError,
  prepareSqlFile,
  runPreparedSql
};
