import type { ParsedStatement } from './parse.js';
export type Severity = 'error' | 'warning';
/** What a rule reports: the statement's line, and a message that says what happens and what to write instead. */
export interface Finding {
    readonly rule: string;
    readonly severity: Severity;
    readonly line: number;
    readonly message: string;
}
/** What the rules know about the migration and the server around one statement. */
export interface RuleContext {
    /** Major version of the server the migrations run on. */
    readonly serverMajor: number;
    /** The migration runs in a transaction (no `-- db-migrate: no-transaction`). */
    readonly inTransaction: boolean;
    /** Tables created earlier in this same migration: they hold no rows and nobody uses them yet. */
    readonly created: ReadonlySet<string>;
    /** A lock_timeout is in force: set earlier in the file, or by the run's lock-timeout setting. */
    readonly lockTimeout: boolean;
    /** `table.column` pairs with a validated `CHECK (column IS NOT NULL)`, earlier in the chain. */
    readonly notNullChecks: ReadonlySet<string>;
}
export interface Rule {
    readonly name: string;
    readonly severity: Severity;
    /** One line for the docs and `--help`. */
    readonly summary: string;
    /** The messages for one statement; empty when it is fine. */
    readonly check: (statement: ParsedStatement, context: RuleContext) => string[];
}
type Node = Record<string, any>;
export declare function tableName(relation: Node | undefined): string;
/** Statements that take a lock that blocks reads or writes of a table already in use. */
export declare function takesBlockingLock(s: ParsedStatement, c: RuleContext): boolean;
/** The rules, in the order their findings are listed. */
export declare const rules: readonly Rule[];
export declare const ruleNames: readonly string[];
/** An ALTER TABLE … ALTER COLUMN … SET NOT NULL: the statement whose finding a validated NOT NULL check can spare. */
export declare function setsNotNull(s: ParsedStatement): boolean;
/** What a statement adds to the context of the statements after it. */
export declare function observe(s: ParsedStatement, created: Set<string>, notNullChecks: Set<string>, pendingChecks: Map<string, string>): {
    lockTimeout?: boolean;
};
export {};
