import type { ModuleInput } from './module-graph.js';
/**
 * Imports a user module (a migration or the models), TypeScript included, with no build step.
 * `fresh` bypasses Node's module cache so a file changed on disk is read again.
 */
export declare function importModule(path: string, options?: {
    fresh?: boolean;
}): Promise<Record<string, unknown>>;
/**
 * The files the module at `path` (imported by importModule) was made of: it and every module it imports, however
 * deep, each with the hash of what was loaded. Null when the hooks did not load it.
 */
export declare function importedFiles(path: string): Promise<ModuleInput[] | null>;
