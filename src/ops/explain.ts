import { qualifiedName, type Column, type ForeignKey } from '../schema/schema.js'
import type { Operation } from './operation.js'

/** One line for people saying what differs, worded neutrally: the source lacks or has what the target has or lacks. */
export function explain(op: Operation): string {
  switch (op.kind) {
    case 'create_schema':
      return `schema ${op.schema} is in the target but not in the source`
    case 'drop_schema':
      return `schema ${op.schema} is in the source but not in the target`
    case 'create_enum':
      return `enum ${qualifiedName(op.enum)} (${op.enum.values.join(', ')}) is in the target but not in the source`
    case 'drop_enum':
      return `enum ${qualifiedName(op.enum)} is in the source but not in the target`
    case 'alter_enum': {
      const added = op.to.values.filter((v) => !op.from.values.includes(v))
      const removed = op.from.values.filter((v) => !op.to.values.includes(v))
      const name = `enum ${qualifiedName(op.to)}`
      if (added.length && !removed.length && op.stage === 'add_values') return `${name}: ${values(added)} in the target but not in the source`
      if (removed.length && !added.length) return `${name}: ${values(removed)} in the source but not in the target`
      return `${name}: values (${op.from.values.join(', ')}) → (${op.to.values.join(', ')})`
    }
    case 'set_enum_comment':
      return `enum ${qualifiedName(op.enum)}: comment ${text(op.from)} → ${text(op.to)}`
    case 'create_table':
      return `table ${qualifiedName(op.table)} is in the target but not in the source`
    case 'drop_table':
      return `table ${qualifiedName(op.table)} is in the source but not in the target`
    case 'set_table_comment':
      return `table ${qualifiedName(op.table)}: comment ${text(op.from)} → ${text(op.to)}`
    case 'add_column':
      return `table ${qualifiedName(op.table)}: column ${op.column.name} is in the target but not in the source`
    case 'drop_column':
      return `table ${qualifiedName(op.table)}: column ${op.column.name} is in the source but not in the target`
    case 'alter_column':
      return `table ${qualifiedName(op.table)}: column ${op.to.name} ${columnChanges(op.from, op.to).join(', ')}`
    case 'reorder_columns':
      return `table ${qualifiedName(op.table)}: column order (${op.from.join(', ')}) → (${op.to.join(', ')})`
    case 'add_primary_key':
      return `table ${qualifiedName(op.table)}: primary key (${op.primaryKey.columns.join(', ')}) is in the target but not in the source`
    case 'drop_primary_key':
      return `table ${qualifiedName(op.table)}: primary key (${op.primaryKey.columns.join(', ')}) is in the source but not in the target`
    case 'add_unique':
      return `table ${qualifiedName(op.table)}: unique (${op.unique.columns.join(', ')}) is in the target but not in the source`
    case 'drop_unique':
      return `table ${qualifiedName(op.table)}: unique (${op.unique.columns.join(', ')}) is in the source but not in the target`
    case 'add_foreign_key':
      return `table ${qualifiedName(op.table)}: ${foreignKey(op.foreignKey)} is in the target but not in the source`
    case 'drop_foreign_key':
      return `table ${qualifiedName(op.table)}: ${foreignKey(op.foreignKey)} is in the source but not in the target`
    case 'add_check':
      return `table ${qualifiedName(op.table)}: ${op.check.definition} is in the target but not in the source`
    case 'drop_check':
      return `table ${qualifiedName(op.table)}: ${op.check.definition} is in the source but not in the target`
    case 'create_index':
      return `table ${qualifiedName(op.table)}: index ${op.index.name} is in the target but not in the source`
    case 'drop_index':
      return `table ${qualifiedName(op.table)}: index ${op.index.name} is in the source but not in the target`
  }
}

/** The differing attributes of a column, each as `what from → to`. */
export function columnChanges(from: Column, to: Column): string[] {
  const changes: string[] = []
  if (from.type !== to.type) changes.push(`type ${from.type} → ${to.type}`)
  if (from.notNull !== to.notNull) changes.push(`${from.notNull ? 'NOT NULL' : 'nullable'} → ${to.notNull ? 'NOT NULL' : 'nullable'}`)
  if (from.default !== to.default) changes.push(`default ${from.default ?? 'none'} → ${to.default ?? 'none'}`)
  if (from.identity !== to.identity) changes.push(`identity ${from.identity ?? 'none'} → ${to.identity ?? 'none'}`)
  if (from.generated !== to.generated) changes.push(`generated ${from.generated ?? 'none'} → ${to.generated ?? 'none'}`)
  if (from.comment !== to.comment) changes.push(`comment ${text(from.comment)} → ${text(to.comment)}`)
  return changes
}

function foreignKey(fk: ForeignKey): string {
  return `foreign key (${fk.columns.join(', ')}) → ${qualifiedName({ schema: fk.refSchema, name: fk.refTable })} (${fk.refColumns.join(', ')})`
}

function values(list: string[]): string {
  return list.length === 1 ? `value ${list[0]} is` : `values ${list.join(', ')} are`
}

function text(value: string | null): string {
  return value === null ? 'none' : JSON.stringify(value)
}
