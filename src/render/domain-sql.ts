import type { Operation } from '../ops/operation.js'
import type { Domain } from '../schema/types.js'
import { ident, qualified } from './ident.js'

export function createDomain(d: Domain): string {
  return (
    `CREATE DOMAIN ${qualified(d.schema, d.name)} AS ${d.type}` +
    (d.collation !== null ? ` COLLATE ${d.collation}` : '') +
    (d.default !== null ? ` DEFAULT ${d.default}` : '') +
    (d.notNull ? ' NOT NULL' : '') +
    d.checks.map((c) => ` CONSTRAINT ${ident(c.name)} ${c.definition}`).join('')
  )
}

/**
 * A new base type or collation: rename the old domain away, create the new one, convert each column through the
 * new base type, drop the old domain. Anything else: ALTER DOMAIN in place.
 */
export function alterDomain(op: Extract<Operation, { kind: 'alter_domain' }>): string[] {
  const { from, to } = op
  const name = qualified(to.schema, to.name)
  if (op.changes.includes('type') || op.changes.includes('collation')) {
    const old = `${from.name}__old`
    return [
      `ALTER DOMAIN ${name} RENAME TO ${ident(old)}`,
      createDomain(to),
      ...op.usages.flatMap((u) => {
        const column = `ALTER TABLE ${qualified(u.table.schema, u.table.name)} ALTER COLUMN ${ident(u.column)}`
        return [
          ...(u.default !== null ? [`${column} DROP DEFAULT`] : []),
          `${column} TYPE ${name} USING ${ident(u.column)}::${to.type}::${name}`,
          ...(u.default !== null ? [`${column} SET DEFAULT ${u.default}`] : []),
        ]
      }),
      `DROP DOMAIN ${qualified(from.schema, old)}`,
    ]
  }
  const out: string[] = []
  if (op.changes.includes('default')) out.push(`ALTER DOMAIN ${name} ${to.default === null ? 'DROP DEFAULT' : `SET DEFAULT ${to.default}`}`)
  if (op.changes.includes('nullability')) out.push(`ALTER DOMAIN ${name} ${to.notNull ? 'SET' : 'DROP'} NOT NULL`)
  if (op.changes.includes('checks')) {
    const same = (a: { name: string; definition: string }, b: { name: string; definition: string }) => a.name === b.name && a.definition === b.definition
    for (const c of from.checks) if (!to.checks.some((t) => same(c, t))) out.push(`ALTER DOMAIN ${name} DROP CONSTRAINT ${ident(c.name)}`)
    for (const c of to.checks) if (!from.checks.some((f) => same(c, f))) out.push(`ALTER DOMAIN ${name} ADD CONSTRAINT ${ident(c.name)} ${c.definition}`)
  }
  return out
}
