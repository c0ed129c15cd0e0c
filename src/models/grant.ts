// Privileges: `export const appReads = grant('SELECT').on(post).to('app')`, exported like tables.
import type { AnyColumn } from './column.js'
import { entity, entityKind } from './entity.js'
import type { AnyTable } from './table.js'

export type GrantObject =
  | { readonly on: 'table'; readonly table: AnyTable }
  | { readonly on: 'column'; readonly column: AnyColumn }
  | { readonly on: 'sequence' | 'routine'; readonly schema: string; readonly name: string }
  | { readonly on: 'schema'; readonly schema: string }

export interface GrantState {
  readonly privileges: readonly string[]
  readonly object: GrantObject | null
  readonly roles: readonly string[]
  readonly grantable: boolean
}

export class GrantBuilder {
  readonly [entity] = 'grant' as const
  constructor(readonly state: GrantState) {}

  /** A table, or one of its columns: `.on(post)`, `.on(post.columns.title)`. */
  on(target: AnyTable | AnyColumn): GrantBuilder {
    const object: GrantObject = entityKind(target) === 'column' ? { on: 'column', column: target as AnyColumn } : { on: 'table', table: target as AnyTable }
    return new GrantBuilder({ ...this.state, object })
  }

  /** A sequence by name, `[schema.]name`. */
  onSequence(name: string): GrantBuilder {
    return new GrantBuilder({ ...this.state, object: { on: 'sequence', ...split(name) } })
  }

  /** A function or procedure with its argument types: `onRoutine('add(integer, integer)')`. */
  onRoutine(signature: string): GrantBuilder {
    return new GrantBuilder({ ...this.state, object: { on: 'routine', ...split(signature) } })
  }

  onSchema(schema: string): GrantBuilder {
    return new GrantBuilder({ ...this.state, object: { on: 'schema', schema } })
  }

  /** Roles, or `PUBLIC`. */
  to(...roles: string[]): GrantBuilder {
    return new GrantBuilder({ ...this.state, roles })
  }

  withGrantOption(): GrantBuilder {
    return new GrantBuilder({ ...this.state, grantable: true })
  }
}

/** `GRANT privileges ON ... TO roles`: `SELECT`, `INSERT`, `UPDATE`, `DELETE`, `USAGE`, `EXECUTE`, `ALL`, ... */
export const grant = (...privileges: string[]): GrantBuilder => new GrantBuilder({ privileges, object: null, roles: [], grantable: false })

function split(name: string): { schema: string; name: string } {
  const dot = /^([a-z_][a-z0-9_$]*)\.(.+)$/i.exec(name)
  return dot ? { schema: dot[1]!, name: dot[2]! } : { schema: 'public', name }
}
