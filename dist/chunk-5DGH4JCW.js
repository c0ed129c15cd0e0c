import { createRequire as __dbMigrateCreateRequire } from 'node:module'; const require = __dbMigrateCreateRequire(import.meta.url); import { fileURLToPath as __dbMigrateFileURLToPath } from 'node:url'; const __dbMigrateDir = __dbMigrateFileURLToPath(new URL('./', import.meta.url));

// src/render/ident.ts
function quoteIdent(name) {
  return `"${name.replace(/"/g, '""')}"`;
}
function ident(name) {
  return plain(name) && !reservedWords.has(name) ? name : quoteIdent(name);
}
function plain(name) {
  if (name.length === 0) return false;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    const ok = c >= 97 && c <= 122 || c === 95 || i > 0 && (c >= 48 && c <= 57 || c === 36);
    if (!ok) return false;
  }
  return true;
}
function qualified(schema, name) {
  return schema === "public" ? ident(name) : `${ident(schema)}.${ident(name)}`;
}
function quoteLiteral(value) {
  return `'${value.replace(/'/g, "''")}'`;
}
var reservedWords = new Set(
  "all analyse analyze and any array as asc asymmetric authorization binary both case cast check collate collation column concurrently constraint create cross current_catalog current_date current_role current_schema current_time current_timestamp current_user default deferrable desc distinct do else end except false fetch for foreign freeze from full grant group having ilike in initially inner intersect into is isnull join lateral leading left like limit localtime localtimestamp natural not notnull null offset on only or order outer overlaps placing primary references returning right select session_user similar some symmetric system_user table tablesample then to trailing true union unique user using variadic verbose when where window with".split(" ")
);

export {
  quoteIdent,
  ident,
  qualified,
  quoteLiteral
};
