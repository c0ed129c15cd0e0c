// Each rule against a migration that trips it and one that does not, read by PostgreSQL's own parser. No database.
import assert from 'node:assert/strict'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, describe, test } from 'node:test'
import { lintMigrations, type LintInput } from '../../src/lint/lint.js'
import { parseCacheIn, parserVersion } from '../../src/lint/parse-cache.js'
import { ruleNames } from '../../src/lint/rules.js'

const existing: LintInput = { name: '0001_base', file: 'migrations/0001_base.sql', inTransaction: true, sql: 'CREATE TABLE account (id int PRIMARY KEY, name text, email text);' }

async function rulesOf(sql: string, options: { serverMajor?: number; inTransaction?: boolean; lockTimeout?: boolean; before?: LintInput[] } = {}) {
  const result = await lintMigrations(
    [{ name: '0002_change', file: 'migrations/0002_change.sql', sql, inTransaction: options.inTransaction ?? true }],
    { serverMajor: options.serverMajor ?? 17, disabled: new Set(), lockTimeout: options.lockTimeout ?? true },
    options.before ?? [existing],
  )
  return result.findings.map((f) => f.rule)
}

const cases: { rule: string; trips: string; passes: string; serverMajor?: number; inTransaction?: boolean }[] = [
  { rule: 'column-type-change', trips: 'ALTER TABLE account ALTER COLUMN id TYPE bigint;', passes: 'CREATE TABLE t (id int); ALTER TABLE t ALTER COLUMN id TYPE bigint;' },
  { rule: 'set-not-null', trips: 'ALTER TABLE account ALTER COLUMN name SET NOT NULL;', passes: "ALTER TABLE account ADD CONSTRAINT name_nn CHECK (name IS NOT NULL) NOT VALID;\nALTER TABLE account VALIDATE CONSTRAINT name_nn;\nALTER TABLE account ALTER COLUMN name SET NOT NULL;" },
  { rule: 'volatile-default', trips: 'ALTER TABLE account ADD COLUMN token uuid DEFAULT gen_random_uuid();', passes: 'ALTER TABLE account ADD COLUMN created timestamptz DEFAULT now();' },
  { rule: 'default-rewrite', trips: "ALTER TABLE account ADD COLUMN plan text DEFAULT 'free';", passes: 'ALTER TABLE account ADD COLUMN plan text;', serverMajor: 10 },
  { rule: 'not-null-without-default', trips: 'ALTER TABLE account ADD COLUMN plan text NOT NULL;', passes: "ALTER TABLE account ADD COLUMN plan text NOT NULL DEFAULT 'free';" },
  { rule: 'create-index-concurrently', trips: 'CREATE INDEX account_email ON account (email);', passes: 'CREATE INDEX CONCURRENTLY account_email ON account (email);' },
  { rule: 'drop-index-concurrently', trips: 'DROP INDEX account_email;', passes: 'DROP INDEX CONCURRENTLY account_email;' },
  { rule: 'constraint-not-valid', trips: 'ALTER TABLE account ADD CONSTRAINT positive CHECK (id > 0);', passes: 'ALTER TABLE account ADD CONSTRAINT positive CHECK (id > 0) NOT VALID;' },
  { rule: 'constraint-not-valid', trips: 'CREATE TABLE post (id int, account_id int); ALTER TABLE account ADD CONSTRAINT self FOREIGN KEY (id) REFERENCES post (id);', passes: 'CREATE TABLE post (id int, account_id int); ALTER TABLE post ADD CONSTRAINT owner FOREIGN KEY (account_id) REFERENCES account (id);' },
  { rule: 'add-unique-or-primary-key', trips: 'ALTER TABLE account ADD CONSTRAINT email_key UNIQUE (email);', passes: 'ALTER TABLE account ADD CONSTRAINT email_key UNIQUE USING INDEX account_email;' },
  { rule: 'rename', trips: 'ALTER TABLE account RENAME COLUMN name TO full_name;', passes: 'CREATE TABLE t (a int); ALTER TABLE t RENAME COLUMN a TO b;' },
  { rule: 'rename', trips: 'ALTER TABLE account RENAME TO member;', passes: 'CREATE TABLE t (a int); ALTER TABLE t RENAME TO u;' },
  { rule: 'drop-table', trips: 'DROP TABLE account;', passes: 'CREATE TABLE scratch (a int); DROP TABLE scratch;' },
  { rule: 'drop-column', trips: 'ALTER TABLE account DROP COLUMN email;', passes: 'ALTER TABLE account ADD COLUMN nickname text;' },
  { rule: 'truncate', trips: 'TRUNCATE account;', passes: 'DELETE FROM account WHERE id = 1;' },
  { rule: 'enum-value-in-transaction', trips: "ALTER TYPE mood ADD VALUE 'happy';", passes: "ALTER TYPE mood ADD VALUE 'happy';", serverMajor: 11 },
  { rule: 'blocking-maintenance', trips: 'VACUUM FULL account;', passes: 'VACUUM account;' },
  { rule: 'blocking-maintenance', trips: 'REINDEX TABLE account;', passes: 'REINDEX TABLE CONCURRENTLY account;' },
]

