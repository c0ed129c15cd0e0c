import { existsSync, readFileSync, utimesSync } from 'node:fs'
import { join } from 'node:path'
import type { Schema } from '../schema/schema.js'
import { version } from '../version.js'
import { ensureDir } from './cache.js'
import { keepNewest, writeWhole } from './cache-files.js'

// bump when the Schema's shape or the introspector's reading changes: older files are then never read
const storeFormat = 1

/** How many stored schemas a cache keeps: the most recently used. */
export const storedSchemaLimit = 24

/**
 * How a snapshot was read: the settings the introspector took. A stored schema is reused only by a reader with the
 * same ones, of the same db-migrate version.
 */
export interface SchemaReader {
  /** The cluster the snapshot is in (its copies share its catalog rows): a reading is not reused on another server. */
  readonly cluster?: string
  readonly privileges: boolean
  readonly exclude?: readonly { readonly schema: string; readonly name: string }[]
}

/** A snapshot's schema as the introspector read it, with facts about the catalog it was read from (for incremental reads). */
export interface StoredSchema<Facts = unknown> {
  readonly schema: Schema
  readonly facts?: Facts
}

/**
 * The introspected schemas of snapshot databases, kept as files under `root`/schemas: a snapshot is a function of its
 * key, so what the introspector read of it once holds for as long as the key does. Unreadable or foreign files read as none.
 */
export function readStoredSchema<Facts>(root: string, name: string, reader: SchemaReader): StoredSchema<Facts> | null {
  const file = join(root, 'schemas', `${name}.json`)
  if (!existsSync(file)) return null
  try {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as { format: number; reader: string; schema: Schema; facts?: Facts }
    if (stored.format !== storeFormat || stored.reader !== readerKey(reader)) return null
    const now = new Date()
    utimesSync(file, now, now)
    return { schema: stored.schema, ...(stored.facts === undefined ? {} : { facts: stored.facts }) }
  } catch {
    return null
  }
}

/** Keeps `schema` as the stored reading of snapshot `name` (written whole, then renamed into place), and prunes the oldest. */
export function writeStoredSchema(root: string, name: string, reader: SchemaReader, stored: StoredSchema): void {
  const dir = ensureDir(join(root, 'schemas'))
  const file = join(dir, `${name}.json`)
  writeWhole(file, JSON.stringify({ format: storeFormat, reader: readerKey(reader), ...stored }))
  keepNewest(dir, storedSchemaLimit)
}

function readerKey(reader: SchemaReader): string {
  return JSON.stringify({ version, cluster: reader.cluster ?? '', privileges: reader.privileges, exclude: reader.exclude ?? [] })
}
