// Round trip against real Postgres: for generated schemas A and B, the operations compare() finds take a database
// built as A to one that reads back equal to B, and their reverse takes it back to A.
// Reproduce a failure with ROUNDTRIP_SEED=<seed> (and ROUNDTRIP_PATH=<path>) from the report; ROUNDTRIP_RUNS sets the count.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import fc from 'fast-check'
import { compare } from '../../src/compare/compare.js'
import { connect, type Client } from '../../src/db/client.js'
import { introspect } from '../../src/introspect/introspect.js'
import { reverseAll, type Operation } from '../../src/ops/operation.js'
import { renderSchemaDdl, renderSql, type RenderedStatement } from '../../src/render/sql.js'
import { emptySchema, type Collation, type CompositeType, type Domain, type Extension, type Sequence, type Column, type Deferral, type EnumType, type ForeignKey, type Grant, type Index, type Policy, type ReferentialAction, type Schema, type Table } from '../../src/schema/schema.js'
import { adminQuery, scratchDatabase, testServers, type ScratchDatabase } from '../helpers/postgres.js'

// A column's name says its family, and types only change within a family, as they would in a real project.
const families: Record<string, { types: string[]; defaults: (string | null)[] }> = {
  n: { types: ['smallint', 'integer', 'bigint', 'numeric(8,2)', 'numeric', 'real', 'double precision'], defaults: [null, '0', '42'] },
  s: { types: ['text', 'character varying(10)', 'character varying(20)', 'character(4)'], defaults: [null, "'x'::text", "''::text"] },
  t: { types: ['timestamp without time zone', 'timestamp with time zone'], defaults: [null, 'now()', 'CURRENT_TIMESTAMP', 'transaction_timestamp()'] },
  b: { types: ['boolean'], defaults: [null, 'true', 'false'] },
  j: { types: ['jsonb', 'json'], defaults: [null, "'{}'"] },
  u: { types: ['uuid'], defaults: [null, 'gen_random_uuid()'] },
  a: { types: ['text[]', 'character varying(10)[]', 'integer[]'], defaults: [null, "'{}'", 'ARRAY[]::text[]'] },
  d: { types: ['date'], defaults: [null, 'CURRENT_DATE'] },
  v: { types: ['interval'], defaults: [null, "'1 day'::interval"] },
  x: { types: ['bytea'], defaults: [null] },
}
const columnNames = ['n0', 'n1', 's0', 's1', 't0', 'b0', 'j0', 'u0', 'a0', 'd0', 'v0', 'x0', 'm0', 'm1']
const idKinds: Pick<Column, 'type' | 'identity'>[] = [
  { type: 'integer', identity: null },
  { type: 'bigint', identity: null },
  { type: 'serial', identity: null },
  { type: 'bigserial', identity: null },
  { type: 'integer', identity: 'always' },
  { type: 'bigint', identity: 'by default' },
]
const actions: ReferentialAction[] = ['no action', 'restrict', 'cascade', 'set null']
const deferrals: Deferral[] = ['not deferrable', 'deferrable', 'initially deferred']
const tableNames = ['t0', 't1', 't2', 'app.t3']

const small = fc.nat({ max: 11 })
const choice = fc.record({ type: small, dflt: small, notNull: fc.boolean(), comment: fc.boolean() })
const tableArb = fc.record({
  id: fc.constantFrom(...idKinds),
  pk: fc.boolean(),
  idNotNull: fc.boolean(),
  columns: fc.shuffledSubarray(columnNames, { maxLength: 5 }),
  choices: fc.array(choice, { minLength: columnNames.length, maxLength: columnNames.length }),
  unique: fc.option(fc.record({ take: small, two: fc.boolean(), nnd: fc.boolean(), deferral: fc.constantFrom(...deferrals) })),
  check: fc.boolean(),
  indexes: fc.array(fc.record({ kind: fc.constantFrom('btree', 'unique', 'partial', 'lower', 'gin', 'hash', 'pair'), take: small, name: fc.nat({ max: 2 }) }), { maxLength: 3 }),
  fks: fc.array(fc.record({ target: small, onDelete: fc.constantFrom(...actions), deferral: fc.constantFrom(...deferrals) }), { maxLength: 2 }),
  comment: fc.boolean(),
  rls: fc.constantFrom('disabled', 'enabled', 'forced'),
  policies: fc.array(fc.record({ name: fc.nat({ max: 1 }), command: fc.constantFrom('all', 'select', 'insert', 'update', 'delete'), permissive: fc.boolean(), toRole: fc.boolean(), check: fc.nat({ max: 2 }) }), { maxLength: 2 }),
  grants: fc.subarray(['SELECT', 'INSERT', 'UPDATE', 'column UPDATE', 'DELETE grantable']),
})
// Views, functions and triggers over the first table's id, whose type changes between A and B as keys do.
const objectsArb = fc.record({
  fn: fc.nat({ max: 3 }),
  view: fc.nat({ max: 3 }),
  viewOverView: fc.boolean(),
  matview: fc.nat({ max: 2 }),
  trigger: fc.nat({ max: 3 }),
  eventTrigger: fc.nat({ max: 2 }),
  comments: fc.boolean(),
})
// Objects that are not tables: a sequence (maybe owned by a table's id), a domain and a composite type that columns
// k0 and q0 use, a collation, citext (column e0 uses it) and hstore.
const typesArb = fc.record({
  sequence: fc.option(fc.record({ type: fc.constantFrom('smallint', 'integer', 'bigint'), increment: fc.constantFrom('1', '5', '-1'), start: fc.boolean(), cache: fc.constantFrom('1', '10'), cycle: fc.boolean(), owner: fc.option(small) })),
  domain: fc.option(fc.record({ base: fc.constantFrom('integer', 'bigint', 'text'), notNull: fc.boolean(), check: fc.boolean(), def: fc.boolean(), collate: fc.boolean() })),
  composite: fc.option(fc.integer({ min: 1, max: 3 })),
  collation: fc.option(fc.constantFrom('C', 'POSIX')),
  extensions: fc.subarray(['citext', 'hstore']),
  uses: fc.array(fc.record({ domain: fc.boolean(), composite: fc.boolean(), citext: fc.boolean(), collate: fc.option(fc.constantFrom('"C"', '"POSIX"')) }), { minLength: tableNames.length, maxLength: tableNames.length }),
})
const schemaArb = fc.record({
  types: typesArb,
  enums: fc.tuple(fc.option(fc.shuffledSubarray(['a', 'b', 'c', 'd'], { minLength: 1 })), fc.option(fc.shuffledSubarray(['a', 'b', 'c', 'd'], { minLength: 1 }))),
  enumComment: fc.boolean(),
  tables: fc.shuffledSubarray(tableNames, { minLength: 1 }),
  shapes: fc.array(tableArb, { minLength: tableNames.length, maxLength: tableNames.length }),
  objects: objectsArb,
})

