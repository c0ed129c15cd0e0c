// A database restored from its own `pg_dump -s` reads back identical: extensions, sequences, domains, composite
// types and collations print the same whichever way they were made.
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { upgrade } from '../../src/commands/upgrade.js'
import { compare } from '../../src/compare/compare.js'
import { silentLog } from '../../src/log.js'
import { adminQuery, scratchDatabase, testServers } from '../helpers/postgres.js'
import { modelsProject, project } from '../helpers/project.js'
import { schemaAt } from '../check/project.js'
import { dumpSkip, pgDumpMajor, restoreSchema } from '../helpers/dump.js'

const dumpMajor = dumpSkip ? 0 : pgDumpMajor()
const serverMajor = async (url: string) => Math.floor(Number((await adminQuery(url, 'SHOW server_version_num')).rows[0].server_version_num) / 10000)

const fixtures = ['models-extensions', 'models-sequences', 'models-domains', 'models-composites', 'models-collations']

// Spellings a dump may change: a sequence's options and OWNED BY, an extension in its own schema, quoted collations.
const handWritten = `
CREATE SCHEMA ext;
CREATE EXTENSION IF NOT EXISTS hstore SCHEMA ext;
CREATE COLLATION "Fold" (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
CREATE DOMAIN email AS text COLLATE "Fold" CHECK (VALUE LIKE '%@%') CHECK (length(VALUE) < 200);
CREATE TYPE pair AS (l ext.hstore, r text COLLATE "C");
CREATE SEQUENCE down_counter AS smallint INCREMENT BY -3 CACHE 4;
CREATE TABLE box (id bigserial PRIMARY KEY, mail email, p pair, tally smallint DEFAULT nextval('down_counter'), tag varchar(8) COLLATE "POSIX");
ALTER SEQUENCE down_counter OWNED BY box.tally;
CREATE SEQUENCE "Free Standing" START 42 MAXVALUE 99 CYCLE;`

for (const server of await testServers()) {
  describe(`a pg_dump -s restore reads back identical (${server.label})`, () => {
    const restore = async (t: { skip: (why: string) => void }, build: (url: string) => Promise<void>) => {
      const major = await serverMajor(server.url)
      if (dumpSkip) return t.skip(dumpSkip)
      if (major > dumpMajor) return t.skip(`pg_dump ${dumpMajor} (pg_config --bindir) cannot dump PostgreSQL ${major}`)
      const source = await scratchDatabase(server, 'dumped')
      const target = await scratchDatabase(server, 'restored')
      try {
        await build(source.url)
        restoreSchema(source.url, target.url, ['-T', 'db_migrate_history'])
        const [from, to] = [await schemaAt(source.url), await schemaAt(target.url)]
        assert.ok(from.extensions.length + from.sequences.length + from.domains.length + from.compositeTypes.length + from.collations.length > 0)
        // pg_dump writes CREATE EXTENSION without a version: a restore installs the server's default one
        const versions = { ignoreExtensionVersions: true }
        assert.deepEqual(compare(from, to, versions), [])
        assert.deepEqual(compare(to, from, versions), [])
        const pinned = from.extensions.filter((e) => to.extensions.some((r) => r.name === e.name && r.version !== e.version)).map((e) => e.name)
        assert.deepEqual(compare(from, to).map((op) => (op.kind === 'alter_extension' ? op.to.name : op.kind)), pinned)
      } finally {
        await source.drop()
        await target.drop()
      }
    }

    for (const fixture of fixtures) {
      it(`${fixture}: its migrations`, async (t) => {
        const wanted = fixture === 'models-extensions' ? ['citext', 'pgcrypto'] : []
        const { rows } = await adminQuery(server.url, 'SELECT name FROM pg_available_extensions WHERE name = ANY($1)', [wanted])
        if (rows.length < wanted.length) return t.skip(`the server offers no ${wanted.join(' or ')}`)
        await restore(t, async (url) => void (await upgrade(project(fixture, modelsProject).config(), url, silentLog)))
      })
    }

    it('every kind written by hand, names quoted', async (t) => {
      const { rows } = await adminQuery(server.url, "SELECT 1 FROM pg_available_extensions WHERE name = 'hstore'")
      if (rows.length === 0) return t.skip('the server offers no hstore')
      await restore(t, async (url) => void (await adminQuery(url, handWritten)))
    })
  })
}
