export type ObjectKind = 'function' | 'procedure' | 'view' | 'materialized_view' | 'view_index' | 'trigger' | 'event_trigger';
/** A trigger's or event trigger's firing state: ALTER ... ENABLE / DISABLE / ENABLE REPLICA / ENABLE ALWAYS. */
export type Enabled = 'enabled' | 'disabled' | 'replica' | 'always';
export interface SchemaObject {
    readonly kind: ObjectKind;
    /** Its schema; a trigger's is its table's, an event trigger's is ''. */
    readonly schema: string;
    readonly name: string;
    /** The rest of its identity: a function's argument types (`a integer, b text`), the table (or view) a trigger or
     *  index is on; '' otherwise. */
    readonly on: string;
    /** The statement that creates it as PostgreSQL prints it (pg_get_functiondef, pg_get_triggerdef, pg_get_indexdef,
     *  `CREATE VIEW name AS` + pg_get_viewdef); in models, the SQL as written, until the scratch database reads it back. */
    readonly definition: string;
    /** What CREATE OR REPLACE must keep: a view's columns (`name type`), a function's arguments and result. */
    readonly shape: readonly string[];
    /** Triggers and event triggers; null for other kinds. */
    readonly enabled: Enabled | null;
    readonly comment: string | null;
    /** objectKey()s of the tables, columns and objects it depends on. */
    readonly dependsOn: readonly string[];
}
/** The key of an object, or of a table (`'table'`) or column (`'column'`, on = table) it may depend on. */
export declare function objectKey(kind: ObjectKind | 'table' | 'column', schema: string, name: string, on?: string): string;
export declare function keyOfObject(o: SchemaObject): string;
/** The kind named in a key made by objectKey(). */
export declare function kindOfKey(key: string): string;
/** Whether view `to` has `from`'s columns and maybe more after them. */
export declare function addsColumns(from: SchemaObject, to: SchemaObject): boolean;
/** How messages name each kind. */
export declare const objectNoun: Record<ObjectKind, string>;
/** "view reporting.totals", "function add(a integer, b integer)", "trigger stamp on post". */
export declare function objectName(o: Pick<SchemaObject, 'kind' | 'schema' | 'name' | 'on'>): string;
