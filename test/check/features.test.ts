// Each fixture project declares one feature of the model language in models.ts, and migrations written by hand
// that build the same schema: check must find no drift, however differently the two spell it.
import assert from 'node:assert/strict'
import { it } from 'node:test'
import { check } from '../../src/commands/check.js'
import { silentLog } from '../../src/log.js'
import { eachServer } from './project.js'
import { project, modelsProject } from '../helpers/project.js'

const cases: [fixture: string, models: string, what: string][] = [
  ['models-demo', 'models.ts', 'the user/post demo'],
  ['models-types', 'models.ts', 'every column type, serial and identity columns, arrays'],
  ['models-defaults', 'models.ts', 'literal and expression defaults, escaped, and a generated column'],
  ['models-defaults', 'equivalent.ts', 'the same defaults written as SQL'],
  ['models-constraints', 'models.ts', 'primary, unique, foreign key and check constraints'],
  ['models-constraints', 'equivalent.ts', 'the same constraints declared another way'],
  ['models-indexes', 'models.ts', 'unique, multi-column, partial, expression and gin/brin indexes'],
  ['models-schemas', 'models.ts', 'schemas other than public, enums and comments'],
  ['models-keys', 'models.ts', 'deferrable keys, uniques and foreign keys, and an exclusion constraint'],
]

eachServer('check: models and migrations that agree', (server) => {
  for (const [fixture, models, what] of cases) {
    it(`finds no drift: ${what} (${fixture}/${models})`, async () => {
      const result = await check(project(fixture, modelsProject).config({ models }), server.url, silentLog)
      assert.deepEqual(result.explanations, [])
      assert.deepEqual(result.statements, [])
      assert.equal(result.drift, false)
      assert.ok(result.migrations > 0)
    })
  }
})
