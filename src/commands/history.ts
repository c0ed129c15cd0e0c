import type { Config } from '../config/config.js'
import { ConfigError } from '../errors.js'
import { compareNames, displayPath } from '../runtime/files.js'
import { resolveName } from '../runtime/target.js'
import type { HistoryState, MigrationFile } from '../runtime/types.js'
import { survey } from './status.js'

/** alembic's `history`: every migration, newest first, with where the database stands. */
export interface HistoryResult {
  readonly current: string | null
  readonly head: string | null
  /** Newest first; only those within `--rev-range` when one was given. */
  readonly migrations: HistoryEntry[]
  /** `--indicate-current`: the text marks the current migration. */
  readonly indicateCurrent: boolean
}

export interface HistoryEntry {
  readonly name: string
  /** As messages show it; null for an applied migration whose file is gone. */
  readonly file: string | null
  readonly state: HistoryState | 'pending'
  readonly appliedAt: Date | null
  readonly current: boolean
  readonly head: boolean
}

export async function history(config: Config, databaseUrl: string): Promise<HistoryResult> {
  const { files, history: rows, current } = await survey(config, databaseUrl)
  const head = files.at(-1)?.name ?? null
  const byName = new Map(rows.map((r) => [r.name, r]))
  const names = [...new Set([...files.map((f) => f.name), ...rows.map((r) => r.name)])].sort(compareNames)
  const [from, to] = range(config.revisionRange, files, current)
  const migrations = names
    .filter((name) => (from === null || compareNames(name, from) >= 0) && (to === null || compareNames(name, to) <= 0))
    .reverse()
    .map((name): HistoryEntry => {
      const row = byName.get(name)
      const file = files.find((f) => f.name === name)
      return {
        name, file: file ? displayPath(file.path, config.cwd) : null, state: row?.state ?? 'pending', appliedAt: row?.appliedAt ?? null,
        current: name === current, head: name === head,
      }
    })
  return { current, head, migrations, indicateCurrent: config.indicateCurrent }
}

/** `start:end` as in alembic (`base:head`, `rev:`, `:current`); each end inclusive, an empty end open. */
function range(spec: string | undefined, files: readonly MigrationFile[], current: string | null): [string | null, string | null] {
  if (spec === undefined) return [null, null]
  const parts = spec.split(':')
  if (parts.length !== 2) throw new ConfigError('rev-range', `--rev-range '${spec}' is not a range: write start:end, e.g. base:head, ${files[0]?.name ?? 'NAME'}: or :current`)
  // '' sorts before every name: base as an end, or current at base, leaves nothing before it
  const end = (text: string): string | null => {
    const t = text.trim()
    if (t === '') return null
    if (t === 'base') return ''
    if (t === 'head') return files.at(-1)?.name ?? ''
    if (t === 'current') return current ?? ''
    return resolveName(t, files)
  }
  return [end(parts[0]!), end(parts[1]!)]
}
