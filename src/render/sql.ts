import { compare } from '../compare/compare.js'
import type { EnumUsage, Operation } from '../ops/operation.js'
import { emptySchema, type Check, type Index, type Schema } from '../schema/schema.js'
import { alterColumn, columnDefinition } from './column-sql.js'
import { checkClause, exclusionClause, foreignKeyClause, indexStatement, primaryKeyClause, uniqueClause } from './constraint-sql.js'
import { ident, qualified, quoteLiteral } from './ident.js'
import { alterObject, createObject, dropObject } from './object-sql.js'
import { createTableHead, tableExtrasSql, tableOptionRenderers } from './table-option-sql.js'
import { typeRenderers } from './type-sql.js'

/** One SQL statement and the operation it comes from, so a report can say why the statement exists. */
export interface RenderedStatement {
  readonly sql: string
  readonly op: Operation
}

type Renderers = { readonly [K in Operation['kind']]: (op: Extract<Operation, { kind: K }>) => string[] }

/** SQL statements, in order, that carry out `ops`. */
export function renderSql(ops: readonly Operation[]): RenderedStatement[] {
  const out: RenderedStatement[] = []
  for (const op of ops) for (const sql of (renderers[op.kind] as (op: Operation) => string[])(op)) out.push({ sql, op })
  return out
}

/** The DDL that builds `schema` in an empty database: how models become a database. */
export function renderSchemaDdl(schema: Schema): RenderedStatement[] {
  return renderSql(compare(emptySchema, schema))
}

const renderers: Renderers = {
  create_schema: (op) => [`CREATE SCHEMA ${ident(op.schema)}`],
  drop_schema: (op) => [`DROP SCHEMA ${ident(op.schema)}`],
  create_enum: (op) => [
    `CREATE TYPE ${qualified(op.enum.schema, op.enum.name)} AS ENUM (${op.enum.values.map(quoteLiteral).join(', ')})`,
    ...comment('TYPE', qualified(op.enum.schema, op.enum.name), op.enum.comment, null),
  ],
  drop_enum: (op) => [`DROP TYPE ${qualified(op.enum.schema, op.enum.name)}`],
  alter_enum: (op) => alterEnum(op),
  set_enum_comment: (op) => comment('TYPE', qualified(op.enum.schema, op.enum.name), op.to, op.from),
  create_table: (op) => {
    const t = op.table
    const name = qualified(t.schema, t.name)
    const inlinePk = t.primaryKey?.columns.length === 1 && t.primaryKey.name === `${t.name}_pkey` && t.primaryKey.deferral === 'not deferrable' && !t.primaryKey.include.length ? t.primaryKey.columns[0] : undefined
    const lines: string[] = []
    for (const c of t.columns) lines.push(columnDefinition(c, c.name === inlinePk))
    if (t.primaryKey && inlinePk === undefined) lines.push(primaryKeyClause(t.name, t.primaryKey))
    for (const u of t.uniques) lines.push(uniqueClause(u))
    for (const c of t.checks) if (!notValid(c)) lines.push(checkClause(c))
    for (const x of t.exclusions) lines.push(exclusionClause(x))
    for (const fk of t.foreignKeys) if (!fk.notValid) lines.push(foreignKeyClause(fk))
    // NOT VALID means nothing in CREATE TABLE (there are no rows to skip): such constraints are added afterwards
    const out = [createTableHead(t, lines)]
    for (const check of t.checks) if (notValid(check)) out.push(renderers.add_check({ kind: 'add_check', table: t, check })[0]!)
    for (const foreignKey of t.foreignKeys) if (foreignKey.notValid) out.push(renderers.add_foreign_key({ kind: 'add_foreign_key', table: t, foreignKey })[0]!)
    for (const index of t.indexes) out.push(indexStatement(index))
    if (t.comment !== null) out.push(...comment('TABLE', name, t.comment, null))
    for (const c of t.columns) if (c.comment !== null) out.push(...comment('COLUMN', `${name}.${ident(c.name)}`, c.comment, null))
    out.push(...tableExtrasSql(t))
    return out
  },
  drop_table: (op) => [`DROP TABLE ${qualified(op.table.schema, op.table.name)}`],
  set_table_comment: (op) => comment('TABLE', qualified(op.table.schema, op.table.name), op.to, op.from),
  add_column: (op) => {
    const name = qualified(op.table.schema, op.table.name)
    return [
      `ALTER TABLE ${name} ADD COLUMN ${columnDefinition(op.column)}`,
      ...comment('COLUMN', `${name}.${ident(op.column.name)}`, op.column.comment, null),
    ]
  },
  drop_column: (op) => [`ALTER TABLE ${op.keptByChildren ? 'ONLY ' : ''}${qualified(op.table.schema, op.table.name)} DROP COLUMN ${ident(op.column.name)}`],
  alter_column: (op) => alterColumn(op),
  reorder_columns: (op) => [
    `-- ${qualified(op.table.schema, op.table.name)}: columns (${op.from.join(', ')}) should read (${op.to.join(', ')}); ` +
      'PostgreSQL cannot reorder columns, so recreate the table if the order matters',
  ],
  add_primary_key: (op) => [`ALTER TABLE ${qualified(op.table.schema, op.table.name)} ADD ${primaryKeyClause(op.table.name, op.primaryKey)}`],
  drop_primary_key: (op) => [dropConstraint(op.table, op.primaryKey.name)],
  add_unique: (op) => [`ALTER TABLE ${qualified(op.table.schema, op.table.name)} ADD ${uniqueClause(op.unique)}`],
  drop_unique: (op) => [dropConstraint(op.table, op.unique.name)],
  add_foreign_key: (op) => [`ALTER TABLE ${qualified(op.table.schema, op.table.name)} ADD ${foreignKeyClause(op.foreignKey)}`],
  drop_foreign_key: (op) => [dropConstraint(op.table, op.foreignKey.name)],
  add_check: (op) => [`ALTER TABLE ${qualified(op.table.schema, op.table.name)} ADD ${checkClause(op.check)}`],
  drop_check: (op) => [dropConstraint(op.table, op.check.name)],
  add_exclusion: (op) => [`ALTER TABLE ${qualified(op.table.schema, op.table.name)} ADD ${exclusionClause(op.exclusion)}`],
  drop_exclusion: (op) => [dropConstraint(op.table, op.exclusion.name)],
  create_index: (op) => [indexStatement(op.index)],
  drop_index: (op) => [`DROP INDEX ${qualified(op.table.schema, op.index.name)}`],
  create_object: createObject,
  drop_object: dropObject,
  alter_object: alterObject,
  ...tableOptionRenderers,
  ...typeRenderers,
}

