// No false difference: a database migrated from each fixture and a `pg_dump -s` restore of it hold the same schema.
// pg_dump must be as new as the server, so this runs on TEST_DATABASE_URL's server.
import assert from 'node:assert/strict'
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { dumpServerUrl, dumpSkip, restoreSchema } from '../helpers/dump.js'
import { adminQuery } from '../helpers/postgres.js'
import { createScratchDatabase } from '../../src/provision/scratch.js'
import { copyFixture } from '../helpers/project.js'
import { root, runCli } from '../helpers/runner.js'

const serverUrl = dumpServerUrl
const skip = dumpSkip
const fixtures = readdirSync(join(root, 'test', 'fixtures')).filter((name) => /^(models-|diff-sides$|e2e-blog$)/.test(name) && existsSync(join(root, 'test', 'fixtures', name, 'migrations')))

// the role models-tables grants to and names in its policies; roles belong to the server, not to a database
const app = 'db_migrate_fixture_app'

describe('diff of a database and its pg_dump -s restore', () => {
  before(() => skip || adminQuery(serverUrl!, `DO $$ BEGIN CREATE ROLE ${app}; EXCEPTION WHEN duplicate_object THEN NULL; END $$`))
  after(() => skip || adminQuery(serverUrl!, `DROP ROLE IF EXISTS ${app}`).catch(() => {}))
  for (const fixture of fixtures) {
    it(`is empty for ${fixture}`, { skip }, async () => {
      const dir = copyFixture(fixture)
      const [migrated, restored] = [await createScratchDatabase(serverUrl!, 'diff_restore_a'), await createScratchDatabase(serverUrl!, 'diff_restore_b')]
      try {
        const up = await runCli(['upgrade', 'head', '--database-url', migrated.url], { cwd: dir })
        assert.equal(up.code, 0, up.stderr)
        restoreSchema(migrated.url, restored.url)
        // a restore installs each extension at the server's default version, not the one the migrations pinned
        const run = await runCli(['diff', migrated.url, restored.url, '--ignore-extension-versions'], { cwd: dir })
        assert.equal(run.code, 0, run.stdout + run.stderr)
        assert.equal(run.stdout, '')
        const back = await runCli(['diff', restored.url, 'migrations', '--shadow-database-url', serverUrl!, '--ignore-extension-versions'], { cwd: dir })
        assert.equal(back.code, 0, back.stdout + back.stderr)
      } finally {
        await Promise.all([migrated.drop(), restored.drop()])
      }
    })
  }
})
