import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { build } from 'esbuild'

/** The bundles the action and the CLI run from. */
export interface Bundle {
  readonly dir: string
  readonly cli: string
  readonly action: string
  /** `dist/` as committed, or a private build of the working tree made by the benchmark. */
  readonly origin: 'dist' | 'private build'
  /** Size in bytes of each top-level .js file. */
  readonly sizes: Record<string, number>
}

/**
 * dist/ when it holds both entry points; otherwise (or with `rebuild`) a private bundle of the working tree in `tmp`,
 * built with the options of scripts/build.mjs so that dist/, which the release process owns, is left alone.
 */
export async function findBundle(root: string, tmp: string, rebuild: boolean): Promise<Bundle> {
  const dist = join(root, 'dist')
  if (!rebuild && existsSync(join(dist, 'cli.js')) && existsSync(join(dist, 'index.js'))) return describe(dist, 'dist')
  const out = join(tmp, 'dist')
  const entryPoints: Record<string, string> = {
    index: 'src/action/index.ts',
    cli: 'src/cli/index.ts',
    lib: 'src/index.ts',
    'loader-hooks': 'src/loader/hooks.ts',
  }
  if (existsSync(join(root, 'src/action/post.ts'))) entryPoints.post = 'src/action/post.ts'
  await build({
    absWorkingDir: root,
    entryPoints,
    outdir: out,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    legalComments: 'none',
    external: ['pg-native'],
    banner: { js: "import { createRequire as __dbMigrateCreateRequire } from 'node:module'; const require = __dbMigrateCreateRequire(import.meta.url);" },
    logLevel: 'warning',
  })
  return describe(out, 'private build')
}

function describe(dir: string, origin: Bundle['origin']): Bundle {
  const sizes = Object.fromEntries(readdirSync(dir).filter((f) => f.endsWith('.js')).sort().map((f) => [f, statSync(join(dir, f)).size]))
  return { dir, cli: join(dir, 'cli.js'), action: join(dir, 'index.js'), origin, sizes }
}
