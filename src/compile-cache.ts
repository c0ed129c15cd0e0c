import module from 'node:module'

/**
 * Node 22.1+ can keep the code it compiled between runs (in NODE_COMPILE_CACHE, else a directory of its own under
 * the temp dir), which saves most of the time a process spends loading the bundle. A no-op on older Node, and
 * where the cache directory cannot be written (Node then runs without it).
 */
export function enableCompileCache(): void {
  ;(module as { enableCompileCache?: () => unknown }).enableCompileCache?.()
}
