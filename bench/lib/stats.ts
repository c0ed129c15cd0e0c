/** Several timings of one thing, in milliseconds. */
export interface Sample {
  readonly runs: number
  readonly median: number
  readonly min: number
  readonly max: number
}

/** Median, min and max of `values`. */
export function summarize(values: readonly number[]): Sample {
  if (values.length === 0) throw new Error('no values to summarise')
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
  return { runs: sorted.length, median, min: sorted[0]!, max: sorted[sorted.length - 1]! }
}

/** Runs `fn` `runs` times one after another and summarises what each call returned (a duration in ms). */
export async function repeat(runs: number, fn: (run: number) => Promise<number>): Promise<Sample> {
  const values: number[] = []
  for (let i = 0; i < runs; i++) values.push(await fn(i))
  return summarize(values)
}

/** How long `fn` took, in milliseconds, with what it returned. */
export async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const started = performance.now()
  const value = await fn()
  return [performance.now() - started, value]
}
