import type { Operation } from '../ops/operation.js'
import type { Schema } from '../schema/schema.js'

/** Extensions created, dropped, or at another version or schema; an extension's name is unique in a database. */
export function compareExtensions(from: Schema, to: Schema, ignoreVersions: boolean): Operation[] {
  const ops: Operation[] = []
  const toByName = new Map(to.extensions.map((e) => [e.name, e]))
  const fromNames = new Set(from.extensions.map((e) => e.name))
  for (const e of to.extensions) if (!fromNames.has(e.name)) ops.push({ kind: 'create_extension', extension: e })
  for (const e of from.extensions) {
    const target = toByName.get(e.name)
    if (!target) ops.push({ kind: 'drop_extension', extension: e })
    else if (e.schema !== target.schema || (!ignoreVersions && e.version !== target.version)) {
      ops.push({ kind: 'alter_extension', from: e, to: ignoreVersions ? { ...target, version: e.version } : target })
    }
  }
  return ops
}
