import { ModelError } from '../errors.js';
import type { Schema } from '../schema/schema.js';
import { type Models } from './to-schema.js';
export interface LoadedModels {
    /** The models file as messages show it: relative to the working directory when inside it. */
    readonly file: string;
    readonly models: Models;
    readonly schema: Schema;
}
/**
 * Imports the models module (TypeScript or JavaScript, no build step; a folder means its index module) and turns
 * its exported tables and enums into a Schema. Every failure is a one-line ModelError that names the file and says what to do.
 */
export declare function loadModels(setting: string, options?: {
    cwd?: string;
}): Promise<LoadedModels>;
export declare function schemaOf(exports: Record<string, unknown>, file: string): LoadedModels;
export declare function importModels(path: string, file: string): Promise<Record<string, unknown>>;
export declare function missing(file: string): ModelError;
/** A folder of models stands for its index module. */
export declare function modulePath(path: string): string;
export declare function displayPath(path: string, cwd: string): string;
