import type { Extension } from '../schema/types.js'
import { ident, quoteLiteral } from './ident.js'

export function createExtension(e: Extension): string {
  // no version: the models left it to the server
  return `CREATE EXTENSION ${ident(e.name)}${e.schema === 'public' ? '' : ` SCHEMA ${ident(e.schema)}`}${e.version ? ` VERSION ${quoteLiteral(e.version)}` : ''}`
}

/** A new version through the extension's update scripts (PostgreSQL refuses when it has none), then a new schema. */
export function alterExtension(from: Extension, to: Extension): string[] {
  return [
    ...(from.version !== to.version ? [`ALTER EXTENSION ${ident(to.name)} UPDATE TO ${quoteLiteral(to.version)}`] : []),
    ...(from.schema !== to.schema ? [`ALTER EXTENSION ${ident(to.name)} SET SCHEMA ${ident(to.schema)}`] : []),
  ]
}
