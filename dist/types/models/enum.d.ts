import { type Column } from './column.js';
import { entity } from './entity.js';
export interface EnumOptions {
    /** Schema of the type; `public` when unset. */
    readonly schema?: string;
    readonly comment?: string;
}
/** A PostgreSQL enum type. Call it to declare a column of that type: `mood()` or `mood('current_mood')`. */
export interface EnumType<TValues extends readonly string[] = readonly string[]> {
    (name?: string): Column<TValues[number]>;
    readonly [entity]: 'enum';
    readonly name: string;
    readonly schema: string;
    readonly values: TValues;
    readonly comment: string | null;
}
/** Declares `CREATE TYPE name AS ENUM (...)`; export it (or use it in an exported table) to include it. */
export declare function enumType<const TValues extends readonly string[]>(name: string, values: TValues, options?: EnumOptions): EnumType<TValues>;
