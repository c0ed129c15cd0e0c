// Types in a models file: how a column's type is called, and the declarations of enums, schemas, extensions,
// sequences, domains, composite types and collations.
import type { Collation, CompositeType, Domain, EnumType, Extension, Sequence } from '../schema/schema.js'
import type { Column } from '../schema/schema.js'
import { qualified } from './ident.js'
import { unwrap } from './index-parts.js'
import { propertyKey, stringLiteral } from './model-names.js'
import { objectText, optionsArg, sqlOf, use, type Context } from './models-file-context.js'

const simpleTypes: Readonly<Record<string, string>> = {
  smallint: 'smallint', integer: 'integer', bigint: 'bigint', smallserial: 'smallserial', serial: 'serial', bigserial: 'bigserial',
  text: 'text', boolean: 'boolean', real: 'real', 'double precision': 'doublePrecision', date: 'date', interval: 'interval',
  uuid: 'uuid', json: 'json', jsonb: 'jsonb', bytea: 'bytea', numeric: 'numeric', 'character varying': 'varchar',
}

/** The type function's call for a type as PostgreSQL prints it; `name` is the SQL name when it is not the property's. */
export function typeCall(type: string, name: string | null, ctx: Context): string {
  if (type.endsWith('[]')) return `${typeCall(type.slice(0, -2), name, ctx)}.array()`
  const n = name === null ? [] : [stringLiteral(name)]
  const call = (fn: string, args: string[]) => {
    ctx.used.add(fn)
    return `${fn}(${args.join(', ')})`
  }
  const typeVar = ctx.typeVars.get(type)
  if (typeVar) return `${typeVar}(${n.join(', ')})`
  if (simpleTypes[type]) return call(simpleTypes[type]!, n)
  let m = /^character varying\((\d+)\)$/.exec(type)
  if (m) return call('varchar', [m[1]!, ...n])
  m = /^character\((\d+)\)$/.exec(type)
  if (m) return call('char', [m[1]!, ...n])
  m = /^numeric\((\d+),(-?\d+)\)$/.exec(type)
  if (m) return call('numeric', [m[1]!, m[2]!, ...n])
  m = /^(time|timestamp)(?:\((\d)\))? (with|without) time zone$/.exec(type)
  if (m) {
    const zoned = m[1] === 'timestamp' && m[3] === 'with'
    const options = objectText([['withTimezone', m[3] === 'with' && !zoned ? 'true' : undefined], ['precision', m[2]]])
    return call(zoned ? 'timestamptz' : m[1]!, [...n, ...(options ? [options] : [])])
  }
  return call('customType', [stringLiteral(type), ...n])
}

const numberTypes = new Set(['smallint', 'integer', 'bigint', 'numeric', 'real', 'double precision'])
/** Types whose literal defaults the model language takes as strings (others take numbers, booleans, JSON or bytes). */
const noStringDefault = new Set(['smallint', 'integer', 'boolean', 'real', 'double precision', 'json', 'jsonb', 'bytea'])

/** A literal default as the JavaScript value that renders back to the same text, else the expression as sql`...`. */
export function defaultText(c: Column, ctx: Context): string {
  const base = c.type.replace(/\(.*\)$/, '')
  const d = c.default!
  const quoted = /^'((?:[^']|'')*)'::(.+)$/.exec(d)
  const literal = quoted && quoted[2] === base ? quoted[1]!.replace(/''/g, "'") : d
  if (!c.type.endsWith('[]')) {
    if (numberTypes.has(base) && /^-?\d+(\.\d+)?$/.test(literal) && String(Number(literal)) === literal) return literal
    if (base === 'boolean' && (d === 'true' || d === 'false')) return d
    if (quoted && quoted[2] === base && !noStringDefault.has(base)) return stringLiteral(literal)
  }
  const sequence = ctx.nextvals.get(d)
  return sequence ? `${sequence}.nextval()` : sqlOf(d, ctx)
}

/** `.collate(ci)` for a declared collation, `.collate('C')` for one of the server's; '' (and why) for one it cannot name. */
export function collateCall(collation: string, what: string, ctx: Context): string {
  const declared = ctx.collationVars.get(collation)
  if (declared) return `.collate(${declared})`
  const name = /^"((?:[^"]|"")*)"$/.exec(collation)?.[1]?.replace(/""/g, '"') ?? (/^[a-z_][a-z0-9_$]*$/.test(collation) ? collation : null)
  if (name !== null) return `.collate(${stringLiteral(name)})`
  ctx.omitted.push(`${what}: collate() names a collation of the models or one in the search path only`)
  return ''
}

const schemaOption = (schema: string): [string, string | undefined] => ['schema', schema === 'public' ? undefined : stringLiteral(schema)]

export function enumDeclaration(e: EnumType, variable: string, ctx: Context): string {
  const values = `[${e.values.map(stringLiteral).join(', ')}]`
  return `export const ${variable} = ${use('enumType', ctx)}(${stringLiteral(e.name)}, ${values}${optionsArg([schemaOption(e.schema), ['comment', e.comment === null ? undefined : stringLiteral(e.comment)]])})`
}

