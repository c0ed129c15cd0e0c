/** Facts about PostgreSQL's types that compare, render and risk all lean on: the serial family and safe widening. */
/** `serial`, `bigserial` or `smallserial`: an integer numbered by a sequence the column owns. */
export declare function isSerial(type: string): boolean;
/** The type a column really has: `integer` for `serial`, the type itself for any other. */
export declare function baseType(type: string): string;
/** The serial pseudo-type of an integer type (`serial` for `integer`), or undefined when it has none. */
export declare function serialFor(type: string): string | undefined;
/** The smallest and largest value of an integer type, as PostgreSQL prints them: a sequence's range by default. */
export declare const integerRange: Readonly<Record<string, {
    readonly min: string;
    readonly max: string;
}>>;
/** True when every value of `from` converts to `to` without loss. */
export declare function isWidening(from: string, to: string): boolean;
