import type { Operation } from '../ops/operation.js'
import { columnDifferences, foreignKey, objectDifferences } from '../ops/words.js'
import { objectName } from '../schema/objects.js'
import { describeTypeChange } from '../ops/type-words.js'
import { qualifiedName } from '../schema/schema.js'
import { describeTableOption, isTableOption } from '../ops/table-option-words.js'

/** What an operation does, as a migration file's comment says it: "add column post.email". */
export function describeChange(op: Operation): string {
  const t = 'table' in op ? qualifiedName(op.table) : ''
  if (isTableOption(op)) return describeTableOption(op)
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
      return `drop column ${t}.${op.column.name}${op.keptByChildren ? ', which the tables inheriting it keep' : ''}`
    case 'alter_column':
      return `alter column ${t}.${op.to.name}: ${columnDifferences(op).map(([what, a, b]) => `${what} ${a} → ${b}`).join(', ')}`
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
    case 'add_exclusion':
      return `add exclusion constraint ${op.exclusion.name} on ${t}`
    case 'drop_exclusion':
      return `drop exclusion constraint ${op.exclusion.name} of ${t}`
    case 'create_index':
      return `create index ${op.index.name} on ${t}`
    case 'drop_index':
      return `drop index ${op.index.name} of ${t}`
    case 'create_object':
      return `create ${objectName(op.object)}${op.recreated ? ' again' : ''}`
    case 'drop_object':
      return `drop ${objectName(op.object)}${op.recreated ? ', to create it again' : ''}`
    case 'alter_object':
      return `change ${objectName(op.to)}: ${objectDifferences(op).map(([what, a, b]) => (what === 'definition' ? `definition ${a} → ${b}` : `${what} ${a} → ${b}`)).join(', ')}`
    default:
      return describeTypeChange(op)
  }
}
