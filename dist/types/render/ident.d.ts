/** Quotes an identifier for SQL text; the only way names enter SQL that db-migrate builds. */
export declare function quoteIdent(name: string): string;
/** Quotes only when PostgreSQL would need it, so generated SQL reads like hand-written SQL. */
export declare function ident(name: string): string;
export declare function qualified(schema: string, name: string): string;
export declare function quoteLiteral(value: string): string;
