import type { ReferentialAction } from '../schema/schema.js';
import { entity } from './entity.js';
import type { CollationModel, CompositeModel, DomainModel } from './type-objects.js';
import type { SqlExpression } from './sql.js';
export type { ReferentialAction };
/** What `references()` points at: a function returning the column (so tables may refer to each other in any order),
 *  or its name as `'table.column'` / `'schema.table.column'`. */
export type ColumnTarget = (() => AnyColumn) | string;
export interface ReferenceOptions {
    readonly onDelete?: ReferentialAction;
    readonly onUpdate?: ReferentialAction;
    /** Constraint name; PostgreSQL's default `<table>_<column>_fkey` otherwise. */
    readonly name?: string;
    readonly deferrable?: boolean;
    /** Deferrable, and checked at commit unless a transaction asks otherwise. */
    readonly initiallyDeferred?: boolean;
    /** MATCH FULL: the key columns are all NULL or none is. */
    readonly match?: 'simple' | 'full';
    /** Added NOT VALID: rows already there are not checked. */
    readonly notValid?: boolean;
}
export interface UniqueOptions {
    /** Constraint name; PostgreSQL's default `<table>_<column>_key` otherwise. */
    readonly name?: string;
    /** NULLs count as equal, so at most one row may hold NULL (PostgreSQL 15+). */
    readonly nullsNotDistinct?: boolean;
}
/** The enum a column's type names, complete so that an enum used but not exported is still created. */
export interface EnumRef {
    readonly schema: string;
    readonly name: string;
    readonly values: readonly string[];
    readonly comment: string | null;
}
/** Everything a column declares, as plain data. */
export interface ColumnState {
    /** The SQL name; the property name in the table's column map when not given. */
    readonly name: string | undefined;
    /** Element type as PostgreSQL prints it (`integer`, `character varying(100)`); `serial` for serial columns. */
    readonly type: string;
    readonly enum: EnumRef | null;
    readonly array: boolean;
    readonly notNull: boolean;
    readonly primaryKey: boolean;
    readonly unique: UniqueOptions | null;
    /** A literal value (quoted when rendered) or an sql expression; undefined for none. */
    readonly default: unknown;
    readonly identity: 'always' | 'by default' | null;
    readonly generated: SqlExpression | null;
    readonly references: {
        readonly target: ColumnTarget;
        readonly options: ReferenceOptions;
    } | null;
    readonly comment: string | null;
    /** The domain or composite type the column's type names, so that one used but not exported is still created. */
    readonly object?: DomainModel | CompositeModel;
    /** A COLLATE clause's collation name (`"C"`, `app.ci`), or the declared collation. */
    readonly collation?: string | CollationModel;
    /** Why the type is invalid (e.g. `varchar(0)`), reported when the models load. */
    readonly problem: string | null;
}
/** The table a column belongs to once `table()` has taken it in. */
export interface ColumnOwner {
    readonly schema: string;
    readonly name: string;
}
/**
 * A column of a model table. Nullable unless `notNull()`, `primaryKey()` or identity, as in SQLAlchemy.
 * `TData` is the JavaScript type of its literal default.
 */
export declare class Column<TData = unknown, TNotNull extends boolean = false, THasDefault extends boolean = false> {
    readonly state: ColumnState;
    /** Set once the column is part of a table. */
    readonly table?: ColumnOwner | undefined;
    readonly $types: {
        readonly data: TData;
        readonly notNull: TNotNull;
        readonly hasDefault: THasDefault;
    };
    readonly [entity]: "column";
    constructor(state: ColumnState, 
    /** Set once the column is part of a table. */
    table?: ColumnOwner | undefined);
    /** The SQL name, once known. */
    get name(): string | undefined;
    notNull(): Column<TData, true, THasDefault>;
    primaryKey(): Column<TData, true, THasDefault>;
    /** Server default: a literal (quoted and cast to the column's type) or sql`...` for an expression; null for none. */
    default(value: TData | SqlExpression | null): Column<TData, TNotNull, true>;
    unique(options?: UniqueOptions): Column<TData, TNotNull, THasDefault>;
    /**
     * A foreign key from this column: `.references(() => user.columns.id, { onDelete: 'cascade' })`. A table that
     * references itself needs the function's return type spelled out, `(): AnyColumn => node.columns.id`, as
     * TypeScript cannot infer a type from its own initializer.
     */
    references(target: ColumnTarget, options?: ReferenceOptions): Column<TData, TNotNull, THasDefault>;
    /** `COLLATE`: a collation's name (`'C'`, `'und-x-icu'`) or a collation() declaration. */
    collate(collation: string | CollationModel): Column<TData, TNotNull, THasDefault>;
    comment(text: string): Column<TData, TNotNull, THasDefault>;
    /** An array of this type: `text().array()` is `text[]`. */
    array(): Column<TData[], TNotNull, THasDefault>;
    /** `GENERATED ALWAYS AS IDENTITY`: the server numbers rows and refuses explicit values. */
    generatedAlwaysAsIdentity(): Column<TData, true, true>;
    /** `GENERATED BY DEFAULT AS IDENTITY`: the server numbers rows unless a value is given. */
    generatedByDefaultAsIdentity(): Column<TData, true, true>;
    /** A stored generated column: `GENERATED ALWAYS AS (expression) STORED`. */
    generatedAlwaysAs(expression: SqlExpression): Column<TData, TNotNull, true>;
    private with;
}
/** Any column, whatever its types. */
export type AnyColumn = Column<any, boolean, boolean>;
/** A column of `type` (as PostgreSQL prints it); the type functions build on it. */
export declare function column<TData, TNotNull extends boolean = false, THasDefault extends boolean = false>(type: string, name?: string, extra?: Partial<ColumnState>): Column<TData, TNotNull, THasDefault>;
