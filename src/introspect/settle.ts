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

// Each expression becomes a NOT VALID check of its own table (checks no row) and is printed again; a table's checks are
// added in one ALTER TABLE (one lock and catalog update instead of one per expression), and when that fails each goes
// alone, so an expression a check cannot hold (a subquery in a policy) stays as it is. The caller's transaction is
// rolled back, taking the checks with it.
const settleBlock = `DO $settle$
DECLARE tbl text; items jsonb; item jsonb; original text; settled text; k text; adds text; together boolean;
  originals jsonb; out jsonb := '{}';
BEGIN
  FOR tbl, items IN SELECT x->>'table', jsonb_agg(x ORDER BY (x->>'k')::int)
      FROM jsonb_array_elements(current_setting('db_migrate.settle')::jsonb) x GROUP BY 1 LOOP
    originals := '{}';
    adds := '';
    FOR item IN SELECT * FROM jsonb_array_elements(items) LOOP
      BEGIN
        original := CASE item->>'kind'
          WHEN 'check' THEN (SELECT pg_get_expr(conbin, conrelid) FROM pg_constraint WHERE conrelid = (item->>'table')::regclass AND conname = item->>'ref')
          WHEN 'index' THEN (SELECT pg_get_expr(indpred, indrelid) FROM pg_index WHERE indexrelid = (item->>'ref')::regclass)
          ELSE item->>'ref' END;
      EXCEPTION WHEN others THEN original := NULL;
      END;
      CONTINUE WHEN original IS NULL;
      originals := originals || jsonb_build_object(item->>'k', original);
      adds := adds || CASE WHEN adds = '' THEN '' ELSE ', ' END
        || format('ADD CONSTRAINT %I CHECK (%s) NOT VALID', 'db_migrate_settle_' || (item->>'k'), original);
    END LOOP;
    CONTINUE WHEN adds = '';
    BEGIN
      EXECUTE format('ALTER TABLE %s %s', tbl, adds);
      together := true;
    EXCEPTION WHEN others THEN together := false;
    END;
    FOR k, original IN SELECT key, value FROM jsonb_each_text(originals) LOOP
      IF NOT together THEN
        BEGIN
          EXECUTE format('ALTER TABLE %s ADD CONSTRAINT %I CHECK (%s) NOT VALID', tbl, 'db_migrate_settle_' || k, original);
        EXCEPTION WHEN others THEN CONTINUE;
        END;
      END IF;
      SELECT pg_get_expr(conbin, conrelid) INTO settled FROM pg_constraint WHERE conrelid = tbl::regclass AND conname = 'db_migrate_settle_' || k;
      IF settled <> original THEN out := out || jsonb_build_object(k, jsonb_build_array(original, settled)); END IF;
    END LOOP;
  END LOOP;
  PERFORM set_config('db_migrate.settled', out::text, true);
END $settle$`

/** `schema` with its checks, partial-index predicates and policy expressions in their settled spelling. Five round trips, whatever the size. */
export async function settleExpressions(client: Queryable, schema: Schema, inTransaction = false): Promise<Schema> {
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
  // inside the caller's transaction, a savepoint undoes the same, and leaves the caller's work in place
  await client.query(inTransaction ? 'SAVEPOINT db_migrate_settle' : 'BEGIN')
  try {
    await client.query(`SELECT set_config('db_migrate.settle', $1, true)`, [JSON.stringify(items)])
    await client.query(settleBlock)
    settled = JSON.parse((await client.query(`SELECT current_setting('db_migrate.settled') AS settled`)).rows[0].settled)
  } finally {
    await client.query(inTransaction ? 'ROLLBACK TO SAVEPOINT db_migrate_settle; RELEASE SAVEPOINT db_migrate_settle' : 'ROLLBACK')
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
