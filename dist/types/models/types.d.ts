import { type Column } from './column.js';
/** Literal default of an 8-byte integer: a number, a bigint, or its decimal text. */
export type BigIntValue = number | bigint | string;
/** Literal default of a date or time column: a Date (written in ISO form) or PostgreSQL text such as `'12:00'`. */
export type DateValue = Date | string;
/** Any JSON value. */
export type JsonValue = string | number | boolean | null | readonly JsonValue[] | {
    readonly [key: string]: JsonValue;
};
export declare const smallint: (name?: string) => Column<number>;
export declare const integer: (name?: string) => Column<number>;
export declare const bigint: (name?: string) => Column<BigIntValue>;
/** `smallserial`: a smallint numbered by a sequence the column owns. */
export declare const smallserial: (name?: string) => Column<number, true, true>;
/** `serial`: an integer numbered by a sequence the column owns. */
export declare const serial: (name?: string) => Column<number, true, true>;
/** `bigserial`: a bigint numbered by a sequence the column owns. */
export declare const bigserial: (name?: string) => Column<BigIntValue, true, true>;
export declare const text: (name?: string) => Column<string>;
/** `character varying(length)`; unbounded without a length: `varchar(100)`, `varchar(100, 'title')`, `varchar('note')`. */
export declare function varchar(length?: number | string, name?: string): Column<string>;
/** `character(length)`, blank-padded; PostgreSQL's default length is 1. */
export declare function char(length?: number | string, name?: string): Column<string>;
export declare const boolean: (name?: string) => Column<boolean>;
/** `numeric(precision, scale)`; arbitrary precision without arguments: `numeric(10, 2)`, `numeric('ratio')`. */
export declare function numeric(precision?: number | string, scale?: number, name?: string): Column<number | string>;
export declare const decimal: typeof numeric;
export declare const real: (name?: string) => Column<number>;
export declare const doublePrecision: (name?: string) => Column<number>;
export declare const date: (name?: string) => Column<DateValue>;
export interface TimeOptions {
    readonly withTimezone?: boolean;
    /** Fractional digits of seconds kept, 0 to 6 (PostgreSQL keeps 6 when unset). */
    readonly precision?: number;
}
/** `time [(p)] without time zone`, or `with time zone` when asked: `time({ withTimezone: true })`. */
export declare const time: (name?: string | TimeOptions, options?: TimeOptions) => Column<DateValue>;
/** `timestamp [(p)] without time zone`, or `with time zone` when asked. */
export declare const timestamp: (name?: string | TimeOptions, options?: TimeOptions) => Column<DateValue>;
/** `timestamp [(p)] with time zone`. */
export declare const timestamptz: (name?: string | Omit<TimeOptions, "withTimezone">, options?: Omit<TimeOptions, "withTimezone">) => Column<DateValue>;
export declare const interval: (name?: string) => Column<string>;
export declare const uuid: (name?: string) => Column<string>;
export declare const json: (name?: string) => Column<JsonValue>;
export declare const jsonb: (name?: string) => Column<JsonValue>;
export declare const bytea: (name?: string) => Column<Uint8Array>;
/**
 * Any other type, spelled as PostgreSQL would print it (`inet`, `tsvector`, `citext` from an extension...).
 * PostgreSQL checks the name when the models are built.
 */
export declare const customType: <TData = string>(type: string, name?: string) => Column<TData>;