type RawSchema = typeof schemaArb extends fc.Arbitrary<infer T> ? T : never

/** SQL for the objects `raw` asks for, run once the tables exist. */
function objectsSql(raw: RawSchema): string {
  const o = raw.objects
  const first = [...raw.tables].sort()[0]!
  const on = first.includes('.') ? first : `public.${first}`
  const out: string[] = []
  // 1 and 2 differ in body only (CREATE OR REPLACE); 3 in its result type (dropped and created again)
  if (o.fn === 1) out.push(`CREATE FUNCTION public.twice(x bigint) RETURNS bigint LANGUAGE sql IMMUTABLE AS 'SELECT x * 2'`)
  if (o.fn === 2) out.push(`CREATE FUNCTION public.twice(x bigint) RETURNS bigint LANGUAGE sql IMMUTABLE AS 'SELECT x + x'`)
  if (o.fn === 3) out.push(`CREATE FUNCTION public.twice(x bigint) RETURNS numeric LANGUAGE sql IMMUTABLE AS 'SELECT x * 2.0'`)
  const fn = o.fn ? ', public.twice(id) AS doubled' : ''
  if (o.view === 1) out.push(`CREATE VIEW public.v AS SELECT id FROM ${on}`)
  if (o.view === 2) out.push(`CREATE VIEW public.v AS SELECT id, id + 1 AS next${fn} FROM ${on}`)
  if (o.view === 3) out.push(`CREATE VIEW public.v AS SELECT id FROM ${on} WHERE id > 0`)
  if (o.view && o.viewOverView) out.push('CREATE VIEW public.vv AS SELECT id FROM public.v')
  if (o.matview) {
    out.push(`CREATE MATERIALIZED VIEW public.mv AS SELECT id${o.matview === 2 ? fn : ''} FROM ${on}`)
    out.push(`CREATE ${o.matview === 2 ? 'UNIQUE ' : ''}INDEX mv_id ON public.mv (id)`)
  }
  if (o.trigger) {
    out.push(`CREATE FUNCTION public.keep() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$`)
    if (o.trigger === 1) out.push(`CREATE TRIGGER keep BEFORE INSERT ON ${on} FOR EACH ROW EXECUTE FUNCTION public.keep()`)
    if (o.trigger === 2) out.push(`CREATE TRIGGER keep BEFORE INSERT OR UPDATE ON ${on} FOR EACH ROW EXECUTE FUNCTION public.keep()`, `ALTER TABLE ${on} DISABLE TRIGGER keep`)
    if (o.trigger === 3) out.push(`CREATE CONSTRAINT TRIGGER keep AFTER INSERT ON ${on} DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public.keep()`)
  }
  if (o.eventTrigger) {
    out.push(`CREATE FUNCTION public.note() RETURNS event_trigger LANGUAGE plpgsql AS $$ BEGIN END $$`)
    out.push(`CREATE EVENT TRIGGER note ON ddl_command_end${o.eventTrigger === 2 ? " WHEN TAG IN ('CREATE TABLE')" : ''} EXECUTE FUNCTION public.note()`)
  }
  if (o.comments && o.view) out.push(`COMMENT ON VIEW public.v IS 'a view'`)
  if (o.comments && o.trigger) out.push(`COMMENT ON FUNCTION public.keep() IS 'keeps rows'`)
  return out.join(';\n')
}

