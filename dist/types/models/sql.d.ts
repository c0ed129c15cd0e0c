import { entity } from './entity.js';
/** A piece of raw SQL: a default such as sql`now()`, a check, an index expression or predicate. */
export interface SqlExpression {
    readonly [entity]: 'sql';
    readonly strings: readonly string[];
    /** Interpolated values: columns (written as their names), nested sql, or literals (quoted). */
    readonly values: readonly unknown[];
}
/**
 * Raw SQL, written as PostgreSQL should read it. Interpolated columns become their quoted names, nested sql is
 * inserted as is, and anything else becomes a literal: sql`lower(${t.email})`, sql`${t.price} > ${0}`.
 */
export declare function sql(strings: TemplateStringsArray | readonly string[], ...values: unknown[]): SqlExpression;
export declare function isSql(value: unknown): value is SqlExpression;
