// The model language's types: what TypeScript accepts and refuses. The type check (`npx tsc --noEmit -p .`)
// fails if a line marked as an expected error compiles; the assertions check the values built.
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { boolean, enumType, index, integer, jsonb, serial, sql, table, text, timestamptz, varchar, type Column, type Table } from '../../src/index.js'

describe('model types', () => {
  it('types defaults by the column type', () => {
    const mood = enumType('mood', ['sad', 'happy'])
    const t = table('t', {
      a: integer().default(1),
      b: text().default('x'),
      c: boolean().default(true),
      d: timestamptz().default(sql`now()`),
      e: jsonb().default({ nested: [1, 'two', null] }),
      f: mood().default('happy'),
      g: text().array().default(['a']),
      // @ts-expect-error a text default on an integer column
      h: integer().default('1'),
      // @ts-expect-error a value the enum does not have
      i: mood().default('angry'),
      // @ts-expect-error a number in a text array
      j: text().array().default([1]),
    })
    assert.equal(Object.keys(t.columns).length, 10)
  })

  it('tracks nullability and defaults in the column type', () => {
    const id: Column<number, true, true> = serial().primaryKey()
    const name: Column<string, true, false> = varchar(10).notNull()
    // @ts-expect-error a nullable column is not a NOT NULL one
    const nullable: Column<string, true, false> = text()
    assert.deepEqual([id.state.notNull, name.state.notNull, nullable.state.notNull], [true, true, false])
  })

  it('keeps the column map of a table, so references and constraints are checked', () => {
    const user = table('user', { id: integer().primaryKey(), email: text() })
    const name: 'user' = user.name
    const post: Table<'post'> = table('post', {
      userId: integer('user_id').references(() => user.columns.id),
      // @ts-expect-error a reference returns a column, not a table
      other: integer().references(() => user),
    }, (t) => [
      index().on(t.userId),
      // @ts-expect-error no such column
      index().on(t.missing),
    ])
    // @ts-expect-error no such column
    assert.equal(user.columns.nothing, undefined)
    assert.deepEqual([name, Object.keys(post.columns)], ['user', ['userId', 'other']])
  })
})
