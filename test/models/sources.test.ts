// check and revision --autogenerate on the models teams already keep, run as the CLI in a copy of a small project
// that has its ORM in its own node_modules.
import assert from 'node:assert/strict'
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { after, describe, it } from 'node:test'
import { adminQuery, scratchDatabase, testServers } from '../helpers/postgres.js'
import { linkPackages } from '../helpers/packages.js'
import { copyFixture } from '../helpers/project.js'
import { cleanEnv, root, runCli, spawnProcess } from '../helpers/runner.js'

const servers = await testServers()

it('carries no ORM and no compiler in dist/: the project brings its own', () => {
  const markers = { sequelize: 'SequelizeConnectionError', typeorm: 'class MetadataArgsStorage', 'drizzle-kit': 'pgSuggestions', typescript: 'createSourceFile' }
  for (const file of readdirSync(join(root, 'dist')).filter((name) => name.endsWith('.js'))) {
    const text = readFileSync(join(root, 'dist', file), 'utf8')
    for (const [pkg, marker] of Object.entries(markers)) assert.ok(!text.includes(marker), `dist/${file} bundles ${pkg}`)
  }
})

for (const server of servers) {
  const cli = (cwd: string, ...args: string[]) => runCli(args, { cwd, env: { SHADOW_DATABASE_URL: server.url } })

  /** check agrees, check on the drifted models fails naming what differs, and autogenerate repairs it. */
  async function agreesDriftsRepairs(dir: string, drifted: string, differences: RegExp[]) {
    const ok = await cli(dir, 'check')
    assert.equal(ok.code, 0, ok.stdout + ok.stderr)
    assert.match(ok.stdout, /^OK: the models match the 2 migrations\.\n$/)

    const drift = await cli(dir, 'check', '--models', drifted)
    assert.equal(drift.code, 1, drift.stderr)
    for (const difference of differences) assert.match(drift.stdout, difference)

    const written = await cli(dir, 'revision', '--autogenerate', '-m', 'repair', '--models', drifted)
    assert.equal(written.code, 0, written.stderr)
    const repaired = await cli(dir, 'check', '--models', drifted)
    assert.match(repaired.stdout, /^OK: the models match the 3 migrations\./, repaired.stdout + repaired.stderr)
    // the repair alters tables in use, which the lint of the newest migration names: that alone is the exit 1
    if (repaired.code !== 0) assert.match(repaired.stdout, /^Lint: [1-9]\d* errors?/m, repaired.stdout + repaired.stderr)
    // the fixtures' app connections (password app-secret, on an unreachable host) are never used nor shown
    for (const run of [ok, drift, written, repaired]) assert.doesNotMatch(run.stdout + run.stderr, /app-secret|db\.internal\.invalid/)
    return readdirSync(join(dir, 'migrations')).filter((name) => name.includes('_repair'))
  }

  describe(`models kept as plain SQL (${server.label})`, () => {
    it('finds db/schema.sql with nothing set, and a drifted schema.sql is repaired by a SQL migration with its down', async () => {
      const dir = copyFixture('models-sql')
      const files = await agreesDriftsRepairs(dir, 'drift.sql', [
        /table book: column published differs: nullability nullable in the migrations, NOT NULL in the models/,
        /table book: column pages is in the models but no migration creates it/,
      ])
      assert.equal(files.length, 2)
      const down = readFileSync(join(dir, 'migrations', files.find((f) => f.endsWith('.down.sql'))!), 'utf8')
      assert.match(down, /ALTER TABLE book DROP COLUMN pages;/)
    })

    it('names the file and line PostgreSQL rejects, and runs a folder of .sql files in name order', async () => {
      const dir = copyFixture('models-sql')
      writeFileSync(join(dir, 'broken.sql'), 'CREATE TABLE t (id integer);\nCREATE TABLE u (id nosuchtype);\n')
      const broken = await cli(dir, 'check', '--models', 'broken.sql')
      assert.equal(broken.code, 2)
      assert.equal(broken.stderr.trim().split('\n').at(-1), 'db-migrate: models file broken.sql: PostgreSQL rejects it: type "nosuchtype" does not exist: fix the SQL there')

      const folder = await cli(dir, 'check', '--models', 'db')
      assert.equal(folder.code, 0, folder.stderr)
    })
  })

  describe(`Sequelize models (${server.label})`, () => {
    it("syncs Model.init and sequelize.define models on the scratch database, never the app's, and repairs drift", async () => {
      const dir = copyFixture('models-sequelize')
      linkPackages(dir, ['sequelize', 'pg'])
      await agreesDriftsRepairs(dir, 'drift', [
        /table posts: column body differs: nullability nullable in the migrations, NOT NULL in the models/,
        /table posts: unique constraint \(slug\) is in the models but no migration creates it/,
      ])
    })

    it("autogenerate --format sequelize writes one module that db-migrate and the project's Umzug both run, with a real down", async () => {
      const dir = copyFixture('models-sequelize')
      linkPackages(dir, ['sequelize', 'pg', 'umzug'])
      const written = await cli(dir, 'revision', '--autogenerate', '-m', 'repair', '--models', 'drift', '--format', 'sequelize')
      assert.equal(written.code, 0, written.stderr)
      assert.deepEqual(readdirSync(join(dir, 'migrations')).filter((f) => f.includes('_repair')).map((f) => f.replace(/^\d+/, '')), ['_repair.js'])
      const repaired = await cli(dir, 'check', '--models', 'drift')
      assert.equal(repaired.code, 0, repaired.stdout + repaired.stderr)

      const db = await scratchDatabase(server, 'umzug')
      after(() => db.drop())
      await adminQuery(db.url, readFileSync(join(dir, 'migrations', '20240110000000_create_users.sql'), 'utf8') + readFileSync(join(dir, 'migrations', '20240111000000_create_posts.sql'), 'utf8'))
      const slug = async () => (await adminQuery(db.url, "SELECT count(*)::int AS n FROM information_schema.columns WHERE table_name = 'posts' AND column_name = 'slug'")).rows[0].n
      const umzug = (direction: string) => spawnProcess(process.execPath, ['umzug.js', direction], { cwd: dir, env: cleanEnv({ APP_DATABASE_URL: db.url }) })
      const up = await umzug('up')
      assert.equal(up.code, 0, up.stderr)
      assert.equal(await slug(), 1)
      const down = await umzug('down')
      assert.equal(down.code, 0, down.stderr)
      assert.equal(await slug(), 0)
    })

    it('loads sequelize-typescript decorator models through tsconfig aliases, with the design types the decorators read', async () => {
      const dir = copyFixture('models-sequelize-ts')
      linkPackages(dir, ['sequelize', 'sequelize-typescript', 'reflect-metadata', 'pg', 'typescript'])
      await agreesDriftsRepairs(dir, 'src/db/drift', [
        /table projects: column code differs: type character varying\(80\) in the migrations, character varying\(100\) in the models/,
        /table tasks: column due is in the models but no migration creates it/,
      ])
    })

    it('says when sequelize is not installed in the project, when the models throw, and when nothing is a model', async () => {
      const dir = copyFixture('models-sequelize')
      const missing = await cli(dir, 'check')
      assert.equal(missing.code, 2)
      assert.match(missing.stderr, /models file models\/index\.js imports sequelize, which is not installed in the project: npm install sequelize there/)

      linkPackages(dir, ['sequelize', 'pg'])
      writeFileSync(join(dir, 'config', 'database.js'), "throw new Error('APP_SECRET is not set')\n")
      const throws = await cli(dir, 'check')
      assert.equal(throws.code, 2)
      assert.match(throws.stderr, /db-migrate: models file models\/index\.js failed while loading: APP_SECRET is not set: fix the error/)

      writeFileSync(join(dir, 'nothing.js'), 'module.exports = { answer: 42 }\n')
      const nothing = await cli(dir, 'check', '--models', 'nothing.js', '--models-kind', 'sequelize')
      assert.equal(nothing.code, 2)
      assert.match(nothing.stderr, /models file nothing\.js exports no Sequelize models or instance/)
    })
  })

  describe(`Drizzle schemas (${server.label})`, () => {
    it("finds src/db/schema.ts, resolves its tsconfig alias, builds it with the project's drizzle-kit, and repairs drift", async () => {
      const dir = copyFixture('models-drizzle')
      linkPackages(dir, ['drizzle-orm', 'drizzle-kit'])
      await agreesDriftsRepairs(dir, 'src/db/drift.ts', [
        /table customers: column phone is in the models but no migration creates it/,
        /table orders: column total differs: type numeric\(10,2\) in the migrations, numeric\(12,2\) in the models/,
      ])
    })

    it('says when drizzle-kit is not installed in the project', async () => {
      const dir = copyFixture('models-drizzle')
      linkPackages(dir, ['drizzle-orm'])
      const missing = await cli(dir, 'check')
      assert.equal(missing.code, 2)
      assert.match(missing.stderr, /db-migrate: models file src\/db\/schema\.ts holds Drizzle tables, but drizzle-kit is not installed in the project: npm install -D drizzle-kit there/)
    })
  })

  describe(`TypeORM entities (${server.label})`, () => {
    it("finds src/data-source.ts, compiles its decorators with the project's typescript, synchronizes on the scratch database, and repairs drift", async () => {
      const dir = copyFixture('models-typeorm')
      linkPackages(dir, ['typeorm', 'reflect-metadata', 'pg', 'typescript'])
      const files = await agreesDriftsRepairs(dir, 'drift/data-source.ts', [
        /table members: column nickname is in the models but no migration creates it/,
        /table teams: column motto differs: type character varying in the migrations, character varying\(140\) in the models/,
      ])
      assert.equal(files.length, 2)
    })

    it('says when typeorm, or the typescript its decorators need, is not installed in the project', async () => {
      const dir = copyFixture('models-typeorm')
      linkPackages(dir, ['typescript', 'reflect-metadata'])
      const noTypeorm = await cli(dir, 'check')
      assert.equal(noTypeorm.code, 2)
      assert.match(noTypeorm.stderr, /db-migrate: models file src\/data-source\.ts imports typeorm, which is not installed in the project: npm install typeorm there/)

      const other = copyFixture('models-typeorm')
      linkPackages(other, ['typeorm', 'reflect-metadata', 'pg'])
      const noTypescript = await cli(other, 'check')
      assert.equal(noTypescript.code, 2)
      assert.match(noTypescript.stderr, /uses decorators, whose design types only TypeScript's compiler emits: install typescript in the project/)
    })
  })

  describe(`the models-kind setting (${server.label})`, () => {
    it('names the kind of an ambiguous module, and refuses an unknown kind in one line', async () => {
      const dir = copyFixture('models-sql')
      const asSql = await cli(dir, 'check', '--models', 'db/schema.sql', '--models-kind', 'sql')
      assert.equal(asSql.code, 0, asSql.stderr)
      const unknown = await runCli(['check', '--models-kind', 'hibernate'], { cwd: dir, env: { SHADOW_DATABASE_URL: server.url } })
      assert.equal(unknown.code, 2)
      assert.equal(unknown.stderr, "db-migrate: --models-kind 'hibernate' is not one of db-migrate, sql, sequelize, typeorm, drizzle\n")
      const fromEnv = await runCli(['check'], { cwd: dir, env: { SHADOW_DATABASE_URL: server.url, DB_MIGRATE_MODELS_KIND: 'prisma' } })
      assert.equal(fromEnv.code, 2)
      assert.match(fromEnv.stderr, /DB_MIGRATE_MODELS_KIND 'prisma' is not one of/)
    })
  })

  describe(`a Prisma schema (${server.label})`, () => {
    it('is refused in one line that says how to check it through the SQL prisma writes', async () => {
      const dir = copyFixture('models-sql')
      rmSync(join(dir, 'db'), { recursive: true })
      mkdirSync(join(dir, 'prisma'))
      writeFileSync(join(dir, 'prisma', 'schema.prisma'), 'datasource db {\n  provider = "postgresql"\n}\n')
      const prisma = await cli(dir, 'check')
      assert.equal(prisma.code, 2)
      assert.equal(prisma.stderr, 'db-migrate: models file prisma/schema.prisma: Prisma schemas are not read directly yet: write the schema as SQL with your prisma (npx prisma migrate diff --from-empty --to-schema prisma/schema.prisma --script > prisma/schema.sql) and point --models at that file\n')
    })
  })

  describe(`a models module that never finishes loading (${server.label})`, () => {
    it('fails naming the file, exit 2, instead of exiting silently', async () => {
      const dir = copyFixture('models-sql')
      rmSync(join(dir, 'db'), { recursive: true })
      writeFileSync(join(dir, 'stuck.ts'), 'export const ready = await new Promise(() => {})\n')
      const stuck = await cli(dir, 'check', '--models', 'stuck.ts')
      assert.equal(stuck.code, 2)
      assert.match(stuck.stderr, /db-migrate: models file stuck\.ts never finishes loading: a top-level await/)
    })
  })
}
