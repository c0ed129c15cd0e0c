// The model language: tables, columns, constraints, enums, relations, extensions, sequences, domains, composite types
// and collations, as user models import them.
export { sql, type SqlExpression } from './sql.js'
export { Column, type AnyColumn, type ColumnState, type ColumnTarget, type ReferenceOptions, type ReferentialAction, type UniqueOptions } from './column.js'
export * from './types.js'
export { enumType, type EnumOptions, type EnumType } from './enum.js'
export { schema, type SchemaDeclaration } from './namespace.js'
export { table, type AnyTable, type Table, type TableOptions } from './table.js'
export {
  asc, check, desc, exclude, foreignKey, index, primaryKey, unique, uniqueIndex,
  type CheckConstraint, type ExclusionConstraint, type ForeignKeyBuilder, type IndexBuilder, type IndexElement, type PrimaryKeyBuilder, type TableConstraint, type UniqueBuilder,
} from './constraints.js'
export { many, one, type Relation } from './relations.js'
export {
  eventTrigger, materializedView, rawSql, sqlFunction, sqlProcedure, trigger, view,
  type MaterializedViewOptions, type ObjectBody, type ObjectDeclaration, type RawSqlDeclaration, type RoutineOptions, type TriggerOptions, type ViewOptions,
} from './objects.js'
export { policy, type PolicyDeclaration, type PolicyOptions } from './policy.js'
export { grant, GrantBuilder, type GrantObject } from './grant.js'
export {
  collation, compositeType, domain, extension, sequence,
  type CollationModel, type CollationOptions, type CompositeModel, type DomainModel, type DomainOptions, type ExtensionModel, type ExtensionOptions, type SequenceModel, type SequenceOptions,
} from './type-objects.js'
