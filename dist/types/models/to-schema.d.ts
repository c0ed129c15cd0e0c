import type * as S from '../schema/schema.js';
import type { EnumType } from './enum.js';
import type { SchemaDeclaration } from './namespace.js';
import type { ObjectDeclaration, RawSqlDeclaration } from './objects.js';
import type { SchemaObjectModel } from './type-objects.js';
import type { AnyTable } from './table.js';
import type { GrantBuilder } from './grant.js';
/** What a models module declares. */
export interface Models {
    readonly tables: readonly AnyTable[];
    readonly enums: readonly EnumType[];
    /** Schemas declared with schema('name'), empty ones included. */
    readonly schemas?: readonly SchemaDeclaration[];
    /** Views, functions, triggers, ...; absent means none. */
    readonly objects?: readonly ObjectDeclaration[];
    /** SQL run before the tables, in the order exported. */
    readonly raw?: readonly RawSqlDeclaration[];
    readonly grants?: readonly GrantBuilder[];
    /** Extensions, sequences, domains, composite types and collations. */
    readonly types?: readonly SchemaObjectModel[];
}
export interface BuiltSchema {
    readonly schema: S.Schema;
    /** One line per problem, e.g. `column post.title: varchar length must be ...`; empty when the models are sound. */
    readonly problems: readonly string[];
}
/** The schema the models describe; throws ModelError naming the first problem. */
export declare function toSchema(models: Models, file?: string): S.Schema;
/** The schema the models describe, and every problem found in them. */
export declare function buildSchema(models: Models): BuiltSchema;
