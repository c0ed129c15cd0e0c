import { isSerial, isWidening } from '../schema/pg-types.js'
import type { Operation } from './operation.js'
import { tableOptionRisk, isTableOption } from './table-option-words.js'
import { typeRisk } from './type-words.js'

/** Why an operation can lose data or fail on the rows a database already holds. */
export interface Risk {
  readonly reason: string
}

/** Marks operations that can destroy data or fail against existing rows; null when the op is safe. */
export function risk(op: Operation): Risk | null {
  if (isTableOption(op)) return tableOptionRisk(op)
  switch (op.kind) {
    case 'drop_schema':
      return { reason: 'drops a schema' }
    case 'drop_enum':
      return { reason: 'drops an enum type' }
    case 'drop_table':
      return { reason: 'drops a table and its rows' }
    case 'drop_column':
      return { reason: 'drops a column and its values' }
    case 'alter_enum': {
      const removed = op.from.values.filter((v) => !op.to.values.includes(v))
      return removed.length ? { reason: `removes enum value${removed.length > 1 ? 's' : ''} ${removed.join(', ')}` } : null
    }
    case 'add_column':
      return op.column.notNull && op.column.default === null && !op.column.identity && !op.column.generated && !isSerial(op.column.type)
        ? { reason: 'adds a NOT NULL column without a default: fails if the table has rows' }
        : null
    case 'alter_column': {
      const reasons: string[] = []
      const changed = new Set(op.changes)
      if (changed.has('type') && !isWidening(op.from.type, op.to.type)) reasons.push(`changes type ${op.from.type} → ${op.to.type}, which may not convert every value`)
      if (changed.has('nullability') && op.to.notNull) reasons.push('sets NOT NULL: fails if a row holds NULL')
      if (changed.has('generated') && op.to.generated !== null) reasons.push('recomputes the column from its new generation expression')
      return reasons.length ? { reason: reasons.join('; ') } : null
    }
    case 'add_primary_key':
      return { reason: 'adds a primary key: fails if existing rows hold duplicates or NULLs' }
    case 'add_unique':
      return { reason: 'adds a unique constraint: fails if existing rows hold duplicates' }
    case 'add_check':
      return { reason: 'adds a check: fails if an existing row violates it' }
    case 'add_foreign_key':
      return { reason: 'adds a foreign key: fails if an existing row references a missing key' }
    case 'add_exclusion':
      return { reason: 'adds an exclusion constraint: fails if existing rows conflict' }
    case 'create_index':
      return op.index.unique ? { reason: 'adds a unique index: fails if existing rows hold duplicates' } : null
    case 'drop_object':
      if (op.recreated) return null
      if (op.object.kind === 'materialized_view') return { reason: 'drops a materialized view and the rows it holds' }
      if (op.object.kind === 'trigger' || op.object.kind === 'event_trigger') return { reason: `drops ${op.object.kind === 'trigger' ? 'a trigger' : 'an event trigger'}: what it did on each change stops` }
      return null
    case 'create_object':
      return op.object.kind === 'view_index' && /^CREATE UNIQUE\b/i.test(op.object.definition)
        ? { reason: 'adds a unique index: fails if existing rows hold duplicates' }
        : null
    case 'alter_object':
    case 'create_schema':
    case 'create_enum':
    case 'set_enum_comment':
    case 'create_table':
    case 'set_table_comment':
    case 'reorder_columns':
    case 'drop_primary_key':
    case 'drop_unique':
    case 'drop_foreign_key':
    case 'drop_check':
    case 'drop_exclusion':
    case 'drop_index':
      return null
    default: {
      const reason = typeRisk(op)
      return reason === null ? null : { reason }
    }
  }
}
