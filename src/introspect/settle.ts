// PostgreSQL prints some expressions in a spelling that it parses into another: `s IN ('a', 'b')` on a varchar
// prints as `(s)::text = ANY ((ARRAY['a'::character varying, ...])::text[])`, which, parsed again (as a pg_dump
// restore does), prints as `ARRAY[('a'::character varying)::text, ...]`, a fixed point. Rather than guess each
// such rule in text, ask the server: parse each printed expression once more and keep what it prints then.
import type { Schema, Table } from '../schema/schema.js'
import type { Queryable } from './introspect.js'

interface Item {
  readonly k: number
  readonly table: string
  readonly kind: 'check' | 'index' | 'text'
  readonly ref: string
}

// Each expression becomes a NOT VALID check of its own table (checks no row), is printed, and goes again; an
// expression a check cannot hold (a subquery in a policy) stays as it is. The caller's transaction is rolled back.
const settleBlock = `DO $settle$
DECLARE item jsonb; original text; settled text; out jsonb := '{}';
BEGIN
  FOR item IN SELECT * FROM jsonb_array_elements(current_setting('db_migrate.settle')::jsonb) LOOP
    BEGIN
      original := CASE item->>'kind'
        WHEN 'check' THEN (SELECT pg_get_expr(conbin, conrelid) FROM pg_constraint WHERE conrelid = (item->>'table')::regclass AND conname = item->>'ref')
        WHEN 'index' THEN (SELECT pg_get_expr(indpred, indrelid) FROM pg_index WHERE indexrelid = (item->>'ref')::regclass)
        ELSE item->>'ref' END;
      CONTINUE WHEN original IS NULL;
      EXECUTE format('ALTER TABLE %s ADD CONSTRAINT db_migrate_settle CHECK (%s) NOT VALID', item->>'table', original);
      SELECT pg_get_expr(conbin, conrelid) INTO settled FROM pg_constraint WHERE conrelid = (item->>'table')::regclass AND conname = 'db_migrate_settle';
      EXECUTE format('ALTER TABLE %s DROP CONSTRAINT db_migrate_settle', item->>'table');
      IF settled <> original THEN out := out || jsonb_build_object(item->>'k', jsonb_build_array(original, settled)); END IF;
    EXCEPTION WHEN others THEN NULL;
    END;
  END LOOP;
  PERFORM set_config('db_migrate.settled', out::text, true);
END $settle$`

/** `schema` with its checks, partial-index predicates and policy expressions in their settled spelling. Five round trips, whatever the size. */
export async function settleExpressions(client: Queryable, schema: Schema): Promise<Schema> {
  const items: Item[] = []
  const add = (table: Table, kind: Item['kind'], ref: string): number => {
    items.push({ k: items.length, table: `${quote(table.schema)}.${quote(table.name)}`, kind, ref })
    return items.length - 1
  }
  const plan = schema.tables.map((t) => ({
    checks: t.checks.map((c) => add(t, 'check', c.name)),
    indexes: t.indexes.map((i) => (/ WHERE /.test(i.definition) ? add(t, 'index', `${quote(t.schema)}.${quote(i.name)}`) : -1)),
    policies: t.policies.map((p) => [p.using === null ? -1 : add(t, 'text', p.using), p.withCheck === null ? -1 : add(t, 'text', p.withCheck)] as const),
  }))
  if (items.length === 0) return schema
  let settled: Record<string, [string, string]>
  await client.query('BEGIN')
  try {
    await client.query(`SELECT set_config('db_migrate.settle', $1, true)`, [JSON.stringify(items)])
    await client.query(settleBlock)
    settled = JSON.parse((await client.query(`SELECT current_setting('db_migrate.settled') AS settled`)).rows[0].settled)
  } finally {
    await client.query('ROLLBACK')
  }
  const swap = (k: number, text: string, at: 'inside' | 'end' | 'whole'): string => {
    const pair = settled[String(k)]
    if (!pair) return text
    const [original, now] = pair
    if (at === 'whole') return text === original ? now : text
    if (at === 'end') return text.endsWith(original) ? text.slice(0, text.length - original.length) + now : text
    const i = text.indexOf(original)
    return i < 0 ? text : text.slice(0, i) + now + text.slice(i + original.length)
  }
  return {
    ...schema,
    tables: schema.tables.map((t, ti) => {
      const p = plan[ti]!
      return {
        ...t,
        checks: t.checks.map((c, i) => ({ ...c, definition: swap(p.checks[i]!, c.definition, 'inside') })),
        indexes: t.indexes.map((ix, i) => ({ ...ix, definition: swap(p.indexes[i]!, ix.definition, 'end') })),
        policies: t.policies.map((pol, i) => ({
          ...pol,
          using: pol.using === null ? null : swap(p.policies[i]![0], pol.using, 'whole'),
          withCheck: pol.withCheck === null ? null : swap(p.policies[i]![1], pol.withCheck, 'whole'),
        })),
      }
    }),
  }
}

function quote(name: string): string {
  return `"${name.replace(/"/g, '""')}"`
}
