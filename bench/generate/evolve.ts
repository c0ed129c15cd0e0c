// Builds a synthetic schema migration by migration: first migrations create the tables, later ones alter them the way
// projects do (columns added and dropped, defaults and nullability changed, types widened, constraints, indexes and
// enum values added). Every step mutates the GenSchema, so the final state is exactly what the migrations build.
import { Random } from './random.js'
import {
  columnSql, keySql, keyType, typeSql,
  type ColumnType, type Default, type GenColumn, type GenEnum, type GenSchema, type GenTable, type KeyKind, type OnDelete,
} from './schema.js'

/** One migration file: its name (the revision) and its SQL. */
export interface GeneratedMigration {
  readonly name: string
  readonly sql: string
}

/** A generated project: the final schema and the migrations that build it. */
export interface Evolution {
  readonly schema: GenSchema
  readonly migrations: GeneratedMigration[]
  /** How many times each kind of change was written, for the report. */
  readonly changes: Record<string, number>
}

const tableWords = ['account', 'customer', 'invoice', 'payment', 'product', 'shipment', 'warehouse', 'supplier', 'review',
  'session', 'device', 'ticket', 'comment', 'project', 'task', 'team', 'member', 'order_line', 'coupon', 'campaign',
  'article', 'category', 'tag', 'address', 'subscription', 'plan', 'event', 'audit_entry', 'message', 'channel']
const enumWords = ['order_status', 'ticket_priority', 'account_tier', 'shipment_stage', 'payment_kind', 'review_state']
const enumValues = ['draft', 'pending', 'active', 'paused', 'archived', 'closed', 'failed', 'done', 'new', 'open', 'blocked', 'in_review']
const columnWords: Record<ColumnType['kind'], readonly string[]> = {
  integer: ['quantity', 'position_no', 'rank', 'attempts', 'stock', 'views', 'priority'],
  bigint: ['external_ref', 'bytes_used', 'counter', 'sequence_no'],
  text: ['description', 'notes', 'body', 'summary', 'slug'],
  varchar: ['name', 'title', 'code', 'email', 'phone', 'city', 'country', 'label'],
  boolean: ['is_active', 'is_archived', 'verified', 'published', 'flagged'],
  timestamptz: ['created_at', 'updated_at', 'deleted_at', 'starts_at', 'ends_at', 'seen_at'],
  numeric: ['price', 'amount', 'balance', 'weight', 'rate'],
  jsonb: ['metadata', 'settings', 'payload', 'attributes'],
  uuid: ['public_id', 'tracking_id', 'correlation_id'],
  enum: ['status', 'kind', 'tier', 'stage'],
}
const typeWeights: readonly (readonly [ColumnType['kind'], number])[] = [
  ['varchar', 5], ['text', 2], ['integer', 3], ['bigint', 1], ['boolean', 2], ['timestamptz', 3], ['numeric', 2], ['jsonb', 1], ['uuid', 1], ['enum', 1.5],
]

type Change = 'add_column' | 'drop_column' | 'set_default' | 'drop_default' | 'set_not_null' | 'drop_not_null' | 'widen_type'
  | 'add_check' | 'add_unique' | 'add_index' | 'add_enum_value' | 'add_foreign_key'
const changeWeights: readonly (readonly [Change, number])[] = [
  ['add_column', 22], ['drop_column', 8], ['set_default', 10], ['drop_default', 5], ['set_not_null', 8], ['drop_not_null', 7],
  ['widen_type', 10], ['add_check', 7], ['add_unique', 5], ['add_index', 10], ['add_enum_value', 5], ['add_foreign_key', 5],
]

/** Generates `tableCount` tables built by `migrationCount` migrations from `seed`. */
export function evolve(tableCount: number, migrationCount: number, seed: number): Evolution {
  return new Evolver(new Random(seed), tableCount, migrationCount).run()
}

class Evolver {
  private readonly schema: GenSchema = { enums: [], tables: [] }
  private readonly byName = new Map<string, GenTable>()
  private readonly changes: Record<string, number> = {}
  private readonly counters = new Map<string, number>()

