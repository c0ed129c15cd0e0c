// No false difference: a database migrated from each fixture and a `pg_dump -s` restore of it hold the same schema.
// pg_dump must be as new as the server, so this runs on TEST_DATABASE_URL's server with the pg_dump on PATH.
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { adminQuery } from '../helpers/postgres.js'
import { createScratchDatabase } from '../../src/provision/scratch.js'
import { copyFixture } from '../helpers/project.js'
import { root, runCli } from '../helpers/runner.js'

const serverUrl = process.env.TEST_DATABASE_URL
const skip = serverUrl ? (pgDumpProblem() ?? false) : 'TEST_DATABASE_URL is not set: pg_dump needs a server of its own version'
const fixtures = readdirSync(join(root, 'test', 'fixtures')).filter((name) => /^(models-|diff-sides$|e2e-blog$)/.test(name) && existsSync(join(root, 'test', 'fixtures', name, 'migrations')))

function pgDumpProblem(): string | undefined {
  try {
    execFileSync('pg_dump', ['--version'], { stdio: 'ignore' })
    return undefined
  } catch {
    return 'pg_dump is not on PATH'
  }
}

describe('diff of a database and its pg_dump -s restore', () => {
  for (const fixture of fixtures) {
    it(`is empty for ${fixture}`, { skip }, async () => {
      const dir = copyFixture(fixture)
      const [migrated, restored] = [await createScratchDatabase(serverUrl!, 'diff_restore_a'), await createScratchDatabase(serverUrl!, 'diff_restore_b')]
      try {
        const up = await runCli(['upgrade', 'head', '--database-url', migrated.url], { cwd: dir })
        assert.equal(up.code, 0, up.stderr)
        const dump = execFileSync('pg_dump', ['--schema-only', '--no-owner', '-d', migrated.url], { encoding: 'utf8' })
        // pg_dump's own session settings and psql meta-commands (\restrict) are not SQL for a plain client
        await adminQuery(restored.url, dump.split('\n').filter((line) => !line.startsWith('\\')).join('\n'))
        const run = await runCli(['diff', migrated.url, restored.url], { cwd: dir })
        assert.equal(run.code, 0, run.stdout + run.stderr)
        assert.equal(run.stdout, '')
        const back = await runCli(['diff', restored.url, 'migrations', '--shadow-database-url', serverUrl!], { cwd: dir })
        assert.equal(back.code, 0, back.stdout + back.stderr)
      } finally {
        await Promise.all([migrated.drop(), restored.drop()])
      }
    })
  }
})
