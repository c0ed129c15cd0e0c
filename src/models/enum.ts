import { qualified } from '../render/ident.js'
import { column, type Column } from './column.js'
import { entity } from './entity.js'

export interface EnumOptions {
  /** Schema of the type; `public` when unset. */
  readonly schema?: string
  readonly comment?: string
}

/** A PostgreSQL enum type. Call it to declare a column of that type: `mood()` or `mood('current_mood')`. */
export interface EnumType<TValues extends readonly string[] = readonly string[]> {
  (name?: string): Column<TValues[number]>
  readonly [entity]: 'enum'
  readonly name: string
  readonly schema: string
  readonly values: TValues
  readonly comment: string | null
}

/** Declares `CREATE TYPE name AS ENUM (...)`; export it (or use it in an exported table) to include it. */
export function enumType<const TValues extends readonly string[]>(name: string, values: TValues, options: EnumOptions = {}): EnumType<TValues> {
  const schema = options.schema ?? 'public'
  const comment = options.comment ?? null
  const make = (columnName?: string) => column<TValues[number]>(qualified(schema, name), columnName, { enum: { schema, name, values, comment } })
  Object.defineProperty(make, 'name', { value: name })
  return Object.assign(make, {
    [entity]: 'enum' as const,
    schema,
    values,
    comment,
  }) as unknown as EnumType<TValues>
}
