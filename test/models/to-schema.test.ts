import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import {
  bigint, bigserial, boolean, bytea, char, check, customType, date, desc, doublePrecision, enumType, foreignKey, index, integer,
  interval, json, jsonb, many, numeric, one, primaryKey, real, serial, smallint, smallserial, sql, table, text, time, timestamp,
  timestamptz, unique, uniqueIndex, uuid, varchar,
} from '../../src/index.js'
import { buildSchema, toSchema } from '../../src/models/to-schema.js'
import type { EnumType as ModelEnum } from '../../src/models/enum.js'
import type { AnyTable } from '../../src/models/table.js'

const schemaOf = (tables: AnyTable[], enums: ModelEnum[] = []) => toSchema({ tables, enums })
const problemsOf = (tables: AnyTable[], enums: ModelEnum[] = []) => buildSchema({ tables, enums }).problems

describe('model → Schema', () => {
  it('turns the user/post pair into the schema PostgreSQL would print, nullable unless said otherwise', () => {
    const user = table('user', { id: integer().primaryKey(), name: varchar(100) })
    const post = table('post', {
      id: serial().primaryKey(),
      title: text().notNull(),
      text: text(),
      userId: integer('user_id').references(() => user.columns.id, { onDelete: 'cascade' }),
    }, (t) => [index().on(t.title)])
    const relations = { user: { posts: many(post) }, post: { user: one(user) } }
    assert.equal(relations.post.user.target, user)

    const schema = schemaOf([user, post])
    assert.deepEqual(schema.schemas, [])
    assert.deepEqual(schema.tables.map((t) => t.name), ['user', 'post'])
    assert.deepEqual(schema.tables[0]!.columns, [
      { name: 'id', type: 'integer', notNull: true, default: null, identity: null, generated: null, comment: null },
      { name: 'name', type: 'character varying(100)', notNull: false, default: null, identity: null, generated: null, comment: null },
    ])
    const p = schema.tables[1]!
    assert.deepEqual(p.columns.map((c) => [c.name, c.type, c.notNull]), [['id', 'serial', true], ['title', 'text', true], ['text', 'text', false], ['user_id', 'integer', false]])
    assert.deepEqual(p.primaryKey, { name: 'post_pkey', columns: ['id'], include: [], deferral: 'not deferrable' })
    assert.deepEqual(p.foreignKeys, [{
      name: 'post_user_id_fkey', columns: ['user_id'], refSchema: 'public', refTable: 'user', refColumns: ['id'],
      onDelete: 'cascade', onUpdate: 'no action', deferral: 'not deferrable', match: 'simple', notValid: false,
    }])
    assert.deepEqual(p.indexes, [{ name: 'post_title_idx', unique: false, method: 'btree', definition: 'CREATE INDEX post_title_idx ON public.post USING btree (title)' }])
  })

  it('spells every column type as format_type does', () => {
    const mood = enumType('mood', ['sad', 'ok'])
    const t = table('t', {
      a: smallint(), b: integer(), c: bigint(), d: smallserial(), e: serial(), f: bigserial(), g: text(), h: varchar(20), i: varchar(),
      j: char(3), k: char(), l: boolean(), m: numeric(10, 2), n: numeric(), o: numeric(5), p: real(), q: doublePrecision(), r: date(),
      s: time(), u: time({ withTimezone: true, precision: 3 }), v: timestamp(), w: timestamp({ withTimezone: true }), x: timestamptz('x', { precision: 0 }),
      y: interval(), z: uuid(), aa: json(), ab: jsonb(), ac: bytea(), ad: text().array(), ae: varchar(5).array(), af: mood(), ag: mood().array(),
      ah: customType('inet'), ai: integer().generatedAlwaysAsIdentity(), aj: bigint().generatedByDefaultAsIdentity(),
    })
    const columns = schemaOf([t], [mood]).tables[0]!.columns
    assert.deepEqual(Object.fromEntries(columns.map((c) => [c.name, c.type])), {
      a: 'smallint', b: 'integer', c: 'bigint', d: 'smallserial', e: 'serial', f: 'bigserial', g: 'text', h: 'character varying(20)',
      i: 'character varying', j: 'character(3)', k: 'character(1)', l: 'boolean', m: 'numeric(10,2)', n: 'numeric', o: 'numeric(5,0)',
      p: 'real', q: 'double precision', r: 'date', s: 'time without time zone', u: 'time(3) with time zone',
      v: 'timestamp without time zone', w: 'timestamp with time zone', x: 'timestamp(0) with time zone', y: 'interval', z: 'uuid',
      aa: 'json', ab: 'jsonb', ac: 'bytea', ad: 'text[]', ae: 'character varying(5)[]', af: 'mood', ag: 'mood[]', ah: 'inet',
      ai: 'integer', aj: 'bigint',
    })
    const byName = Object.fromEntries(columns.map((c) => [c.name, c]))
    assert.deepEqual([byName.ai!.identity, byName.ai!.notNull, byName.aj!.identity], ['always', true, 'by default'])
    assert.deepEqual([byName.d!.notNull, byName.f!.default], [true, null])
  })

  it('writes literal defaults quoted as in hand-written DDL, and sql defaults as written', () => {
    const status = enumType('status', ['draft', 'published'], { schema: 'blog' })
    const t = table('t', {
      quote: text().default("it's \\ fine"),
      count: integer().default(0),
      negative: integer().default(-1),
      ratio: numeric(4, 2).default(0.5),
      flag: boolean().default(false),
      created: timestamptz().default(sql`now()`),
      day: date().default(new Date(Date.UTC(2024, 0, 31))),
      tags: text().array().default(['a', 'b "c"', 'd\\e']),
      empty: integer().array().default([]),
      meta: jsonb().default({ a: [1, "x'y"] }),
      state: status().default('draft'),
      none: text().default(null),
      total: integer().generatedAlwaysAs(sql`${sql`count`} * 2`),
    }, { schema: 'blog' })
    const byName = Object.fromEntries(schemaOf([t]).tables[0]!.columns.map((c) => [c.name, c]))
    assert.deepEqual(Object.fromEntries(Object.entries(byName).map(([k, c]) => [k, c.default])), {
      quote: "'it''s \\ fine'",
      count: '0',
      negative: '-1',
      ratio: '0.5',
      flag: 'false',
      created: 'now()',
      day: "'2024-01-31'",
      tags: `'{"a","b \\"c\\"","d\\\\e"}'`,
      empty: "'{}'",
      meta: `'{"a":[1,"x''y"]}'`,
      state: "'draft'",
      none: null,
      total: null,
    })
    assert.equal(byName.total!.generated, 'count * 2')
  })

  it('carries deferrable and initially deferred keys, uniques and foreign keys', () => {
    const owner = table('owner', { id: integer().primaryKey() })
    const slot = table('slot', { a: integer(), b: integer(), ownerId: integer('owner_id') }, (t) => [
      primaryKey().on(t.a).deferrable(),
      unique().on(t.b).deferrable({ initiallyDeferred: true }),
      foreignKey().on(t.ownerId).references(() => [owner.columns.id], { initiallyDeferred: true }),
    ])
    const s = schemaOf([owner, slot]).tables.find((x) => x.name === 'slot')!
    assert.deepEqual([s.primaryKey!.deferral, s.uniques[0]!.deferral, s.foreignKeys[0]!.deferral], ['deferrable', 'initially deferred', 'initially deferred'])
  })

  it('names constraints and indexes as PostgreSQL does when the models do not', () => {
    const parent = table('parent', { a: integer(), b: integer() }, (t) => [primaryKey().on(t.a, t.b)])
    const child = table('child', {
      id: bigserial().primaryKey(),
      email: text().unique(),
      a: integer(),
      b: integer(),
      price: numeric(10, 2),
    }, (t) => [
      unique().on(t.a, t.b).nullsNotDistinct(),
      foreignKey().on(t.a, t.b).references(() => [parent.columns.a, parent.columns.b], { onDelete: 'set null', onUpdate: 'cascade', deferrable: true }),
      check(sql`${t.price} > 0`),
      check(sql`${t.a} < ${t.b}`),
      check('named', sql`${t.b} > ${1}`),
      index().on(t.a, desc(t.b)),
      index().on(t.a, desc(t.b)),
      uniqueIndex().on(sql`lower(${t.email})`).where(sql`${t.email} IS NOT NULL`),
      index('by_meta').on(sql`${t.a} + ${t.b}`).using('brin'),
    ])
    const [p, c] = schemaOf([parent, child]).tables
    assert.deepEqual(p!.primaryKey, { name: 'parent_pkey', columns: ['a', 'b'], include: [], deferral: 'not deferrable' })
    assert.deepEqual(p!.columns.map((x) => x.notNull), [true, true])
    assert.deepEqual(c!.uniques, [
      { name: 'child_email_key', columns: ['email'], include: [], nullsNotDistinct: false, deferral: 'not deferrable' },
      { name: 'child_a_b_key', columns: ['a', 'b'], include: [], nullsNotDistinct: true, deferral: 'not deferrable' },
    ])
    assert.deepEqual(c!.foreignKeys.map((f) => [f.name, f.columns, f.refColumns, f.onDelete, f.onUpdate, f.deferral]), [
      ['child_a_b_fkey', ['a', 'b'], ['a', 'b'], 'set null', 'cascade', 'deferrable'],
    ])
    assert.deepEqual(c!.checks, [
      { name: 'child_price_check', definition: 'CHECK (price > 0)' },
      { name: 'child_check', definition: 'CHECK (a < b)' },
      { name: 'named', definition: 'CHECK (b > 1)' },
    ])
    assert.deepEqual(c!.indexes.map((i) => i.definition), [
      'CREATE INDEX child_a_b_idx ON public.child USING btree (a, b DESC)',
      'CREATE INDEX child_a_b_idx1 ON public.child USING btree (a, b DESC)',
      'CREATE UNIQUE INDEX child_lower_idx ON public.child USING btree ((lower(email))) WHERE (email IS NOT NULL)',
      'CREATE INDEX by_meta ON public.child USING brin ((a + b))',
    ])
  })

  it('clips long default names to 63 bytes exactly as PostgreSQL 15 does', () => {
    const t = table('a_rather_long_table_name_for_testing_names', { a_rather_long_column_name_for_testing_names: text().unique() })
    assert.equal(schemaOf([t]).tables[0]!.uniques[0]!.name, 'a_rather_long_table_name_for__a_rather_long_column_name_for_key')
  })

  it('lists other schemas and keeps comments, enums used but not exported included', () => {
    const level = enumType('level', ['low', 'high'], { schema: 'audit', comment: 'how bad' })
    const account = table('account', { id: uuid().primaryKey().default(sql`gen_random_uuid()`) }, { schema: 'billing', comment: 'who pays' })
    const entry = table('entry', {
      id: integer().primaryKey().comment('row number'),
      accountId: uuid('account_id').references('billing.account.id'),
      level: level(),
    }, { schema: 'audit' })
    const schema = schemaOf([account, entry])
    assert.deepEqual(schema.schemas, ['audit', 'billing'])
    assert.deepEqual(schema.enums, [{ schema: 'audit', name: 'level', values: ['low', 'high'], comment: 'how bad' }])
    assert.equal(schema.tables[0]!.comment, 'who pays')
    assert.equal(schema.tables[1]!.columns[0]!.comment, 'row number')
    assert.equal(schema.tables[1]!.columns[2]!.type, 'audit.level')
    assert.deepEqual(schema.tables[1]!.foreignKeys.map((f) => [f.refSchema, f.refTable, f.refColumns]), [['billing', 'account', ['id']]])
  })

  it('quotes names PostgreSQL would quote in types and index definitions', () => {
    const kind = enumType('Kind', ['a'])
    const t = table('Order', { Kind: kind(), select: text() }, (x) => [index().on(x.select)])
    const schema = schemaOf([t])
    assert.equal(schema.tables[0]!.columns[0]!.type, '"Kind"')
    assert.equal(schema.tables[0]!.indexes[0]!.definition, 'CREATE INDEX "Order_select_idx" ON public."Order" USING btree ("select")')
  })
})

