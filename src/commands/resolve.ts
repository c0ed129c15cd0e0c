import type { Config } from '../config/config.js'
import { waitForConnection } from '../db/client.js'
import { HistoryError, RevisionError } from '../errors.js'
import type { Log } from '../log.js'
import { compareNames, listMigrations } from '../runtime/files.js'
import { deleteRow, ensureHistory, historySql, readHistory, writeRow, type HistoryTable } from '../runtime/history.js'
import { acquireLock } from '../runtime/lock.js'
import type { HistoryState } from '../runtime/types.js'

/** How a person settled a migration: it took effect (`applied`) or it did not (`rolled-back`). */
export type Resolution = 'applied' | 'rolled-back'

export interface ResolveResult {
  readonly name: string
  readonly resolution: Resolution
  /** The row's state before, or null when the migration was not recorded. */
  readonly previous: HistoryState | null
}

/**
 * Settles the history row of migration `config.revision` after a person checked the database: `applied` records it
 * as applied with the file's current checksum (also accepting an edited file); `rolled-back` removes the row.
 */
export async function resolve(config: Config, databaseUrl: string, log: Log, resolution: Resolution): Promise<ResolveResult> {
  const spec = config.revision?.trim()
  if (!spec) throw new RevisionError('resolve needs the name of a migration (or a unique prefix) and --applied or --rolled-back')
  const files = listMigrations(config.migrationsDir, config.cwd, config.migrationsIgnore)
  const ref: HistoryTable = { schema: config.historySchema, table: config.historyTable }
  const client = await waitForConnection(databaseUrl, config.connectTimeoutMs)
  try {
    const release = await acquireLock(client, ref, config.lockWaitMs, log)
    try {
      await ensureHistory(client, ref)
      const history = await readHistory(client, ref)
      const names = [...new Set([...files.map((f) => f.name), ...history.map((r) => r.name)])].sort(compareNames)
      const name = pick(spec, names)
      const row = history.find((r) => r.name === name)
      if (resolution === 'applied') {
        const file = files.find((f) => f.name === name)
        if (!file) throw new HistoryError('missing_file', `migration ${name} has no file, so it cannot be recorded as applied: restore the file first`)
        await writeRow(client, ref, { name, checksum: file.checksum, state: 'applied', durationMs: row?.durationMs ?? null })
      } else {
        if (!row) throw new HistoryError('not_recorded', `migration ${name} is not recorded in ${historySql(ref)}: there is nothing to roll back`)
        await deleteRow(client, ref, name)
      }
      return { name, resolution, previous: row?.state ?? null }
    } finally {
      await release().catch(() => {})
    }
  } finally {
    await client.end().catch(() => {})
  }
}

function pick(spec: string, names: readonly string[]): string {
  if (names.includes(spec)) return spec
  const matches = names.filter((n) => n.startsWith(spec))
  if (matches.length === 1) return matches[0]!
  if (matches.length > 1) throw new RevisionError(`'${spec}' is ambiguous: it matches ${matches.join(', ')}; give more of the name`, matches)
  throw new RevisionError(`no migration is named '${spec}' (known: ${names.join(', ') || 'none'})`, [...names])
}
