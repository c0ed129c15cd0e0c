/** Smaller files transform faster than a cache can be read and written. */
export declare const cachedFrom: number;
/** `transforms/` in db-migrate's cache: DB_MIGRATE_CACHE, else the runner's tool cache, else XDG_CACHE_HOME or ~/.cache. */
export declare function transformCacheDir(env?: NodeJS.ProcessEnv): string;
/** `make()` of `source`, from `dir` when it made this exact output before; the cache failing only costs the transform. */
export declare function cachedTransform(dir: string, path: string, source: string, options: string, make: () => string): string;
