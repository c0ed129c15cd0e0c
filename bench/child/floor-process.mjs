// The whole-process floor: a bare Node process that loads pg, connects, applies the migrations (one transaction each,
// with a bookkeeping insert) and exits. Without a migrations folder it sends one query.
//   node bench/child/floor-process.mjs <databaseUrl> [migrationsDir]
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import pg from 'pg'

const [url, dir] = process.argv.slice(2)
const client = new pg.Client({ connectionString: url })
await client.connect()
if (!dir) {
  await client.query('SELECT 1')
} else {
  await client.query('CREATE TABLE bench_history (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())')
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.sql') && !f.endsWith('.down.sql')).sort()) {
    await client.query('BEGIN')
    await client.query(readFileSync(join(dir, file), 'utf8'))
    await client.query('INSERT INTO bench_history (name) VALUES ($1)', [file.slice(0, -4)])
    await client.query('COMMIT')
  }
}
await client.end()
