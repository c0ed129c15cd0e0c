// Reads the definition objects with two catalog queries, whatever their number.
import { keyOfObject, type SchemaObject } from '../schema/objects.js'
import { dependenciesByObject, dependenciesQuery } from './dependencies.js'
import { functionsSelect, toFunction } from './functions.js'
import type { Queryable } from './introspect.js'
import { eventTriggersSelect, toEventTrigger, toTrigger, triggersSelect } from './triggers.js'
import { toView, toViewIndex, viewIndexesSelect, viewsSelect } from './views.js'

/** Every kind in one query. Parameters as the table queries': $1 schemas to read, $2 tables to leave out.
 *  Columns: kind, schema, name, on, definition, shape, enabled, comment, and an event trigger's function. */
export const objectsQuery = `${[functionsSelect, viewsSelect, viewIndexesSelect, triggersSelect, eventTriggersSelect].join('\nUNION ALL')}
ORDER BY 1, 2, 4, 3`

const fromRow: Record<string, (row: any) => SchemaObject> = {
  function: toFunction,
  procedure: toFunction,
  view: toView,
  materialized_view: toView,
  view_index: toViewIndex,
  trigger: toTrigger,
  event_trigger: toEventTrigger,
}

/** Views, materialized views and their indexes, functions, procedures, triggers and event triggers, each with what it depends on. */
export async function readObjects(client: Queryable, params: readonly unknown[]): Promise<SchemaObject[]> {
  const objects = (await client.query(objectsQuery, [...params])).rows.map((row) => fromRow[row.kind]!(row))
  const depends = dependenciesByObject((await client.query(dependenciesQuery, params.slice(0, 1))).rows)
  return objects.map((o) => {
    const found = depends.get(keyOfObject(o))
    return found ? { ...o, dependsOn: [...o.dependsOn, ...found.filter((k) => !o.dependsOn.includes(k))] } : o
  })
}
