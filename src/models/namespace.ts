import type * as S from '../schema/schema.js'
import { entity } from './entity.js'

/** A schema (namespace) the models declare: what makes an empty one part of them. Tables and enums name theirs. */
export interface SchemaDeclaration {
  readonly [entity]: 'schema'
  readonly name: string
}

/** Declares `CREATE SCHEMA name`; export it to include it. A table or enum in a schema needs no declaration. */
export function schema(name: string): SchemaDeclaration {
  return { [entity]: 'schema', name }
}

/** The types of the schema description (`schema.Table`, `schema.Column`, ...), under the same name as the function. */
// eslint-disable-next-line @typescript-eslint/no-namespace
export declare namespace schema {
  export type Schema = S.Schema
  export type EnumType = S.EnumType
  export type Table = S.Table
  export type Column = S.Column
  export type ReferentialAction = S.ReferentialAction
  export type Deferral = S.Deferral
  export type PrimaryKey = S.PrimaryKey
  export type Unique = S.Unique
  export type ForeignKey = S.ForeignKey
  export type Check = S.Check
  export type Exclusion = S.Exclusion
  export type Index = S.Index
}
