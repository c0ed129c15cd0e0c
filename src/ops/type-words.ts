// Words for the operations on extensions, collations, sequences, domains and composite types.
import { qualifiedName } from '../schema/schema.js'
import type { CompositeType, Domain, SequenceOwner } from '../schema/types.js'
import type { TypeOperation } from './type-operations.js'

const missing = 'is in the models but no migration creates it'
const extra = 'is created by the migrations but is not in the models'

/** One line saying how the migrations (`from`) differ from the models (`to`) for one operation. */
export function explainTypeDrift(op: TypeOperation): string {
  switch (op.kind) {
    case 'create_extension':
      return `extension ${op.extension.name} (version ${op.extension.version}) ${missing}`
    case 'drop_extension':
      return `extension ${op.extension.name} ${extra}`
    case 'alter_extension':
      return `extension ${op.to.name}: ${differences(op.from, op.to, ['version', 'schema']).join('; ')}`
    case 'create_collation':
      return `collation ${qualifiedName(op.collation)} ${missing}`
    case 'drop_collation':
      return `collation ${qualifiedName(op.collation)} ${extra}`
    case 'alter_collation':
      return `collation ${qualifiedName(op.to)}: ${differences(op.from, op.to, collationAttributes).join('; ')}`
    case 'create_sequence':
      return `sequence ${qualifiedName(op.sequence)} ${missing}`
    case 'drop_sequence':
      return `sequence ${qualifiedName(op.sequence)} ${extra}`
    case 'alter_sequence':
      return `sequence ${qualifiedName(op.to)}: ${differences(op.from, op.to, op.changes).join('; ')}`
    case 'set_sequence_owner':
      return op.to === null
        ? `sequence ${qualifiedName(op.sequence)}: owned by column ${owner(op.from)} in the migrations but not in the models`
        : `sequence ${qualifiedName(op.sequence)}: owned by column ${owner(op.to)} in the models but not in the migrations`
    case 'create_domain':
      return `domain ${qualifiedName(op.domain)} ${missing}`
    case 'drop_domain':
      return `domain ${qualifiedName(op.domain)} ${extra}`
    case 'alter_domain':
      return `domain ${qualifiedName(op.to)}: ${op.changes.map((c) => sides(c, domainShown(c, op.from), domainShown(c, op.to))).join('; ')}`
    case 'create_composite':
      return `composite type ${qualifiedName(op.composite)} ${missing}`
    case 'drop_composite':
      return `composite type ${qualifiedName(op.composite)} ${extra}`
    case 'alter_composite':
      return `composite type ${qualifiedName(op.to)}: ${sides('attributes', attributes(op.from), attributes(op.to))}`
  }
}

/** What an operation does, as a migration file's comment says it. */
export function describeTypeChange(op: TypeOperation): string {
  switch (op.kind) {
    case 'create_extension':
      return `create extension ${op.extension.name} ${op.extension.version}`
    case 'drop_extension':
      return `drop extension ${op.extension.name}`
    case 'alter_extension':
      return `alter extension ${op.to.name}: ${arrows(op.from, op.to, ['version', 'schema'])}`
    case 'create_collation':
      return `create collation ${qualifiedName(op.collation)}`
    case 'drop_collation':
      return `drop collation ${qualifiedName(op.collation)}`
    case 'alter_collation':
      return `recreate collation ${qualifiedName(op.to)}: ${arrows(op.from, op.to, collationAttributes)}`
    case 'create_sequence':
      return `create sequence ${qualifiedName(op.sequence)}`
    case 'drop_sequence':
      return `drop sequence ${qualifiedName(op.sequence)}`
    case 'alter_sequence':
      return `alter sequence ${qualifiedName(op.to)}: ${arrows(op.from, op.to, op.changes)}`
    case 'set_sequence_owner':
      return `sequence ${qualifiedName(op.sequence)} owned by ${op.to === null ? 'no column' : owner(op.to)}`
    case 'create_domain':
      return `create domain ${qualifiedName(op.domain)}`
    case 'drop_domain':
      return `drop domain ${qualifiedName(op.domain)}`
    case 'alter_domain':
      return `alter domain ${qualifiedName(op.to)}: ${op.changes.map((c) => `${c} ${domainShown(c, op.from)} → ${domainShown(c, op.to)}`).join(', ')}`
    case 'create_composite':
      return `create composite type ${qualifiedName(op.composite)}`
    case 'drop_composite':
      return `drop composite type ${qualifiedName(op.composite)}`
    case 'alter_composite':
      return `alter composite type ${qualifiedName(op.to)} to ${attributes(op.to)}`
  }
}

