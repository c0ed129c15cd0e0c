import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

// A generated migration as a JavaScript module a Sequelize project's own Umzug (or sequelize-cli) also runs.

/**
 * Wraps the up and down SQL of a generated migration in one CommonJS module. db-migrate calls `up({ client })`
 * inside its transaction; Umzug calls `up({ context: queryInterface })` and sequelize-cli `up(queryInterface)`,
 * which run the same SQL in a Sequelize transaction.
 */
export function sequelizeModule(name: string, title: string, up: string, down: string, noTransactionDirective: string): string {
  const transactional = !up.startsWith(noTransactionDirective)
  return `'use strict'
// ${title.replace(/[\r\n]+/g, ' ')}
// Revision: ${name}, generated from the models; review it before it runs anywhere that matters.
// Runs under db-migrate ({ client }) and under the project's Umzug ({ context: queryInterface }) or sequelize-cli.
${transactional ? '' : '\nexports.transaction = false\n'}
const up = ${literal(up)}

const down = ${literal(down)}

async function run(arg, sql) {
  if (arg && arg.client) return void (await arg.client.query(sql))
  const { sequelize } = arg && arg.context ? arg.context : arg
  ${transactional ? 'await sequelize.transaction((transaction) => sequelize.query(sql, { transaction }))' : 'await sequelize.query(sql)'}
}

exports.up = (arg) => run(arg, up)
exports.down = (arg) => run(arg, down)
`
}

function literal(text: string): string {
  return `\`\n${text.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${').trimEnd()}\n\``
}

/** `.js` is CommonJS unless the project's package.json says `"type": "module"`; then the module is a `.cjs`. */
export function commonJsExtension(cwd: string): '.js' | '.cjs' {
  const file = join(cwd, 'package.json')
  try {
    return existsSync(file) && (JSON.parse(readFileSync(file, 'utf8')) as { type?: string }).type === 'module' ? '.cjs' : '.js'
  } catch {
    return '.js'
  }
}
