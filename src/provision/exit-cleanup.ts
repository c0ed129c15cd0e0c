import { existsSync, rmSync } from 'node:fs'
import { join } from 'node:path'

/** A server that must not outlive this process. */
interface Owned {
  readonly pid: number
  readonly dataDir: string
  readonly runDir: string
  /** Leave runDir in place (a cached cluster). */
  readonly keep?: boolean
}

const owned = new Set<Owned>()
let installed = false

/** Stops `server` (immediate shutdown) and removes its directory if this process exits or is interrupted first. */
export function stopOnExit(server: Owned, keep = false): () => void {
  const entry = { ...server, keep }
  owned.add(entry)
  if (!installed) {
    installed = true
    process.on('exit', stopAllNow)
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, onSignal)
  }
  return () => owned.delete(entry)
}

function onSignal(signal: NodeJS.Signals): void {
  stopAllNow()
  // we only wanted to clean up; if nobody else handles the signal, die of it as we would have without us
  if (process.listenerCount(signal) === 1) {
    process.removeListener(signal, onSignal)
    process.kill(process.pid, signal)
  }
}

/**
 * Synchronous, because an exit handler cannot wait: SIGQUIT makes the postmaster stop its children and exit at
 * once (nothing to keep, the directory goes), and it deletes postmaster.pid last, which is what we wait for.
 */
function stopAllNow(): void {
  const pending = [...owned]
  owned.clear()
  for (const server of pending) {
    try {
      process.kill(server.pid, 'SIGQUIT')
    } catch {
      // already gone
    }
  }
  const deadline = Date.now() + 5000
  const sleeper = new Int32Array(new SharedArrayBuffer(4))
  for (const server of pending) {
    while (existsSync(join(server.dataDir, 'postmaster.pid')) && Date.now() < deadline) Atomics.wait(sleeper, 0, 0, 5)
    if (!server.keep) rmSync(server.runDir, { recursive: true, force: true })
  }
}
