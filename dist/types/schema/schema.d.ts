import type { SchemaObject } from './objects.js';
import type { Collation, CompositeType, Domain, Extension, Sequence } from './types.js';
export type { SchemaObject } from './objects.js';
export type { Collation, CompositeAttribute, CompositeType, Domain, DomainCheck, Extension, Sequence, SequenceOwner } from './types.js';
/**
 * The one typed description of a database schema. Introspection of a live database produces it, and so does
 * building the models in a scratch database and reading it back, so both sides of a comparison share every spelling.
 * Strings that hold SQL (types, defaults, expressions) are as PostgreSQL prints them (format_type, pg_get_expr, ...).
 */
export interface Schema {
    /** Every user schema but `public`, empty ones included; not those an extension created. */
    readonly schemas: readonly string[];
    readonly enums: readonly EnumType[];
    readonly tables: readonly Table[];
    /** Privileges granted on tables, columns, sequences, routines and schemas; empty when privileges are left out. */
    readonly grants: readonly Grant[];
    /** Views, materialized views and their indexes, functions, procedures, triggers, event triggers; absent means none. */
    readonly objects?: readonly SchemaObject[];
    /** Extensions but plpgsql, which every database has. */
    readonly extensions: readonly Extension[];
    /** Sequences other than those of identity columns and of columns read as serial. */
    readonly sequences: readonly Sequence[];
    readonly domains: readonly Domain[];
    readonly compositeTypes: readonly CompositeType[];
    readonly collations: readonly Collation[];
}
export interface EnumType {
    readonly schema: string;
    readonly name: string;
    readonly values: readonly string[];
    readonly comment: string | null;
}
export interface Table {
    readonly schema: string;
    readonly name: string;
    readonly columns: readonly Column[];
    readonly primaryKey: PrimaryKey | null;
    readonly uniques: readonly Unique[];
    readonly foreignKeys: readonly ForeignKey[];
    readonly checks: readonly Check[];
    readonly exclusions: readonly Exclusion[];
    readonly indexes: readonly Index[];
    readonly comment: string | null;
    /** `RANGE (created_at)` as pg_get_partkeydef prints it, for a partitioned table; else null. */
    readonly partitionBy: string | null;
    /** For a partition: its parent and bound. A partition's columns, and the keys and indexes it takes from its parent, are its parent's: it lists only its own. */
    readonly partitionOf: PartitionOf | null;
    /** Parents named by INHERITS, in order; the table lists only the columns no parent gives it, and its own checks. */
    readonly inherits: readonly TableName[];
    readonly unlogged: boolean;
    readonly rowLevelSecurity: RowLevelSecurity;
    readonly policies: readonly Policy[];
}
export interface TableName {
    readonly schema: string;
    readonly name: string;
}
export interface PartitionOf {
    readonly schema: string;
    readonly name: string;
    /** As pg_get_expr prints it: `FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')`, `DEFAULT`. */
    readonly bound: string;
}
/** `enabled`: ENABLE ROW LEVEL SECURITY; `forced`: enabled and FORCE, so the owner is held to the policies too. */
export type RowLevelSecurity = 'disabled' | 'enabled' | 'forced';
export interface Policy {
    readonly name: string;
    readonly command: 'all' | 'select' | 'insert' | 'update' | 'delete';
    readonly permissive: boolean;
    /** Role names, sorted; `public` for everyone. */
    readonly roles: readonly string[];
    /** As pg_get_expr prints them, or null. */
    readonly using: string | null;
    readonly withCheck: string | null;
}
/** What a grant is on; `routine` covers functions and procedures, named with their argument types: `add(integer, integer)`. */
export type GrantTarget = 'table' | 'column' | 'sequence' | 'routine' | 'schema';
/** One privilege held by one role on one object (the owner's own privileges are implied, not listed). */
export interface Grant {
    readonly on: GrantTarget;
    /** The object's schema; for `on: 'schema'`, the schema itself. */
    readonly schema: string;
    /** Table, sequence or routine name (a routine with its argument types); for a schema, its name again. */
    readonly name: string;
    /** For `on: 'column'`. */
    readonly column: string | null;
    /** A role name, or `PUBLIC`. */
    readonly grantee: string;
    /** SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER, USAGE, CREATE, EXECUTE, ... */
    readonly privilege: string;
    readonly grantable: boolean;
}
export interface Column {
    readonly name: string;
    /** SQL type as PostgreSQL prints it: `integer`, `character varying(20)`, `timestamp with time zone`, `text[]`,
     *  an enum as its (schema-qualified when not public) name; `serial`/`bigserial`/`smallserial` for an integer column
     *  whose default is the nextval of a sequence it owns. */
    readonly type: string;
    readonly notNull: boolean;
    /** Default expression as pg_get_expr prints it, or null. Null for serial columns. */
    readonly default: string | null;
    readonly identity: 'always' | 'by default' | null;
    /** Expression of a generated (stored) column, or null. */
    readonly generated: string | null;
    readonly comment: string | null;
    /** A collation other than the type's own, as the COLLATE clause names it (`"C"`, `app.ci`); absent for the type's. */
    readonly collation?: string;
}
export type ReferentialAction = 'no action' | 'restrict' | 'cascade' | 'set null' | 'set default';
/** When a key, unique or foreign key is checked: at each statement, or (deferrable) at commit when a transaction asks. */
export type Deferral = 'not deferrable' | 'deferrable' | 'initially deferred';
export interface PrimaryKey {
    readonly name: string;
    readonly columns: readonly string[];
    /** INCLUDE columns, stored in the index but not part of the key. */
    readonly include: readonly string[];
    readonly deferral: Deferral;
}
export interface Unique {
    readonly name: string;
    readonly columns: readonly string[];
    readonly include: readonly string[];
    readonly nullsNotDistinct: boolean;
    readonly deferral: Deferral;
}
export interface ForeignKey {
    readonly name: string;
    readonly columns: readonly string[];
    readonly refSchema: string;
    readonly refTable: string;
    readonly refColumns: readonly string[];
    readonly onDelete: ReferentialAction;
    readonly onUpdate: ReferentialAction;
    readonly deferral: Deferral;
    /** MATCH FULL: a row with some key columns NULL must have all of them NULL. */
    readonly match: 'simple' | 'full';
    /** Added NOT VALID: existing rows were never checked. */
    readonly notValid: boolean;
}
export interface Check {
    readonly name: string;
    /** As pg_get_constraintdef prints it, e.g. `CHECK ((price > (0)::numeric))`, ending in ` NOT VALID` when added so. */
    readonly definition: string;
}
export interface Exclusion {
    readonly name: string;
    /** As pg_get_constraintdef prints it, e.g. `EXCLUDE USING gist (room WITH =, during WITH &&) DEFERRABLE`. */
    readonly definition: string;
}
export interface Index {
    readonly name: string;
    readonly unique: boolean;
    /** Access method: btree, hash, gin, gist, brin, ... */
    readonly method: string;
    /** As pg_get_indexdef prints it, e.g. `CREATE UNIQUE INDEX ix ON public.t USING btree (lower(email)) WHERE ...`. */
    readonly definition: string;
}
export declare const emptySchema: Schema;
export declare function qualifiedName(item: {
    schema: string;
    name: string;
}): string;
