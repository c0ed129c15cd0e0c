import assert from 'node:assert/strict'
import { test } from 'node:test'
import { compare } from '../../../src/compare/compare.js'
import { union } from '../../../src/compare/enums.js'
import type { Operation } from '../../../src/ops/operation.js'
import { emptySchema, type Schema } from '../../../src/schema/schema.js'
import { column, enumType, id, schema, table } from './fixtures.js'

const mood = enumType('mood', ['sad', 'ok'])
const happier = enumType('mood', ['sad', 'ok', 'happy'])
const appMood = enumType('app.mood', ['sad', 'ok'])
const person = (moodType: string, dflt: string | null = null) =>
  table('person', [id, column('mood', moodType, { default: dflt }), column('moods', `${moodType}[]`)])

const naming = { name: 'not_sad', definition: "CHECK ((mood <> 'sad'::mood))" }
const plain = { name: 'has_id', definition: 'CHECK ((id > 0))' }
const partial = { name: 'ok_people', unique: false, method: 'btree', definition: "CREATE INDEX ok_people ON public.person USING btree (id) WHERE (mood = 'ok'::mood)" }

const cases: { name: string; from: Schema; to: Schema; want: Operation[] }[] = [
  {
    name: 'created before the tables that use it',
    from: emptySchema,
    to: schema([person('mood')], [mood]),
    want: [{ kind: 'create_enum', enum: mood }, { kind: 'create_table', table: person('mood') }],
  },
  {
    name: 'dropped after the tables that use it',
    from: schema([person('mood')], [mood]),
    to: emptySchema,
    want: [{ kind: 'drop_table', table: person('mood') }, { kind: 'drop_enum', enum: mood }],
  },
  {
    name: 'values added: the enum grows before the columns change',
    from: schema([person('mood', "'ok'::mood")], [mood]),
    to: schema([person('mood', "'happy'::mood")], [happier]),
    want: [
      {
        kind: 'alter_enum',
        stage: 'add_values',
        from: mood,
        to: happier,
        usages: [
          { table: { schema: 'public', name: 'person' }, column: 'mood', array: false, default: "'ok'::mood", checks: [], indexes: [] },
          { table: { schema: 'public', name: 'person' }, column: 'moods', array: true, default: null, checks: [], indexes: [] },
        ],
      },
      {
        kind: 'alter_column',
        table: { schema: 'public', name: 'person' },
        from: column('mood', 'mood', { default: "'ok'::mood" }),
        to: column('mood', 'mood', { default: "'happy'::mood" }),
        changes: ['default'],
      },
    ],
  },
  {
    name: 'values replaced: grows to both sides first, shrinks once the columns use the new values',
    from: schema([person('mood', "'sad'::mood")], [mood]),
    to: schema([person('mood', "'happy'::mood")], [enumType('mood', ['happy', 'ok'])]),
    want: [
      {
        kind: 'alter_enum',
        stage: 'add_values',
        from: mood,
        to: enumType('mood', ['happy', 'sad', 'ok']),
        usages: [
          { table: { schema: 'public', name: 'person' }, column: 'mood', array: false, default: "'sad'::mood", checks: [], indexes: [] },
          { table: { schema: 'public', name: 'person' }, column: 'moods', array: true, default: null, checks: [], indexes: [] },
        ],
      },
      {
        kind: 'alter_column',
        table: { schema: 'public', name: 'person' },
        from: column('mood', 'mood', { default: "'sad'::mood" }),
        to: column('mood', 'mood', { default: "'happy'::mood" }),
        changes: ['default'],
      },
      {
        kind: 'alter_enum',
        stage: 'remove_values',
        from: enumType('mood', ['happy', 'sad', 'ok']),
        to: enumType('mood', ['happy', 'ok']),
        usages: [
          { table: { schema: 'public', name: 'person' }, column: 'mood', array: false, default: "'happy'::mood", checks: [], indexes: [] },
          { table: { schema: 'public', name: 'person' }, column: 'moods', array: true, default: null, checks: [], indexes: [] },
        ],
      },
    ],
  },
  {
    name: 'reordered values in another schema: one rebuild after the tables',
    from: schema([person('app.mood')], [appMood]),
    to: schema([person('app.mood')], [{ ...appMood, values: ['ok', 'sad'] }]),
    want: [
      {
        kind: 'alter_enum',
        stage: 'remove_values',
        from: appMood,
        to: { ...appMood, values: ['ok', 'sad'] },
        usages: [
          { table: { schema: 'public', name: 'person' }, column: 'mood', array: false, default: null, checks: [], indexes: [] },
          { table: { schema: 'public', name: 'person' }, column: 'moods', array: true, default: null, checks: [], indexes: [] },
        ],
      },
    ],
  },
  {
    name: 'checks and indexes that name the type travel with the usage; others stay',
    from: schema([{ ...person('mood'), checks: [naming, plain], indexes: [partial] }], [mood]),
    to: schema([{ ...person('mood'), checks: [naming, plain], indexes: [partial] }], [enumType('mood', ['ok', 'sad'])]),
    want: [
      {
        kind: 'alter_enum',
        stage: 'remove_values',
        from: mood,
        to: enumType('mood', ['ok', 'sad']),
        usages: [
          { table: { schema: 'public', name: 'person' }, column: 'mood', array: false, default: null, checks: [naming], indexes: [partial] },
          { table: { schema: 'public', name: 'person' }, column: 'moods', array: true, default: null, checks: [naming], indexes: [partial] },
        ],
      },
    ],
  },
  {
    name: 'comment',
    from: schema([], [mood]),
    to: schema([], [{ ...mood, comment: 'feelings' }]),
    want: [{ kind: 'set_enum_comment', enum: { schema: 'public', name: 'mood' }, from: null, to: 'feelings' }],
  },
]

for (const c of cases) {
  test(`compare enums: ${c.name}`, () => {
    assert.deepEqual(compare(c.from, c.to), c.want)
  })
}

test('union keeps the source order and places new values after their predecessor in the target', () => {
  assert.deepEqual(union(['a', 'b'], ['b', 'c', 'a']), ['a', 'b', 'c'])
  assert.deepEqual(union(['c'], ['a', 'b', 'c']), ['a', 'b', 'c'])
  assert.deepEqual(union([], ['x']), ['x'])
})
