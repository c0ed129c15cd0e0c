import pg from 'pg'
import { redactUrl } from '../config/url.js'
import { AppError, ProvisionError } from '../errors.js'

export type Client = pg.Client

export interface ConnectOptions {
  /** Give up on an unreachable server after this long. */
  readonly connectTimeoutMs?: number
  readonly applicationName?: string
}

/** Opens one connection; failures become one-line errors that name the server but never the password. */
export async function connect(url: string, options: ConnectOptions = {}): Promise<Client> {
  const client = new pg.Client({
    connectionString: libpqSslModes(url),
    connectionTimeoutMillis: options.connectTimeoutMs ?? 10_000,
    application_name: options.applicationName ?? 'db-migrate',
  })
  client.on('error', (error) => { if (!ended.has(client)) ended.set(client, error) }) // the server's reason comes first
  try {
    await client.connect()
  } catch (error) {
    await client.end().catch(() => {})
    throw connectionError(error, url)
  }
  return client
}

const ended = new WeakMap<pg.ClientBase, Error>()

/**
 * Why the server ended `client`'s session (terminated, idle-in-transaction timeout, shut down), if it did: a query
 * sent afterwards only says the client "is not queryable".
 */
export function sessionEnded(client: pg.ClientBase): Error | undefined {
  return ended.get(client)
}

/** Retries until the server accepts connections or `timeoutMs` passes; a wrong password or database fails at once. */
export async function waitForConnection(url: string, timeoutMs: number, options: ConnectOptions = {}): Promise<Client> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    try {
      return await connect(url, { ...options, connectTimeoutMs: Math.max(500, Math.min(deadline - Date.now(), 5000)) })
    } catch (error) {
      const retriable = error instanceof ProvisionError && error.details.retriable === true
      if (!retriable || Date.now() + 250 >= deadline) {
        if (retriable) {
          throw new ProvisionError(`${error.message} (gave up after ${Math.round(timeoutMs / 1000)}s; raise connect-timeout to wait longer)`)
        }
        throw error
      }
      await new Promise((r) => setTimeout(r, 250))
    }
  }
}

/**
 * sslmode as libpq (psql, alembic's drivers) reads it: `require` encrypts without verifying the certificate.
 * node-postgres otherwise treats require as verify-full and prints a warning about it.
 */
function libpqSslModes(url: string): string {
  const parsed = new URL(url)
  if (!parsed.searchParams.has('sslmode') || parsed.searchParams.has('uselibpqcompat')) return url
  parsed.searchParams.set('uselibpqcompat', 'true')
  return parsed.toString()
}

// Failures of the network, or of a server that is not ready yet: waiting may help. Anything else the server says is final.
const retriableCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'EAI_AGAIN', '57P03', '53300'])

function connectionError(error: unknown, url: string): AppError {
  const where = redactUrl(url)
  const code = (error as { code?: string }).code
  const message = error instanceof Error ? error.message : String(error)
  let text: string
  let retriable = false
  // node-postgres' own words when the server asks for a password and none was given
  const noPassword = /client password must be a string/i.test(message)
  switch (noPassword ? '28P01' : code) {
    case '28P01':
    case '28000':
      text = `authentication failed for ${where}: check the user and password (DATABASE_URL or DB_USER/DB_PASS)`
      break
    case '3D000':
      text = `database does not exist at ${where}: create it first (createdb) or fix the database name`
      break
    case '57P03':
      text = `the server at ${where} is starting up`
      retriable = true
      break
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      text = `cannot resolve the host of ${where}: check DB_HOST or the host in DATABASE_URL`
      retriable = code === 'EAI_AGAIN'
      break
    default:
      if (/does not support SSL/i.test(message)) {
        text = `the server at ${where} does not accept SSL connections: remove sslmode from the URL, or use sslmode=disable`
      } else if (code === undefined && /timeout/i.test(message)) {
        text = `cannot connect to ${where}: connection timed out`
        retriable = true
      } else {
        retriable = code !== undefined && retriableCodes.has(code)
        text = `cannot connect to ${where}: ${retriable ? code : firstLine(message)}`
      }
  }
  const err = new ProvisionError(text, { cause: error })
  err.details.retriable = retriable
  return err
}

function firstLine(text: string): string {
  return text.split('\n')[0]!.trim()
}
