import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

/** The bundles the action and the CLI run from. */
export interface Bundle {
  readonly dir: string
  readonly cli: string
  readonly action: string
  /** Whether the benchmark found dist/ or built it (when missing, or asked to with --rebuild). */
  readonly origin: 'dist' | 'built by the benchmark'
  /** Size in bytes of each entry (.js file), and of the chunks they share and import, together. */
  readonly sizes: Record<string, number>
}

/** dist/ as it is; built first with the project's own build (npm run build) when it is missing or `rebuild` is set. */
export function findBundle(root: string, rebuild: boolean): Bundle {
  const dir = join(root, 'dist')
  const present = existsSync(join(dir, 'cli.js')) && existsSync(join(dir, 'index.js'))
  if (rebuild || !present) execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] })
  const files = readdirSync(dir).filter((f) => f.endsWith('.js')).sort()
  const chunks = files.filter((f) => f.startsWith('chunk-'))
  const sizes: Record<string, number> = Object.fromEntries(files.filter((f) => !chunks.includes(f)).map((f) => [f, statSync(join(dir, f)).size]))
  if (chunks.length) sizes[`chunk-*.js (${chunks.length} files)`] = chunks.reduce((sum, f) => sum + statSync(join(dir, f)).size, 0)
  return { dir, cli: join(dir, 'cli.js'), action: join(dir, 'index.js'), origin: rebuild || !present ? 'built by the benchmark' : 'dist', sizes }
}
