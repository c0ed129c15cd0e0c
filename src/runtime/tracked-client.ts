import type pg from 'pg'
import { splitStatements } from './sql-split.js'

/** What a migration module's client does beyond passing queries on, set by how the migration runs. */
export interface TrackedOptions {
  /**
   * Inside the runner's transaction: each query runs under a savepoint, so a failed statement the migration catches
   * leaves the transaction usable, as it would under autocommit; the migration's own BEGIN/COMMIT/ROLLBACK become
   * savepoints, so its work still commits with its history row.
   */
  readonly inTransaction: boolean
}

/** A tracked client's count of what it did, for the log. */
export interface TrackedClient {
  readonly client: pg.ClientBase
  /** Waits for every query started, and throws the first failure the migration did not see through its await. */
  settle(): Promise<void>
  /** After settle(): statement errors the migration caught and went on after (each rolled back to its savepoint). */
  readonly caught: () => number
  /** Transaction-control statements of the migration's own turned into savepoints. */
  readonly ownTransactions: () => number
}

const savepoint = 'db_migrate_statement'
const control = /^\s*(?:(?:--[^\n]*\n|\/\*[\s\S]*?\*\/)\s*)*(begin|start\s+transaction|commit|end|rollback|abort)\b(?!\s+(?:to|prepared))/i

/**
 * The client a migration module receives: the runner's own connection, with every query it starts remembered, so
 * that one the migration forgot to await still counts: the runner waits for it, and its failure is the migration's.
 * Queries run one after another in the order they were started, as pg would send them.
 */
export function trackedClient(client: pg.ClientBase, options: TrackedOptions = { inTransaction: false }): TrackedClient {
  const started: { result: Promise<unknown>; observed: boolean }[] = []
  let queue: Promise<unknown> = Promise.resolve()
  let caught = 0
  let own = 0
  let depth = 0 // the migration's own open BEGINs, each a savepoint
  let released = true

  const raw = (args: unknown[]) => (client.query as (...a: unknown[]) => Promise<unknown>)(...args)

  const rewriteControl = (text: string): string | null => {
    const statements = splitStatements(text)
    if (!statements || !statements.some((s) => control.test(s.text))) return null
    // an open statement savepoint would sit below the migration's own, and releasing it later would release both
    const before = released ? [] : [`RELEASE SAVEPOINT ${savepoint}`]
    released = true
    return [...before, ...statements.map((s) => {
      const word = control.exec(s.text)?.[1]?.toLowerCase().replace(/\s+/g, ' ')
      if (!word) return s.text
      own++
      if (word === 'begin' || word === 'start transaction') return `SAVEPOINT db_migrate_own_${++depth}`
      if (depth === 0) return 'SELECT 1 WHERE false' // COMMIT with no BEGIN of its own: autocommit would have done nothing either
      const name = `db_migrate_own_${depth--}`
      return word === 'commit' || word === 'end' ? `RELEASE SAVEPOINT ${name}` : `ROLLBACK TO SAVEPOINT ${name}; RELEASE SAVEPOINT ${name}`
    })].join(';\n')
  }

  const statementCount = (text: string) => splitStatements(text)?.filter((s) => /\S/.test(s.text.replace(/--[^\n]*|\/\*[\s\S]*?\*\//g, ''))).length ?? 0

  const guarded = async (args: unknown[]): Promise<unknown> => {
    if (!options.inTransaction || typeof args[0] !== 'string' && typeof (args[0] as { text?: unknown })?.text !== 'string') return raw(args)
    const text = typeof args[0] === 'string' ? args[0] : (args[0] as { text: string }).text
    const rewritten = rewriteControl(text)
    if (rewritten !== null) {
      const result = await raw([typeof args[0] === 'string' ? rewritten : { ...(args[0] as object), text: rewritten }, ...args.slice(1)])
      if (!Array.isArray(result)) return result
      const own = result.slice(result.length - statementCount(text))
      return own.length === 1 ? own[0] : own
    }
    // the previous statement's savepoint is released in the same round trip as this one's is set, and a plain
    // text query (simple protocol, several statements allowed) goes in that round trip too
    const mark = released ? [`SAVEPOINT ${savepoint}`] : [`RELEASE SAVEPOINT ${savepoint}`, `SAVEPOINT ${savepoint}`]
    const count = args.length === 1 && typeof args[0] === 'string' ? statementCount(text) : 0
    const prefix = `${mark.join('; ')};\n`
    try {
      if (count > 0) {
        const sent = raw([`${prefix}${text}`])
        released = false
        const results = (await sent) as unknown[]
        const own = results.slice(mark.length)
        return own.length === 1 ? own[0] : own
      }
      await raw([mark.join('; ')])
      released = false
      return await raw(args)
    } catch (error) {
      const position = Number((error as { position?: string }).position)
      if (count > 0 && position > prefix.length) (error as { position?: string }).position = String(position - prefix.length) // as if sent alone
      await raw([`ROLLBACK TO SAVEPOINT ${savepoint}; RELEASE SAVEPOINT ${savepoint}`]).catch(() => {})
      released = true
      throw error
    }
  }

  const query = (...args: unknown[]) => {
    const callback = typeof args.at(-1) === 'function' ? (args.pop() as (error: unknown, result?: unknown) => void) : undefined
    if (args[0] && typeof (args[0] as { submit?: unknown }).submit === 'function') return raw([...args, ...(callback ? [callback] : [])]) // a cursor or stream: passed on untouched
    const result = queue.then(() => guarded(args))
    queue = result.catch(() => {})
    const entry = { result, observed: callback !== undefined }
    started.push(entry)
    if (callback) {
      result.then((r) => callback(null, r), (e) => callback(e))
      return undefined
    }
    // awaiting it (or any then/catch) means the migration sees its failure, and may catch it and go on
    const returned = new ObservedQuery<unknown>((resolve, reject) => { result.then(resolve, reject) })
    returned.onObserved = () => { entry.observed = true }
    Promise.prototype.then.call(returned, undefined, () => {}) // its failure is reported by settle() if nobody looks
    return returned
  }

  const proxy = new Proxy(client, {
    get(target, property) {
      if (property === 'query') return query
      const value = Reflect.get(target, property, target)
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
  return {
    client: proxy,
    settle: async () => {
      const unseen = started.filter((e) => !e.observed)
      const outcomes = await Promise.allSettled(started.map((e) => e.result))
      caught = outcomes.filter((o, i) => o.status === 'rejected' && started[i]!.observed).length
      const failed = (await Promise.allSettled(unseen.map((e) => e.result))).find((r): r is PromiseRejectedResult => r.status === 'rejected')
      if (failed) throw failed.reason
    },
    caught: () => caught,
    ownTransactions: () => own,
  }
}

/**
 * A query's promise that notices being awaited: `await` calls `then` only on a promise that is not a plain Promise,
 * so this subclass (whose derived promises are plain ones) is how a failure the migration caught is told apart
 * from one it never looked at.
 */
class ObservedQuery<T> extends Promise<T> {
  onObserved: () => void = () => {}
  static override get [Symbol.species]() {
    return Promise
  }
  override then<A = T, B = never>(onFulfilled?: ((value: T) => A | PromiseLike<A>) | null, onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null): Promise<A | B> {
    this.onObserved()
    return super.then(onFulfilled, onRejected)
  }
}
