// Triggers, constraint triggers included (not the internal ones behind foreign keys), and event triggers.
import { objectKey, type Enabled, type SchemaObject } from '../schema/objects.js'
import { schemaFilter } from './queries.js'
import { notInExtension } from './views.js'

/** $2: tables to leave out. A partition's clone of its parent's trigger belongs to the parent. */
export const triggersSelect = `
SELECT 'trigger' AS kind, n.nspname AS schema, t.tgname AS name, c.relname AS on, pg_get_triggerdef(t.oid) AS definition,
       '{}'::text[] AS shape, t.tgenabled::text AS enabled, obj_description(t.oid, 'pg_trigger') AS comment,
       NULL::text AS function_schema, NULL::text AS function_name
FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE NOT t.tgisinternal AND ${schemaFilter}
  -- a clone depends on its parent's trigger with deptype 'P' (tgparentid only exists from PostgreSQL 13)
  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_trigger'::regclass AND d.objid = t.oid AND d.deptype = 'P')
  AND NOT $2::jsonb @> jsonb_build_array(jsonb_build_object('schema', n.nspname::text, 'name', c.relname::text))
  AND ${notInExtension('pg_class', 'c.oid')}`

/** Read when the schema of the trigger's function is. */
export const eventTriggersSelect = `
SELECT 'event_trigger' AS kind, '' AS schema, e.evtname AS name, '' AS on,
       format('CREATE EVENT TRIGGER %I ON %I%s EXECUTE FUNCTION %s()', e.evtname, e.evtevent,
              CASE WHEN e.evttags IS NULL THEN ''
                   ELSE format(' WHEN TAG IN (%s)', (SELECT string_agg(quote_literal(tag), ', ') FROM unnest(e.evttags) tag)) END,
              e.evtfoid::regproc) AS definition,
       '{}'::text[] AS shape, e.evtenabled::text AS enabled, obj_description(e.oid, 'pg_event_trigger') AS comment,
       n.nspname AS function_schema, p.proname AS function_name
FROM pg_event_trigger e JOIN pg_proc p ON p.oid = e.evtfoid JOIN pg_namespace n ON n.oid = p.pronamespace
WHERE ${schemaFilter} AND ${notInExtension('pg_event_trigger', 'e.oid')}`

const states: Record<string, Enabled> = { O: 'enabled', D: 'disabled', R: 'replica', A: 'always' }

export function toTrigger(row: any): SchemaObject {
  return {
    kind: 'trigger',
    schema: row.schema,
    name: row.name,
    on: row.on,
    definition: row.definition,
    shape: [],
    enabled: states[row.enabled] ?? 'enabled',
    comment: row.comment,
    dependsOn: [],
  }
}

export function toEventTrigger(row: any): SchemaObject {
  return {
    kind: 'event_trigger',
    schema: '',
    name: row.name,
    on: '',
    definition: row.definition,
    shape: [],
    enabled: states[row.enabled] ?? 'enabled',
    comment: row.comment,
    // an event trigger's function takes no arguments
    dependsOn: [objectKey('function', row.function_schema, row.function_name, '')],
  }
}