  constructor(private readonly rng: Random, private readonly tableCount: number, private readonly migrationCount: number) {}

  run(): Evolution {
    const creating = Math.max(1, Math.min(this.tableCount, Math.ceil(this.migrationCount / 2)))
    const migrations: GeneratedMigration[] = []
    const name = (i: number, label: string) => `${stamp(i)}_${label}`
    let nextTable = 0
    for (let m = 0; m < creating; m++) {
      const statements: string[] = []
      if (m === 0) statements.push(...this.createEnums(Math.max(1, Math.round(this.tableCount / 15))))
      const upTo = Math.round(((m + 1) * this.tableCount) / creating)
      let first = ''
      for (; nextTable < upTo; nextTable++) {
        const table = this.createTable(nextTable, statements)
        first ||= table
      }
      migrations.push({ name: name(m, `create_${first}`), sql: statements.join('\n\n') + '\n' })
    }
    for (let m = creating; m < this.migrationCount; m++) {
      const statements: string[] = []
      const count = this.rng.int(1, 4)
      for (let k = 0; k < count; k++) statements.push(this.alter())
      migrations.push({ name: name(m, `alter_${m - creating + 1}`), sql: statements.join('\n') + '\n' })
    }
    return { schema: this.schema, migrations, changes: this.changes }
  }

  private count(change: string): void {
    this.changes[change] = (this.changes[change] ?? 0) + 1
  }

  private next(key: string): number {
    const n = (this.counters.get(key) ?? 0) + 1
    this.counters.set(key, n)
    return n
  }

  private createEnums(count: number): string[] {
    const out: string[] = []
    for (let i = 1; i <= count; i++) {
      const name = `${enumWords[(i - 1) % enumWords.length]}_${i}`
      const values: string[] = []
      const size = this.rng.int(3, 5)
      while (values.length < size) {
        const v = this.rng.pick(enumValues)
        if (!values.includes(v)) values.push(v)
      }
      this.schema.enums.push({ name, values })
      out.push(`CREATE TYPE ${name} AS ENUM (${values.map((v) => `'${v}'`).join(', ')});`)
      this.count('create_enum')
    }
    return out
  }

  private createTable(index: number, statements: string[]): string {
    const name = `${tableWords[index % tableWords.length]}_${String(index + 1).padStart(4, '0')}`
    const key = this.rng.weighted<KeyKind>([['identity', 5], ['serial', 3], ['uuid', 2]])
    const table: GenTable = { name, key, columns: [], checks: [], uniques: [], indexes: [] }
    table.columns.push({ name: 'id', type: keyType(key), notNull: true, default: null, unique: false, references: null, locked: true })
    const plain = this.rng.int(5, 12)
    for (let i = 0; i < plain; i++) table.columns.push(this.newColumn(table, true))
    const earlier = this.schema.tables
    const fks = earlier.length === 0 ? 0 : this.rng.weighted([[0, 3], [1, 4], [2, 2]])
    for (let i = 0; i < fks; i++) table.columns.push(this.foreignKeyColumn(table, this.rng.pick(earlier.slice(-50))))
    this.schema.tables.push(table)
    this.byName.set(name, table)

    const lines = [keySql(key), ...table.columns.slice(1).map((c) => columnSql(c, this.byName))]
    const checks = this.rng.int(0, 2)
    for (let i = 0; i < checks; i++) {
      const check = this.newCheck(table)
      if (check) lines.push(`CONSTRAINT ${check.name} CHECK (${check.sql})`)
    }
    if (this.rng.chance(0.25)) {
      const unique = this.newUnique(table)
      if (unique) lines.push(`CONSTRAINT ${unique.name} UNIQUE (${unique.columns.join(', ')})`)
    }
    statements.push(`CREATE TABLE ${name} (\n${lines.map((l) => `  ${l}`).join(',\n')}\n);`)
    this.count('create_table')
    const indexes = this.rng.int(1, 3)
    for (let i = 0; i < indexes; i++) {
      const index = this.newIndex(table)
      if (index) statements.push(`${index};`)
    }
    return name
  }

