/**
 * Imports a user module (a migration or the models), TypeScript included, with no build step.
 * `fresh` bypasses Node's module cache so a file changed on disk is read again.
 */
export declare function importModule(path: string, options?: {
    fresh?: boolean;
}): Promise<Record<string, unknown>>;
