/** What to do about a Postgres error whose own message names no setting, appended to that message. */
export function advice(error: unknown): string {
  const { code, message } = (error ?? {}) as { code?: string; message?: string }
  if (code === '55P03' && /lock timeout/i.test(message ?? '')) {
    return ' (the lock-timeout was reached: another session holds a lock this migration needs; retry when it is done, or raise --lock-timeout)'
  }
  if (code === '57014' && /statement timeout/i.test(message ?? '')) {
    return ' (the statement-timeout was reached: raise --statement-timeout for this migration, or make it faster)'
  }
  return ''
}
