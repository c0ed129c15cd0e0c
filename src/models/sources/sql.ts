import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { connect } from '../../db/client.js'
import { ModelError } from '../../errors.js'
import { buildDigest, type ModelSource } from './source.js'

/** A declarative `schema.sql` / `structure.sql`, or a folder of .sql files run in name order: run as is. */
export function sqlSource(path: string, file: string): ModelSource {
  const files = statSync(path).isDirectory()
    ? readdirSync(path).filter((name) => name.endsWith('.sql')).sort().map((name) => join(path, name))
    : [path]
  if (files.length === 0) throw new ModelError(`models folder ${file} holds no .sql files: put the schema there, or point --models at it`, file)
  const texts = files.map((f) => readFileSync(f, 'utf8').replace(/^\uFEFF/, ''))
  return {
    kind: 'sql',
    file,
    buildDigest: buildDigest(JSON.stringify(texts)),
    async build(url) {
      const client = await connect(url)
      try {
        for (const [i, sqlFile] of files.entries()) {
          const shown = files.length > 1 ? `${file}/${sqlFile.slice(path.length + 1)}` : file
          const text = texts[i]!
          try {
            // the simple query protocol runs the whole file, as psql -f would with ON_ERROR_STOP
            await client.query(text)
          } catch (error) {
            const message = (error instanceof Error ? error.message : String(error)).split('\n')[0]
            throw new ModelError(`models file ${shown}: PostgreSQL rejects it: ${message}: fix the SQL there`, shown, { cause: error })
          }
        }
      } finally {
        await client.end().catch(() => {})
      }
    },
  }
}
