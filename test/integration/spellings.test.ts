import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { compare } from '../../src/compare/compare.js'
import { connect, type Client } from '../../src/db/client.js'
import { introspect } from '../../src/introspect/introspect.js'
import type { Schema } from '../../src/schema/schema.js'
import { scratchDatabase, testServers, type ScratchDatabase } from '../helpers/postgres.js'

// Each case: one schema written two ways. Both must read back as schemas that compare equal.
const cases: { name: string; a: string; b: string }[] = [
  {
    name: 'type aliases',
    a: 'CREATE TABLE t (a int4, b int8, c int2, d varchar(5), e bool, f float8, g float4, h timestamptz, i decimal(6,2), j char(3), k timetz, l varchar)',
    b: 'CREATE TABLE t (a integer, b bigint, c smallint, d character varying(5), e boolean, f double precision, g real, h timestamp with time zone, i numeric(6,2), j character(3), k time with time zone, l character varying)',
  },
  {
    name: 'inline constraints and ALTER TABLE ADD CONSTRAINT',
    a: `CREATE TABLE p (id int PRIMARY KEY, code text UNIQUE, n int CHECK (n > 0));
        CREATE TABLE c (id int, p_id int REFERENCES p ON DELETE CASCADE)`,
    b: `CREATE TABLE p (id int NOT NULL, code text, n int);
        ALTER TABLE p ADD PRIMARY KEY (id);
        ALTER TABLE p ADD UNIQUE (code);
        ALTER TABLE p ADD CHECK (n > 0);
        CREATE TABLE c (id int, p_id int);
        ALTER TABLE c ADD FOREIGN KEY (p_id) REFERENCES p (id) ON DELETE CASCADE`,
  },
  {
    name: 'generated and explicit constraint and index names',
    a: `CREATE TABLE p (id int PRIMARY KEY, code text UNIQUE, n int CHECK (n > 0), r int REFERENCES p);
        CREATE INDEX ON p (lower(code))`,
    b: `CREATE TABLE p (id int CONSTRAINT p_id PRIMARY KEY, code text CONSTRAINT code_once UNIQUE, n int CONSTRAINT positive CHECK (n > 0),
          r int CONSTRAINT parent REFERENCES p (id));
        CREATE INDEX p_by_lower_code ON p USING btree (lower(code))`,
  },
  {
    name: 'now(), CURRENT_TIMESTAMP and transaction_timestamp()',
    a: "CREATE TABLE t (a timestamptz DEFAULT now(), b timestamptz DEFAULT now(), c timestamp DEFAULT now())",
    b: "CREATE TABLE t (a timestamptz DEFAULT CURRENT_TIMESTAMP, b timestamptz DEFAULT transaction_timestamp(), c timestamp DEFAULT CURRENT_TIMESTAMP)",
  },
  {
    name: "literal casts: 'x'::text and 'x', 1 and '1', true and 't'",
    a: "CREATE TABLE t (a text DEFAULT 'x'::text, b varchar(9) DEFAULT 'y', c int DEFAULT 1, d boolean DEFAULT true, e numeric DEFAULT 1.5, f jsonb DEFAULT '{}')",
    b: "CREATE TABLE t (a text DEFAULT 'x', b varchar(9) DEFAULT 'y'::character varying, c int DEFAULT '1', d boolean DEFAULT 't', e numeric DEFAULT '1.5', f jsonb DEFAULT '{}'::jsonb)",
  },
  {
    name: "IN lists over varchar as written, and as PostgreSQL prints them once dumped and restored",
    a: `CREATE TABLE t (s varchar(10) CHECK (s IN ('a', 'b')), u text CHECK (u IN ('x', 'it''s')));
        CREATE INDEX ti ON t (u) WHERE s IN ('a', 'b')`,
    b: `CREATE TABLE t (s varchar(10) CHECK (((s)::text = ANY (ARRAY[('a'::character varying)::text, ('b'::character varying)::text]))),
          u text CHECK ((u = ANY (ARRAY['x'::text, 'it''s'::text]))));
        CREATE INDEX ti ON t (u) WHERE ((s)::text = ANY (ARRAY[('a'::character varying)::text, ('b'::character varying)::text]))`,
  },
  {
    name: "empty arrays: ARRAY[]::text[] and '{}'",
    a: "CREATE TABLE t (a text[] DEFAULT ARRAY[]::text[], b int[] DEFAULT '{}')",
    b: "CREATE TABLE t (a text[] DEFAULT '{}', b integer[] DEFAULT '{}'::integer[])",
  },
  {
    name: 'serial and an integer with its owned sequence',
    a: 'CREATE TABLE t (id serial, big bigserial)',
    b: `CREATE TABLE t (id integer NOT NULL, big bigint NOT NULL);
        CREATE SEQUENCE t_id_seq AS integer OWNED BY t.id;
        ALTER TABLE t ALTER COLUMN id SET DEFAULT nextval('t_id_seq');
        CREATE SEQUENCE t_big_seq OWNED BY t.big;
        ALTER TABLE t ALTER COLUMN big SET DEFAULT nextval('t_big_seq'::regclass)`,
  },
  {
    name: 'IN lists and ANY, BETWEEN and two comparisons',
    a: "CREATE TABLE t (s text CHECK (s IN ('a', 'b')), n int CHECK (n BETWEEN 1 AND 9))",
    b: "CREATE TABLE t (s text CHECK (s = ANY (ARRAY['a'::text, 'b'::text])), n int CHECK (n >= 1 AND n <= 9))",
  },
  {
    name: 'quoted and unquoted lower-case names; schema-qualified and search_path names',
    a: 'CREATE SCHEMA app; CREATE TYPE app.kind AS ENUM (\'x\'); CREATE TABLE app.t ("id" int, "k" app.kind)',
    b: 'CREATE SCHEMA "app"; SET search_path = app, public; CREATE TYPE kind AS ENUM (\'x\'); CREATE TABLE t (id integer, k kind); RESET search_path',
  },
  {
    name: 'multi-column and single-column spellings of a composite primary key',
    a: 'CREATE TABLE t (a int, b int, PRIMARY KEY (a, b))',
    b: 'CREATE TABLE t (a int NOT NULL, b int NOT NULL, CONSTRAINT t_ab PRIMARY KEY (a, b))',
  },
]