/** Why an operation can lose data or fail on what the database holds; null when it is safe. */
export function typeRisk(op: TypeOperation): string | null {
  switch (op.kind) {
    case 'drop_extension':
      return 'drops an extension and fails while anything uses its types or functions'
    case 'alter_extension':
      return op.from.version !== op.to.version ? 'updates an extension: fails when it has no update script between the versions' : null
    case 'drop_collation':
      return 'drops a collation'
    case 'alter_collation':
      return 'recreates a collation: fails while a column or index uses it'
    case 'drop_sequence':
      return 'drops a sequence and the value it has reached'
    case 'alter_sequence':
      if (BigInt(op.from.start) < BigInt(op.to.min) || BigInt(op.from.start) > BigInt(op.to.max)) return 'moves the range of a sequence past its start: restarts it at the new start'
      return op.changes.some((c) => c === 'type' || c === 'min' || c === 'max') ? 'narrows or moves the range of a sequence: fails if its current value falls outside it' : null
    case 'drop_domain':
      return 'drops a domain'
    case 'alter_domain':
      if (op.changes.includes('type') || op.changes.includes('collation')) return `converts every column of domain ${qualifiedName(op.to)} to ${op.to.type}, which may not convert every value`
      return op.changes.includes('checks') || (op.changes.includes('nullability') && op.to.notNull) ? 'adds a domain constraint: fails if a stored value violates it' : null
    case 'drop_composite':
      return 'drops a composite type'
    case 'alter_composite':
      if (op.from.attributes.some((a) => !op.to.attributes.some((b) => b.name === a.name))) return 'drops attributes of a composite type and their values'
      return op.from.attributes.some((a) => op.to.attributes.some((b) => b.name === a.name && (b.type !== a.type || b.collation !== a.collation)))
        ? "changes an attribute's type: PostgreSQL refuses while a column uses the composite type"
        : null
    case 'create_extension':
    case 'create_collation':
    case 'create_sequence':
    case 'set_sequence_owner':
    case 'create_domain':
    case 'create_composite':
      return null
  }
}

const collationAttributes = ['provider', 'locale', 'lcCollate', 'lcCtype', 'deterministic'] as const

function differences<T extends object>(from: T, to: T, keys: readonly (keyof T & string)[]): string[] {
  return keys.filter((k) => from[k] !== to[k]).map((k) => sides(label(k), show(from[k]), show(to[k])))
}

function arrows<T extends object>(from: T, to: T, keys: readonly (keyof T & string)[]): string {
  return keys.filter((k) => from[k] !== to[k]).map((k) => `${label(k)} ${show(from[k])} → ${show(to[k])}`).join(', ')
}

function label(key: string): string {
  return ({ lcCollate: 'lc_collate', lcCtype: 'lc_ctype', min: 'minvalue', max: 'maxvalue' } as Record<string, string>)[key] ?? key
}

function show(value: unknown): string {
  return value === null ? 'none' : String(value)
}

function sides(what: string, migrations: string, models: string): string {
  return `${what} ${migrations} in the migrations, ${models} in the models`
}

function owner(o: SequenceOwner | null): string {
  return o === null ? 'none' : `${qualifiedName({ schema: o.schema, name: o.table })}.${o.column}`
}

function domainShown(attribute: string, d: Domain): string {
  switch (attribute) {
    case 'type':
      return d.type
    case 'collation':
      return d.collation ?? 'default'
    case 'default':
      return d.default ?? 'none'
    case 'nullability':
      return d.notNull ? 'NOT NULL' : 'nullable'
    default:
      return d.checks.length ? d.checks.map((c) => `${c.name} ${c.definition}`).join(', ') : 'none'
  }
}

function attributes(t: CompositeType): string {
  return `(${t.attributes.map((a) => `${a.name} ${a.type}${a.collation ? ` COLLATE ${a.collation}` : ''}`).join(', ')})`
}

