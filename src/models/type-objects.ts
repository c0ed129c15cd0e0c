// Schema objects that are not tables: extensions, sequences, domains, composite types and collations.
import { ident, qualified } from '../render/ident.js'
import { column, type AnyColumn, type Column, type ColumnTarget } from './column.js'
import { entity } from './entity.js'
import { sql, type SqlExpression } from './sql.js'

export interface ExtensionOptions {
  /** The version to install; the server's default version when unset. */
  readonly version?: string
  /** Schema of its objects; `public` when unset. */
  readonly schema?: string
}

export interface ExtensionModel {
  readonly [entity]: 'extension'
  readonly name: string
  readonly version: string | null
  readonly schema: string
}

/** Declares `CREATE EXTENSION name`; export it so that check builds it before the tables that use its types. */
export function extension(name: string, options: ExtensionOptions = {}): ExtensionModel {
  return { [entity]: 'extension', name, version: options.version ?? null, schema: options.schema ?? 'public' }
}

export interface SequenceOptions {
  readonly schema?: string
  /** `smallint`, `integer` or `bigint` (the default). */
  readonly as?: 'smallint' | 'integer' | 'bigint'
  readonly start?: number | bigint
  readonly increment?: number | bigint
  readonly min?: number | bigint
  readonly max?: number | bigint
  readonly cache?: number | bigint
  readonly cycle?: boolean
  /** The column that owns it (OWNED BY): `() => order.columns.no` or `'order.no'`. */
  readonly ownedBy?: ColumnTarget
}

export interface SequenceModel {
  readonly [entity]: 'sequence'
  readonly name: string
  readonly schema: string
  readonly options: SequenceOptions
  /** `nextval('name'::regclass)`, for a column's default. */
  nextval(): SqlExpression
}

/** Declares `CREATE SEQUENCE name`; a column draws from it with `.default(seq.nextval())`. */
export function sequence(name: string, options: SequenceOptions = {}): SequenceModel {
  const schema = options.schema ?? 'public'
  return {
    [entity]: 'sequence',
    name,
    schema,
    options,
    nextval: () => sql([`nextval('${qualified(schema, name).replace(/'/g, "''")}'::regclass)`]),
  }
}

export interface DomainOptions {
  readonly schema?: string
  /** A literal or sql`...`. */
  readonly default?: unknown
  readonly notNull?: boolean
  /** CHECK expressions over VALUE, named (`{ positive: sql\`VALUE > 0\` }`) or in a list (named `<domain>_check`, `<domain>_check1`, ...). */
  readonly checks?: Readonly<Record<string, SqlExpression>> | readonly SqlExpression[]
  /** A collation: its name (`'C'`) or a collation() declaration. */
  readonly collate?: string | CollationModel
}

/** A domain type. Call it to declare a column of that type: `posint()` or `posint('amount')`. */
export interface DomainModel {
  (name?: string): Column<unknown>
  readonly [entity]: 'domain'
  readonly name: string
  readonly schema: string
  /** The base type as PostgreSQL prints it. */
  readonly type: string
  readonly options: DomainOptions
}

/** Declares `CREATE DOMAIN name AS type ...`; `type` is a type as PostgreSQL prints it or a column such as `integer()`. */
export function domain(name: string, type: string | AnyColumn, options: DomainOptions = {}): DomainModel {
  const schema = options.schema ?? 'public'
  const base = typeof type === 'string' ? type : `${type.state.type}${type.state.array ? '[]' : ''}`
  const self = { [entity]: 'domain' as const, schema, type: base, options }
  const make = (columnName?: string) => column(qualified(schema, name), columnName, { object: made })
  Object.defineProperty(make, 'name', { value: name })
  const made = Object.assign(make, self) as unknown as DomainModel
  return made
}

/** A composite type. Call it to declare a column of that type. */
export interface CompositeModel {
  (name?: string): Column<unknown>
  readonly [entity]: 'composite'
  readonly name: string
  readonly schema: string
  /** Attributes by name, each a column declaration (its type and `.collate()` count). */
  readonly attributes: Readonly<Record<string, AnyColumn>>
}

/** Declares `CREATE TYPE name AS (attribute type, ...)`: `compositeType('price', { amount: numeric(10, 2), currency: text() })`. */
export function compositeType(name: string, attributes: Readonly<Record<string, AnyColumn>>, options: { readonly schema?: string } = {}): CompositeModel {
  const schema = options.schema ?? 'public'
  const make = (columnName?: string) => column(qualified(schema, name), columnName, { object: made })
  Object.defineProperty(make, 'name', { value: name })
  const made = Object.assign(make, { [entity]: 'composite' as const, schema, attributes }) as unknown as CompositeModel
  return made
}

export interface CollationOptions {
  readonly schema?: string
  /** `icu`, `libc` (the default) or `builtin` (PostgreSQL 17+). */
  readonly provider?: 'icu' | 'libc' | 'builtin'
  readonly locale?: string
  /** libc only, when LC_COLLATE and LC_CTYPE differ. */
  readonly lcCollate?: string
  readonly lcCtype?: string
  /** False: strings equal by the collation's rules are equal (ICU only). */
  readonly deterministic?: boolean
}

export interface CollationModel {
  readonly [entity]: 'collation'
  readonly name: string
  readonly schema: string
  readonly options: CollationOptions
}

/** Declares `CREATE COLLATION name (...)`; columns use it with `.collate(ci)`. */
export function collation(name: string, options: CollationOptions): CollationModel {
  return { [entity]: 'collation', name, schema: options.schema ?? 'public', options }
}

/** How a COLLATE clause names a collation given by name or declaration. */
export function collationClause(value: string | CollationModel): string {
  return typeof value === 'string' ? ident(value) : qualified(value.schema, value.name)
}

export type SchemaObjectModel = ExtensionModel | SequenceModel | DomainModel | CompositeModel | CollationModel
