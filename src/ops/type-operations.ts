import type { Collation, CompositeType, Domain, Extension, Sequence, SequenceOwner } from '../schema/types.js'

/** Names a schema object without carrying its contents. */
export interface ObjectRef {
  readonly schema: string
  readonly name: string
}

export type SequenceAttribute = 'type' | 'start' | 'increment' | 'min' | 'max' | 'cache' | 'cycle'
export type DomainAttribute = 'type' | 'collation' | 'default' | 'nullability' | 'checks'

/** A column of a domain when the domain is rebuilt for a new base type or collation. */
export interface DomainUsage {
  readonly table: ObjectRef
  readonly column: string
  readonly default: string | null
}

/** Operations on the objects that are not tables: extensions, collations, sequences, domains and composite types. */
export type TypeOperation =
  | { readonly kind: 'create_extension'; readonly extension: Extension }
  | { readonly kind: 'drop_extension'; readonly extension: Extension }
  /** A new version (ALTER EXTENSION UPDATE) or schema. */
  | { readonly kind: 'alter_extension'; readonly from: Extension; readonly to: Extension }
  | { readonly kind: 'create_collation'; readonly collation: Collation }
  | { readonly kind: 'drop_collation'; readonly collation: Collation }
  /** PostgreSQL cannot alter a collation's locale or provider: dropped and created again. */
  | { readonly kind: 'alter_collation'; readonly from: Collation; readonly to: Collation }
  /** Created without its owner: a set_sequence_owner follows once the owning column exists. */
  | { readonly kind: 'create_sequence'; readonly sequence: Sequence }
  | { readonly kind: 'drop_sequence'; readonly sequence: Sequence }
  | { readonly kind: 'alter_sequence'; readonly from: Sequence; readonly to: Sequence; readonly changes: readonly SequenceAttribute[] }
  /** OWNED BY: freeing a sequence (`to` null) runs before columns are dropped, owning one after columns are made. */
  | { readonly kind: 'set_sequence_owner'; readonly sequence: ObjectRef; readonly from: SequenceOwner | null; readonly to: SequenceOwner | null }
  | { readonly kind: 'create_domain'; readonly domain: Domain }
  | { readonly kind: 'drop_domain'; readonly domain: Domain }
  /** A new base type or collation rebuilds the domain and converts `usages`; the rest alters it in place. */
  | { readonly kind: 'alter_domain'; readonly from: Domain; readonly to: Domain; readonly changes: readonly DomainAttribute[]; readonly usages: readonly DomainUsage[] }
  | { readonly kind: 'create_composite'; readonly composite: CompositeType }
  | { readonly kind: 'drop_composite'; readonly composite: CompositeType }
  | { readonly kind: 'alter_composite'; readonly from: CompositeType; readonly to: CompositeType }

export function reverseTypeOperation(op: TypeOperation): TypeOperation {
  switch (op.kind) {
    case 'create_extension':
      return { kind: 'drop_extension', extension: op.extension }
    case 'drop_extension':
      return { kind: 'create_extension', extension: op.extension }
    case 'create_collation':
      return { kind: 'drop_collation', collation: op.collation }
    case 'drop_collation':
      return { kind: 'create_collation', collation: op.collation }
    case 'create_sequence':
      return { kind: 'drop_sequence', sequence: op.sequence }
    case 'drop_sequence':
      return { kind: 'create_sequence', sequence: op.sequence }
    case 'create_domain':
      return { kind: 'drop_domain', domain: op.domain }
    case 'drop_domain':
      return { kind: 'create_domain', domain: op.domain }
    case 'create_composite':
      return { kind: 'drop_composite', composite: op.composite }
    case 'drop_composite':
      return { kind: 'create_composite', composite: op.composite }
    case 'alter_extension':
    case 'alter_collation':
    case 'alter_sequence':
    case 'set_sequence_owner':
    case 'alter_composite':
      return { ...op, from: op.to, to: op.from } as TypeOperation
    case 'alter_domain':
      return { ...op, from: op.to, to: op.from }
  }
}
