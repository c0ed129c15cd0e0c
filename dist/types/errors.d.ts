/** Every failure a user can act on. `code` is stable for machines; the message is one line for people. */
export declare class AppError extends Error {
    readonly code: string;
    readonly details: Record<string, unknown>;
    constructor(code: string, message: string, details?: Record<string, unknown>, options?: ErrorOptions);
}
/** A setting (input, flag, environment variable or .env entry) is missing or malformed. */
export declare class ConfigError extends AppError {
    readonly setting: string;
    constructor(setting: string, message: string, options?: ErrorOptions);
}
/** Postgres could not be reached, started or prepared. */
export declare class ProvisionError extends AppError {
    constructor(message: string, options?: ErrorOptions);
}
/** A migration file or the migration history is not in a state the runner can act on. */
export declare class HistoryError extends AppError {
    readonly file?: string | undefined;
    constructor(code: string, message: string, file?: string | undefined, options?: ErrorOptions);
}
/** A requested revision does not name exactly one migration, or cannot be reached. */
export declare class RevisionError extends AppError {
    readonly candidates: string[];
    constructor(message: string, candidates?: string[]);
}
/** Where a run that failed stopped: what it applied (or reverted) before the failure, and where the database stands. */
export interface MigrationProgress {
    readonly done: readonly string[];
    readonly current: string | null;
    readonly pending: readonly string[];
}
/** A migration failed while running; `file` and `line` point at it for annotations. */
export declare class MigrationError extends AppError {
    readonly migration: {
        name: string;
        file: string;
        direction: 'up' | 'down';
        line?: number;
        statement?: string;
    };
    /** Set by the runner when it could read the history after the failure. */
    progress?: MigrationProgress;
    constructor(message: string, migration: {
        name: string;
        file: string;
        direction: 'up' | 'down';
        line?: number;
        statement?: string;
    }, options?: ErrorOptions);
}
/** The models module could not be loaded or describes an impossible schema. */
export declare class ModelError extends AppError {
    readonly file?: string | undefined;
    constructor(message: string, file?: string | undefined, options?: ErrorOptions);
}
export declare function errorMessage(error: unknown): string;
