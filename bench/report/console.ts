import { formatValue, ratio, type Budget, type Figure } from '../lib/figures.js'
import { verdict } from './budgets.js'

/** The figures as a plain-text table, grouped, with each ratio to its floor. */
export function consoleTable(figures: readonly Figure[], budgets: readonly Budget[]): string {
  const rows: string[][] = [['measure', 'size', 'median', 'min', 'max', 'runs', '× floor']]
  let group = ''
  const groups: number[] = []
  for (const f of figures) {
    if (f.group !== group) {
      group = f.group
      groups.push(rows.length)
      rows.push([`[${group}]`, '', '', '', '', '', ''])
    }
    const r = ratio(f)
    rows.push(f.sample
      ? [f.label, f.size, formatValue(f.sample.median, f.unit), formatValue(f.sample.min, f.unit), formatValue(f.sample.max, f.unit), String(f.sample.runs), r === null ? '' : `${r.toFixed(2)}× ${f.floor!.label}`]
      : [f.label, f.size, `not measured: ${f.missing ?? ''}`, '', '', '', ''])
  }
  const widths = rows[0]!.map((_, c) => Math.max(...rows.filter((_, i) => !groups.includes(i)).map((row) => row[c]!.length)))
  const text = rows.map((row, i) => (groups.includes(i) ? row[0]! : row.map((cell, c) => (c >= 2 && c <= 5 ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join('  ').trimEnd()))
  const budgetWidth = Math.max(...budgets.map((b) => b.label.length))
  return [
    ...text,
    '',
    'Budgets',
    ...budgets.map((b) => `${verdict(b).padEnd(4)}  ${b.label.padEnd(budgetWidth)}  ${b.limit.padEnd(9)}  measured ${b.measured}`),
  ].join('\n')
}
