import { readFileSync, statSync, type Stats } from 'node:fs'
import { dirname, resolve } from 'node:path'

/** The unprivileged account the server runs as when we are root; postgres refuses to run as root. */
export interface ServerUser {
  readonly name: string
  readonly uid: number
  readonly gid: number
}

/** `postgres` from /etc/passwd, else `nobody`, when running as root; null otherwise (the server runs as us). */
export function serverUser(passwdFile = '/etc/passwd'): ServerUser | null {
  if (process.getuid?.() !== 0) return null
  let entries: ServerUser[] = []
  try {
    entries = readFileSync(passwdFile, 'utf8').split('\n').flatMap((line) => {
      const [name, , uid, gid] = line.split(':')
      return name && uid && gid ? [{ name, uid: Number(uid), gid: Number(gid) }] : []
    })
  } catch {
    // no passwd file: fall through to the conventional nobody ids
  }
  return entries.find((e) => e.name === 'postgres') ?? entries.find((e) => e.name === 'nobody') ?? { name: 'nobody', uid: 65534, gid: 65534 }
}

/**
 * Whether `user` can reach `path`: read it (and search it, if a directory) and search every ancestor directory.
 * A path that does not exist yet only needs its existing ancestors searchable (we create it for the user).
 * Only the primary group is considered, which is what the spawned server has.
 */
export function canReach(path: string, user: ServerUser | null): boolean {
  if (!user) return true
  let current = resolve(path)
  let self = true
  for (;;) {
    let stat: Stats | undefined
    try {
      stat = statSync(current)
    } catch {
      // not there yet: its parent decides
    }
    if (stat) {
      const bits = stat.uid === user.uid ? (stat.mode >> 6) & 7 : stat.gid === user.gid ? (stat.mode >> 3) & 7 : stat.mode & 7
      const needed = self ? (stat.isDirectory() ? 5 : 4) : 1
      if ((bits & needed) !== needed) return false
    }
    self = false
    const parent = dirname(current)
    if (parent === current) return true
    current = parent
  }
}
