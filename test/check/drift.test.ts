// Models that disagree with their migrations: check reports the difference in words and SQL, and
// revision --autogenerate writes the migration that closes it, with a down migration that undoes it.
import assert from 'node:assert/strict'
import { rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { it } from 'node:test'
import { autogenerate } from '../../src/commands/autogenerate.js'
import { check } from '../../src/commands/check.js'
import { downgrade } from '../../src/commands/downgrade.js'
import { upgrade } from '../../src/commands/upgrade.js'
import { compare } from '../../src/compare/compare.js'
import { silentLog } from '../../src/log.js'
import { adminQuery, scratchDatabase } from '../helpers/postgres.js'
import { eachServer, schemaAt } from './project.js'
import { project, modelsProject } from '../helpers/project.js'

interface Case {
  readonly fixture: string
  readonly explanations: readonly string[]
  readonly statements: readonly string[]
  readonly risky: readonly string[]
}

const cases: Case[] = [
  {
    fixture: 'models-demo',
    explanations: [
      'table post: column email is in the models but no migration creates it',
      'table post: index post_email_idx is in the models but no migration creates it',
    ],
    statements: [
      "ALTER TABLE post ADD COLUMN email text NOT NULL DEFAULT ''",
      'CREATE INDEX post_email_idx ON post (email)',
    ],
    risky: [],
  },
  {
    fixture: 'models-types',
    explanations: [
      "enum mood: value 'ecstatic' is in the models but no migration adds it",
      'table numbered: column tiny differs: type smallserial in the migrations, integer in the models; nullability NOT NULL in the migrations, nullable in the models',
      'table numbered: column counted differs: type serial in the migrations, bigserial in the models',
      'table sample: column normal differs: type integer in the migrations, bigint in the models',
      'table sample: column name differs: type character varying(80) in the migrations, character varying(200) in the models',
      'table sample: column body differs: type text in the migrations, jsonb in the models',
      'table sample: column extra is in the models but no migration creates it',
    ],
    statements: [
      "ALTER TYPE mood ADD VALUE 'ecstatic'",
      'ALTER TABLE numbered ALTER COLUMN tiny DROP DEFAULT',
      'ALTER TABLE numbered ALTER COLUMN tiny TYPE integer',
      'DROP SEQUENCE numbered_tiny_seq',
      'ALTER TABLE numbered ALTER COLUMN tiny DROP NOT NULL',
      'ALTER TABLE numbered ALTER COLUMN counted TYPE bigint',
      'ALTER SEQUENCE numbered_counted_seq AS bigint',
      'ALTER TABLE sample ALTER COLUMN normal TYPE bigint',
      'ALTER TABLE sample ALTER COLUMN name TYPE character varying(200)',
      'ALTER TABLE sample ALTER COLUMN body TYPE jsonb USING body::jsonb',
      'ALTER TABLE sample ADD COLUMN extra text',
    ],
    risky: ['changes type text → jsonb, which may not convert every value'],
  },
  {
    fixture: 'models-defaults',
    explanations: [
      'table article: column views differs: default 0 in the migrations, 1 in the models',
      "table article: column offset differs: default '-5'::integer in the migrations, none in the models",
      'table article: column rating differs: default 2.5 in the migrations, none in the models',
      `table article: column tags differs: default '{news,"a \\"quoted\\" tag"}'::text[] in the migrations, '{}'::text[] in the models`,
      'table article: column subtitle is in the models but no migration creates it',
    ],
    statements: [
      'ALTER TABLE article ALTER COLUMN views SET DEFAULT 1',
      'ALTER TABLE article ALTER COLUMN "offset" DROP DEFAULT',
      'ALTER TABLE article ALTER COLUMN rating DROP DEFAULT',
      "ALTER TABLE article ALTER COLUMN tags SET DEFAULT '{}'",
      "ALTER TABLE article ADD COLUMN subtitle text NOT NULL DEFAULT 'it''s new'",
    ],
    risky: [],
  },
  {
    fixture: 'models-constraints',
    explanations: [
      'table invoice: deferrable foreign key (parent_id) → invoice (id) is created by the migrations but is not in the models',
      'table invoice: foreign key (tenant_id, account_number) → account (tenant_id, number) is created by the migrations but is not in the models',
      'table account: unique constraint (nickname) is created by the migrations but is not in the models',
      'table account: unique constraint (tenant_id, email) is created by the migrations but is not in the models',
      'table invoice: check invoice_amount_check CHECK ((amount >= (0)::numeric)) is created by the migrations but is not in the models',
      'table tenant: unique constraint (slug) is created by the migrations but is not in the models',
      'table account: unique constraint (email) is in the models but no migration creates it',
      'table invoice: check invoice_amount_check CHECK ((amount > (0)::numeric)) is in the models but no migration creates it',
      'table invoice: foreign key (parent_id) → invoice (id) is in the models but no migration creates it',
    ],
    statements: [
      'ALTER TABLE invoice DROP CONSTRAINT invoice_parent_id_fkey',
      'ALTER TABLE invoice DROP CONSTRAINT invoice_tenant_id_account_number_fkey',
      'ALTER TABLE account DROP CONSTRAINT account_nickname_once',
      'ALTER TABLE account DROP CONSTRAINT account_tenant_id_email_key',
      'ALTER TABLE invoice DROP CONSTRAINT invoice_amount_check',
      'ALTER TABLE tenant DROP CONSTRAINT tenant_slug_key',
      'ALTER TABLE account ADD CONSTRAINT account_email_key UNIQUE (email)',
      'ALTER TABLE invoice ADD CONSTRAINT invoice_amount_check CHECK ((amount > (0)::numeric))',
      'ALTER TABLE invoice ADD CONSTRAINT invoice_parent_id_fkey FOREIGN KEY (parent_id) REFERENCES invoice (id) ON DELETE CASCADE',
    ],
    risky: [
      'adds a unique constraint: fails if existing rows hold duplicates',
      'adds a check: fails if an existing row violates it',
      'adds a foreign key: fails if an existing row references a missing key',
    ],
  },
  {
    fixture: 'models-indexes',
    explanations: [
      'table event: index event_actor_recent is created by the migrations but is not in the models',
      'table event: index event_at_idx is created by the migrations but is not in the models',
      'table event: index event_kind_idx is created by the migrations but is not in the models',
      'table event: index event_actor_recent is in the models but no migration creates it',
      'table event: index event_kind_at_idx is in the models but no migration creates it',
    ],
    statements: [
      'DROP INDEX event_actor_recent',
      'DROP INDEX event_at_idx',
      'DROP INDEX event_kind_idx',
      'CREATE INDEX event_actor_recent ON event (actor_id, at)',
      'CREATE INDEX event_kind_at_idx ON event (kind, at)',
    ],
    risky: [],
  },
  {
    fixture: 'models-schemas',
    explanations: [
      'schema reporting is in the models but no migration creates it',
      "enum billing.plan: value 'team' is in the models but no migration adds it",
      'table audit.login: foreign key (customer_id) → billing.customer (id) is created by the migrations but is not in the models',
      'table audit.login is created by the migrations but is not in the models',
      'table reporting.report is in the models but no migration creates it',
      'table billing.customer: column name differs: comment "as printed on invoices" in the migrations, none in the models',
      "table billing.customer: column plan differs: default 'free'::billing.plan in the migrations, 'team'::billing.plan in the models",
      'table billing.customer: comment "people who pay" in the migrations, "customers" in the models',
      'table reporting.report: foreign key (customer_id) → billing.customer (id) is in the models but no migration creates it',
      'schema audit is created by the migrations but is not in the models',
    ],
    statements: [
      'CREATE SCHEMA reporting',
      "ALTER TYPE billing.plan ADD VALUE 'team'",
      'ALTER TABLE audit.login DROP CONSTRAINT login_customer_id_fkey',
      'DROP TABLE audit.login',
      'CREATE TABLE reporting.report (\n  id serial PRIMARY KEY,\n  customer_id integer\n)',
      'COMMENT ON COLUMN billing.customer.name IS NULL',
      "ALTER TABLE billing.customer ALTER COLUMN plan SET DEFAULT 'team'",
      "COMMENT ON TABLE billing.customer IS 'customers'",
      'ALTER TABLE reporting.report ADD CONSTRAINT report_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES billing.customer (id)',
      'DROP SCHEMA audit',
    ],
    risky: ['drops a table and its rows', 'adds a foreign key: fails if an existing row references a missing key', 'drops a schema'],
  },
  {
    fixture: 'models-keys',
    explanations: [
      'table booking: exclusion constraint booking_during_excl EXCLUDE USING gist (during WITH &&) WHERE ((room_id > 0)) is created by the migrations but is not in the models',
      'table room: deferrable unique constraint (code) is created by the migrations but is not in the models',
      'table booking: exclusion constraint booking_during_excl EXCLUDE USING gist (during WITH &&) is in the models but no migration creates it',
      'table room: unique constraint (code) is in the models but no migration creates it',
    ],
    statements: [
      'ALTER TABLE booking DROP CONSTRAINT booking_during_excl',
      'ALTER TABLE room DROP CONSTRAINT room_code_key',
      'ALTER TABLE booking ADD CONSTRAINT booking_during_excl EXCLUDE USING gist (during WITH &&)',
      'ALTER TABLE room ADD CONSTRAINT room_code_key UNIQUE (code)',
    ],
    risky: [
      'adds an exclusion constraint: fails if existing rows conflict',
      'adds a unique constraint: fails if existing rows hold duplicates',
    ],
  },
]

eachServer('check: models that disagree with their migrations', (server) => {
  for (const c of cases) {
    it(`explains the difference in words and SQL (${c.fixture}/drift.ts)`, async () => {
      const result = await check(project(c.fixture, modelsProject).config({ models: 'drift.ts' }), server.url, silentLog)
      assert.equal(result.drift, true)
      assert.deepEqual(result.explanations, c.explanations)
      assert.deepEqual(result.statements, c.statements)
      assert.deepEqual(result.risky.map((r) => r.reason), c.risky)
      assert.equal(result.operations.length, c.explanations.length)
    })
  }
})

eachServer('check: a serial widened without its sequence', (server) => {
  it('is drift against a bigserial in the models, and the generated migration widens the sequence', async () => {
    const p = project('models-types', modelsProject)
    // the classic half-done widening: the column holds bigint, its sequence still stops at 2147483647
    writeFileSync(join(p.dir, 'migrations', '20240103000000_widen_counted.sql'), 'ALTER TABLE numbered ALTER COLUMN counted TYPE bigint;\n')
    writeFileSync(join(p.dir, 'wide.ts'), [
      "import { bigserial, table } from '../../../src/index.js'",
      "import * as base from './models.js'",
      "export { mood, sample } from './models.js'",
      "export const numbered = table('numbered', { ...base.numbered.columns, counted: bigserial() })",
    ].join('\n'))
    const config = p.config({ models: 'wide.ts', message: 'widen counted' })
    const result = await check(config, server.url, silentLog)
    assert.deepEqual(result.explanations, [
      "table numbered: column counted differs: type bigint in the migrations, bigserial in the models; default nextval('numbered_counted_seq'::regclass) in the migrations, none in the models",
    ])
    assert.deepEqual(result.statements, ['ALTER SEQUENCE numbered_counted_seq AS bigint OWNED BY numbered.counted'])

    await autogenerate(config, server.url, silentLog)
    assert.deepEqual((await check(config, server.url, silentLog)).explanations, [])
    const db = await scratchDatabase(server, 'widen')
    try {
      await upgrade(p.config(), db.url, silentLog)
      const { rows } = await adminQuery(db.url, "SELECT setval('numbered_counted_seq', 3000000000) AS value")
      assert.equal(rows[0].value, '3000000000')
    } finally {
      await db.drop()
    }
  })
})

eachServer('revision --autogenerate', (server) => {
  for (const c of cases) {
    it(`writes a migration that closes the difference and a down that undoes it (${c.fixture})`, async () => {
      const p = project(c.fixture, modelsProject)
      const config = p.config({ models: 'drift.ts', message: 'Close the gap' })
      const before = p.migrations()
      const written = await autogenerate(config, server.url, silentLog)
      assert.match(written.name ?? '', /^\d{14}_close_the_gap$/)
      assert.deepEqual(written.files, [`migrations/${written.name}.sql`, `migrations/${written.name}.down.sql`])
      assert.deepEqual(p.migrations(), [...before, `${written.name}.down.sql`, `${written.name}.sql`].sort())
      assert.deepEqual(written.explanations, c.explanations)

      // An enum value added and used in one migration cannot share a transaction.
      const up = p.read(`migrations/${written.name}.sql`)
      assert.equal(up.startsWith('-- db-migrate: no-transaction\n'), c.fixture === 'models-schemas')

      const after = await check(config, server.url, silentLog)
      assert.deepEqual(after.explanations, [], 'the models still differ after the generated migration')

      // Up to the old head, to the new one, and down one step: the schema is back where it was.
      const db = await scratchDatabase(server, 'autogen')
      try {
        const oldHead = before.filter((f) => !f.endsWith('.down.sql')).at(-1)!.replace(/\.(sql|ts|js)$/, '')
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

  it('writes nothing when the models match the migrations', async () => {
    const p = project('models-demo', modelsProject)
    const before = p.migrations()
    const result = await autogenerate(p.config({ message: 'nothing' }), server.url, silentLog)
    assert.equal(result.drift, false)
    assert.equal(result.name, null)
    assert.deepEqual(result.files, [])
    assert.deepEqual(p.migrations(), before)
  })

  it('writes a file that reads like one a person wrote', async () => {
    const p = project('models-demo', modelsProject)
    const now = new Date(Date.UTC(2025, 0, 2, 3, 4, 5))
    const written = await autogenerate(p.config({ models: 'drift.ts', message: 'Add email to posts' }), server.url, silentLog, now)
    assert.equal(written.name, '20250102030405_add_email_to_posts')
    assert.equal(p.read(`migrations/${written.name}.sql`), [
      '-- Add email to posts',
      '-- Revision: 20250102030405_add_email_to_posts',
      '-- Created: 2025-01-02 03:04:05 UTC, generated from the models; review it before it runs anywhere that matters.',
      '',
      '-- add column post.email',
      "ALTER TABLE post ADD COLUMN email text NOT NULL DEFAULT '';",
      '',
      '-- create index post_email_idx on post',
      'CREATE INDEX post_email_idx ON post (email);',
      '',
    ].join('\n'))
    assert.equal(p.read(`migrations/${written.name}.down.sql`), [
      '-- Reverts 20250102030405_add_email_to_posts: Add email to posts',
      '',
      '-- drop index post_email_idx of post',
      'DROP INDEX post_email_idx;',
      '',
      '-- drop column post.email',
      '-- RISK: drops a column and its values',
      'ALTER TABLE post DROP COLUMN email;',
      '',
    ].join('\n'))
  })
})

eachServer('revision --autogenerate in a new project', (server) => {
  it('writes the first migration, creating the migrations folder, from the models alone', async () => {
    const p = project('models-schemas', modelsProject)
    rmSync(join(p.dir, 'migrations'), { recursive: true })
    const config = p.config({ message: 'initial' })
    const written = await autogenerate(config, server.url, silentLog)
    assert.equal(written.migrations, 0)
    assert.match(written.name ?? '', /^\d{14}_initial$/)
    assert.deepEqual(p.migrations(), [`${written.name}.down.sql`, `${written.name}.sql`])
    assert.deepEqual((await check(config, server.url, silentLog)).explanations, [])
  })
})
