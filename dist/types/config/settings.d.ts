/**
 * The one table of settings. The CLI flags, the action inputs (checked against action.yml by a test), the config
 * file keys, the environment variables and the usage text are all read from here.
 */
export interface Setting {
    /** Action input name, `--flag` name and (camelCased) config file key. */
    readonly name: string;
    readonly kind: 'value' | 'boolean';
    /** The CLI flag when it is not `--name`. */
    readonly flag?: string;
    /** Extra CLI spellings (`-C`, `-m`). */
    readonly aliases?: readonly string[];
    /** Shown in the usage text as `<placeholder>`. */
    readonly placeholder?: string;
    /** Environment variable read when neither flag nor input is given. */
    readonly env?: string;
    /** Also an action input (every setting is a flag unless `cli: false`). */
    readonly input: boolean;
    readonly cli?: boolean;
    /** Also a key of db-migrate.config.*. */
    readonly file: boolean;
    /** One line for the usage text. */
    readonly help: string;
    /** The flag may be given more than once; the values join with commas. */
    readonly repeatable?: boolean;
}
export declare const settings: readonly [{
    readonly name: "command";
    readonly kind: "value";
    readonly input: true;
    readonly cli: false;
    readonly file: false;
    readonly help: "the command to run";
}, {
    readonly name: "revision";
    readonly kind: "value";
    readonly input: true;
    readonly cli: false;
    readonly file: false;
    readonly help: "target revision";
}, {
    readonly name: "database-url";
    readonly kind: "value";
    readonly placeholder: "url";
    readonly env: "DATABASE_URL";
    readonly input: true;
    readonly file: false;
    readonly help: "database to act on (or DB_HOST/DB_PORT/DB_NAME/DB_USER/DB_PASS)";
}, {
    readonly name: "embedded";
    readonly kind: "boolean";
    readonly input: false;
    readonly file: false;
    readonly help: "run on a throwaway PostgreSQL started for this run (same as --database-url embedded)";
}, {
    readonly name: "shadow-database-url";
    readonly kind: "value";
    readonly placeholder: "url";
    readonly env: "SHADOW_DATABASE_URL";
    readonly input: true;
    readonly file: false;
    readonly help: "server where check and diff build their scratch databases";
}, {
    readonly name: "working-directory";
    readonly kind: "value";
    readonly aliases: readonly ["-C", "--cwd"];
    readonly placeholder: "dir";
    readonly input: true;
    readonly file: false;
    readonly help: "run as if started in <dir>";
}, {
    readonly name: "env-file";
    readonly kind: "value";
    readonly flag: "--dotenv";
    readonly placeholder: "file";
    readonly input: true;
    readonly file: false;
    readonly help: "dotenv file (default: .env; the real environment wins); not --env-file, which Node itself reads";
}, {
    readonly name: "migrations";
    readonly kind: "value";
    readonly placeholder: "dir";
    readonly env: "DB_MIGRATE_MIGRATIONS";
    readonly input: true;
    readonly file: true;
    readonly help: "migrations folder (default: migrations)";
}, {
    readonly name: "migrations-ignore";
    readonly kind: "value";
    readonly placeholder: "globs";
    readonly env: "DB_MIGRATE_MIGRATIONS_IGNORE";
    readonly input: true;
    readonly file: true;
    readonly help: "comma-separated globs of files in the migrations folder that are not migrations";
}, {
    readonly name: "models";
    readonly kind: "value";
    readonly placeholder: "file";
    readonly env: "DB_MIGRATE_MODELS";
    readonly input: true;
    readonly file: true;
    readonly help: "models module (default: src/models.ts)";
}, {
    readonly name: "models-kind";
    readonly kind: "value";
    readonly placeholder: "kind";
    readonly env: "DB_MIGRATE_MODELS_KIND";
    readonly input: true;
    readonly file: true;
    readonly help: "what the models are: db-migrate, sql, sequelize, typeorm or drizzle (default: recognised)";
}, {
    readonly name: "context";
    readonly kind: "value";
    readonly placeholder: "kind";
    readonly env: "DB_MIGRATE_CONTEXT";
    readonly input: true;
    readonly file: true;
    readonly help: "what migrations get as context: auto, pg or sequelize (default: auto)";
}, {
    readonly name: "history-schema";
    readonly kind: "value";
    readonly placeholder: "name";
    readonly env: "DB_MIGRATE_HISTORY_SCHEMA";
    readonly input: true;
    readonly file: true;
    readonly help: "schema of the history table (default: public)";
}, {
    readonly name: "history-table";
    readonly kind: "value";
    readonly placeholder: "name";
    readonly env: "DB_MIGRATE_HISTORY_TABLE";
    readonly input: true;
    readonly file: true;
    readonly help: "history table (default: db_migrate_history)";
}, {
    readonly name: "umzug-table";
    readonly kind: "value";
    readonly placeholder: "[schema.]table";
    readonly env: "DB_MIGRATE_UMZUG_TABLE";
    readonly input: true;
    readonly file: true;
    readonly help: "Umzug history imported on the first run (default: SequelizeMeta)";
}, {
    readonly name: "umzug-column";
    readonly kind: "value";
    readonly placeholder: "name";
    readonly env: "DB_MIGRATE_UMZUG_COLUMN";
    readonly input: true;
    readonly file: true;
    readonly help: "column of the Umzug history holding the names (default: name)";
}, {
    readonly name: "check";
    readonly kind: "boolean";
    readonly input: true;
    readonly file: false;
    readonly help: "status: exit 1 when migrations are pending, an applied file changed or vanished, or one needs attention";
}, {
    readonly name: "dry-run";
    readonly kind: "boolean";
    readonly input: true;
    readonly file: false;
    readonly help: "show what upgrade/downgrade would run; change nothing";
}, {
    readonly name: "sql";
    readonly kind: "boolean";
    readonly input: true;
    readonly file: false;
    readonly help: "print the SQL upgrade/downgrade would send (history statements, BEGIN and COMMIT included); change nothing";
}, {
    readonly name: "allow-out-of-order";
    readonly kind: "boolean";
    readonly env: "DB_MIGRATE_ALLOW_OUT_OF_ORDER";
    readonly input: true;
    readonly file: true;
    readonly help: "apply pending migrations older than the newest applied one";
}, {
    readonly name: "lock-timeout";
    readonly kind: "value";
    readonly placeholder: "duration";
    readonly env: "DB_MIGRATE_LOCK_TIMEOUT";
    readonly input: true;
    readonly file: true;
    readonly help: "SET lock_timeout for migrations (e.g. 5s)";
}, {
    readonly name: "statement-timeout";
    readonly kind: "value";
    readonly placeholder: "duration";
    readonly env: "DB_MIGRATE_STATEMENT_TIMEOUT";
    readonly input: true;
    readonly file: true;
    readonly help: "SET statement_timeout for migrations";
}, {
    readonly name: "lock-wait";
    readonly kind: "value";
    readonly placeholder: "duration";
    readonly env: "DB_MIGRATE_LOCK_WAIT";
    readonly input: true;
    readonly file: true;
    readonly help: "how long to wait for a concurrent run to finish (default: 10min)";
}, {
    readonly name: "connect-timeout";
    readonly kind: "value";
    readonly placeholder: "duration";
    readonly env: "DB_MIGRATE_CONNECT_TIMEOUT";
    readonly input: true;
    readonly file: true;
    readonly help: "how long to wait for the database to accept connections (default: 30s)";
}, {
    readonly name: "keep-database";
    readonly kind: "boolean";
    readonly input: true;
    readonly cli: false;
    readonly file: false;
    readonly help: "keep a started PostgreSQL running for later steps";
}, {
    readonly name: "from";
    readonly kind: "value";
    readonly input: false;
    readonly cli: false;
    readonly file: false;
    readonly help: "diff: the schema to start from";
}, {
    readonly name: "to";
    readonly kind: "value";
    readonly input: false;
    readonly cli: false;
    readonly file: false;
    readonly help: "diff: the schema to reach";
}, {
    readonly name: "schema";
    readonly kind: "value";
    readonly placeholder: "names";
    readonly repeatable: true;
    readonly input: true;
    readonly file: true;
    readonly help: "diff, check, revision --autogenerate: compare only these schemas (repeat the flag or separate with commas)";
}, {
    readonly name: "exclude-schema";
    readonly kind: "value";
    readonly placeholder: "names";
    readonly repeatable: true;
    readonly input: true;
    readonly file: true;
    readonly help: "diff, check, revision --autogenerate: leave these schemas out (repeat the flag or separate with commas)";
}, {
    readonly name: "column-order";
    readonly kind: "boolean";
    readonly env: "DB_MIGRATE_COLUMN_ORDER";
    readonly input: true;
    readonly file: true;
    readonly help: "check, diff: also report differences in column order";
}, {
    readonly name: "ignore-privileges";
    readonly kind: "boolean";
    readonly env: "DB_MIGRATE_IGNORE_PRIVILEGES";
    readonly input: true;
    readonly file: true;
    readonly help: "check, diff: leave grants out: none are read or compared";
}, {
    readonly name: "ignore-extension-versions";
    readonly kind: "boolean";
    readonly env: "DB_MIGRATE_IGNORE_EXTENSION_VERSIONS";
    readonly input: true;
    readonly file: true;
    readonly help: "check, diff: an extension at another version is no difference";
}, {
    readonly name: "lint-disable";
    readonly kind: "value";
    readonly placeholder: "rules";
    readonly env: "DB_MIGRATE_LINT_DISABLE";
    readonly input: true;
    readonly file: true;
    readonly help: "lint rules to turn off, comma-separated; one file turns one off with: -- db-migrate: allow <rule>";
}, {
    readonly name: "base";
    readonly kind: "value";
    readonly placeholder: "ref";
    readonly input: true;
    readonly file: false;
    readonly help: "check: lint the migrations added since this branch (default: GITHUB_BASE_REF, else the newest migration)";
}, {
    readonly name: "reversible";
    readonly kind: "boolean";
    readonly input: true;
    readonly file: false;
    readonly help: "check: apply each new migration's up, then its down, and fail when the schema does not come back";
}, {
    readonly name: "no-cache";
    readonly kind: "boolean";
    readonly env: "DB_MIGRATE_NO_CACHE";
    readonly input: true;
    readonly file: false;
    readonly help: "check: replay every migration, neither starting from nor keeping a cached snapshot";
}, {
    readonly name: "check-cache";
    readonly kind: "value";
    readonly placeholder: "dir";
    readonly env: "DB_MIGRATE_CHECK_CACHE";
    readonly input: true;
    readonly file: true;
    readonly help: "check: where the embedded server's snapshots of replayed migrations are kept (default: /dev/shm/db-migrate-check-<uid>, else check/ in the embedded server's cache)";
}, {
    readonly name: "all";
    readonly kind: "boolean";
    readonly input: true;
    readonly file: false;
    readonly help: "check: lint (and with --reversible, revert) every migration, not only new ones";
}, {
    readonly name: "pr-comment";
    readonly kind: "boolean";
    readonly input: true;
    readonly cli: false;
    readonly file: false;
    readonly help: "post the report as one pull-request comment, updated in place";
}, {
    readonly name: "github-token";
    readonly kind: "value";
    readonly input: true;
    readonly cli: false;
    readonly file: false;
    readonly help: "token for pr-comment";
}, {
    readonly name: "message";
    readonly kind: "value";
    readonly aliases: readonly ["-m"];
    readonly placeholder: "text";
    readonly input: true;
    readonly file: false;
    readonly help: "revision: the message that names the new migration";
}, {
    readonly name: "autogenerate";
    readonly kind: "boolean";
    readonly input: true;
    readonly file: false;
    readonly help: "revision: the migration that makes the migrations match the models";
}, {
    readonly name: "format";
    readonly kind: "value";
    readonly placeholder: "sql|ts|sequelize";
    readonly env: "DB_MIGRATE_FORMAT";
    readonly input: true;
    readonly file: true;
    readonly help: "revision: write a SQL pair, one TypeScript module, or a module Umzug also runs (default: sql)";
}, {
    readonly name: "force";
    readonly kind: "boolean";
    readonly input: true;
    readonly file: false;
    readonly help: "pull: replace the models file when it exists (without it, pull refuses)";
}, {
    readonly name: "stdout";
    readonly kind: "boolean";
    readonly input: false;
    readonly file: false;
    readonly help: "pull: print the models instead of writing the models file";
}, {
    readonly name: "verbose";
    readonly kind: "boolean";
    readonly aliases: readonly ["-v"];
    readonly input: false;
    readonly file: false;
    readonly help: "current: also the file, when it was applied and how long it took";
}, {
    readonly name: "indicate-current";
    readonly kind: "boolean";
    readonly aliases: readonly ["-i"];
    readonly input: false;
    readonly file: false;
    readonly help: "history: mark the current migration";
}, {
    readonly name: "rev-range";
    readonly kind: "value";
    readonly aliases: readonly ["-r"];
    readonly placeholder: "start:end";
    readonly input: false;
    readonly file: false;
    readonly help: "history: only the migrations from start to end (base:head, NAME:, :current)";
}, {
    readonly name: "json";
    readonly kind: "boolean";
    readonly input: false;
    readonly file: false;
    readonly help: "machine-readable output";
}];
export type SettingName = (typeof settings)[number]['name'];
export declare const settingByName: ReadonlyMap<string, Setting>;
/** `history-table` → `historyTable`, the key in db-migrate.config.*. */
export declare const fileKey: (name: string) => string;
/** The flags of a setting the CLI accepts, `--name` first. */
export declare function flagsOf(setting: Setting): string[];
/** The Options section of the usage text. */
export declare function optionsText(only?: readonly SettingName[]): string;
