// The demo's models: the tables that migrations/ must produce (`npm run demo` checks that they do).
// Projects keep theirs at the same path, src/models.ts, as `db-migrate init` scaffolds it.
import { integer, many, one, table, text, varchar } from 'db-migrate-action'

export const user = table('user', {
  id: integer().primaryKey(),
  name: varchar(50).notNull(),
})

export const post = table('post', {
  id: integer().primaryKey(),
  title: varchar(100).notNull(),
  text: text(),
  userId: integer('user_id').notNull().references(() => user.columns.id),
})

// Relationships are for the application: they produce no DDL.
export const relations = {
  user: { posts: many(post) },
  post: { author: one(user) },
}
