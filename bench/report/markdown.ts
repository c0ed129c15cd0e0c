import type { Project } from '../generate/project.js'
import { formatValue, ratio, type Budget, type Figure } from '../lib/figures.js'
import type { Machine } from '../lib/machine.js'
import { verdict } from './budgets.js'

/** Everything BENCHMARKS.md is written from. */
export interface Report {
  readonly date: string
  readonly seed: number
  readonly quick: boolean
  readonly durationS: number
  readonly machine: Machine
  readonly projects: readonly Project[]
  readonly figures: readonly Figure[]
  readonly budgets: readonly Budget[]
  /** Paragraphs on what a missed budget's cost is made of, from the measurements. */
  readonly analysis: readonly string[]
  readonly notes: readonly string[]
}

/** BENCHMARKS.md: the machine, the method, every figure with its floor, the budgets, and what the misses are made of. */
export function markdown(r: Report): string {
  const m = r.machine
  const out: string[] = [
    '# Benchmarks',
    '',
    `Written by \`npm run bench${r.quick ? ' -- --quick' : ''}\` on ${r.date} (seed ${r.seed}, ${r.durationS.toFixed(0)} s). Re-run it to refresh this page;`,
    'every number below comes from that run. Times are medians of several runs, with min and max; each figure that has a',
    'floor is also given as a ratio to it.',
    '',
    '## Machine',
    '',
    '| | |',
    '|---|---|',
    `| CPU | ${m.cpu}, ${m.cores} cores |`,
    `| Memory | ${m.memoryGb} GB |`,
    `| OS | ${m.os} |`,
    `| Node | ${m.node} (bench, CLI, in-process figures); ${m.node24 ?? 'no Node 24 found'} (action, and the CLI again) |`,
    `| PostgreSQL, given server | ${m.givenServer} |`,
    `| PostgreSQL, embedded | ${m.embeddedServer ?? 'not started'} (binaries in the provisioning code's default order; the npm package's are measured apart) |`,
    `| Load average (1 min) at start / end | ${m.load.map((l) => l.toFixed(2)).join(' / ')} (the machine is shared; other work running alongside widens min–max) |`,
    '',
    '## Method',
    '',
    '- **Projects** are generated from the seed: N tables built by M `.sql` migrations. The first half of the migrations create',
    '  the enums and tables (integer, bigint, text, varchar(n), boolean, timestamptz, numeric, jsonb, uuid and enum columns;',
    '  identity, serial and uuid keys; foreign keys with ON DELETE; unique and check constraints; single, multi-column, partial,',
    '  expression, unique and GIN indexes), the second half alter them. `models.ts`, written in the model language, declares',
    '  the final schema; `check` finds no difference between the two (the operation counts below say so for each run).',
    '  The 2×2 demo is the repository\'s `migrations/` (user/post) with a two-table `models.ts`.',
    '- **Floors**, measured in the same run on the same server: (a) every migration\'s SQL over one pg connection in one',
    '  transaction; (b) one transaction per migration plus one bookkeeping INSERT: BEGIN, the file as one query, the INSERT, COMMIT.',
    '  Floors, upgrades and introspection use fresh databases on the given server (created outside the timings);',
    '  rounds alternate floor (a), floor (b) and the tool so that a slow spell of the shared machine hits all alike.',
    '- **check cold** runs in a fresh Node process each time and starts the embedded server from the cached cluster (the',
    '  cold-cache cost is the embedded figure). "stage by stage" times each step around the public functions in turn',
    '  (importModule + toSchema, createScratchDatabase, migrate, introspect, renderSchemaDdl + its statements, compare, renderSql);',
    '  `check()` itself runs the replay and the models build concurrently, so its total is below the sum of the stages.',
    '  Those in-process runs load TypeScript through tsx; the CLI figures use the bundle.',
    '- **Whole process**: `db-migrate upgrade head` from the CLI bundle at 2×2, 50×100 and 300×600, under the bench\'s Node and',
    '  again under Node 24 (the action\'s runtime), each beside two floors run as processes: a bare process of the same Node',
    '  that loads pg and does floor (b) (`bench/child/floor-process.mjs`), and psql running a script that does floor (b) (the',
    '  history table, then per migration BEGIN, `\\i` the file, the INSERT, COMMIT; psql sends each statement on its own).',
    '  The three take turns, each on a fresh database made outside its timing; "the CLI over the bare node process" is the',
    '  difference pair by pair. Fixed and per-migration parts are a least-squares line through each process\'s medians over',
    '  the three sizes. CPU time (user + system, GNU time) is given beside the wall time: on a busy machine the waits for',
    '  the disk and the server blur the wall, while the process\'s own work stays put. The CLI runs with Node\'s compile cache',
    '  as users get it (warm after the first run on Node 22.1+).',
    '- **Action start**: `node dist/index.js` under Node 24 with INPUT_* variables (command upgrade, the demo project), through',
    '  a TCP proxy in front of the server that notes the first connection and the first Query/Parse message.',
    '- **Peak memory**: GNU time\'s maximum resident set of the child process; for in-process runs, process.resourceUsage().',
    '- **Asides** are measured alternatives to a stage (a proposed change), timed in the same run but not part of any total.',
    '',
    '| project | tables | migrations | changes written |',
    '|---|---|---|---|',
    ...r.projects.map((p) => `| ${p.label} | ${p.tables} | ${p.migrations} | ${Object.entries(p.changes).sort().map(([k, v]) => `${k} ${v}`).join(', ')} |`),
    '',
    '## Budgets',
    '',
    '| | budget | limit | measured |',
    '|---|---|---|---|',
    ...r.budgets.map((b) => `| ${verdict(b)} | ${b.label} | ${b.limit} | ${b.measured} |`),
    '',
    '## Figures',
  ]
  let group = ''
  for (const f of r.figures) {
    if (f.group !== group) {
      group = f.group
      out.push('', `### ${group}`, '', '| measure | size | median | min | max | runs | ratio to floor |', '|---|---|---:|---:|---:|---:|---|')
    }
    const x = ratio(f)
    const label = f.label.replace(/^ {2}/, '↳ ') + (f.note ? ` (${f.note})` : '')
    out.push(f.sample
      ? `| ${label} | ${f.size} | ${formatValue(f.sample.median, f.unit)} | ${formatValue(f.sample.min, f.unit)} | ${formatValue(f.sample.max, f.unit)} | ${f.sample.runs} | ${x === null ? '' : `${x.toFixed(2)}× ${f.floor!.label}`} |`
      : `| ${label} | ${f.size} | not measured: ${f.missing ?? ''} | | | | |`)
  }
  out.push('', '## Where the time goes', '', ...(r.analysis.length ? r.analysis.flatMap((p) => [p, '']) : ['Every budget was met in this run.', '']))
  if (r.notes.length) out.push('## Notes on this run', '', ...r.notes.map((n) => `- ${n}`), '')
  out.push(
    '## Reference figures (not measured by this benchmark)',
    '',
    'Measured earlier on this class of machine for 300 tables / 600 migrations, for context only:',
    '',
    '| | |',
    '|---|---|',
    '| floor (b) | ≈ 2.2 s |',
    '| alembic upgrade | ≈ 3.0 s (1.4× floor b) |',
    '| node-pg-migrate | ≈ 2.9 s (1.3× floor b) |',
    '| an alembic-style check, without provisioning | ≈ 5.7 s |',
    '| migra\'s diff | ≈ 1.4 s |',
    '| initdb + start of PostgreSQL 18 | 0.5–1.3 s |',
    '| CREATE DATABASE | 30–300 ms |',
    '',
    '## Running it',
    '',
    '```sh',
    'npm install',
    'npm run bench                # full run, about 5 minutes on 2 cores; rewrites BENCHMARKS.md',
    'npm run bench -- --quick     # smoke run, about a minute; writes bench/.tmp/BENCHMARKS.quick.md',
    '```',
    '',
    'Options: `--database-url URL` (the given server; default BENCH_DATABASE_URL, else postgresql://postgres@127.0.0.1:5432/postgres),',
    '`--seed N`, `--rebuild` (run `npm run build` first; done anyway when dist/ is missing), `--out FILE`.',
    'NODE24_BIN points at the Node 24 binary for the action figures (default: .cache/node24, where `npm test` installs it).',
    '',
  )
  return out.join('\n')
}
