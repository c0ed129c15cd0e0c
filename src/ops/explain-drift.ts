// Words for drift between the migrations and the models.
import { objectName } from '../schema/objects.js'
import { qualifiedName } from '../schema/schema.js'
import type { Operation } from './operation.js'
import { columnDifferences, deferred, foreignKey, objectDifferences, text } from './words.js'
import { explainTableOption, isTableOption } from './table-option-words.js'
import { explainTypeDrift } from './type-words.js'

const missing = 'is in the models but no migration creates it'
const extra = 'is created by the migrations but is not in the models'

/**
 * One line saying how the migrations (`from`) differ from the models (`to`) for one operation of
 * compare(migrated, models): "table post: column email is in the models but no migration creates it".
 */
export function explainDrift(op: Operation): string {
  const t = 'table' in op ? `table ${qualifiedName(op.table)}: ` : ''
  if (isTableOption(op)) return explainTableOption(op)
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
      if (op.rebuild) return `table ${qualifiedName(op.table)} is created again: ${op.rebuild}`
      return `table ${qualifiedName(op.table)} ${missing}`
    case 'drop_table':
      if (op.rebuild) return `table ${qualifiedName(op.table)} is dropped to be created again`
      return `table ${qualifiedName(op.table)} ${extra}`
    case 'set_table_comment':
      return `${t}${sides('comment', text(op.from), text(op.to))}`
    case 'add_column':
      return `${t}column ${op.column.name} ${missing}`
    case 'drop_column':
      return `${t}column ${op.column.name} ${extra}`
    case 'alter_column':
      return `${t}column ${op.to.name} differs: ${columnDifferences(op).map(([what, a, b]) => sides(what, a, b)).join('; ')}`
    case 'reorder_columns':
      return `${t}columns are in the order (${op.from.join(', ')}) in the migrations but (${op.to.join(', ')}) in the models`
    case 'add_primary_key':
      return `${t}${deferred(op.primaryKey.deferral)}primary key (${op.primaryKey.columns.join(', ')}) ${missing}`
    case 'drop_primary_key':
      return `${t}${deferred(op.primaryKey.deferral)}primary key (${op.primaryKey.columns.join(', ')}) ${extra}`
    case 'add_unique':
      return `${t}${deferred(op.unique.deferral)}unique constraint (${op.unique.columns.join(', ')}) ${missing}`
    case 'drop_unique':
      return `${t}${deferred(op.unique.deferral)}unique constraint (${op.unique.columns.join(', ')}) ${extra}`
    case 'add_foreign_key':
      return `${t}${foreignKey(op.foreignKey)} ${missing}`
    case 'drop_foreign_key':
      return `${t}${foreignKey(op.foreignKey)} ${extra}`
    case 'add_check':
      return `${t}check ${op.check.name} ${op.check.definition} ${missing}`
    case 'drop_check':
      return `${t}check ${op.check.name} ${op.check.definition} ${extra}`
    case 'add_exclusion':
      return `${t}exclusion constraint ${op.exclusion.name} ${op.exclusion.definition} ${missing}`
    case 'drop_exclusion':
      return `${t}exclusion constraint ${op.exclusion.name} ${op.exclusion.definition} ${extra}`
    case 'create_index':
      return `${t}index ${op.index.name} ${missing}`
    case 'drop_index':
      return `${t}index ${op.index.name} ${extra}`
    case 'create_object':
      if (op.recreated === 'changed') return `${objectName(op.object)} is created again as the models define it`
      if (op.recreated === 'depends') return `${objectName(op.object)} is created again after what it depends on changes`
      return `${objectName(op.object)} ${missing}`
    case 'drop_object':
      if (op.recreated === 'changed') return `${objectName(op.object)} differs: definition, in a way CREATE OR REPLACE cannot change, so it is dropped and created again`
      if (op.recreated === 'depends') return `${objectName(op.object)} is dropped while what it depends on changes`
      return `${objectName(op.object)} ${extra}`
    case 'alter_object':
      return `${objectName(op.to)} differs: ${objectDifferences(op).map(([what, a, b]) => (what === 'definition' ? `definition, at line ${a} in the migrations, ${b} in the models` : sides(what, a, b))).join('; ')}`
    default:
      return explainTypeDrift(op)
  }
}

function sides(what: string, migrations: string, models: string): string {
  return `${what} ${migrations} in the migrations, ${models} in the models`
}

function valueList(values: readonly string[], one: string, many: string): string {
  return values.length === 1 ? `value '${values[0]}' ${one}` : `values ${values.map((v) => `'${v}'`).join(', ')} ${many}`
}
