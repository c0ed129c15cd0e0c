/** `<table>_<addition>_<label>`, each part clipped as PostgreSQL clips it to fit 63 bytes. */
export declare function defaultName(table: string, addition: string | null, label: string): string;
/** Column names joined by `_`, as PostgreSQL's name addition for multi-column constraints and indexes. */
export declare function columnsAddition(names: readonly string[]): string;
/** A name not yet in `taken`, by appending 1, 2, ... as PostgreSQL does; the result is added to `taken`. */
export declare function uniqueName(name: string, taken: Set<string>): string;
export declare function byteLength(name: string): number;
