import { connect } from '../../db/client.js'
import { queryMany, type StatementsError } from '../../db/many.js'
import { ModelError } from '../../errors.js'
import { renderSchemaDdl } from '../../render/sql.js'
import type { Schema } from '../../schema/schema.js'
import { buildDigest, type ModelSource } from './source.js'

/** Models in db-migrate's own language: their raw SQL, then their schema rendered to DDL, run in one round trip. */
export function dbMigrateSource(file: string, schema: Schema, raw: readonly string[] = []): ModelSource {
  const ddl = [...raw, ...renderSchemaDdl(schema).map((s) => s.sql)]
  return {
    kind: 'db-migrate',
    file,
    buildDigest: buildDigest(ddl.join(';\n')),
    async build(url) {
      const client = await connect(url)
      try {
        try {
          await queryMany(client, ['BEGIN', ...ddl, 'COMMIT'].join(';\n'))
        } catch (error) {
          const { completed, error: cause } = error as StatementsError
          const failed = completed === undefined ? undefined : ddl[completed - 1]
          const message = cause instanceof Error ? cause.message : String(cause)
          throw new ModelError(`models file ${file}: PostgreSQL rejects the models: ${message}${failed ? ` — in: ${oneLine(failed)}` : ''}: fix the model`, file, { cause })
        }
      } finally {
        await client.end().catch(() => {})
      }
    },
  }
}

export function oneLine(sql: string): string {
  const flat = sql.replace(/\s+/g, ' ').trim()
  return flat.length > 160 ? `${flat.slice(0, 157)}...` : flat
}
