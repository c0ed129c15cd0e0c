import type { CompositeAttribute, CompositeType } from '../schema/types.js'
import { ident, qualified } from './ident.js'

export function createComposite(t: CompositeType): string {
  return `CREATE TYPE ${qualified(t.schema, t.name)} AS (${t.attributes.map(attribute).join(', ')})`
}

/** Attributes dropped, retyped and added; PostgreSQL adds at the end, so an order it cannot reach is left as a note. */
export function alterComposite(from: CompositeType, to: CompositeType): string[] {
  const name = `ALTER TYPE ${qualified(to.schema, to.name)}`
  const toByName = new Map(to.attributes.map((a) => [a.name, a]))
  const fromNames = new Set(from.attributes.map((a) => a.name))
  const out: string[] = []
  for (const a of from.attributes) {
    const target = toByName.get(a.name)
    if (!target) out.push(`${name} DROP ATTRIBUTE ${ident(a.name)}`)
    else if (target.type !== a.type || target.collation !== a.collation) out.push(`${name} ALTER ATTRIBUTE ${attribute(target).replace(/ /, ' TYPE ')}`)
  }
  for (const a of to.attributes) if (!fromNames.has(a.name)) out.push(`${name} ADD ATTRIBUTE ${attribute(a)}`)
  const after = [...from.attributes.filter((a) => toByName.has(a.name)), ...to.attributes.filter((a) => !fromNames.has(a.name))].map((a) => a.name)
  const wanted = to.attributes.map((a) => a.name)
  if (after.join('\0') !== wanted.join('\0')) {
    out.push(`-- ${qualified(to.schema, to.name)}: attributes (${after.join(', ')}) should read (${wanted.join(', ')}); PostgreSQL cannot reorder them, so recreate the type if the order matters`)
  }
  return out
}

function attribute(a: CompositeAttribute): string {
  return `${ident(a.name)} ${a.type}${a.collation !== null ? ` COLLATE ${a.collation}` : ''}`
}
