import type { Operation, TableRef } from '../ops/operation.js'
import type { Table } from '../schema/schema.js'
import { matchBySignature } from './constraints.js'
import { indexSignature } from './normalize.js'
import { sameIndex } from './same.js'

/** Indexes (those not backing a constraint) of a table both sides have, matched by definition without the name. */
export function compareIndexes(ref: TableRef, from: Table, to: Table): Operation[] {
  const { removed, added } = matchBySignature(from.indexes, to.indexes, indexSignature, sameIndex)
  return [
    ...removed.map((index): Operation => ({ kind: 'drop_index', table: ref, index })),
    ...added.map((index): Operation => ({ kind: 'create_index', table: ref, index })),
  ]
}
