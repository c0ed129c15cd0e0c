import type { EventEmitter } from 'node:events'
import type pg from 'pg'

/** A multi-statement query failed; `completed` statements had finished before it (unknown without pg's connection). */
export class StatementsError extends Error {
  constructor(readonly completed: number | undefined, readonly error: unknown) {
    super(error instanceof Error ? error.message : String(error), { cause: error })
  }
}

/**
 * Sends several statements as one query: one round trip. The server answers each statement as it completes, so
 * counting the answers before an error tells which statement failed, whatever the error.
 */
export async function queryMany(client: pg.ClientBase, sql: string): Promise<void> {
  const connection = (client as unknown as { connection?: EventEmitter }).connection
  let completed = 0
  const count = () => void completed++
  connection?.on('commandComplete', count)
  try {
    await client.query(sql)
  } catch (error) {
    throw new StatementsError(connection ? completed : undefined, error)
  } finally {
    connection?.off('commandComplete', count)
  }
}
