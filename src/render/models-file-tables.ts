// A table's declaration in a models file: columns, keys, checks, exclusions, indexes, policies and table options.
import { columnsAddition, defaultName } from '../models/names.js'
import { indexParts, splitTopLevel, unwrap } from './index-parts.js'
import { propertyAccess, propertyKey, stringLiteral } from './model-names.js'
import type { Check, Column, Deferral, Exclusion, ForeignKey, Index, Policy, PrimaryKey, Table, Unique } from '../schema/schema.js'
import { qualifiedName } from '../schema/schema.js'
import { objectText, optionsArg, sqlOf, use, type Context } from './models-file-context.js'
import { collateCall, defaultText, typeCall } from './models-file-types.js'

/** What a table declares on its columns, and what it declares in its constraints list. */
interface Placement {
  readonly columnPk: string | null
  readonly columnUniques: Map<string, Unique>
  readonly columnRefs: Map<string, ForeignKey>
}

export function tableDeclaration(t: Table, ctx: Context): string {
  const place = placement(t)
  const props = ctx.props.get(t)!
  const columns = t.columns.map((c) => `  ${propertyKey(props.get(c.name)!)}: ${columnText(t, c, place, ctx)},`)
  const constraints = [
    ...(t.primaryKey && place.columnPk === null ? [primaryKeyText(t, t.primaryKey, ctx)] : []),
    ...t.uniques.filter((u) => ![...place.columnUniques.values()].includes(u)).map((u) => uniqueText(t, u, ctx)),
    ...t.foreignKeys.filter((fk) => ![...place.columnRefs.values()].includes(fk)).map((fk) => foreignKeyText(t, fk, ctx)),
    ...t.checks.map((c) => checkText(t, c, ctx)),
    ...t.exclusions.map((x) => exclusionText(x, ctx)),
    ...t.indexes.map((ix) => indexText(t, ix, ctx)),
    ...t.policies.map((p) => policyText(p, ctx)),
  ].filter((x): x is string => x !== null)
  const third = constraints.length ? `, (t) => [\n${constraints.map((c) => `  ${c},`).join('\n')}\n]` : ''
  const options = optionsArg([['schema', t.schema === 'public' ? undefined : stringLiteral(t.schema)], ['comment', t.comment === null ? undefined : stringLiteral(t.comment)], ...tableOptions(t, ctx)])
  return `export const ${ctx.tableVars.get(t)} = table(${stringLiteral(t.name)}, ${columns.length ? `{\n${columns.join('\n')}\n}` : '{}'}${third}${options})`
}

/** Partitioning, inheritance, persistence and row-level security, as TableOptions say them. */
function tableOptions(t: Table, ctx: Context): [string, string | undefined][] {
  const variable = (ref: { schema: string; name: string }) => {
    const parent = ctx.tables.find((x) => x.schema === ref.schema && x.name === ref.name)
    return parent ? ctx.tableVars.get(parent)! : undefined
  }
  const bound = t.partitionOf?.bound
  return [
    ['partitionBy', t.partitionBy === null ? undefined : stringLiteral(t.partitionBy)],
    ['partitionOf', t.partitionOf ? variable(t.partitionOf) : undefined],
    ['forValues', bound === undefined ? undefined : stringLiteral(bound === 'DEFAULT' ? 'default' : bound.replace(/^FOR VALUES /, ''))],
    ['inherits', t.inherits.length ? `[${t.inherits.map(variable).join(', ')}]` : undefined],
    ['unlogged', t.unlogged ? 'true' : undefined],
    ['rowLevelSecurity', t.rowLevelSecurity === 'disabled' ? undefined : stringLiteral(t.rowLevelSecurity)],
  ]
}

function policyText(p: Policy, ctx: Context): string {
  const roles = p.roles.length === 1 && p.roles[0] === 'public' ? undefined : `[${p.roles.map(stringLiteral).join(', ')}]`
  return `${use('policy', ctx)}(${stringLiteral(p.name)}${optionsArg([
    ['for', p.command === 'all' ? undefined : stringLiteral(p.command)],
    ['as', p.permissive ? undefined : stringLiteral('restrictive')],
    ['to', roles],
    ['using', p.using === null ? undefined : sqlOf(p.using, ctx)],
    ['withCheck', p.withCheck === null ? undefined : sqlOf(p.withCheck, ctx)],
  ])})`
}

/** Single-column keys go on their column (`.primaryKey()`, `.unique()`, `.references()`) when the column form says all of them. */
function placement(t: Table): Placement {
  const pk = t.primaryKey
  const columnPk = pk && pk.columns.length === 1 && pk.deferral === 'not deferrable' && !pk.include.length && pk.name === defaultName(t.name, null, 'pkey') ? pk.columns[0]! : null
  const columnUniques = new Map<string, Unique>()
  for (const u of t.uniques) if (u.columns.length === 1 && u.deferral === 'not deferrable' && !u.include.length && !columnUniques.has(u.columns[0]!)) columnUniques.set(u.columns[0]!, u)
  const columnRefs = new Map<string, ForeignKey>()
  for (const fk of t.foreignKeys) if (fk.columns.length === 1 && !columnRefs.has(fk.columns[0]!)) columnRefs.set(fk.columns[0]!, fk)
  return { columnPk, columnUniques, columnRefs }
}

