import { RevisionError } from '../errors.js'
import { compareNames } from './files.js'
import type { MigrationFile } from './types.js'

/** What an upgrade or downgrade will do: the migrations in the order they run and where it ends. */
export interface Plan {
  readonly direction: 'up' | 'down'
  /** The revision the database is at when the plan is done; null for base. */
  readonly target: string | null
  /** Up: oldest first. Down: newest first. */
  readonly steps: readonly MigrationFile[]
}

/** The newest applied migration, or null when none is. */
export function currentRevision(applied: Iterable<string>): string | null {
  let current: string | null = null
  for (const name of applied) if (current === null || compareNames(name, current) > 0) current = name
  return current
}

/**
 * Plans an upgrade to `revision` (default head): `head`, a name or unique prefix, or `+N` steps past the current
 * revision. Anything that would go down, or past head, is refused before anything runs.
 */
export function planUpgrade(revision: string | undefined, files: readonly MigrationFile[], applied: ReadonlySet<string>): Plan {
  const spec = (revision ?? 'head').trim()
  const current = currentRevision(applied)
  const pending = files.filter((f) => !applied.has(f.name))
  let target: string | null
  if (spec === 'head') {
    target = files.at(-1)?.name ?? current
  } else if (spec === 'base') {
    if (current !== null) throw new RevisionError(`cannot upgrade to base: the database is at ${current}; use downgrade base to revert every migration`)
    target = null
  } else if (/^-\d+$/.test(spec)) {
    throw new RevisionError(`upgrade goes forward only: use downgrade ${spec} to revert migrations`)
  } else if (/^\+\d+$/.test(spec)) {
    const steps = Number(spec.slice(1))
    const index = current === null ? -1 : files.findIndex((f) => f.name === current)
    const after = files.slice(index + 1).map((f) => f.name)
    if (steps > after.length) {
      throw new RevisionError(`cannot upgrade ${spec}: only ${after.length} migration(s) come after ${current ?? 'base'}${after.length ? ` (${after.join(', ')})` : ''}; use head to apply them all`, after)
    }
    target = steps === 0 ? current : after[steps - 1]!
  } else {
    target = resolveName(spec, files)
    if (current !== null && compareNames(target, current) < 0) {
      throw new RevisionError(`${target} is below the current revision ${current}: use downgrade ${spec} to go back to it`)
    }
  }
  const steps = target === null ? [] : pending.filter((f) => compareNames(f.name, target) <= 0)
  return { direction: 'up', target, steps }
}

/**
 * Plans a downgrade to `revision`: `base`, a name or unique prefix (which stays applied, as in alembic), or `-N`
 * migrations back: the N applied last, which after an out-of-order upgrade are not the N newest names. Migrations
 * are reverted in the reverse of the order they were applied. Anything that would go up, or past base, is refused.
 */
export function planDowngrade(revision: string | undefined, files: readonly MigrationFile[], applied: readonly string[]): Plan {
  const spec = revision?.trim()
  if (!spec) throw new RevisionError('downgrade needs a revision: a migration name or prefix, -1 for one step, or base to revert everything')
  const byName = new Map(files.map((f) => [f.name, f]))
  // `applied` is in the order the migrations were applied; reverting goes the other way
  const stack = applied.map((name) => byName.get(name) ?? missingFile(name)).reverse()
  const current = currentRevision(applied)
  let steps: MigrationFile[]
  if (spec === 'base') {
    steps = stack
  } else if (/^\+\d+$/.test(spec)) {
    throw new RevisionError(`downgrade goes back only: use upgrade ${spec} to apply migrations`)
  } else if (/^-\d+$/.test(spec)) {
    const count = Number(spec.slice(1))
    if (count > stack.length) {
      throw new RevisionError(`cannot downgrade ${spec}: only ${stack.length} migration(s) are applied; use base to revert them all`, applied.slice().sort(compareNames))
    }
    steps = stack.slice(0, count)
  } else {
    const target = spec === 'head' ? files.at(-1)?.name ?? null : resolveName(spec, files)
    if (target !== null && (current === null || compareNames(target, current) > 0)) {
      throw new RevisionError(`${target} is above the current revision ${current ?? '(base)'}: use upgrade ${spec} to go forward to it`)
    }
    steps = stack.filter((f) => target === null || compareNames(f.name, target) > 0)
  }
  const reverted = new Set(steps.map((f) => f.name))
  return { direction: 'down', target: currentRevision(applied.filter((name) => !reverted.has(name))), steps }
}

/** A full migration name or a prefix matching exactly one; otherwise an error listing the candidates. */
export function resolveName(spec: string, files: readonly MigrationFile[]): string {
  const names = files.map((f) => f.name)
  if (names.includes(spec)) return spec
  const matches = names.filter((name) => name.startsWith(spec))
  if (matches.length === 1) return matches[0]!
  if (matches.length > 1) throw new RevisionError(`revision '${spec}' is ambiguous: it matches ${matches.join(', ')}; give more of the name`, matches)
  const known = names.length ? `known revisions: ${listed(names)}` : 'there are no migrations yet'
  throw new RevisionError(`unknown revision '${spec}': use head, base, +N, -N or a migration name or prefix (${known})`, names)
}

function listed(names: readonly string[]): string {
  return names.length > 12 ? `${names.slice(0, 6).join(', ')}, …, ${names.slice(-5).join(', ')}` : names.join(', ')
}

function missingFile(name: string): MigrationFile {
  return { name, kind: 'sql', path: '', downPath: null, checksum: '' }
}
