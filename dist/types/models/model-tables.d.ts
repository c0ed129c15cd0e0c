import type { AnyColumn } from './column.js';
import type { AnyTable } from './table.js';
/**
 * The tables of a models module, found by name or by identity, each with its columns in order: made once for one
 * build of the schema, so that references and column walks do not search every table again.
 */
export interface ModelTables {
    readonly all: readonly AnyTable[];
    /** The first table declared under this schema and name. */
    named(schema: string, name: string): AnyTable | undefined;
    has(table: AnyTable): boolean;
    columns(table: AnyTable): readonly AnyColumn[];
}
export declare function modelTables(tables: readonly AnyTable[]): ModelTables;
