// A database restored from its own `pg_dump -s` reads back identical: views, functions, triggers and event
// triggers included. Needs TEST_DATABASE_URL's server and its pg_dump (from `pg_config --bindir`).
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { upgrade } from '../../src/commands/upgrade.js'
import { compare } from '../../src/compare/compare.js'
import { silentLog } from '../../src/log.js'
import { modelsProject, project } from '../helpers/project.js'
import { schemaAt } from '../check/project.js'
import { scratchDatabase } from '../helpers/postgres.js'

const url = process.env.TEST_DATABASE_URL
const bindir = (() => {
  try {
    return execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim()
  } catch {
    return null
  }
})()
const skip = !url ? 'set TEST_DATABASE_URL to a server whose pg_dump is on this machine'
  : !bindir || !existsSync(join(bindir, 'pg_dump')) ? 'pg_config --bindir names no pg_dump' : false

describe('a pg_dump -s restore reads back as the database it came from', { skip }, () => {
  for (const fixture of ['models-objects', 'models-keys', 'models-schemas', 'models-constraints']) {
    it(fixture, async () => {
      const server = { label: 'external', url: url! }
      const [from, to] = [await scratchDatabase(server, 'dumped'), await scratchDatabase(server, 'restored')]
      const dir = mkdtempSync(join(tmpdir(), 'db-migrate-dump-'))
      try {
        await upgrade(project(fixture, modelsProject).config(), from.url, silentLog)
        const dump = join(dir, 'schema.sql')
        execFileSync(join(bindir!, 'pg_dump'), ['--schema-only', '--no-owner', '--file', dump, from.url])
        execFileSync(join(bindir!, 'psql'), ['--quiet', '--no-psqlrc', '--set', 'ON_ERROR_STOP=1', '--file', dump, to.url], { stdio: ['ignore', 'ignore', 'pipe'] })
        const original = await schemaAt(from.url)
        const restored = await schemaAt(to.url)
        assert.deepEqual(compare(original, restored), [])
        if (fixture === 'models-objects') {
          assert.equal(restored.objects?.length, original.objects?.length)
          assert.deepEqual(restored.objects?.map((o) => o.kind).sort(), [
            'event_trigger', 'function', 'function', 'function', 'function', 'materialized_view', 'procedure', 'trigger', 'trigger', 'view', 'view', 'view_index',
          ])
        }
      } finally {
        rmSync(dir, { recursive: true, force: true })
        await from.drop()
        await to.drop()
      }
    })
  }
})
