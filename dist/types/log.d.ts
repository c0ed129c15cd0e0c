/** Where commands report progress; the CLI writes to stderr, the action to the runner's log. */
export interface Log {
    info(message: string): void;
    warn(message: string): void;
}
export declare const silentLog: Log;