  private columnName(table: GenTable, word: string): string {
    let name = word
    for (let n = 2; table.columns.some((c) => c.name === name); n++) name = `${word}_${n}`
    return name
  }

  private newType(): ColumnType {
    const kind = this.rng.weighted(typeWeights)
    switch (kind) {
      case 'varchar': return { kind, length: this.rng.pick([20, 50, 100, 120, 255]) }
      case 'numeric': return { kind, precision: this.rng.pick([10, 12, 14]), scale: this.rng.pick([0, 2, 4]) }
      case 'enum': return { kind, name: this.rng.pick(this.schema.enums).name }
      default: return { kind }
    }
  }

  private newColumn(table: GenTable, atCreation: boolean): GenColumn {
    const type = this.newType()
    const word = type.kind === 'enum' ? this.rng.pick(columnWords.enum) : this.rng.pick(columnWords[type.kind])
    const withDefault = this.rng.chance(0.35)
    const unique = atCreation && (type.kind === 'varchar' || type.kind === 'uuid') && this.rng.chance(0.15)
    return {
      name: this.columnName(table, word),
      type,
      notNull: this.rng.chance(0.4),
      default: withDefault ? this.pickDefault(type, null) : null,
      unique,
      references: null,
      locked: unique,
    }
  }

  private foreignKeyColumn(table: GenTable, target: GenTable): GenColumn {
    const onDelete = this.rng.weighted<OnDelete>([['no action', 35], ['cascade', 35], ['set null', 20], ['restrict', 10]])
    return {
      name: this.columnName(table, `${target.name}_id`),
      type: keyType(target.key),
      notNull: onDelete !== 'set null' && this.rng.chance(0.5),
      default: null,
      unique: false,
      references: { table: target.name, onDelete },
      locked: true,
    }
  }

  private pickDefault(type: ColumnType, current: Default | null): Default | null {
    const options = defaultsFor(type, this.schema.enums).filter((d) => d.sql !== current?.sql)
    return options.length ? this.rng.pick(options) : null
  }

  private newCheck(table: GenTable): { name: string; sql: string } | null {
    const candidates = table.columns.filter((c) => c.name !== 'id' && !c.references && ['integer', 'numeric', 'bigint', 'varchar', 'text'].includes(c.type.kind))
    if (!candidates.length) return null
    const column = this.rng.pick(candidates)
    const name = `${table.name}_ck${this.next(`${table.name}:ck`)}`
    const numeric = column.type.kind === 'integer' || column.type.kind === 'numeric' || column.type.kind === 'bigint'
    const sql = numeric ? `${column.name} >= 0` : `char_length(${column.name}) > 0`
    const model = numeric ? `check('${name}', sql\`\${t.${column.name}} >= 0\`)` : `check('${name}', sql\`char_length(\${t.${column.name}}) > 0\`)`
    column.locked = true
    table.checks.push({ name, sql, model })
    return { name, sql }
  }

  private newUnique(table: GenTable): { name: string; columns: string[] } | null {
    const candidates = table.columns.filter((c) => c.name !== 'id' && c.type.kind !== 'jsonb')
    if (candidates.length < 2) return null
    const a = this.rng.pick(candidates)
    const b = this.rng.pick(candidates.filter((c) => c !== a))
    // two constraints over the same columns are legal but only ever a mistake; projects do not keep them
    if (table.uniques.some((u) => u.columns.includes(a.name) && u.columns.includes(b.name))) return null
    const unique = { name: `${table.name}_uq${this.next(`${table.name}:uq`)}`, columns: [a.name, b.name] }
    a.locked = b.locked = true
    table.uniques.push(unique)
    return unique
  }

