import { ConfigError } from '../errors.js'

/** A database URL split into what pg needs, validated. The password never leaves this object except to pg. */
export interface DatabaseUrl {
  readonly url: string
  readonly host: string
  readonly port: number
  readonly database: string
  readonly user: string
  readonly password: string
  /** Every secret the URL carries (its password, also one given as ?password= or ?sslpassword=), for masking. */
  readonly secrets: readonly string[]
}

/** Query parameters that hold secrets, which node-postgres reads as well as the user-info password. */
const secretParameters = ['password', 'sslpassword']

/** Parses a postgres URL; errors name `setting` and never echo the URL, which may hold a password. */
export function parseDatabaseUrl(url: string, setting: string): DatabaseUrl {
  let parsed: URL
  try {
    parsed = new URL(url.trim())
  } catch {
    throw new ConfigError(setting, `${setting} is not a valid URL: expected postgresql://user:password@host:5432/database`)
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new ConfigError(setting, `${setting} must start with postgresql:// (it starts with ${parsed.protocol}//)`)
  }
  const decode = (part: string, what: string) => {
    try {
      return decodeURIComponent(part)
    } catch {
      throw new ConfigError(setting, `${setting} has a malformed %-escape in its ${what}: write % as %25 and other special characters percent-encoded (encodeURIComponent)`)
    }
  }
  const socketHost = parsed.searchParams.get('host')
  const host = decode(parsed.hostname, 'host') || socketHost || ''
  if (!host) throw new ConfigError(setting, `${setting} names no host: expected postgresql://user:password@host:5432/database`)
  const port = parsed.port === '' ? 5432 : Number(parsed.port)
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new ConfigError(setting, `${setting} has an invalid port`)
  const database = decode(parsed.pathname.replace(/^\//, ''), 'database name')
  if (!database) throw new ConfigError(setting, `${setting} names no database: add one after the host, e.g. postgresql://user@host:5432/app`)
  return {
    url: url.trim(),
    host,
    port,
    database,
    user: decode(parsed.username, 'user') || 'postgres',
    password: decode(parsed.password, 'password'),
    secrets: [decode(parsed.password, 'password'), ...secretParameters.map((p) => parsed.searchParams.get(p) ?? '')].filter((s) => s !== ''),
  }
}

/** Builds a URL from DB_HOST, DB_PORT, DB_NAME, DB_USER and DB_PASS, as the alembic guide's config does. */
export function urlFromParts(env: Record<string, string | undefined>): string | null {
  const host = env.DB_HOST?.trim()
  if (!host) {
    for (const name of ['DB_PORT', 'DB_NAME', 'DB_USER', 'DB_PASS']) {
      if (env[name]?.trim()) throw new ConfigError('DB_HOST', `${name} is set but DB_HOST is not: set DB_HOST too, or use DATABASE_URL`)
    }
    return null
  }
  const port = env.DB_PORT?.trim() || '5432'
  if (!/^\d+$/.test(port) || Number(port) < 1 || Number(port) > 65535) {
    throw new ConfigError('DB_PORT', `DB_PORT must be a port number between 1 and 65535`)
  }
  const name = env.DB_NAME?.trim()
  if (!name) throw new ConfigError('DB_NAME', 'DB_NAME is not set: name the database to migrate (DB_HOST is set)')
  const user = env.DB_USER?.trim() || 'postgres'
  const pass = env.DB_PASS ?? ''
  const auth = encodeURIComponent(user) + (pass ? `:${encodeURIComponent(pass)}` : '')
  const hostPart = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host
  return `postgresql://${auth}@${hostPart}:${port}/${encodeURIComponent(name)}`
}

/** The URL with its password replaced, for anything a person or a log may see. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url)
    if (parsed.password) parsed.password = '***'
    for (const name of secretParameters) if (parsed.searchParams.has(name)) parsed.searchParams.set(name, '***')
    return parsed.toString()
  } catch {
    return '<database url>'
  }
}

/** Same database server, another database: how scratch databases are addressed. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url)
  parsed.pathname = `/${encodeURIComponent(database)}`
  return parsed.toString()
}
