import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, readlinkSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, describe, it } from 'node:test'
import fc from 'fast-check'
import { createTar, extractTar, readTar } from '../../src/provision/tar.js'

const work = mkdtempSync(join(tmpdir(), 'db-migrate-tar-'))
after(() => rmSync(work, { recursive: true, force: true }))
let n = 0
const fresh = () => join(work, String(n++))

/** A tar member header as another tar program would write it; enough fields for our reader. */
function member(path: string, type: string, body: Buffer | string = '', link = ''): Buffer {
  const data = Buffer.from(body)
  const header = Buffer.alloc(512)
  header.write(path, 0, 100)
  header.write('0000644\0', 100)
  header.write(`${data.length.toString(8).padStart(11, '0')}\0`, 124)
  header.write(type, 156)
  header.write(link, 157, 100)
  header.write('ustar\u000000', 257)
  return Buffer.concat([header, data, Buffer.alloc((512 - (data.length % 512)) % 512)])
}

function pax(records: Record<string, string>): Buffer {
  const body = Object.entries(records).map(([k, v]) => {
    const rest = ` ${k}=${v}\n`
    let length = rest.length + 1
    while (String(length).length + rest.length !== length) length = String(length).length + rest.length
    return `${length}${rest}`
  }).join('')
  return member('PaxHeader', 'x', body)
}

describe('tar', () => {
  it('round-trips a directory, keeping modes', () => {
    const source = join(fresh(), 'data')
    mkdirSync(join(source, 'base', '1'), { recursive: true, mode: 0o700 })
    writeFileSync(join(source, 'PG_VERSION'), '18\n', { mode: 0o600 })
    writeFileSync(join(source, 'base', '1', 'big'), Buffer.alloc(70_000, 7), { mode: 0o600 })
    writeFileSync(join(source, 'base', '1', 'empty'), '')
    const dest = fresh()
    extractTar(createTar(source), dest, { strip: 1, keepModes: true })
    assert.equal(readFileSync(join(dest, 'PG_VERSION'), 'utf8'), '18\n')
    assert.deepEqual(readFileSync(join(dest, 'base', '1', 'big')), Buffer.alloc(70_000, 7))
    assert.equal(readFileSync(join(dest, 'base', '1', 'empty'), 'utf8'), '')
    assert.equal(statSync(join(dest, 'PG_VERSION')).mode & 0o777, 0o600)
    assert.equal(statSync(join(dest, 'base')).mode & 0o777, 0o700)
  })

  it('writes archives that the system tar reads', (t) => {
    const source = join(fresh(), 'data')
    mkdirSync(join(source, 'a'), { recursive: true })
    writeFileSync(join(source, 'a', 'file'), 'hello')
    const archive = join(fresh() + '.tar')
    writeFileSync(archive, createTar(source))
    let listing: string
    try {
      listing = execFileSync('tar', ['-tf', archive], { encoding: 'utf8' })
    } catch {
      return t.skip('no tar program on this machine')
    }
    assert.deepEqual(listing.trim().split('\n').sort(), ['data/', 'data/a/', 'data/a/file'])
  })

  it('reads pax and GNU long names, symlinks, and skips other member types', () => {
    const long = `package/${'d'.repeat(120)}/file.txt`
    const archive = Buffer.concat([
      pax({ path: long }), member('ignored-short-name', '0', 'pax body'),
      member('././@LongLink', 'L', `${'g'.repeat(130)}\0`), member('ignored', '0', 'gnu body'),
      member('package/link', '2', '', 'file.txt'),
      member('package/fifo', '6'),
      Buffer.alloc(1024),
    ])
    const entries = [...readTar(archive)].map((e) => [e.path, e.type, e.data.toString() || e.linkTarget])
    assert.deepEqual(entries, [[long, 'file', 'pax body'], ['g'.repeat(130), 'file', 'gnu body'], ['package/link', 'symlink', 'file.txt']])
    const dest = fresh()
    extractTar(archive, dest, { strip: 1 })
    assert.equal(readFileSync(join(dest, 'd'.repeat(120), 'file.txt'), 'utf8'), 'pax body')
    assert.equal(readlinkSync(join(dest, 'link')), 'file.txt')
    assert.equal(statSync(join(dest, 'd'.repeat(120), 'file.txt')).mode & 0o777, 0o644)
  })

  it('refuses members that would land outside the destination', () => {
    const outside = [
      [member('package/../../evil', '0', 'x')],
      [member('package/up', '2', '', '/tmp'), member('package/up/evil', '0', 'x')],
    ]
    for (const members of outside) {
      const dest = fresh()
      assert.throws(() => extractTar(Buffer.concat([...members, Buffer.alloc(1024)]), dest, { strip: 1 }), /points outside the extraction directory/)
    }
  })

  it('refuses a truncated archive', () => {
    const source = join(fresh(), 'data')
    mkdirSync(source, { recursive: true })
    writeFileSync(join(source, 'a'), Buffer.alloc(3000, 1))
    writeFileSync(join(source, 'b'), 'b')
    const whole = createTar(source)
    for (const length of [1536, whole.length - 1024]) {
      assert.throws(() => extractTar(whole.subarray(0, length), fresh(), { strip: 1 }), /the archive is truncated/, `cut at ${length}`)
    }
  })

  it('puts absolute member paths under the destination, as tar does', () => {
    const dest = fresh()
    extractTar(Buffer.concat([member('/etc/evil', '0', 'x'), Buffer.alloc(1024)]), dest)
    assert.equal(readFileSync(join(dest, 'etc', 'evil'), 'utf8'), 'x')
  })

  it('round-trips any file contents and names', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.stringMatching(/^[a-z0-9_.-]{1,40}$/).filter((s) => s !== '.' && s !== '..'), fc.uint8Array({ maxLength: 2000 })),
        (files) => {
          const source = join(fresh(), 'd')
          mkdirSync(source, { recursive: true })
          for (const [name, body] of Object.entries(files)) writeFileSync(join(source, name), body)
          const dest = fresh()
          extractTar(createTar(source), dest, { strip: 1 })
          for (const [name, body] of Object.entries(files)) assert.deepEqual(new Uint8Array(readFileSync(join(dest, name))), body)
        },
      ),
      { numRuns: 30 },
    )
  })
})
