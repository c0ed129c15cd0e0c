/** The closest of `known` to `typed` (edit distance at most 2, or a third of its length), for "did you mean". */
export function closest(typed: string, known: readonly string[]): string | undefined {
  let best: string | undefined
  let bestDistance = Infinity
  for (const word of known) {
    const d = distance(typed, word)
    if (d < bestDistance) [best, bestDistance] = [word, d]
  }
  return bestDistance <= Math.max(2, Math.floor(typed.length / 3)) ? best : undefined
}

function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    const row = [i]
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1))
    previous = row
  }
  return previous[b.length]!
}
