// Bundles the action, the CLI, the library and the TypeScript loader into dist/, then writes the library's types.
import { build } from 'esbuild'
import { execFileSync } from 'node:child_process'
import { copyFileSync, readFileSync, rmSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
rmSync(`${root}dist`, { recursive: true, force: true })

const common = {
  absWorkingDir: root,
  outdir: 'dist',
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  legalComments: 'none',
  external: ['pg-native'],
  banner: {
    js: "import { createRequire as __dbMigrateCreateRequire } from 'node:module'; const require = __dbMigrateCreateRequire(import.meta.url); import { fileURLToPath as __dbMigrateFileURLToPath } from 'node:url'; const __dbMigrateDir = __dbMigrateFileURLToPath(new URL('./', import.meta.url));",
  },
  logLevel: 'warning',
  plugins: [
    {
      // libpg-query's Emscripten glue finds its .wasm through __dirname, which an ES module bundle does not have:
      // point it at dist/, where the .wasm is copied below.
      name: 'pg-query-wasm-beside-bundle',
      setup(b) {
        b.onLoad({ filter: /[\\/]libpg-query[\\/]wasm[\\/]libpg-query\.js$/ }, (args) => ({
          contents: readFileSync(args.path, 'utf8').replace('scriptDirectory=__dirname+"/"', 'scriptDirectory=__dbMigrateDir'),
          loader: 'js',
        }))
      },
    },
    {
      // pg probes for Cloudflare Workers by constructing a fetch Response, which on Node 20 loads the whole
      // fetch implementation (tens of milliseconds at every start); db-migrate only ever runs on Node.
      name: 'pg-on-node',
      setup(b) {
        b.onLoad({ filter: /[\\/]pg[\\/]lib[\\/]stream\.js$/ }, (args) => ({
          contents: readFileSync(args.path, 'utf8').replace("typeof Response === 'function'", 'false'),
          loader: 'js',
        }))
      },
    },
    {
      // pg reaches for Web Crypto when it loads, which sets up Node's whole webcrypto at every start; only a
      // password exchange (SCRAM) needs it, so it is looked up on first use
      name: 'pg-webcrypto-on-use',
      setup(b) {
        b.onLoad({ filter: /[\\/]pg[\\/]lib[\\/]crypto[\\/]utils\.js$/ }, (args) => {
          const text = readFileSync(args.path, 'utf8')
          const eager = ['const webCrypto = nodeCrypto.webcrypto || globalThis.crypto', 'const subtleCrypto = webCrypto.subtle']
          if (!eager.every((line) => text.includes(line))) return undefined // another pg: leave it as it is
          const web = () => '(nodeCrypto.webcrypto || globalThis.crypto)'
          return {
            contents: text
              .replace(eager[0], `const webCrypto = { getRandomValues: (array) => ${web()}.getRandomValues(array) }`)
              .replace(eager[1], `const subtleCrypto = new Proxy({}, { get: (_, key) => { const subtle = ${web()}.subtle; return subtle[key].bind(subtle) } })`),
            loader: 'js',
          }
        })
      },
    },
    {
      name: 'without-oidc-client',
      setup(b) {
        b.onResolve({ filter: /^@actions\/http-client(\/lib\/auth)?$/ }, () => ({ path: `${root}scripts/http-client-stub.mjs` }))
      },
    },
  ],
}

// The CLI and the action each with its own chunks: each command's modules (imported when the command runs) and
// the code they share, so a process loads only what its command needs, in as few files as that allows. Chunks sit
// beside the entries, not below, so paths from import.meta.url hold; a chunk both builds make is the same file.
for (const [name, entry] of [['cli', 'src/cli/index.ts'], ['index', 'src/action/index.ts']]) {
  await build({ ...common, entryPoints: { [name]: entry }, splitting: true, chunkNames: 'chunk-[hash]' })
}
// the post step, the library the models import and the TypeScript loader's hooks: one file each
await build({ ...common, entryPoints: { post: 'src/action/post.ts', lib: 'src/index.ts', 'loader-hooks': 'src/loader/hooks.ts' } })

copyFileSync(`${root}node_modules/libpg-query/wasm/libpg-query.wasm`, `${root}dist/libpg-query.wasm`)

execFileSync(process.execPath, [`${root}node_modules/typescript/bin/tsc`, '-p', `${root}tsconfig.types.json`], { stdio: 'inherit' })
