// The one test project: a fixture copied where a test may edit, add or remove its files, removed when the test file
// ends. By default outside this repository, with no node_modules, so `db-migrate-action` imports resolve the way they
// do for a user who has not installed the package.
import { randomBytes } from 'node:crypto'
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after } from 'node:test'
import { parseConfig, type Config, type RawSettings } from '../../src/config/config.js'
import { linkPackages } from './packages.js'
import { root } from './runner.js'

export interface ProjectOptions {
  /** `repo` copies under test/.tmp, at the depth of test/fixtures, so a models file's relative import of the library
   *  (`../../../src/index.js`) still resolves; default: the system's temporary directory. */
  readonly under?: 'tmp' | 'repo'
  /** Settings every `config()` starts from (below the call's own). */
  readonly settings?: RawSettings
}

export interface Project {
  readonly dir: string
  /** The project's config, as `parseConfig` reads it from these settings (migrations/, lock-wait 10s by default). */
  config(settings?: RawSettings): Config
  write(path: string, text: string): void
  writeBytes(path: string, bytes: Uint8Array): void
  read(path: string): string
  remove(path: string): void
  rename(from: string, to: string): void
  /** The files of migrations/, sorted. */
  migrations(): string[]
  /** Gives the project these installed packages, as a user's node_modules would: symlinks to this repository's. */
  install(...packages: string[]): void
}

/** check and autogenerate fixtures: models.ts beside migrations/, under the repository. */
export const modelsProject: ProjectOptions = { under: 'repo', settings: { command: 'check', models: 'models.ts' } }

/** A copy of test/fixtures/<fixture> (an empty folder for null). */
export function project(fixture: string | null, options: ProjectOptions = {}): Project {
  const name = fixture ?? 'empty'
  let dir: string
  if (options.under === 'repo') {
    dir = join(root, 'test', '.tmp', `${name}-${randomBytes(4).toString('hex')}`)
    mkdirSync(dir, { recursive: true })
  } else {
    dir = mkdtempSync(join(tmpdir(), `db-migrate-${name}-`))
  }
  if (fixture) cpSync(join(root, 'test', 'fixtures', fixture), dir, { recursive: true })
  after(() => rmSync(dir, { recursive: true, force: true }))
  return {
    dir,
    config: (settings = {}) => parseConfig({ settings: { migrations: 'migrations', 'lock-wait': '10s', ...options.settings, ...settings }, env: {}, cwd: dir }),
    write: (path, text) => writeFileSync(join(dir, path), text),
    writeBytes: (path, bytes) => writeFileSync(join(dir, path), bytes),
    read: (path) => readFileSync(join(dir, path), 'utf8'),
    remove: (path) => unlinkSync(join(dir, path)),
    rename: (from, to) => renameSync(join(dir, from), join(dir, to)),
    migrations: () => readdirSync(join(dir, 'migrations')).sort(),
    install: (...packages) => linkPackages(dir, packages),
  }
}

/** A fixture's copy, for a test that only runs processes in it. */
export function copyFixture(name: string): string {
  return project(name).dir
}

/** The URL with a password that trust authentication ignores: what must never be shown. */
export function withPassword(url: string, password: string): string {
  const parsed = new URL(url)
  parsed.password = password
  return parsed.toString()
}
