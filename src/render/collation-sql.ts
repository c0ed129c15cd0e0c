import type { Collation } from '../schema/types.js'
import { qualified, quoteLiteral } from './ident.js'

export function createCollation(c: Collation): string {
  const options = [`provider = ${c.provider}`]
  if (c.provider !== 'libc') options.push(`locale = ${quoteLiteral(c.locale ?? '')}`)
  else if (c.lcCollate === c.lcCtype) options.push(`locale = ${quoteLiteral(c.lcCollate ?? '')}`)
  else options.push(`lc_collate = ${quoteLiteral(c.lcCollate ?? '')}`, `lc_ctype = ${quoteLiteral(c.lcCtype ?? '')}`)
  if (!c.deterministic) options.push('deterministic = false')
  return `CREATE COLLATION ${qualified(c.schema, c.name)} (${options.join(', ')})`
}

export function dropCollation(c: Collation): string {
  return `DROP COLLATION ${qualified(c.schema, c.name)}`
}
