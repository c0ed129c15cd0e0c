// What check says when one side cannot be built, and what it leaves behind: nothing.
import assert from 'node:assert/strict'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { it } from 'node:test'
import { check } from '../../src/commands/check.js'
import { MigrationError, ModelError } from '../../src/errors.js'
import { silentLog } from '../../src/log.js'
import { adminQuery } from '../helpers/postgres.js'
import { eachServer } from './project.js'
import { project, modelsProject } from '../helpers/project.js'

async function scratchDatabases(url: string): Promise<string[]> {
  return (await adminQuery(url, `SELECT datname FROM pg_database WHERE datname LIKE 'db\\_migrate\\_check\\_%' ORDER BY 1`)).rows.map((r) => r.datname)
}

eachServer('check: failures', (server) => {
  it('reports a migration that does not apply to an empty database as such, and drops its scratch databases', async () => {
    const p = project('models-demo', modelsProject)
    writeFileSync(join(p.dir, 'migrations', '20240103000000_broken.sql'), 'ALTER TABLE post ADD COLUMN email txt;\n')
    const before = await scratchDatabases(server.url)
    await assert.rejects(check(p.config(), server.url, silentLog), (error: unknown) => {
      assert.ok(error instanceof MigrationError)
      assert.match(error.message, /^the migrations do not apply cleanly to an empty database: migration 20240103000000_broken \(up\) failed at migrations\/20240103000000_broken\.sql:1: type "txt" does not exist/)
      assert.equal(error.migration.name, '20240103000000_broken')
      return true
    })
    assert.deepEqual(await scratchDatabases(server.url), before)
  })

  it('reports models PostgreSQL rejects, naming the file and the statement', async () => {
    const p = project('models-demo', modelsProject)
    writeFileSync(join(p.dir, 'models.ts'), [
      "import { customType, integer, table } from '../../../src/index.js'",
      "export const place = table('place', { id: integer().primaryKey(), where: customType('geography') })",
    ].join('\n'))
    await assert.rejects(check(p.config(), server.url, silentLog), (error: unknown) => {
      assert.ok(error instanceof ModelError)
      assert.equal(error.message, 'models file models.ts: PostgreSQL rejects the models: type "geography" does not exist — in: CREATE TABLE place ( id integer PRIMARY KEY, "where" geography ): fix the model')
      return true
    })
  })

  it('reports a models problem before creating any database', async () => {
    const p = project('models-demo', modelsProject)
    writeFileSync(join(p.dir, 'models.ts'), "export const nothing = 1\n")
    await assert.rejects(check(p.config(), 'postgresql://nobody@127.0.0.1:1/none', silentLog), {
      name: 'ModelError',
      message: "models file models.ts exports no tables: export each table declared with table() from 'db-migrate-action', Sequelize models, or point --models at a schema.sql",
    })
  })

  it('leaves a history table outside public out of the comparison', async () => {
    const result = await check(project('models-schemas', modelsProject).config({ 'history-schema': 'meta', 'history-table': 'versions' }), server.url, silentLog)
    assert.deepEqual(result.explanations, [])
  })
})