function notValid(check: Check): boolean {
  return /\sNOT VALID$/.test(check.definition)
}

function dropConstraint(table: { schema: string; name: string }, name: string): string {
  return `ALTER TABLE ${qualified(table.schema, table.name)} DROP CONSTRAINT ${ident(name)}`
}

function comment(what: string, name: string, to: string | null, from: string | null): string[] {
  if (to === null && from === null) return []
  return [`COMMENT ON ${what} ${name} IS ${to === null ? 'NULL' : quoteLiteral(to)}`]
}

/**
 * Values only added: ADD VALUE, placed to keep the order. Anything else: rename the old type away, create the new
 * one, convert each column through text, drop the old type.
 */
function alterEnum(op: Extract<Operation, { kind: 'alter_enum' }>): string[] {
  const name = qualified(op.to.schema, op.to.name)
  const added = op.to.values.filter((v) => !op.from.values.includes(v))
  const kept = op.to.values.filter((v) => op.from.values.includes(v))
  if (JSON.stringify(kept) === JSON.stringify(op.from.values)) {
    // Added in the target's order, each one's predecessor is already there; only leading values need BEFORE.
    return added.map((value) => {
      const at = op.to.values.indexOf(value)
      const place =
        at === op.to.values.length - 1 ? '' : at === 0 ? ` BEFORE ${quoteLiteral(op.from.values[0]!)}` : ` AFTER ${quoteLiteral(op.to.values[at - 1]!)}`
      return `ALTER TYPE ${name} ADD VALUE ${quoteLiteral(value)}${place}`
    })
  }
  const old = `${op.from.name}__old`
  // Checks and indexes whose expressions name the type cannot follow the column to the new type: rebuild them.
  const checks = new Map<string, [EnumUsage['table'], Check]>()
  const indexes = new Map<string, [EnumUsage['table'], Index]>()
  for (const u of op.usages) {
    for (const c of u.checks) checks.set(JSON.stringify([u.table.schema, u.table.name, c.name]), [u.table, c])
    for (const i of u.indexes) indexes.set(JSON.stringify([u.table.schema, i.name]), [u.table, i])
  }
  return [
    `ALTER TYPE ${name} RENAME TO ${ident(old)}`,
    `CREATE TYPE ${name} AS ENUM (${op.to.values.map(quoteLiteral).join(', ')})`,
    ...[...checks.values()].map(([table, c]) => renderers.drop_check({ kind: 'drop_check', table, check: c })[0]!),
    ...[...indexes.values()].map(([table, index]) => renderers.drop_index({ kind: 'drop_index', table, index })[0]!),
    ...op.usages.flatMap((u) => convertColumn(u, name)),
    ...[...checks.values()].map(([table, c]) => renderers.add_check({ kind: 'add_check', table, check: c })[0]!),
    ...[...indexes.values()].map(([, index]) => indexStatement(index)),
    `DROP TYPE ${qualified(op.from.schema, old)}`,
    ...comment('TYPE', name, op.to.comment, null),
  ]
}

function convertColumn(u: EnumUsage, type: string): string[] {
  const table = `ALTER TABLE ${qualified(u.table.schema, u.table.name)} ALTER COLUMN ${ident(u.column)}`
  const cast = u.array ? `${ident(u.column)}::text[]::${type}[]` : `${ident(u.column)}::text::${type}`
  return [
    ...(u.default !== null ? [`${table} DROP DEFAULT`] : []),
    `${table} TYPE ${type}${u.array ? '[]' : ''} USING ${cast}`,
    ...(u.default !== null ? [`${table} SET DEFAULT ${u.default}`] : []),
  ]
}
