/** What to do about a Postgres error whose own message names no setting, appended to that message. */
export function advice(error: unknown): string {
  const { code, message } = (error ?? {}) as { code?: string; message?: string }
  if (code === '55P03' && /lock timeout/i.test(message ?? '')) {
    return ' (the lock-timeout was reached: another session holds a lock this migration needs; retry when it is done, or raise --lock-timeout)'
  }
  if (code === '57014' && /statement timeout/i.test(message ?? '')) {
    return ' (the statement-timeout was reached: raise --statement-timeout for this migration, or make it faster)'
  }
  if (code === '25P03') {
    return ' (idle_in_transaction_session_timeout, set from --statement-timeout: the migration\'s transaction sat idle that long, waiting on something outside it, such as a second connection of its own that its locks block; nothing of it was committed)'
  }
  if (code === '57P01' || code === '57P02' || code === '57P03' || /connection terminated|not queryable|ECONNRESET/i.test(message ?? '')) {
    return ' (the connection to the database was lost while the migration ran: check the server, then run the command again)'
  }
  return ''
}
