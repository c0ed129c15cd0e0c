import type { Check, Deferral, Exclusion, ForeignKey, Index, PrimaryKey, Unique } from '../schema/schema.js'
import { ident, qualified } from './ident.js'

/** `PRIMARY KEY (a, b)`, named only when the name is not the one PostgreSQL would choose. */
export function primaryKeyClause(table: string, pk: PrimaryKey): string {
  const name = pk.name === `${table}_pkey` ? '' : `CONSTRAINT ${ident(pk.name)} `
  return `${name}PRIMARY KEY (${columnList(pk.columns)})${includeClause(pk.include)}${deferralClause(pk.deferral)}`
}

export function uniqueClause(u: Unique): string {
  return `CONSTRAINT ${ident(u.name)} UNIQUE${u.nullsNotDistinct ? ' NULLS NOT DISTINCT' : ''} (${columnList(u.columns)})${includeClause(u.include)}${deferralClause(u.deferral)}`
}

export function checkClause(check: Check): string {
  return `CONSTRAINT ${ident(check.name)} ${check.definition}`
}

export function exclusionClause(exclusion: Exclusion): string {
  return `CONSTRAINT ${ident(exclusion.name)} ${exclusion.definition}`
}

export function foreignKeyClause(fk: ForeignKey): string {
  return (
    `CONSTRAINT ${ident(fk.name)} FOREIGN KEY (${columnList(fk.columns)}) ` +
    `REFERENCES ${qualified(fk.refSchema, fk.refTable)} (${columnList(fk.refColumns)})` +
    (fk.match === 'full' ? ' MATCH FULL' : '') +
    (fk.onDelete === 'no action' ? '' : ` ON DELETE ${fk.onDelete.toUpperCase()}`) +
    (fk.onUpdate === 'no action' ? '' : ` ON UPDATE ${fk.onUpdate.toUpperCase()}`) +
    deferralClause(fk.deferral) +
    (fk.notValid ? ' NOT VALID' : '')
  )
}

function includeClause(include: readonly string[]): string {
  return include.length ? ` INCLUDE (${columnList(include)})` : ''
}

function deferralClause(deferral: Deferral): string {
  return deferral === 'not deferrable' ? '' : deferral === 'deferrable' ? ' DEFERRABLE' : ' DEFERRABLE INITIALLY DEFERRED'
}

const quotedOrPlain = String.raw`(?:"(?:[^"]|"")*"|[^\s."]+)`
const indexHead = new RegExp(
  String.raw`^CREATE (UNIQUE )?INDEX (${quotedOrPlain}) ON (ONLY )?(${quotedOrPlain})(?:\.(${quotedOrPlain}))? USING (\S+) `,
)

/** pg_get_indexdef's statement, reworded as a person would write it: table unqualified in public, btree implied. */
export function indexStatement(index: Index): string {
  const m = indexHead.exec(index.definition)
  if (!m) return index.definition
  const [head, unique = '', name, , first, second, method] = m
  const table = second === undefined ? first! : qualified(unquote(first!), unquote(second))
  // ONLY, which pg_get_indexdef prints for an index of a partitioned table, would leave the partitions without it
  return `CREATE ${unique}INDEX ${name} ON ${table} ${method === 'btree' ? '' : `USING ${method} `}${index.definition.slice(head.length)}`
}

function unquote(name: string): string {
  return name.startsWith('"') ? name.slice(1, -1).replace(/""/g, '"') : name
}

function columnList(columns: readonly string[]): string {
  return columns.map(ident).join(', ')
}
