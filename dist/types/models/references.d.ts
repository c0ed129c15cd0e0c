import type * as S from '../schema/schema.js';
import type { AnyColumn } from './column.js';
import type { ForeignKeyState } from './constraints.js';
import type { ModelTables } from './model-tables.js';
import type { AnyTable } from './table.js';
/** The column a reference resolves to. */
export interface Target {
    readonly table: AnyTable;
    readonly column: string;
}
/** What `references()` points at, or null after recording why it points nowhere. */
export declare function resolveTarget(target: unknown, tables: ModelTables, where: string, problems: string[]): Target | null;
/** A Schema foreign key; actions default to PostgreSQL's `no action`. */
export declare function foreignKey(name: string, columns: string[], target: AnyTable, refColumns: string[], options: ForeignKeyState['options']): S.ForeignKey;
/** A table-level foreignKey().on(...).references(...), resolved; empty after recording a problem. */
export declare function tableForeignKey(fk: ForeignKeyState, t: AnyTable, label: string, tables: ModelTables, constraintNames: Set<string>, ownAll: (cols: readonly AnyColumn[], what: string) => string[] | null, problems: string[]): S.ForeignKey[];
