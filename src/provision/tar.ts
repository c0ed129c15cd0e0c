import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { dirname, isAbsolute, join, normalize, sep } from 'node:path'

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
}

/** Writes an archive's members under `dest`, dropping the first `strip` path components (npm's `package/`). */
export function extractTar(archive: Buffer, dest: string, strip = 0): void {
  for (const entry of readTar(archive)) {
    const parts = entry.path.split('/').filter((p) => p !== '' && p !== '.').slice(strip)
    if (parts.length === 0) continue
    const relative = normalize(parts.join(sep))
    if (isAbsolute(relative) || relative.split(sep).includes('..')) {
      throw new Error(`archive member ${entry.path} points outside the extraction directory`)
    }
    const target = join(dest, relative)
    if (entry.type === 'directory') {
      mkdirSync(target, { recursive: true, mode: 0o755 })
      continue
    }
    mkdirSync(dirname(target), { recursive: true, mode: 0o755 })
    if (entry.type === 'symlink') {
      symlinkSync(entry.linkTarget, target)
    } else {
      writeFileSync(target, entry.data)
      // npm records modes like 0644/0755; keep the execute bits the binaries need, readable by everyone
      chmodSync(target, (entry.mode & 0o111 ? 0o755 : 0o644))
    }
  }
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
