import { createRequire as __dbMigrateCreateRequire } from 'node:module'; const require = __dbMigrateCreateRequire(import.meta.url); import { fileURLToPath as __dbMigrateFileURLToPath } from 'node:url'; const __dbMigrateDir = __dbMigrateFileURLToPath(new URL('./', import.meta.url));
import {
  check,
  findDrift
} from "./chunk-QCQJK6YY.js";
import "./chunk-RMWQZR2E.js";
import "./chunk-EYO64QK4.js";
import "./chunk-ROPOZ7SY.js";
import "./chunk-SXNDUBHS.js";
import "./chunk-XNFAXQIB.js";
import "./chunk-QBOTGJF4.js";
import "./chunk-ZRRKR2HX.js";
import "./chunk-SV5JJJ6D.js";
import "./chunk-KKO6VTMG.js";
import "./chunk-ACVU6NBM.js";
import "./chunk-5A66NMWR.js";
import "./chunk-AWFUUZIG.js";
import "./chunk-RSQ2HHEU.js";
import "./chunk-EALGPWGH.js";
import "./chunk-4ZVJDT3M.js";
import "./chunk-WXLEUHMA.js";
import "./chunk-SV6MCVPL.js";
import "./chunk-5DGH4JCW.js";
import "./chunk-BFVRO7RW.js";
import "./chunk-FH2UCXWC.js";
import "./chunk-CL6XV7EK.js";
import "./chunk-64I5SS2G.js";
export {
  check,
  findDrift
};
