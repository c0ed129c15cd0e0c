import type { Models } from './to-schema.js';
/**
 * The tables, enums, schemas, views, functions, triggers, raw SQL, grants, extensions, sequences, domains, composite
 * types and collations among a module's exports: exported directly, or inside exported arrays and plain objects
 * (`export const tables = { user, post }`). Relations are skipped: they produce no DDL.
 */
export declare function collectModels(exports: Record<string, unknown>): Models;
