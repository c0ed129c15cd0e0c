import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { describe, it } from 'node:test'
import { firstMigrationUp, models } from '../../src/templates/project.js'
import { root } from '../helpers/runner.js'

// The repository's demo is what `db-migrate init` scaffolds: one schema, kept as one, whichever copy changes.
describe('the demo and the init templates', () => {
  const body = (text: string) => text.slice(text.indexOf('import '))
  it('declare the same models', () => {
    assert.equal(body(readFileSync(`${root}src/models.ts`, 'utf8')), body(models))
  })
  it('create the same tables', () => {
    const migrations = ['20240101000000_create_user.sql', '20240102000000_create_post.sql'].map((f) => readFileSync(`${root}migrations/${f}`, 'utf8'))
    const statements = (sql: string) => sql.split('\n').filter((l) => l.trim() && !l.trim().startsWith('--')).join('\n').trim()
    assert.equal(statements(migrations.join('\n')), statements(firstMigrationUp))
  })
})
