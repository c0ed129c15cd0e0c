import { createRequire } from 'node:module'
import { connect } from '../../db/client.js'
import { queryMany, type StatementsError } from '../../db/many.js'
import { ModelError } from '../../errors.js'
import { oneLine } from './db-migrate.js'
import type { ModelSource } from './source.js'

interface DrizzleKitApi {
  generateDrizzleJson(imports: Record<string, unknown>): unknown | Promise<unknown>
  generateMigration(from: unknown, to: unknown): Promise<string[]>
}

const tableName = Symbol.for('drizzle:Name')
const tableColumns = Symbol.for('drizzle:Columns')

/** A pgTable (drizzle marks its tables with these symbols, whichever copy of drizzle-orm made them). */
function isDrizzleTable(value: unknown): boolean {
  return typeof value === 'object' && value !== null && typeof (value as Record<symbol, unknown>)[tableName] === 'string'
    && typeof (value as Record<symbol, unknown>)[tableColumns] === 'object'
}

export function hasDrizzleTables(exports: Record<string, unknown>): boolean {
  return Object.values(exports).some(isDrizzleTable)
}

/** Drizzle pgTable schemas, turned into DDL by the project's own drizzle-kit (its programmatic API) and run as is. */
export function drizzleSource(path: string, file: string, exports: Record<string, unknown>): ModelSource {
  let api: DrizzleKitApi
  try {
    api = createRequire(path)('drizzle-kit/api') as DrizzleKitApi
  } catch (error) {
    throw new ModelError(`models file ${file} holds Drizzle tables, but drizzle-kit is not installed in the project: npm install -D drizzle-kit there (db-migrate uses the project's own copy to write the DDL)`, file, { cause: error })
  }
  if (!Object.values(exports).some(isDrizzleTable)) {
    throw new ModelError(`models file ${file} exports no Drizzle tables: export each pgTable (and pgEnum) of the schema`, file)
  }
  return {
    kind: 'drizzle',
    file,
    async build(url) {
      let statements: string[]
      try {
        statements = await api.generateMigration(await api.generateDrizzleJson({}), await api.generateDrizzleJson(exports))
      } catch (error) {
        const message = (error instanceof Error ? error.message : String(error)).split('\n')[0]
        throw new ModelError(`models file ${file}: drizzle-kit could not turn the schema into SQL: ${message}: fix the schema`, file, { cause: error })
      }
      const client = await connect(url)
      try {
        await queryMany(client, ['BEGIN', ...statements.map((s) => s.replace(/;\s*$/, '')), 'COMMIT'].join(';\n'))
      } catch (error) {
        const { completed, error: cause } = error as StatementsError
        const failed = completed === undefined ? undefined : statements[completed - 1]
        const message = cause instanceof Error ? cause.message : String(cause)
        throw new ModelError(`models file ${file}: PostgreSQL rejects drizzle-kit's DDL: ${message}${failed ? ` — in: ${oneLine(failed)}` : ''}: fix the schema`, file, { cause })
      } finally {
        await client.end().catch(() => {})
      }
    },
  }
}
