// What a module migration receives, run in-process through upgrade(): Umzug's parameters, a context factory as a
// config file would give, and statements written for autocommit on the plain pg client.
import assert from 'node:assert/strict'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { it } from 'node:test'
import type pg from 'pg'
import { upgrade } from '../../src/commands/upgrade.js'
import { parseConfig } from '../../src/config/config.js'
import { MigrationError } from '../../src/errors.js'
import { silentLog } from '../../src/log.js'
import { runCli } from '../helpers/runner.js'
import { eachServer, history, rows, tables } from '../runtime/project.js'
import { project } from '../helpers/project.js'

eachServer('module migrations: parameters and context', (database) => {
  it('up receives { name, path, context, client }, context being the client when nothing is configured', async () => {
    const db = await database()
    const p = project(null)
    mkdirSync(join(p.dir, 'migrations'))
    p.write('package.json', '{ "private": true }')
    p.write('migrations/001_params.mjs', `export async function up(params) {
  await params.client.query('CREATE TABLE seen (name text, path text, same boolean)')
  await params.context.query('INSERT INTO seen VALUES ($1, $2, $3)', [params.name, params.path, params.context === params.client])
}
`)
    await upgrade(p.config(), db.url, silentLog)
    assert.deepEqual(await rows(db.url, 'SELECT * FROM seen'), [{ name: '001_params', path: `${p.dir}/migrations/001_params.mjs`, same: true }])
  })

  it('a context factory builds the context from the migration client, inside its transaction', async () => {
    const db = await database()
    const p = project(null)
    mkdirSync(join(p.dir, 'migrations'))
    p.write('migrations/001_ok.mjs', `export const up = ({ context }) => context.sql('CREATE TABLE made_by_factory (id int)')\n`)
    p.write('migrations/002_fails.mjs', `export const up = async ({ context }) => {
  await context.sql('CREATE TABLE never (id int)')
  await context.sql('SELECT 1/0')
}
`)
    const calls: string[] = []
    const contextFactory = ({ client, name }: { client: unknown; name: string }) => {
      calls.push(name)
      return { sql: (text: string) => (client as pg.ClientBase).query(text) }
    }
    await assert.rejects(upgrade({ ...p.config(), contextFactory }, db.url, silentLog), (e) => e instanceof MigrationError && /division by zero/.test(e.message))
    assert.deepEqual(calls, ['001_ok', '002_fails'])
    assert.deepEqual(await tables(db.url), ['db_migrate_history', 'made_by_factory'])
    assert.deepEqual(await history(db.url), ['001_ok'])
  })

  it('on the pg client: a caught failed statement does not abort the migration; its own BEGIN/ROLLBACK undoes only its part', async () => {
    const db = await database()
    const p = project(null)
    mkdirSync(join(p.dir, 'migrations'))
    p.write('migrations/001_autocommit_habits.cjs', `module.exports = {
  up: async ({ context: client }) => {
    await client.query('CREATE TABLE kept (id int)')
    try { await client.query('CREATE TABLE kept (id int)') } catch (e) { await client.query("INSERT INTO kept VALUES (1)") }
    await client.query('BEGIN')
    await client.query('CREATE TABLE undone (id int)')
    await client.query('ROLLBACK')
    client.query('INSERT INTO kept VALUES (2)', (error) => { if (error) throw error })
  },
}
`)
    const result = await upgrade(p.config(), db.url, silentLog)
    assert.deepEqual(result.applied.map((a) => a.name), ['001_autocommit_habits'])
    assert.deepEqual(await tables(db.url), ['db_migrate_history', 'kept'])
    assert.deepEqual(await rows(db.url, 'SELECT id FROM kept ORDER BY id'), [{ id: 1 }, { id: 2 }])
  })

  it('a migration that fails after its own COMMIT leaves nothing: its COMMIT only released its savepoint', async () => {
    const db = await database()
    const p = project(null)
    mkdirSync(join(p.dir, 'migrations'))
    p.write('migrations/001_own.mjs', `export async function up({ client }) {
  await client.query('BEGIN; CREATE TABLE committed_early (id int); COMMIT;')
  await client.query('SELECT no_such_column FROM committed_early')
}
`)
    await assert.rejects(upgrade(p.config(), db.url, silentLog), /no_such_column/)
    assert.deepEqual(await tables(db.url), ['db_migrate_history'])
    assert.deepEqual(await history(db.url), [])
  })
})

it('the context setting: --context, DB_MIGRATE_CONTEXT, and a bad value named in one line', async () => {
  assert.equal(parseConfig({ settings: {}, env: {}, cwd: '/tmp' }).contextKind, 'auto')
  assert.equal(parseConfig({ settings: {}, env: { DB_MIGRATE_CONTEXT: 'sequelize' }, cwd: '/tmp' }).contextKind, 'sequelize')
  assert.equal(parseConfig({ settings: { context: 'pg' }, env: { DB_MIGRATE_CONTEXT: 'sequelize' }, cwd: '/tmp' }).contextKind, 'pg')
  const run = await runCli(['upgrade', '--context', 'knex', '--database-url', 'postgresql://nobody@127.0.0.1:1/none'], { cwd: '/tmp' })
  assert.equal(run.code, 2)
  assert.equal(run.stderr.trim(), "db-migrate: --context 'knex' is not one of auto, pg, sequelize")
})
