import { existsSync, readdirSync, readFileSync, statSync, type Dirent } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { HistoryError } from '../errors.js'
import { readMigrationFile, type FileRead } from './file-reads.js'
import { matchesAny } from './glob.js'
import type { MigrationFile } from './types.js'

const moduleExtension = /\.(ts|mts|cts|js|mjs|cjs)$/
const downSuffix = '.down.sql'

/**
 * Lists the migrations in `dir`, ordered by name. Reads each file for its checksum; imports nothing.
 * `NAME.sql` may have `NAME.down.sql` beside it; `NAME.ts`/`.js`/`.mjs` export `up` and `down`.
 * Files matching one of the `ignore` globs (templates, samples) are not migrations.
 */
export function listMigrations(dir: string, cwd: string, ignore: readonly string[]): MigrationFile[] {
  if (!existsSync(dir)) {
    throw new HistoryError('migrations_dir', `migrations folder ${displayPath(dir, cwd)} does not exist: create it with \`db-migrate init\` or set migrations to the right folder`)
  }
  if (!statSync(dir).isDirectory()) {
    throw new HistoryError('migrations_dir', `the migrations setting (--migrations) names ${displayPath(dir, cwd)}, which is a file: set it to the folder that holds the migrations`)
  }
  const entries = readdirSync(dir, { withFileTypes: true }).filter((e) => !e.name.startsWith('.') && !matchesAny(e.name, ignore) && isFile(e, dir, cwd)).map((e) => e.name)
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
      if (downPath) assertUtf8(readMigrationFile(downPath), downPath, cwd)
      // one read of the file for both its checksum and its encoding
      const read = readMigrationFile(join(dir, entry))
      migration = { name, kind: 'sql', path: join(dir, entry), downPath, checksum: read.checksum }
      assertUtf8(read, migration.path, cwd)
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

/** A regular file, or a symlink to one (followed); a dangling symlink is an error, never skipped. */
function isFile(entry: Dirent, dir: string, cwd: string): boolean {
  if (!entry.isSymbolicLink()) return entry.isFile()
  const path = join(dir, entry.name)
  try {
    return statSync(path).isFile()
  } catch {
    throw new HistoryError('dangling_symlink', `${displayPath(path, cwd)} is a symbolic link to nothing: point it at the migration file or remove it`, path)
  }
}

/** A SQL file's text as psql reads it: UTF-8, a leading byte order mark dropped. */
export function readSqlFile(path: string): string {
  return readFileSync(path, 'utf8').replace(/^\uFEFF/, '')
}

/** Refuses a SQL file that is not valid UTF-8 (psql: invalid byte sequence), naming its line and byte. */
function assertUtf8({ bytes, text }: FileRead, path: string, cwd: string): void {
  if (!bytes) return
  for (let at = text.indexOf('\uFFFD'); at !== -1; at = text.indexOf('\uFFFD', at + 1)) {
    const offset = Buffer.byteLength(text.slice(0, at))
    if (bytes[offset] === 0xef && bytes[offset + 1] === 0xbf && bytes[offset + 2] === 0xbd) continue // a real U+FFFD
    const line = text.slice(0, at).split('\n').length
    const byte = `0x${bytes[offset]!.toString(16).padStart(2, '0')}`
    throw new HistoryError('not_utf8', `${displayPath(path, cwd)}:${line} is not UTF-8 (byte ${byte}): save the file as UTF-8; nothing was applied`, path)
  }
}

/** Migrations run in code-point order of their names, whatever the locale. */
export function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** sha256 of the file's text with CRLF → LF, so a checkout on Windows does not look like an edit. */
export function checksumFile(path: string): string {
  return readMigrationFile(path).checksum
}

/** A path as messages show it: relative to the project when inside it, with forward slashes. */
export function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path)
  return rel && !rel.startsWith('..') ? rel.split(sep).join('/') : path
}
