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
