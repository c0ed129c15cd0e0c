import { createRequire as __dbMigrateCreateRequire } from 'node:module'; const require = __dbMigrateCreateRequire(import.meta.url); import { fileURLToPath as __dbMigrateFileURLToPath } from 'node:url'; const __dbMigrateDir = __dbMigrateFileURLToPath(new URL('./', import.meta.url));
import {
  ScratchServer,
  diff,
  difference
} from "./chunk-ANXE4LWK.js";
import "./chunk-I4JBX42T.js";
import "./chunk-XNFAXQIB.js";
import "./chunk-TWWHIPXS.js";
import "./chunk-XGRMDC4C.js";
import "./chunk-RG5U6YPU.js";
import "./chunk-RBMI5YSD.js";
import "./chunk-ZP2XXDGU.js";
import "./chunk-FH2UCXWC.js";
import "./chunk-6O4GE6T3.js";
import "./chunk-VCCWZISU.js";
import "./chunk-NONH677Z.js";
import "./chunk-RGX4WDU4.js";
import "./chunk-4ZVJDT3M.js";
import "./chunk-WXLEUHMA.js";
import "./chunk-SV6MCVPL.js";
import "./chunk-VUUBX7PW.js";
import "./chunk-BFVRO7RW.js";
import "./chunk-CL6XV7EK.js";
import "./chunk-64I5SS2G.js";
export {
  ScratchServer,
  diff,
  difference
};