function buildSchema(raw: RawSchema): Schema {
  const enums: EnumType[] = raw.enums.flatMap((values, i) =>
    values ? [{ schema: 'public', name: `e${i}`, values, comment: i === 0 && raw.enumComment ? 'kinds' : null }] : [])
  const names = [...raw.tables].sort()
  const withPk = new Set(names.filter((_, i) => raw.shapes[i]!.pk))
  const tables = names.map((qualifiedName, ti): Table => {
    const shape = raw.shapes[ti]!
    const [schema, name] = qualifiedName.includes('.') ? (qualifiedName.split('.') as [string, string]) : ['public', qualifiedName]
    const identityOrSerial = shape.id.identity !== null || shape.id.type.endsWith('serial')
    const columns: Column[] = [{ name: 'id', ...shape.id, notNull: shape.pk || identityOrSerial || shape.idNotNull, default: null, generated: null, comment: null }]
    for (const columnName of shape.columns) {
      const c = shape.choices[columnNames.indexOf(columnName)]!
      let type: string
      let dflt: string | null
      if (columnName.startsWith('m')) {
        const e = enums.find((x) => x.name === `e${columnName[1]}`)
        if (!e) continue
        type = e.name
        dflt = c.dflt % 3 === 0 ? `'${e.values[c.dflt % e.values.length]}'::${e.name}` : null
      } else {
        const family = families[columnName[0]!]!
        type = family.types[c.type % family.types.length]!
        dflt = family.defaults[c.dflt % family.defaults.length]!
        if (dflt === 'ARRAY[]::text[]' && type !== 'text[]') dflt = "'{}'"
      }
      columns.push({ name: columnName, type, notNull: c.notNull, default: dflt, identity: null, generated: null, comment: c.comment ? "it's noted" : null })
    }
    const foreignKeys: ForeignKey[] = []
    shape.fks.forEach((fk, i) => {
      const target = names[fk.target % names.length]!
      if (!withPk.has(target)) return
      const [refSchema, refTable] = target.includes('.') ? (target.split('.') as [string, string]) : ['public', target]
      columns.push({ name: `f${i}`, type: 'bigint', notNull: false, default: null, identity: null, generated: null, comment: null })
      foreignKeys.push({ name: `${name}_f${i}_fkey`, columns: [`f${i}`], refSchema, refTable, refColumns: ['id'], onDelete: fk.onDelete, onUpdate: 'no action', deferral: fk.deferral, match: 'simple', notValid: false })
    })
    const comparable = columns.filter((c) => !c.name.startsWith('j') && c.name !== 'id').map((c) => c.name)
    const pick = (take: number, count: number): string[] => {
      const out: string[] = []
      for (let k = 0; k < count && comparable.length; k++) {
        const next = comparable[(take + k) % comparable.length]!
        if (!out.includes(next)) out.push(next)
      }
      return out
    }
    const uniques = shape.unique && comparable.length
      ? [{ columns: pick(shape.unique.take, shape.unique.two ? 2 : 1), nullsNotDistinct: shape.unique.nnd, include: [], deferral: shape.unique.deferral }].map((u) => ({
          ...u, name: `${name}_${u.columns.join('_')}${u.nullsNotDistinct ? '_nnd' : ''}_key`,
        }))
      : []
    const numeric = columns.find((c) => c.name.startsWith('n'))
    const checks = shape.check && numeric ? [{ name: `${name}_${numeric.name}_check`, definition: `CHECK ((${numeric.name} > 0))` }] : []
    const indexes: Index[] = []
    for (const ix of shape.indexes) {
      const on = `${schema}.${name}`
      const text = columns.find((c) => c.name.startsWith('s'))
      const array = columns.find((c) => c.name.startsWith('a'))
      let index: Omit<Index, 'name'> | null = null
      const [first] = pick(ix.take, 1)
      if (ix.kind === 'btree' && first) index = { unique: false, method: 'btree', definition: `(${first})` }
      if (ix.kind === 'unique' && first) index = { unique: true, method: 'btree', definition: `(${first}, id)` }
      if (ix.kind === 'partial' && first) index = { unique: false, method: 'btree', definition: `(${first}) WHERE (id > 0)` }
      if (ix.kind === 'pair' && comparable.length > 1) index = { unique: false, method: 'btree', definition: `(${pick(ix.take, 2).join(', ')})` }
      if (ix.kind === 'lower' && text) index = { unique: false, method: 'btree', definition: `(lower((${text.name})::text))` }
      if (ix.kind === 'gin' && array) index = { unique: false, method: 'gin', definition: `(${array.name})` }
      if (ix.kind === 'hash' && text) index = { unique: false, method: 'hash', definition: `(${text.name})` }
      if (!index) continue
      // Names from a small pool, so that A and B name the same index differently and reuse each other's names.
      const indexName = `${name}_i${ix.name}`
      if (indexes.some((i) => i.name === indexName)) continue
      indexes.push({
        name: indexName,
        unique: index.unique,
        method: index.method,
        definition: `CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX ${indexName} ON ${on} USING ${index.method} ${index.definition}`,
      })
    }
    return {
      schema, name, columns,
      primaryKey: shape.pk ? { name: `${name}_pkey`, columns: ['id'], include: [], deferral: 'not deferrable' } : null,
      uniques, foreignKeys, checks, exclusions: [], indexes,
      comment: shape.comment ? 'a table' : null,
      partitionBy: null, partitionOf: null, inherits: [], unlogged: false, rowLevelSecurity: shape.rls as Table['rowLevelSecurity'],
      policies: shape.policies.filter((p, i) => shape.policies.findIndex((q) => q.name === p.name) === i).map((p): Policy => ({
        name: `p${p.name}`, command: p.command as Policy['command'], permissive: p.permissive, roles: p.toRole ? [role] : ['public'],
        // USING does not apply to INSERT, WITH CHECK not to SELECT and DELETE
        using: p.command === 'insert' ? null : ['(id > 0)', '(id IS NOT NULL)', '(id < 10)'][p.check]!,
        withCheck: p.command === 'select' || p.command === 'delete' ? null : ['(id > 1)', null, '(id <> 5)'][p.check]!,
      })),
    }
  })
  const grants: Grant[] = tables.flatMap((t, ti) => raw.shapes[ti]!.grants.flatMap((g): Grant[] => {
    const [privilege, column] = g === 'column UPDATE' ? ['UPDATE', 'id'] : [g.split(' ')[0]!, null]
    return [{ on: column ? 'column' : 'table', schema: t.schema, name: t.name, column, grantee: role, privilege, grantable: g.endsWith('grantable') }]
  }))
  const schemas = [...new Set(tables.map((t) => t.schema))].filter((s) => s !== 'public')
  const types = buildTypes(raw.types, tables)
  return { ...emptySchema, ...types, schemas, enums, tables, grants }
}

