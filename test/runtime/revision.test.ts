import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { it } from 'node:test'
import { revision } from '../../src/commands/revision.js'
import { upgrade } from '../../src/commands/upgrade.js'
import { ConfigError, HistoryError } from '../../src/errors.js'
import { silentLog } from '../../src/log.js'
import { eachServer, history } from './project.js'
import { project } from '../helpers/project.js'

const now = new Date('2025-03-04T05:06:07.890Z')

eachServer('revision', (database) => {
  it('writes <UTC timestamp>_<slug>.sql and its down file, which run as they are', async () => {
    const p = project(null)
    const result = revision(p.config({ message: 'Add e-mail to "user"!' }), { now })
    assert.deepEqual(result, {
      name: '20250304050607_add_e_mail_to_user',
      files: ['migrations/20250304050607_add_e_mail_to_user.sql', 'migrations/20250304050607_add_e_mail_to_user.down.sql'],
      dryRun: false,
    })
    assert.match(readFileSync(join(p.dir, result.files[0]!), 'utf8'), /^-- Add e-mail to "user"!\n-- Created 2025-03-04 05:06:07 UTC/)
    const db = await database()
    const applied = await upgrade(p.config(), db.url, silentLog)
    assert.deepEqual(applied.applied.map((s) => s.name), [result.name])
  })

  it('writes a TypeScript migration with --ts style format, which runs with no build step', async () => {
    const p = project(null)
    const result = revision(p.config({ message: 'backfill names' }), { now, format: 'ts' })
    assert.deepEqual(result.files, ['migrations/20250304050607_backfill_names.ts'])
    const text = readFileSync(join(p.dir, result.files[0]!), 'utf8')
    assert.match(text, /import type \{ MigrationContext \} from 'db-migrate-action'/)
    assert.match(text, /export async function down\(\{ client \}: MigrationContext\)/)
    const db = await database()
    await upgrade(p.config(), db.url, silentLog)
    assert.deepEqual(await history(db.url), [result.name])
  })

  it('moves the timestamp forward so a new migration sorts after every existing one', () => {
    const p = project('runtime-basic')
    p.write('migrations/20250304050607_same_second.sql', '')
    assert.equal(revision(p.config({ message: 'next' }), { now }).name, '20250304050608_next')
    assert.equal(revision(p.config({ message: 'again' }), { now }).name, '20250304050609_again')
    p.write('migrations/20300101000000_from_the_future.sql', '')
    assert.equal(revision(p.config({ message: 'late' }), { now }).name, '20300101000001_late')
    p.write('migrations/zz_manual.sql', '')
    assert.throws(() => revision(p.config({ message: 'x' }), { now }), (e: Error) => e instanceof HistoryError && /sort before zz_manual/.test(e.message))
  })

  it('writes nothing on a dry run', () => {
    const p = project('runtime-basic')
    const before = p.migrations()
    const result = revision(p.config({ message: 'add email', 'dry-run': 'true' }), { now })
    assert.deepEqual(result, { name: '20250304050607_add_email', files: ['migrations/20250304050607_add_email.sql', 'migrations/20250304050607_add_email.down.sql'], dryRun: true })
    assert.deepEqual(p.migrations(), before)
  })

  it('needs a message', () => {
    const p = project(null)
    assert.throws(() => revision(p.config()), (e: Error) => e instanceof ConfigError && e.setting === 'message' && /revision needs a message/.test(e.message))
  })
})
