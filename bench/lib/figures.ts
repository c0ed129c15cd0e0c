import type { Sample } from './stats.js'

/** What a figure counts. */
export type Unit = 'ms' | 'MB' | 'queries' | 'kB'

/** One measured figure: several runs summarised, and the floor it is a ratio to when it has one. */
export interface Figure {
  readonly group: string
  readonly label: string
  /** `300×600`, `demo 2×2`, or '' when the figure has no project size. */
  readonly size: string
  readonly unit: Unit
  readonly sample: Sample | null
  readonly floor?: { readonly label: string; readonly median: number }
  readonly note?: string
  /** Why the figure could not be measured. */
  readonly missing?: string
}

/** The figure's median over its floor's, or null when it has no floor. */
export function ratio(figure: Figure): number | null {
  return figure.sample && figure.floor && figure.floor.median > 0 ? figure.sample.median / figure.floor.median : null
}

/** A budget from the issue, checked against a measured median. */
export interface Budget {
  readonly label: string
  readonly limit: string
  readonly measured: string
  /** null when the figure it needs could not be measured. */
  readonly pass: boolean | null
}

/** A value as the report prints it: ms below 1 s, then seconds. */
export function formatValue(value: number, unit: Unit): string {
  if (unit === 'ms') return value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(Math.abs(value) < 1 ? 2 : Math.abs(value) < 10 ? 1 : 0)} ms`
  if (unit === 'MB') return `${value.toFixed(0)} MB`
  if (unit === 'kB') return `${value.toFixed(0)} kB`
  return value.toFixed(0)
}

/** The figures with each group's together, groups in the order they first appear, figures in measured order. */
export function grouped(figures: readonly Figure[]): Figure[] {
  const order = [...new Set(figures.map((f) => f.group))]
  return order.flatMap((group) => figures.filter((f) => f.group === group))
}