  /** A CREATE INDEX statement of one of the usual kinds, recorded on the table; null when no column suits. */
  private newIndex(table: GenTable): string | null {
    const name = `${table.name}_ix${this.next(`${table.name}:ix`)}`
    const cols = table.columns.filter((c) => c.name !== 'id')
    const btree = cols.filter((c) => c.type.kind !== 'jsonb')
    const texts = cols.filter((c) => c.type.kind === 'varchar' || c.type.kind === 'text')
    const jsons = cols.filter((c) => c.type.kind === 'jsonb')
    const kind = this.rng.weighted<string>([['single', 4], ['multi', 2], ['partial', 2], ['expression', texts.length ? 1.5 : 0], ['unique', 1], ['gin', jsons.length ? 1 : 0]])
    if (!btree.length) return null
    let sql: string
    let model: string
    const lock = (...list: GenColumn[]) => list.forEach((c) => (c.locked = true))
    switch (kind) {
      case 'multi': {
        if (btree.length < 2) return null
        const a = this.rng.pick(btree)
        const b = this.rng.pick(btree.filter((c) => c !== a))
        sql = `CREATE INDEX ${name} ON ${table.name} (${a.name}, ${b.name} DESC)`
        model = `index('${name}').on(t.${a.name}, desc(t.${b.name}))`
        lock(a, b)
        break
      }
      case 'partial': {
        const c = this.rng.pick(btree)
        const flag = cols.find((x) => x.type.kind === 'boolean' && x !== c)
        const [where, whereModel] = flag ? [flag.name, `sql\`\${t.${flag.name}}\``] : [`${c.name} IS NOT NULL`, `sql\`\${t.${c.name}} IS NOT NULL\``]
        sql = `CREATE INDEX ${name} ON ${table.name} (${c.name}) WHERE ${where}`
        model = `index('${name}').on(t.${c.name}).where(${whereModel})`
        lock(c, ...(flag ? [flag] : []))
        break
      }
      case 'expression': {
        const c = this.rng.pick(texts)
        sql = `CREATE INDEX ${name} ON ${table.name} (lower(${c.name}))`
        model = `index('${name}').on(sql\`lower(\${t.${c.name}})\`)`
        lock(c)
        break
      }
      case 'unique': {
        const c = this.rng.pick(btree)
        sql = `CREATE UNIQUE INDEX ${name} ON ${table.name} (${c.name})`
        model = `uniqueIndex('${name}').on(t.${c.name})`
        lock(c)
        break
      }
      case 'gin': {
        const c = this.rng.pick(jsons)
        sql = `CREATE INDEX ${name} ON ${table.name} USING gin (${c.name})`
        model = `index('${name}').using('gin').on(t.${c.name})`
        lock(c)
        break
      }
      default: {
        const c = this.rng.pick(btree)
        sql = `CREATE INDEX ${name} ON ${table.name} (${c.name})`
        model = `index('${name}').on(t.${c.name})`
        lock(c)
      }
    }
    const signature = sql.replace(` ${name} `, ' ')
    if (table.indexes.some((i) => i.sql.replace(` ${i.name} `, ' ') === signature)) return null
    table.indexes.push({ name, sql, model })
    return sql
  }

  private alter(): string {
    for (;;) {
      const change = this.rng.weighted(changeWeights)
      const sql = this.tryChange(change, this.rng.pick(this.schema.tables))
      if (sql !== null) {
        this.count(change)
        return sql
      }
    }
  }

