// `check` from the built CLI: a grant the migrations make and the models leave out is drift named in words, exit 1;
// --ignore-privileges (or DB_MIGRATE_IGNORE_PRIVILEGES) leaves grants out, exit 0.
import assert from 'node:assert/strict'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { modelsProject, project } from '../helpers/project.js'
import { adminQuery, testServers } from '../helpers/postgres.js'
import { runCli } from '../helpers/runner.js'

const [server] = await testServers()
const app = 'db_migrate_fixture_app'

describe('check --ignore-privileges', () => {
  before(() => adminQuery(server!.url, `DO $$ BEGIN CREATE ROLE ${app}; EXCEPTION WHEN duplicate_object THEN NULL; END $$`))
  after(() => adminQuery(server!.url, `DROP ROLE IF EXISTS ${app}`).catch(() => {}))

  it('reports a grant the models leave out, and leaves grants out when asked', async () => {
    const p = project('models-tables', modelsProject)
    writeFileSync(join(p.dir, 'drift.ts'), "export * from './models.js'\nexport const grants = []\n")
    const args = ['check', '--models', 'drift.ts', '--shadow-database-url', server!.url]
    const drift = await runCli(args, { cwd: p.dir })
    assert.equal(drift.code, 1, drift.stderr)
    assert.match(drift.stdout, /grant of UPDATE on column doc\.body to db_migrate_fixture_app is created by the migrations but is not in the models/)
    assert.match(drift.stdout, /REVOKE UPDATE \(body\) ON doc FROM db_migrate_fixture_app/)
    const ignored = await runCli([...args, '--ignore-privileges'], { cwd: p.dir })
    assert.equal(ignored.code, 0, ignored.stdout + ignored.stderr)
    const fromEnv = await runCli(args, { cwd: p.dir, env: { DB_MIGRATE_IGNORE_PRIVILEGES: 'true' } })
    assert.equal(fromEnv.code, 0, fromEnv.stdout + fromEnv.stderr)
  })
})
