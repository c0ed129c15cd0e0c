import type { AnyColumn } from './column.js';
import { entity } from './entity.js';
import type { AnyTable } from './table.js';
export type GrantObject = {
    readonly on: 'table';
    readonly table: AnyTable;
} | {
    readonly on: 'column';
    readonly column: AnyColumn;
} | {
    readonly on: 'sequence' | 'routine';
    readonly schema: string;
    readonly name: string;
} | {
    readonly on: 'schema';
    readonly schema: string;
};
export interface GrantState {
    readonly privileges: readonly string[];
    readonly object: GrantObject | null;
    readonly roles: readonly string[];
    readonly grantable: boolean;
}
export declare class GrantBuilder {
    readonly state: GrantState;
    readonly [entity]: "grant";
    constructor(state: GrantState);
    /** A table, or one of its columns: `.on(post)`, `.on(post.columns.title)`. */
    on(target: AnyTable | AnyColumn): GrantBuilder;
    /** A sequence by name, `[schema.]name`. */
    onSequence(name: string): GrantBuilder;
    /** A function or procedure with its argument types: `onRoutine('add(integer, integer)')`. */
    onRoutine(signature: string): GrantBuilder;
    onSchema(schema: string): GrantBuilder;
    /** Roles, or `PUBLIC`. */
    to(...roles: string[]): GrantBuilder;
    withGrantOption(): GrantBuilder;
}
/** `GRANT privileges ON ... TO roles`: `SELECT`, `INSERT`, `UPDATE`, `DELETE`, `USAGE`, `EXECUTE`, `ALL`, ... */
export declare const grant: (...privileges: string[]) => GrantBuilder;
