// The lint as users meet it: dist/ run as a process from a project with no node_modules, in check, in
// upgrade --dry-run and in the action (outputs, annotations on file and line, job summary).
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, describe, it } from 'node:test'
import { scratchDatabase, testServers } from '../helpers/postgres.js'
import { copyFixture } from '../helpers/project.js'
import { root, runAction, spawnProcess, cleanEnv } from '../helpers/runner.js'

const server = (await testServers()).at(-1)!
const widen = 'migrations/20240402090000_widen_account.sql'

// dist/ alone, as the released action has it: the parser's WebAssembly must come from beside the bundle
const released = mkdtempSync(join(tmpdir(), 'db-migrate-lint-dist-'))
after(() => rmSync(released, { recursive: true, force: true }))
cpSync(join(root, 'dist'), join(released, 'dist'), { recursive: true })
cpSync(join(root, 'action.yml'), join(released, 'action.yml'))

const cli = (args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) =>
  spawnProcess(process.execPath, [join(released, 'dist', 'cli.js'), ...args], { cwd, env: cleanEnv(env) })

describe('lint', () => {
  it('check --all names each finding with its file, line, rule and fix, and fails on an error', async () => {
    const project = copyFixture('lint-chain')
    const r = await cli(['check', '--all', '--shadow-database-url', server.url], project)
    assert.equal(r.code, 1, r.stderr)
    assert.match(r.stdout, /^OK: the models match the 2 migrations\.$/m)
    assert.match(r.stdout, /^Lint: 1 error, 1 warning in 2 migrations \(PostgreSQL \d+\):$/m)
    assert.match(r.stdout, new RegExp(`^  ${widen}:5  error  column-type-change: changing the type of "account"\\."id" rewrites the table .*add a new column, backfill`, 'm'))
    assert.match(r.stdout, new RegExp(`^  ${widen}:7  warning  rename: `, 'm'))
    // allowed in the file, and the index on the table the first migration creates is exempt
    assert.doesNotMatch(r.stdout, /drop-column|create-index-concurrently|lock-timeout/)
  })

  it('a file saved with a byte order mark is linted as psql reads it, not refused as unparsable', async () => {
    const project = copyFixture('lint-chain')
    const path = join(project, widen)
    writeFileSync(path, `\uFEFF${readFileSync(path, 'utf8')}`)
    const r = await cli(['check', '--all', '--shadow-database-url', server.url], project)
    assert.equal(r.code, 1, r.stderr)
    assert.match(r.stdout, new RegExp(`^  ${widen}:5  error  column-type-change: `, 'm'))
    assert.doesNotMatch(r.stdout, /syntax|parse/i)
  })

  it('warnings alone do not fail; a project turns rules off; an unknown rule is one line and exit 2', async () => {
    const project = copyFixture('lint-chain')
    const warned = await cli(['check', '--all', '--shadow-database-url', server.url, '--lint-disable', 'column-type-change'], project)
    assert.equal(warned.code, 0, warned.stdout + warned.stderr)
    assert.match(warned.stdout, /Lint: 0 errors, 1 warning/)
    const none = await cli(['check', '--all', '--shadow-database-url', server.url], project, { DB_MIGRATE_LINT_DISABLE: 'column-type-change,rename' })
    assert.equal(none.code, 0)
    assert.equal(none.stdout, 'OK: the models match the 2 migrations.\n')
    const bad = await cli(['check', '--lint-disable', 'no-such-rule', '--shadow-database-url', server.url], project)
    assert.equal(bad.code, 2)
    assert.match(bad.stderr, /^db-migrate: --lint-disable: 'no-such-rule' is not a lint rule: use one of column-type-change, .*\n$/)
  })

  it('check lints only what the branch adds to its base branch', async () => {
    const project = copyFixture('lint-chain')
    const git = (...args: string[]) => execFileSync('git', args, { cwd: project, stdio: 'pipe', env: { ...cleanEnv(), GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' } })
    git('init', '-q', '-b', 'main')
    // the base branch already has a migration that would trip the lint: old news, not this pull request's
    writeFileSync(join(project, 'migrations', '20240401120000_old_index.sql'), 'CREATE INDEX account_nick_idx ON account (nickname);\nDROP INDEX account_nick_idx;\n')
    git('add', 'migrations/20240401090000_create_account.sql', 'migrations/20240401090000_create_account.down.sql', 'migrations/20240401120000_old_index.sql')
    git('commit', '-qm', 'base')
    git('checkout', '-qb', 'feature')
    git('add', '.')
    git('commit', '-qm', 'feature')
    const r = await cli(['check', '--shadow-database-url', server.url], project, { GITHUB_BASE_REF: 'main' })
    assert.match(r.stdout, /Lint: 1 error, 1 warning in 1 migration /)
    assert.doesNotMatch(r.stdout, /old_index/)
    const all = await cli(['check', '--all', '--shadow-database-url', server.url], project, { GITHUB_BASE_REF: 'main' })
    assert.match(all.stdout, /20240401120000_old_index\.sql:1  error  create-index-concurrently/)
  })

  it('upgrade --dry-run lints what it would apply, against the server it would apply it to', async () => {
    const project = copyFixture('lint-chain')
    const db = await scratchDatabase(server, 'lint')
    after(() => db.drop())
    const first = await cli(['upgrade', '+1', '--database-url', db.url], project)
    assert.equal(first.code, 0, first.stderr)
    const dry = await cli(['upgrade', '--dry-run', '--database-url', db.url], project)
    assert.equal(dry.code, 1, dry.stderr)
    assert.match(dry.stdout, /Dry run: would apply 1 migration:\n {2}20240402090000_widen_account\n/)
    assert.match(dry.stdout, /Lint: 1 error, 1 warning in 1 migration/)
    // and the statements it would send, bookkeeping included
    assert.match(dry.stdout, /The SQL it would send:\n\n-- db-migrate upgrade: 1 migration\(s\)\n[\s\S]*^BEGIN;\n-- db-migrate: allow drop-column\n[\s\S]*ALTER COLUMN id TYPE bigint;[\s\S]*^INSERT INTO "public"\."db_migrate_history"[\s\S]*^COMMIT;$/m)
  })

  it('the action counts errors and warnings in outputs, annotates file and line, and writes the summary', async () => {
    const project = copyFixture('lint-chain')
    const run = await runAction({ actionDir: released, cwd: project, inputs: { command: 'check', all: 'true', 'shadow-database-url': server.url } })
    assert.equal(run.code, 1, run.stdout + run.stderr)
    assert.equal(run.outputs['lint-errors'], '1')
    assert.equal(run.outputs['lint-warnings'], '1')
    assert.match(run.stdout, new RegExp(`^::error title=db-migrate column-type-change,file=${widen},line=5::changing the type`, 'm'))
    assert.match(run.stdout, new RegExp(`^::warning title=db-migrate rename,file=${widen},line=7::renaming`, 'm'))
    assert.match(run.stdout, /^::error::the lint found 1 error\(s\) in the migrations/m)
    assert.match(run.summary, /Lint: 1 error, 1 warning in 2 migrations/)
    assert.match(run.summary, /\| error \| `column-type-change` \| `migrations\/20240402090000_widen_account\.sql:5` \|/)
  })
})
