// Shared pieces of the attack tests (their projects come from test/helpers/project.ts): a scratch database per test on every
// test server, the database's visible state, and the processes a test starts (killed when the file ends).
import assert from 'node:assert/strict'
import { spawn, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import { after, describe } from 'node:test'
import { upgrade } from '../../src/commands/upgrade.js'
import { parseConfig } from '../../src/config/config.js'
import { silentLog } from '../../src/log.js'
import { adminQuery, scratchDatabase, testServers, type ScratchDatabase, type TestServer } from '../helpers/postgres.js'
import { cleanEnv, root } from '../helpers/runner.js'
import type { Project } from '../helpers/project.js'

export const password = 'Sup3r-S3cret-Pw'

export interface Database extends ScratchDatabase {
  /** The database's URL with `password` in it, which trust authentication ignores. */
  readonly secretUrl: string
}

const open: ScratchDatabase[] = []
after(async () => {
  for (const db of open.splice(0)) await db.drop().catch(() => {})
})

/**
 * Declares the suite once per test server; each test asks for a scratch database of its own. `concurrency` runs
 * that many of a server's tests at once: for suites whose tests share nothing and measure no time.
 */
export function eachServer(name: string, body: (database: () => Promise<Database>, server: TestServer) => void, options: { concurrency?: number } = {}): void {
  // The servers are independent, so their suites run side by side.
  describe(name, { concurrency: true }, async () => {
    for (const server of await testServers()) {
      describe(server.label, { concurrency: options.concurrency ?? 1 }, () => body(() => scratch(server), server))
    }
  })
}

async function scratch(server: TestServer): Promise<Database> {
  const db = await scratchDatabase(server, 'reliability')
  open.push(db)
  const secret = new URL(db.url)
  secret.password = password
  return Object.assign(db, { secretUrl: secret.toString() })
}

export async function rows<T = Record<string, unknown>>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  return (await adminQuery(url, sql, params)).rows as T[]
}

/** Brings the database at `url` to `revision` in this process (quicker than a CLI run, for a test's starting state). */
export async function migrateTo(p: Project, url: string, revision: string): Promise<void> {
  await upgrade(parseConfig({ settings: { migrations: 'migrations', revision }, env: {}, cwd: p.dir }), url, silentLog)
}

/** Tables of every user schema and the history rows: what a run may change. */
export async function snapshot(url: string, historyTable = 'public.db_migrate_history'): Promise<{ tables: string[]; history: string[] }> {
  const tables = (await rows<{ name: string }>(url, `SELECT table_schema || '.' || table_name AS name FROM information_schema.tables
    WHERE table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1`)).map((r) => r.name)
  const exists = tables.includes(historyTable)
  const history = exists ? (await rows<{ line: string }>(url, `SELECT name || ' ' || state AS line FROM ${historyTable} ORDER BY name`)).map((r) => r.line) : []
  return { tables, history }
}

/** Names of the applied migrations, oldest first. */
export async function applied(url: string): Promise<string[]> {
  const { history } = await snapshot(url)
  return history.filter((line) => line.endsWith(' applied')).map((line) => line.split(' ')[0]!)
}

export async function tables(url: string): Promise<string[]> {
  return (await snapshot(url)).tables
}

const children = new Set<ChildProcess>()
after(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
})

export interface Started {
  readonly child: ChildProcess
  readonly done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>
}

/** dist/cli.js started in the background, so a test can watch and kill it. */
export function startCli(args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Started {
  const child = spawn(process.execPath, [join(root, 'dist', 'cli.js'), ...args], { cwd: options.cwd, env: cleanEnv(options.env), stdio: ['ignore', 'pipe', 'pipe'] })
  children.add(child)
  let stdout = ''
  let stderr = ''
  child.stdout!.on('data', (d) => (stdout += d))
  child.stderr!.on('data', (d) => (stderr += d))
  const done = new Promise<Awaited<Started['done']>>((resolve) => child.on('close', (code, signal) => {
    children.delete(child)
    resolve({ code, signal, stdout, stderr })
  }))
  return { child, done }
}

/** Waits until `condition` holds, polling; fails after `ms`. */
export async function until(what: string, condition: () => Promise<boolean>, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms
  while (!(await condition())) {
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 50))
  }
}

/** Backends of `url`'s database other than ours running a statement that matches `pattern`. */
export async function backendsRunning(url: string, pattern: string): Promise<number[]> {
  return (await rows<{ pid: number }>(url, `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND query ~ $1`, [pattern])).map((r) => r.pid)
}

/** Advisory locks held by anyone on `url`'s database. */
export async function advisoryLocks(url: string): Promise<number> {
  const [row] = await rows<{ n: string }>(url, `SELECT count(*) AS n FROM pg_locks l JOIN pg_database d ON d.oid = l.database WHERE l.locktype = 'advisory' AND l.granted AND d.datname = current_database()`)
  return Number(row!.n)
}

/** Fails when the password, or its URL-encoded form, shows anywhere in `texts`. */
export function assertNoSecret(...texts: string[]): void {
  assertHidden(password, ...texts)
}

/** Fails when `secret`, or its URL-encoded form, shows anywhere in `texts`. */
export function assertHidden(secret: string, ...texts: string[]): void {
  for (const text of texts) {
    for (const form of new Set([secret, encodeURIComponent(secret)])) {
      assert.ok(!text.includes(form), `the password is shown in:\n${text}`)
    }
  }
}

/** The lines a user reads as the error: stderr lines starting with `db-migrate:`; asserts there is exactly one. */
export function oneErrorLine(stderr: string): string {
  const lines = stderr.split('\n').filter((line) => line.startsWith('db-migrate:'))
  assert.equal(lines.length, 1, `expected one error line, stderr was:\n${stderr}`)
  return lines[0]!
}

/** The action's `::error` annotations (one line each). */
export function annotations(stdout: string): string[] {
  return stdout.split('\n').filter((line) => line.startsWith('::error'))
}
