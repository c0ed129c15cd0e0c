// What a module migration's statement costs under its savepoint (so that a caught failure leaves the transaction
// usable, as under Umzug's autocommit), against the same statement sent straight in the transaction.
import { trackedClient } from '../../src/runtime/tracked-client.js'
import { freshDatabase, withClient } from '../lib/database.js'
import { summarize, type Sample } from '../lib/stats.js'

export interface SavepointCost {
  /** ms for `statements` INSERTs sent straight in a transaction. */
  readonly plain: Sample
  /** ms for the same INSERTs through a migration's client, each under its savepoint. */
  readonly savepoint: Sample
}

export async function savepointCost(serverUrl: string, statements: number, runs: number): Promise<SavepointCost> {
  const db = await freshDatabase(serverUrl, 'savepoints')
  try {
    return await withClient(db.url, async (client) => {
      const times = { plain: [] as number[], savepoint: [] as number[] }
      const once = async (inTransaction: boolean) => {
        await client.query('BEGIN; CREATE TEMP TABLE t (id int) ON COMMIT DROP')
        const tracked = trackedClient(client, { inTransaction })
        const started = performance.now()
        for (let i = 0; i < statements; i++) await tracked.client.query(`INSERT INTO t VALUES (${i})`)
        const elapsed = performance.now() - started
        await client.query('COMMIT')
        return elapsed
      }
      await once(false)
      await once(true) // a round that counts for nothing
      for (let i = 0; i < runs; i++) {
        // alternate which goes first, so that neither always follows the other
        for (const inTransaction of i % 2 ? [true, false] : [false, true]) {
          times[inTransaction ? 'savepoint' : 'plain'].push(await once(inTransaction))
        }
      }
      return { plain: summarize(times.plain), savepoint: summarize(times.savepoint) }
    })
  } finally {
    await db.drop()
  }
}