function columnText(t: Table, c: Column, place: Placement, ctx: Context): string {
  const where = `column ${qualifiedName(t)}.${c.name}`
  const prop = ctx.props.get(t)!.get(c.name)!
  let text = typeCall(c.type, prop === c.name ? null : c.name, ctx)
  const serial = /^(small|big)?serial$/.test(c.type)
  if (place.columnPk === c.name) text += '.primaryKey()'
  else if (c.notNull && !serial && c.identity === null) text += '.notNull()'
  if (serial && !c.notNull) ctx.omitted.push(`${where} is a ${c.type} that allows NULL: a serial column is always NOT NULL in the model language`)
  if (c.default !== null) text += `.default(${defaultText(c, ctx)})`
  if (c.collation !== undefined) text += collateCall(c.collation, `${where} is collated ${c.collation}`, ctx)
  if (c.generated !== null) text += `.generatedAlwaysAs(${sqlOf(c.generated, ctx)})`
  if (c.identity === 'always') text += '.generatedAlwaysAsIdentity()'
  if (c.identity === 'by default') text += '.generatedByDefaultAsIdentity()'
  const unique = place.columnUniques.get(c.name)
  if (unique) {
    const options = objectText([
      ['name', unique.name === defaultName(t.name, c.name, 'key') ? undefined : stringLiteral(unique.name)],
      ['nullsNotDistinct', unique.nullsNotDistinct ? 'true' : undefined],
    ])
    text += `.unique(${options})`
  }
  const fk = place.columnRefs.get(c.name)
  if (fk) text += `.references(${referenceTarget(t, fk, ctx, false)}${referenceOptions(t, fk, true)})`
  if (c.comment !== null) text += `.comment(${stringLiteral(c.comment)})`
  if (c.default !== null && /\bnextval\(/.test(c.default) && !serial && !ctx.nextvals.has(c.default)) {
    ctx.omitted.push(`${where} defaults to ${c.default}: the models do not create that sequence, so the default fails where the models are built unless a migration does`)
  }
  return text
}

/** `() => user.columns.id`; typed `(): AnyColumn` where TypeScript could not infer it (a table not declared before). */
function referenceTarget(t: Table, fk: ForeignKey, ctx: Context, list: boolean): string {
  const target = ctx.tables.find((x) => x.schema === fk.refSchema && x.name === fk.refTable)
  if (!target) {
    const path = stringLiteral([...(fk.refSchema === 'public' ? [] : [fk.refSchema]), fk.refTable, fk.refColumns[0]].join('.'))
    return list ? `() => []` : path
  }
  const v = ctx.tableVars.get(target)!
  const columns = fk.refColumns.map((c) => propertyAccess(`${v}.columns`, ctx.props.get(target)!.get(c) ?? c))
  const annotate = ctx.typescript && ctx.order.get(target)! >= ctx.order.get(t)!
  if (annotate) ctx.used.add('AnyColumn')
  const type = annotate ? (list ? '(): readonly AnyColumn[]' : '(): AnyColumn') : '()'
  return `${type} => ${list ? `[${columns.join(', ')}]` : columns[0]}`
}

function referenceOptions(t: Table, fk: ForeignKey, named: boolean): string {
  const options = objectText([
    ['onDelete', fk.onDelete === 'no action' ? undefined : stringLiteral(fk.onDelete)],
    ['onUpdate', fk.onUpdate === 'no action' ? undefined : stringLiteral(fk.onUpdate)],
    ['name', named && fk.name !== defaultName(t.name, columnsAddition(fk.columns), 'fkey') ? stringLiteral(fk.name) : undefined],
    ...deferralOptions(fk.deferral),
    ['match', fk.match === 'full' ? stringLiteral('full') : undefined],
    ['notValid', fk.notValid ? 'true' : undefined],
  ])
  return options ? `, ${options}` : ''
}

function deferralOptions(deferral: Deferral): [string, string | undefined][] {
  return deferral === 'not deferrable' ? [] : deferral === 'deferrable' ? [['deferrable', 'true']] : [['initiallyDeferred', 'true']]
}

function columnsOf(t: Table, columns: readonly string[], ctx: Context): string {
  return columns.map((c) => propertyAccess('t', ctx.props.get(t)!.get(c)!)).join(', ')
}

function nameArg(name: string, fallback: string): string {
  return name === fallback ? '' : stringLiteral(name)
}

function deferrableCall(deferral: Deferral): string {
  return deferral === 'not deferrable' ? '' : deferral === 'deferrable' ? '.deferrable()' : '.deferrable({ initiallyDeferred: true })'
}

function includeCall(t: Table, include: readonly string[], ctx: Context): string {
  return include.length ? `.include(${columnsOf(t, include, ctx)})` : ''
}

function primaryKeyText(t: Table, pk: PrimaryKey, ctx: Context): string {
  ctx.used.add('primaryKey')
  return `primaryKey(${nameArg(pk.name, defaultName(t.name, null, 'pkey'))}).on(${columnsOf(t, pk.columns, ctx)})${includeCall(t, pk.include, ctx)}${deferrableCall(pk.deferral)}`
}

function uniqueText(t: Table, u: Unique, ctx: Context): string {
  ctx.used.add('unique')
  const name = nameArg(u.name, defaultName(t.name, columnsAddition(u.columns), 'key'))
  return `unique(${name}).on(${columnsOf(t, u.columns, ctx)})${u.nullsNotDistinct ? '.nullsNotDistinct()' : ''}${includeCall(t, u.include, ctx)}${deferrableCall(u.deferral)}`
}

function foreignKeyText(t: Table, fk: ForeignKey, ctx: Context): string {
  ctx.used.add('foreignKey')
  const name = nameArg(fk.name, defaultName(t.name, columnsAddition(fk.columns), 'fkey'))
  return `foreignKey(${name}).on(${columnsOf(t, fk.columns, ctx)}).references(${referenceTarget(t, fk, ctx, true)}${referenceOptions(t, fk, false)})`
}

function checkText(t: Table, c: Check, ctx: Context): string | null {
  const m = /^CHECK \((.*)\)( NOT VALID)?$/s.exec(c.definition)
  if (!m) {
    ctx.omitted.push(`check ${c.name} on ${qualifiedName(t)}: check() declares CHECK (expression) only: ${c.definition}`)
    return null
  }
  ctx.used.add('check')
  return `check(${stringLiteral(c.name)}, ${sqlOf(unwrap(m[1]!), ctx)}${m[2] ? ', { notValid: true }' : ''})`
}

function exclusionText(x: Exclusion, ctx: Context): string {
  ctx.used.add('exclude')
  return `exclude(${stringLiteral(x.name)}, ${sqlOf(x.definition.replace(/^EXCLUDE /, ''), ctx)})`
}

/** index()/uniqueIndex() from pg_get_indexdef; null, with the reason recorded, when the builder cannot say it. */
function indexText(t: Table, ix: Index, ctx: Context): string | null {
  const parts = indexParts(ix.definition)
  const extra = indexExtra(parts?.extra ?? '')
  const odd = parts?.elements.find((e) => e.rest !== '' && e.rest !== 'DESC')
  const cannot = !parts ? 'its definition does not read as CREATE INDEX ... USING ... (...)'
    : extra.rest ? `it has ${extra.rest}, which index() cannot declare`
      : odd ? `element ${odd.expression} has ${odd.rest}, which index().on() cannot declare` : null
  if (cannot !== null || !parts) {
    ctx.omitted.push(`index ${ix.name} on ${qualifiedName(t)}: ${cannot}: ${ix.definition}`)
    return null
  }
  const props = ctx.props.get(t)!
  const nameParts: string[] = []
  const elements = parts.elements.map((e) => {
    let text: string
    if (e.column !== null && props.has(e.column)) {
      text = propertyAccess('t', props.get(e.column)!)
      nameParts.push(e.column)
    } else {
      const expression = e.column !== null ? e.expression : unwrap(e.expression)
      text = sqlOf(expression, ctx)
      nameParts.push(/^\s*([a-z_][a-z0-9_]*)\s*\(/i.exec(expression)?.[1]?.toLowerCase() ?? 'expr')
    }
    if (e.rest === 'DESC') ctx.used.add('desc')
    return e.rest === 'DESC' ? `desc(${text})` : text
  })
  const fn = ix.unique ? 'uniqueIndex' : 'index'
  ctx.used.add(fn)
  let text = `${fn}(${nameArg(ix.name, defaultName(t.name, columnsAddition(nameParts), 'idx'))}).on(${elements.join(', ')})`
  if (ix.method !== 'btree') text += `.using(${stringLiteral(ix.method)})`
  if (extra.include.length) text += `.include(${extra.include.map((c) => propertyAccess('t', props.get(c) ?? c)).join(', ')})`
  if (extra.nullsNotDistinct) text += '.nullsNotDistinct()'
  if (parts.where !== null) text += `.where(${sqlOf(parts.where, ctx)})`
  return text
}

/** INCLUDE (columns) and NULLS NOT DISTINCT out of what pg_get_indexdef prints after the elements; the rest cannot be declared. */
function indexExtra(text: string): { include: string[]; nullsNotDistinct: boolean; rest: string } {
  let rest = text
  let include: string[] = []
  const inc = /INCLUDE \(((?:[^()"]|"(?:[^"]|"")*")*)\)/.exec(rest)
  if (inc) {
    include = splitTopLevel(inc[1]!).map((c) => /^"(.*)"$/.exec(c)?.[1]!.replace(/""/g, '"') ?? c)
    rest = rest.replace(inc[0], '')
  }
  const nullsNotDistinct = / ?NULLS NOT DISTINCT/.test(rest)
  rest = rest.replace(/ ?NULLS NOT DISTINCT/, '').trim()
  return { include, nullsNotDistinct, rest }
}
