import type { SequenceAttribute } from '../ops/type-operations.js'
import { integerRange } from '../schema/pg-types.js'
import type { Sequence, SequenceOwner } from '../schema/types.js'
import { ident, qualified } from './ident.js'

/** CREATE SEQUENCE naming only the options that are not PostgreSQL's defaults for its type and direction. */
export function createSequence(s: Sequence): string {
  const up = !s.increment.startsWith('-')
  const min = up ? '1' : integerRange[s.type]?.min
  const max = up ? integerRange[s.type]?.max : '-1'
  const given = (['type', 'increment', 'min', 'max', 'start', 'cache', 'cycle'] as const).filter((a) =>
    a === 'type' ? s.type !== 'bigint'
      : a === 'increment' ? s.increment !== '1'
      : a === 'min' ? s.min !== min
      : a === 'max' ? s.max !== max
      : a === 'start' ? s.start !== (up ? s.min : s.max)
      : a === 'cache' ? s.cache !== '1'
      : s.cycle)
  return `CREATE SEQUENCE ${qualified(s.schema, s.name)}${options(s, given)}`
}

/** Options that changed; RESTART too when the old start falls outside the new range, where no value could go on. */
export function alterSequence(from: Sequence, to: Sequence, changes: readonly SequenceAttribute[]): string {
  const outside = BigInt(from.start) < BigInt(to.min) || BigInt(from.start) > BigInt(to.max)
  return `ALTER SEQUENCE ${qualified(to.schema, to.name)}${options(to, changes)}${outside ? ' RESTART' : ''}`
}

export function sequenceOwner(sequence: { schema: string; name: string }, owner: SequenceOwner | null): string {
  const by = owner === null ? 'NONE' : `${qualified(owner.schema, owner.table)}.${ident(owner.column)}`
  return `ALTER SEQUENCE ${qualified(sequence.schema, sequence.name)} OWNED BY ${by}`
}

function options(s: Sequence, which: readonly SequenceAttribute[]): string {
  const words: Record<SequenceAttribute, string> = {
    type: `AS ${s.type}`,
    increment: `INCREMENT BY ${s.increment}`,
    min: `MINVALUE ${s.min}`,
    max: `MAXVALUE ${s.max}`,
    start: `START WITH ${s.start}`,
    cache: `CACHE ${s.cache}`,
    cycle: s.cycle ? 'CYCLE' : 'NO CYCLE',
  }
  const order: SequenceAttribute[] = ['type', 'increment', 'min', 'max', 'start', 'cache', 'cycle']
  return order.filter((a) => which.includes(a)).map((a) => ` ${words[a]}`).join('')
}
