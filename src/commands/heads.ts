import type { Config } from '../config/config.js'
import { displayPath } from '../runtime/files.js'
import { survey } from './status.js'

/** alembic's `heads`: the newest migration, the one `upgrade head` ends at. */
export interface HeadsResult {
  /** Null when there are no migrations. */
  readonly head: string | null
  readonly file: string | null
  readonly applied: boolean
}

export async function heads(config: Config, databaseUrl: string): Promise<HeadsResult> {
  const { files, history } = await survey(config, databaseUrl)
  const head = files.at(-1)
  return {
    head: head?.name ?? null,
    file: head ? displayPath(head.path, config.cwd) : null,
    applied: !!head && history.some((r) => r.name === head.name && r.state === 'applied'),
  }
}
