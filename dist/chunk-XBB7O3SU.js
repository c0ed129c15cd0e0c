import { createRequire as __dbMigrateCreateRequire } from 'node:module'; const require = __dbMigrateCreateRequire(import.meta.url); import { fileURLToPath as __dbMigrateFileURLToPath } from 'node:url'; const __dbMigrateDir = __dbMigrateFileURLToPath(new URL('./', import.meta.url));
import {
  addedMigrations,
  lint
} from "./chunk-RMWQZR2E.js";
import "./chunk-EYO64QK4.js";
import "./chunk-SV5JJJ6D.js";
import "./chunk-KKO6VTMG.js";
import "./chunk-EALGPWGH.js";
import "./chunk-4ZVJDT3M.js";
import "./chunk-SV6MCVPL.js";
import "./chunk-BFVRO7RW.js";
import "./chunk-FH2UCXWC.js";
import "./chunk-CL6XV7EK.js";
import "./chunk-64I5SS2G.js";
export {
  addedMigrations,
  lint
};