describe('lint rules', () => {
  for (const c of cases) {
    test(`${c.rule}: trips on ${c.trips}`, async () => {
      assert.ok((await rulesOf(c.trips, { serverMajor: c.serverMajor })).includes(c.rule))
    })
    test(`${c.rule}: passes ${c.passes}`, async () => {
      // enum-value-in-transaction passes the same statement outside a transaction
      const inTransaction = c.rule === 'enum-value-in-transaction' ? false : undefined
      assert.ok(!(await rulesOf(c.passes, { serverMajor: c.serverMajor, inTransaction })).includes(c.rule))
    })
  }

  test('every rule has a trip case', () => {
    assert.deepEqual(ruleNames.filter((r) => r !== 'lock-timeout' && !cases.some((c) => c.rule === r)), [])
  })

  test('volatile-default: a serial column fills every row', async () => {
    assert.ok((await rulesOf('ALTER TABLE account ADD COLUMN n bigserial;')).includes('volatile-default'))
  })

  test('set-not-null: PostgreSQL 11 cannot use the validated check', async () => {
    const sql = 'ALTER TABLE account ADD CONSTRAINT nn CHECK (name IS NOT NULL);\nALTER TABLE account ALTER COLUMN name SET NOT NULL;'
    assert.ok(!(await rulesOf(sql, { serverMajor: 17 })).includes('set-not-null'))
    assert.ok((await rulesOf(sql, { serverMajor: 11 })).includes('set-not-null'))
  })

  test('set-not-null: a NOT VALID check that is never validated does not count', async () => {
    const sql = 'ALTER TABLE account ADD CONSTRAINT nn CHECK (name IS NOT NULL) NOT VALID;\nALTER TABLE account ALTER COLUMN name SET NOT NULL;'
    assert.ok((await rulesOf(sql)).includes('set-not-null'))
  })

  test('default-rewrite: a constant default is free from PostgreSQL 11', async () => {
    assert.ok(!(await rulesOf("ALTER TABLE account ADD COLUMN plan text DEFAULT 'free';", { serverMajor: 11 })).includes('default-rewrite'))
  })

  test('enum-value-in-transaction: fine in a transaction from PostgreSQL 12', async () => {
    assert.ok(!(await rulesOf("ALTER TYPE mood ADD VALUE 'happy';", { serverMajor: 12 })).includes('enum-value-in-transaction'))
  })

  test('lock-timeout: a risky statement with no lock_timeout before it', async () => {
    assert.ok((await rulesOf('ALTER TABLE account ADD COLUMN plan text;', { lockTimeout: false })).includes('lock-timeout'))
    assert.ok(!(await rulesOf("SET lock_timeout = '5s';\nALTER TABLE account ADD COLUMN plan text;", { lockTimeout: false })).includes('lock-timeout'))
    assert.ok((await rulesOf("SET lock_timeout = 0;\nALTER TABLE account ADD COLUMN plan text;", { lockTimeout: false })).includes('lock-timeout'))
    assert.ok(!(await rulesOf('CREATE TABLE t (a int); CREATE INDEX ON t (a);', { lockTimeout: false })).includes('lock-timeout'))
  })

  test('a finding names its file, line, severity and fix', async () => {
    const result = await lintMigrations([{ name: '0002_change', file: 'migrations/0002_change.sql', inTransaction: true, sql: '-- widen the key\nSELECT 1;\n\nALTER TABLE account\n  ALTER COLUMN id TYPE bigint;\n' }],
      { serverMajor: 17, disabled: new Set(), lockTimeout: true }, [existing])
    assert.equal(result.errors, 1)
    assert.equal(result.warnings, 0)
    const [f] = result.findings
    assert.equal(f!.file, 'migrations/0002_change.sql')
    assert.equal(f!.line, 4)
    assert.equal(f!.severity, 'error')
    assert.match(f!.message, /"account"\."id".*add a new column, backfill/)
  })

  test('a file allows a rule; a project disables one', async () => {
    const sql = '-- db-migrate: allow drop-column, rename\nALTER TABLE account DROP COLUMN email;\nALTER TABLE account RENAME COLUMN name TO n;\nDROP TABLE account;'
    assert.deepEqual(await rulesOf(sql), ['drop-table'])
    const result = await lintMigrations([{ name: 'x', file: 'x.sql', inTransaction: true, sql }], { serverMajor: 17, disabled: new Set(['drop-table']), lockTimeout: true }, [existing])
    assert.deepEqual(result.findings, [])
  })

  test('a file PostgreSQL cannot parse is an error at its line', async () => {
    const result = await lintMigrations([{ name: 'x', file: 'x.sql', inTransaction: true, sql: 'SELECT 1;\nALTER TABLE account ADD COLUMN;' }], { serverMajor: 17, disabled: new Set(), lockTimeout: true })
    assert.equal(result.findings[0]!.rule, 'syntax')
    assert.equal(result.findings[0]!.line, 2)
  })

  test('module migrations are named as not linted', async () => {
    const result = await lintMigrations([{ name: '0003_module', file: 'migrations/0003_module.ts', inTransaction: true, sql: null }], { serverMajor: 17, disabled: new Set(), lockTimeout: true })
    assert.deepEqual(result.skipped, ['0003_module'])
  })

  test('a validated CHECK (… IS NOT NULL) in an earlier migration, in any spelling, lets SET NOT NULL pass', async () => {
    const m = (name: string, sql: string): LintInput => ({ name, file: `migrations/${name}.sql`, inTransaction: true, sql })
    const before = [
      m('0001', 'CREATE TABLE account (id int PRIMARY KEY, name text, email text, nick text, CONSTRAINT nick_nn check (nick notnull));'),
      m('0002', 'create index account_email on account (email);'),
      m('0003', "ALTER TABLE account ADD CONSTRAINT id_check CHECK (id > 0); -- validated; name's check is not yet\nALTER TABLE account ADD CONSTRAINT name_nn CHECK (name IS NOT NULL) NOT VALID -- next: VALIDATE\n;\nCOMMENT ON TABLE account IS 'a; b';"),
      m('0004', 'ALTER TABLE account\n  Validate Constraint name_nn;'),
      m('0005', 'ALTER TABLE account ADD CONSTRAINT email_nn CHECK (email IS NOT NULL) NOT VALID;'),
    ]
    const lint = (sql: string) => lintMigrations([m('0006', sql)], { serverMajor: 17, disabled: new Set(), lockTimeout: true }, before)
    const findings = async (sql: string) => (await lint(sql)).findings.map((f) => [f.rule, f.message.split(' ').slice(0, 5).join(' ')])
    assert.deepEqual(await findings('ALTER TABLE account ALTER COLUMN name SET NOT NULL, ALTER COLUMN nick SET NOT NULL;'), [])
    assert.deepEqual(await findings('ALTER TABLE account ALTER COLUMN email SET NOT NULL;'), [['set-not-null', 'SET NOT NULL on "account"."email"']])
  })
})

