// Declared objects → SchemaObjects. Their dependencies are guessed from the names they mention, only to create them
// in a working order in the scratch database; what check compares is read back from there.
import { keyOfObject, objectKey, objectName, type SchemaObject } from '../schema/objects.js'
import type { Models } from './to-schema.js'

export function buildObjects(models: Models, problems: string[]): SchemaObject[] {
  const objects: SchemaObject[] = []
  const seen = new Set<string>()
  for (const declaration of models.objects ?? []) {
    if (declaration.problem) problems.push(declaration.problem)
    for (const o of declaration.objects) {
      const key = keyOfObject(o)
      if (seen.has(key)) problems.push(`${objectName(o)} is declared twice: declare it once`)
      seen.add(key)
      objects.push(o)
    }
  }
  const relations = [
    ...models.tables.map((t) => ({ schema: t.schema, name: t.name, key: objectKey('table', t.schema, t.name) })),
    ...objects.filter((o) => o.kind === 'view' || o.kind === 'materialized_view').map((o) => ({ schema: o.schema, name: o.name, key: keyOfObject(o) })),
  ]
  const routines = objects.filter((o) => o.kind === 'function' || o.kind === 'procedure')
  return objects.map((o) => {
    const text = mentionedIn(o)
    if (text === null) return o
    const found = [
      ...relations.filter((r) => r.key !== keyOfObject(o) && mentions(text, r.name)).map((r) => r.key),
      ...(o.kind === 'view' || o.kind === 'materialized_view' ? routines.filter((r) => mentions(text, r.name, '\\s*\\(')).map(keyOfObject) : []),
    ]
    return found.length ? { ...o, dependsOn: [...new Set([...o.dependsOn, ...found])] } : o
  })
}

/** The text whose names an object needs before it is created: a view's query, a function's signature (or its
 *  BEGIN ATOMIC body, which PostgreSQL resolves at once). */
function mentionedIn(o: SchemaObject): string | null {
  if (o.kind === 'view' || o.kind === 'materialized_view') return o.definition.replace(/^[\s\S]*?\bAS\b/i, '')
  if (o.kind === 'function' || o.kind === 'procedure') {
    if (/\bBEGIN\s+ATOMIC\b/i.test(o.definition)) return o.definition
    return o.definition.split(/\bAS\b|\$/i)[0]!.replace(/^[^(]*\(/, '(')
  }
  return null
}

function mentions(text: string, name: string, after = ''): boolean {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  return new RegExp(`(^|[^\\w$])"?${escaped}"?(?![\\w$])${after}`, 'i').test(text)
}
