// The type tests (lines marked @ts-expect-error) through the compiler: node runs them with the types stripped, so
// only tsc sees whether a marked line is refused. Any error fails, an unused @ts-expect-error included.
import assert from 'node:assert/strict'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { after, describe, it } from 'node:test'
import { root } from '../helpers/runner.js'
import { typecheck } from '../helpers/typecheck.js'

const marker = '@ts-expect-' + 'error'
const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
  e.isDirectory() ? (e.name === 'fixtures' || e.name === '.tmp' ? [] : files(join(dir, e.name)))
    : e.name.endsWith('.ts') && readFileSync(join(dir, e.name), 'utf8').includes(marker) ? [join(dir, e.name)] : [])

describe('the type tests', () => {
  it('compile, and every line marked as an expected error is one', () => {
    const typeTests = files(join(root, 'test')).filter((f) => !f.endsWith('type-tests.test.ts'))
    assert.ok(typeTests.some((f) => relative(root, f) === 'test/models/typing.test.ts'), 'the model typing tests are found')
    assert.deepEqual(typecheck(typeTests), [])
  })

  it('fail on a marked line that compiles', () => {
    const dir = mkdtempSync(join(tmpdir(), 'db-migrate-type-test-'))
    after(() => rmSync(dir, { recursive: true, force: true }))
    const file = join(dir, 'wrong.ts')
    writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n')
    writeFileSync(file, `// ${marker} a number is a number\nexport const n: number = 1\n`)
    const errors = typecheck([file], join(root, 'tsconfig.json'), { rootDir: dir })
    assert.equal(errors.length, 1, errors.join('\n'))
    assert.match(errors[0]!, /TS2578: Unused '@ts-expect-error' directive/)
  })
})
