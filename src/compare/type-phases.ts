import type { TypeOperation } from '../ops/type-operations.js'

/**
 * Where the operations on types run among compare's phases: extensions, collations, enums (2), domains, composite
 * types and sequences are made before the tables use them (7-8) and dropped after; the order is symmetric.
 */
export const typePhases: Record<TypeOperation['kind'], number> = {
  create_extension: 1.2,
  alter_extension: 1.2,
  create_collation: 1.4,
  alter_collation: 1.4,
  create_domain: 2.2,
  alter_domain: 2.2,
  create_composite: 2.4,
  alter_composite: 2.4,
  create_sequence: 2.6,
  alter_sequence: 2.6,
  set_sequence_owner: 9.5,
  drop_sequence: 10.4,
  drop_composite: 10.6,
  drop_domain: 10.8,
  drop_collation: 11.4,
  drop_extension: 11.6,
}

/** Freeing a sequence runs before its column may be dropped (which would drop it too); owning one after columns are made. */
export function sequenceOwnerPhase(op: Extract<TypeOperation, { kind: 'set_sequence_owner' }>): number {
  return op.to === null ? 3.5 : typePhases.set_sequence_owner
}
