/** The closest of `known` to `typed` (edit distance at most 2, or a third of its length), for "did you mean". */
export declare function closest(typed: string, known: readonly string[]): string | undefined;
