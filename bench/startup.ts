// Start-to-ready times of the embedded server: cold (empty cache: initdb) and cached (copy of the template
// cluster), per binaries source, median of a few runs; then what a scratch database costs per template.
// Run: node --import tsx bench/startup.ts [runs]
import { chmodSync, mkdtempSync, rmSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { startEmbedded } from '../src/provision/embedded.js'
import type { BinarySource } from '../src/provision/binaries.js'
import { cacheRoot, ensureDir } from '../src/provision/cache.js'
import { serverUser } from '../src/provision/server-user.js'

const runs = Number(process.argv[2] ?? 5)
const sources: BinarySource[] = ['installed', 'package']
const rows: string[][] = []

async function timedStart(source: BinarySource): Promise<number> {
  const started = performance.now()
  const server = await startEmbedded({ source })
  const elapsed = performance.now() - started
  await server.stop()
  return elapsed
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!
const ms = (value: number) => `${value.toFixed(0)} ms`

for (const source of sources) {
  const cold: number[] = []
  const cached: number[] = []
  for (let i = 0; i < runs; i++) {
    const cache = mkdtempSync(join(ensureDir(cacheRoot(serverUser())), 'bench-'))
    chmodSync(cache, 0o755)
    process.env.DB_MIGRATE_CACHE = cache
    try {
      cold.push(await timedStart(source))
      cached.push(await timedStart(source))
    } finally {
      delete process.env.DB_MIGRATE_CACHE
      rmSync(cache, { recursive: true, force: true })
    }
  }
  rows.push([source, ms(median(cold)), ms(median(cached)), ms(Math.max(...cached))])
}

console.log(`\nstart to ready, ${runs} runs each (load average ${loadavg()[0]!.toFixed(2)}, ${cpus().length} cores)`)
console.log(['source', 'cold (initdb) median', 'cached median', 'cached max'].join(' | '))
for (const row of rows) console.log(row.join(' | '))

// CREATE DATABASE from each template, as the check command does twice per run
const server = await startEmbedded()
const client = new pg.Client(server.url)
await client.connect()
console.log(`\nCREATE DATABASE on PostgreSQL ${server.version}, ${runs * 2} runs each`)
console.log('template | median')
const variants: [string, string][] = [
  ['template1', 'TEMPLATE template1'],
  ['template0', 'TEMPLATE template0'],
  ...(Number(server.version.split('.')[0]) >= 15 ? [['template1, FILE_COPY', 'TEMPLATE template1 STRATEGY FILE_COPY'] as [string, string]] : []),
]
for (const [label, clause] of variants) {
  const times: number[] = []
  for (let i = 0; i < runs * 2; i++) {
    const started = performance.now()
    await client.query(`CREATE DATABASE bench_${i} ${clause}`)
    times.push(performance.now() - started)
    await client.query(`DROP DATABASE bench_${i}`)
  }
  console.log(`${label} | ${ms(median(times))}`)
}
await client.end()
await server.stop()
