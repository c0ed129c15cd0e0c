import { createHash } from 'node:crypto'
import type { ModelsKind } from '../../config/config.js'

/** Models of any kind, ready to be built into an empty database by their own DDL and read back by the introspector. */
export interface ModelSource {
  readonly kind: ModelsKind
  /** The models file or folder as messages show it. */
  readonly file: string
  /** Creates the models' schema in the empty database at `url`. Failures are one-line ModelErrors naming the file. */
  build(url: string): Promise<void>
  /** The sha256 of everything build() runs, when that is all it depends on (the DDL, the SQL files): the key of a cached build. */
  readonly buildDigest?: string
  /** The check cache root these models were loaded for, when the cache may be used: where their stored schema is kept. */
  readonly cacheRoot?: string
}

export function buildDigest(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}
