import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, sep } from 'node:path'
import type { Config } from '../config/config.js'
import { migrationName } from '../render/migration-file.js'
import { displayPath } from '../runtime/files.js'
import { dockerCompose, envExample, firstMigrationDown, firstMigrationUp, models, workflow } from '../templates/project.js'

export interface InitResult {
  /** Files written, as messages show them. */
  readonly created: string[]
  /** Files left alone, and why. */
  readonly skipped: { readonly file: string; readonly reason: string }[]
}

/**
 * Scaffolds a project in `config.cwd`, like `alembic init`: a first migration and models for the demo user/post
 * schema, `.env.example`, `docker-compose.yml` and a workflow using the action. Never overwrites a file.
 */
export function init(config: Config, now: Date = new Date()): InitResult {
  const created: string[] = []
  const skipped: { file: string; reason: string }[] = []
  const write = (path: string, text: string) => {
    const file = displayPath(path, config.cwd)
    if (existsSync(path)) {
      skipped.push({ file, reason: 'exists' })
      return
    }
    mkdirSync(dirname(path), { recursive: true })
    writeFileSync(path, text, { flag: 'wx' })
    created.push(file)
  }

  const dir = config.migrationsDir
  const hasMigrations = existsSync(dir) && readdirSync(dir).some((f) => /\.(sql|[cm]?[jt]s)$/.test(f))
  if (hasMigrations) {
    skipped.push({ file: displayPath(dir, config.cwd), reason: 'already holds migrations' })
  } else {
    const name = migrationName('create user and post', now)
    write(join(dir, `${name}.sql`), firstMigrationUp)
    write(join(dir, `${name}.down.sql`), firstMigrationDown)
  }
  write(config.modelsPath, models)
  write(join(config.cwd, '.env.example'), envExample)
  write(join(config.cwd, 'docker-compose.yml'), dockerCompose)
  write(join(config.cwd, '.github', 'workflows', 'db-migrate.yml'), workflow(workflowPaths(config)))
  return { created, skipped }
}

/** Settings the workflow must pass because they differ from the action's defaults. */
function workflowPaths(config: Config): Parameters<typeof workflow>[0] {
  const rel = (path: string) => relative(config.cwd, path).split(sep).join('/')
  const migrations = rel(config.migrationsDir)
  const modelsPath = rel(config.modelsPath)
  return {
    ...(migrations !== 'migrations' ? { migrations } : {}),
    ...(modelsPath !== 'src/models.ts' ? { models: modelsPath } : {}),
  }
}
