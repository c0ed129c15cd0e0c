import type { SchemaObject } from '../schema/objects.js'
import type { Check, Column, EnumType, Exclusion, ForeignKey, Grant, Index, Policy, PrimaryKey, RowLevelSecurity, Table, TableName, Unique } from '../schema/schema.js'
import { reverseTypeOperation, type TypeOperation } from './type-operations.js'

/** Names a table (or an enum) without carrying its contents. */
export interface TableRef {
  readonly schema: string
  readonly name: string
}

/** A column of an enum type (or an array of it) when an alter_enum runs: rebuilding the type converts it. */
export interface EnumUsage {
  readonly table: TableRef
  readonly column: string
  readonly array: boolean
  /** Its default, which names the type: set aside while the column converts, then put back. */
  readonly default: string | null
  /** Checks and indexes of its table whose expressions name the type: dropped and recreated around the change. */
  readonly checks: readonly Check[]
  readonly indexes: readonly Index[]
}

/** An attribute of a definition object (view, function, trigger, ...) that a migration can change in place. */
export type ObjectAttribute = 'definition' | 'comment' | 'enabled'

/** Why an object is dropped and created again. */
export type Recreated = 'changed' | 'depends'

/** An attribute of a column that a migration can change. */
export type ColumnAttribute = 'type' | 'nullability' | 'default' | 'identity' | 'generated' | 'comment' | 'collation'

/**
 * One change that moves a database from one schema (`from`) to another (`to`). Compare produces them, render turns
 * them into SQL and report into words; each carries enough to be reversed.
 */
export type Operation =
  | { readonly kind: 'create_schema'; readonly schema: string }
  | { readonly kind: 'drop_schema'; readonly schema: string }
  | { readonly kind: 'create_enum'; readonly enum: EnumType }
  | { readonly kind: 'drop_enum'; readonly enum: EnumType }
  /**
   * Values change in two steps: `add_values` runs before the tables change and grows the enum to hold the values of
   * both sides; `remove_values` runs after them and leaves the target's values in the target's order. In between
   * every default and value either side uses is valid. `usages` are the columns of the type when the op runs.
   */
  | {
      readonly kind: 'alter_enum'
      readonly stage: 'add_values' | 'remove_values'
      readonly from: EnumType
      readonly to: EnumType
      readonly usages: readonly EnumUsage[]
    }
  | { readonly kind: 'set_enum_comment'; readonly enum: TableRef; readonly from: string | null; readonly to: string | null }
  /** The table with its columns, primary key, uniques, checks, indexes, comments and the foreign keys that can be
   *  created with it; other foreign keys come as separate add_foreign_key ops. */
  | { readonly kind: 'create_table'; readonly table: Table; readonly rebuild?: string }
  /** The full table as it was, so the op can be reversed. */
  /** `rebuild` (on both ops of a table dropped and created again, see compare/table-options.ts) says why. */
  | { readonly kind: 'drop_table'; readonly table: Table; readonly rebuild?: string }
  | { readonly kind: 'set_table_comment'; readonly table: TableRef; readonly from: string | null; readonly to: string | null }
  /** `keptByChildren`: the tables that inherit the column hold it as their own, so the drop leaves it in them
   *  (ALTER TABLE ONLY), and the add (its reverse) merges with theirs. */
  | { readonly kind: 'add_column'; readonly table: TableRef; readonly column: Column; readonly keptByChildren?: true }
  | { readonly kind: 'drop_column'; readonly table: TableRef; readonly column: Column; readonly keptByChildren?: true }
  /** `changes` are the attributes that differ, worked out once by compare; `from.name === to.name`. */
  | {
      readonly kind: 'alter_column'
      readonly table: TableRef
      readonly from: Column
      readonly to: Column
      readonly changes: readonly ColumnAttribute[]
      /** Set when the type changes from one enum (or enum array) to another: no cast joins two enums, so values go through text. */
      readonly viaText?: true
    }
  /** Reported only when asked for: PostgreSQL cannot reorder columns in place. */
  | { readonly kind: 'reorder_columns'; readonly table: TableRef; readonly from: readonly string[]; readonly to: readonly string[] }
  | { readonly kind: 'add_primary_key'; readonly table: TableRef; readonly primaryKey: PrimaryKey }
  | { readonly kind: 'drop_primary_key'; readonly table: TableRef; readonly primaryKey: PrimaryKey }
  | { readonly kind: 'add_unique'; readonly table: TableRef; readonly unique: Unique }
  | { readonly kind: 'drop_unique'; readonly table: TableRef; readonly unique: Unique }
  | { readonly kind: 'add_foreign_key'; readonly table: TableRef; readonly foreignKey: ForeignKey }
  | { readonly kind: 'drop_foreign_key'; readonly table: TableRef; readonly foreignKey: ForeignKey }
  | { readonly kind: 'add_check'; readonly table: TableRef; readonly check: Check }
  | { readonly kind: 'drop_check'; readonly table: TableRef; readonly check: Check }
  | { readonly kind: 'add_exclusion'; readonly table: TableRef; readonly exclusion: Exclusion }
  | { readonly kind: 'drop_exclusion'; readonly table: TableRef; readonly exclusion: Exclusion }
  | { readonly kind: 'create_index'; readonly table: TableRef; readonly index: Index }
  | { readonly kind: 'drop_index'; readonly table: TableRef; readonly index: Index }
  /** A view, function, trigger, ... created; `recreated` when it is dropped and created again: `changed`, its
   *  definition changes in a way CREATE OR REPLACE cannot make; `depends`, something it depends on changes. */
  | { readonly kind: 'create_object'; readonly object: SchemaObject; readonly recreated?: Recreated }
  | { readonly kind: 'drop_object'; readonly object: SchemaObject; readonly recreated?: Recreated }
  /** Changed in place: `definition` by CREATE OR REPLACE, `comment`, `enabled` (triggers); worked out once by compare. */
  | { readonly kind: 'alter_object'; readonly from: SchemaObject; readonly to: SchemaObject; readonly changes: readonly ObjectAttribute[] }
  | { readonly kind: 'set_unlogged'; readonly table: TableRef; readonly from: boolean; readonly to: boolean }
  | { readonly kind: 'set_row_level_security'; readonly table: TableRef; readonly from: RowLevelSecurity; readonly to: RowLevelSecurity }
  /** A partition's bound changes: detached from its parent and attached again with the new bound. */
  | { readonly kind: 'alter_partition'; readonly table: TableRef; readonly parent: TableName; readonly from: string; readonly to: string }
  | { readonly kind: 'set_inherits'; readonly table: TableRef; readonly from: readonly TableName[]; readonly to: readonly TableName[] }
  | { readonly kind: 'create_policy'; readonly table: TableRef; readonly policy: Policy }
  | { readonly kind: 'drop_policy'; readonly table: TableRef; readonly policy: Policy }
  | { readonly kind: 'grant'; readonly grant: Grant }
  | { readonly kind: 'revoke'; readonly grant: Grant }
  | TypeOperation

