import type { Operation, TableRef } from '../ops/operation.js'
import type { Policy, Table } from '../schema/schema.js'
import { normalizeExpression } from './normalize.js'

/** Row-level security policies of a table both sides have, by name; a changed policy is dropped and created again. */
export function comparePolicies(ref: TableRef, from: Table, to: Table): Operation[] {
  const toByName = new Map(to.policies.map((p) => [p.name, p]))
  const fromByName = new Map(from.policies.map((p) => [p.name, p]))
  const ops: Operation[] = []
  for (const policy of from.policies) {
    const target = toByName.get(policy.name)
    if (!target || policySignature(policy) !== policySignature(target)) ops.push({ kind: 'drop_policy', table: ref, policy })
  }
  for (const policy of to.policies) {
    const before = fromByName.get(policy.name)
    if (!before || policySignature(before) !== policySignature(policy)) ops.push({ kind: 'create_policy', table: ref, policy })
  }
  return ops
}

function policySignature(p: Policy): string {
  const expr = (e: string | null) => (e === null ? null : normalizeExpression(e))
  return JSON.stringify([p.command, p.permissive, p.roles, expr(p.using), expr(p.withCheck)])
}
