// What `db-migrate init` scaffolds: the demo user/post schema as a migration and as models, local Postgres
// settings, and a workflow that runs the action.

/** The action as the scaffolded workflow uses it; change the owner here when the action is published. */
export const actionRef = 'org/db-migrate@v1'

/** The first migration: the classic user/post pair. */
export const firstMigrationUp = `-- Create the user and post tables.
-- "user" is a reserved word in PostgreSQL, so it is always quoted.
CREATE TABLE "user" (
  id integer PRIMARY KEY,
  name varchar(50) NOT NULL
);

CREATE TABLE post (
  id integer PRIMARY KEY,
  title varchar(100) NOT NULL,
  text text,
  user_id integer NOT NULL REFERENCES "user" (id)
);
`

export const firstMigrationDown = `DROP TABLE post;
DROP TABLE "user";
`

/** The same schema in the model language; valid as TypeScript and as JavaScript. */
export const models = `// The tables the migrations must produce. \`db-migrate check\` fails when they disagree;
// \`db-migrate revision --autogenerate -m "..."\` writes the migration that closes the gap.
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
`

export const envExample = `# Copy to .env (keep .env out of git). db-migrate and docker-compose.yml both read it.
# Either the parts below, or one DATABASE_URL (which wins when both are set).
DB_HOST=localhost
DB_PORT=5432
DB_NAME=app
DB_USER=postgres
DB_PASS=postgres
# DATABASE_URL=postgresql://postgres:postgres@localhost:5432/app
`

export const dockerCompose = `# PostgreSQL for local work: docker compose up -d. Credentials come from .env (copy .env.example).
services:
  db:
    image: postgres:17
    restart: unless-stopped
    environment:
      POSTGRES_USER: \${DB_USER:-postgres}
      POSTGRES_PASSWORD: \${DB_PASS:-postgres}
      POSTGRES_DB: \${DB_NAME:-app}
    ports:
      - "\${DB_PORT:-5432}:5432"
    volumes:
      - postgres-data:/var/lib/postgresql/data
    healthcheck:
      test: ["CMD-SHELL", "pg_isready -U $\${POSTGRES_USER} -d $\${POSTGRES_DB}"]
      interval: 2s
      timeout: 3s
      retries: 15

volumes:
  postgres-data:
`

/** The workflow; `paths` are the project's settings when they differ from the action's defaults. */
export function workflow(paths: { workingDirectory?: string; migrations?: string; models?: string } = {}): string {
  const withLines = [
    paths.workingDirectory ? `working-directory: ${paths.workingDirectory}` : null,
    paths.migrations ? `migrations: ${paths.migrations}` : null,
    paths.models ? `models: ${paths.models}` : null,
  ].filter((l): l is string => l !== null)
  const extra = withLines.map((l) => `\n          ${l}`).join('')
  return `# Checks that the models and the migrations agree, and that the migrations apply, revert and apply again,
# on a PostgreSQL the action starts for the job.
name: db-migrate

on:
  pull_request:
  push:
    branches: [main]

jobs:
  migrations:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4

      - name: Models and migrations agree
        uses: ${actionRef}
        with:
          command: check${extra}

      - name: Upgrade to head
        id: upgrade
        uses: ${actionRef}
        with:
          command: upgrade
          revision: head
          database-url: embedded${extra}

      - name: Downgrade to base
        uses: ${actionRef}
        with:
          command: downgrade
          revision: base
          database-url: \${{ steps.upgrade.outputs.database-url }}${extra}

      - name: Upgrade to head again
        uses: ${actionRef}
        with:
          command: upgrade
          revision: head
          database-url: \${{ steps.upgrade.outputs.database-url }}${extra}
`
}
