// Fixture projects copied where a user's project would be: outside this repository, with no node_modules,
// so `db-migrate-action` imports resolve the way they do for a user who has not installed the package.
import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after } from 'node:test'
import { root } from './runner.js'

export function copyFixture(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `db-migrate-${name}-`))
  cpSync(join(root, 'test', 'fixtures', name), dir, { recursive: true })
  after(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

/** The URL with a password that trust authentication ignores: what must never be shown. */
export function withPassword(url: string, password: string): string {
  const parsed = new URL(url)
  parsed.password = password
  return parsed.toString()
}
