import { entity } from './entity.js';
import type { AnyTable } from './table.js';
/** A relationship between two tables, for the application's own use: it produces no DDL. */
export interface Relation<TTable extends AnyTable = AnyTable> {
    readonly [entity]: 'relation';
    readonly cardinality: 'one' | 'many';
    readonly target: TTable;
}
/** The other side holds at most one row for this one (SQLAlchemy's many-to-one / one-to-one). */
export declare function one<TTable extends AnyTable>(target: TTable): Relation<TTable>;
/** The other side holds any number of rows for this one (SQLAlchemy's one-to-many). */
export declare function many<TTable extends AnyTable>(target: TTable): Relation<TTable>;
