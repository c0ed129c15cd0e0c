import { type Column as SchemaColumn } from '../schema/schema.js';
import type * as T from '../schema/types.js';
import type { AnyColumn } from './column.js';
import type { ModelTables } from './model-tables.js';
import type { Models } from './to-schema.js';
export interface ObjectsSchema {
    readonly extensions: T.Extension[];
    readonly sequences: T.Sequence[];
    readonly domains: T.Domain[];
    readonly compositeTypes: T.CompositeType[];
    readonly collations: T.Collation[];
}
/**
 * An extension without a version gets the server's default: check builds the models on the server and reads the
 * version back. A placeholder stands for it until then.
 */
export declare const defaultVersion = "";
export declare function buildTypes(models: Models, tables: ModelTables, problems: string[]): ObjectsSchema;
/** The column's COLLATE clause, if it names one. */
export declare function collationOf(c: AnyColumn): string | undefined;
/** Adds a column's collation to its schema column. */
export declare function withCollation(built: SchemaColumn, c: AnyColumn): SchemaColumn;
