import type pg from 'pg'
import { connect } from '../db/client.js'
import { quoteIdent } from '../render/ident.js'

/** The server's roles: they belong to the cluster, so a snapshot database cannot hold those its migrations create. */
export async function roles(serverUrl: string): Promise<string[]> {
  const client = await connect(serverUrl, { applicationName: 'db-migrate check' })
  try {
    return await rolesSeen(client)
  } finally {
    await client.end().catch(() => {})
  }
}

/** The roles as `client` sees them: inside a transaction, with those it created. */
export async function rolesSeen(client: pg.ClientBase): Promise<string[]> {
  return (await client.query<{ rolname: string }>('SELECT rolname FROM pg_roles')).rows.map((r) => r.rolname)
}

/** On our own server, the roles a build created go with its database, so that the next build starts as on an empty server. */
export async function dropRolesSince(serverUrl: string, before: readonly string[]): Promise<void> {
  const added = (await roles(serverUrl)).filter((r) => !before.includes(r))
  if (added.length === 0) return
  const client = await connect(serverUrl, { applicationName: 'db-migrate check' })
  try {
    // a role still used by a database (the other side, building at the same time) stays: that side drops it
    for (const role of added) await client.query(`DROP ROLE IF EXISTS ${quoteIdent(role)}`).catch(() => {})
  } finally {
    await client.end().catch(() => {})
  }
}
