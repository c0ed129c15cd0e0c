import type { TypeOperation } from '../ops/type-operations.js'
import { createCollation, dropCollation } from './collation-sql.js'
import { alterComposite, createComposite } from './composite-sql.js'
import { alterDomain, createDomain } from './domain-sql.js'
import { alterExtension, createExtension } from './extension-sql.js'
import { ident, qualified } from './ident.js'
import { alterSequence, createSequence, sequenceOwner } from './sequence-sql.js'

type TypeRenderers = { readonly [K in TypeOperation['kind']]: (op: Extract<TypeOperation, { kind: K }>) => string[] }

/** The statements of the operations on extensions, collations, sequences, domains and composite types. */
export const typeRenderers: TypeRenderers = {
  create_extension: (op) => [createExtension(op.extension)],
  drop_extension: (op) => [`DROP EXTENSION ${ident(op.extension.name)}`],
  alter_extension: (op) => alterExtension(op.from, op.to),
  create_collation: (op) => [createCollation(op.collation)],
  drop_collation: (op) => [dropCollation(op.collation)],
  alter_collation: (op) => [dropCollation(op.from), createCollation(op.to)],
  create_sequence: (op) => [createSequence(op.sequence)],
  drop_sequence: (op) => [`DROP SEQUENCE ${qualified(op.sequence.schema, op.sequence.name)}`],
  alter_sequence: (op) => [alterSequence(op.from, op.to, op.changes)],
  set_sequence_owner: (op) => [sequenceOwner(op.sequence, op.to)],
  create_domain: (op) => [createDomain(op.domain)],
  drop_domain: (op) => [`DROP DOMAIN ${qualified(op.domain.schema, op.domain.name)}`],
  alter_domain: (op) => alterDomain(op),
  create_composite: (op) => [createComposite(op.composite)],
  drop_composite: (op) => [`DROP TYPE ${qualified(op.composite.schema, op.composite.name)}`],
  alter_composite: (op) => alterComposite(op.from, op.to),
}