export type OperationKind = Operation['kind']

/** The operation that undoes `op`. A down migration is `ops.map(reverse).reverse()`. */
export function reverse(op: Operation): Operation {
  switch (op.kind) {
    case 'create_schema':
      return { kind: 'drop_schema', schema: op.schema }
    case 'drop_schema':
      return { kind: 'create_schema', schema: op.schema }
    case 'create_enum':
      return { kind: 'drop_enum', enum: op.enum }
    case 'drop_enum':
      return { kind: 'create_enum', enum: op.enum }
    case 'alter_enum':
      return { ...op, stage: op.stage === 'add_values' ? 'remove_values' : 'add_values', from: op.to, to: op.from }
    case 'set_enum_comment':
      return { ...op, from: op.to, to: op.from }
    case 'create_table':
      return { ...op, kind: 'drop_table' }
    case 'drop_table':
      return { ...op, kind: 'create_table' }
    case 'set_table_comment':
      return { ...op, from: op.to, to: op.from }
    case 'add_column':
      return { ...op, kind: 'drop_column' }
    case 'drop_column':
      return { ...op, kind: 'add_column' }
    case 'alter_column':
      return { ...op, from: op.to, to: op.from }
    case 'reorder_columns':
      return { ...op, from: op.to, to: op.from }
    case 'add_primary_key':
      return { ...op, kind: 'drop_primary_key' }
    case 'drop_primary_key':
      return { ...op, kind: 'add_primary_key' }
    case 'add_unique':
      return { ...op, kind: 'drop_unique' }
    case 'drop_unique':
      return { ...op, kind: 'add_unique' }
    case 'add_foreign_key':
      return { ...op, kind: 'drop_foreign_key' }
    case 'drop_foreign_key':
      return { ...op, kind: 'add_foreign_key' }
    case 'add_check':
      return { ...op, kind: 'drop_check' }
    case 'drop_check':
      return { ...op, kind: 'add_check' }
    case 'add_exclusion':
      return { ...op, kind: 'drop_exclusion' }
    case 'drop_exclusion':
      return { ...op, kind: 'add_exclusion' }
    case 'create_index':
      return { ...op, kind: 'drop_index' }
    case 'drop_index':
      return { ...op, kind: 'create_index' }
    case 'create_object':
      return { ...op, kind: 'drop_object' }
    case 'drop_object':
      return { ...op, kind: 'create_object' }
    case 'alter_object':
      return { ...op, from: op.to, to: op.from }
    case 'set_unlogged':
    case 'set_row_level_security':
    case 'alter_partition':
    case 'set_inherits':
      return { ...op, from: op.to, to: op.from } as Operation
    case 'create_policy':
      return { ...op, kind: 'drop_policy' }
    case 'drop_policy':
      return { ...op, kind: 'create_policy' }
    case 'grant':
      return { ...op, kind: 'revoke' }
    case 'revoke':
      return { ...op, kind: 'grant' }
    default:
      return reverseTypeOperation(op)
  }
}

/** The operations that undo `ops`, in the order to run them. */
export function reverseAll(ops: readonly Operation[]): Operation[] {
  return ops.map(reverse).reverse()
}
