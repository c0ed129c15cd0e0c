// The types the package publishes (package.json exports types), compiled in a consumer project the way the user's
// own tsc compiles them: installed under node_modules with only the package's dependencies, skipLibCheck false.
import assert from 'node:assert/strict'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { after, describe, it } from 'node:test'
import { root } from '../helpers/runner.js'
import { typecheck } from '../helpers/typecheck.js'

const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { exports: { '.': { types: string } }; dependencies?: Record<string, string> }

/** Links `name` and what it depends on from this repository's node_modules, as npm would install them. */
function link(modules: string, name: string): void {
  const target = join(modules, name)
  if (existsSync(target)) return
  mkdirSync(dirname(target), { recursive: true })
  symlinkSync(join(root, 'node_modules', name), target, 'dir')
  const own = JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> }
  for (const dep of Object.keys(own.dependencies ?? {})) link(modules, dep)
}

describe('the published types', () => {
  it('type-check in a consumer project with skipLibCheck false', () => {
    const dir = mkdtempSync(join(tmpdir(), 'db-migrate-consumer-'))
    after(() => rmSync(dir, { recursive: true, force: true }))
    const installed = join(dir, 'node_modules', 'db-migrate-action')
    mkdirSync(installed, { recursive: true })
    cpSync(join(root, 'package.json'), join(installed, 'package.json'))
    cpSync(join(root, dirname(manifest.exports['.'].types)), join(installed, dirname(manifest.exports['.'].types)), { recursive: true })
    for (const dep of Object.keys(manifest.dependencies ?? {})) link(join(dir, 'node_modules'), dep)
    link(join(dir, 'node_modules'), '@types/node') // the consumer's own
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', type: 'module', private: true }))
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({
      compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, skipLibCheck: false, types: ['node'], noEmit: true },
      include: ['*.ts'],
    }))
    writeFileSync(join(dir, 'migration.ts'), `import type { MigrationContext, MigrationFn } from 'db-migrate-action'
export const up: MigrationFn = async ({ client, name }: MigrationContext) => {
  const { rows } = await client.query<{ n: number }>('select 1 as n')
  return [name, rows[0]?.n]
}
`)
    writeFileSync(join(dir, 'models.ts'), `import { integer, table, text, type Table } from 'db-migrate-action'
export const user: Table<'user'> = table('user', { id: integer().primaryKey(), email: text().notNull() })
`)
    assert.deepEqual(typecheck([join(dir, 'migration.ts'), join(dir, 'models.ts')], join(dir, 'tsconfig.json')), [])
  })
})
