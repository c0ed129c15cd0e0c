// Words for drift between the migrations and the models, and for what a generated migration does.
import type { Operation } from '../ops/operation.js'
import { qualifiedName, type Column, type ForeignKey } from '../schema/schema.js'

const missing = 'is in the models but no migration creates it'
const extra = 'is created by the migrations but is not in the models'

/**
 * One line saying how the migrations (`from`) differ from the models (`to`) for one operation of
 * compare(migrated, models): "table post: column email is in the models but no migration creates it".
 */
export function explainDrift(op: Operation): string {
  const t = 'table' in op ? `table ${qualifiedName(op.table)}: ` : ''
  switch (op.kind) {
    case 'create_schema':
      return `schema ${op.schema} ${missing}`
    case 'drop_schema':
      return `schema ${op.schema} ${extra}`
    case 'create_enum':
      return `enum ${qualifiedName(op.enum)} (${op.enum.values.join(', ')}) ${missing}`
    case 'drop_enum':
      return `enum ${qualifiedName(op.enum)} ${extra}`
    case 'alter_enum': {
      // a change of values comes as two steps: add_values grows the type first, remove_values shrinks it last
      const added = op.to.values.filter((v) => !op.from.values.includes(v))
      const removed = op.from.values.filter((v) => !op.to.values.includes(v))
      const name = `enum ${qualifiedName(op.to)}`
      if (op.stage === 'add_values' && added.length) return `${name}: ${valueList(added, 'is', 'are')} in the models but no migration adds ${added.length === 1 ? 'it' : 'them'}`
      if (op.stage === 'remove_values' && removed.length) return `${name}: ${valueList(removed, 'is created', 'are created')} by the migrations but not in the models`
      return `${name} has values in the order (${op.from.values.join(', ')}) in the migrations but (${op.to.values.join(', ')}) in the models`
    }
    case 'set_enum_comment':
      return `enum ${qualifiedName(op.enum)}: ${sides('comment', text(op.from), text(op.to))}`
    case 'create_table':
      return `table ${qualifiedName(op.table)} ${missing}`
    case 'drop_table':
      return `table ${qualifiedName(op.table)} ${extra}`
    case 'set_table_comment':
      return `${t}${sides('comment', text(op.from), text(op.to))}`
    case 'add_column':
      return `${t}column ${op.column.name} ${missing}`
    case 'drop_column':
      return `${t}column ${op.column.name} ${extra}`
    case 'alter_column':
      return `${t}column ${op.to.name} differs: ${columnDifferences(op.from, op.to).map(([what, a, b]) => sides(what, a, b)).join('; ')}`
    case 'reorder_columns':
      return `${t}columns are in the order (${op.from.join(', ')}) in the migrations but (${op.to.join(', ')}) in the models`
    case 'add_primary_key':
      return `${t}primary key (${op.primaryKey.columns.join(', ')}) ${missing}`
    case 'drop_primary_key':
      return `${t}primary key (${op.primaryKey.columns.join(', ')}) ${extra}`
    case 'add_unique':
      return `${t}unique constraint (${op.unique.columns.join(', ')}) ${missing}`
    case 'drop_unique':
      return `${t}unique constraint (${op.unique.columns.join(', ')}) ${extra}`
    case 'add_foreign_key':
      return `${t}${foreignKey(op.foreignKey)} ${missing}`
    case 'drop_foreign_key':
      return `${t}${foreignKey(op.foreignKey)} ${extra}`
    case 'add_check':
      return `${t}check ${op.check.name} ${op.check.definition} ${missing}`
    case 'drop_check':
      return `${t}check ${op.check.name} ${op.check.definition} ${extra}`
    case 'create_index':
      return `${t}index ${op.index.name} ${missing}`
    case 'drop_index':
      return `${t}index ${op.index.name} ${extra}`
  }
}

/** What an operation does, as a migration file's comment says it: "add column post.email". */
export function describeChange(op: Operation): string {
  const t = 'table' in op ? qualifiedName(op.table) : ''
  switch (op.kind) {
    case 'create_schema':
      return `create schema ${op.schema}`
    case 'drop_schema':
      return `drop schema ${op.schema}`
    case 'create_enum':
      return `create enum ${qualifiedName(op.enum)}`
    case 'drop_enum':
      return `drop enum ${qualifiedName(op.enum)}`
    case 'alter_enum':
      return `change enum ${qualifiedName(op.to)} to (${op.to.values.join(', ')})`
    case 'set_enum_comment':
      return `set the comment of enum ${qualifiedName(op.enum)}`
    case 'create_table':
      return `create table ${t}`
    case 'drop_table':
      return `drop table ${t}`
    case 'set_table_comment':
      return `set the comment of table ${t}`
    case 'add_column':
      return `add column ${t}.${op.column.name}`
    case 'drop_column':
      return `drop column ${t}.${op.column.name}`
    case 'alter_column':
      return `alter column ${t}.${op.to.name}: ${columnDifferences(op.from, op.to).map(([what, a, b]) => `${what} ${a} → ${b}`).join(', ')}`
    case 'reorder_columns':
      return `column order of ${t}`
    case 'add_primary_key':
      return `add primary key on ${t} (${op.primaryKey.columns.join(', ')})`
    case 'drop_primary_key':
      return `drop primary key of ${t}`
    case 'add_unique':
      return `add unique constraint on ${t} (${op.unique.columns.join(', ')})`
    case 'drop_unique':
      return `drop unique constraint ${op.unique.name} of ${t}`
    case 'add_foreign_key':
      return `add ${foreignKey(op.foreignKey)} on ${t}`
    case 'drop_foreign_key':
      return `drop foreign key ${op.foreignKey.name} of ${t}`
    case 'add_check':
      return `add check ${op.check.name} on ${t}`
    case 'drop_check':
      return `drop check ${op.check.name} of ${t}`
    case 'create_index':
      return `create index ${op.index.name} on ${t}`
    case 'drop_index':
      return `drop index ${op.index.name} of ${t}`
  }
}

/** Each differing attribute of a column as [what, from, to]. */
function columnDifferences(from: Column, to: Column): [string, string, string][] {
  const out: [string, string, string][] = []
  if (from.type !== to.type) out.push(['type', from.type, to.type])
  if (from.notNull !== to.notNull) out.push(['nullability', from.notNull ? 'NOT NULL' : 'nullable', to.notNull ? 'NOT NULL' : 'nullable'])
  if (from.default !== to.default) out.push(['default', from.default ?? 'none', to.default ?? 'none'])
  if (from.identity !== to.identity) out.push(['identity', from.identity ?? 'none', to.identity ?? 'none'])
  if (from.generated !== to.generated) out.push(['generated', from.generated ?? 'none', to.generated ?? 'none'])
  if (from.comment !== to.comment) out.push(['comment', text(from.comment), text(to.comment)])
  return out
}

function sides(what: string, migrations: string, models: string): string {
  return `${what} ${migrations} in the migrations, ${models} in the models`
}

function foreignKey(fk: ForeignKey): string {
  return `foreign key (${fk.columns.join(', ')}) → ${qualifiedName({ schema: fk.refSchema, name: fk.refTable })} (${fk.refColumns.join(', ')})`
}

function text(value: string | null): string {
  return value === null ? 'none' : JSON.stringify(value)
}

function valueList(values: readonly string[], one: string, many: string): string {
  return values.length === 1 ? `value '${values[0]}' ${one}` : `values ${values.map((v) => `'${v}'`).join(', ')} ${many}`
}