  private tryChange(change: Change, table: GenTable): string | null {
    const t = table.name
    const plain = table.columns.filter((c) => c.name !== 'id' && !c.references)
    const pick = (list: GenColumn[]) => (list.length ? this.rng.pick(list) : null)
    switch (change) {
      case 'add_column': {
        const column = this.newColumn(table, false)
        table.columns.push(column)
        return `ALTER TABLE ${t} ADD COLUMN ${columnSql(column, this.byName)};`
      }
      case 'add_foreign_key': {
        const others = this.schema.tables.filter((x) => x !== table)
        if (!others.length) return null
        const column = this.foreignKeyColumn(table, this.rng.pick(others))
        table.columns.push(column)
        return `ALTER TABLE ${t} ADD COLUMN ${columnSql(column, this.byName)};`
      }
      case 'drop_column': {
        const c = pick(plain.filter((x) => !x.locked))
        if (!c) return null
        table.columns.splice(table.columns.indexOf(c), 1)
        return `ALTER TABLE ${t} DROP COLUMN ${c.name};`
      }
      case 'set_default': {
        const c = pick(plain)
        const value = c && this.pickDefault(c.type, c.default)
        if (!c || !value) return null
        c.default = value
        return `ALTER TABLE ${t} ALTER COLUMN ${c.name} SET DEFAULT ${value.sql};`
      }
      case 'drop_default': {
        const c = pick(plain.filter((x) => x.default))
        if (!c) return null
        c.default = null
        return `ALTER TABLE ${t} ALTER COLUMN ${c.name} DROP DEFAULT;`
      }
      case 'set_not_null': {
        const c = pick(plain.filter((x) => !x.notNull))
        if (!c) return null
        c.notNull = true
        return `ALTER TABLE ${t} ALTER COLUMN ${c.name} SET NOT NULL;`
      }
      case 'drop_not_null': {
        const c = pick(plain.filter((x) => x.notNull))
        if (!c) return null
        c.notNull = false
        return `ALTER TABLE ${t} ALTER COLUMN ${c.name} DROP NOT NULL;`
      }
      case 'widen_type': {
        const c = pick(plain.filter((x) => !x.locked && ['varchar', 'integer', 'numeric'].includes(x.type.kind)))
        if (!c) return null
        const from = c.type
        c.type = from.kind === 'varchar' ? { kind: 'varchar', length: Math.min(from.length * 2, 4000) }
          : from.kind === 'numeric' ? { kind: 'numeric', precision: from.precision + 4, scale: from.scale }
          : { kind: 'bigint' }
        // a literal default keeps its old type's spelling otherwise; migrations that widen usually reset it
        const reset = c.default ? `, ALTER COLUMN ${c.name} SET DEFAULT ${c.default.sql}` : ''
        return `ALTER TABLE ${t} ALTER COLUMN ${c.name} TYPE ${typeSql(c.type)}${reset};`
      }
      case 'add_check': {
        const check = this.newCheck(table)
        return check && `ALTER TABLE ${t} ADD CONSTRAINT ${check.name} CHECK (${check.sql});`
      }
      case 'add_unique': {
        const unique = this.newUnique(table)
        return unique && `ALTER TABLE ${t} ADD CONSTRAINT ${unique.name} UNIQUE (${unique.columns.join(', ')});`
      }
      case 'add_index': {
        const index = this.newIndex(table)
        return index && `${index};`
      }
      case 'add_enum_value': {
        const e = this.rng.pick(this.schema.enums)
        const value = enumValues.find((v) => !e.values.includes(v)) ?? `value_${e.values.length + 1}`
        e.values.push(value)
        return `ALTER TYPE ${e.name} ADD VALUE '${value}';`
      }
    }
  }
}

/** Defaults a column of `type` may get: literals, and the functions people use. */
function defaultsFor(type: ColumnType, enums: readonly GenEnum[]): Default[] {
  const literal = (value: string | number | boolean): Default =>
    typeof value === 'string' ? { sql: `'${value}'`, model: `'${value}'` } : { sql: String(value), model: String(value) }
  switch (type.kind) {
    case 'integer': return [literal(0), literal(1), literal(10)]
    case 'bigint': return [literal(0), literal(1)]
    case 'text': return [literal('draft'), literal('')]
    case 'varchar': return [literal('n/a'), literal('unknown')]
    case 'boolean': return [literal(true), literal(false)]
    case 'timestamptz': return [{ sql: 'now()', model: 'sql`now()`' }]
    case 'numeric': return [literal(0), literal(1)]
    case 'jsonb': return [{ sql: `'{}'`, model: '{}' }, { sql: `'[]'`, model: '[]' }]
    case 'uuid': return [{ sql: 'gen_random_uuid()', model: 'sql`gen_random_uuid()`' }]
    case 'enum': return (enums.find((e) => e.name === type.name)?.values.slice(0, 2) ?? []).map(literal)
  }
}

/** `20240101000000` plus `i` hours: names that sort in creation order. */
function stamp(i: number): string {
  return new Date(Date.UTC(2024, 0, 1) + i * 3_600_000).toISOString().replace(/[-:T]/g, '').slice(0, 14)
}
