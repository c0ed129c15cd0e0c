import type * as S from '../schema/schema.js';
import { entity } from './entity.js';
/** A schema (namespace) the models declare: what makes an empty one part of them. Tables and enums name theirs. */
export interface SchemaDeclaration {
    readonly [entity]: 'schema';
    readonly name: string;
}
/** Declares `CREATE SCHEMA name`; export it to include it. A table or enum in a schema needs no declaration. */
export declare function schema(name: string): SchemaDeclaration;
/** The types of the schema description (`schema.Table`, `schema.Column`, ...), under the same name as the function. */
export declare namespace schema {
    type Schema = S.Schema;
    type EnumType = S.EnumType;
    type Table = S.Table;
    type Column = S.Column;
    type ReferentialAction = S.ReferentialAction;
    type Deferral = S.Deferral;
    type PrimaryKey = S.PrimaryKey;
    type Unique = S.Unique;
    type ForeignKey = S.ForeignKey;
    type Check = S.Check;
    type Exclusion = S.Exclusion;
    type Index = S.Index;
}
