import { createHash } from 'node:crypto'
import { readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { ensureDir } from '../provision/cache.js'
import { version } from '../version.js'
import type { ParsedStatement, ParseFailure } from './parse.js'

/** The libpg-query version parses are kept for; kept equal to package.json's dependency by a test. */
export const parserVersion = '18.1.5'

/** How many parsed files a cache keeps; past it, the least recently written half goes. */
export const parsedLimit = 2000

/** What PostgreSQL's parser made of SQL texts, kept between runs: a parse is a function of the text and the parser. */
export interface ParseCache {
  get(sql: string): ParsedStatement[] | ParseFailure | undefined
  put(sql: string, parsed: ParsedStatement[] | ParseFailure): void
}

/**
 * Parses kept as files in `dir`, one per text, named by its hash with the parser's and db-migrate's versions: a run
 * whose texts were all parsed before does not load the parser. Unreadable files read as none; a cache that cannot be
 * written costs only the next run the parse.
 */
export function parseCacheIn(dir: string): ParseCache {
  const fileOf = (sql: string) => join(dir, `${createHash('sha256').update(`${parserVersion}\0${version}\0${sql}`).digest('hex')}.json`)
  return {
    get(sql) {
      try {
        return JSON.parse(readFileSync(fileOf(sql), 'utf8')) as ParsedStatement[] | ParseFailure
      } catch {
        return undefined
      }
    },
    put(sql, parsed) {
      const file = fileOf(sql)
      const partial = `${file}.${process.pid}.partial`
      try {
        ensureDir(dir)
        writeFileSync(partial, JSON.stringify(parsed))
        renameSync(partial, file)
        prune(dir)
      } catch {
        rmSync(partial, { force: true })
      }
    },
  }
}

function prune(dir: string): void {
  const names = readdirSync(dir)
  if (names.length <= parsedLimit) return
  const byAge = names.map((name) => ({ name, at: mtimeOf(join(dir, name)) })).sort((a, b) => a.at - b.at)
  for (const { name } of byAge.slice(0, byAge.length - parsedLimit / 2)) rmSync(join(dir, name), { force: true })
}

function mtimeOf(path: string): number {
  try {
    return statSync(path).mtimeMs
  } catch {
    return 0
  }
}
