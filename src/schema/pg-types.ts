/** Facts about PostgreSQL's types that compare, render and risk all lean on: the serial family and safe widening. */

const serialBase: Readonly<Record<string, string>> = { smallserial: 'smallint', serial: 'integer', bigserial: 'bigint' }
const serialOf: Readonly<Record<string, string>> = { smallint: 'smallserial', integer: 'serial', bigint: 'bigserial' }
const integerRank: Readonly<Record<string, number>> = { smallint: 1, integer: 2, bigint: 3 }

/** `serial`, `bigserial` or `smallserial`: an integer numbered by a sequence the column owns. */
export function isSerial(type: string): boolean {
  return type in serialBase
}

/** The type a column really has: `integer` for `serial`, the type itself for any other. */
export function baseType(type: string): string {
  return serialBase[type] ?? type
}

/** The serial pseudo-type of an integer type (`serial` for `integer`), or undefined when it has none. */
export function serialFor(type: string): string | undefined {
  return serialOf[type]
}

/** The smallest and largest value of an integer type, as PostgreSQL prints them: a sequence's range by default. */
export const integerRange: Readonly<Record<string, { readonly min: string; readonly max: string }>> = {
  smallint: { min: '-32768', max: '32767' },
  integer: { min: '-2147483648', max: '2147483647' },
  bigint: { min: '-9223372036854775808', max: '9223372036854775807' },
}

/** True when every value of `from` converts to `to` without loss. */
export function isWidening(from: string, to: string): boolean {
  if (from.endsWith('[]') !== to.endsWith('[]')) return false
  if (from.endsWith('[]')) return isWidening(from.slice(0, -2), to.slice(0, -2))
  const fromInt = integerRank[baseType(from)]
  const toInt = integerRank[baseType(to)]
  if (fromInt !== undefined && toInt !== undefined) return fromInt <= toInt
  if (fromInt !== undefined && to === 'numeric') return true
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
