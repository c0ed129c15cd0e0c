import type { Deferral } from '../schema/schema.js';
import type { AnyColumn, ReferenceOptions } from './column.js';
import { entity } from './entity.js';
import type { PolicyDeclaration } from './policy.js';
import type { SqlExpression } from './sql.js';
/** A column or expression in an index, with its sort order. */
export interface OrderedElement {
    readonly element: AnyColumn | SqlExpression;
    readonly order: 'asc' | 'desc';
}
export type IndexElement = AnyColumn | SqlExpression | OrderedElement;
export declare const asc: (element: AnyColumn | SqlExpression) => OrderedElement;
export declare const desc: (element: AnyColumn | SqlExpression) => OrderedElement;
export interface IndexState {
    readonly name: string | undefined;
    readonly unique: boolean;
    readonly method: string;
    readonly elements: readonly IndexElement[];
    readonly where: SqlExpression | null;
    readonly include: readonly AnyColumn[];
    readonly nullsNotDistinct: boolean;
}
/** `CREATE [UNIQUE] INDEX`: columns or expressions, an access method and an optional predicate. */
export declare class IndexBuilder {
    readonly state: IndexState;
    readonly [entity]: "index";
    constructor(state: IndexState);
    /** Columns or expressions, in order: `.on(t.lastName, t.firstName)`, `.on(sql\`lower(${t.email})\`)`, `.on(desc(t.createdAt))`. */
    on(...elements: IndexElement[]): IndexBuilder;
    /** Access method: `btree` (the default), `hash`, `gin`, `gist`, `brin`, `spgist`. */
    using(method: string): IndexBuilder;
    /** A partial index over the rows the predicate holds for. */
    where(predicate: SqlExpression): IndexBuilder;
    unique(): IndexBuilder;
    /** Columns stored in the index but not part of its key (INCLUDE). */
    include(...columns: AnyColumn[]): IndexBuilder;
    /** For a unique index: NULLs count as equal (PostgreSQL 15+). */
    nullsNotDistinct(): IndexBuilder;
}
/** An index; named `<table>_<column>_idx` as PostgreSQL would when `name` is unset. */
export declare const index: (name?: string) => IndexBuilder;
export declare const uniqueIndex: (name?: string) => IndexBuilder;
export interface UniqueState {
    readonly name: string | undefined;
    readonly columns: readonly AnyColumn[];
    readonly nullsNotDistinct: boolean;
    readonly deferral: Deferral;
    readonly include: readonly AnyColumn[];
}
/** A unique constraint over one or more columns. */
export declare class UniqueBuilder {
    readonly state: UniqueState;
    readonly [entity]: "unique";
    constructor(state: UniqueState);
    on(...columns: AnyColumn[]): UniqueBuilder;
    /** NULLs count as equal, so at most one row may hold NULL (PostgreSQL 15+). */
    nullsNotDistinct(): UniqueBuilder;
    /** Columns stored in its index but not part of the key (INCLUDE). */
    include(...columns: AnyColumn[]): UniqueBuilder;
    /** Checked at the end of the statement unless a transaction defers it; `initiallyDeferred`: at commit unless asked sooner. */
    deferrable(options?: {
        initiallyDeferred?: boolean;
    }): UniqueBuilder;
}
/** A unique constraint; named `<table>_<columns>_key` when `name` is unset. */
export declare const unique: (name?: string) => UniqueBuilder;
export interface PrimaryKeyState {
    readonly name: string | undefined;
    readonly columns: readonly AnyColumn[];
    readonly deferral: Deferral;
    readonly include: readonly AnyColumn[];
}
/** A primary key over several columns; for one column, `.primaryKey()` on it reads better. */
export declare class PrimaryKeyBuilder {
    readonly state: PrimaryKeyState;
    readonly [entity]: "primary_key";
    constructor(state: PrimaryKeyState);
    on(...columns: AnyColumn[]): PrimaryKeyBuilder;
    /** As unique().deferrable(); a deferrable key cannot be the target of a foreign key. */
    deferrable(options?: {
        initiallyDeferred?: boolean;
    }): PrimaryKeyBuilder;
    /** Columns stored in its index but not part of the key (INCLUDE). */
    include(...columns: AnyColumn[]): PrimaryKeyBuilder;
}
/** A (composite) primary key; named `<table>_pkey` when `name` is unset. */
export declare const primaryKey: (name?: string) => PrimaryKeyBuilder;
export interface ForeignKeyState {
    readonly name: string | undefined;
    readonly columns: readonly AnyColumn[];
    readonly target: (() => readonly AnyColumn[]) | null;
    readonly options: Omit<ReferenceOptions, 'name'>;
}
/** A foreign key over several columns. */
export declare class ForeignKeyBuilder {
    readonly state: ForeignKeyState;
    readonly [entity]: "foreign_key";
    constructor(state: ForeignKeyState);
    on(...columns: AnyColumn[]): ForeignKeyBuilder;
    /** The referenced columns, in the same order: `.references(() => [order.columns.id, order.columns.tenantId])`. */
    references(target: () => readonly AnyColumn[], options?: Omit<ReferenceOptions, 'name'>): ForeignKeyBuilder;
}
/** A (composite) foreign key; named `<table>_<columns>_fkey` when `name` is unset. */
export declare const foreignKey: (name?: string) => ForeignKeyBuilder;
/** A check constraint. */
export interface CheckConstraint {
    readonly [entity]: 'check';
    readonly name: string | undefined;
    readonly expression: SqlExpression;
    /** Added NOT VALID: rows already there are not checked. */
    readonly notValid?: boolean;
}
/** `CHECK (expression)`; named as PostgreSQL would (`<table>_<column>_check`) when only the expression is given. */
export declare function check(name: string, expression: SqlExpression, options?: {
    notValid?: boolean;
}): CheckConstraint;
export declare function check(expression: SqlExpression): CheckConstraint;
/** An exclusion constraint. */
export interface ExclusionConstraint {
    readonly [entity]: 'exclusion';
    readonly name: string | undefined;
    readonly expression: SqlExpression;
}
/**
 * `EXCLUDE ...`, the text after the keyword: ``exclude(sql`USING gist (${t.room} WITH =, ${t.during} WITH &&)`)``;
 * named `<table>_<columns>_excl` as PostgreSQL would when only the expression is given.
 */
export declare function exclude(name: string, expression: SqlExpression): ExclusionConstraint;
export declare function exclude(expression: SqlExpression): ExclusionConstraint;
/** What a table's third argument may return. */
export type TableConstraint = IndexBuilder | UniqueBuilder | PrimaryKeyBuilder | ForeignKeyBuilder | CheckConstraint | ExclusionConstraint | PolicyDeclaration;
