// Constraint and index names as PostgreSQL chooses them when a statement names none, so models that leave names out
// match migrations written the same way.
const maxLength = 63

/** `<table>_<addition>_<label>`, each part clipped as PostgreSQL clips it to fit 63 bytes. */
export function defaultName(table: string, addition: string | null, label: string): string {
  const overhead = label.length + 1 + (addition === null ? 0 : 1)
  let tableChars = table.length
  let additionChars = addition?.length ?? 0
  while (tableChars + additionChars > maxLength - overhead) {
    if (tableChars > additionChars) tableChars--
    else additionChars--
  }
  return [table.slice(0, tableChars), addition === null ? null : addition.slice(0, additionChars), label].filter((p) => p !== null).join('_')
}

/** Column names joined by `_`, as PostgreSQL's name addition for multi-column constraints and indexes. */
export function columnsAddition(names: readonly string[]): string {
  return names.join('_').slice(0, maxLength)
}

/** A name not yet in `taken`, by appending 1, 2, ... as PostgreSQL does; the result is added to `taken`. */
export function uniqueName(name: string, taken: Set<string>): string {
  let candidate = name
  for (let n = 1; taken.has(candidate); n++) {
    const suffix = String(n)
    candidate = name.length + suffix.length > maxLength ? name.slice(0, maxLength - suffix.length) + suffix : name + suffix
  }
  taken.add(candidate)
  return candidate
}

export function byteLength(name: string): number {
  return Buffer.byteLength(name, 'utf8')
}
