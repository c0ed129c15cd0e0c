import type { SqlExpression } from './sql.js';
/** The text of an sql`...` expression: columns as their names, nested sql inline, other values as literals. */
export declare function expressionSql(expression: SqlExpression): string;
/** Columns an expression names, by SQL name, in order of appearance (nested expressions included). */
export declare function expressionColumns(expression: SqlExpression): string[];
/** A JavaScript value as an SQL literal, untyped. */
export declare function literalSql(value: unknown): string;
/**
 * A column default: a literal as a person writes one in DDL, left for PostgreSQL to convert to the column's type
 * (`'draft'`, `0`, `true`, `'{a,b}'`, `'{}'` for jsonb), or the text of an sql`...` expression. Null when there is
 * none. Uncast, so the catalog prints it exactly as it prints a hand-written migration's default.
 */
export declare function defaultSql(value: unknown, type: string, array: boolean): string | null;
