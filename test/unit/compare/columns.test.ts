import assert from 'node:assert/strict'
import { test } from 'node:test'
import { compare } from '../../../src/compare/compare.js'
import type { Operation } from '../../../src/ops/operation.js'
import type { Column, Schema } from '../../../src/schema/schema.js'
import { column, id, schema, table } from './fixtures.js'

const ref = { schema: 'public', name: 'post' }
const post = (...columns: Column[]): Schema => schema([table('post', [id, ...columns])])
const title = column('title', 'text')
const created = (dflt: string) => column('created', 'timestamp with time zone', { default: dflt })

const cases: { name: string; from: Schema; to: Schema; want: Operation[]; columnOrder?: boolean }[] = [
  { name: 'added column', from: post(), to: post(title), want: [{ kind: 'add_column', table: ref, column: title }] },
  { name: 'dropped column', from: post(title), to: post(), want: [{ kind: 'drop_column', table: ref, column: title }] },
  ...[
    ['type', column('title', 'character varying(20)')],
    ['nullability', column('title', 'text', { notNull: true })],
    ['default', column('title', 'text', { default: "'x'::text" })],
    ['identity', column('title', 'text', { identity: 'always' })],
    ['generation', column('title', 'text', { generated: "('a'::text || id)" })],
    ['comment', column('title', 'text', { comment: 'headline' })],
  ].map(([what, to]) => ({
    name: `changed ${what} is one alter_column`,
    from: post(title),
    to: post(to as Column),
    want: [{ kind: 'alter_column', table: ref, from: title, to: to as Column, changes: [what === 'generation' ? 'generated' : what] } as Operation],
  })),
  {
    name: 'several changes are still one alter_column',
    from: post(title),
    to: post(column('title', 'character varying(9)', { notNull: true, default: "'x'::character varying" })),
    want: [{ kind: 'alter_column', table: ref, from: title, to: column('title', 'character varying(9)', { notNull: true, default: "'x'::character varying" }), changes: ['type', 'nullability', 'default'] }],
  },
  { name: 'now() equals CURRENT_TIMESTAMP', from: post(created('now()')), to: post(created('CURRENT_TIMESTAMP')), want: [] },
  { name: 'transaction_timestamp() equals now()', from: post(created('transaction_timestamp()')), to: post(created('now()')), want: [] },
  {
    name: 'now() in a string literal is text, not a call',
    from: post(column('note', 'text', { default: "'CURRENT_TIMESTAMP'::text" })),
    to: post(column('note', 'text', { default: "'now()'::text" })),
    want: [{ kind: 'alter_column', table: ref, from: column('note', 'text', { default: "'CURRENT_TIMESTAMP'::text" }), to: column('note', 'text', { default: "'now()'::text" }), changes: ['default'] }],
  },
  {
    name: "ARRAY[] equals '{}'",
    from: post(column('tags', 'text[]', { default: 'ARRAY[]::text[]' })),
    to: post(column('tags', 'text[]', { default: "'{}'::text[]" })),
    want: [],
  },
  { name: 'column order is ignored by default', from: post(title, column('body', 'text')), to: post(column('body', 'text'), title), want: [] },
  {
    name: 'column order is reported when asked for',
    columnOrder: true,
    from: post(title, column('body', 'text')),
    to: post(column('body', 'text'), title),
    want: [{ kind: 'reorder_columns', table: ref, from: ['id', 'title', 'body'], to: ['id', 'body', 'title'] }],
  },
  {
    name: 'a column added at the end keeps the order',
    columnOrder: true,
    from: post(),
    to: post(title),
    want: [{ kind: 'add_column', table: ref, column: title }],
  },
]

for (const c of cases) {
  test(`compare columns: ${c.name}`, () => {
    assert.deepEqual(compare(c.from, c.to, { columnOrder: c.columnOrder }), c.want)
  })
}
