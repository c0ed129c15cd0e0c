// Table-level constraints and indexes, returned from a table's third argument: (t) => [index().on(t.title), ...].
import type { Deferral } from '../schema/schema.js'
import type { AnyColumn, ReferenceOptions } from './column.js'
import { entity } from './entity.js'
import type { PolicyDeclaration } from './policy.js'
import type { SqlExpression } from './sql.js'

/** A column or expression in an index, with its sort order. */
export interface OrderedElement {
  readonly element: AnyColumn | SqlExpression
  readonly order: 'asc' | 'desc'
}

export type IndexElement = AnyColumn | SqlExpression | OrderedElement

export const asc = (element: AnyColumn | SqlExpression): OrderedElement => ({ element, order: 'asc' })
export const desc = (element: AnyColumn | SqlExpression): OrderedElement => ({ element, order: 'desc' })

export interface IndexState {
  readonly name: string | undefined
  readonly unique: boolean
  readonly method: string
  readonly elements: readonly IndexElement[]
  readonly where: SqlExpression | null
  readonly include: readonly AnyColumn[]
  readonly nullsNotDistinct: boolean
}

/** `CREATE [UNIQUE] INDEX`: columns or expressions, an access method and an optional predicate. */
export class IndexBuilder {
  readonly [entity] = 'index' as const
  constructor(readonly state: IndexState) {}

  /** Columns or expressions, in order: `.on(t.lastName, t.firstName)`, `.on(sql\`lower(${t.email})\`)`, `.on(desc(t.createdAt))`. */
  on(...elements: IndexElement[]): IndexBuilder {
    return new IndexBuilder({ ...this.state, elements })
  }

  /** Access method: `btree` (the default), `hash`, `gin`, `gist`, `brin`, `spgist`. */
  using(method: string): IndexBuilder {
    return new IndexBuilder({ ...this.state, method })
  }

  /** A partial index over the rows the predicate holds for. */
  where(predicate: SqlExpression): IndexBuilder {
    return new IndexBuilder({ ...this.state, where: predicate })
  }

  unique(): IndexBuilder {
    return new IndexBuilder({ ...this.state, unique: true })
  }

  /** Columns stored in the index but not part of its key (INCLUDE). */
  include(...columns: AnyColumn[]): IndexBuilder {
    return new IndexBuilder({ ...this.state, include: columns })
  }

  /** For a unique index: NULLs count as equal (PostgreSQL 15+). */
  nullsNotDistinct(): IndexBuilder {
    return new IndexBuilder({ ...this.state, nullsNotDistinct: true })
  }
}

/** An index; named `<table>_<column>_idx` as PostgreSQL would when `name` is unset. */
export const index = (name?: string): IndexBuilder => new IndexBuilder({ name, unique: false, method: 'btree', elements: [], where: null, include: [], nullsNotDistinct: false })
export const uniqueIndex = (name?: string): IndexBuilder => index(name).unique()

export interface UniqueState {
  readonly name: string | undefined
  readonly columns: readonly AnyColumn[]
  readonly nullsNotDistinct: boolean
  readonly deferral: Deferral
  readonly include: readonly AnyColumn[]
}

/** A unique constraint over one or more columns. */
export class UniqueBuilder {
  readonly [entity] = 'unique' as const
  constructor(readonly state: UniqueState) {}

  on(...columns: AnyColumn[]): UniqueBuilder {
    return new UniqueBuilder({ ...this.state, columns })
  }

  /** NULLs count as equal, so at most one row may hold NULL (PostgreSQL 15+). */
  nullsNotDistinct(): UniqueBuilder {
    return new UniqueBuilder({ ...this.state, nullsNotDistinct: true })
  }

  /** Columns stored in its index but not part of the key (INCLUDE). */
  include(...columns: AnyColumn[]): UniqueBuilder {
    return new UniqueBuilder({ ...this.state, include: columns })
  }

  /** Checked at the end of the statement unless a transaction defers it; `initiallyDeferred`: at commit unless asked sooner. */
  deferrable(options: { initiallyDeferred?: boolean } = {}): UniqueBuilder {
    return new UniqueBuilder({ ...this.state, deferral: options.initiallyDeferred ? 'initially deferred' : 'deferrable' })
  }
}

/** A unique constraint; named `<table>_<columns>_key` when `name` is unset. */
export const unique = (name?: string): UniqueBuilder => new UniqueBuilder({ name, columns: [], nullsNotDistinct: false, deferral: 'not deferrable', include: [] })