test('lock-timeout: one finding per file, at the first risky statement', async () => {
  const result = await lintMigrations([{ name: 'x', file: 'x.sql', inTransaction: true, sql: 'ALTER TABLE account ADD COLUMN a text;\nALTER TABLE account ADD COLUMN b text;' }],
    { serverMajor: 17, disabled: new Set(), lockTimeout: false }, [existing])
  assert.deepEqual(result.findings.map((f) => [f.rule, f.line]), [['lock-timeout', 1]])
})

test('a file that allows a rule that does not exist is told so, at that line', async () => {
  const result = await lintMigrations([{ name: 'x', file: 'x.sql', inTransaction: true, sql: 'SELECT 1;\n-- db-migrate: allow drop-colum\nALTER TABLE account DROP COLUMN email;' }],
    { serverMajor: 17, disabled: new Set(), lockTimeout: true }, [existing])
  assert.deepEqual(result.findings.map((f) => [f.rule, f.severity, f.line]), [['allow', 'warning', 2], ['drop-column', 'error', 3]])
  assert.match(result.findings[0]!.message, /'drop-colum', which is not a lint rule: use one of column-type-change/)
})

test('a module migration: the literal SQL its up sends is linted at its lines; its down is not', async () => {
  const { moduleUpSql } = await import('../../src/lint/module-sql.js')
  const source = [
    "import type { MigrationContext } from 'db-migrate-action'",
    '',
    'export async function up({ client }: MigrationContext) {',
    "  await client.query('CREATE TABLE tag (id int)')",
    '  await client.query(`',
    '    ALTER TABLE account',
    '      ALTER COLUMN id TYPE bigint`)',
    '  // db-migrate: allow rename',
    "  await client.query('ALTER TABLE account RENAME TO member')",
    '  await client.query(`SELECT ${1}`)',
    '}',
    'export async function down({ client }: MigrationContext) {',
    "  await client.query('DROP TABLE tag')",
    '}',
  ].join('\n')
  const sql = moduleUpSql(source)
  const result = await lintMigrations([{ name: 'm', file: 'm.ts', inTransaction: true, sql }], { serverMajor: 17, disabled: new Set(), lockTimeout: true }, [existing])
  assert.deepEqual(result.findings.map((f) => [f.rule, f.line]), [['column-type-change', 6]])
  assert.equal(moduleUpSql('export async function up() {}\n'), null)
})

