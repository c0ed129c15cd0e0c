import assert from 'node:assert/strict'
import { test } from 'node:test'
import { compare } from '../../../src/compare/compare.js'
import type { Operation } from '../../../src/ops/operation.js'
import { emptySchema, type Schema } from '../../../src/schema/schema.js'
import { column, enumType, id, schema, table } from './fixtures.js'

const mood = enumType('mood', ['sad', 'ok'])
const happier = enumType('mood', ['sad', 'ok', 'happy'])
const appMood = enumType('app.mood', ['sad', 'ok'])
const person = (moodType: string, dflt: string | null = null) =>
  table('person', [id, column('mood', moodType, { default: dflt }), column('moods', `${moodType}[]`)])

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
    name: 'values changed: the columns using it (arrays too) come along, and the enum change sets their defaults',
    from: schema([person('mood', "'ok'::mood")], [mood]),
    to: schema([person('mood', "'happy'::mood")], [happier]),
    want: [
      {
        kind: 'alter_enum',
        from: mood,
        to: happier,
        usages: [
          { table: { schema: 'public', name: 'person' }, column: 'mood', array: false, defaultBefore: "'ok'::mood", defaultAfter: "'happy'::mood" },
          { table: { schema: 'public', name: 'person' }, column: 'moods', array: true, defaultBefore: null, defaultAfter: null },
        ],
      },
    ],
  },
  {
    name: 'an enum in another schema is matched by its qualified name',
    from: schema([person('app.mood')], [appMood]),
    to: schema([person('app.mood')], [{ ...appMood, values: ['ok', 'sad'] }]),
    want: [
      {
        kind: 'alter_enum',
        from: appMood,
        to: { ...appMood, values: ['ok', 'sad'] },
        usages: [
          { table: { schema: 'public', name: 'person' }, column: 'mood', array: false, defaultBefore: null, defaultAfter: null },
          { table: { schema: 'public', name: 'person' }, column: 'moods', array: true, defaultBefore: null, defaultAfter: null },
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
