import { entity } from './entity.js';
import type { SqlExpression } from './sql.js';
export interface PolicyOptions {
    /** The command it covers (default `all`). */
    readonly for?: 'all' | 'select' | 'insert' | 'update' | 'delete';
    /** `restrictive` policies must all pass; `permissive` ones (the default) are or-ed. */
    readonly as?: 'permissive' | 'restrictive';
    /** Roles it applies to (default: everyone, `public`). */
    readonly to?: readonly string[];
    /** Rows visible (or affected): ``sql`${t.ownerId} = current_setting('app.user')::int` ``. */
    readonly using?: SqlExpression;
    /** Rows that may be written. */
    readonly withCheck?: SqlExpression;
}
export interface PolicyDeclaration {
    readonly [entity]: 'policy';
    readonly name: string;
    readonly options: PolicyOptions;
}
/** `CREATE POLICY name ON table ...`; the table needs `rowLevelSecurity` for the policy to apply. */
export declare function policy(name: string, options?: PolicyOptions): PolicyDeclaration;
