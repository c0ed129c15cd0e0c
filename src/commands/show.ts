import type { Config } from '../config/config.js'
import { RevisionError } from '../errors.js'
import { displayPath } from '../runtime/files.js'
import { loadMigrationModule } from '../runtime/module.js'
import { resolveName } from '../runtime/target.js'
import type { HistoryState } from '../runtime/types.js'
import { survey } from './status.js'

/** alembic's `show <rev>`: one migration, its file and its row in the history. */
export interface ShowResult {
  readonly name: string
  /** As messages show it; null when the migration is applied but its file is gone. */
  readonly file: string | null
  readonly kind: 'sql' | 'module' | null
  readonly state: HistoryState | 'pending'
  readonly appliedAt: Date | null
  readonly durationMs: number | null
  /** sha256 of the file now (CRLF read as LF); null without a file. */
  readonly checksum: string | null
  /** The checksum recorded when it was applied; null when it is not. */
  readonly appliedChecksum: string | null
  /** The file differs from what was applied; null when not applied or without a file. */
  readonly changed: boolean | null
  readonly up: boolean
  /** The down: a `.down.sql` beside the file, or a module's `down` export. */
  readonly down: boolean
  readonly downFile: string | null
  /** A module that exports `transaction = false` runs outside a transaction. */
  readonly transaction: boolean
  /** Postgres' message when it ran without a transaction and failed. */
  readonly error: string | null
  readonly current: boolean
  readonly head: boolean
}

export async function show(config: Config, databaseUrl: string): Promise<ShowResult> {
  const spec = config.revision?.trim()
  if (!spec) throw new RevisionError('show needs a revision: a migration name or a unique prefix of one, head or current')
  const { files, history, current } = await survey(config, databaseUrl)
  const recordedOnly = history.filter((r) => !files.some((f) => f.name === r.name)).map((r) => r.name)
  const name = spec === 'head' ? files.at(-1)?.name
    : spec === 'current' ? current
      : recordedOnly.includes(spec) ? spec : resolveName(spec, files)
  if (!name) throw new RevisionError(spec === 'head' ? 'show head: there are no migrations yet' : 'show current: nothing is applied (the database is at base)')
  const file = files.find((f) => f.name === name)
  const row = history.find((r) => r.name === name)
  const shown = file ? displayPath(file.path, config.cwd) : null
  const module = file?.kind === 'module' ? await loadMigrationModule(file.path, shown!) : undefined
  return {
    name,
    file: shown,
    kind: file?.kind ?? null,
    state: row?.state ?? 'pending',
    appliedAt: row?.appliedAt ?? null,
    durationMs: row?.durationMs ?? null,
    checksum: file?.checksum ?? null,
    appliedChecksum: row?.checksum ?? null,
    changed: file && row ? file.checksum !== row.checksum : null,
    up: !!file,
    down: file?.kind === 'sql' ? file.downPath !== null : !!module?.down,
    downFile: file?.downPath ? displayPath(file.downPath, config.cwd) : null,
    transaction: module?.transaction !== false,
    error: row?.error ?? null,
    current: name === current,
    head: name === files.at(-1)?.name,
  }
}
