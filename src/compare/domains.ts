import type { Operation } from '../ops/operation.js'
import type { DomainAttribute, DomainUsage } from '../ops/type-operations.js'
import type { Schema } from '../schema/schema.js'
import type { Domain } from '../schema/types.js'
import { enumTypeName } from './enums.js'
import { keyOf } from './keys.js'
import { checkSignature, sameExpression } from './normalize.js'

/** Domains created, dropped, or with another base type, collation, default, nullability or checks. */
export function compareDomains(from: Schema, to: Schema): Operation[] {
  const ops: Operation[] = []
  const toByKey = new Map(to.domains.map((d) => [keyOf(d), d]))
  const fromKeys = new Set(from.domains.map(keyOf))
  for (const d of to.domains) if (!fromKeys.has(keyOf(d))) ops.push({ kind: 'create_domain', domain: d })
  for (const d of from.domains) {
    const target = toByKey.get(keyOf(d))
    if (!target) {
      ops.push({ kind: 'drop_domain', domain: d })
      continue
    }
    const changes = domainChanges(d, target)
    if (changes.length) ops.push({ kind: 'alter_domain', from: d, to: target, changes, usages: domainUsages(d, from) })
  }
  return ops
}

export function domainChanges(from: Domain, to: Domain): DomainAttribute[] {
  const changes: DomainAttribute[] = []
  if (from.type !== to.type) changes.push('type')
  if (from.collation !== to.collation) changes.push('collation')
  if (!sameExpression(from.default, to.default)) changes.push('default')
  if (from.notNull !== to.notNull) changes.push('nullability')
  if (checksKey(from) !== checksKey(to)) changes.push('checks')
  return changes
}

function checksKey(d: Domain): string {
  return JSON.stringify(d.checks.map((c) => [c.name, checkSignature(c)]).sort())
}

/** The columns of `schema` whose type is domain `d`. */
function domainUsages(d: Domain, schema: Schema): DomainUsage[] {
  const name = enumTypeName(d)
  return schema.tables.flatMap((t) =>
    t.columns.filter((c) => c.type.replace(/"/g, '') === name).map((c) => ({ table: { schema: t.schema, name: t.name }, column: c.name, default: c.default })))
}
