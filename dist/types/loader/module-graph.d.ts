/**
 * A file a module was made of or rests on, with the sha256 of its bytes; `dir` for a folder; null for a path that
 * must not exist; absent when the hooks did not load it (before they were registered): hash it from disk.
 */
export interface ModuleInput {
    readonly path: string;
    readonly hash?: string | null;
}
export interface GraphRequest {
    readonly id: number;
    readonly entry: string;
}
export interface GraphReply {
    readonly id: number;
    /** Null when the hooks never loaded `entry`, or a module of it cannot be known by its files. */
    readonly files: ModuleInput[] | null;
}
export declare function sha256(data: string | Uint8Array): string;
/** What `path` is now, as a ModuleInput's hash says it. */
export declare function pathHash(path: string): string | null;
/**
 * Every resolve is an edge, even to a module loaded before (a new importer resolves each of its specifiers), so
 * the closure of a module is complete whichever module of it was imported first.
 */
export declare class ModuleGraph {
    private readonly edges;
    private readonly hashes;
    private readonly facts;
    private readonly opaque;
    edge(parent: string | undefined, child: string): void;
    loaded(url: string, source: unknown): void;
    /** What `url` (a module, or the importer of one) rests on: `path` as `pathHash` found it. */
    fact(url: string | undefined, path: string, hash?: string | null): void;
    /** A module made by more than its files (compiled by the project's own TypeScript, say). */
    unknowable(url: string): void;
    closure(entry: string): ModuleInput[] | null;
}
