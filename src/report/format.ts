/** Small formatting helpers shared by the text and markdown reports. */
export function duration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '—'
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}

export function isoTime(date: Date | string): string {
  return (typeof date === 'string' ? new Date(date) : date).toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z')
}

/** A sentence of drift or of what a down leaves behind, with the names it mentions in code style, for Markdown. */
export function codeNames(sentence: string): string {
  return sentence
    .replace(/([|<>])/g, '\\$1')
    .replace(/\b(table|column|index|enum|schema|constraint|primary key|unique constraint) ([^\s:,;`]+)/g, (_, kind: string, name: string) => `${kind} \`${name}\``)
}

/** How check had the migrated schema: `Replayed 1 migration, on the cached snapshot of the first 999.` */
export function replayText(r: { readonly replayed: number; readonly fromCache: number; readonly modelsCached?: boolean }): string {
  const replayed = `Replayed ${plural(r.replayed, 'migration')}`
  const models = r.modelsCached ? ' The models: a cached build of the same models.' : ''
  return (r.fromCache > 0 ? `${replayed}, on the cached snapshot of the first ${r.fromCache}.` : `${replayed}, from an empty database.`) + models
}
