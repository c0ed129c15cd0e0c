// A database restored from its own `pg_dump -s` reads back identical: views, functions, triggers and event
// triggers included. Needs TEST_DATABASE_URL's server and its pg_dump (from `pg_config --bindir`).
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { upgrade } from '../../src/commands/upgrade.js'
import { compare } from '../../src/compare/compare.js'
import { silentLog } from '../../src/log.js'
import { modelsProject, project } from '../helpers/project.js'
import { schemaAt } from '../check/project.js'
import { scratchDatabase } from '../helpers/postgres.js'
import { dumpServerUrl, dumpSkip, restoreSchema } from '../helpers/dump.js'

const url = dumpServerUrl
const skip = dumpSkip

describe('a pg_dump -s restore reads back as the database it came from', { skip }, () => {
  for (const fixture of ['models-objects', 'models-keys', 'models-schemas', 'models-constraints']) {
    it(fixture, async () => {
      const server = { label: 'external', url: url! }
      const [from, to] = [await scratchDatabase(server, 'dumped'), await scratchDatabase(server, 'restored')]
      try {
        await upgrade(project(fixture, modelsProject).config(), from.url, silentLog)
        restoreSchema(from.url, to.url)
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
        await from.drop()
        await to.drop()
      }
    })
  }
})
