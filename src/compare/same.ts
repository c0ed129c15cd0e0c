import type { Check, Column, Exclusion, ForeignKey, Index, PartitionOf, Policy, PrimaryKey, Table, TableName, Unique } from '../schema/schema.js'

// Equal as data, field by field: a table equal on both sides compares to no operations, so compare passes over it
// without building signatures. Written out by hand, as each field access then sees one shape of object; the tests
// change each field of a full table in turn and expect a difference, so a field added to a type must be added here.

/** Whether two tables are the same in every field compare reads. */
export function sameTable(a: Table, b: Table): boolean {
  return a === b || (
    a.schema === b.schema && a.name === b.name && a.comment === b.comment && a.partitionBy === b.partitionBy &&
    a.unlogged === b.unlogged && a.rowLevelSecurity === b.rowLevelSecurity &&
    sameList(a.columns, b.columns, sameColumn) &&
    (a.primaryKey === b.primaryKey || (!!a.primaryKey && !!b.primaryKey && samePrimaryKey(a.primaryKey, b.primaryKey))) &&
    sameList(a.uniques, b.uniques, sameUnique) &&
    sameList(a.foreignKeys, b.foreignKeys, sameForeignKey) &&
    sameList(a.checks, b.checks, sameCheck) &&
    sameList(a.exclusions, b.exclusions, sameCheck) &&
    sameList(a.indexes, b.indexes, sameIndex) &&
    (a.partitionOf === b.partitionOf || (!!a.partitionOf && !!b.partitionOf && samePartitionOf(a.partitionOf, b.partitionOf))) &&
    sameList(a.inherits, b.inherits, sameTableName) &&
    sameList(a.policies, b.policies, samePolicy)
  )
}

export function sameColumn(a: Column, b: Column): boolean {
  return a.name === b.name && a.type === b.type && a.notNull === b.notNull && a.default === b.default && a.identity === b.identity &&
    a.generated === b.generated && a.comment === b.comment && a.collation === b.collation
}

export function samePrimaryKey(a: PrimaryKey, b: PrimaryKey): boolean {
  return a.name === b.name && sameStrings(a.columns, b.columns) && sameStrings(a.include, b.include) && a.deferral === b.deferral
}

export function sameUnique(a: Unique, b: Unique): boolean {
  return a.name === b.name && sameStrings(a.columns, b.columns) && sameStrings(a.include, b.include) && a.nullsNotDistinct === b.nullsNotDistinct &&
    a.deferral === b.deferral
}

export function sameForeignKey(a: ForeignKey, b: ForeignKey): boolean {
  return a.name === b.name && sameStrings(a.columns, b.columns) && a.refSchema === b.refSchema && a.refTable === b.refTable &&
    sameStrings(a.refColumns, b.refColumns) && a.onDelete === b.onDelete && a.onUpdate === b.onUpdate && a.deferral === b.deferral &&
    a.match === b.match && a.notValid === b.notValid
}

export function sameCheck(a: Check | Exclusion, b: Check | Exclusion): boolean {
  return a.name === b.name && a.definition === b.definition
}

export function sameIndex(a: Index, b: Index): boolean {
  return a.name === b.name && a.unique === b.unique && a.method === b.method && a.definition === b.definition
}

function samePartitionOf(a: PartitionOf, b: PartitionOf): boolean {
  return a.schema === b.schema && a.name === b.name && a.bound === b.bound
}

function sameTableName(a: TableName, b: TableName): boolean {
  return a.schema === b.schema && a.name === b.name
}

function samePolicy(a: Policy, b: Policy): boolean {
  return a.name === b.name && a.command === b.command && a.permissive === b.permissive && sameStrings(a.roles, b.roles) &&
    a.using === b.using && a.withCheck === b.withCheck
}

/** Same length, and pairwise the same by `same`. */
export function sameList<T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean): boolean {
  if (a === b) return true
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (!same(a[i]!, b[i]!)) return false
  return true
}

function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  if (a === b) return true
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}
