import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** How a child process ended and what it cost. */
export interface ProcessRun {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
  /** Start to exit, as the parent saw it. */
  readonly wallMs: number
  /** Peak resident set of the child in MB (GNU time), or null where that tool is missing. */
  readonly maxRssMb: number | null
  /** User + system CPU time of the child in ms (GNU time, 10 ms steps), or null where that tool is missing. */
  readonly cpuMs: number | null
}

const gnuTime = '/usr/bin/time'

/** Runs a command to its exit, measuring wall time and (through GNU time when present) its peak memory. */
export function runProcess(command: string, args: readonly string[], options: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs?: number }): Promise<ProcessRun> {
  const scratch = mkdtempSync(join(tmpdir(), 'db-migrate-bench-time-'))
  const rssFile = join(scratch, 'rss')
  const measured = existsSync(gnuTime)
  const [file, argv] = measured ? [gnuTime, ['-f', '%M %U %S', '-o', rssFile, command, ...args]] : [command, [...args]]
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const child = spawn(file, argv, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 300_000)
    child.on('error', (error) => {
      clearTimeout(timer)
      rmSync(scratch, { recursive: true, force: true })
      reject(error)
    })
    child.on('close', (code) => {
      const wallMs = performance.now() - started
      clearTimeout(timer)
      let maxRssMb: number | null = null
      let cpuMs: number | null = null
      if (measured) {
        const [kb, user, system] = (readFileSync(rssFile, 'utf8').trim().split('\n').pop() ?? '').split(' ').map(Number)
        if (Number.isFinite(kb)) maxRssMb = kb! / 1024
        if (Number.isFinite(user) && Number.isFinite(system)) cpuMs = (user! + system!) * 1000
      }
      rmSync(scratch, { recursive: true, force: true })
      resolve({ code, stdout, stderr, wallMs, maxRssMb, cpuMs })
    })
  })
}

/** Environment for a tool under test: no variable that could point it at another database. */
export function toolEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const [k, v] of Object.entries(process.env)) {
    if (/^(DATABASE_URL|SHADOW_DATABASE_URL|DB_[A-Z_]+|PG[A-Z]+|INPUT_.*|GITHUB_.*)$/.test(k) && !/^DB_MIGRATE_(CACHE|TMPDIR|PG_SOURCE|PG_BIN)$/.test(k)) continue
    env[k] = v
  }
  return { ...env, ...extra }
}
