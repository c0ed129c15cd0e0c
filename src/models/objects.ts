// Views, materialized views, functions, procedures, triggers and event triggers in the model language, each as the
// SQL that creates it. The models are built in a scratch database and read back, so PostgreSQL's own printing of
// the definitions is what check compares, and the spelling used here never counts as a difference.
import { qualified } from '../render/ident.js'
import type { Enabled, ObjectKind, SchemaObject } from '../schema/objects.js'
import { objectKey } from '../schema/objects.js'
import { entity, entityKind } from './entity.js'
import { expressionSql } from './expression.js'
import { sql, type SqlExpression } from './sql.js'

/** One declared object (a materialized view brings its indexes along); export it to include it. */
export interface ObjectDeclaration {
  readonly [entity]: 'object'
  readonly objects: readonly SchemaObject[]
  /** What is wrong with the declaration, for the models' problems; null when it is sound. */
  readonly problem: string | null
}

/** SQL that runs before the models' tables, for what the model language cannot say (extensions, domains, ...). */
export interface RawSqlDeclaration {
  readonly [entity]: 'raw_sql'
  readonly sql: string
}

/** SQL text, or sql`...` in which tables, views and columns stand for their names. */
export type ObjectBody = string | SqlExpression

export interface ViewOptions {
  /** Schema of the view; `public` when unset. */
  readonly schema?: string
  readonly comment?: string
  /** View options as CREATE VIEW ... WITH (...) takes them, e.g. `security_barrier` or `check_option=local`. */
  readonly with?: string
}

export interface MaterializedViewOptions extends Omit<ViewOptions, 'with'> {
  /** Its indexes, each as its CREATE INDEX statement. */
  readonly indexes?: readonly ObjectBody[]
}

export interface RoutineOptions {
  readonly comment?: string
}

export interface TriggerOptions {
  readonly comment?: string
  /** false (or 'disabled'): created disabled; 'replica' / 'always': fires in replica sessions / always. */
  readonly enabled?: boolean | Enabled
}

/** `view('active_user', sql\`SELECT * FROM ${user} WHERE active\`)`: CREATE VIEW active_user AS ... */
export function view(name: string, body: ObjectBody, options: ViewOptions = {}): ObjectDeclaration {
  const schema = options.schema ?? 'public'
  const withClause = options.with ? ` WITH (${options.with})` : ''
  return declared([relation('view', schema, name, `CREATE VIEW ${qualified(schema, name)}${withClause} AS ${bodySql(body)}`, options.comment)], null)
}

/** `materializedView('totals', sql\`SELECT ...\`, { indexes: ['CREATE UNIQUE INDEX totals_day ON totals (day)'] })`. */
export function materializedView(name: string, body: ObjectBody, options: MaterializedViewOptions = {}): ObjectDeclaration {
  const schema = options.schema ?? 'public'
  const mv = relation('materialized_view', schema, name, `CREATE MATERIALIZED VIEW ${qualified(schema, name)} AS ${bodySql(body)}`, options.comment)
  const problems: string[] = []
  const indexes = (options.indexes ?? []).map((ix): SchemaObject => {
    const text = bodySql(ix)
    const found = /^\s*CREATE\s+(?:UNIQUE\s+)?INDEX\s+(?:CONCURRENTLY\s+)?(?:IF\s+NOT\s+EXISTS\s+)?("(?:[^"]|"")+"|[\w$]+)\s+ON\b/i.exec(text)
    if (!found) problems.push(`materialized view ${shown(schema, name)}: index "${oneLine(text)}" must read CREATE [UNIQUE] INDEX name ON ...`)
    const indexName = found ? unquote(found[1]!) : ''
    return { ...relation('view_index', schema, indexName, text, undefined), on: name, dependsOn: [objectKey('materialized_view', schema, name)] }
  })
  return declared([mv, ...indexes], problems[0] ?? null)
}

/** `sqlFunction(\`CREATE FUNCTION add(a int, b int) RETURNS int LANGUAGE sql AS 'SELECT a + b'\`)`; procedures too. */
export function sqlFunction(definition: ObjectBody, options: RoutineOptions = {}): ObjectDeclaration {
  const text = bodySql(definition)
  const found = /^\s*CREATE\s+(?:OR\s+REPLACE\s+)?(FUNCTION|PROCEDURE)\s+((?:"(?:[^"]|"")+"|[\w$]+)(?:\s*\.\s*(?:"(?:[^"]|"")+"|[\w$]+))?)\s*\(/i.exec(text)
  if (!found) return declared([], `function "${oneLine(text)}" must read CREATE [OR REPLACE] FUNCTION name(...) or CREATE PROCEDURE name(...)`)
  const [schema, name] = splitName(found[2]!)
  const args = argumentsOf(text, found[0].length)
  const kind: ObjectKind = found[1]!.toUpperCase() === 'PROCEDURE' ? 'procedure' : 'function'
  return declared([{ kind, schema, name, on: args, definition: text, shape: [], enabled: null, comment: options.comment ?? null, dependsOn: [] }], null)
}

