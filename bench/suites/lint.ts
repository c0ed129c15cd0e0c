// The lint of a whole chain against its floor: PostgreSQL's parser (libpg-query) reading the same files alone.
import { readFileSync } from 'node:fs'
import type { Project } from '../generate/project.js'
import type { Figure } from '../lib/figures.js'
import { summarize } from '../lib/stats.js'
import { lintMigrations, type LintInput } from '../../src/lint/lint.js'
import { parseSql } from '../../src/lint/parse.js'
import { displayPath, listMigrations } from '../../src/runtime/files.js'

export async function lintFigures(project: Project, runs: number): Promise<Figure[]> {
  const group = 'lint of every migration (no database)'
  const inputs: LintInput[] = listMigrations(project.migrationsDir, project.dir, []).map((f) => ({
    name: f.name,
    file: displayPath(f.path, project.dir),
    sql: f.kind === 'sql' ? readFileSync(f.path, 'utf8') : null,
    inTransaction: true,
  }))
  // load the WebAssembly and warm both paths once: the figures are of the steady state, the load is its own figure
  const began = performance.now()
  await parseSql('SELECT 1')
  const load = performance.now() - began
  await lintMigrations(inputs, { serverMajor: 17, disabled: new Set(), lockTimeout: false })
  const parse: number[] = []
  const lint: number[] = []
  for (let i = 0; i < runs; i++) {
    let began = performance.now()
    for (const m of inputs) if (m.sql !== null) await parseSql(m.sql)
    parse.push(performance.now() - began)
    began = performance.now()
    await lintMigrations(inputs, { serverMajor: 17, disabled: new Set(), lockTimeout: false })
    lint.push(performance.now() - began)
  }
  const floor = summarize(parse)
  return [
    { group, label: 'loading the parser (WebAssembly), once per run', size: '', unit: 'ms', sample: summarize([load]) },
    { group, label: 'parse alone (libpg-query)', size: project.label, unit: 'ms', sample: floor },
    { group, label: 'lint: parse and every rule', size: project.label, unit: 'ms', sample: summarize(lint), floor: { label: 'parse alone', median: floor.median } },
  ]
}
