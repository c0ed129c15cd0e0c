import type pg from 'pg'

/**
 * The client a migration module receives: the runner's own connection, with every query it starts remembered, so
 * that one the migration forgot to await still counts: the runner waits for it, and its failure is the migration's.
 */
export function trackedClient(client: pg.ClientBase): { client: pg.ClientBase; settle(): Promise<void> } {
  const started: Promise<unknown>[] = []
  const proxy = new Proxy(client, {
    get(target, property) {
      if (property === 'query') {
        return (...args: unknown[]) => {
          const result = (target.query as (...a: unknown[]) => unknown)(...args)
          if (result instanceof Promise) {
            started.push(result)
            result.catch(() => {}) // reported by settle(), not as an unhandled rejection
          }
          return result
        }
      }
      const value = Reflect.get(target, property, target)
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
  return {
    client: proxy,
    settle: async () => {
      const failed = (await Promise.allSettled(started)).find((r): r is PromiseRejectedResult => r.status === 'rejected')
      if (failed) throw failed.reason
    },
  }
}
