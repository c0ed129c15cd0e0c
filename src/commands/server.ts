import type { Config } from '../config/config.js'
import { startEmbedded, type EmbeddedState } from '../provision/embedded.js'
import type { Log } from '../report/log.js'

/** Where a command ran: the database it was given, or the embedded server it started. */
export interface DatabaseInfo {
  /** Set only when db-migrate started the server; it holds no password. */
  readonly spunUpUrl: string | null
  /** For the action's post step, when the server was left running. */
  readonly keptRunning: EmbeddedState | null
}

/**
 * Runs `fn` with a database URL: the configured one (the target database, or for `shadow` the server where check
 * builds its scratch databases), else an embedded PostgreSQL started for the occasion and stopped after it,
 * unless `keep` leaves it running for later steps of a job.
 */
export async function withServer<T>(
  config: Config,
  log: Log,
  role: 'target' | 'shadow',
  keep: boolean,
  fn: (url: string, database: DatabaseInfo) => Promise<T>,
): Promise<T> {
  const given = role === 'target' ? config.database : config.shadowDatabase
  if (given) return fn(given.url, { spunUpUrl: null, keptRunning: null })
  const server = await startEmbedded({ detached: keep, cwd: config.cwd, log: (m) => log.info(m) })
  log.info(role === 'target'
    ? `no database configured (DATABASE_URL or DB_HOST…): using an embedded PostgreSQL ${server.version} at ${server.url}${keep ? ', left running for later steps' : ', stopped on exit'}`
    : `using an embedded PostgreSQL ${server.version} for scratch databases`)
  try {
    return await fn(server.url, { spunUpUrl: server.url, keptRunning: keep ? server.state : null })
  } finally {
    if (!keep) await server.stop()
  }
}
