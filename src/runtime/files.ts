import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { HistoryError } from '../errors.js'
import { matchesAny } from './glob.js'
import type { MigrationFile } from './types.js'

const moduleExtension = /\.(ts|mts|cts|js|mjs|cjs)$/
const downSuffix = '.down.sql'

/**
 * Lists the migrations in `dir`, ordered by name. Reads each file's bytes for its checksum; imports nothing.
 * `NAME.sql` may have `NAME.down.sql` beside it; `NAME.ts`/`.js`/`.mjs` export `up` and `down`.
 * Files matching one of the `ignore` globs (templates, samples) are not migrations.
 */
export function listMigrations(dir: string, cwd: string, ignore: readonly string[] = []): MigrationFile[] {
  if (!existsSync(dir)) {
    throw new HistoryError('migrations_dir', `migrations folder ${displayPath(dir, cwd)} does not exist: create it with \`db-migrate init\` or set migrations to the right folder`)
  }
  const entries = readdirSync(dir, { withFileTypes: true }).filter((e) => e.isFile() && !e.name.startsWith('.') && !matchesAny(e.name, ignore)).map((e) => e.name)
  const names = new Set(entries)
  const found = new Map<string, MigrationFile>()
  for (const entry of entries) {
    let migration: MigrationFile | undefined
    if (entry.endsWith(downSuffix)) {
      const name = entry.slice(0, -downSuffix.length)
      if (!names.has(`${name}.sql`)) {
        throw new HistoryError('orphan_down', `${displayPath(join(dir, entry), cwd)} has no ${name}.sql beside it: rename it or add the up migration`, join(dir, entry))
      }
    } else if (entry.endsWith('.sql')) {
      const name = entry.slice(0, -'.sql'.length)
      const downPath = names.has(`${name}${downSuffix}`) ? join(dir, `${name}${downSuffix}`) : null
      migration = { name, kind: 'sql', path: join(dir, entry), downPath, checksum: checksumFile(join(dir, entry)) }
    } else if (moduleExtension.test(entry) && !/\.d\.[cm]?ts$/.test(entry)) {
      const name = entry.replace(moduleExtension, '')
      migration = { name, kind: 'module', path: join(dir, entry), downPath: null, checksum: checksumFile(join(dir, entry)) }
    }
    if (!migration) continue
    const other = found.get(migration.name)
    if (other) {
      throw new HistoryError('duplicate_migration', `two migrations are named ${migration.name} (${displayPath(other.path, cwd)} and ${displayPath(migration.path, cwd)}): keep one`, migration.path)
    }
    found.set(migration.name, migration)
  }
  return [...found.values()].sort((a, b) => compareNames(a.name, b.name))
}

/** Migrations run in code-point order of their names, whatever the locale. */
export function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** sha256 of the file's text with CRLF → LF, so a checkout on Windows does not look like an edit. */
export function checksumFile(path: string): string {
  const text = readFileSync(path).toString('latin1').replace(/\r\n/g, '\n')
  return createHash('sha256').update(text, 'latin1').digest('hex')
}

/** A path as messages show it: relative to the project when inside it, with forward slashes. */
export function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path)
  return rel && !rel.startsWith('..') ? rel.split(sep).join('/') : path
}
