// Partitioned tables, inheritance, unlogged tables, row-level security, policies, grants and the key options
// INCLUDE, NULLS NOT DISTINCT, MATCH FULL and NOT VALID: models and migrations that agree pass check; a change of
// each attribute in the models is drift, named in words, and the generated migration applies and reverts.
import assert from 'node:assert/strict'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { after, before, it } from 'node:test'
import { autogenerate } from '../../src/commands/autogenerate.js'
import { check } from '../../src/commands/check.js'
import { downgrade } from '../../src/commands/downgrade.js'
import { upgrade } from '../../src/commands/upgrade.js'
import { compare } from '../../src/compare/compare.js'
import { silentLog } from '../../src/log.js'
import { adminQuery, scratchDatabase, type TestServer } from '../helpers/postgres.js'
import { modelsProject, project } from '../helpers/project.js'
import { eachServer, schemaAt } from './project.js'

// The fixture's migrations name this role; CREATE ROLE is cluster-wide, so it is made here and dropped after.
const app = 'db_migrate_fixture_app'

export function withFixtureRole(server: TestServer): void {
  before(() => adminQuery(server.url, `DO $$ BEGIN CREATE ROLE ${app}; EXCEPTION WHEN duplicate_object THEN NULL; END $$`))
  after(() => adminQuery(server.url, `DROP ROLE IF EXISTS ${app}`).catch(() => {}))
}

const head = "import { check, grant, integer, policy, sql, table, text, unique, type AnyColumn } from '../../../src/index.js'\nimport * as base from './models.js'\nexport * from './models.js'\n"
const doc = (columns: string, constraints: string, options: string) =>
  `export const doc = table('doc', { ...base.doc.columns, ${columns} }, (t) => [${constraints}], { ${options} })`
const docConstraints = {
  unique: 'unique().on(t.code).nullsNotDistinct().include(t.owner)',
  check: "check('doc_body_check', sql`length(${t.body}) < 1000`, { notValid: true })",
  owner: 'policy(\'doc_owner\', { using: sql`${t.owner} = current_user` })',
  insert: "policy('doc_insert', { as: 'restrictive', for: 'insert', to: [base.app], withCheck: sql`${t.body} IS NOT NULL` })",
}
const docWith = (change: Partial<typeof docConstraints>, options = "rowLevelSecurity: 'forced'", columns = '') =>
  doc(columns, Object.values({ ...docConstraints, ...change }).join(', '), options)
const ref = (options: string) => `ref: integer().references((): AnyColumn => base.doc.columns.id, { ${options} }),`