/** The generator's extensions that the server offers (set per server: a missing one is left out, not failed on). */
let offered = new Set<string>()

const typeMax: Record<string, string> = { smallint: '32767', integer: '2147483647', bigint: '9223372036854775807' }
const typeMin: Record<string, string> = { smallint: '-32768', integer: '-2147483648', bigint: '-9223372036854775808' }

/** The objects of `raw`, and in `tables` the columns that use them. */
function buildTypes(raw: RawSchema['types'], tables: Table[]): Pick<Schema, 'extensions' | 'sequences' | 'domains' | 'compositeTypes' | 'collations'> {
  const sequences: Sequence[] = []
  if (raw.sequence) {
    const s = raw.sequence
    const up = s.increment !== '-1'
    const [min, max] = up ? ['1', typeMax[s.type]!] : [typeMin[s.type]!, '-1']
    // PostgreSQL keeps a sequence in the schema of the table that owns it
    const owners = tables.filter((t) => t.schema === 'public')
    const owner = s.owner === null || owners.length === 0 ? undefined : owners[s.owner % owners.length]
    sequences.push({
      schema: 'public', name: 'sq0', type: s.type, increment: s.increment, min, max, start: up ? (s.start ? '7' : min) : max, cache: s.cache, cycle: s.cycle,
      ownedBy: owner ? { schema: owner.schema, table: owner.name, column: 'id' } : null,
    })
  }
  const d = raw.domain
  const domains: Domain[] = d
    ? [{ schema: 'public', name: 'dm0', type: d.base, notNull: d.notNull, default: d.def && d.base !== 'text' ? '1' : null, checks: d.check ? [{ name: 'dm0_check', definition: 'CHECK ((VALUE IS NOT NULL))' }] : [], collation: d.collate && d.base === 'text' ? '"C"' : null }]
    : []
  const attributes = [{ name: 'a', type: 'integer', collation: null }, { name: 'b', type: 'text', collation: '"C"' }, { name: 'c', type: 'numeric(8,2)', collation: null }]
  const compositeTypes: CompositeType[] = raw.composite ? [{ schema: 'public', name: 'cp0', attributes: attributes.slice(0, raw.composite) }] : []
  const collations: Collation[] = raw.collation ? [{ schema: 'public', name: 'cl0', provider: 'libc', locale: null, lcCollate: raw.collation, lcCtype: raw.collation, deterministic: true }] : []
  const extensions: Extension[] = raw.extensions.filter((name) => offered.has(name)).map((name) => ({ name, schema: 'public', version: '' }))
  tables.forEach((t, i) => {
    const use = raw.uses[i]!
    const extra: Column[] = []
    const plain = { notNull: false, default: null, identity: null, generated: null, comment: null }
    if (use.domain && d) extra.push({ name: 'k0', type: 'dm0', ...plain })
    if (use.composite && raw.composite) extra.push({ name: 'q0', type: 'cp0', ...plain })
    if (use.citext && extensions.some((e) => e.name === 'citext')) extra.push({ name: 'e0', type: 'citext', ...plain })
    if (use.collate) extra.push({ name: 'c0', type: 'text', ...plain, collation: use.collate })
    ;(t.columns as Column[]).push(...extra)
  })
  return { extensions, sequences, domains, compositeTypes, collations }
}

/** Empties the database: every user schema goes, public comes back empty. */
async function reset(client: Client): Promise<void> {
  await client.query(`DO $$ DECLARE s text; BEGIN
    FOR s IN SELECT nspname FROM pg_namespace WHERE nspname NOT IN ('pg_catalog', 'information_schema') AND nspname NOT LIKE 'pg\\_%' LOOP
      EXECUTE format('DROP SCHEMA %I CASCADE', s);
    END LOOP;
    CREATE SCHEMA public;
  END $$`)
}

async function apply(client: Client, statements: RenderedStatement[]): Promise<void> {
  for (const s of statements) {
    try {
      await client.query(s.sql)
    } catch (error) {
      throw new Error(`${(error as Error).message}\n  in: ${s.sql}\n  for: ${s.op.kind}`, { cause: error })
    }
  }
}

// Roles are cluster-wide: named per run, created before the examples and dropped after them.
const role = `roundtrip_${process.pid}_${Date.now().toString(36)}`
const other = `${role}_b`

