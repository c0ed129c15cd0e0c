import type pg from 'pg';
import type { Log } from '../log.js';
import { type HistoryTable } from './history.js';
import type { HistoryRow, MigrationFile } from './types.js';
/** Where Umzug recorded what it ran: SequelizeStorage's `SequelizeMeta(name)` unless the project configured another. */
export interface UmzugStorage {
    readonly schema: string;
    readonly table: string;
    readonly column: string;
}
/**
 * Records `steps` as applied without running them (stamp, and the Umzug import). Every name must have a file:
 * the caller resolved them from the files. `write: false` (a dry run) only reports.
 */
export declare function recordApplied(client: pg.ClientBase, ref: HistoryTable, steps: readonly MigrationFile[], write: boolean): Promise<void>;
/**
 * The migrations Umzug recorded as run, as our files, when our history is empty and Umzug's table exists; else null.
 * Umzug stores names with the extension (`20240101-create.js`); a name with no file here stops the run.
 * `history`: our history as the caller read it.
 */
export declare function umzugApplied(client: pg.ClientBase, storage: UmzugStorage, files: readonly MigrationFile[], history: readonly HistoryRow[]): Promise<MigrationFile[] | null>;
/**
 * Imports Umzug's history into ours (under the caller's lock) on the first run; returns what it recorded.
 * A dry run writes too, inside a transaction it rolls back, so its plan starts where the real run will.
 */
export declare function adoptUmzug(client: pg.ClientBase, ref: HistoryTable, storage: UmzugStorage, files: readonly MigrationFile[], log: Log, dryRun: boolean, history: readonly HistoryRow[]): Promise<MigrationFile[]>;
