import pg from 'pg';
import type { HistoryRow, HistoryState } from './types.js';
/** Where applied migrations are recorded: config.historySchema / config.historyTable. */
export interface HistoryTable {
    readonly schema: string;
    readonly table: string;
}
/** The table's name as SQL text, always quoted. */
export declare function historySql(ref: HistoryTable): string;
/** True when the history table exists (status and dry runs read it without creating it). */
export declare function historyExists(client: pg.ClientBase, ref: HistoryTable): Promise<boolean>;
/** Creates the schema (only when missing: CREATE SCHEMA needs a privilege even with IF NOT EXISTS) and the table. */
export declare function ensureHistory(client: pg.ClientBase, ref: HistoryTable): Promise<void>;
/** The history table's DDL. */
export declare function createHistorySql(ref: HistoryTable): string;
/** Every recorded migration, oldest name first; empty when the table does not exist yet. */
export declare function readHistory(client: pg.ClientBase, ref: HistoryTable): Promise<HistoryRow[]>;
/** Records a migration as `state`, replacing any row of the same name. */
export declare function writeRow(client: pg.ClientBase, ref: HistoryTable, row: HistoryWrite): Promise<void>;
interface HistoryWrite {
    readonly name: string;
    readonly checksum: string;
    readonly state: HistoryState;
    /** `transaction`: the time since the transaction began, as the server counts it (the row goes in the migration's own). */
    readonly durationMs: number | null | 'transaction';
}
/** writeRow's statement with its values inlined, so that it can go in one query with the COMMIT after it. */
export declare function writeRowSql(ref: HistoryTable, row: HistoryWrite): string;
/** Marks a row `running`/`reverting` before a migration without a transaction starts, clearing an old error. */
export declare function setState(client: pg.ClientBase, ref: HistoryTable, name: string, state: HistoryState): Promise<void>;
/** Keeps Postgres' message on the row of a migration without a transaction that failed. */
export declare function recordError(client: pg.ClientBase, ref: HistoryTable, name: string, error: string): Promise<void>;
/** Forgets a migration (reverted, or resolved as rolled back); false when it was not recorded. */
export declare function deleteRow(client: pg.ClientBase, ref: HistoryTable, name: string): Promise<boolean>;
/** deleteRow's statement with the name inlined. */
export declare function deleteRowSql(ref: HistoryTable, name: string): string;
export {};
