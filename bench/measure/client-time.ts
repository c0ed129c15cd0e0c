// Where an upgrade's time goes: waiting for the server's answers, or in the client's own code between them.
import pg from 'pg'
import type { Project } from '../generate/project.js'
import { freshDatabase } from '../lib/database.js'
import { summarize, type Sample } from '../lib/stats.js'
import { floorPerMigration, migrationTexts } from './floors.js'
import { upgradeInProcess } from './upgrade.js'

/** One side's time, split: inside queries (sent until answered) and between them (the client's own work). */
export interface ClientTime {
  readonly inQueries: Sample
  readonly between: Sample
}

/**
 * Times floor (b) and migrate() on `project`, alternating, with every pg query timed from its call to its answer.
 * The timing wraps pg.Client's query for the duration of these runs only, so the other figures are taken without it.
 */
export async function clientTime(serverUrl: string, project: Project, rounds: number): Promise<{ floorB: ClientTime; migrate: ClientTime }> {
  const query = pg.Client.prototype.query
  let inQueries = 0
  let between = 0
  let answered = 0
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const sent = performance.now()
    if (answered) between += sent - answered
    const result = (query as (...a: unknown[]) => unknown).apply(this, args)
    if (!(result instanceof Promise)) return result
    const done = () => {
      answered = performance.now()
      inQueries += answered - sent
    }
    return result.then((value) => (done(), value), (error: unknown) => { done(); throw error })
  } as typeof query
  const runs = { floorB: { inQueries: [] as number[], between: [] as number[] }, migrate: { inQueries: [] as number[], between: [] as number[] } }
  try {
    for (let i = 0; i < rounds; i++) {
      for (const [side, run] of [['floorB', (url: string) => floorPerMigration(url, migrationTexts(project))], ['migrate', (url: string) => upgradeInProcess(project, url)]] as const) {
        const db = await freshDatabase(serverUrl, `client_${side}`)
        try {
          inQueries = between = answered = 0
          await run(db.url)
          runs[side].inQueries.push(inQueries)
          runs[side].between.push(between)
        } finally {
          await db.drop()
        }
      }
    }
  } finally {
    pg.Client.prototype.query = query
  }
  const split = (r: { inQueries: number[]; between: number[] }) => ({ inQueries: summarize(r.inQueries), between: summarize(r.between) })
  return { floorB: split(runs.floorB), migrate: split(runs.migrate) }
}
