import pg from 'pg'
import { createScratchDatabase, type ScratchDatabase } from '../../src/provision/scratch.js'

export type { ScratchDatabase }

/** A fresh empty database on the server of `serverUrl`, made before a timed run (not part of it). */
export function freshDatabase(serverUrl: string, label: string): Promise<ScratchDatabase> {
  return createScratchDatabase(serverUrl, `bench_${label}`)
}

/** Runs `fn` on a new connection to `url`, closed afterwards. */
export async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end()
  }
}

/** A client whose query() counts the round trips it makes. */
export function counting(client: pg.Client): { client: { query(text: string, values?: unknown[]): Promise<{ rows: any[] }> }; count(): number } {
  let n = 0
  return {
    client: {
      query: (text: string, values?: unknown[]) => {
        n++
        return client.query(text, values)
      },
    },
    count: () => n,
  }
}

/** `PostgreSQL 15.2 (...)` → `15.2`. */
export async function serverVersion(url: string): Promise<string> {
  return withClient(url, async (c) => (await c.query<{ v: string }>('SELECT current_setting(\'server_version\') AS v')).rows[0]!.v.split(' ')[0]!)
}
