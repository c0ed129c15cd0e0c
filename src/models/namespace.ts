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