export interface PrimaryKeyState {
  readonly name: string | undefined
  readonly columns: readonly AnyColumn[]
  readonly deferral: Deferral
  readonly include: readonly AnyColumn[]
}

/** A primary key over several columns; for one column, `.primaryKey()` on it reads better. */
export class PrimaryKeyBuilder {
  readonly [entity] = 'primary_key' as const
  constructor(readonly state: PrimaryKeyState) {}

  on(...columns: AnyColumn[]): PrimaryKeyBuilder {
    return new PrimaryKeyBuilder({ ...this.state, columns })
  }

  /** As unique().deferrable(); a deferrable key cannot be the target of a foreign key. */
  deferrable(options: { initiallyDeferred?: boolean } = {}): PrimaryKeyBuilder {
    return new PrimaryKeyBuilder({ ...this.state, deferral: options.initiallyDeferred ? 'initially deferred' : 'deferrable' })
  }

  /** Columns stored in its index but not part of the key (INCLUDE). */
  include(...columns: AnyColumn[]): PrimaryKeyBuilder {
    return new PrimaryKeyBuilder({ ...this.state, include: columns })
  }
}

/** A (composite) primary key; named `<table>_pkey` when `name` is unset. */
export const primaryKey = (name?: string): PrimaryKeyBuilder => new PrimaryKeyBuilder({ name, columns: [], deferral: 'not deferrable', include: [] })

export interface ForeignKeyState {
  readonly name: string | undefined
  readonly columns: readonly AnyColumn[]
  readonly target: (() => readonly AnyColumn[]) | null
  readonly options: Omit<ReferenceOptions, 'name'>
}

/** A foreign key over several columns. */
export class ForeignKeyBuilder {
  readonly [entity] = 'foreign_key' as const
  constructor(readonly state: ForeignKeyState) {}

  on(...columns: AnyColumn[]): ForeignKeyBuilder {
    return new ForeignKeyBuilder({ ...this.state, columns })
  }

  /** The referenced columns, in the same order: `.references(() => [order.columns.id, order.columns.tenantId])`. */
  references(target: () => readonly AnyColumn[], options: Omit<ReferenceOptions, 'name'> = {}): ForeignKeyBuilder {
    return new ForeignKeyBuilder({ ...this.state, target, options })
  }
}

/** A (composite) foreign key; named `<table>_<columns>_fkey` when `name` is unset. */
export const foreignKey = (name?: string): ForeignKeyBuilder => new ForeignKeyBuilder({ name, columns: [], target: null, options: {} })

/** A check constraint. */
export interface CheckConstraint {
  readonly [entity]: 'check'
  readonly name: string | undefined
  readonly expression: SqlExpression
  /** Added NOT VALID: rows already there are not checked. */
  readonly notValid?: boolean
}

/** `CHECK (expression)`; named as PostgreSQL would (`<table>_<column>_check`) when only the expression is given. */
export function check(name: string, expression: SqlExpression, options?: { notValid?: boolean }): CheckConstraint
export function check(expression: SqlExpression): CheckConstraint
export function check(nameOrExpression: string | SqlExpression, expression?: SqlExpression, options: { notValid?: boolean } = {}): CheckConstraint {
  return typeof nameOrExpression === 'string'
    ? { [entity]: 'check', name: nameOrExpression, expression: expression!, ...(options.notValid ? { notValid: true } : {}) }
    : { [entity]: 'check', name: undefined, expression: nameOrExpression }
}

/** An exclusion constraint. */
export interface ExclusionConstraint {
  readonly [entity]: 'exclusion'
  readonly name: string | undefined
  readonly expression: SqlExpression
}

/**
 * `EXCLUDE ...`, the text after the keyword: ``exclude(sql`USING gist (${t.room} WITH =, ${t.during} WITH &&)`)``;
 * named `<table>_<columns>_excl` as PostgreSQL would when only the expression is given.
 */
export function exclude(name: string, expression: SqlExpression): ExclusionConstraint
export function exclude(expression: SqlExpression): ExclusionConstraint
export function exclude(nameOrExpression: string | SqlExpression, expression?: SqlExpression): ExclusionConstraint {
  return typeof nameOrExpression === 'string'
    ? { [entity]: 'exclusion', name: nameOrExpression, expression: expression! }
    : { [entity]: 'exclusion', name: undefined, expression: nameOrExpression }
}

/** What a table's third argument may return. */
export type TableConstraint = IndexBuilder | UniqueBuilder | PrimaryKeyBuilder | ForeignKeyBuilder | CheckConstraint | ExclusionConstraint | PolicyDeclaration
