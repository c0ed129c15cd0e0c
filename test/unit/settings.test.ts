import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { describe, it } from 'node:test'
import { parseArgs, usage } from '../../src/cli/args.js'
import { parseConfig } from '../../src/config/config.js'
import { flagsOf, settings } from '../../src/config/settings.js'

const actionYml = readFileSync(new URL('../../action.yml', import.meta.url), 'utf8')
const inputsBlock = actionYml.slice(actionYml.indexOf('\ninputs:\n'), actionYml.indexOf('\noutputs:\n'))
const actionInputs = [...inputsBlock.matchAll(/^ {2}([\w-]+):\s*$/gm)].map((m) => m[1]!).sort()

describe('the settings table', () => {
  it('declares exactly the inputs of action.yml', () => {
    const table = settings.filter((s) => s.input).map((s) => s.name).sort()
    assert.deepEqual(actionInputs.filter((n) => !table.includes(n as never)), [], 'inputs in action.yml missing from src/config/settings.ts')
    assert.deepEqual(table.filter((n) => !actionInputs.includes(n)), [], 'inputs in src/config/settings.ts missing from action.yml')
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
