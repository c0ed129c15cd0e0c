import type pg from 'pg';
/**
 * What a TypeScript or JavaScript migration's `up` and `down` receive: Umzug's parameters, and the client.
 * `Context` is what the project's migrations expect: by default the pg client, a Sequelize QueryInterface in a
 * project that depends on sequelize, or what the config file's `context` factory returns.
 */
export interface MigrationContext<Context = unknown> {
    /** The migration's name: its file name without the extension. */
    readonly name: string;
    /** The migration file's absolute path. */
    readonly path: string;
    readonly context: Context;
    /** The connection running the migration; inside its transaction unless the file opts out. */
    readonly client: pg.ClientBase;
}
/** The type of a migration module's `up` and `down` exports. */
export type MigrationFn<Context = any> = (params: MigrationContext<Context>) => unknown | Promise<unknown>;
/** The shape of a `.ts`/`.js`/`.mjs` migration module. */
export interface MigrationModule {
    readonly up: MigrationFn;
    readonly down?: MigrationFn;
    /** `false` runs the migration outside a transaction (for CREATE INDEX CONCURRENTLY and the like). */
    readonly transaction?: boolean;
}
/** A migration found on disk. Nothing is imported to list migrations; modules are imported when they run. */
export interface MigrationFile {
    /** File name without its extension, e.g. `20240101120000_create_user`: the revision id. */
    readonly name: string;
    readonly kind: 'sql' | 'module';
    /** Absolute path of the migration (the up file for SQL). */
    readonly path: string;
    /** SQL only: absolute path of the `NAME.down.sql` beside it, or null. */
    readonly downPath: string | null;
    /** sha256 of the file with CRLF turned into LF. */
    readonly checksum: string;
}
/** One row of the history table. */
export interface HistoryRow {
    readonly name: string;
    readonly checksum: string;
    /** `applied`; `running`/`reverting` when a migration without a transaction started and did not finish. */
    readonly state: HistoryState;
    readonly appliedAt: Date;
    readonly durationMs: number | null;
    /** Postgres' message when a migration without a transaction failed. */
    readonly error: string | null;
}
export type HistoryState = 'applied' | 'running' | 'reverting';
