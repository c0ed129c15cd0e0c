// What `db-migrate revision` writes: an empty migration for a person to fill in.
import { commentText } from '../render/comment.js'

/** `NAME.sql`: the up migration. */
export function sqlUp(message: string, created: string): string {
  return `-- ${commentText(message)}
-- Created ${created}. Runs in one transaction with its history row; to run it without one (CREATE INDEX
-- CONCURRENTLY, ALTER TYPE ... ADD VALUE), make this the first line: -- db-migrate: no-transaction

`
}

/** `NAME.down.sql`: what undoes the up migration. */
export function sqlDown(message: string): string {
  return `-- Revert: ${commentText(message)}

`
}

/** `NAME.ts`: a TypeScript migration, run with no build step. */
export function tsModule(message: string, created: string): string {
  return `// ${commentText(message)}
// Created ${created}. Add \`export const transaction = false\` to run it outside a transaction.
import type { MigrationContext } from 'db-migrate-action'

export async function up({ client }: MigrationContext): Promise<void> {
  await client.query(\`
  \`)
}

export async function down({ client }: MigrationContext): Promise<void> {
  await client.query(\`
  \`)
}
`
}
