// Extensions, sequences, domains, composite types and collations: each fixture's models agree with its migrations;
// each drift file changes one attribute, which check names, and the migration autogenerate writes for it applies and
// reverts on a real server.
import assert from 'node:assert/strict'
import { it } from 'node:test'
import { autogenerate } from '../../src/commands/autogenerate.js'
import { check } from '../../src/commands/check.js'
import { downgrade } from '../../src/commands/downgrade.js'
import { upgrade } from '../../src/commands/upgrade.js'
import { compare } from '../../src/compare/compare.js'
import { silentLog } from '../../src/log.js'
import type { TestServer } from '../helpers/postgres.js'
import { adminQuery, scratchDatabase } from '../helpers/postgres.js'
import { runCli } from '../helpers/runner.js'
import { modelsProject, project } from '../helpers/project.js'
import { eachServer, schemaAt } from './project.js'

interface Drift {
  readonly file: string
  /** Words check must say, one per operation. */
  readonly explanations: readonly (string | RegExp)[]
  /** PostgreSQL has no way back (an extension has no downgrade script). */
  readonly oneWay?: true
}

interface Kind {
  readonly fixture: string
  /** What the server must offer, else the suite says why it skips. */
  readonly needs: { readonly extensions?: readonly string[]; readonly icu?: true }
  readonly drifts: readonly Drift[]
}

const kinds: Kind[] = [
  {
    fixture: 'models-extensions',
    needs: { extensions: ['citext', 'pgcrypto', 'hstore'] },
    drifts: [
      { file: 'version', explanations: ['extension citext: version 1.5 in the migrations, 1.6 in the models'], oneWay: true },
      { file: 'schema', explanations: ['schema crypto is in the models but no migration creates it', 'extension pgcrypto: schema public in the migrations, crypto in the models'] },
      { file: 'column-type', explanations: [/^extension hstore \(version [\d.]+\) is in the models but no migration creates it$/, 'table account: column attrs is in the models but no migration creates it'] },
      { file: 'dropped', explanations: ['extension pgcrypto is created by the migrations but is not in the models'] },
    ],
  },
  {
    fixture: 'models-sequences',
    needs: {},
    drifts: [
      { file: 'start', explanations: ['sequence order_no: start 1000 in the migrations, 2000 in the models'] },
      { file: 'increment', explanations: ['sequence order_no: increment 5 in the migrations, 7 in the models'] },
      { file: 'min', explanations: ['sequence order_no: minvalue 10 in the migrations, 1 in the models'] },
      { file: 'max', explanations: ['sequence order_no: maxvalue 100000 in the migrations, 500000 in the models'] },
      { file: 'cache', explanations: ['sequence order_no: cache 10 in the migrations, 1 in the models'] },
      { file: 'cycle', explanations: ['sequence order_no: cycle true in the migrations, false in the models'] },
      { file: 'type', explanations: ['sequence order_no: type integer in the migrations, bigint in the models'] },
      { file: 'owner', explanations: ['sequence invoice_ref_seq: owned by column invoice.ref in the migrations but not in the models', 'sequence invoice_ref_seq: owned by column invoice.id in the models but not in the migrations'] },
      { file: 'free', explanations: ['sequence invoice_ref_seq: owned by column invoice.ref in the migrations but not in the models'] },
      { file: 'unserial', explanations: ['table counter: column id differs: type serial in the migrations, integer in the models'] },
      { file: 'serial', explanations: ['table counter: column n differs: type integer in the migrations, serial in the models; nullability nullable in the migrations, NOT NULL in the models'] },
    ],
  },
  {
    fixture: 'models-domains',
    needs: {},
    drifts: [
      { file: 'type', explanations: ['domain posint: type integer in the migrations, bigint in the models'] },
      { file: 'default', explanations: ['domain posint: default 1 in the migrations, 2 in the models'] },
      { file: 'nullability', explanations: ['domain posint: nullability NOT NULL in the migrations, nullable in the models'] },
      { file: 'checks', explanations: ['domain posint: checks posint_positive CHECK ((VALUE > 0)) in the migrations, posint_positive CHECK ((VALUE > 1)) in the models'] },
      { file: 'collation', explanations: ['domain code: collation "C" in the migrations, "POSIX" in the models'] },
    ],
  },
  {
    fixture: 'models-composites',
    needs: {},
    drifts: [
      { file: 'added', explanations: ['composite type price: attributes (amount numeric(10,2), currency text COLLATE "C") in the migrations, (amount numeric(10,2), currency text COLLATE "C", note text) in the models'] },
      { file: 'dropped', explanations: ['composite type price: attributes (amount numeric(10,2), currency text COLLATE "C") in the migrations, (amount numeric(10,2)) in the models'] },
      { file: 'type', explanations: ['composite type dimensions: attributes (width real, height real, unit text) in the migrations, (width double precision, height real, unit text) in the models'] },
      { file: 'collation', explanations: ['composite type dimensions: attributes (width real, height real, unit text) in the migrations, (width real, height real, unit text COLLATE "C") in the models'] },
    ],
  },
  {
    fixture: 'models-collations',
    needs: { icu: true },
    drifts: [
      // PostgreSQL 16+ stores ICU locales as language tags (und-u-kn-true)
      { file: 'locale', explanations: [/^collation numeric_order: locale und-u-kn(-true)? in the migrations, und-u-kn(-true)?-ks-level2 in the models$/] },
      { file: 'deterministic', explanations: ['collation numeric_order: deterministic true in the migrations, false in the models'] },
      { file: 'column', explanations: ['table person: column code differs: collation "C" in the migrations, "POSIX" in the models', 'table person: column nick differs: collation default in the migrations, ci in the models'] },
      { file: 'default', explanations: ['table person: column code differs: collation "C" in the migrations, default in the models'] },
      { file: 'dropped', explanations: ['collation numeric_order is created by the migrations but is not in the models'] },
    ],
  },
]