test('kept parses give the same findings, and a text parsed once is not parsed again', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'db-migrate-parsed-'))
  after(() => rmSync(dir, { recursive: true, force: true }))
  const parsed = parseCacheIn(dir)
  const target: LintInput = { name: '0002', file: 'migrations/0002.sql', inTransaction: true, sql: 'SELECT 1;\nALTER TABLE account ALTER COLUMN id TYPE bigint;\nALTER TABLE account ALTER COLUMN name SET NOT NULL;' }
  const run = () => lintMigrations([target], { serverMajor: 17, disabled: new Set(), lockTimeout: true, parsed }, [existing])
  const fresh = await run()
  assert.deepEqual(fresh.findings.map((f) => [f.rule, f.line]), [['column-type-change', 2], ['set-not-null', 3]])
  assert.equal(readdirSync(dir).length, 1, 'the target alone: the earlier file holds no CHECK, and is not parsed')
  assert.deepEqual(await run(), fresh)
  // a kept parse is what the lint reads: a file in the cache is taken for what the parser said
  parsed.put(target.sql!, [])
  assert.deepEqual((await run()).findings, [])
})

test('kept parses are keyed by the parser version that package.json names', () => {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'))
  assert.equal(pkg.dependencies?.['libpg-query'] ?? pkg.devDependencies?.['libpg-query'], parserVersion)
})
