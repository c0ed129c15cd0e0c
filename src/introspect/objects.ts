// Reads the definition objects with a fixed number of catalog queries, whatever their number.
import { keyOfObject, type SchemaObject } from '../schema/objects.js'
import { dependenciesByObject, dependenciesQuery } from './dependencies.js'
import { functionsQuery, toFunction } from './functions.js'
import type { Queryable } from './introspect.js'
import { eventTriggersQuery, toEventTrigger, toTrigger, triggersQuery } from './triggers.js'
import { toView, toViewIndex, viewIndexesQuery, viewsQuery } from './views.js'

/** Views, materialized views and their indexes, functions, procedures, triggers and event triggers, each with what it depends on. */
export async function readObjects(client: Queryable, params: readonly unknown[]): Promise<SchemaObject[]> {
  const schemas = params.slice(0, 1)
  const views = (await client.query(viewsQuery, schemas)).rows.map(toView)
  const viewIndexes = (await client.query(viewIndexesQuery, schemas)).rows.map(toViewIndex)
  const functions = (await client.query(functionsQuery, schemas)).rows.map(toFunction)
  const triggers = (await client.query(triggersQuery, [...params])).rows.map(toTrigger)
  const eventTriggers = (await client.query(eventTriggersQuery, schemas)).rows.map(toEventTrigger)
  const depends = dependenciesByObject((await client.query(dependenciesQuery, schemas)).rows)
  return [...functions, ...views, ...viewIndexes, ...triggers, ...eventTriggers].map((o) => {
    const found = depends.get(keyOfObject(o))
    return found ? { ...o, dependsOn: [...o.dependsOn, ...found.filter((k) => !o.dependsOn.includes(k))] } : o
  })
}
