// One function per PostgreSQL column type. Each takes the SQL name as an optional first argument; without it the
// column takes its property name in the table. Types are spelled as PostgreSQL's format_type prints them.
import { column, type Column } from './column.js'

/** Literal default of an 8-byte integer: a number, a bigint, or its decimal text. */
export type BigIntValue = number | bigint | string
/** Literal default of a date or time column: a Date (written in ISO form) or PostgreSQL text such as `'12:00'`. */
export type DateValue = Date | string
/** Any JSON value. */
export type JsonValue = string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue }

export const smallint = (name?: string): Column<number> => column('smallint', name)
export const integer = (name?: string): Column<number> => column('integer', name)
export const bigint = (name?: string): Column<BigIntValue> => column('bigint', name)

/** `smallserial`: a smallint numbered by a sequence the column owns. */
export const smallserial = (name?: string): Column<number, true, true> => column('smallserial', name, { notNull: true })
/** `serial`: an integer numbered by a sequence the column owns. */
export const serial = (name?: string): Column<number, true, true> => column('serial', name, { notNull: true })
/** `bigserial`: a bigint numbered by a sequence the column owns. */
export const bigserial = (name?: string): Column<BigIntValue, true, true> => column('bigserial', name, { notNull: true })

export const text = (name?: string): Column<string> => column('text', name)

/** `character varying(length)`; unbounded without a length: `varchar(100)`, `varchar(100, 'title')`, `varchar('note')`. */
export function varchar(length?: number | string, name?: string): Column<string> {
  if (typeof length === 'string') return column('character varying', length)
  return column(length === undefined ? 'character varying' : `character varying(${length})`, name, { problem: lengthProblem('varchar', length) })
}

/** `character(length)`, blank-padded; PostgreSQL's default length is 1. */
export function char(length: number | string = 1, name?: string): Column<string> {
  if (typeof length === 'string') return column('character(1)', length)
  return column(`character(${length})`, name, { problem: lengthProblem('char', length) })
}

export const boolean = (name?: string): Column<boolean> => column('boolean', name)

/** `numeric(precision, scale)`; arbitrary precision without arguments: `numeric(10, 2)`, `numeric('ratio')`. */
export function numeric(precision?: number | string, scale = 0, name?: string): Column<number | string> {
  if (typeof precision === 'string') return column('numeric', precision)
  if (precision === undefined) return column('numeric', name)
  const problem = !Number.isInteger(precision) || precision < 1 || precision > 1000
    ? `numeric precision must be an integer from 1 to 1000, got ${precision}`
    : !Number.isInteger(scale) || scale < -1000 || scale > 1000 ? `numeric scale must be an integer from -1000 to 1000, got ${scale}` : null
  return column(`numeric(${precision},${scale})`, name, { problem })
}
export const decimal = numeric

export const real = (name?: string): Column<number> => column('real', name)
export const doublePrecision = (name?: string): Column<number> => column('double precision', name)

export const date = (name?: string): Column<DateValue> => column('date', name)

export interface TimeOptions {
  readonly withTimezone?: boolean
  /** Fractional digits of seconds kept, 0 to 6 (PostgreSQL keeps 6 when unset). */
  readonly precision?: number
}

/** `time [(p)] without time zone`, or `with time zone` when asked: `time({ withTimezone: true })`. */
export const time = (name?: string | TimeOptions, options?: TimeOptions): Column<DateValue> => temporal('time', name, options)
/** `timestamp [(p)] without time zone`, or `with time zone` when asked. */
export const timestamp = (name?: string | TimeOptions, options?: TimeOptions): Column<DateValue> => temporal('timestamp', name, options)
/** `timestamp [(p)] with time zone`. */
export const timestamptz = (name?: string | Omit<TimeOptions, 'withTimezone'>, options?: Omit<TimeOptions, 'withTimezone'>): Column<DateValue> =>
  temporal('timestamp', name, { ...(typeof name === 'object' ? name : options), withTimezone: true })

export const interval = (name?: string): Column<string> => column('interval', name)
export const uuid = (name?: string): Column<string> => column('uuid', name)
export const json = (name?: string): Column<JsonValue> => column('json', name)
export const jsonb = (name?: string): Column<JsonValue> => column('jsonb', name)
export const bytea = (name?: string): Column<Uint8Array> => column('bytea', name)

/**
 * Any other type, spelled as PostgreSQL would print it (`inet`, `tsvector`, `citext` from an extension...).
 * PostgreSQL checks the name when the models are built.
 */
export const customType = <TData = string>(type: string, name?: string): Column<TData> =>
  column(type.trim(), name, { problem: type.trim() === '' ? 'customType needs a type name' : null })

function temporal(kind: 'time' | 'timestamp', nameOrOptions: string | TimeOptions | undefined, given?: TimeOptions): Column<DateValue> {
  const name = typeof nameOrOptions === 'string' ? nameOrOptions : undefined
  const options = given ?? (typeof nameOrOptions === 'object' ? nameOrOptions : {})
  const p = options.precision
  const problem = p !== undefined && (!Number.isInteger(p) || p < 0 || p > 6) ? `${kind} precision must be an integer from 0 to 6, got ${p}` : null
  return column(`${kind}${p === undefined ? '' : `(${p})`} ${options.withTimezone ? 'with' : 'without'} time zone`, name, { problem })
}

function lengthProblem(type: string, length: number | undefined): string | null {
  if (length === undefined || (Number.isInteger(length) && length >= 1 && length <= 10_485_760)) return null
  return `${type} length must be an integer from 1 to 10485760, got ${length}`
}
