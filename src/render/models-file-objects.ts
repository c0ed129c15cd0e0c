// Views, materialized views, functions, procedures, triggers, event triggers and grants in a models file, each
// object as the SQL PostgreSQL prints for it: the models build it and read it back, so the spelling never differs.
import type { Grant, Schema, SchemaObject } from '../schema/schema.js'
import { keyOfObject, objectName } from '../schema/objects.js'
import { propertyAccess, stringLiteral } from './model-names.js'
import { optionsArg, sqlOf, use, type Context } from './models-file-context.js'

/** One declaration per object; a materialized view's indexes go with it. */
export function objectDeclarations(objects: readonly SchemaObject[], variable: (o: SchemaObject) => string, ctx: Context): string[] {
  return readingOrder(objects).flatMap((o) => {
    const text = objectText(o, objects, ctx)
    return text === null ? [] : [`export const ${variable(o)} = ${text}`]
  })
}

const kindOrder = ['function', 'procedure', 'view', 'materialized_view', 'view_index', 'trigger', 'event_trigger']

/** Routines, then views, then triggers; within a kind, what an object depends on before it where there is no cycle. */
function readingOrder(objects: readonly SchemaObject[]): SchemaObject[] {
  const sorted = [...objects].sort((a, b) => kindOrder.indexOf(a.kind) - kindOrder.indexOf(b.kind))
  const byKey = new Map(sorted.map((o) => [keyOfObject(o), o]))
  const done = new Set<SchemaObject>()
  const out: SchemaObject[] = []
  const visit = (o: SchemaObject, path: Set<SchemaObject>) => {
    if (done.has(o) || path.has(o)) return
    path.add(o)
    for (const key of o.dependsOn) {
      const dep = byKey.get(key)
      if (dep && dep.kind === o.kind) visit(dep, path)
    }
    done.add(o)
    out.push(o)
  }
  sorted.forEach((o) => visit(o, new Set()))
  return out
}

function objectText(o: SchemaObject, all: readonly SchemaObject[], ctx: Context): string | null {
  switch (o.kind) {
    case 'view':
    case 'materialized_view':
      return viewText(o, all, ctx)
    case 'function':
    case 'procedure':
      return `${use(o.kind === 'function' ? 'sqlFunction' : 'sqlProcedure', ctx)}(${sqlOf(o.definition, ctx)}${commentOption(o)})`
    case 'trigger':
    case 'event_trigger':
      return `${use(o.kind === 'trigger' ? 'trigger' : 'eventTrigger', ctx)}(${sqlOf(o.definition, ctx)}${optionsArg([comment(o), enabledOption(o)])})`
    case 'view_index':
      if (o.comment !== null) ctx.omitted.push(`${objectName(o)} has a comment: materializedView()'s indexes take none`)
      return null
  }
}

function comment(o: SchemaObject): [string, string | undefined] {
  return ['comment', o.comment === null ? undefined : stringLiteral(o.comment)]
}

function commentOption(o: SchemaObject): string {
  return optionsArg([comment(o)])
}

function enabledOption(o: SchemaObject): [string, string | undefined] {
  return ['enabled', o.enabled === null || o.enabled === 'enabled' ? undefined : o.enabled === 'disabled' ? 'false' : stringLiteral(o.enabled)]
}

/** view(name, body, { with }) or materializedView(name, body, { indexes }) from `CREATE [MATERIALIZED] VIEW name [WITH (...)] AS body`. */
function viewText(o: SchemaObject, all: readonly SchemaObject[], ctx: Context): string | null {
  const m = /^CREATE (?:MATERIALIZED )?VIEW .+? (?:WITH \((.*?)\) )?AS\n([\s\S]*)$/.exec(o.definition)
  if (!m) {
    ctx.omitted.push(`${objectName(o)}: its definition does not read as CREATE VIEW name AS query: ${o.definition}`)
    return null
  }
  const schema: [string, string | undefined] = ['schema', o.schema === 'public' ? undefined : stringLiteral(o.schema)]
  if (o.kind === 'view') return `${use('view', ctx)}(${stringLiteral(o.name)}, ${sqlOf(m[2]!, ctx)}${optionsArg([schema, comment(o), ['with', m[1] === undefined ? undefined : stringLiteral(m[1])]])})`
  if (m[1] !== undefined) ctx.omitted.push(`${objectName(o)} has WITH (${m[1]}): materializedView() takes no storage parameters`)
  const indexes = all.filter((x) => x.kind === 'view_index' && x.schema === o.schema && x.on === o.name).map((x) => `    ${stringLiteral(x.definition)},`)
  const indexOption = indexes.length ? `[\n${indexes.join('\n')}\n  ]` : undefined
  return `${use('materializedView', ctx)}(${stringLiteral(o.name)}, ${sqlOf(m[2]!, ctx)}${optionsArg([schema, comment(o), ['indexes', indexOption]])})`
}

/** grant(privileges).on(...).to(role), one per object, role and grant option. */
export function grantsDeclaration(schema: Schema, variable: string, ctx: Context): string | null {
  const groups = new Map<string, { grant: Grant; privileges: string[] }>()
  // what every database starts with, in the models' scratch database as in this one: EXECUTE on each routine, and
  // the public schema's own privileges, for PUBLIC
  const implied = (g: Grant) => g.grantee === 'PUBLIC' && !g.grantable && ((g.on === 'routine' && g.privilege === 'EXECUTE') || (g.on === 'schema' && g.schema === 'public'))
  for (const g of schema.grants.filter((x) => !implied(x))) {
    const key = JSON.stringify([g.on, g.schema, g.name, g.column, g.grantee, g.grantable])
    const group = groups.get(key) ?? { grant: g, privileges: [] }
    group.privileges.push(g.privilege)
    groups.set(key, group)
  }
  const lines = [...groups.values()].flatMap(({ grant, privileges }) => {
    const target = grantTarget(grant, ctx)
    if (target === null) return []
    return [`  ${use('grant', ctx)}(${privileges.map(stringLiteral).join(', ')})${target}.to(${stringLiteral(grant.grantee)})${grant.grantable ? '.withGrantOption()' : ''},`]
  })
  return lines.length ? `export const ${variable} = [\n${lines.join('\n')}\n]` : null
}

function grantTarget(g: Grant, ctx: Context): string | null {
  const inSchema = (name: string) => stringLiteral(g.schema === 'public' ? name : `${g.schema}.${name}`)
  if (g.on === 'sequence') return `.onSequence(${inSchema(g.name)})`
  if (g.on === 'routine') return `.onRoutine(${inSchema(g.name)})`
  if (g.on === 'schema') return `.onSchema(${stringLiteral(g.schema)})`
  const t = ctx.tables.find((x) => x.schema === g.schema && x.name === g.name)
  const what = `${g.privilege} on ${g.schema === 'public' ? '' : `${g.schema}.`}${g.name}${g.column === null ? '' : `.${g.column}`} to ${g.grantee}`
  if (!t) {
    ctx.omitted.push(`grant ${what}: grant().on() takes a table of the models, not a view`)
    return null
  }
  const v = ctx.tableVars.get(t)!
  if (g.column === null) return `.on(${v})`
  return `.on(${propertyAccess(`${v}.columns`, ctx.props.get(t)!.get(g.column) ?? g.column)})`
}
