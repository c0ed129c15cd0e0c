// Phrases shared by every sentence about an operation: the drift words and a migration file's comments.
import { qualifiedName, type Column, type Deferral, type ForeignKey } from '../schema/schema.js'
import type { ColumnAttribute, Operation } from './operation.js'

/** Each attribute an alter_object changes, as [what, from, to]; for a definition, its first line that differs. */
export function objectDifferences(op: Extract<Operation, { kind: 'alter_object' }>): [string, string, string][] {
  return op.changes.map((attribute) =>
    attribute === 'definition' ? ['definition', ...firstDifference(op.from.definition, op.to.definition)]
      : attribute === 'comment' ? ['comment', text(op.from.comment), text(op.to.comment)]
        : ['enabled', op.from.enabled ?? 'none', op.to.enabled ?? 'none'])
}

/** The first line of each text, white space trimmed, where the two part ways ('none' past the end), quoted. */
function firstDifference(a: string, b: string): [string, string] {
  const lines = (t: string) => t.split('\n').map((l) => l.trim()).filter((l) => l !== '')
  const [x, y] = [lines(a), lines(b)]
  let i = 0
  while (i < x.length && i < y.length && x[i] === y[i]) i++
  const shown = (line: string | undefined) => (line === undefined ? 'none' : JSON.stringify(line.length > 80 ? `${line.slice(0, 77)}...` : line))
  return [shown(x[i]), shown(y[i])]
}

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
