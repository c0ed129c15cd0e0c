import assert from 'node:assert/strict'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { after, describe, it } from 'node:test'
import { ModelError } from '../../src/errors.js'
import { loadModels } from '../../src/models/load.js'

const dir = mkdtempSync(join(tmpdir(), 'db-migrate-models-'))
after(() => rmSync(dir, { recursive: true, force: true }))

let n = 0
/** Writes a models module into a project folder and loads it as `models.ts` of that folder. */
async function load(source: string | null) {
  const project = join(dir, `p${n++}`)
  if (source !== null) {
    mkdirSync(join(project, 'src'), { recursive: true })
    writeFileSync(join(project, 'src', 'models.ts'), source)
  }
  return loadModels(join(project, 'src', 'models.ts'), { cwd: project })
}

async function loadError(source: string | null): Promise<ModelError> {
  try {
    await load(source)
  } catch (error) {
    assert.ok(error instanceof ModelError, `expected a ModelError, got ${String(error)}`)
    assert.equal(error.file, 'src/models.ts')
    assert.doesNotMatch(error.message, /\n/)
    return error
  }
  assert.fail('the models loaded')
}

describe('loading models', () => {
  it('imports a TypeScript module that imports the library by its package name, relations and all', async () => {
    const loaded = await load(`
      import { integer, many, one, table, text, varchar, type Table } from 'db-migrate-action'
      export const user = table('user', { id: integer().primaryKey(), name: varchar(100) })
      export const post = table('post', { id: integer().primaryKey(), title: text().notNull(),
        userId: integer('user_id').references(() => user.columns.id) })
      export const relations = { user: { posts: many(post) }, post: { user: one(user) } }
      const typed: Table = user
      export default [typed]
    `)
    assert.equal(loaded.file, 'src/models.ts')
    assert.deepEqual(loaded.schema.tables.map((t) => t.name), ['user', 'post'])
    assert.deepEqual(loaded.schema.tables[1]!.foreignKeys.map((f) => f.refTable), ['user'])
  })

  it('finds tables and enums inside exported objects and arrays', async () => {
    const loaded = await load(`
      import { enumType, integer, table } from 'db-migrate-action'
      const mood = enumType('mood', ['sad', 'happy'])
      const a = table('a', { id: integer(), mood: mood() })
      export const tables = { a, more: [table('b', { id: integer() })] }
      export const types = [mood]
    `)
    assert.deepEqual(loaded.schema.tables.map((t) => t.name), ['a', 'b'])
    assert.deepEqual(loaded.schema.enums.map((e) => e.name), ['mood'])
  })

  it('reads models made with another copy of the library, as when the bundled action loads them', async () => {
    const { build } = await import('esbuild')
    const copy = join(dir, 'other-copy.mjs')
    await build({ entryPoints: [fileURLToPath(new URL('../../src/index.ts', import.meta.url))], bundle: true, platform: 'node', format: 'esm', outfile: copy, logLevel: 'silent' })
    const loaded = await load(`
      import { integer, table, text, index, sql } from ${JSON.stringify(pathToFileURL(copy).href)}
      export const user = table('user', { id: integer().primaryKey(), email: text().default(sql\`''\`) }, (t) => [index().on(t.email)])
      export const post = table('post', { id: integer().primaryKey(), userId: integer('user_id').references(() => user.columns.id) })
    `)
    assert.deepEqual(loaded.schema.tables.map((t) => [t.name, t.indexes.length, t.foreignKeys.length]), [['post', 0, 1], ['user', 1, 0]])
    assert.equal(loaded.schema.tables[1]!.columns[1]!.default, "''")
  })

  it('loads a folder of models through its index module', async () => {
    const project = join(dir, 'folder')
    mkdirSync(join(project, 'src', 'models'), { recursive: true })
    writeFileSync(join(project, 'src', 'models', 'user.ts'), "import { integer, table } from 'db-migrate-action'\nexport const user = table('user', { id: integer().primaryKey() })\n")
    writeFileSync(join(project, 'src', 'models', 'index.ts'), "export * from './user.js'\n")
    const loaded = await loadModels(join(project, 'src', 'models'), { cwd: project })
    assert.equal(loaded.file, 'src/models/index.ts')
    assert.deepEqual(loaded.schema.tables.map((t) => t.name), ['user'])
  })

  it('says the file is missing and how to point at it', async () => {
    const error = await loadError(null)
    assert.equal(error.message, 'models file src/models.ts does not exist: create it, or point the models setting (--models, input models or DB_MIGRATE_MODELS) at your models module, schema.sql or Sequelize models')
  })

  it('says the file does not compile', async () => {
    const error = await loadError(`import { table } from 'db-migrate-action'\nexport const t = table('t', { id: integer( })\n`)
    assert.match(error.message, /^models file src\/models\.ts does not compile: .+: fix the syntax there$/)
  })

  it('passes on what the module throws', async () => {
    const error = await loadError(`throw new Error('DATABASE_SCHEMA is not set')`)
    assert.equal(error.message, 'models file src/models.ts failed while loading: DATABASE_SCHEMA is not set: fix the error the module throws')
  })

  it('says when an import cannot be found', async () => {
    const error = await loadError(`import { thing } from './nowhere.js'\nexport const x = thing`)
    assert.match(error.message, /^models file src\/models\.ts imports something that cannot be found: .*nowhere.*: install it or fix the import$/)
  })

  it('says when the module exports no tables', async () => {
    const error = await loadError(`import { integer } from 'db-migrate-action'\nexport const id = integer()`)
    assert.equal(error.message, "models file src/models.ts exports no tables: export each table declared with table() from 'db-migrate-action', Sequelize models, or point --models at a schema.sql")
  })

  it('names a foreign key to an unknown column', async () => {
    const error = await loadError(`
      import { integer, table } from 'db-migrate-action'
      export const user = table('user', { id: integer().primaryKey() })
      export const post = table('post', { userId: integer('user_id').references('user.uid') })
    `)
    assert.equal(error.message, "models file src/models.ts: foreign key post.user_id references 'user.uid', but table user has no column uid: check the column's name")
  })

  it('names duplicate tables and invalid types', async () => {
    const duplicate = await loadError(`
      import { integer, table } from 'db-migrate-action'
      export const a = table('user', { id: integer() })
      export const b = table('user', { id: integer() })
    `)
    assert.equal(duplicate.message, 'models file src/models.ts: table user is declared twice: give one of them another name or schema')
    const invalid = await loadError(`
      import { numeric, table } from 'db-migrate-action'
      export const price = table('price', { amount: numeric(2000, 2) })
    `)
    assert.equal(invalid.message, 'models file src/models.ts: column price.amount: numeric precision must be an integer from 1 to 1000, got 2000')
  })
})