const drifts: { what: string; models: string; says: string }[] = [
  { what: 'a partition key', models: [
      "import { check as c2, index, primaryKey } from '../../../src/index.js'",
      "export const event = table('event', { ...base.event.columns }, (t) => [primaryKey().on(t.id, t.at), c2(sql`${t.kind} IN ('click', 'view')`), index().on(t.kind).where(sql`${t.kind} IN ('click', 'view')`)], { partitionBy: 'range (id)' })",
      "export const event2024 = table('event_2024', {}, { partitionOf: event, forValues: 'FROM (0) TO (1000)' })",
      "export const eventRest = table('event_rest', {}, { partitionOf: event, forValues: 'default' })",
    ].join('\n'),
    says: 'table event is created again: partition key RANGE (at) in the migrations, RANGE (id) in the models' },
  { what: 'a partition bound', models: "export const event2024 = table('event_2024', {}, { partitionOf: base.event, forValues: \"FROM ('2024-01-01') TO ('2025-06-01')\" })",
    says: "table event_2024: partition of event FOR VALUES FROM ('2024-01-01') TO ('2025-01-01') in the migrations, FOR VALUES FROM ('2024-01-01') TO ('2025-06-01') in the models" },
  { what: 'a new partition', models: "export const event2025 = table('event_2025', {}, { partitionOf: base.event, forValues: \"FROM ('2025-01-01') TO ('2026-01-01')\" })",
    says: 'table event_2025 is in the models but no migration creates it' },
  { what: 'persistence', models: "export const sessionCache = table('session_cache', base.sessionCache.columns)",
    says: 'table session_cache: persistence unlogged in the migrations, logged in the models' },
  { what: 'inheritance', models: "export const tagged = table('tagged', { tag: text() })\nexport const account = table('account', { name: text().notNull(), tag: text() }, { inherits: [base.audited, tagged] })",
    says: 'table account: inherits audited in the migrations, audited, tagged in the models' },
  { what: 'row-level security', models: docWith({}, "rowLevelSecurity: 'enabled'"),
    says: 'table doc: row-level security forced in the migrations, enabled in the models' },
  { what: "a policy's USING", models: docWith({ owner: 'policy(\'doc_owner\', { using: sql`${t.owner} = session_user` })' }),
    says: 'table doc: policy doc_owner (for all to public using (owner = SESSION_USER)) is in the models but no migration creates it' },
  { what: "a policy's command", models: docWith({ owner: 'policy(\'doc_owner\', { for: \'select\', using: sql`${t.owner} = current_user` })' }),
    says: 'table doc: policy doc_owner (for select to public using (owner = CURRENT_USER)) is in the models but no migration creates it' },
  { what: "a policy's roles and kind", models: docWith({ insert: "policy('doc_insert', { for: 'insert', withCheck: sql`${t.body} IS NOT NULL` })" }),
    says: 'table doc: policy doc_insert (for insert to public with check (body IS NOT NULL)) is in the models but no migration creates it' },
  { what: 'a column grant', models: "export const grants = base.grants.slice(0, 1).concat(base.grants.slice(2))",
    says: 'grant of UPDATE on column doc.body to db_migrate_fixture_app is created by the migrations but is not in the models' },
  { what: 'a table grant', models: "export const more = grant('DELETE').on(base.doc).to(base.app)",
    says: 'grant of DELETE on table doc to db_migrate_fixture_app is in the models but no migration creates it' },
  { what: 'a grant option', models: "export const grants = [...base.grants.slice(0, 2), grant('SELECT').on(base.event).to(base.app), ...base.grants.slice(3)]",
    says: 'grant of SELECT on table event to db_migrate_fixture_app is in the models but no migration creates it' },
  { what: 'a sequence grant', models: "export const grants = base.grants.filter((g) => g.state.object?.on !== 'sequence')",
    says: 'grant of USAGE on sequence counter_id_seq to db_migrate_fixture_app is created by the migrations but is not in the models' },
  { what: 'a schema grant', models: "export const more = grant('CREATE').onSchema('reports').to(base.app)",
    says: 'grant of CREATE on schema reports to db_migrate_fixture_app is in the models but no migration creates it' },
  { what: 'MATCH FULL', models: docWith({}, undefined, ref('notValid: true')),
    says: 'table doc: foreign key (ref) → doc (id) is in the models but no migration creates it' },
  { what: 'a NOT VALID foreign key', models: docWith({}, undefined, ref("match: 'full'")),
    says: 'table doc: foreign key (ref) → doc (id) is in the models but no migration creates it' },
  { what: 'a NOT VALID check', models: docWith({ check: "check('doc_body_check', sql`length(${t.body}) < 1000`)" }),
    says: 'table doc: check doc_body_check CHECK ((length(body) < 1000)) is in the models but no migration creates it' },
  { what: 'INCLUDE columns', models: docWith({ unique: 'unique().on(t.code).nullsNotDistinct()' }),
    says: 'table doc: unique constraint (code) is in the models but no migration creates it' },
  { what: 'NULLS NOT DISTINCT', models: docWith({ unique: 'unique().on(t.code).include(t.owner)' }),
    says: 'table doc: unique constraint (code) is in the models but no migration creates it' },
]

eachServer('check: partitions, inheritance, row-level security, policies and grants', (server) => {
  withFixtureRole(server)

  it('finds no drift between the models and migrations that agree (models-tables)', async () => {
    const result = await check(project('models-tables', modelsProject).config(), server.url, silentLog)
    assert.deepEqual(result.explanations, [])
    assert.equal(result.drift, false)
  })

  for (const d of drifts) {
    it(`names a change of ${d.what}; the generated migration applies and reverts`, async () => {
      const p = project('models-tables', modelsProject)
      writeFileSync(join(p.dir, 'drift.ts'), `${head}${d.models}\n`)
      const config = p.config({ models: 'drift.ts', message: 'close the gap' })
      const result = await check(config, server.url, silentLog)
      assert.equal(result.drift, true)
      assert.ok(result.explanations.includes(d.says), `expected "${d.says}" among:\n${result.explanations.join('\n')}`)

      const before = p.migrations()
      await autogenerate(config, server.url, silentLog)
      assert.deepEqual((await check(config, server.url, silentLog)).explanations, [], 'the models still differ after the generated migration')
      const db = await scratchDatabase(server, 'tables')
      try {
        const oldHead = before.filter((f) => !f.endsWith('.down.sql')).at(-1)!.replace(/\.sql$/, '')
        await upgrade(p.config({ revision: oldHead }), db.url, silentLog)
        const old = await schemaAt(db.url)
        await upgrade(p.config(), db.url, silentLog)
        assert.notDeepEqual(compare(old, await schemaAt(db.url)), [])
        await downgrade(p.config({ revision: '-1' }), db.url, silentLog)
        assert.deepEqual(compare(old, await schemaAt(db.url)), [], 'the down migration did not restore the schema')
      } finally {
        await db.drop()
      }
    })
  }

  it('leaves grants out with ignore-privileges: none are read or compared', async () => {
    const p = project('models-tables', modelsProject)
    writeFileSync(join(p.dir, 'drift.ts'), `${head}export const grants = []\n`)
    assert.equal((await check(p.config({ models: 'drift.ts' }), server.url, silentLog)).drift, true)
    const result = await check(p.config({ models: 'drift.ts', 'ignore-privileges': 'true' }), server.url, silentLog)
    assert.deepEqual(result.explanations, [])
  })
})
