import type { Collation, CompositeType, Domain, Extension, Sequence } from './types.js'

export type { Collation, CompositeAttribute, CompositeType, Domain, DomainCheck, Extension, Sequence, SequenceOwner } from './types.js'

/**
 * The one typed description of a database schema. Introspection of a live database produces it, and so does
 * building the models in a scratch database and reading it back, so both sides of a comparison share every spelling.
 * Strings that hold SQL (types, defaults, expressions) are as PostgreSQL prints them (format_type, pg_get_expr, ...).
 */
export interface Schema {
  /** Schemas other than `public` that hold tables or enums. */
  readonly schemas: readonly string[]
  readonly enums: readonly EnumType[]
  readonly tables: readonly Table[]
  /** Extensions but plpgsql, which every database has. */
  readonly extensions: readonly Extension[]
  /** Sequences other than those of identity columns and of columns read as serial. */
  readonly sequences: readonly Sequence[]
  readonly domains: readonly Domain[]
  readonly compositeTypes: readonly CompositeType[]
  readonly collations: readonly Collation[]
}

export interface EnumType {
  readonly schema: string
  readonly name: string
  readonly values: readonly string[]
  readonly comment: string | null
}

export interface Table {
  readonly schema: string
  readonly name: string
  readonly columns: readonly Column[]
  readonly primaryKey: PrimaryKey | null
  readonly uniques: readonly Unique[]
  readonly foreignKeys: readonly ForeignKey[]
  readonly checks: readonly Check[]
  readonly exclusions: readonly Exclusion[]
  readonly indexes: readonly Index[]
  readonly comment: string | null
}

export interface Column {
  readonly name: string
  /** SQL type as PostgreSQL prints it: `integer`, `character varying(20)`, `timestamp with time zone`, `text[]`,
   *  an enum as its (schema-qualified when not public) name; `serial`/`bigserial`/`smallserial` for an integer column
   *  whose default is the nextval of a sequence it owns. */
  readonly type: string
  readonly notNull: boolean
  /** Default expression as pg_get_expr prints it, or null. Null for serial columns. */
  readonly default: string | null
  readonly identity: 'always' | 'by default' | null
  /** Expression of a generated (stored) column, or null. */
  readonly generated: string | null
  readonly comment: string | null
  /** A collation other than the type's own, as the COLLATE clause names it (`"C"`, `app.ci`); absent for the type's. */
  readonly collation?: string
}

export type ReferentialAction = 'no action' | 'restrict' | 'cascade' | 'set null' | 'set default'

/** When a key, unique or foreign key is checked: at each statement, or (deferrable) at commit when a transaction asks. */
export type Deferral = 'not deferrable' | 'deferrable' | 'initially deferred'

export interface PrimaryKey {
  readonly name: string
  readonly columns: readonly string[]
  readonly deferral: Deferral
}

export interface Unique {
  readonly name: string
  readonly columns: readonly string[]
  readonly nullsNotDistinct: boolean
  readonly deferral: Deferral
}

export interface ForeignKey {
  readonly name: string
  readonly columns: readonly string[]
  readonly refSchema: string
  readonly refTable: string
  readonly refColumns: readonly string[]
  readonly onDelete: ReferentialAction
  readonly onUpdate: ReferentialAction
  readonly deferral: Deferral
}

export interface Check {
  readonly name: string
  /** As pg_get_constraintdef prints it, e.g. `CHECK ((price > (0)::numeric))`. */
  readonly definition: string
}

export interface Exclusion {
  readonly name: string
  /** As pg_get_constraintdef prints it, e.g. `EXCLUDE USING gist (room WITH =, during WITH &&) DEFERRABLE`. */
  readonly definition: string
}

export interface Index {
  readonly name: string
  readonly unique: boolean
  /** Access method: btree, hash, gin, gist, brin, ... */
  readonly method: string
  /** As pg_get_indexdef prints it, e.g. `CREATE UNIQUE INDEX ix ON public.t USING btree (lower(email)) WHERE ...`. */
  readonly definition: string
}

export const emptySchema: Schema = { schemas: [], enums: [], tables: [], extensions: [], sequences: [], domains: [], compositeTypes: [], collations: [] }

export function qualifiedName(item: { schema: string; name: string }): string {
  return item.schema === 'public' ? item.name : `${item.schema}.${item.name}`
}