for (const server of await testServers()) {
  describe(`spellings (${server.label})`, () => {
    let db: ScratchDatabase
    let client: Client
    before(async () => {
      db = await scratchDatabase(server, 'spellings')
      client = await connect(db.url)
    })
    after(async () => {
      await client?.end()
      await db?.drop()
    })

    const build = async (sql: string): Promise<Schema> => {
      await client.query('DROP SCHEMA IF EXISTS app CASCADE; DROP SCHEMA public CASCADE; CREATE SCHEMA public')
      await client.query(sql)
      // as check reads its scratch databases: expressions in the spelling PostgreSQL settles them on
      return introspect(client, { settle: true })
    }

    for (const c of cases) {
      test(c.name, async () => {
        const a = await build(c.a)
        const b = await build(c.b)
        assert.ok(a.tables.length > 0)
        assert.deepEqual(compare(a, b), [])
        assert.deepEqual(compare(b, a), [])
      })
    }

    test('a check beside a policy whose subquery no check can hold is still settled, to the letter', async () => {
      const spelling = async (sql: string) => (await build(`CREATE TABLE o (id int PRIMARY KEY); ${sql};
        CREATE POLICY p ON t USING (EXISTS (SELECT 1 FROM o WHERE o.id = t.id))`)).tables.find((t) => t.name === 't')!.checks.map((c) => c.definition)
      const written = await spelling("CREATE TABLE t (id int, s varchar(10) CHECK (s IN ('a', 'b')))")
      assert.deepEqual(written, await spelling("CREATE TABLE t (id int, s varchar(10) CHECK (((s)::text = ANY (ARRAY[('a'::character varying)::text, ('b'::character varying)::text]))))"))
      assert.match(written[0]!, /ARRAY\[\('a'::character varying\)::text/)
    })

    test('a real difference is still seen', async () => {
      const a = await build('CREATE TABLE t (a timestamptz DEFAULT now())')
      const b = await build('CREATE TABLE t (a timestamptz DEFAULT statement_timestamp())')
      assert.deepEqual(compare(a, b).map((op) => op.kind), ['alter_column'])
    })
  })
}
