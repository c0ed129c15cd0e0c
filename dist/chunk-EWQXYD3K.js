import { createRequire as __dbMigrateCreateRequire } from 'node:module'; const require = __dbMigrateCreateRequire(import.meta.url); import { fileURLToPath as __dbMigrateFileURLToPath } from 'node:url'; const __dbMigrateDir = __dbMigrateFileURLToPath(new URL('./', import.meta.url));
import {
  addedMigrations,
  lint
} from "./chunk-3OGUGO3S.js";
import "./chunk-VLDJBWCH.js";
import "./chunk-RG5U6YPU.js";
import "./chunk-RBMI5YSD.js";
import "./chunk-4ZVJDT3M.js";
import "./chunk-SV6MCVPL.js";
import "./chunk-BFVRO7RW.js";
import "./chunk-CL6XV7EK.js";
import "./chunk-64I5SS2G.js";
export {
  addedMigrations,
  lint
};
