import type { Enabled, SchemaObject } from '../schema/objects.js';
import { entity } from './entity.js';
import { type SqlExpression } from './sql.js';
/** One declared object (a materialized view brings its indexes along); export it to include it. */
export interface ObjectDeclaration {
    readonly [entity]: 'object';
    readonly objects: readonly SchemaObject[];
    /** What is wrong with the declaration, for the models' problems; null when it is sound. */
    readonly problem: string | null;
}
/** SQL that runs before the models' tables, for what the model language cannot say (extensions, domains, ...). */
export interface RawSqlDeclaration {
    readonly [entity]: 'raw_sql';
    readonly sql: string;
}
/** SQL text, or sql`...` in which tables, views and columns stand for their names. */
export type ObjectBody = string | SqlExpression;
export interface ViewOptions {
    /** Schema of the view; `public` when unset. */
    readonly schema?: string;
    readonly comment?: string;
    /** View options as CREATE VIEW ... WITH (...) takes them, e.g. `security_barrier` or `check_option=local`. */
    readonly with?: string;
}
export interface MaterializedViewOptions extends Omit<ViewOptions, 'with'> {
    /** Its indexes, each as its CREATE INDEX statement. */
    readonly indexes?: readonly ObjectBody[];
}
export interface RoutineOptions {
    readonly comment?: string;
}
export interface TriggerOptions {
    readonly comment?: string;
    /** false (or 'disabled'): created disabled; 'replica' / 'always': fires in replica sessions / always. */
    readonly enabled?: boolean | Enabled;
}
/** `view('active_user', sql\`SELECT * FROM ${user} WHERE active\`)`: CREATE VIEW active_user AS ... */
export declare function view(name: string, body: ObjectBody, options?: ViewOptions): ObjectDeclaration;
/** `materializedView('totals', sql\`SELECT ...\`, { indexes: ['CREATE UNIQUE INDEX totals_day ON totals (day)'] })`. */
export declare function materializedView(name: string, body: ObjectBody, options?: MaterializedViewOptions): ObjectDeclaration;
/** `sqlFunction(\`CREATE FUNCTION add(a int, b int) RETURNS int LANGUAGE sql AS 'SELECT a + b'\`)`; procedures too. */
export declare function sqlFunction(definition: ObjectBody, options?: RoutineOptions): ObjectDeclaration;
/** A procedure: `sqlProcedure(\`CREATE PROCEDURE archive() LANGUAGE sql AS $$ ... $$\`)`. */
export declare const sqlProcedure: typeof sqlFunction;
/** `trigger(\`CREATE TRIGGER stamp BEFORE UPDATE ON post FOR EACH ROW EXECUTE FUNCTION stamp()\`)`; constraint triggers too. */
export declare function trigger(definition: ObjectBody, options?: TriggerOptions): ObjectDeclaration;
/** `eventTrigger(\`CREATE EVENT TRIGGER no_drops ON sql_drop EXECUTE FUNCTION refuse_drop()\`)`. */
export declare function eventTrigger(definition: ObjectBody, options?: TriggerOptions): ObjectDeclaration;
/** SQL the models run before their tables: rawSql`CREATE EXTENSION IF NOT EXISTS citext`. */
export declare function rawSql(text: TemplateStringsArray | ObjectBody, ...values: unknown[]): RawSqlDeclaration;
