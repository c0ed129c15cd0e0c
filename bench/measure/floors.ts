// The floors every figure is a ratio to: the migrations' own SQL over one pg connection, with nothing else.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import pg from 'pg'
import { splitStatements } from '../../src/runtime/sql-split.js'
import type { Project } from '../generate/project.js'

/** The project's up migrations in the order they run, as text. */
export function migrationTexts(project: Project): { name: string; sql: string }[] {
  return readdirSync(project.migrationsDir)
    .filter((f) => f.endsWith('.sql') && !f.endsWith('.down.sql'))
    .sort()
    .map((f) => ({ name: f.slice(0, -4), sql: readFileSync(join(project.migrationsDir, f), 'utf8') }))
}

/** Floor (a): connect, every migration's SQL in one transaction, disconnect. Returns ms. */
export async function floorOneTransaction(url: string, migrations: readonly { sql: string }[]): Promise<number> {
  const started = performance.now()
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  await client.query('BEGIN')
  for (const m of migrations) await client.query(m.sql)
  await client.query('COMMIT')
  await client.end()
  return performance.now() - started
}

/** Floor (b): connect, then per migration BEGIN, its SQL, one bookkeeping INSERT, COMMIT; disconnect. Returns ms. */
export async function floorPerMigration(url: string, migrations: readonly { name: string; sql: string }[]): Promise<number> {
  const started = performance.now()
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  await client.query('CREATE TABLE bench_history (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())')
  for (const m of migrations) {
    await client.query('BEGIN')
    await client.query(m.sql)
    await client.query('INSERT INTO bench_history (name) VALUES ($1)', [m.name])
    await client.query('COMMIT')
  }
  await client.end()
  return performance.now() - started
}

/**
 * Floor (b) with each file's statements sent one by one, split as the runtime splits them (runtime/sql-split.ts):
 * how much of what migrate() adds to floor (b) the extra round trips explain.
 */
export async function floorPerStatement(url: string, migrations: readonly { name: string; sql: string }[]): Promise<number> {
  const split = migrations.map((m) => ({ name: m.name, statements: splitStatements(m.sql)?.map((s) => s.text) ?? [m.sql] }))
  const started = performance.now()
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  await client.query('CREATE TABLE bench_history (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())')
  for (const m of split) {
    await client.query('BEGIN')
    for (const statement of m.statements) await client.query(statement)
    await client.query('INSERT INTO bench_history (name) VALUES ($1)', [m.name])
    await client.query('COMMIT')
  }
  await client.end()
  return performance.now() - started
}