// Changes the generator rarely makes, written out.
const examples: { name: string; a: string; b: string }[] = [
  {
    name: 'a partitioned table gains, loses and re-bounds partitions, with an index and a key on the parent',
    a: `CREATE TABLE ev (id int, at date, PRIMARY KEY (id, at)) PARTITION BY RANGE (at);
        CREATE TABLE ev_2023 PARTITION OF ev FOR VALUES FROM ('2023-01-01') TO ('2024-01-01');
        CREATE TABLE ev_2024 PARTITION OF ev FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
        CREATE INDEX ev_at ON ev (at)`,
    b: `CREATE TABLE ev (id int, at date, PRIMARY KEY (id, at)) PARTITION BY RANGE (at);
        CREATE TABLE ev_2024 PARTITION OF ev FOR VALUES FROM ('2024-01-01') TO ('2025-06-01');
        CREATE TABLE ev_rest PARTITION OF ev (CONSTRAINT ev_rest_id CHECK (id > 0)) DEFAULT;
        CREATE INDEX ev_at ON ev (at); CREATE INDEX ev_id ON ev (id)`,
  },
  {
    name: 'a partition key changed, a table partitioned by list and sub-partitioned',
    a: `CREATE TABLE m (id int, region text, at date) PARTITION BY RANGE (at);
        CREATE TABLE m_old PARTITION OF m FOR VALUES FROM (MINVALUE) TO ('2024-01-01')`,
    b: `CREATE TABLE m (id int, region text, at date) PARTITION BY LIST (region);
        CREATE TABLE m_eu PARTITION OF m FOR VALUES IN ('eu') PARTITION BY HASH (id);
        CREATE TABLE m_eu_0 PARTITION OF m_eu FOR VALUES WITH (MODULUS 2, REMAINDER 0);
        CREATE TABLE m_eu_1 PARTITION OF m_eu FOR VALUES WITH (MODULUS 2, REMAINDER 1)`,
  },
  {
    name: 'inheritance added and removed, unlogged tables made logged and back',
    a: `CREATE TABLE base (id int, CHECK (id > 0)); CREATE TABLE child (extra text) INHERITS (base); CREATE UNLOGGED TABLE cache (k text);
        CREATE TABLE gone (g int); CREATE TABLE orphan (o int) INHERITS (gone); CREATE TABLE kid (more int) INHERITS (base)`,
    b: `CREATE TABLE base (id int, CHECK (id > 0)); CREATE TABLE other (note text NOT NULL, CHECK (note <> ''));
        CREATE TABLE child (extra text) INHERITS (base); CREATE TABLE kid (id int, note text, more int) INHERITS (base, other);
        CREATE TABLE orphan (g int, o int); CREATE TABLE cache (k text); CREATE UNLOGGED TABLE scratch (v int)`,
  },
  {
    name: 'a column moved from parents into the tables inheriting them, one child losing it',
    a: `CREATE TABLE stamped (at timestamp DEFAULT now(), seen int NOT NULL DEFAULT 0); CREATE TABLE a_event (kind text) INHERITS (stamped);
        CREATE TABLE tagged (tag text); CREATE TABLE a_keeps (x int) INHERITS (tagged); CREATE TABLE a_loses (y int) INHERITS (tagged)`,
    b: `CREATE TABLE stamped (at timestamp DEFAULT now()); CREATE TABLE a_event (kind text, seen bigint NOT NULL DEFAULT 0) INHERITS (stamped);
        CREATE TABLE tagged (); CREATE TABLE a_keeps (x int, tag text) INHERITS (tagged); CREATE TABLE a_loses (y int) INHERITS (tagged)`,
  },
  {
    name: 'row-level security enabled and forced, policies added, changed and dropped',
    a: `CREATE TABLE doc (owner text, body text); ALTER TABLE doc ENABLE ROW LEVEL SECURITY;
        CREATE POLICY mine ON doc USING (owner = current_user); CREATE POLICY gone ON doc FOR DELETE USING (false)`,
    b: `CREATE TABLE doc (owner text, body text); ALTER TABLE doc ENABLE ROW LEVEL SECURITY; ALTER TABLE doc FORCE ROW LEVEL SECURITY;
        CREATE POLICY mine ON doc AS RESTRICTIVE FOR SELECT TO ${role}, ${other} USING (owner = current_user);
        CREATE POLICY writes ON doc FOR INSERT TO ${role} WITH CHECK (body IS NOT NULL);
        CREATE TABLE note (v int); ALTER TABLE note ENABLE ROW LEVEL SECURITY; CREATE POLICY anyone ON note USING (v > 0) WITH CHECK (v < 100)`,
  },
  {
    name: 'grants on tables, columns, sequences, routines and schemas added and revoked',
    a: `CREATE SCHEMA app; CREATE TABLE app.t (id serial, name text); GRANT USAGE ON SCHEMA app TO ${role};
        GRANT SELECT ON app.t TO ${role}; CREATE FUNCTION f(a int) RETURNS int LANGUAGE sql AS 'SELECT a';
        CREATE TABLE gone (x int); GRANT SELECT ON gone TO ${role}`,
    b: `CREATE SCHEMA app; CREATE TABLE app.t (id serial, name text); GRANT USAGE, CREATE ON SCHEMA app TO ${role};
        GRANT SELECT, INSERT ON app.t TO ${role} WITH GRANT OPTION; GRANT UPDATE (name) ON app.t TO ${other};
        GRANT USAGE ON SEQUENCE app.t_id_seq TO ${role};
        CREATE FUNCTION f(a int) RETURNS int LANGUAGE sql AS 'SELECT a'; REVOKE EXECUTE ON FUNCTION f(int) FROM PUBLIC;
        GRANT EXECUTE ON FUNCTION f(int) TO ${other}`,
  },
  {
    name: 'INCLUDE columns, NULLS NOT DISTINCT, MATCH FULL and NOT VALID constraints',
    a: `CREATE TABLE p (a int, b int, c int, PRIMARY KEY (a, b));
        CREATE TABLE q (a int, b int, n int, CONSTRAINT q_u UNIQUE (n), CONSTRAINT q_fk FOREIGN KEY (a, b) REFERENCES p, CONSTRAINT q_n CHECK (n > 0))`,
    b: `CREATE TABLE p (a int, b int, c int, PRIMARY KEY (a, b) INCLUDE (c));
        CREATE TABLE q (a int, b int, n int, CONSTRAINT q_u UNIQUE NULLS NOT DISTINCT (n) INCLUDE (a));
        ALTER TABLE q ADD CONSTRAINT q_fk FOREIGN KEY (a, b) REFERENCES p MATCH FULL NOT VALID;
        ALTER TABLE q ADD CONSTRAINT q_n CHECK (n > 0) NOT VALID;
        CREATE UNIQUE INDEX q_ix ON q (b) INCLUDE (n) NULLS NOT DISTINCT;
        CREATE TABLE r (a int, b int, FOREIGN KEY (a, b) REFERENCES p MATCH FULL NOT VALID, CHECK (a > 0) NOT VALID)`,
  },
  {
    name: 'an index renamed while a new index takes its old name',
    a: 'CREATE TABLE t (x int, y int); CREATE INDEX a ON t (x)',
    b: 'CREATE TABLE t (x int, y int); CREATE INDEX b ON t (x); CREATE INDEX a ON t (y)',
  },
  {
    name: 'a unique constraint renamed while a new one takes its old name',
    a: 'CREATE TABLE t (x int, y int, CONSTRAINT u UNIQUE (x))',
    b: 'CREATE TABLE t (x int, y int, CONSTRAINT v UNIQUE (x), CONSTRAINT u UNIQUE (y))',
  },
  {
    name: 'enum values replaced while defaults move to the new values, columns dropped and added',
    a: `CREATE TYPE mood AS ENUM ('sad', 'ok'); CREATE TABLE t (id int, m mood DEFAULT 'sad', old mood DEFAULT 'sad', ms mood[] DEFAULT '{sad}')`,
    b: `CREATE TYPE mood AS ENUM ('ok', 'great'); CREATE TABLE t (id int, m mood DEFAULT 'great', ms mood[] DEFAULT '{great}', new mood DEFAULT 'great')`,
  },
  {
    name: 'enum values reordered and a table using the enum dropped',
    a: `CREATE TYPE mood AS ENUM ('a', 'b', 'c'); CREATE TABLE t (m mood DEFAULT 'c'); CREATE TABLE gone (m mood DEFAULT 'a')`,
    b: `CREATE TYPE mood AS ENUM ('c', 'b'); CREATE TABLE t (m mood DEFAULT 'b')`,
  },
  {
    name: 'enum rebuilt under checks and partial indexes that name its values',
    a: `CREATE SCHEMA app; CREATE TYPE app.mood AS ENUM ('a', 'b', 'c');
        CREATE TABLE app.t (m app.mood CHECK (m <> 'c'), n app.mood, CHECK (n > 'a'));
        CREATE INDEX t_m ON app.t (m) WHERE m = 'a'`,
    b: `CREATE SCHEMA app; CREATE TYPE app.mood AS ENUM ('c', 'b', 'a');
        CREATE TABLE app.t (m app.mood CHECK (m <> 'c'), n app.mood, CHECK (n > 'a'));
        CREATE INDEX t_m ON app.t (m) WHERE m = 'a'`,
  },
  {
    name: 'serial, identity and plain integer keys traded',
    a: 'CREATE TABLE s (id serial PRIMARY KEY); CREATE TABLE i (id int GENERATED ALWAYS AS IDENTITY); CREATE TABLE p (id bigint)',
    b: 'CREATE TABLE s (id int GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY); CREATE TABLE i (id bigserial); CREATE TABLE p (id serial)',
  },
  {
    name: 'a column moved from one enum to another, values cast through text',
    a: `CREATE TYPE m1 AS ENUM ('a', 'b'); CREATE TYPE m2 AS ENUM ('b', 'a', 'c'); CREATE TABLE t (x m1 DEFAULT 'a', xs m1[])`,
    b: `CREATE TYPE m1 AS ENUM ('a', 'b'); CREATE TYPE m2 AS ENUM ('b', 'a', 'c'); CREATE TABLE t (x m2 DEFAULT 'b', xs m2[])`,
  },
  {
    name: 'a free sequence taken over by its column as a serial, and freed again',
    a: `CREATE SEQUENCE t_id_seq AS integer; CREATE TABLE t (id int NOT NULL DEFAULT nextval('t_id_seq'))`,
    b: 'CREATE TABLE t (id serial)',
  },
  {
    name: 'keys, uniques and foreign keys made deferrable or initially deferred, and back',
    a: 'CREATE TABLE p (id int PRIMARY KEY, code int UNIQUE); CREATE TABLE c (id int PRIMARY KEY, p int REFERENCES p)',
    b: `CREATE TABLE p (id int PRIMARY KEY, code int UNIQUE DEFERRABLE);
        CREATE TABLE c (id int PRIMARY KEY DEFERRABLE INITIALLY DEFERRED, p int REFERENCES p DEFERRABLE INITIALLY DEFERRED)`,
  },
  {
    name: 'exclusion constraints added, changed and dropped, inline in a new table too',
    a: `CREATE TABLE r (id int, during tsrange, CONSTRAINT r_during_excl EXCLUDE USING gist (during WITH &&));
        CREATE TABLE s (during tsrange, EXCLUDE USING gist (during WITH &&) WHERE (during IS NOT NULL))`,
    b: `CREATE TABLE r (id int, during tsrange, CONSTRAINT r_during_excl EXCLUDE USING gist (during WITH &&) WHERE (id > 0));
        CREATE TABLE s (during tsrange); CREATE TABLE n (during tsrange, EXCLUDE USING gist (during WITH &&) DEFERRABLE)`,
  },
  {
    name: 'tables referencing each other in a cycle, created and dropped',
    a: 'CREATE TABLE keep (id int PRIMARY KEY)',
    b: `CREATE TABLE keep (id int PRIMARY KEY);
        CREATE TABLE chicken (id int PRIMARY KEY, egg_id int, keep_id int REFERENCES keep);
        CREATE TABLE egg (id int PRIMARY KEY, chicken_id int REFERENCES chicken);
        ALTER TABLE chicken ADD FOREIGN KEY (egg_id) REFERENCES egg`,
  },
  {
    name: 'primary key moved while a foreign key keeps pointing at a unique column',
    a: 'CREATE TABLE p (id int PRIMARY KEY, code text UNIQUE); CREATE TABLE c (code text REFERENCES p (code))',
    b: 'CREATE TABLE p (id int, code text PRIMARY KEY); CREATE TABLE c (code text REFERENCES p (code) ON DELETE CASCADE)',
  },
  {
    name: 'an extension created before the column of its type and dropped after it, a domain rebuilt under its column',
    a: `CREATE DOMAIN d AS integer CHECK (VALUE > 0); CREATE TABLE t (id int, v d DEFAULT 1)`,
    b: `CREATE EXTENSION IF NOT EXISTS citext; CREATE DOMAIN d AS bigint NOT NULL; CREATE TABLE t (id int, v d DEFAULT 2, e citext)`,
  },
  {
    name: 'a sequence owned by one column, then by another in a new table',
    a: `CREATE TABLE t (id int, n int); CREATE SEQUENCE s AS integer START 5 OWNED BY t.n; ALTER TABLE t ALTER n SET DEFAULT nextval('s')`,
    b: `CREATE TABLE u (id int); CREATE SEQUENCE s AS bigint INCREMENT -2 CACHE 3 OWNED BY u.id; CREATE TABLE t (id int)`,
  },
  {
    name: 'generated column changed and dropped into a plain one',
    a: 'CREATE TABLE t (a int, g int GENERATED ALWAYS AS (a * 2) STORED, h int GENERATED ALWAYS AS (a + 1) STORED)',
    b: 'CREATE TABLE t (a int, g int GENERATED ALWAYS AS (a * 3) STORED, h int)',
  },
  {
    name: 'views over views and a materialized view kept across a column type change, a view only in B',
    a: `CREATE TABLE t (id int PRIMARY KEY, price numeric(8,2), name text);
        CREATE VIEW v AS SELECT id, price FROM t; CREATE VIEW vv AS SELECT id, price * 2 AS twice FROM v;
        CREATE MATERIALIZED VIEW mv AS SELECT id, price FROM t; CREATE UNIQUE INDEX mv_id ON mv (id)`,
    b: `CREATE TABLE t (id bigint PRIMARY KEY, price numeric(12,2), name text);
        CREATE VIEW v AS SELECT id, price FROM t; CREATE VIEW vv AS SELECT id, price * 2 AS twice FROM v;
        CREATE MATERIALIZED VIEW mv AS SELECT id, price FROM t; CREATE UNIQUE INDEX mv_id ON mv (id);
        CREATE VIEW named AS SELECT name FROM t`,
  },
  {
    name: 'a view gaining a column in place while a view reads it, and a column it reads dropped',
    a: `CREATE TABLE t (id int, a int, b int); CREATE VIEW v AS SELECT id, a FROM t; CREATE VIEW w AS SELECT id FROM v;
        CREATE VIEW gone AS SELECT b FROM t`,
    b: `CREATE TABLE t (id int, a int); CREATE VIEW v AS SELECT id, a, a + 1 AS a1 FROM t; CREATE VIEW w AS SELECT id FROM v`,
  },
  {
    name: "a trigger's function whose result type changes, with triggers, a constraint trigger and an event trigger on it",
    a: `CREATE TABLE t (id int); CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
        CREATE TRIGGER t_f BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION f();
        CREATE FUNCTION total(x int) RETURNS int LANGUAGE sql AS 'SELECT x'; CREATE VIEW totals AS SELECT total(id) FROM t`,
    b: `CREATE TABLE t (id int); CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$;
        CREATE CONSTRAINT TRIGGER t_f AFTER INSERT ON t DEFERRABLE FOR EACH ROW EXECUTE FUNCTION f();
        CREATE FUNCTION total(x int) RETURNS bigint LANGUAGE sql AS 'SELECT x::bigint'; CREATE VIEW totals AS SELECT total(id) FROM t;
        CREATE FUNCTION note() RETURNS event_trigger LANGUAGE plpgsql AS $$ BEGIN END $$;
        CREATE EVENT TRIGGER note ON sql_drop EXECUTE FUNCTION note(); ALTER EVENT TRIGGER note DISABLE`,
  },
  {
    name: 'a view over an enum column while the enum is rebuilt, and a function returning rows of a table',
    a: `CREATE TYPE mood AS ENUM ('a', 'b'); CREATE TABLE t (id int, m mood); CREATE VIEW v AS SELECT m FROM t WHERE m = 'a'`,
    b: `CREATE TYPE mood AS ENUM ('b', 'a'); CREATE TABLE t (id int, m mood); CREATE VIEW v AS SELECT m FROM t WHERE m = 'a';
        CREATE FUNCTION rows_of_t() RETURNS SETOF t LANGUAGE sql AS 'SELECT * FROM t'; CREATE PROCEDURE p(n int) LANGUAGE sql AS 'SELECT n'`,
  },
  {
    name: 'a BEGIN ATOMIC function and a view on it over a column whose type changes, and a column it reads dropped',
    a: `CREATE TABLE t (id int, price numeric(8,2), old int);
        CREATE FUNCTION total() RETURNS numeric LANGUAGE sql BEGIN ATOMIC SELECT sum(price) FROM t; END;
        CREATE FUNCTION olds() RETURNS bigint LANGUAGE sql BEGIN ATOMIC SELECT count(old) FROM t; END;
        CREATE VIEW totals AS SELECT total() AS total`,
    b: `CREATE TABLE t (id int, price numeric(12,2));
        CREATE FUNCTION total() RETURNS numeric LANGUAGE sql BEGIN ATOMIC SELECT sum(price) FROM t; END;
        CREATE VIEW totals AS SELECT total() AS total`,
  },
  {
    name: 'schemas, comments and quoted names',
    a: `CREATE TABLE "user" ("Order" int); COMMENT ON TABLE "user" IS 'people'`,
    b: `CREATE SCHEMA "Billing"; CREATE TYPE "Billing"."Kind" AS ENUM ('x y'); COMMENT ON TYPE "Billing"."Kind" IS 'kinds';
        CREATE TABLE "Billing"."user" ("Order" "Billing"."Kind"); CREATE TABLE "user" ("Order" bigint); COMMENT ON COLUMN "user"."Order" IS 'it''s ordered'`,
  },
]

