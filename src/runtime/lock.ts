import { createHash } from 'node:crypto'
import type pg from 'pg'
import { HistoryError } from '../errors.js'
import type { Log } from '../log.js'
import { historySql, type HistoryTable } from './history.js'

/** Advisory lock key: 63 bits of sha256 over the history table's name, so runs on other tables never collide. */
export function lockKey(ref: HistoryTable): string {
  const digest = createHash('sha256').update(`db-migrate:${ref.schema}.${ref.table}`).digest()
  return (digest.readBigUInt64BE(0) & 0x7fff_ffff_ffff_ffffn).toString()
}

/**
 * Takes the session-level advisory lock on `client`, the connection that will run the migrations, waiting up to
 * `waitMs` for another run to release it. Returns the function that releases it.
 */
export async function acquireLock(client: pg.ClientBase, ref: HistoryTable, waitMs: number, log: Log, pollMs = 200): Promise<() => Promise<void>> {
  const key = lockKey(ref)
  const deadline = Date.now() + waitMs
  let told = false
  for (;;) {
    const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1::bigint) AS locked', [key])
    if (rows[0]!.locked) break
    if (!told) {
      const holder = await client.query<{ pid: number }>(
        `SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted AND objsubid = 1
           AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
           AND ((classid::bigint << 32) | objid::bigint) = $1::bigint LIMIT 1`,
        [key],
      )
      const pid = holder.rows[0]?.pid
      log.info(`waiting for the migration lock on ${historySql(ref)}: another db-migrate run${pid ? ` (server pid ${pid})` : ''} holds it`)
      told = true
    }
    if (Date.now() >= deadline) {
      throw new HistoryError('lock_wait', `another db-migrate run held the migration lock on ${historySql(ref)} for ${formatMs(waitMs)}: let it finish, or raise lock-wait`)
    }
    await new Promise((r) => setTimeout(r, Math.min(pollMs, Math.max(0, deadline - Date.now()))))
  }
  return async () => {
    await client.query('SELECT pg_advisory_unlock($1::bigint)', [key])
  }
}

function formatMs(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 100) / 10}s` : `${ms}ms`
}
