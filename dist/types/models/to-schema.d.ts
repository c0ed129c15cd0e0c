import type * as S from '../schema/schema.js';
import type { EnumType } from './enum.js';
import type { AnyTable } from './table.js';
/** The tables and enums a models module declares. */
export interface Models {
    readonly tables: readonly AnyTable[];
    readonly enums: readonly EnumType[];
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
