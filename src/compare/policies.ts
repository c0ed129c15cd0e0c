import type { Operation, TableRef } from '../ops/operation.js'
import type { Policy, Table } from '../schema/schema.js'
import { normalizeExpression } from './normalize.js'

/**
 * Row-level security policies of a table both sides have, by name; a changed policy is dropped and created again,
 * and so is one that uses a column whose type changes (PostgreSQL refuses to change it under the policy).
 */
export function comparePolicies(ref: TableRef, from: Table, to: Table): Operation[] {
  const toByName = new Map(to.policies.map((p) => [p.name, p]))
  const toColumns = new Map(to.columns.map((c) => [c.name, c]))
  const retyped = from.columns.filter((c) => {
    const target = toColumns.get(c.name)
    return target && (target.type !== c.type || target.generated !== c.generated)
  })
  const usesRetyped = (p: Policy) => retyped.some((c) => [p.using, p.withCheck].some((e) => e !== null && mentions(e, c.name)))
  const ops: Operation[] = []
  const differs = (a: Policy, b: Policy | undefined) => !b || policySignature(a) !== policySignature(b) || usesRetyped(a)
  for (const policy of from.policies) if (differs(policy, toByName.get(policy.name))) ops.push({ kind: 'drop_policy', table: ref, policy })
  for (const policy of to.policies) {
    const before = from.policies.find((p) => p.name === policy.name)
    if (!before || differs(before, policy)) ops.push({ kind: 'create_policy', table: ref, policy })
  }
  return ops
}

function mentions(expression: string, column: string): boolean {
  const name = column.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  return new RegExp(`(^|[^\\w$"])(${name}|"${name.replace(/"/g, '""')}")($|[^\\w$"])`).test(expression)
}

function policySignature(p: Policy): string {
  const expr = (e: string | null) => (e === null ? null : normalizeExpression(e))
  return JSON.stringify([p.command, p.permissive, p.roles, expr(p.using), expr(p.withCheck)])
}
