export declare const entity: unique symbol;
export type EntityKind = 'sql' | 'column' | 'table' | 'enum' | 'relation' | 'index' | 'unique' | 'primary_key' | 'foreign_key' | 'check' | 'exclusion' | 'schema' | 'object' | 'raw_sql' | 'policy' | 'grant' | 'extension' | 'sequence' | 'domain' | 'composite' | 'collation';
/** The kind of a model object, or undefined for anything else. */
export declare function entityKind(value: unknown): EntityKind | undefined;
export declare function isEntity<K extends EntityKind>(value: unknown, kind: K): boolean;
