// How many statements floor (b) and migrate() send for the same project, counted on the wire.
import type { Project } from '../generate/project.js'
import { freshDatabase } from '../lib/database.js'
import { contactProxy } from '../lib/proxy.js'
import { floorPerMigration, migrationTexts } from './floors.js'
import { upgradeInProcess } from './upgrade.js'

/** Statements each sent for the same project. */
export interface RoundTrips {
  readonly floorB: number
  readonly migrate: number
}

/** Counts, through a proxy, the statements floor (b) and migrate() send for `project`. */
export async function roundTrips(serverUrl: string, project: Project): Promise<RoundTrips> {
  const server = new URL(serverUrl)
  const proxy = await contactProxy({ host: server.hostname, port: Number(server.port || 5432) })
  const through = (url: string) => {
    const u = new URL(url)
    u.hostname = '127.0.0.1'
    u.port = String(proxy.port)
    return u.toString()
  }
  try {
    const count = async (label: string, fn: (url: string) => Promise<unknown>) => {
      const db = await freshDatabase(serverUrl, label)
      try {
        proxy.reset()
        await fn(through(db.url))
        return proxy.contact.queries
      } finally {
        await db.drop()
      }
    }
    return {
      floorB: await count('trips_floor', (url) => floorPerMigration(url, migrationTexts(project))),
      migrate: await count('trips_migrate', (url) => upgradeInProcess(project, url)),
    }
  } finally {
    await proxy.close()
  }
}
