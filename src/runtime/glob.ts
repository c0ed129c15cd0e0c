/** A file-name glob (`*`, `?`, `{a,b}`) as a RegExp matched against the whole name. */
export function globToRegExp(glob: string): RegExp {
  let out = ''
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!
    if (c === '*') out += glob[i + 1] === '*' ? (i++, '.*') : '[^/]*'
    else if (c === '?') out += '[^/]'
    else if (c === '{') out += '(?:'
    else if (c === '}') out += ')'
    else if (c === ',' && out.includes('(?:')) out += '|'
    else out += c.replace(/[.+^$()|[\]\\]/g, '\\$&')
  }
  return new RegExp(`^${out}$`)
}

const compiled = new Map<string, RegExp>()

export function matchesAny(name: string, globs: readonly string[]): boolean {
  return globs.some((g) => {
    let re = compiled.get(g)
    if (!re) compiled.set(g, (re = globToRegExp(g)))
    return re.test(name)
  })
}