describe('model problems', () => {
  it('names the column of an invalid type and says what is allowed', () => {
    assert.deepEqual(problemsOf([table('t', { a: varchar(0), b: numeric(0), c: timestamp({ precision: 7 }), d: customType(' ') })]), [
      'column t.a: varchar length must be an integer from 1 to 10485760, got 0',
      'column t.b: numeric precision must be an integer from 1 to 1000, got 0',
      'column t.c: timestamp precision must be an integer from 0 to 6, got 7',
      'column t.d: customType needs a type name',
    ])
  })

  it('refuses foreign keys to unknown tables, unknown columns and tables the module does not export', () => {
    const hidden = table('hidden', { id: integer().primaryKey() })
    const t: AnyTable = table('t', {
      a: integer().references('nowhere.id'),
      b: integer().references('t.nothing'),
      c: integer().references(() => hidden.columns.id),
      d: integer().references(() => t.columns.missing as never),
    })
    assert.deepEqual(problemsOf([t]), [
      "foreign key t.a references 'nowhere.id', but the models declare no table nowhere: write 'table.column' naming an exported table",
      "foreign key t.b references 't.nothing', but table t has no column nothing: check the column's name",
      'foreign key t.c references table hidden, which the models module does not export: export it',
      'foreign key t.d references undefined: return a column of an exported table, e.g. () => user.columns.id',
    ])
  })

  it('refuses duplicate tables, duplicate columns, two primary keys and overlong names', () => {
    const a = table('dup', { id: integer() })
    const b = table('dup', { id: integer(), other: integer('id') })
    const c = table('pk', { a: integer().primaryKey(), b: integer() }, (t) => [primaryKey().on(t.b)])
    const d = table('x'.repeat(64), { id: integer() })
    assert.deepEqual(problemsOf([a, b, c, d]), [
      'table dup is declared twice: give one of them another name or schema',
      `table ${'x'.repeat(64)}: the name is 64 bytes but PostgreSQL keeps 63: shorten it`,
      'column dup.id is declared twice: give one of them another name',
      'table pk declares more than one primary key: use .primaryKey() on each column of one key, or a single primaryKey().on(...)',
    ])
  })

  it('refuses columns of another table in constraints, empty indexes and conflicting column options', () => {
    const other = table('other', { id: integer() })
    const t = table('t', {
      id: serial().default(1),
      n: integer().generatedAlwaysAsIdentity().default(sql`1`),
    }, () => [index().on(other.columns.id), index('empty'), enumType('e', [])().state.name ? check(sql`true`) : check(sql`true`)])
    assert.deepEqual(problemsOf([other, t]), [
      'column t.id: a serial column numbers itself: drop its default, identity or array',
      'column t.n: an identity column cannot also have a default: keep one',
      'table t: index lists column id of table other: use this table\'s columns',
      'table t: index empty lists no columns: add them with .on(...)',
    ])
    const e = enumType('e', ['a', 'a'])
    assert.deepEqual(problemsOf([table('u', { x: e() })]), ["enum e lists 'a' twice: list each value once"])
  })

  it('throws the first problem as a ModelError naming the file and counting the rest', () => {
    assert.throws(() => toSchema({ tables: [table('t', { a: varchar(0), b: char(0) })], enums: [] }, 'src/models.ts'), {
      name: 'ModelError',
      message: 'src/models.ts: column t.a: varchar length must be an integer from 1 to 10485760, got 0 (and 1 more problem)',
    })
  })
})

describe('model names', () => {
  it('keeps names given in the models and steps the default ones around them', () => {
    const t = table('t', { a: integer(), b: integer() }, (x) => [index().on(x.a), index('t_a_idx').on(x.b)])
    assert.deepEqual(schemaOf([t]).tables[0]!.indexes.map((i) => [i.name, i.definition]), [
      ['t_a_idx1', 'CREATE INDEX t_a_idx1 ON public.t USING btree (a)'],
      ['t_a_idx', 'CREATE INDEX t_a_idx ON public.t USING btree (b)'],
    ])
  })

  it('refuses a name given twice, or given to a table and an index', () => {
    const a = table('a', { x: integer().unique({ name: 'b' }) }, (t) => [index('dup').on(t.x), index('dup').on(t.x), check('c', sql`true`), check('c', sql`false`)])
    const b = table('b', { x: integer() })
    assert.deepEqual(problemsOf([a, b]), [
      'table a: the name b is already taken by a table, index or constraint in schema public: choose another',
      'table a: the name dup is already taken by a table, index or constraint in schema public: choose another',
      'table a: the name c is already taken by another constraint of the table: choose another',
    ])
  })
})
