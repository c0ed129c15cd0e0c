import { chmodSync, chownSync, lchownSync, lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { basename, dirname, isAbsolute, join, normalize, sep } from 'node:path'

/** One member of a tar archive, as much as extraction needs. */
export interface TarEntry {
  readonly path: string
  readonly type: 'file' | 'directory' | 'symlink'
  readonly mode: number
  readonly linkTarget: string
  readonly data: Buffer
}

/**
 * Reads a ustar/pax/GNU tar archive held in memory (npm's tarballs are small enough). Pax `path`/`linkpath`
 * records and GNU long names are honoured; other member types (devices, fifos, hard links) are skipped.
 * Throws on a truncated archive, so a half-written cache is never mistaken for a whole one.
 */
export function* readTar(archive: Buffer): Generator<TarEntry> {
  let offset = 0
  let longPath: string | undefined
  let longLink: string | undefined
  while (offset + 512 <= archive.length) {
    const header = archive.subarray(offset, offset + 512)
    if (header.every((b) => b === 0)) return
    const size = octal(header.subarray(124, 136))
    const typeFlag = String.fromCharCode(header[156] ?? 0)
    if (offset + 512 + size > archive.length) throw new Error('the archive is truncated')
    const data = archive.subarray(offset + 512, offset + 512 + size)
    offset += 512 + Math.ceil(size / 512) * 512
    if (typeFlag === 'x') {
      const records = paxRecords(data)
      longPath = records.path ?? longPath
      longLink = records.linkpath ?? longLink
      continue
    }
    if (typeFlag === 'L' || typeFlag === 'K') {
      const value = text(data)
      if (typeFlag === 'L') longPath = value
      else longLink = value
      continue
    }
    if (typeFlag === 'g') continue
    const prefix = text(header.subarray(345, 500))
    const name = text(header.subarray(0, 100))
    const path = longPath ?? (prefix ? `${prefix}/${name}` : name)
    const linkTarget = longLink ?? text(header.subarray(157, 257))
    longPath = longLink = undefined
    const type = typeFlag === '5' ? 'directory' : typeFlag === '2' ? 'symlink' : typeFlag === '0' || typeFlag === '\0' || typeFlag === '7' ? 'file' : null
    if (type) yield { path, type, mode: octal(header.subarray(100, 108)) & 0o7777, linkTarget, data }
  }
  throw new Error('the archive is truncated: it has no end marker')
}

export interface ExtractOptions {
  /** Path components dropped from each member's path (npm's `package/`). */
  readonly strip?: number
  /** Keep the archive's modes (a data directory needs its 0700); by default files get 0644, or 0755 if executable. */
  readonly keepModes?: boolean
  /** Owner of everything extracted, when we are root and extract for another account. */
  readonly owner?: { readonly uid: number; readonly gid: number }
}

/** Writes an archive's members under `dest`, refusing members that would land outside it. */
export function extractTar(archive: Buffer, dest: string, options: ExtractOptions = {}): void {
  const { strip = 0, keepModes = false, owner } = options
  const created = [dest]
  const links = new Set<string>()
  mkdirSync(dest, { recursive: true, mode: 0o755 })
  for (const entry of readTar(archive)) {
    const parts = entry.path.split('/').filter((p) => p !== '' && p !== '.').slice(strip)
    if (parts.length === 0) {
      if (entry.type === 'directory' && keepModes) chmodSync(dest, entry.mode)
      continue
    }
    const relative = normalize(parts.join(sep))
    if (isAbsolute(relative) || relative.split(sep).includes('..')) {
      throw new Error(`archive member ${entry.path} points outside the extraction directory`)
    }
    // a member under a symlink extracted earlier would be written wherever that link points
    if (parts.slice(0, -1).some((_, i) => links.has(parts.slice(0, i + 1).join('/')))) {
      throw new Error(`archive member ${entry.path} points outside the extraction directory (through a symlink)`)
    }
    const target = join(dest, relative)
    if (entry.type === 'directory') {
      mkdirSync(target, { recursive: true })
      chmodSync(target, keepModes ? entry.mode : 0o755)
      created.push(target)
      continue
    }
    mkdirSync(dirname(target), { recursive: true, mode: 0o755 })
    if (entry.type === 'symlink') {
      symlinkSync(entry.linkTarget, target)
      links.add(parts.join('/'))
      if (owner) lchownSync(target, owner.uid, owner.gid)
      continue
    }
    writeFileSync(target, entry.data)
    // set explicitly: a umask must not take away what another account needs to read or execute
    chmodSync(target, keepModes ? entry.mode : entry.mode & 0o111 ? 0o755 : 0o644)
    created.push(target)
  }
  if (owner) for (const path of created) chownSync(path, owner.uid, owner.gid)
}

/** A ustar archive of `dir`'s directories and regular files, paths starting with `dir`'s own name. */
export function createTar(dir: string): Buffer {
  const chunks: Buffer[] = []
  const walk = (path: string, name: string) => {
    const stat = lstatSync(path)
    if (stat.isDirectory()) {
      chunks.push(header(`${name}/`, stat.mode, 0, '5'))
      for (const child of readdirSync(path).sort()) walk(join(path, child), `${name}/${child}`)
    } else if (stat.isFile()) {
      const data = readFileSync(path)
      chunks.push(header(name, stat.mode, data.length, '0'), data, Buffer.alloc((512 - (data.length % 512)) % 512))
    } else {
      throw new Error(`${path} is neither a file nor a directory; cannot archive it`)
    }
  }
  walk(dir, basename(dir))
  chunks.push(Buffer.alloc(1024))
  return Buffer.concat(chunks)
}

function header(path: string, mode: number, size: number, type: '0' | '5'): Buffer {
  const block = Buffer.alloc(512)
  let name = path
  let prefix = ''
  if (Buffer.byteLength(name) > 100) {
    const cut = path.lastIndexOf('/', path.length - 2)
    prefix = path.slice(0, cut)
    name = path.slice(cut + 1)
    if (cut <= 0 || Buffer.byteLength(name) > 100 || Buffer.byteLength(prefix) > 155) throw new Error(`path too long for a tar archive: ${path}`)
  }
  block.write(name, 0, 100, 'utf8')
  block.write(octalField(mode & 0o7777, 8), 100, 'ascii')
  block.write(octalField(0, 8), 108, 'ascii')
  block.write(octalField(0, 8), 116, 'ascii')
  block.write(octalField(size, 12), 124, 'ascii')
  block.write(octalField(0, 12), 136, 'ascii')
  block.write(type, 156, 'ascii')
  block.write('ustar\u000000', 257, 'ascii')
  block.write(prefix, 345, 155, 'utf8')
  block.fill(0x20, 148, 156)
  let sum = 0
  for (const byte of block) sum += byte
  block.write(`${sum.toString(8).padStart(6, '0')}\u0000 `, 148, 'ascii')
  return block
}

function octalField(value: number, width: number): string {
  return `${value.toString(8).padStart(width - 1, '0')}\u0000`
}

function octal(field: Buffer): number {
  // sizes over 8 GiB use base-256 (high bit set); nothing we extract is that large
  const value = text(field).trim()
  return value ? parseInt(value, 8) : 0
}

function text(field: Buffer): string {
  const end = field.indexOf(0)
  return field.subarray(0, end === -1 ? field.length : end).toString('utf8')
}

function paxRecords(data: Buffer): Record<string, string> {
  const records: Record<string, string> = {}
  let offset = 0
  while (offset < data.length) {
    const space = data.indexOf(0x20, offset)
    if (space === -1) break
    const length = Number(data.subarray(offset, space).toString('ascii'))
    if (!Number.isInteger(length) || length <= 0) break
    const record = data.subarray(space + 1, offset + length - 1).toString('utf8')
    const eq = record.indexOf('=')
    if (eq > 0) records[record.slice(0, eq)] = record.slice(eq + 1)
    offset += length
  }
  return records
}
