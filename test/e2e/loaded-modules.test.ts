// A process loads what its command needs: `upgrade` on a given database reads no comparison, introspection,
// rendering, lint or provisioning code. Each dist/ file the process opened is read back for the source files it
// was bundled from (the bundle names each one in a `// path` line), so a static import of compare into the upgrade
// path, or a bundle that no longer splits per command, fails here.
import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, describe, it } from 'node:test'
import { fileURLToPath } from 'node:url'
import { scratchDatabase, testServers } from '../helpers/postgres.js'
import { copyFixture } from '../helpers/project.js'
import { runAction, runCli } from '../helpers/runner.js'

const servers = await testServers()
const embedded = servers[0]
const recorder = fileURLToPath(new URL('../helpers/record-loads.mjs', import.meta.url))

/** What a command must not load when it is given a database. */
const notForUpgrade = [
  /^src\/compare\//, /^src\/introspect\//, /^src\/provision\//, /^src\/models\//, /^src\/ops\//, /^src\/schema\//,
  /^src\/render\/(?!ident\.ts$)/, /^src\/lint\/(lint|parse)\.ts$/, /^src\/commands\/(check|lint|reversible|autogenerate)\.ts$/,
  /node_modules\/libpg-query\//, /node_modules\/dotenv\//,
]

/** The source files bundled into the dist/ files a process loaded, from the run's record of module URLs. */
function loadedSources(record: string): string[] {
  const files = readFileSync(record, 'utf8').split('\n').filter((u) => u.startsWith('file:') && u.includes('/dist/')).map((u) => fileURLToPath(u))
  const sources = new Set<string>()
  for (const file of new Set(files)) {
    for (const [, path] of readFileSync(file, 'utf8').matchAll(/^\/\/ ((?:\.\.\/)*(?:src|node_modules|[\w.-]+\/node_modules)\/\S+)$/gm)) {
      sources.add(path!.replace(/^(?:\.\.\/)*(?:[\w.-]+\/)*?(?=src\/|node_modules\/)/, ''))
    }
  }
  return [...sources].sort()
}

function recording(): { file: string; env: NodeJS.ProcessEnv } {
  const dir = mkdtempSync(join(tmpdir(), 'db-migrate-loads-'))
  after(() => rmSync(dir, { recursive: true, force: true }))
  const file = join(dir, 'loaded')
  writeFileSync(file, '')
  return { file, env: { RECORD_LOADS: file, NODE_OPTIONS: `--import=${recorder}` } }
}

const forbidden = (sources: readonly string[]) => sources.filter((s) => notForUpgrade.some((r) => r.test(s)))

describe('what a process loads', () => {
  for (const server of servers) {
    it(`the CLI's upgrade on a given database (${server.label}) loads the runtime and pg, and none of compare, introspect, render, lint, provision`, async () => {
      const project = copyFixture('e2e-blog')
      const db = await scratchDatabase(server, 'loads')
      after(() => db.drop())
      const { file, env } = recording()
      const up = await runCli(['upgrade', '--database-url', db.url], { cwd: project, env })
      assert.equal(up.code, 0, up.stderr)
      assert.match(up.stdout, /Applied 2 migrations/)
      const sources = loadedSources(file)
      // the record reads the bundle as it is: the runtime and pg were seen, so an empty list cannot pass
      assert.ok(sources.includes('src/runtime/migrate.ts') && sources.some((s) => s.startsWith('node_modules/pg/')), sources.join('\n'))
      assert.deepEqual(forbidden(sources), [])
    })
  }

  it('the action\'s upgrade on a given database loads none of them either', async () => {
    const project = copyFixture('e2e-blog')
    const db = await scratchDatabase(embedded!, 'loads')
    after(() => db.drop())
    const { file, env } = recording()
    const up = await runAction({ cwd: project, inputs: { command: 'upgrade', 'database-url': db.url }, env })
    assert.equal(up.code, 0, up.stdout + up.stderr)
    const sources = loadedSources(file)
    assert.ok(sources.includes('src/runtime/migrate.ts'), sources.join('\n'))
    assert.deepEqual(forbidden(sources), [])
  })

  it('the record does see those modules where a command needs them: a dry run lints, check compares', async () => {
    const project = copyFixture('e2e-blog')
    const db = await scratchDatabase(embedded!, 'loads')
    after(() => db.drop())
    const dry = recording()
    const plan = await runCli(['upgrade', '--dry-run', '--database-url', db.url], { cwd: project, env: dry.env })
    assert.equal(plan.code, 0, plan.stderr)
    assert.ok(loadedSources(dry.file).includes('src/lint/parse.ts'))
    const checked = recording()
    const check = await runCli(['check', '--shadow-database-url', embedded!.url, '--models', 'src/models.ts'], { cwd: project, env: checked.env })
    assert.equal(check.code, 0, check.stdout + check.stderr)
    const sources = loadedSources(checked.file)
    assert.ok(['src/compare/compare.ts', 'src/introspect/introspect.ts'].every((s) => sources.includes(s)), sources.join('\n'))
  })
})
