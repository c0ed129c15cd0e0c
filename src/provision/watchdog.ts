import { spawn } from 'node:child_process'
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const ownerFile = 'owner.pid'
const runDirPrefix = 'db-migrate-pg-'

/** Marks a run directory as this process's: a server in it must not outlive us (a detached server's has no owner). */
export function claimRunDir(runDir: string): void {
  writeFileSync(join(runDir, ownerFile), String(process.pid))
}

// $1 our pid, $2 the postmaster's, $3 the run directory, $4 "keep" to leave it in place (a cached cluster). While both live, wait; if the server stopped first, its
// owner cleans up; otherwise the owner died without its exit hook (SIGKILL): stop the server at once, remove the files.
const script = `while kill -0 "$1" 2>/dev/null && kill -0 "$2" 2>/dev/null; do sleep 1; done
kill -0 "$1" 2>/dev/null && exit 0
kill -QUIT "$2" 2>/dev/null
i=0; while [ -e "$3/data/postmaster.pid" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i+1)); done
[ "$4" = keep ] || rm -rf "$3"`

/**
 * A server must not outlive the process that started it, even one killed with SIGKILL, when no exit hook runs: a
 * small shell, in a process group of its own (so the signal that kills us spares it), watches us and the server.
 */
export function watchOwner(serverPid: number, runDir: string, keep = false): void {
  if (process.platform === 'win32') return
  try {
    spawn('/bin/sh', ['-c', script, 'db-migrate-watchdog', String(process.pid), String(serverPid), runDir, keep ? 'keep' : ''], { detached: true, stdio: 'ignore' }).unref()
  } catch {
    // without a shell the exit hook, and the next run's removeLeftovers, still clean up
  }
}

/** What a killed run left in `parent`: its server stopped, its directory removed. Directories of live owners stay. */
export function removeLeftovers(parent: string): void {
  let entries: string[]
  try {
    entries = readdirSync(parent).filter((name) => name.startsWith(runDirPrefix))
  } catch {
    return
  }
  for (const name of entries) {
    const dir = join(parent, name)
    const owner = readPid(join(dir, ownerFile))
    if (owner === null || alive(owner)) continue
    const server = readPid(join(dir, 'data', 'postmaster.pid'))
    if (server !== null && alive(server) && isPostgres(server)) {
      try {
        process.kill(server, 'SIGQUIT')
      } catch {
        // gone meanwhile
      }
    }
    rmSync(dir, { recursive: true, force: true })
  }
}

export function readPid(file: string): number | null {
  try {
    const pid = Number(readFileSync(file, 'utf8').split('\n')[0])
    return Number.isInteger(pid) && pid > 0 ? pid : null
  } catch {
    return null
  }
}

export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** A reused pid is not ours to signal: where /proc tells, only a postgres process is. */
export function isPostgres(pid: number): boolean {
  try {
    return /postgres/.test(readFileSync(`/proc/${pid}/cmdline`, 'utf8'))
  } catch {
    return process.platform !== 'linux'
  }
}
