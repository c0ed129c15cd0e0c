import { formatValue, type Budget } from '../lib/figures.js'
import type { LineFit } from '../lib/fit.js'
import type { Sample } from '../lib/stats.js'

/** The measured medians the budgets of the issue are checked against; null where a figure could not be measured. */
export interface BudgetInputs {
  /** migrate() over floor (b): medians, and minima (the least disturbed run of each). */
  readonly upgradeRatio: Record<string, { readonly median: number; readonly min: number } | null>
  /** The demo's `upgrade head` as a CLI process, under each Node measured. */
  readonly demoProcess: readonly { readonly runtime: string; readonly sample: Sample }[]
  /** The whole-process upgrade under each Node: the CLI over bare node at 2×2 (pair by pair), the medians at 300×600, the fits. */
  readonly processes: readonly {
    readonly runtime: string
    readonly demo: Sample | null
    readonly at300: { readonly cli?: Sample; readonly psql?: Sample; readonly node?: Sample }
    readonly fits: { readonly cli?: LineFit; readonly psql?: LineFit; readonly node?: LineFit }
  }[]
  readonly check300: { readonly sample: Sample; readonly how: string } | null
  readonly bothSides300: Sample | null
  readonly queriesPerSide: Record<string, number>
  readonly introspect1000: Sample | null
  readonly embeddedCold: Sample | null
  readonly embeddedCached: Sample | null
  readonly actionFirstQuery: Sample | null
  readonly checkMemory1000: { readonly mb: number; readonly how: string } | null
  /** check with its cache, one migration newer than the cached head: the CLI figure. */
  readonly checkOneNew: readonly { readonly runtime: string; readonly size: string; readonly sample: Sample | null }[]
}

// introspect() also sets and restores search_path around its reads: two round trips that touch no catalog
const settingsQueries = 2

/** Every budget of the issue, PASS, MISS or not measured. */
export function budgets(i: BudgetInputs): Budget[] {
  const ms = (s: Sample) => formatValue(s.median, 'ms')
  const under = (label: string, limit: string, max: number, s: Sample | null, how = ''): Budget =>
    ({ label, limit, measured: s ? `${ms(s)}${how ? ` (${how})` : ''}` : 'not measured', pass: s ? s.median <= max : null })
  const list: Budget[] = []
  for (const [size, r] of Object.entries(i.upgradeRatio)) {
    list.push({
      label: `upgrade head at ${size}, migrate() vs floor (b)`,
      limit: '≤ 1.10×',
      measured: r === null ? 'not measured' : `${r.median.toFixed(2)}× (fastest runs: ${r.min.toFixed(2)}×)`,
      pass: r === null ? null : r.median <= 1.1,
    })
  }
  if (i.demoProcess.length === 0) list.push(under('demo 2×2 upgrade, whole CLI process', '≤ 150 ms', 150, null))
  for (const { runtime, sample } of i.demoProcess) list.push(under(`demo 2×2 upgrade, whole CLI process under ${runtime}`, '≤ 150 ms', 150, sample))
  for (const p of i.processes) {
    list.push(under(`demo 2×2 upgrade under ${p.runtime}: whole CLI process over a bare node + pg process doing floor (b)`, '≤ 20 ms', 20, p.demo, 'pair by pair'))
    const { cli, psql } = p.at300
    list.push({
      label: `upgrade 300×600 under ${p.runtime}: whole CLI process vs psql floor (b) as a process`,
      limit: '≤ 1.05×',
      measured: cli && psql ? `${(cli.median / psql.median).toFixed(2)}× (${formatValue(cli.median, 'ms')} vs ${formatValue(psql.median, 'ms')})` : 'not measured',
      pass: cli && psql ? cli.median / psql.median <= 1.05 : null,
    })
    const [own, floor] = [p.fits.cli, p.fits.psql]
    list.push({
      label: `upgrade under ${p.runtime}: per migration over psql floor (b), fitted across sizes`,
      limit: '≤ 0.2 ms',
      measured: own && floor ? `${formatValue(own.perUnit - floor.perUnit, 'ms')} (${formatValue(own.perUnit, 'ms')} vs ${formatValue(floor.perUnit, 'ms')})` : 'not measured',
      pass: own && floor ? own.perUnit - floor.perUnit <= 0.2 : null,
    })
  }
  list.push(under('check 300×600 cold, Postgres start included', '≤ 3 s', 3000, i.check300?.sample ?? null, i.check300?.how))
  if (i.checkOneNew.length === 0) list.push(under('check at 1000×1000 with one new migration, cache warm, whole CLI process', '≤ 0.5 s', 500, null))
  for (const c of i.checkOneNew) list.push(under(`check at ${c.size} with one new migration, cache warm, whole CLI process under ${c.runtime}`, '≤ 0.5 s', 500, c.sample))
  list.push(under('introspect both sides + compare at 300 tables', '≤ 300 ms', 300, i.bothSides300))
  const counts = Object.entries(i.queriesPerSide)
  const catalog = counts.map(([, n]) => n - settingsQueries)
  list.push({
    label: 'catalog queries, both sides, any number of tables',
    limit: '≤ 10',
    measured: counts.length ? `${2 * catalog[0]!} (${counts.map(([size, n]) => `${n - settingsQueries} + ${settingsQueries} settings per side at ${size}`).join('; ')})` : 'not measured',
    pass: counts.length ? catalog.every((n) => n === catalog[0]) && 2 * catalog[0]! <= 10 : null,
  })
  list.push(under('introspect 1000 tables', '< 300 ms', 299.999, i.introspect1000))
  list.push(under('embedded Postgres ready, cold', '≤ 1 s', 1000, i.embeddedCold))
  list.push(under('embedded Postgres ready, cached cluster', '≤ 0.3 s', 300, i.embeddedCached))
  list.push(under('action start to first query', '≤ 150 ms', 150, i.actionFirstQuery))
  list.push({
    label: 'peak memory of check at 1000 tables',
    limit: '< 300 MB',
    measured: i.checkMemory1000 ? `${i.checkMemory1000.mb.toFixed(0)} MB (${i.checkMemory1000.how})` : 'not measured',
    pass: i.checkMemory1000 ? i.checkMemory1000.mb < 300 : null,
  })
  return list
}

/** PASS, MISS or n/a. */
export function verdict(b: Budget): string {
  return b.pass === null ? 'n/a' : b.pass ? 'PASS' : 'MISS'
}
