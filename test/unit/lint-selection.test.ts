import assert from 'node:assert/strict'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, test } from 'node:test'
import { addedMigrations } from '../../src/commands/lint.js'
import { parseConfig } from '../../src/config/config.js'
import { silentLog } from '../../src/log.js'

test('the lint and --reversible pick the newest migration, never a template that migrations-ignore leaves out', () => {
  const dir = mkdtempSync(join(tmpdir(), 'db-migrate-lint-selection-'))
  after(() => rmSync(dir, { recursive: true, force: true }))
  mkdirSync(join(dir, 'migrations'))
  writeFileSync(join(dir, 'migrations', '20240101000000_create_user.sql'), 'CREATE TABLE "user" (id int);\n')
  writeFileSync(join(dir, 'migrations', '20240102000000_add_name.sql'), 'ALTER TABLE "user" ADD COLUMN name text;\n')
  writeFileSync(join(dir, 'migrations', 'migration.sample.cjs'), 'module.exports = { up: async () => {} }\n')
  const config = parseConfig({ settings: { command: 'check' }, env: {}, cwd: dir })
  assert.deepEqual(addedMigrations(config, silentLog), ['20240102000000_add_name'])
  assert.deepEqual(addedMigrations({ ...config, all: true }, silentLog), ['20240101000000_create_user', '20240102000000_add_name'])
})
