import { createRequire as __dbMigrateCreateRequire } from 'node:module'; const require = __dbMigrateCreateRequire(import.meta.url); import { fileURLToPath as __dbMigrateFileURLToPath } from 'node:url'; const __dbMigrateDir = __dbMigrateFileURLToPath(new URL('./', import.meta.url));
import {
  migrationName
} from "./chunk-7JA6RV6W.js";
import "./chunk-ROPOZ7SY.js";
import "./chunk-XNFAXQIB.js";
import {
  displayPath
} from "./chunk-KKO6VTMG.js";
import "./chunk-5A66NMWR.js";
import "./chunk-WXLEUHMA.js";
import "./chunk-5DGH4JCW.js";
import "./chunk-CL6XV7EK.js";
import "./chunk-64I5SS2G.js";

// src/commands/init.ts
import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";

// src/templates/project.ts
var actionRef = "org/db-migrate@v1";
var firstMigrationUp = `-- Create the user and post tables.
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
`;
var firstMigrationDown = `DROP TABLE post;
DROP TABLE "user";
`;
var models = `// The tables the migrations must produce. \`db-migrate check\` fails when they disagree;
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
`;
var envExample = `# Copy to .env (keep .env out of git). db-migrate and docker-compose.yml both read it.
# Either the parts below, or one DATABASE_URL (which wins when both are set).
DB_HOST=localhost
DB_PORT=5432
DB_NAME=app
DB_USER=postgres
DB_PASS=postgres
# DATABASE_URL=postgresql://postgres:postgres@localhost:5432/app
`;
var dockerCompose = `# PostgreSQL for local work: docker compose up -d. Credentials come from .env (copy .env.example).
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
`;
function workflow(paths = {}) {
  const withLines = [
    paths.workingDirectory ? `working-directory: ${paths.workingDirectory}` : null,
    paths.migrations ? `migrations: ${paths.migrations}` : null,
    paths.models ? `models: ${paths.models}` : null
  ].filter((l) => l !== null);
  const extra = withLines.map((l) => `
          ${l}`).join("");
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
`;
}

// src/commands/init.ts
function init(config, now = /* @__PURE__ */ new Date()) {
  const created = [];
  const skipped = [];
  const write = (path, text) => {
    const file = displayPath(path, config.cwd);
    if (existsSync(path)) {
      skipped.push({ file, reason: "exists" });
      return;
    }
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text, { flag: "wx" });
    created.push(file);
  };
  const dir = config.migrationsDir;
  const hasMigrations = existsSync(dir) && readdirSync(dir).some((f) => /\.(sql|[cm]?[jt]s)$/.test(f));
  if (hasMigrations) {
    skipped.push({ file: displayPath(dir, config.cwd), reason: "already holds migrations" });
  } else {
    const name = migrationName("create user and post", now);
    write(join(dir, `${name}.sql`), firstMigrationUp);
    write(join(dir, `${name}.down.sql`), firstMigrationDown);
  }
  write(config.modelsPath, models);
  write(join(config.cwd, ".env.example"), envExample);
  write(join(config.cwd, "docker-compose.yml"), dockerCompose);
  write(join(config.cwd, ".github", "workflows", "db-migrate.yml"), workflow(workflowPaths(config)));
  return { created, skipped };
}
function workflowPaths(config) {
  const rel = (path) => relative(config.cwd, path).split(sep).join("/");
  const migrations = rel(config.migrationsDir);
  const modelsPath = rel(config.modelsPath);
  return {
    ...migrations !== "migrations" ? { migrations } : {},
    ...modelsPath !== "src/models.ts" ? { models: modelsPath } : {}
  };
}
export {
  init
};