export function schemaDeclaration(name: string, variable: string, ctx: Context): string {
  return `export const ${variable} = ${use('schema', ctx)}(${stringLiteral(name)})`
}

export function extensionDeclaration(e: Extension, variable: string, ctx: Context): string {
  return `export const ${variable} = ${use('extension', ctx)}(${stringLiteral(e.name)}${optionsArg([['version', e.version ? stringLiteral(e.version) : undefined], schemaOption(e.schema)])})`
}

const typeRange: Readonly<Record<string, [bigint, bigint]>> = {
  smallint: [-32768n, 32767n], integer: [-2147483648n, 2147483647n], bigint: [-9223372036854775808n, 9223372036854775807n],
}

/** Each option that is not what CREATE SEQUENCE would choose given the others. */
export function sequenceDeclaration(s: Sequence, variable: string, ctx: Context): string {
  const [typeMin, typeMax] = typeRange[s.type] ?? typeRange.bigint!
  const [increment, min, max] = [BigInt(s.increment), BigInt(s.min), BigInt(s.max)]
  const ascending = increment > 0n
  const number = (value: string, fallback: bigint) => (BigInt(value) === fallback ? undefined : numberLiteral(value))
  const owner = s.ownedBy ? stringLiteral([...(s.ownedBy.schema === 'public' ? [] : [s.ownedBy.schema]), s.ownedBy.table, s.ownedBy.column].join('.')) : undefined
  return `export const ${variable} = ${use('sequence', ctx)}(${stringLiteral(s.name)}${optionsArg([
    schemaOption(s.schema),
    ['as', s.type === 'bigint' ? undefined : stringLiteral(s.type)],
    ['start', number(s.start, ascending ? min : max)],
    ['increment', number(s.increment, 1n)],
    ['min', number(s.min, ascending ? 1n : typeMin)],
    ['max', number(s.max, ascending ? typeMax : -1n)],
    ['cache', number(s.cache, 1n)],
    ['cycle', s.cycle ? 'true' : undefined],
    ['ownedBy', owner],
  ])})`
}

/** A number, or a bigint literal where a JavaScript number would lose digits. */
function numberLiteral(value: string): string {
  return Number.isSafeInteger(Number(value)) ? String(Number(value)) : `${value}n`
}

export function domainDeclaration(d: Domain, variable: string, ctx: Context): string {
  const checks: string[] = []
  for (const c of d.checks) {
    const m = /^CHECK \((.*)\)$/s.exec(c.definition)
    if (m) checks.push(`${propertyKey(c.name)}: ${sqlOf(unwrap(m[1]!), ctx)}`)
    else ctx.omitted.push(`check ${c.name} on domain ${qualified(d.schema, d.name)}: checks declares CHECK (expression) only: ${c.definition}`)
  }
  const collate = d.collation === null ? undefined : collateCall(d.collation, `domain ${qualified(d.schema, d.name)} is collated ${d.collation}`, ctx).replace(/^\.collate\((.*)\)$/, '$1') || undefined
  return `export const ${variable} = ${use('domain', ctx)}(${stringLiteral(d.name)}, ${stringLiteral(d.type)}${optionsArg([
    schemaOption(d.schema),
    ['default', d.default === null ? undefined : sqlOf(d.default, ctx)],
    ['notNull', d.notNull ? 'true' : undefined],
    ['checks', checks.length ? `{ ${checks.join(', ')} }` : undefined],
    ['collate', collate],
  ])})`
}

export function compositeDeclaration(c: CompositeType, variable: string, ctx: Context): string {
  const attributes = c.attributes.map((a) => {
    const collate = a.collation === null ? '' : collateCall(a.collation, `attribute ${qualified(c.schema, c.name)}.${a.name} is collated ${a.collation}`, ctx)
    return `${propertyKey(a.name)}: ${typeCall(a.type, null, ctx)}${collate}`
  })
  return `export const ${variable} = ${use('compositeType', ctx)}(${stringLiteral(c.name)}, ${attributes.length ? `{ ${attributes.join(', ')} }` : '{}'}${optionsArg([schemaOption(c.schema)])})`
}

export function collationDeclaration(c: Collation, variable: string, ctx: Context): string {
  const same = c.lcCollate === c.lcCtype
  return `export const ${variable} = ${use('collation', ctx)}(${stringLiteral(c.name)}, ${objectText([
    schemaOption(c.schema),
    ['provider', c.provider === 'libc' ? undefined : stringLiteral(c.provider)],
    ['locale', c.locale !== null ? stringLiteral(c.locale) : same && c.lcCollate !== null ? stringLiteral(c.lcCollate) : undefined],
    ['lcCollate', !same && c.lcCollate !== null && c.locale === null ? stringLiteral(c.lcCollate) : undefined],
    ['lcCtype', !same && c.lcCtype !== null && c.locale === null ? stringLiteral(c.lcCtype) : undefined],
    ['deterministic', c.deterministic ? undefined : 'false'],
  ]) || '{}'})`
}
