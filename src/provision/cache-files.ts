// Files of a cache directory: written whole or not at all, and only the most recently used kept.
import { readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/** Writes `file` through a partial file renamed into place, so a reader never sees half of it. */
export function writeWhole(file: string, text: string): void {
  const partial = `${file}.${process.pid}.partial`
  writeFileSync(partial, text)
  renameSync(partial, file)
}

/** Removes all but the `limit` most recently modified `.json` files of `dir`. */
export function keepNewest(dir: string, limit: number): void {
  const files = readdirSync(dir).filter((f) => f.endsWith('.json'))
  if (files.length <= limit) return
  const aged = files.map((f) => ({ f, at: mtime(join(dir, f)) })).sort((a, b) => b.at - a.at)
  for (const { f } of aged.slice(limit)) rmSync(join(dir, f), { force: true })
}

function mtime(file: string): number {
  try {
    return statSync(file).mtimeMs
  } catch {
    return 0
  }
}
