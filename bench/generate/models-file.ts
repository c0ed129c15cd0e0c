import { columnModel, keyModel, type GenSchema } from './schema.js'

const imports = ['bigint', 'boolean', 'check', 'desc', 'enumType', 'index', 'integer', 'jsonb', 'numeric', 'serial', 'sql', 'table',
  'text', 'timestamptz', 'unique', 'uniqueIndex', 'uuid', 'varchar']

/** models.ts in the project's model language, declaring exactly the schema the generated migrations build. */
export function modelsFile(schema: GenSchema, header: string): string {
  const out = [`// ${header}`, `import { ${imports.join(', ')} } from 'db-migrate-action'`, '']
  for (const e of schema.enums) out.push(`export const ${e.name} = enumType('${e.name}', [${e.values.map((v) => `'${v}'`).join(', ')}])`)
  out.push('')
  for (const t of schema.tables) {
    const columns = t.columns.map((c) => `  ${c.name}: ${c.name === 'id' ? keyModel(t.key) : columnModel(c)},`)
    const constraints = [
      ...t.checks.map((c) => c.model),
      ...t.uniques.map((u) => `unique('${u.name}').on(${u.columns.map((c) => `t.${c}`).join(', ')})`),
      ...t.indexes.map((i) => i.model),
    ]
    const third = constraints.length ? `, (t) => [\n${constraints.map((c) => `  ${c},`).join('\n')}\n]` : ''
    out.push(`export const ${t.name} = table('${t.name}', {\n${columns.join('\n')}\n}${third})`, '')
  }
  return out.join('\n')
}
