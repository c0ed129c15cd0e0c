import assert from 'node:assert/strict'
import { test } from 'node:test'
import { columnChanges } from '../../src/compare/columns.js'
import type { Operation } from '../../src/ops/operation.js'
import { renderSchemaDdl, renderSql } from '../../src/render/sql.js'
import type { ForeignKey, Index } from '../../src/schema/schema.js'
import { column, enumType, id, pk, schema, table } from './compare/fixtures.js'

const post = { schema: 'public', name: 'post' }
const user = { schema: 'public', name: 'user' }
const appTag = { schema: 'app', name: 'tag' }
const fk: ForeignKey = {
  name: 'post_author_id_fkey', columns: ['author_id'], refSchema: 'public', refTable: 'user', refColumns: ['id'],
  onDelete: 'cascade', onUpdate: 'no action', deferral: 'not deferrable', match: 'simple', notValid: false,
}
const gin: Index = { name: 'tag_names_idx', unique: false, method: 'gin', definition: 'CREATE INDEX tag_names_idx ON app.tag USING gin (names)' }
const mood = enumType('mood', ['sad', 'ok'])
const alter = (from: Parameters<typeof column>[2] & { type?: string }, to: typeof from): Operation => {
  const [a, b] = [column('name', from.type ?? 'text', from), column('name', to.type ?? 'text', to)]
  return { kind: 'alter_column', table: user, from: a, to: b, changes: columnChanges(a, b) }
}

