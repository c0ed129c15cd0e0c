// What each missed budget's time is made of, written from this run's own measurements.
import type { Project } from '../generate/project.js'
import { formatValue, type Budget, type Figure } from '../lib/figures.js'
import type { RoundTrips } from '../measure/round-trips.js'
import type { CheckFigures } from '../suites/cold.js'

/** What the analysis reads: the run's figures, budgets and check breakdowns. */
export interface AnalysisInputs {
  readonly figures: readonly Figure[]
  readonly budgets: readonly Budget[]
  readonly checks: ReadonlyMap<Project, CheckFigures>
  readonly p300: Project
  readonly p1000: Project | undefined
  readonly trips: RoundTrips | null
}

const ms = (value: number) => formatValue(value, 'ms')

/** Paragraphs on where the time goes for upgrade, check and introspection, and on each missed budget. */
export function analyse(i: AnalysisInputs): string[] {
  const out: string[] = []
  const missed = (prefix: string) => i.budgets.some((b) => b.pass === false && b.label.startsWith(prefix))
  const median = (label: string, size?: string, group?: string) =>
    i.figures.find((f) => f.label.trim() === label && (size === undefined || f.size === size) && (group === undefined || f.group.startsWith(group)))?.sample?.median

  if (i.trips) {
    const size = i.p300.label
    const embedded = 'upgrade head from empty (embedded'
    const extra = i.trips.migrate - i.trips.floorB
    const up = median('migrate() in-process', size, embedded)
    const floor = median('floor (b): one transaction per migration + bookkeeping insert', size, embedded)
    const split = median('aside: floor (b) sending statements one by one, split as the runtime does', size, embedded)
    const fewer = extra < -i.trips.floorB * 0.02
    const sameTrips = fewer || extra <= i.trips.floorB * 0.02
    const trips = fewer
      ? ` — ${-extra} fewer round trips: a transactional file goes to the server with its BEGIN as one query, and its history row with its COMMIT and the session's reset as a second, where floor (b) sends four queries per migration.`
      : sameTrips
      ? ` — the same round trips: each transactional file goes to the server as one query.`
      : ` — ${extra} more, about ${(extra / i.p300.migrations).toFixed(1)} per migration: what the runtime sends besides each file's SQL (lock, session and history statements, and a file's statements one by one where it splits it).`
    let server = ''
    if (up !== undefined && floor !== undefined) {
      server = ` On the embedded server, where no fsync hides it, migrate() takes ${ms(up)} against ${ms(floor)} for floor (b) (${(up / floor).toFixed(2)}×).`
      if (!sameTrips && split !== undefined && split > floor && up > floor) {
        server += ` Floor (b) sending every statement on its own takes ${ms(split)}: splitting files would explain about ${Math.min(100, ((split - floor) / (up - floor)) * 100).toFixed(0)}% of the difference; sending each transactional file as one query (runtime/sql-run.ts, runSqlFile) removes it.`
      } else if (up > floor * 1.1) {
        server += ` With ${fewer ? 'fewer' : 'the same'} round trips, the rest is the runtime's own time between statements (Umzug's steps, history reads and writes, reading and checking each file), or the machine's noise: the fastest-run ratio in the budget table tells them apart.`
      }
    }
    const given = 'upgrade head from empty (given server)'
    const waitOwn = median('migrate(): waiting for answers (query sent to answered)', size, given)
    const ownTime = median('migrate(): its own time between answers and next queries', size, given)
    const waitFloor = median('floor (b): waiting for answers (query sent to answered)', size, given)
    const floorTime = median('floor (b): its own time between answers and next queries', size, given)
    const timed = waitOwn !== undefined && ownTime !== undefined && waitFloor !== undefined && floorTime !== undefined
      ? ` Timed query by query on the given server, in rounds of their own: migrate() waits ${ms(waitOwn)} for the server's answers and spends ${ms(ownTime)} of its own between an answer and the next query (Umzug's steps, reading and checking each file, the history row), where floor (b) waits ${ms(waitFloor)} and spends ${ms(floorTime)}. db-migrate's own code is thus ${((ownTime / (waitOwn + ownTime)) * 100).toFixed(1)}% of its time, about ${ms(ownTime / i.p300.migrations)} per migration; the rest of any difference from floor (b) is the server answering the same SQL faster or slower from one round to the next.`
      : ''
    out.push(`**upgrade head** (${missed('upgrade head') ? 'budget missed' : 'within budget'}): at ${size}, migrate() sends ${i.trips.migrate} statements where floor (b) sends ${i.trips.floorB} (counted on the wire)${trips}${server}${timed} On the given server each commit's WAL flush weighs most, and a machine busy with other work stretches every round trip alike.`)
  }

  for (const [project, c] of i.checks) {
    const s = c.stages
    const get = (name: string) => s[name] ?? 0
    const replaySide = get('replay migrations') + get('introspect migrations side')
    const modelsSide = get('build models schema') + get('introspect models side')
    const fixed = get('start-up') + get('import models module') + get('models to schema') + get('scratch databases') + get('compare') + get('render') + get('drop scratch databases')
    const critical = fixed + Math.max(replaySide, modelsSide)
    const sucrase = c.experiments['sucrase transform of models.ts alone']
    const list = Object.entries(s).filter(([name]) => name !== 'stop server').map(([name, v]) => `${name} ${ms(v)}`).join(', ')
    const headline = c.cli ? `the CLI takes ${ms(c.cli.median)} start to exit; in-process (server start + check()) ${ms(c.whole.median)}` : `server start + check() takes ${ms(c.whole.median)}`
    const budget = project === i.p300 ? ` (${missed('check 300') ? 'budget missed' : 'within budget'})` : ''
    out.push(
      `**check at ${project.label}, cold**${budget}: ${headline}. Stage by stage, one after the other: ${list}. ` +
      `check() runs the replay (+ its introspection, ${ms(replaySide)}) and the models build (+ its introspection, ${ms(modelsSide)}) at once; with two free cores ` +
      `it would take about ${ms(critical)}, and the rest of the measured time is the two server backends and Node sharing the machine's two cores. ` +
      `The replay is migrate(), so what the upgrade paragraph says of its statements holds here too.` +
      (sucrase !== undefined ? ` Importing the models module (${ms(get('import models module'))}) includes ${ms(sucrase)} of sucrase compiling models.ts on the loader thread.` : ''),
    )
  }

  for (const budget of i.budgets.filter((b) => b.label.startsWith('demo 2×2 upgrade, whole CLI process under') && b.pass !== null)) {
    const runtime = / under (.+)$/.exec(budget.label)?.[1] ?? ''
    const group = `whole process under ${runtime}`
    const cli = median('`db-migrate upgrade head` (CLI), start to exit', 'demo 2×2', group)
    const version = median('`db-migrate --version` (loads the CLI bundle), start to exit', '', group)
    const bare = median('bare `node -e ""`, start to exit', '', group)
    const floor = median('bare node + pg doing floor (b), start to exit', 'demo 2×2', group)
    if (cli === undefined || bare === undefined || version === undefined || floor === undefined) continue
    const verdict = budget.pass
      ? 'within budget'
      : cli <= floor * 1.1 ? 'budget missed: the floor itself is over it' : 'budget missed'
    out.push(`**demo upgrade, whole process under ${runtime}** (${verdict}): ${ms(cli)} start to exit. Node itself starts and exits in ${ms(bare)}; loading the CLI bundle brings that to ${ms(version)}; a bare Node process with pg doing the same two migrations takes ${ms(floor)} (the CLI is at ${(cli / floor).toFixed(2)}× that floor).${budget.pass ? '' : cli <= floor * 1.1 ? ` What lies above ${budget.limit.replace('≤ ', '')} is Node's own start on this machine and the database's work, which the floor pays too.` : ` db-migrate adds ${ms(cli - floor)} to that floor.`}`)
  }

  if (missed('action start')) {
    const action = median('action: start to first query')
    const bare = median('bare node + pg: start to first query')
    const size = i.figures.find((f) => f.group.startsWith('bundle size') && f.label === 'index.js')?.sample?.median
    out.push(`**action start** (budget missed): ${action !== undefined ? ms(action) : '?'} from process start to the first query, against ${bare !== undefined ? ms(bare) : '?'} for a bare Node 24 process that loads pg and queries; the difference is loading and evaluating dist/index.js${size !== undefined ? ` (${size.toFixed(0)} kB)` : ''} and what runs before connecting.`)
  }

  if (i.p1000) {
    const size = i.p1000.label
    const total = median('introspect() one side', size)
    const parts = ['search_path + enums', 'tables', 'columns', 'constraints', 'indexes'].map((q) => [q, median(`catalog query: ${q}`, size)] as const)
    const sum = parts.reduce((acc, [, v]) => acc + (v ?? 0), 0)
    const asIs = median('aside: columns query as it is', size)
    const joined = median('aside: columns query, comments by LEFT JOIN pg_description (same rows)', size)
    const proposal = asIs !== undefined && joined !== undefined
      ? ` Column comments come from col_description(), a SQL function called once per column; read through a LEFT JOIN on pg_description instead, the columns query returned the same rows in ${ms(joined)} instead of ${ms(asIs)} (introspect/queries.ts, columnsQuery; obj_description() in tablesQuery and enumsQuery is the same pattern).`
      : ''
    out.push(`**introspect at ${size}** (${missed('introspect 1000') ? 'budget missed' : 'within budget'}): ${total !== undefined ? ms(total) : '?'} per introspection, against ${ms(sum)} for its catalog queries alone as the client sees them (${parts.map(([q, v]) => `${q} ${v !== undefined ? ms(v) : '?'}`).join(', ')}, timed in separate runs)${total !== undefined && total > sum * 1.1 ? `; the other ${ms(total - sum)} is assembling the Schema` : ': assembling the Schema costs less than the spread between runs'}. Most of the queries' time is the functions evaluated for every row (pg_get_indexdef, pg_get_constraintdef, pg_get_expr, obj_description), not the joins.${proposal} The four queries are independent: run over two connections at once, the wall time would approach that of the two slowest.`)
  }

  for (const [kind, label] of [['cold', 'cold: empty cache (initdb, then start)'], ['cached', 'from the cached cluster (copy, then start)']] as const) {
    if (!missed(`embedded Postgres ready, ${kind === 'cold' ? 'cold' : 'cached'}`)) continue
    const runs = i.figures.filter((f) => f.group.startsWith('embedded PostgreSQL') && f.label === label && f.sample)
    const text = runs.map((f) => `${f.group.replace(/^embedded PostgreSQL (\S+) ready \(binaries: (.*)\)$/, 'PostgreSQL $1 ($2)')}: median ${ms(f.sample!.median)}, fastest ${ms(f.sample!.min)}, slowest ${ms(f.sample!.max)}`).join('; ')
    const startUps = [...i.checks].map(([p, c]) => `${ms(c.stages['start-up'] ?? 0)} before check at ${p.label}`).join(', ')
    out.push(`**embedded start, ${kind}** (budget missed): ${text}. The same start measured inside the cold check runs took ${startUps}. ${kind === 'cold' ? 'A cold start runs initdb once per cache, then starts from the archive it leaves.' : 'A cached start unpacks the cached cluster into a new data directory and starts the server.'} Where the fastest run is within budget and the median is not, the machine\'s other work accounts for the difference.`)
  }

  const c1000 = i.p1000 ? i.checks.get(i.p1000) : undefined
  if (c1000 && missed('peak memory')) {
    out.push(`**check memory at ${i.p1000!.label}** (budget missed): peak ${c1000.cliRss ? `${c1000.cliRss.median.toFixed(0)} MB for the CLI` : `${c1000.childRss.median.toFixed(0)} MB in-process`}.`)
  }
  return out
}
