// node --import ./record-loads.mjs ...: appends the URL of every module the process loads to $RECORD_LOADS, one a
// line (a loader hook sees ES modules and the CommonJS files they import alike).
import { register } from 'node:module'

register('data:text/javascript,' + encodeURIComponent(`
import { appendFileSync } from 'node:fs'
export async function load(url, context, next) {
  appendFileSync(${JSON.stringify(process.env.RECORD_LOADS)}, url + '\\n')
  return next(url, context)
}`))
