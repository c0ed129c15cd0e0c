import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { evolve } from './evolve.js'
import { modelsFile } from './models-file.js'

/** A project on disk: `migrations/` and `models.ts`, as the commands read them. */
export interface Project {
  readonly label: string
  readonly dir: string
  readonly migrationsDir: string
  readonly modelsPath: string
  readonly tables: number
  readonly migrations: number
  /** Count of each kind of change the migrations make. */
  readonly changes: Record<string, number>
}

// Part of the folder name, so that a change to the generator never reuses a project an older one wrote.
const generatorVersion = 2

/**
 * Writes a synthetic project of `tables` tables built by `migrations` migrations under `root`. Generation is
 * deterministic in `seed`; an existing project from the same inputs is reused.
 */
export function syntheticProject(root: string, tables: number, migrations: number, seed: number): Project {
  const label = `${tables}×${migrations}`
  const dir = join(root, `project-${tables}x${migrations}-seed${seed}-v${generatorVersion}`)
  const migrationsDir = join(dir, 'migrations')
  const modelsPath = join(dir, 'models.ts')
  const summaryPath = join(dir, 'changes.json')
  if (existsSync(summaryPath)) {
    return { label, dir, migrationsDir, modelsPath, tables, migrations, changes: JSON.parse(readFileSync(summaryPath, 'utf8')) }
  }
  const evolution = evolve(tables, migrations, seed)
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(migrationsDir, { recursive: true })
  for (const m of evolution.migrations) writeFileSync(join(migrationsDir, `${m.name}.sql`), m.sql)
  writeFileSync(modelsPath, modelsFile(evolution.schema, `Synthetic benchmark models (seed ${seed}): ${tables} tables, ${migrations} migrations.`))
  writeFileSync(summaryPath, JSON.stringify(evolution.changes, null, 2))
  return { label, dir, migrationsDir, modelsPath, tables, migrations, changes: evolution.changes }
}

/** The repository's user/post demo: its migrations and its models, as `npm run demo` runs them. */
export function demoProject(root: string, repoMigrations: string): Project {
  const dir = join(root, 'project-demo')
  const migrationsDir = join(dir, 'migrations')
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  cpSync(repoMigrations, migrationsDir, { recursive: true })
  const modelsPath = join(dir, 'models.ts')
  cpSync(join(repoMigrations, '..', 'src', 'models.ts'), modelsPath)
  return { label: 'demo 2×2', dir, migrationsDir, modelsPath, tables: 2, migrations: 2, changes: { create_table: 2 } }
}
