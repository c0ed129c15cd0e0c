import { type AnyColumn, type Column, type ColumnTarget } from './column.js';
import { entity } from './entity.js';
import { type SqlExpression } from './sql.js';
export interface ExtensionOptions {
    /** The version to install; the server's default version when unset. */
    readonly version?: string;
    /** Schema of its objects; `public` when unset. */
    readonly schema?: string;
}
export interface ExtensionModel {
    readonly [entity]: 'extension';
    readonly name: string;
    readonly version: string | null;
    readonly schema: string;
}
/** Declares `CREATE EXTENSION name`; export it so that check builds it before the tables that use its types. */
export declare function extension(name: string, options?: ExtensionOptions): ExtensionModel;
export interface SequenceOptions {
    readonly schema?: string;
    /** `smallint`, `integer` or `bigint` (the default). */
    readonly as?: 'smallint' | 'integer' | 'bigint';
    readonly start?: number | bigint;
    readonly increment?: number | bigint;
    readonly min?: number | bigint;
    readonly max?: number | bigint;
    readonly cache?: number | bigint;
    readonly cycle?: boolean;
    /** The column that owns it (OWNED BY): `() => order.columns.no` or `'order.no'`. */
    readonly ownedBy?: ColumnTarget;
}
export interface SequenceModel {
    readonly [entity]: 'sequence';
    readonly name: string;
    readonly schema: string;
    readonly options: SequenceOptions;
    /** `nextval('name'::regclass)`, for a column's default. */
    nextval(): SqlExpression;
}
/** Declares `CREATE SEQUENCE name`; a column draws from it with `.default(seq.nextval())`. */
export declare function sequence(name: string, options?: SequenceOptions): SequenceModel;
export interface DomainOptions {
    readonly schema?: string;
    /** A literal or sql`...`. */
    readonly default?: unknown;
    readonly notNull?: boolean;
    /** CHECK expressions over VALUE, named (`{ positive: sql\`VALUE > 0\` }`) or in a list (named `<domain>_check`, `<domain>_check1`, ...). */
    readonly checks?: Readonly<Record<string, SqlExpression>> | readonly SqlExpression[];
    /** A collation: its name (`'C'`) or a collation() declaration. */
    readonly collate?: string | CollationModel;
}
/** A domain type. Call it to declare a column of that type: `posint()` or `posint('amount')`. */
export interface DomainModel {
    (name?: string): Column<unknown>;
    readonly [entity]: 'domain';
    readonly name: string;
    readonly schema: string;
    /** The base type as PostgreSQL prints it. */
    readonly type: string;
    readonly options: DomainOptions;
}
/** Declares `CREATE DOMAIN name AS type ...`; `type` is a type as PostgreSQL prints it or a column such as `integer()`. */
export declare function domain(name: string, type: string | AnyColumn, options?: DomainOptions): DomainModel;
/** A composite type. Call it to declare a column of that type. */
export interface CompositeModel {
    (name?: string): Column<unknown>;
    readonly [entity]: 'composite';
    readonly name: string;
    readonly schema: string;
    /** Attributes by name, each a column declaration (its type and `.collate()` count). */
    readonly attributes: Readonly<Record<string, AnyColumn>>;
}
/** Declares `CREATE TYPE name AS (attribute type, ...)`: `compositeType('price', { amount: numeric(10, 2), currency: text() })`. */
export declare function compositeType(name: string, attributes: Readonly<Record<string, AnyColumn>>, options?: {
    readonly schema?: string;
}): CompositeModel;
export interface CollationOptions {
    readonly schema?: string;
    /** `icu`, `libc` (the default) or `builtin` (PostgreSQL 17+). */
    readonly provider?: 'icu' | 'libc' | 'builtin';
    readonly locale?: string;
    /** libc only, when LC_COLLATE and LC_CTYPE differ. */
    readonly lcCollate?: string;
    readonly lcCtype?: string;
    /** False: strings equal by the collation's rules are equal (ICU only). */
    readonly deterministic?: boolean;
}
export interface CollationModel {
    readonly [entity]: 'collation';
    readonly name: string;
    readonly schema: string;
    readonly options: CollationOptions;
}
/** Declares `CREATE COLLATION name (...)`; columns use it with `.collate(ci)`. */
export declare function collation(name: string, options: CollationOptions): CollationModel;
/** How a COLLATE clause names a collation given by name or declaration. */
export declare function collationClause(value: string | CollationModel): string;
export type SchemaObjectModel = ExtensionModel | SequenceModel | DomainModel | CompositeModel | CollationModel;
