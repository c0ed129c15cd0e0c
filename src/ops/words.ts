// Phrases shared by every sentence about an operation: the drift words and a migration file's comments.
import { qualifiedName, type Column, type Deferral, type ForeignKey } from '../schema/schema.js'
import type { ColumnAttribute, Operation } from './operation.js'

/** Each attribute an alter_column changes, as [what, from, to]. */
export function columnDifferences(op: Extract<Operation, { kind: 'alter_column' }>): [string, string, string][] {
  return op.changes.map((attribute) => [attribute, shown(attribute, op.from), shown(attribute, op.to)])
}

function shown(attribute: ColumnAttribute, c: Column): string {
  switch (attribute) {
    case 'type':
      return c.type
    case 'nullability':
      return c.notNull ? 'NOT NULL' : 'nullable'
    case 'default':
      return c.default ?? 'none'
    case 'identity':
      return c.identity ?? 'none'
    case 'generated':
      return c.generated ?? 'none'
    case 'comment':
      return text(c.comment)
    case 'collation':
      return c.collation ?? 'default'
  }
}

export function foreignKey(fk: ForeignKey): string {
  return `${deferred(fk.deferral)}foreign key (${fk.columns.join(', ')}) → ${qualifiedName({ schema: fk.refSchema, name: fk.refTable })} (${fk.refColumns.join(', ')})`
}

/** `deferrable ` or `initially deferred ` before a key's name; nothing for a key checked at once. */
export function deferred(deferral: Deferral): string {
  return deferral === 'not deferrable' ? '' : `${deferral} `
}

export function text(value: string | null): string {
  return value === null ? 'none' : JSON.stringify(value)
}
