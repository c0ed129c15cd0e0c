import assert from 'node:assert/strict'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { it } from 'node:test'
import { check } from '../../src/commands/check.js'
import { downgrade } from '../../src/commands/downgrade.js'
import { init } from '../../src/commands/init.js'
import { upgrade } from '../../src/commands/upgrade.js'
import { silentLog } from '../../src/log.js'
import { actionRef } from '../../src/templates/project.js'
import { testServers } from '../helpers/postgres.js'
import { eachServer, tables } from './project.js'
import { project } from '../helpers/project.js'

const now = new Date('2025-01-02T03:04:05Z')

eachServer('init', (database) => {
  it('scaffolds a project whose migration applies, reverts, and agrees with its models', async () => {
    const p = project(null)
    const result = init(p.config(), now)
    assert.deepEqual(result.created, [
      'migrations/20250102030405_create_user_and_post.sql', 'migrations/20250102030405_create_user_and_post.down.sql',
      'src/models.ts', '.env.example', 'docker-compose.yml', '.github/workflows/db-migrate.yml',
    ])
    assert.deepEqual(result.skipped, [])
    const env = readFileSync(join(p.dir, '.env.example'), 'utf8')
    for (const name of ['DB_HOST=', 'DB_PORT=', 'DB_NAME=', 'DB_USER=', 'DB_PASS=', 'DATABASE_URL=']) assert.ok(env.includes(name), name)
    assert.match(readFileSync(join(p.dir, 'docker-compose.yml'), 'utf8'), /POSTGRES_PASSWORD: \$\{DB_PASS:-postgres\}/)
    assert.equal(readFileSync(join(p.dir, '.github/workflows/db-migrate.yml'), 'utf8').split(`uses: ${actionRef}`).length - 1, 4)

    const db = await database()
    await upgrade(p.config(), db.url, silentLog)
    assert.deepEqual(await tables(db.url), ['db_migrate_history', 'post', 'user'])
    await downgrade(p.config({ revision: 'base' }), db.url, silentLog)
    assert.deepEqual(await tables(db.url), ['db_migrate_history'])

    const [server] = await testServers()
    const drift = await check(p.config(), server!.url, silentLog)
    assert.equal(drift.drift, false)
  })

  it('never overwrites a file and adds no demo migration beside existing ones', () => {
    const p = project('runtime-basic')
    p.write('.env.example', 'MINE=1\n')
    const result = init(p.config({ models: 'app/models.js' }), now)
    assert.deepEqual(result.skipped, [{ file: 'migrations', reason: 'already holds migrations' }, { file: '.env.example', reason: 'exists' }])
    assert.deepEqual(result.created, ['app/models.js', 'docker-compose.yml', '.github/workflows/db-migrate.yml'])
    assert.equal(readFileSync(join(p.dir, '.env.example'), 'utf8'), 'MINE=1\n')
    assert.ok(!readdirSync(join(p.dir, 'migrations')).some((f) => f.includes('create_user_and_post')))
    assert.match(readFileSync(join(p.dir, '.github/workflows/db-migrate.yml'), 'utf8'), /command: check\n {10}models: app\/models\.js\n/)

    const again = init(p.config({ models: 'app/models.js' }), now)
    assert.deepEqual(again.created, [])
    assert.equal(again.skipped.length, 5)
  })
})
