import { type AnyColumn } from './column.js';
import type { TableConstraint } from './constraints.js';
import { entity } from './entity.js';
export interface TableOptions {
    /** Schema of the table; `public` when unset. */
    readonly schema?: string;
    readonly comment?: string;
    /** A partitioned table: `'range (created_at)'`, `'list (region)'`, `'hash (id)'`. */
    readonly partitionBy?: string;
    /** A partition of this table, which gives it its columns; declare it with no columns of its own. */
    readonly partitionOf?: AnyTable;
    /** The partition's bound after FOR VALUES: `"FROM ('2024-01-01') TO ('2025-01-01')"`, `"IN ('eu')"`; or `'default'`. */
    readonly forValues?: string;
    /** Parent tables (INHERITS); declare only the columns the table adds. */
    readonly inherits?: readonly AnyTable[];
    readonly unlogged?: boolean;
    /** Row-level security: `enabled`, or `forced` to hold the table's owner to the policies too. */
    readonly rowLevelSecurity?: 'enabled' | 'forced';
}
/** A model table: its columns by property name, each named after its property unless it was given a name. */
export interface Table<TName extends string = string, TColumns extends Record<string, AnyColumn> = Record<string, AnyColumn>> {
    readonly [entity]: 'table';
    readonly name: TName;
    readonly schema: string;
    readonly comment: string | null;
    readonly columns: TColumns;
    /** Indexes and table-level constraints. */
    readonly constraints: readonly TableConstraint[];
    /** Partitioning, inheritance, persistence and row-level security, as declared. */
    readonly options: TableOptions;
}
/** Any table, whatever its columns. */
export type AnyTable = Table<string, Record<string, AnyColumn>>;
/**
 * Declares a table. The optional third argument returns its indexes and table-level constraints from the columns:
 * `table('post', { ... }, (t) => [index().on(t.title)], { schema: 'blog' })`.
 */
export declare function table<TName extends string, TColumns extends Record<string, AnyColumn>>(name: TName, columns: TColumns, constraints?: ((columns: TColumns) => readonly TableConstraint[]) | TableOptions, options?: TableOptions): Table<TName, TColumns>;
