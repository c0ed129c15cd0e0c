import type { Env } from './env.js';
import { type DatabaseUrl } from './url.js';
import type { UmzugStorage } from '../runtime/adopt.js';
import { type SettingName } from './settings.js';
export declare const commands: readonly ["upgrade", "downgrade", "stamp", "status", "current", "history", "heads", "show", "revision", "check", "init", "resolve", "diff", "pull"];
export type CommandName = (typeof commands)[number];
export declare const modelsKinds: readonly ["db-migrate", "sql", "sequelize", "typeorm", "drizzle"];
export type ModelsKind = (typeof modelsKinds)[number];
/** Settings as the front ends read them (action inputs or CLI flags), keyed by input name. Empty means unset. */
export type RawSettings = Partial<Record<SettingName, string>>;
export type { SettingName };
/** A loaded db-migrate.config.* file: its settings by table name, and its `context` function. */
export interface ProjectFile {
    /** As messages show it. */
    readonly file: string;
    readonly values: Partial<Record<SettingName, string>>;
    readonly contextFactory?: ContextFactory;
}
/** Fully resolved, validated settings: what every command runs from. */
export interface Config {
    readonly command: CommandName;
    readonly revision: string | undefined;
    readonly cwd: string;
    /** The database to act on; null means none was named (see `embedded`). */
    readonly database: DatabaseUrl | null;
    /** A throwaway server was asked for (`--embedded`, `database-url: embedded`): the only way to run without a database. */
    readonly embedded: boolean;
    /** Where the database came from, as the user set it: `--database-url`, `DATABASE_URL`, `DB_HOST/…`. */
    readonly databaseSetting: string;
    readonly shadowDatabase: DatabaseUrl | null;
    readonly migrationsDir: string;
    /** Globs (relative to the migrations folder) of files that are not migrations. */
    readonly migrationsIgnore: readonly string[];
    readonly modelsPath: string;
    /** False when neither a setting nor DB_MIGRATE_MODELS named the models: then each ORM's usual places are searched. */
    readonly modelsNamed: boolean;
    /** What the models are written in; null: recognised from the file and what it exports. */
    readonly modelsKind: ModelsKind | null;
    readonly historySchema: string;
    readonly historyTable: string;
    /** Umzug's history table, imported into ours when ours is empty. */
    readonly umzugStorage: UmzugStorage;
    readonly lockTimeoutMs: number | null;
    readonly statementTimeoutMs: number | null;
    readonly lockWaitMs: number;
    readonly connectTimeoutMs: number;
    readonly allowOutOfOrder: boolean;
    readonly dryRun: boolean;
    /** `status --check`: fail unless the database is at head with nothing to attend to. */
    readonly statusCheck: boolean;
    readonly message: string | undefined;
    readonly autogenerate: boolean;
    readonly json: boolean;
    /** `current --verbose`: the current migration's details too. */
    readonly verbose: boolean;
    /** `history --indicate-current` */
    readonly indicateCurrent: boolean;
    /** `history --rev-range start:end` */
    readonly revisionRange: string | undefined;
    readonly keepDatabase: boolean;
    readonly columnOrder: boolean;
    /** `check`: leave grants out (none are read or compared). */
    readonly ignorePrivileges: boolean;
    /** `check`: leave extension versions out of the comparison. */
    readonly ignoreExtensionVersions: boolean;
    /** `revision`: write a SQL pair (`NAME.sql` + `NAME.down.sql`) or one TypeScript module. */
    readonly format: 'sql' | 'ts' | 'sequelize';
    /** What module migrations get as `context`: `auto` picks Sequelize when the project depends on it. */
    readonly contextKind: ContextKind;
    /** The config file's `context` export, when it has one: wins over contextKind. */
    readonly contextFactory?: ContextFactory;
    /** upgrade/downgrade: print the SQL the run would send, bookkeeping included, and change nothing. */
    readonly sql: boolean;
    /** `check`: also apply each migration's up then its down, and report a down that does not undo its up. */
    readonly reversible: boolean;
    /** `check --no-cache`: replay every migration, use and keep no snapshot. */
    readonly noCache: boolean;
    /** `check`: the directory of the embedded server's cached cluster of snapshots; null: in the embedded server's cache. */
    readonly checkCache: string | null;
    /** Lint rules the project turned off. */
    readonly lintDisabled: ReadonlySet<string>;
    /** `check`: lint the whole chain, not only the migrations the branch adds. */
    readonly all: boolean;
    /** The branch the migrations are compared with to find the ones a pull request adds (GITHUB_BASE_REF in a pull request). */
    readonly baseRef: string | undefined;
    /** The database was named by the flag or input itself, not by the environment: `check` then reads its drift. */
    readonly databaseGiven: boolean;
    /** `diff`: its two sides as given (a database URL, a migrations folder, a models file or a .sql file). */
    readonly diffSides: readonly [string, string] | null;
    /** `diff` and `check`: which schemas are compared. */
    readonly schemaScope: {
        readonly include: readonly string[];
        readonly exclude: readonly string[];
    };
    /** `pull`: replace an existing models file. */
    readonly force: boolean;
    /** `pull`: print the models on stdout instead of writing the models file. */
    readonly stdout: boolean;
    /** Every password found in the settings, for masking. */
    readonly secrets: readonly string[];
}
export type ContextKind = 'auto' | 'pg' | 'sequelize';
/** Builds the `context` a module migration receives, from the connection that runs it. */
export type ContextFactory = (p: {
    readonly client: unknown;
    readonly name: string;
    readonly path: string;
}) => unknown | Promise<unknown>;
export interface ConfigSource {
    readonly settings: RawSettings;
    /** The environment, over the project's `.env` when loadConfig read one. */
    readonly env: Env;
    readonly cwd: string;
    /** How a front end names a setting in messages: `--database-url` or `input database-url`. */
    readonly label?: (name: SettingName) => string;
    /** db-migrate.config.* of the project, when it has one. */
    readonly file?: ProjectFile;
}
export declare function parseConfig(source: ConfigSource): Config;
/** PostgreSQL keeps lock_timeout and statement_timeout as an int of milliseconds: about 24.8 days at most. */
export declare const maxDurationMs = 2147483647;
/** `500ms`, `5s`, `2min`, `1h` → milliseconds; `0` means no limit. A bare number has no unit and is refused. */
export declare function duration(value: string | undefined, setting: string): number | null;
/** The default ignores templates and samples (`*.sample.*`, `*.template.*`, `*.example.*`, `_*`). */
export declare const defaultIgnore: string[];
