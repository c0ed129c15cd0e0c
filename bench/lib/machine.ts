import { execFileSync } from 'node:child_process'
import { cpus, loadavg, release, totalmem } from 'node:os'

/** What the figures were measured on. */
export interface Machine {
  readonly cpu: string
  readonly cores: number
  readonly memoryGb: number
  readonly os: string
  readonly node: string
  readonly node24: string | null
  readonly givenServer: string
  readonly embeddedServer: string | null
  /** 1-minute load average when the run began and when it ended: how busy the shared machine was. */
  readonly load: readonly [number, number]
}

/** The 1-minute load average now. */
export function loadNow(): number {
  return loadavg()[0] ?? 0
}

/** CPU, cores, memory, OS and the Node and PostgreSQL versions of this run. */
export function machineFacts(node24: string | null, givenServer: string, embeddedServer: string | null, loadAtStart: number): Machine {
  let node24Version: string | null = null
  if (node24) {
    try {
      node24Version = execFileSync(node24, ['--version'], { encoding: 'utf8' }).trim()
    } catch {
      node24Version = null
    }
  }
  return {
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: cpus().length,
    memoryGb: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    os: `${process.platform} ${release()}`,
    node: process.version,
    node24: node24Version,
    givenServer,
    embeddedServer,
    load: [loadAtStart, loadNow()],
  }
}
