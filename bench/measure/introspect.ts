// introspect() alone on a migrated database, with its catalog round trips counted, against the floor of sending
// the same catalog queries with nothing done to their rows.
import pg from 'pg'
import { introspect } from '../../src/introspect/introspect.js'
import { columnsQuery, constraintsQuery, enterQuery, enumsQuery, indexesQuery, leaveQuery, tablesQuery } from '../../src/introspect/queries.js'
import type { Schema } from '../../src/schema/schema.js'

/** One introspection: its time, round trips and result. */
export interface IntrospectRun {
  readonly ms: number
  readonly queries: number
  readonly schema: Schema
}

const history = [{ schema: 'public', name: 'db_migrate_history' }]

/** One introspect() over an open connection (connecting is not counted), counting its queries. */
export async function introspectOnce(client: pg.Client): Promise<IntrospectRun> {
  let queries = 0
  const queryable = { query: (text: string, values?: unknown[]) => (queries++, client.query(text, values)) }
  const started = performance.now()
  const schema = await introspect(queryable, { exclude: history })
  return { ms: performance.now() - started, queries, schema }
}

/** The floor: the introspector's own catalog queries, rows fetched and dropped; with the time of each. */
export async function catalogFloor(client: pg.Client): Promise<{ ms: number; perQuery: Record<string, number> }> {
  const params = [null, JSON.stringify(history), null]
  const perQuery: Record<string, number> = {}
  const started = performance.now()
  let mark = started
  const lap = (name: string) => {
    const now = performance.now()
    perQuery[name] = now - mark
    mark = now
  }
  const entered = (await client.query(enterQuery)).rows[0]
  await client.query(enumsQuery, params.slice(0, 1))
  lap('search_path + enums')
  const named = { tables: tablesQuery, columns: columnsQuery, constraints: constraintsQuery, indexes: indexesQuery }
  for (const [name, q] of Object.entries(named)) {
    await client.query(q, params)
    lap(name)
  }
  await client.query(leaveQuery, [entered.search_path, entered.jit])
  return { ms: performance.now() - started, perQuery }
}

/**
 * The proposal for the columns query: column comments from a LEFT JOIN on pg_description instead of calling
 * col_description() for every column. Null when the query no longer has the shape this rewrites, or when the
 * rewrite would not return the same rows.
 */
export function columnsQueryWithJoinedComments(): string | null {
  if (!columnsQuery.includes('col_description(a.attrelid, a.attnum)')) return null // the query reads comments through a join already
  const joined = columnsQuery
    .replace('col_description(a.attrelid, a.attnum)', 'dsc.description')
    .replace('LEFT JOIN pg_attrdef ad', "LEFT JOIN pg_description dsc ON dsc.objoid = a.attrelid AND dsc.classoid = 'pg_class'::regclass AND dsc.objsubid = a.attnum\nLEFT JOIN pg_attrdef ad")
  return joined === columnsQuery || !joined.includes('dsc.description') || !joined.includes('LEFT JOIN pg_description') ? null : joined
}

/** The columns query as it is and as proposed, alternating, `runs` times each (ms, client-side). */
export async function columnsQueryVariants(client: pg.Client, runs: number): Promise<{ asIs: number[]; joined: number[] } | null> {
  const joined = columnsQueryWithJoinedComments()
  if (!joined) return null
  const params = [null, JSON.stringify(history), null]
  const a = await client.query(columnsQuery, params)
  const b = await client.query(joined, params)
  if (JSON.stringify(a.rows) !== JSON.stringify(b.rows)) return null
  const asIs: number[] = []
  const withJoin: number[] = []
  for (let i = 0; i < runs; i++) {
    for (const [text, into] of [[columnsQuery, asIs], [joined, withJoin]] as const) {
      const started = performance.now()
      await client.query(text, params)
      into.push(performance.now() - started)
    }
  }
  return { asIs, joined: withJoin }
}
