/** Every failure a user can act on. `code` is stable for machines; the message is one line for people. */
export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
    options?: ErrorOptions,
  ) {
    super(message, options)
    this.name = new.target.name
  }
}

/** A setting (input, flag, environment variable or .env entry) is missing or malformed. */
export class ConfigError extends AppError {
  constructor(readonly setting: string, message: string, options?: ErrorOptions) {
    super('config', message, { setting }, options)
  }
}

/** Postgres could not be reached, started or prepared. */
export class ProvisionError extends AppError {
  constructor(message: string, options?: ErrorOptions) {
    super('provision', message, {}, options)
  }
}

/** A migration file or the migration history is not in a state the runner can act on. */
export class HistoryError extends AppError {
  constructor(code: string, message: string, readonly file?: string, options?: ErrorOptions) {
    super(code, message, { file }, options)
  }
}

/** A requested revision does not name exactly one migration, or cannot be reached. */
export class RevisionError extends AppError {
  constructor(message: string, readonly candidates: string[] = []) {
    super('revision', message, { candidates })
  }
}

/** Where a run that failed stopped: what it applied (or reverted) before the failure, and where the database stands. */
export interface MigrationProgress {
  readonly done: readonly string[]
  readonly current: string | null
  readonly pending: readonly string[]
}

/** A migration failed while running; `file` and `line` point at it for annotations. */
export class MigrationError extends AppError {
  /** Set by the runner when it could read the history after the failure. */
  progress?: MigrationProgress

  constructor(
    message: string,
    readonly migration: { name: string; file: string; direction: 'up' | 'down'; line?: number; statement?: string },
    options?: ErrorOptions,
  ) {
    super('migration', message, { migration }, options)
  }
}

/** The models module could not be loaded or describes an impossible schema. */
export class ModelError extends AppError {
  constructor(message: string, readonly file?: string, options?: ErrorOptions) {
    super('models', message, { file }, options)
  }
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