const cases: { op: Operation; want: string[] }[] = [
  { op: { kind: 'create_schema', schema: 'app' }, want: ['CREATE SCHEMA app'] },
  { op: { kind: 'drop_schema', schema: 'Billing' }, want: ['DROP SCHEMA "Billing"'] },
  { op: { kind: 'create_enum', enum: { ...mood, comment: 'feelings' } }, want: ["CREATE TYPE mood AS ENUM ('sad', 'ok')", "COMMENT ON TYPE mood IS 'feelings'"] },
  { op: { kind: 'drop_enum', enum: enumType('app.mood', []) }, want: ['DROP TYPE app.mood'] },
  {
    op: { kind: 'alter_enum', stage: 'add_values', from: mood, to: enumType('mood', ['bad', 'worse', 'sad', 'meh', 'ok', 'great']), usages: [] },
    want: [
      "ALTER TYPE mood ADD VALUE 'bad' BEFORE 'sad'",
      "ALTER TYPE mood ADD VALUE 'worse' AFTER 'bad'",
      "ALTER TYPE mood ADD VALUE 'meh' AFTER 'sad'",
      "ALTER TYPE mood ADD VALUE 'great'",
    ],
  },
  {
    op: {
      kind: 'alter_enum', stage: 'remove_values', from: mood, to: enumType('mood', ['ok']),
      usages: [
        { table: user, column: 'mood', array: false, default: "'ok'::mood", checks: [], indexes: [] },
        { table: user, column: 'moods', array: true, default: null, checks: [], indexes: [] },
      ],
    },
    want: [
      'ALTER TYPE mood RENAME TO mood__old',
      "CREATE TYPE mood AS ENUM ('ok')",
      'ALTER TABLE "user" ALTER COLUMN mood DROP DEFAULT',
      'ALTER TABLE "user" ALTER COLUMN mood TYPE mood USING mood::text::mood',
      `ALTER TABLE "user" ALTER COLUMN mood SET DEFAULT 'ok'::mood`,
      'ALTER TABLE "user" ALTER COLUMN moods TYPE mood[] USING moods::text[]::mood[]',
      'DROP TYPE mood__old',
    ],
  },
  {
    op: {
      kind: 'alter_enum', stage: 'remove_values', from: mood, to: enumType('mood', ['ok', 'sad']),
      usages: [{
        table: user, column: 'mood', array: false, default: null,
        checks: [{ name: 'not_sad', definition: "CHECK ((mood <> 'sad'::mood))" }],
        indexes: [{ name: 'ok_users', unique: false, method: 'btree', definition: "CREATE INDEX ok_users ON public.\"user\" USING btree (id) WHERE (mood = 'ok'::mood)" }],
      }],
    },
    want: [
      'ALTER TYPE mood RENAME TO mood__old',
      "CREATE TYPE mood AS ENUM ('ok', 'sad')",
      'ALTER TABLE "user" DROP CONSTRAINT not_sad',
      'DROP INDEX ok_users',
      'ALTER TABLE "user" ALTER COLUMN mood TYPE mood USING mood::text::mood',
      `ALTER TABLE "user" ADD CONSTRAINT not_sad CHECK ((mood <> 'sad'::mood))`,
      `CREATE INDEX ok_users ON "user" (id) WHERE (mood = 'ok'::mood)`,
      'DROP TYPE mood__old',
    ],
  },
  { op: { kind: 'set_enum_comment', enum: { schema: 'public', name: 'mood' }, from: 'x', to: null }, want: ['COMMENT ON TYPE mood IS NULL'] },
  {
    op: {
      kind: 'create_table',
      table: table('post', [
        id,
        column('author_id', 'integer', { notNull: true }),
        column('title', 'character varying(200)', { notNull: true, default: "''::character varying", comment: "the post's title" }),
        column('created_at', 'timestamp with time zone', { notNull: true, default: 'now()' }),
        column('slug', 'text', { generated: "lower(title)" }),
      ], {
        primaryKey: pk('post'),
        uniques: [{ name: 'post_slug_key', columns: ['slug'], nullsNotDistinct: true, include: [], deferral: 'not deferrable' }],
        checks: [{ name: 'post_title_check', definition: "CHECK ((title)::text <> ''::text) NOT VALID" }],
        foreignKeys: [fk],
        indexes: [{ name: 'post_created_at_idx', unique: false, method: 'btree', definition: 'CREATE INDEX post_created_at_idx ON public.post USING btree (created_at DESC)' }],
        comment: 'blog posts',
      }),
    },
    want: [
      [
        'CREATE TABLE post (',
        '  id integer PRIMARY KEY,',
        '  author_id integer NOT NULL,',
        "  title character varying(200) NOT NULL DEFAULT '',",
        '  created_at timestamp with time zone NOT NULL DEFAULT now(),',
        '  slug text GENERATED ALWAYS AS (lower(title)) STORED,',
        '  CONSTRAINT post_slug_key UNIQUE NULLS NOT DISTINCT (slug),',
        '  CONSTRAINT post_author_id_fkey FOREIGN KEY (author_id) REFERENCES "user" (id) ON DELETE CASCADE',
        ')',
      ].join('\n'),
      // a NOT VALID check is added after the table, where NOT VALID means something
      "ALTER TABLE post ADD CONSTRAINT post_title_check CHECK ((title)::text <> ''::text) NOT VALID",
      'CREATE INDEX post_created_at_idx ON post (created_at DESC)',
      "COMMENT ON TABLE post IS 'blog posts'",
      "COMMENT ON COLUMN post.title IS 'the post''s title'",
    ],
  },
  {
    op: {
      kind: 'create_table',
      table: table('app.tag', [column('id', 'bigint', { notNull: true, identity: 'always' }), column('post_id', 'integer', { notNull: true }), column('n', 'serial', { notNull: true })], {
        primaryKey: { name: 'tag_pk', columns: ['id', 'post_id'], include: [], deferral: 'not deferrable' },
      }),
    },
    want: [
      [
        'CREATE TABLE app.tag (',
        '  id bigint GENERATED ALWAYS AS IDENTITY,',
        '  post_id integer NOT NULL,',
        '  n serial,',
        '  CONSTRAINT tag_pk PRIMARY KEY (id, post_id)',
        ')',
      ].join('\n'),
    ],
  },
  { op: { kind: 'drop_table', table: table('user', [id]) }, want: ['DROP TABLE "user"'] },
  { op: { kind: 'set_table_comment', table: appTag, from: null, to: 'labels' }, want: ["COMMENT ON TABLE app.tag IS 'labels'"] },
  {
    op: { kind: 'add_column', table: user, column: column('Email', 'text', { notNull: true, default: "''::text", comment: 'login' }) },
    want: [`ALTER TABLE "user" ADD COLUMN "Email" text NOT NULL DEFAULT ''`, `COMMENT ON COLUMN "user"."Email" IS 'login'`],
  },
  { op: { kind: 'drop_column', table: user, column: column('order', 'integer') }, want: ['ALTER TABLE "user" DROP COLUMN "order"'] },
  { op: alter({ type: 'integer' }, { type: 'bigint' }), want: ['ALTER TABLE "user" ALTER COLUMN name TYPE bigint'] },
  { op: alter({ type: 'text' }, { type: 'integer' }), want: ['ALTER TABLE "user" ALTER COLUMN name TYPE integer USING name::integer'] },
  {
    op: alter({ default: "'x'::text" }, { type: 'character varying(5)', default: "'y'::character varying", notNull: true, comment: 'short' }),
    want: [
      'ALTER TABLE "user" ALTER COLUMN name DROP DEFAULT',
      'ALTER TABLE "user" ALTER COLUMN name TYPE character varying(5) USING name::character varying(5)',
      `ALTER TABLE "user" ALTER COLUMN name SET DEFAULT 'y'`,
      'ALTER TABLE "user" ALTER COLUMN name SET NOT NULL',
      `COMMENT ON COLUMN "user".name IS 'short'`,
    ],
  },
  { op: alter({ notNull: true, default: 'now()' }, {}), want: ['ALTER TABLE "user" ALTER COLUMN name DROP DEFAULT', 'ALTER TABLE "user" ALTER COLUMN name DROP NOT NULL'] },
  { op: alter({ type: 'bigint' }, { type: 'bigint', notNull: true, identity: 'by default' }), want: ['ALTER TABLE "user" ALTER COLUMN name SET NOT NULL', 'ALTER TABLE "user" ALTER COLUMN name ADD GENERATED BY DEFAULT AS IDENTITY'] },
  { op: alter({ type: 'bigint', notNull: true, identity: 'always' }, { type: 'bigint', notNull: true, identity: 'by default' }), want: ['ALTER TABLE "user" ALTER COLUMN name SET GENERATED BY DEFAULT'] },
  { op: alter({ type: 'bigint', notNull: true, identity: 'always' }, { type: 'bigint' }), want: ['ALTER TABLE "user" ALTER COLUMN name DROP IDENTITY', 'ALTER TABLE "user" ALTER COLUMN name DROP NOT NULL'] },
  {
    op: alter({ type: 'integer', notNull: true }, { type: 'serial', notNull: true }),
    want: ['CREATE SEQUENCE IF NOT EXISTS user_name_seq', 'ALTER SEQUENCE user_name_seq AS integer OWNED BY "user".name', `ALTER TABLE "user" ALTER COLUMN name SET DEFAULT nextval('user_name_seq'::regclass)`],
  },
  { op: alter({ type: 'serial', notNull: true }, { type: 'integer', notNull: true }), want: ['ALTER TABLE "user" ALTER COLUMN name DROP DEFAULT', 'DROP SEQUENCE user_name_seq'] },
  {
    op: alter({ type: 'serial', notNull: true }, { type: 'integer', notNull: true, default: "nextval('user_name_seq'::regclass)" }),
    want: [`ALTER TABLE "user" ALTER COLUMN name SET DEFAULT nextval('user_name_seq'::regclass)`, 'ALTER SEQUENCE user_name_seq OWNED BY NONE'],
  },
  {
    op: { ...alter({ type: 'mood' }, { type: 'feeling' }), viaText: true } as Operation,
    want: ['ALTER TABLE "user" ALTER COLUMN name TYPE feeling USING name::text::feeling'],
  },
  { op: alter({ type: 'serial', notNull: true }, { type: 'bigserial', notNull: true }), want: ['ALTER TABLE "user" ALTER COLUMN name TYPE bigint', 'ALTER SEQUENCE user_name_seq AS bigint'] },
  {
    // widened by a migration that forgot the sequence: the column is bigint already, its sequence still integer
    op: alter({ type: 'bigint', notNull: true, default: "nextval('user_name_seq'::regclass)" }, { type: 'bigserial', notNull: true }),
    want: ['ALTER SEQUENCE user_name_seq AS bigint OWNED BY "user".name'],
  },
  { op: alter({ generated: 'upper(x)' }, {}), want: ['ALTER TABLE "user" ALTER COLUMN name DROP EXPRESSION'] },
  { op: alter({}, { generated: '(a || b)' }), want: ['ALTER TABLE "user" DROP COLUMN name', 'ALTER TABLE "user" ADD COLUMN name text GENERATED ALWAYS AS (a || b) STORED'] },
  { op: alter({}, { generated: '(a) || (b)' }), want: ['ALTER TABLE "user" DROP COLUMN name', 'ALTER TABLE "user" ADD COLUMN name text GENERATED ALWAYS AS ((a) || (b)) STORED'] },
  { op: { kind: 'reorder_columns', table: user, from: ['a', 'b'], to: ['b', 'a'] }, want: ['-- "user": columns (a, b) should read (b, a); PostgreSQL cannot reorder columns, so recreate the table if the order matters'] },
  { op: { kind: 'add_primary_key', table: user, primaryKey: pk('user') }, want: ['ALTER TABLE "user" ADD PRIMARY KEY (id)'] },
  { op: { kind: 'add_primary_key', table: user, primaryKey: { name: 'user_key', columns: ['a', 'b'], include: [], deferral: 'initially deferred' } }, want: ['ALTER TABLE "user" ADD CONSTRAINT user_key PRIMARY KEY (a, b) DEFERRABLE INITIALLY DEFERRED'] },
  { op: { kind: 'drop_primary_key', table: user, primaryKey: pk('user') }, want: ['ALTER TABLE "user" DROP CONSTRAINT user_pkey'] },
  { op: { kind: 'add_unique', table: user, unique: { name: 'user_email_key', columns: ['email'], nullsNotDistinct: false, include: [], deferral: 'not deferrable' } }, want: ['ALTER TABLE "user" ADD CONSTRAINT user_email_key UNIQUE (email)'] },
  { op: { kind: 'drop_unique', table: user, unique: { name: 'user_email_key', columns: ['email'], nullsNotDistinct: false, include: [], deferral: 'not deferrable' } }, want: ['ALTER TABLE "user" DROP CONSTRAINT user_email_key'] },
  { op: { kind: 'add_foreign_key', table: post, foreignKey: { ...fk, onUpdate: 'set null', deferral: 'deferrable' } }, want: ['ALTER TABLE post ADD CONSTRAINT post_author_id_fkey FOREIGN KEY (author_id) REFERENCES "user" (id) ON DELETE CASCADE ON UPDATE SET NULL DEFERRABLE'] },
  { op: { kind: 'drop_foreign_key', table: post, foreignKey: fk }, want: ['ALTER TABLE post DROP CONSTRAINT post_author_id_fkey'] },
  { op: { kind: 'add_check', table: post, check: { name: 'post_n_check', definition: 'CHECK ((n > 0)) NOT VALID' } }, want: ['ALTER TABLE post ADD CONSTRAINT post_n_check CHECK ((n > 0)) NOT VALID'] },
  { op: { kind: 'drop_check', table: post, check: { name: 'post_n_check', definition: 'CHECK ((n > 0))' } }, want: ['ALTER TABLE post DROP CONSTRAINT post_n_check'] },
  { op: { kind: 'create_index', table: appTag, index: gin }, want: ['CREATE INDEX tag_names_idx ON app.tag USING gin (names)'] },
  {
    op: { kind: 'create_index', table: user, index: { name: 'User Email', unique: true, method: 'btree', definition: 'CREATE UNIQUE INDEX "User Email" ON public."user" USING btree (lower(email)) WHERE (active = true)' } },
    want: ['CREATE UNIQUE INDEX "User Email" ON "user" (lower(email)) WHERE (active = true)'],
  },
  { op: { kind: 'drop_index', table: appTag, index: gin }, want: ['DROP INDEX app.tag_names_idx'] },
]

for (const c of cases) {
  test(`renders ${c.op.kind}: ${c.want[0]!.split('\n')[0]}`, () => {
    const rendered = renderSql([c.op])
    assert.deepEqual(rendered.map((s) => s.sql), c.want)
    for (const s of rendered) assert.equal(s.op, c.op)
  })
}

test('renderSchemaDdl builds a schema from nothing, dependencies first', () => {
  const sql = renderSchemaDdl(schema([table('app.tag', [id], { primaryKey: pk('tag') })], [mood])).map((s) => s.sql)
  assert.deepEqual(sql, ['CREATE SCHEMA app', "CREATE TYPE mood AS ENUM ('sad', 'ok')", 'CREATE TABLE app.tag (\n  id integer PRIMARY KEY\n)'])
})
