import type { Operation } from './operation.js'

/** Why an operation can lose data or fail on the rows a database already holds. */
export interface Risk {
  readonly reason: string
}

/** Marks operations that can destroy data or fail against existing rows; null when the op is safe. */
export function risk(op: Operation): Risk | null {
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
      if (op.from.type !== op.to.type && !isWidening(op.from.type, op.to.type)) reasons.push(`changes type ${op.from.type} → ${op.to.type}, which may not convert every value`)
      if (!op.from.notNull && op.to.notNull) reasons.push('sets NOT NULL: fails if a row holds NULL')
      if (op.from.generated !== op.to.generated && op.to.generated !== null) reasons.push('recomputes the column from its new generation expression')
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
    case 'create_index':
      return op.index.unique ? { reason: 'adds a unique index: fails if existing rows hold duplicates' } : null
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
    case 'drop_index':
      return null
  }
}

const integerRank: Record<string, number> = { smallint: 1, smallserial: 1, integer: 2, serial: 2, bigint: 3, bigserial: 3 }

/** True when every value of `from` converts to `to` without loss. */
export function isWidening(from: string, to: string): boolean {
  if (from.endsWith('[]') !== to.endsWith('[]')) return false
  if (from.endsWith('[]')) return isWidening(from.slice(0, -2), to.slice(0, -2))
  if (from in integerRank && to in integerRank) return integerRank[from]! <= integerRank[to]!
  if (from in integerRank && to === 'numeric') return true
  if (from === 'real' && to === 'double precision') return true
  const fromText = textLength(from)
  const toText = textLength(to)
  if (fromText !== undefined && to === 'text') return true
  if (fromText !== undefined && toText !== undefined && from.startsWith('character varying') && to.startsWith('character varying')) {
    return toText === null || (fromText !== null && fromText <= toText)
  }
  const fromNum = numeric(from)
  const toNum = numeric(to)
  if (fromNum && toNum) {
    if (toNum.precision === null) return true
    if (fromNum.precision === null) return false
    return toNum.scale >= fromNum.scale && toNum.precision - toNum.scale >= fromNum.precision - fromNum.scale
  }
  return false
}

function isSerial(type: string): boolean {
  return type === 'serial' || type === 'bigserial' || type === 'smallserial'
}

/** Length of a varchar/char type: null for unbounded, undefined when `type` is not one. */
function textLength(type: string): number | null | undefined {
  const m = /^(character varying|character)(?:\((\d+)\))?$/.exec(type)
  if (!m) return undefined
  return m[2] === undefined ? null : Number(m[2])
}

function numeric(type: string): { precision: number | null; scale: number } | null {
  if (type === 'numeric') return { precision: null, scale: 0 }
  const m = /^numeric\((\d+),(\d+)\)$/.exec(type)
  return m ? { precision: Number(m[1]), scale: Number(m[2]) } : null
}