const show = (ops: Operation[]): string => renderSql(ops).map((s) => `  ${s.sql};`).join('\n')

for (const server of await testServers()) {
  describe(`round trip (${server.label})`, () => {
    let dbs: ScratchDatabase[] = []
    let a: Client
    let b: Client
    before(async () => {
      await adminQuery(server.url, `CREATE ROLE ${role}; CREATE ROLE ${other}`)
      dbs = [await scratchDatabase(server, 'roundtrip_a'), await scratchDatabase(server, 'roundtrip_b')]
      a = await connect(dbs[0]!.url)
      b = await connect(dbs[1]!.url)
      offered = new Set((await a.query("SELECT name FROM pg_available_extensions WHERE name IN ('citext', 'hstore')")).rows.map((r) => r.name))
    })
    after(async () => {
      await a?.end()
      await b?.end()
      for (const db of dbs) await db.drop()
      await adminQuery(server.url, `DROP ROLE IF EXISTS ${role}; DROP ROLE IF EXISTS ${other}`)
    })

    const seen = new Map<string, number>()
    /** Builds A and B, then checks that compare(A, B) reaches B and its reverse comes back to A. */
    const roundTrip = async (buildA: (c: Client) => Promise<void>, buildB: (c: Client) => Promise<void>): Promise<void> => {
      await reset(a)
      await buildA(a)
      const fromA = await introspect(a)
      await reset(b)
      await buildB(b)
      const toB = await introspect(b)

      const ops = compare(fromA, toB)
      for (const op of ops) seen.set(op.kind, (seen.get(op.kind) ?? 0) + 1)
      await apply(a, renderSql(ops))
      const reached = await introspect(a)
      assert.deepEqual(compare(reached, toB), [], `forward left differences after:\n${show(ops)}`)

      const back = reverseAll(ops)
      await apply(a, renderSql(back))
      const returned = await introspect(a)
      assert.deepEqual(compare(returned, fromA), [], `reverse left differences after:\n${show(back)}`)
    }
    const fromSql = (sql: string) => async (c: Client) => void (await c.query(sql))
    const fromSchema = (schema: Schema) => (c: Client) => apply(c, renderSchemaDdl(schema))
    const fromRaw = (raw: RawSchema) => async (c: Client) => {
      await fromSchema(buildSchema(raw))(c)
      const objects = objectsSql(raw)
      if (objects) await c.query(objects)
    }

    test('compare(A, B) applied to A gives B, and its reverse gives A back', async (t) => {
      await fc.assert(
        fc.asyncProperty(schemaArb, schemaArb, (rawA, rawB) => roundTrip(fromRaw(rawA), fromRaw(rawB))),
        {
          numRuns: Number(process.env.ROUNDTRIP_RUNS ?? 30),
          seed: process.env.ROUNDTRIP_SEED ? Number(process.env.ROUNDTRIP_SEED) : undefined,
          path: process.env.ROUNDTRIP_PATH,
        },
      )
      t.diagnostic(`operations exercised: ${[...seen].sort().map(([kind, n]) => `${kind} ${n}`).join(', ')}`)
    })

    for (const example of examples) {
      test(`round trip: ${example.name}`, () => roundTrip(fromSql(example.a), fromSql(example.b)))
    }
  })
}
