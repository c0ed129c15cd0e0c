import { createRequire as __dbMigrateCreateRequire } from 'node:module'; const require = __dbMigrateCreateRequire(import.meta.url); import { fileURLToPath as __dbMigrateFileURLToPath } from 'node:url'; const __dbMigrateDir = __dbMigrateFileURLToPath(new URL('./', import.meta.url));
import {
  cacheRoot,
  checkCacheRoot,
  ensureDir,
  runParent
} from "./chunk-FH2UCXWC.js";
import "./chunk-CL6XV7EK.js";
import "./chunk-64I5SS2G.js";
export {
  cacheRoot,
  checkCacheRoot,
  ensureDir,
  runParent
};
