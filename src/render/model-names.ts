// How SQL names and text become TypeScript source in a models file: variable and property names, string and
// template literals.

const reserved = new Set(
  ('break case catch class const continue debugger default delete do else enum export extends false finally for function ' +
    'if import in instanceof let new null return super switch this throw true try typeof var void while with yield await ' +
    'implements interface package private protected public static arguments eval undefined NaN Infinity').split(' '),
)

/** `user_id` → `userId`; a name already in camelCase or in another style is kept. */
export function camelCase(name: string): string {
  if (!/^[a-z][a-z0-9]*(?:_[a-z0-9]+)+$/.test(name)) return name
  return name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase())
}

/** A JavaScript name for any SQL name: `Order Items` → `orderItems`, `2fa` → `_2fa`; a valid one as camelCase(). */
export function identifierFor(name: string): string {
  if (isIdentifierName(name)) return camelCase(name)
  const words = name.split(/[^A-Za-z0-9$]+/).filter(Boolean)
  const joined = words.map((w, i) => (i === 0 ? w.charAt(0).toLowerCase() + w.slice(1) : w.charAt(0).toUpperCase() + w.slice(1))).join('') || '_'
  return /^[0-9]/.test(joined) ? `_${joined}` : joined
}

export function isIdentifierName(name: string): boolean {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name)
}

/** A variable name for a table or enum, not taken by `taken` (the file's imports and earlier declarations). */
export function variableName(candidates: readonly string[], suffix: string, taken: Set<string>): string {
  const valid = candidates.map(identifierFor)
  const free = (name: string) => !reserved.has(name) && !taken.has(name)
  let name = valid.find(free) ?? [valid[0]!, `${valid[0]}${suffix}`].find(free)
  for (let n = 2; !name; n++) if (free(`${valid[0]}${suffix}${n}`)) name = `${valid[0]}${suffix}${n}`
  taken.add(name)
  return name
}

/** A key of an object literal. */
export function propertyKey(name: string): string {
  if (name === '__proto__') return `['__proto__']`
  return isIdentifierName(name) ? name : stringLiteral(name)
}

/** Access to a property: `t.userId`, `t['my col']`. */
export function propertyAccess(object: string, name: string): string {
  return isIdentifierName(name) && name !== '__proto__' ? `${object}.${name}` : `${object}[${stringLiteral(name)}]`
}

export function stringLiteral(text: string): string {
  const escaped = text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r')
    .replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029')
  return `'${escaped}'`
}

/** sql`...` holding `text` exactly: backslashes, backticks and `${` escaped. */
export function sqlLiteral(text: string): string {
  return `sql\`${text.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${')}\``
}
