// Each migration starts from the same session state, so a deploy does the same whether its migrations are applied
// in one run or one per run: a SET in one migration must not leak into the next.
import assert from 'node:assert/strict'
import { it } from 'node:test'
import { runCli } from '../helpers/runner.js'
import { eachServer, tables } from './support.js'
import { project } from '../helpers/project.js'

const third = 'migrations/20250103000000_create_invoice.sql'
const setsSearchPath = `CREATE SCHEMA audit;
CREATE TABLE invoice (id integer PRIMARY KEY);
INSERT INTO ledger (step) VALUES ('create_invoice');
SET search_path TO audit;
`

eachServer('session state between migrations', (database) => {
  it('a migration that sets search_path: the next one in the same run still sees public, as it would in a run of its own', async () => {
    const db = await database()
    const p = project('reliability-chain')
    p.write(third, setsSearchPath)
    const run = await runCli(['upgrade'], { cwd: p.dir, env: { DATABASE_URL: db.url } })
    assert.equal(run.code, 0, run.stderr)
    assert.ok((await tables(db.url)).includes('public.payment'))
  })

  it('the same migrations one run at a time succeed (the reference the test above compares with)', async () => {
    const db = await database()
    const p = project('reliability-chain')
    p.write(third, setsSearchPath)
    for (let i = 0; i < 5; i++) {
      const run = await runCli(['upgrade', '+1'], { cwd: p.dir, env: { DATABASE_URL: db.url } })
      assert.equal(run.code, 0, run.stderr)
    }
    assert.ok((await tables(db.url)).includes('public.payment'))
  })
})
