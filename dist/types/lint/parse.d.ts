/** One parsed statement of a SQL migration, with the line it starts on. */
export interface ParsedStatement {
    /** The statement's node as PostgreSQL's parser gives it: `{ AlterTableStmt: {...} }` and so on. */
    readonly node: Record<string, any>;
    /** 1-based line in the file where the statement starts. */
    readonly line: number;
}
/** The file did not parse: PostgreSQL's own message and the line it points at. */
export interface ParseFailure {
    readonly message: string;
    readonly line: number;
}
/** Parses a SQL file with PostgreSQL's parser (libpg-query); locations become lines. */
export declare function parseSql(sql: string): Promise<ParsedStatement[] | ParseFailure>;
/** `-- db-migrate: allow rule-a, rule-b` anywhere in the file: the rules this file opts out of, with their lines. */
export declare function allowedRules(sql: string): Map<string, number>;