/** Why `server` cannot run `kind`, or null when it can. */
async function missing(server: TestServer, kind: Kind): Promise<string | null> {
  const wanted = kind.needs.extensions ?? []
  const { rows } = await adminQuery(server.url, 'SELECT name FROM pg_available_extensions WHERE name = ANY($1)', [wanted])
  const absent = wanted.filter((name) => !rows.some((r) => r.name === name))
  if (absent.length) return `the server offers no extension ${absent.join(', ')}`
  if (kind.needs.icu && (await adminQuery(server.url, "SELECT 1 FROM pg_collation WHERE collprovider = 'i' LIMIT 1")).rowCount === 0) {
    return 'the server is built without ICU'
  }
  return null
}

function matches(actual: readonly string[], expected: readonly (string | RegExp)[]): void {
  assert.equal(actual.length, expected.length, `explanations: ${JSON.stringify(actual)}`)
  expected.forEach((e, i) => (typeof e === 'string' ? assert.equal(actual[i], e) : assert.match(actual[i]!, e)))
}

eachServer('check: extensions, sequences, domains, composite types and collations', (server) => {
  for (const kind of kinds) {
    it(`finds no drift when the models and migrations agree (${kind.fixture})`, async (t) => {
      const why = await missing(server, kind)
      if (why) return t.skip(why)
      const result = await check(project(kind.fixture, modelsProject).config(), server.url, silentLog)
      assert.deepEqual(result.explanations, [])
      assert.deepEqual(result.statements, [])
    })

    for (const drift of kind.drifts) {
      it(`names a drift of ${drift.file}, and the generated migration applies${drift.oneWay ? '' : ' and reverts'} (${kind.fixture}/drift/${drift.file}.ts)`, async (t) => {
        const why = await missing(server, kind)
        if (why) return t.skip(why)
        const p = project(kind.fixture, modelsProject)
        const before = p.migrations()
        const config = p.config({ models: `drift/${drift.file}.ts`, message: drift.file })
        const result = await check(config, server.url, silentLog)
        assert.equal(result.drift, true)
        matches(result.explanations, drift.explanations)

        await autogenerate(config, server.url, silentLog)
        assert.deepEqual((await check(config, server.url, silentLog)).explanations, [], 'the models still differ after the generated migration')

        const db = await scratchDatabase(server, 'types')
        try {
          const oldHead = before.filter((f) => !f.endsWith('.down.sql')).at(-1)!.replace(/\.sql$/, '')
          await upgrade(p.config({ revision: oldHead }), db.url, silentLog)
          const old = await schemaAt(db.url)
          await upgrade(p.config(), db.url, silentLog)
          assert.notDeepEqual(compare(old, await schemaAt(db.url)), [])
          if (drift.oneWay) return
          await downgrade(p.config({ revision: '-1' }), db.url, silentLog)
          assert.deepEqual(compare(old, await schemaAt(db.url)), [], 'the down migration did not restore the schema')
        } finally {
          await db.drop()
        }
      })
    }
  }

  it('leaves extension versions out with ignore-extension-versions', async (t) => {
    const why = await missing(server, kinds[0]!)
    if (why) return t.skip(why)
    const p = project('models-extensions', modelsProject)
    const result = await check(p.config({ models: 'drift/version.ts', 'ignore-extension-versions': 'true' }), server.url, silentLog)
    assert.deepEqual(result.explanations, [])
  })

  it('exits 0 on agreeing models and 1 on a drift, naming it (the CLI)', async (t) => {
    const why = await missing(server, kinds[1]!)
    if (why) return t.skip(why)
    const p = project('models-sequences', modelsProject)
    const ok = await runCli(['check', '--models', 'models.ts', '--shadow-database-url', server.url], { cwd: p.dir })
    assert.equal(ok.code, 0, ok.stdout + ok.stderr)
    const drift = await runCli(['check', '--models', 'drift/owner.ts', '--shadow-database-url', server.url], { cwd: p.dir })
    assert.equal(drift.code, 1, drift.stdout + drift.stderr)
    assert.match(drift.stdout + drift.stderr, /sequence invoice_ref_seq: owned by column invoice\.id in the models/)
    assert.match(drift.stdout, /ALTER SEQUENCE invoice_ref_seq OWNED BY invoice\.id/)
  })
})
