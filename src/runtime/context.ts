import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import pg from 'pg'
import type { ContextFactory, ContextKind } from '../config/config.js'
import { HistoryError } from '../errors.js'

/** How each module migration's `context` is made for one run. */
export interface ContextSource {
  readonly kind: ContextKind
  readonly factory?: ContextFactory
  /** The project: where package.json says whether it uses Sequelize, and where its sequelize is installed. */
  readonly cwd: string
}

/** What makes the `context` of one migration; `close` undoes what `make` set up. */
export type MakeContext = (p: { client: pg.ClientBase; name: string; path: string }) => Promise<{ context: unknown; close(): Promise<void> }>

/**
 * Decides once per run what a module migration's `context` is: the config file's factory; or, for Sequelize
 * projects, a QueryInterface of the project's own sequelize whose every query runs on the migration's connection
 * (so inside its transaction); or else the pg client itself. Sequelize is resolved from the project, never bundled.
 */
export function contextMaker(source: ContextSource): MakeContext {
  if (source.factory) {
    const factory = source.factory
    return async (p) => ({ context: await factory(p), close: async () => {} })
  }
  const kind = source.kind === 'auto' ? (dependsOnSequelize(source.cwd) ? 'sequelize' : 'pg') : source.kind
  if (kind === 'pg') return async ({ client }) => ({ context: client, close: async () => {} })
  const Sequelize = projectSequelize(source.cwd, source.kind === 'auto')
  let version: string | undefined
  return async ({ client }) => {
    version ??= serverVersion((await client.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0]!.v)
    const sequelize = new Sequelize({ dialect: 'postgres', dialectModule: pg, databaseVersion: version, logging: false })
    // every query Sequelize makes, transactions included, goes to the migration's connection, and none is closed
    const manager = sequelize.connectionManager as Record<'getConnection' | 'releaseConnection' | 'destroyConnection', () => Promise<unknown>>
    manager.getConnection = async () => client
    manager.releaseConnection = async () => {}
    manager.destroyConnection = async () => {}
    const queryInterface = sequelize.getQueryInterface() as object
    return { context: queryInterface, close: async () => { await sequelize.close().catch(() => {}) } }
  }
}

function dependsOnSequelize(cwd: string): boolean {
  const manifest = join(cwd, 'package.json')
  if (!existsSync(manifest)) return false
  try {
    const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as Record<string, Record<string, string> | undefined>
    return ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'].some((k) => pkg[k]?.sequelize !== undefined)
  } catch {
    return false
  }
}

interface SequelizeClass {
  new (options: object): { connectionManager: unknown; getQueryInterface(): unknown; close(): Promise<void> }
}

function projectSequelize(cwd: string, fromPackageJson: boolean): SequelizeClass {
  const why = fromPackageJson ? 'package.json depends on sequelize' : 'context is sequelize'
  let exports: { Sequelize?: SequelizeClass }
  try {
    exports = createRequire(join(cwd, 'package.json'))('sequelize') as { Sequelize?: SequelizeClass }
  } catch (error) {
    if ((error as { code?: string }).code !== 'MODULE_NOT_FOUND') throw error
    throw new HistoryError('context', `${why}, but sequelize is not installed in the project: run npm install there (migrations get a QueryInterface of the project's own sequelize), or set context to pg`)
  }
  if (typeof exports.Sequelize !== 'function') throw new HistoryError('context', `the project's sequelize exports no Sequelize class: install sequelize 6 or set context to pg`)
  return exports.Sequelize
}

/** `18.1 (Debian 18.1-1)` → `18.1.0`, the semver Sequelize compares against. */
function serverVersion(text: string): string {
  const [major = '0', minor = '0', patch = '0'] = (/^\d+(?:\.\d+){0,2}/.exec(text)?.[0] ?? '0').split('.')
  return `${major}.${minor}.${patch}`
}
