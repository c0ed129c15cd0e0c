/** A line fitted through points by least squares: y ≈ fixed + perUnit·x. */
export interface LineFit {
  readonly fixed: number
  readonly perUnit: number
}

/** Least squares over (x, y) points; with one distinct x there is no slope to fit, and null is returned. */
export function fitLine(points: readonly (readonly [number, number])[]): LineFit | null {
  const n = points.length
  const mx = points.reduce((s, [x]) => s + x, 0) / n
  const my = points.reduce((s, [, y]) => s + y, 0) / n
  const sxx = points.reduce((s, [x]) => s + (x - mx) ** 2, 0)
  if (n < 2 || sxx === 0) return null
  const perUnit = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0) / sxx
  return { fixed: my - perUnit * mx, perUnit }
}
