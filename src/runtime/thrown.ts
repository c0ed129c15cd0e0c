import { errorMessage } from '../errors.js'

/** What a migration's code threw or rejected with, in words: `reject()` with no reason has none of its own. */
export function thrownMessage(error: unknown): string {
  return error === undefined || error === null ? 'rejected without an error (a reject() or throw with no reason)' : errorMessage(error)
}

/**
 * While a migration's code runs, a promise it rejected and never awaited fails that migration (rolled back, named in
 * one line) instead of crashing the process with Node's report of the raw message. `check` throws the first one.
 */
export function watchRejections(): { check(): Promise<void>; stop(): void } {
  let first: { reason: unknown } | undefined
  const onRejection = (reason: unknown) => {
    first ??= { reason }
  }
  process.on('unhandledRejection', onRejection)
  return {
    async check() {
      // Node reports an unhandled rejection once the microtasks have run: give it that turn
      await new Promise((resolve) => setImmediate(resolve))
      if (!first) return
      const error = new Error(`a promise it did not await rejected: ${thrownMessage(first.reason)}`, { cause: first.reason })
      if (first.reason instanceof Error && first.reason.stack) error.stack = first.reason.stack
      throw error
    },
    stop: () => process.off('unhandledRejection', onRejection),
  }
}
