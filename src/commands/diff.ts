import type { Config } from '../config/config.js'
import { compare } from '../compare/compare.js'
import type { Log } from '../log.js'
import { explainBetween } from '../ops/explain-between.js'
import type { Operation } from '../ops/operation.js'
import { provisionDatabase, type Provisioned } from '../provision/provision.js'
import { createScratchDatabase, type ScratchDatabase } from '../provision/scratch.js'
import { renderSql, type RenderedStatement } from '../render/sql.js'
import { filterSchema } from '../schema/filter.js'
import type { Schema } from '../schema/schema.js'
import { readSide, resolveSide, type Side } from './sides.js'

type SideName = Pick<Side, 'kind' | 'shown'>

/** What turns one schema into another. A difference is data: the front ends choose the exit code. */
export interface DiffResult {
  readonly from: SideName
  readonly to: SideName
  /** True when the two sides hold the same schema (within the schema filters). */
  readonly same: boolean
  readonly operations: readonly Operation[]
  readonly statements: readonly string[]
  readonly rendered: readonly RenderedStatement[]
  /** One line per operation, in the same order. */
  readonly explanations: readonly string[]
}

/**
 * `db-migrate diff <from> <to>`: reads both sides (databases only read; the others built in scratch databases on
 * the shadow server, an embedded one when none is set) and renders what turns `from` into `to`.
 */
export async function diff(config: Config, log: Log): Promise<DiffResult> {
  const [fromText, toText] = config.diffSides!
  const from = resolveSide(fromText, 'from', config)
  const to = resolveSide(toText, 'to', config)
  const scratch = new ScratchServer(config, log)
  try {
    const [a, b] = await Promise.allSettled([readSide(from, config, log, scratch.database), readSide(to, config, log, scratch.database)])
    if (a.status === 'rejected') throw a.reason
    if (b.status === 'rejected') throw b.reason
    const result = difference(from, to, a.value.schema, b.value.schema, config)
    log.info(result.same ? `${from.shown} and ${to.shown} hold the same schema` : `${result.operations.length} operation(s) turn ${from.shown} into ${to.shown}`)
    return result
  } finally {
    await scratch.release()
  }
}

/** compare() within the schema filters, rendered and put into words. */
export function difference(from: SideName, to: SideName, a: Schema, b: Schema, config: Pick<Config, 'schemaScope' | 'columnOrder' | 'ignoreExtensionVersions'>, words = { from: from.shown, to: to.shown }): DiffResult {
  const operations = compare(filterSchema(a, config.schemaScope), filterSchema(b, config.schemaScope), { columnOrder: config.columnOrder, ignoreExtensionVersions: config.ignoreExtensionVersions })
  const rendered = renderSql(operations)
  return {
    from: { kind: from.kind, shown: from.shown },
    to: { kind: to.kind, shown: to.shown },
    same: operations.length === 0,
    operations,
    statements: rendered.map((r) => r.sql),
    rendered,
    explanations: operations.map((op) => explainBetween(op, words.from, words.to)),
  }
}

/** Scratch databases on one server, started (or connected to) only when a side needs one; all dropped on release. */
export class ScratchServer {
  private server: Promise<Provisioned> | undefined
  private readonly made: Promise<ScratchDatabase>[] = []

  constructor(private readonly config: Config, private readonly log: Log) {}

  readonly database = async (prefix: string): Promise<string> => {
    this.server ??= provisionDatabase(this.config, this.log, { role: 'shadow' })
    const server = await this.server
    const made = createScratchDatabase(server.url, prefix)
    this.made.push(made)
    return (await made).url
  }

  async release(): Promise<void> {
    await Promise.all(this.made.map((m) => m.then((db) => db.drop()).catch(() => {})))
    if (this.server) await this.server.then((s) => s.release()).catch(() => {})
  }
}
