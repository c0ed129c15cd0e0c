// Known gaps, pinned so a change in them is noticed. Each says what a user sees and how to avoid it.
import assert from 'node:assert/strict'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { it } from 'node:test'
import { check } from '../../src/commands/check.js'
import { silentLog } from '../../src/log.js'
import { eachServer } from './project.js'
import { project, modelsProject } from '../helpers/project.js'

eachServer('check: known limitations', (server) => {
  it('reports an array default written as ARRAY[...] in a migration and as a list in the models; write it the same way on both sides', async () => {
    const p = project('models-demo', modelsProject)
    writeFileSync(join(p.dir, 'migrations', '20240103000000_tags.sql'), "ALTER TABLE post ADD COLUMN tags text[] DEFAULT ARRAY['a', 'b'];\n")
    const models = (name: string, value: string) => writeFileSync(join(p.dir, name), [
      "import { sql, table, text } from '../../../src/index.js'",
      "import { post as before, user } from './models.js'",
      'export { user }',
      `export const post = table('post', { ...before.columns, tags: text().array().default(${value}) })`,
    ].join('\n'))
    models('list.ts', "['a', 'b']")
    models('sql.ts', "sql`ARRAY['a', 'b']`")
    const list = await check(p.config({ models: 'list.ts' }), server.url, silentLog)
    assert.deepEqual(list.explanations, [
      "table post: column tags differs: default ARRAY['a'::text, 'b'::text] in the migrations, '{a,b}'::text[] in the models",
    ])
    const same = await check(p.config({ models: 'sql.ts' }), server.url, silentLog)
    assert.deepEqual(same.explanations, [])
  })

  it('sees a renamed column as one dropped and one added; edit the generated migration into a RENAME', async () => {
    const p = project('models-demo', modelsProject)
    writeFileSync(join(p.dir, 'renamed.ts'), [
      "import { table, text } from '../../../src/index.js'",
      "import { post as before, user } from './models.js'",
      'export { user }',
      "const { text: _, ...rest } = before.columns",
      "export const post = table('post', { ...rest, body: text() })",
    ].join('\n'))
    const result = await check(p.config({ models: 'renamed.ts' }), server.url, silentLog)
    assert.deepEqual(result.statements, ['ALTER TABLE post DROP COLUMN text', 'ALTER TABLE post ADD COLUMN body text'])
    assert.deepEqual(result.risky.map((r) => r.reason), ['drops a column and its values'])
  })
})
