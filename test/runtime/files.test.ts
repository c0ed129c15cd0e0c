import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { HistoryError } from '../../src/errors.js'
import { checksumFile, listMigrations } from '../../src/runtime/files.js'
import { project } from '../helpers/project.js'

// what the history has always kept: sha256 of the file's bytes, each CRLF made LF
const reference = (bytes: Buffer) => {
  const out: number[] = []
  for (let i = 0; i < bytes.length; i++) if (!(bytes[i] === 13 && bytes[i + 1] === 10)) out.push(bytes[i]!)
  return createHash('sha256').update(Buffer.from(out)).digest('hex')
}

describe('migration checksums', () => {
  it('hash the bytes with CRLF as LF, whatever the text holds', () => {
    const p = project('runtime-basic')
    const texts: Record<string, Uint8Array> = {
      '20250101000000_plain.sql': Buffer.from('CREATE TABLE plain (id int);\n'),
      '20250102000000_crlf.sql': Buffer.from('CREATE TABLE crlf (id int);\r\n-- a lone \r stays\r\n'),
      '20250103000000_bom.sql': Buffer.from('\uFEFFCREATE TABLE bom (note text DEFAULT \'é 😀\');\n'),
      '20250104000000_replacement.sql': Buffer.from('CREATE TABLE r (note text DEFAULT \'\uFFFD\');\r\n'),
      '20250105000000_module.js': Buffer.from([...Buffer.from('export async function up() {}\n// caf'), 0xe9, 0x0d, 0x0a]),
    }
    for (const [name, bytes] of Object.entries(texts)) p.writeBytes(`migrations/${name}`, bytes)
    const listed = new Map(listMigrations(join(p.dir, 'migrations'), p.dir, []).map((f) => [f.name, f]))
    for (const name of Object.keys(texts)) {
      const path = join(p.dir, 'migrations', name)
      const expected = reference(readFileSync(path))
      assert.equal(listed.get(name.replace(/\.(sql|js)$/, ''))!.checksum, expected, name)
      assert.equal(checksumFile(path), expected, name)
    }
  })

  it('refuse a SQL file that is not UTF-8, but not a real U+FFFD', () => {
    const p = project('runtime-basic')
    p.writeBytes('migrations/20250101000000_latin1.sql', Buffer.from([...Buffer.from('SELECT 1;\nSELECT \'caf'), 0xe9, ...Buffer.from('\';\n')]))
    assert.throws(() => listMigrations(join(p.dir, 'migrations'), p.dir, []), (e: Error) =>
      e instanceof HistoryError && e.code === 'not_utf8' && e.message === 'migrations/20250101000000_latin1.sql:2 is not UTF-8 (byte 0xe9): save the file as UTF-8; nothing was applied')
  })
})
