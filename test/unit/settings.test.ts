import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { describe, it } from 'node:test'
import { commandUsage, parseArgs, usage } from '../../src/cli/args.js'
import { commands, parseConfig } from '../../src/config/config.js'
import { flagsOf, settings } from '../../src/config/settings.js'
import { actionDefaults } from '../helpers/runner.js'

const actionYml = readFileSync(new URL('../../action.yml', import.meta.url), 'utf8')
const inputsBlock = actionYml.slice(actionYml.indexOf('\ninputs:\n'), actionYml.indexOf('\noutputs:\n'))
const actionInputs = [...inputsBlock.matchAll(/^ {2}([\w-]+):\s*$/gm)].map((m) => m[1]!).sort()

describe('the settings table', () => {
  it('declares exactly the inputs of action.yml', () => {
    const table = settings.filter((s) => s.input).map((s) => s.name).sort()
    assert.deepEqual(actionInputs.filter((n) => !table.includes(n as never)), [], 'inputs in action.yml missing from src/config/settings.ts')
    assert.deepEqual(table.filter((n) => !actionInputs.includes(n)), [], 'inputs in src/config/settings.ts missing from action.yml')
  })

  it("lists every command in action.yml's command input", () => {
    const description = /\n {2}command:\n {4}description: "([^"]*)"/.exec(actionYml)?.[1] ?? ''
    assert.deepEqual(commands.filter((c) => !new RegExp(`\\b${c}\\b`).test(description)), [])
  })

  it('gives no action.yml default to a setting the config file may set, so the file is not overridden', () => {
    const defaults = actionDefaults()
    assert.deepEqual(settings.filter((s) => s.file && s.name in defaults).map((s) => s.name), [])
  })

  it('gives every CLI setting a flag the parser takes and the usage lists', () => {
    for (const setting of settings) {
      for (const flag of flagsOf(setting)) {
        const argv = setting.kind === 'value' ? [flag, 'x'] : [flag]
        assert.equal(parseArgs(['status', ...argv]).settings[setting.name], setting.kind === 'value' ? 'x' : 'true', flag)
        assert.match(usage, new RegExp(`(^|[ ,])${flag}\\b`, 'm'), `usage lists ${flag}`)
      }
    }
  })

  it('takes a flag over the environment, the environment over the config file, the file over the default', () => {
    const file = { file: 'db-migrate.config.ts', values: { 'history-table': 'from_file', 'lock-wait': '2s', context: 'sequelize' } }
    const env = { DB_MIGRATE_HISTORY_TABLE: 'from_env' }
    const cwd = '/nonexistent-project'
    assert.equal(parseConfig({ settings: { 'history-table': 'from_flag' }, env, cwd, file }).historyTable, 'from_flag')
    assert.equal(parseConfig({ settings: {}, env, cwd, file }).historyTable, 'from_env')
    assert.equal(parseConfig({ settings: {}, env: {}, cwd, file }).historyTable, 'from_file')
    assert.equal(parseConfig({ settings: {}, env: {}, cwd }).historyTable, 'db_migrate_history')
    assert.equal(parseConfig({ settings: {}, env: {}, cwd, file }).contextKind, 'sequelize')
    assert.equal(parseConfig({ settings: {}, env: {}, cwd, file }).lockWaitMs, 2000)
  })

  it('names where a bad value came from', () => {
    const cwd = '/nonexistent-project'
    assert.throws(() => parseConfig({ settings: {}, env: {}, cwd, file: { file: 'db-migrate.config.ts', values: { context: 'knex' } } }),
      /db-migrate\.config\.ts context 'knex' is not one of auto, pg, sequelize/)
    assert.throws(() => parseConfig({ settings: {}, env: { DB_MIGRATE_LOCK_WAIT: 'soon' }, cwd }), /DB_MIGRATE_LOCK_WAIT 'soon' is not a duration/)
  })
})

describe('db-migrate.config.*', () => {
  it('reads a CommonJS file: its settings by camelCase key and its context function', async () => {
    const { mkdtempSync, writeFileSync: write } = await import('node:fs')
    const { tmpdir } = await import('node:os')
    const { join } = await import('node:path')
    const { loadProjectFile } = await import('../../src/config/project-file.js')
    const dir = mkdtempSync(join(tmpdir(), 'db-migrate-config-'))
    write(join(dir, 'db-migrate.config.cjs'), `module.exports = { migrationsIgnore: ['*.tpl.cjs', 'README*'], allowOutOfOrder: true,
      context: ({ client, name }) => ({ db: client, name }) }\n`)
    const file = await loadProjectFile(dir)
    assert.deepEqual(file?.values, { 'migrations-ignore': '*.tpl.cjs,README*', 'allow-out-of-order': 'true' })
    assert.deepEqual(file?.contextFactory?.({ client: 'c', name: 'n', path: 'p' }), { db: 'c', name: 'n' })
    const config = parseConfig({ settings: {}, env: {}, cwd: dir, file: file! })
    assert.deepEqual(config.migrationsIgnore, ['*.tpl.cjs', 'README*'])
    assert.equal(typeof config.contextFactory, 'function')
  })
})

describe('db-migrate <command> --help', () => {
  it('has a page for every command, listing the options that command reads', () => {
    for (const command of commands) assert.match(commandUsage(command) ?? '', new RegExp(`^Usage: db-migrate ${command}`), command)
    const revision = commandUsage('revision')!
    for (const flag of ['-m, --message', '--autogenerate', '--format']) assert.ok(revision.includes(flag), flag)
    assert.match(commandUsage('resolve')!, /--applied .*\n {2}--rolled-back/)
    assert.match(commandUsage('status')!, /--check /)
    assert.match(commandUsage('pull')!, /--force .*\n.*--stdout /)
    assert.match(commandUsage('pull')!, /Refuses to replace an existing models file unless --force/)
    assert.doesNotMatch(commandUsage('status')!, /--column-order|--autogenerate/)
    assert.equal(commandUsage('bogus'), undefined)
  })
})
