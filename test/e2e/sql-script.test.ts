// upgrade --sql / downgrade --sql: the script, run by psql, leaves the database as upgrade and downgrade do,
// history rows included; a module migration is named and stops the script.
import assert from 'node:assert/strict'
import { execFileSync, spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { after, describe, it } from 'node:test'
import pg from 'pg'
import { introspect } from '../../src/introspect/introspect.js'
import { adminQuery, scratchDatabase, testServers } from '../helpers/postgres.js'
import { copyFixture } from '../helpers/project.js'
import { runCli } from '../helpers/runner.js'

const server = (await testServers()).at(-1)!
const psql = join(execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim(), 'psql')

function runPsql(url: string, script: string): void {
  const r = spawnSync(psql, ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', url, '-f', '-'], { input: script, encoding: 'utf8' })
  assert.equal(r.status, 0, r.stderr)
}

async function state(url: string) {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const schema = await introspect(client)
    const history = await client.query('SELECT to_regclass($1) IS NOT NULL AS found', ['public.db_migrate_history'])
    const rows = history.rows[0].found ? (await client.query('SELECT name, checksum, state, error FROM public.db_migrate_history ORDER BY name')).rows : null
    return { schema, rows }
  } finally {
    await client.end()
  }
}

describe('upgrade --sql and downgrade --sql', () => {
  it('psql running the script gives the schema and history that upgrade and downgrade give', async () => {
    const project = copyFixture('sql-script')
    const [byScript, byRun] = await Promise.all([scratchDatabase(server, 'sql_script'), scratchDatabase(server, 'sql_run')])
    after(() => Promise.all([byScript.drop(), byRun.drop()]))

    const script = await runCli(['upgrade', '--sql', '--database-url', byScript.url], { cwd: project })
    assert.equal(script.code, 0, script.stderr)
    assert.match(script.stdout, /^-- db-migrate upgrade: 3 migration\(s\)$/m)
    assert.match(script.stdout, /^CREATE TABLE IF NOT EXISTS "public"\."db_migrate_history"/m)
    assert.match(script.stdout, /^-- 20240501090000_create_book \(up\): migrations\/20240501090000_create_book\.sql\nBEGIN;\n/m)
    assert.match(script.stdout, /^INSERT INTO "public"\."db_migrate_history" .*\n.*VALUES \('20240502090000_index_title', '[0-9a-f]{64}', 'running'/m)
    assert.match(script.stdout, /^COMMIT;$/m)
    // printing it changed nothing
    assert.equal((await state(byScript.url)).rows, null)

    runPsql(byScript.url, script.stdout)
    const up = await runCli(['upgrade', '--database-url', byRun.url], { cwd: project })
    assert.equal(up.code, 0, up.stderr)
    const [a, b] = await Promise.all([state(byScript.url), state(byRun.url)])
    assert.deepEqual(a, b)
    assert.equal(a.rows!.length, 3)
    const status = await runCli(['status', '--json', '--database-url', byScript.url], { cwd: project })
    assert.deepEqual(JSON.parse(status.stdout).problems, [])

    const down = await runCli(['downgrade', 'base', '--sql', '--database-url', byScript.url], { cwd: project })
    assert.equal(down.code, 0, down.stderr)
    assert.match(down.stdout, /^DELETE FROM "public"\."db_migrate_history" WHERE name = '20240503090000_add_isbn'/m)
    runPsql(byScript.url, down.stdout)
    assert.equal((await runCli(['downgrade', 'base', '--database-url', byRun.url], { cwd: project })).code, 0)
    const [c, d] = await Promise.all([state(byScript.url), state(byRun.url)])
    assert.deepEqual(c, d)
    assert.deepEqual(c.rows, [])
  })

  it('a module migration is named, and the script stops there', async () => {
    const project = copyFixture('sql-script')
    writeFileSync(join(project, 'migrations', '20240502120000_seed.js'), 'export async function up({ client }) { await client.query("SELECT 1") }\n')
    const db = await scratchDatabase(server, 'sql_module')
    after(() => db.drop())
    const script = await runCli(['upgrade', '--sql', '--database-url', db.url], { cwd: project })
    assert.equal(script.code, 0, script.stderr)
    assert.match(script.stdout, /-- 20240502120000_seed \(up\): migrations\/20240502120000_seed\.js\nDO \$\$ BEGIN RAISE EXCEPTION '%', 'migration 20240502120000_seed is a module: its statements are known only when it runs; apply it with db-migrate upgrade'; END \$\$;\n$/)
    assert.doesNotMatch(script.stdout, /add_isbn/)
    const r = spawnSync(psql, ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', db.url, '-f', '-'], { input: script.stdout, encoding: 'utf8' })
    assert.notEqual(r.status, 0)
    assert.match(r.stderr, /migration 20240502120000_seed is a module/)
    const rows = await adminQuery(db.url, 'SELECT name FROM public.db_migrate_history ORDER BY name')
    assert.deepEqual(rows.rows.map((x) => x.name), ['20240501090000_create_book', '20240502090000_index_title'])
  })
})
