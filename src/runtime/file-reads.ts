import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'

/** A migration file as one read saw it: its text decoded as UTF-8, and the checksum of its bytes. */
export interface FileRead {
  readonly text: string
  readonly checksum: string
  /** The bytes, read only when the text holds U+FFFD: a real one, or bytes that are not UTF-8. */
  readonly bytes?: Buffer
}

/**
 * Reads the file at `path` once for both its checksum and its text. The text comes from Node's one-call UTF-8
 * read; the bytes of text that decoded cleanly are that text encoded again, so the checksum hashes it. Only text
 * holding U+FFFD, which may stand for bytes that were not UTF-8, is hashed from the bytes, read a second time.
 */
export function readMigrationFile(path: string): FileRead {
  const text = readFileSync(path, 'utf8')
  if (!text.includes('\uFFFD')) return { text, checksum: checksumOfText(text) }
  const bytes = readFileSync(path)
  return { text: bytes.toString('utf8'), checksum: checksumOf(bytes), bytes }
}

/** sha256 of the file's bytes with CRLF → LF, so a checkout on Windows does not look like an edit. */
function checksumOfText(text: string): string {
  return createHash('sha256').update(text.includes('\r') ? text.replace(/\r\n/g, '\n') : text, 'utf8').digest('hex')
}

function checksumOf(bytes: Buffer): string {
  // latin1 maps each byte to one character and back: without a CR the bytes hash as they are
  if (!bytes.includes(13)) return createHash('sha256').update(bytes).digest('hex')
  return createHash('sha256').update(bytes.toString('latin1').replace(/\r\n/g, '\n'), 'latin1').digest('hex')
}
