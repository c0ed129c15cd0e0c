/** A database URL split into what pg needs, validated. The password never leaves this object except to pg. */
export interface DatabaseUrl {
    readonly url: string;
    readonly host: string;
    readonly port: number;
    readonly database: string;
    readonly user: string;
    readonly password: string;
    /** Every secret the URL carries (its password, also one given as ?password= or ?sslpassword=), for masking. */
    readonly secrets: readonly string[];
}
/** Parses a postgres URL; errors name `setting` and never echo the URL, which may hold a password. */
export declare function parseDatabaseUrl(url: string, setting: string): DatabaseUrl;
/** Builds a URL from DB_HOST, DB_PORT, DB_NAME, DB_USER and DB_PASS, as the alembic guide's config does. */
export declare function urlFromParts(env: Record<string, string | undefined>): string | null;
/** The URL with its password replaced, for anything a person or a log may see. */
export declare function redactUrl(url: string): string;
/** Same database server, another database: how scratch databases are addressed. */
export declare function withDatabase(url: string, database: string): string;
