import { createRequire as __dbMigrateCreateRequire } from 'node:module'; const require = __dbMigrateCreateRequire(import.meta.url); import { fileURLToPath as __dbMigrateFileURLToPath } from 'node:url'; const __dbMigrateDir = __dbMigrateFileURLToPath(new URL('./', import.meta.url));
import "./chunk-64I5SS2G.js";

// src/compile-cache.ts
import module from "node:module";
function enableCompileCache() {
  ;
  module.enableCompileCache?.();
}

// src/action/index.ts
enableCompileCache();
var { run } = await import("./chunk-HWNGXI5A.js");
await run();
