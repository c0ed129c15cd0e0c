import type { Operation, OperationKind } from '../ops/operation.js'
import type { Schema } from '../schema/schema.js'
import { compareCollations } from './collations.js'
import { compareComposites } from './composites.js'
import { compareDomains } from './domains.js'
import { compareEnums } from './enums.js'
import { compareExtensions } from './extensions.js'
import { compareGrants } from './grants.js'
import { compareObjects, objectPhase } from './objects.js'
import { compareSequences } from './sequences.js'
import { sequenceOwnerPhase, typePhases } from './type-phases.js'
import { compareTables, rebuiltTables } from './tables.js'

export interface CompareOptions {
  /** Report tables whose columns are in another order (PostgreSQL cannot reorder them in place). */
  readonly columnOrder?: boolean
  /** Leave extension versions out: an extension is the same whatever version the server installed. */
  readonly ignoreExtensionVersions?: boolean
}

/**
 * The operations that turn a database shaped like `from` into one shaped like `to`, in an order that keeps every
 * dependency: creations run from schemas down to foreign keys, drops the other way round. The order is
 * symmetric, so `reverseAll(ops)` is a valid way back.
 */
export function compare(from: Schema, to: Schema, options: CompareOptions = {}): Operation[] {
  const fromSchemas = new Set(from.schemas)
  const toSchemas = new Set(to.schemas)
  const rebuilt = rebuiltTables(from, to)
  const ops: Operation[] = [
    ...to.schemas.filter((s) => !fromSchemas.has(s)).map((schema): Operation => ({ kind: 'create_schema', schema })),
    ...from.schemas.filter((s) => !toSchemas.has(s)).map((schema): Operation => ({ kind: 'drop_schema', schema })),
    ...compareExtensions(from, to, options.ignoreExtensionVersions ?? false),
    ...compareCollations(from, to),
    ...compareEnums(from, to),
    ...compareDomains(from, to),
    ...compareComposites(from, to),
    ...compareSequences(from, to),
    ...compareTables(from, to, options.columnOrder ?? false, rebuilt),
    ...compareGrants(from, to, rebuilt),
  ]
  ops.push(...compareObjects(from, to, ops))
  return ops.map((op, i) => ({ op, i, phase: phaseOf(op) })).sort((a, b) => a.phase - b.phase || a.i - b.i).map((x) => x.op)
}

function phaseOf(op: Operation): number {
  if (op.kind === 'create_object' || op.kind === 'drop_object' || op.kind === 'alter_object') return objectPhase(op)
  if (op.kind === 'set_inherits') return op.to.length < op.from.length ? phase.drop_foreign_key : phase.set_inherits
  if (op.kind === 'set_sequence_owner') return sequenceOwnerPhase(op)
  return op.kind === 'alter_enum' && op.stage === 'remove_values' ? phase.drop_enum : phase[op.kind]
}

// Enums grow before the tables change and shrink after them (see alter_enum). Drop foreign keys before the tables and constraints they use; drop tables before the constraints of tables
// that stay (a dropped table's foreign key may use them); create tables before the keys that reference them.
// Grants are revoked before anything goes and granted once everything exists; policies go before the columns they use.
const phase: Record<OperationKind, number> = {
  revoke: 0.5,
  create_schema: 1,
  create_enum: 2,
  alter_enum: 3,
  set_enum_comment: 3,
  drop_foreign_key: 4,
  drop_policy: 4,
  drop_table: 5,
  drop_index: 6,
  drop_check: 6,
  drop_exclusion: 6,
  drop_unique: 6,
  drop_primary_key: 6,
  create_table: 7,
  drop_column: 8,
  add_column: 8,
  alter_column: 8,
  reorder_columns: 8,
  set_table_comment: 8,
  set_unlogged: 8,
  set_row_level_security: 8,
  alter_partition: 8,
  // taken on once the child holds the parent's columns and checks
  set_inherits: 9.5,
  add_primary_key: 9,
  add_unique: 9,
  add_check: 9,
  add_exclusion: 9,
  create_index: 9,
  add_foreign_key: 10,
  create_policy: 10,
  drop_enum: 11,
  drop_schema: 12,
  grant: 13,
  // by the object's kind: see objectPhase
  create_object: 11,
  drop_object: 3,
  alter_object: 11,
  ...typePhases,
}