/** A procedure: `sqlProcedure(\`CREATE PROCEDURE archive() LANGUAGE sql AS $$ ... $$\`)`. */
export const sqlProcedure = sqlFunction

/** `trigger(\`CREATE TRIGGER stamp BEFORE UPDATE ON post FOR EACH ROW EXECUTE FUNCTION stamp()\`)`; constraint triggers too. */
export function trigger(definition: ObjectBody, options: TriggerOptions = {}): ObjectDeclaration {
  const text = bodySql(definition)
  const found = /^\s*CREATE\s+(?:OR\s+REPLACE\s+)?(?:CONSTRAINT\s+)?TRIGGER\s+("(?:[^"]|"")+"|[\w$]+)\s[\s\S]*?\bON\s+((?:"(?:[^"]|"")+"|[\w$]+)(?:\s*\.\s*(?:"(?:[^"]|"")+"|[\w$]+))?)/i.exec(text)
  if (!found) return declared([], `trigger "${oneLine(text)}" must read CREATE [CONSTRAINT] TRIGGER name ... ON table ...`)
  const [schema, table] = splitName(found[2]!)
  return declared([{
    kind: 'trigger', schema, name: unquote(found[1]!), on: table, definition: text, shape: [], enabled: enabledOf(options.enabled), comment: options.comment ?? null, dependsOn: [],
  }], null)
}

/** `eventTrigger(\`CREATE EVENT TRIGGER no_drops ON sql_drop EXECUTE FUNCTION refuse_drop()\`)`. */
export function eventTrigger(definition: ObjectBody, options: TriggerOptions = {}): ObjectDeclaration {
  const text = bodySql(definition)
  const found = /^\s*CREATE\s+EVENT\s+TRIGGER\s+("(?:[^"]|"")+"|[\w$]+)/i.exec(text)
  if (!found) return declared([], `event trigger "${oneLine(text)}" must read CREATE EVENT TRIGGER name ON event ...`)
  return declared([{
    kind: 'event_trigger', schema: '', name: unquote(found[1]!), on: '', definition: text, shape: [], enabled: enabledOf(options.enabled), comment: options.comment ?? null, dependsOn: [],
  }], null)
}

/** SQL the models run before their tables: rawSql`CREATE EXTENSION IF NOT EXISTS citext`. */
export function rawSql(text: TemplateStringsArray | ObjectBody, ...values: unknown[]): RawSqlDeclaration {
  const body = typeof text === 'string' || !Array.isArray(text) ? (text as ObjectBody) : sql(text as TemplateStringsArray, ...values)
  return { [entity]: 'raw_sql', sql: bodySql(body) }
}

function declared(objects: SchemaObject[], problem: string | null): ObjectDeclaration {
  return { [entity]: 'object', objects, problem }
}

function relation(kind: ObjectKind, schema: string, name: string, definition: string, comment: string | undefined): SchemaObject {
  return { kind, schema, name, on: '', definition, shape: [], enabled: null, comment: comment ?? null, dependsOn: [] }
}

function enabledOf(value: boolean | Enabled | undefined): Enabled {
  return value === undefined || value === true ? 'enabled' : value === false ? 'disabled' : value
}

/** The text of a body: tables and views interpolated in sql`...` become their (qualified) names. */
function bodySql(body: ObjectBody): string {
  if (typeof body === 'string') return body
  const named = (value: unknown): string | null => {
    const kind = entityKind(value)
    if (kind === 'table') {
      const t = value as { schema: string; name: string }
      return qualified(t.schema, t.name)
    }
    if (kind === 'object') {
      const o = (value as ObjectDeclaration).objects[0]
      return o ? qualified(o.schema, o.name) : null
    }
    return null
  }
  let text = body.strings[0] ?? ''
  body.values.forEach((value, i) => {
    text += (named(value) ?? expressionSql(sql(['', ''], value))) + (body.strings[i + 1] ?? '')
  })
  return text
}

/** The text between the parentheses that open at `from`, DEFAULT clauses left out (COMMENT ON does not take them). */
function argumentsOf(text: string, from: number): string {
  const args: string[] = []
  let depth = 1
  let current = ''
  for (let i = from; i < text.length && depth > 0; i++) {
    const c = text[i]!
    if (c === '(') depth++
    if (c === ')') depth--
    if (depth === 0 || (c === ',' && depth === 1)) {
      args.push(current)
      current = ''
    } else current += c
  }
  return args.map((a) => a.replace(/\s+(?:DEFAULT\b|=)[\s\S]*$/i, '').replace(/\s+/g, ' ').trim()).filter((a) => a !== '').join(', ')
}

function splitName(name: string): [string, string] {
  const parts = name.match(/"(?:[^"]|"")+"|[\w$]+/g)!.map(unquote)
  return parts.length === 2 ? [parts[0]!, parts[1]!] : ['public', parts[0]!]
}

function unquote(name: string): string {
  return name.startsWith('"') ? name.slice(1, -1).replace(/""/g, '"') : name.toLowerCase()
}

function shown(schema: string, name: string): string {
  return schema === 'public' ? name : `${schema}.${name}`
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > 80 ? `${flat.slice(0, 77)}...` : flat
}

