import { ModelError } from '../../errors.js'
import type { ModelSource } from './source.js'

/** What db-migrate touches of a Sequelize instance (v6, and sequelize-typescript's subclass). */
interface SequelizeLike {
  readonly models: Record<string, unknown>
  readonly config: Record<string, unknown>
  readonly connectionManager: { config: Record<string, unknown>; pool?: { destroyAllNow?: () => Promise<void> } }
  getDialect(): string
  sync(options: { logging: false }): Promise<unknown>
  close(): Promise<void>
}

function isSequelize(value: unknown): value is SequelizeLike {
  const v = value as Partial<SequelizeLike> | null
  return typeof v === 'object' && v !== null && typeof v.sync === 'function' && typeof v.getDialect === 'function'
    && typeof v.connectionManager === 'object' && typeof v.models === 'object'
}

/** A model class (`sequelize.define`, `Model.init`, a decorated class once added) carries its instance. */
function modelInstance(value: unknown): SequelizeLike | undefined {
  if (typeof value !== 'function') return undefined
  const model = value as { sequelize?: unknown; getTableName?: unknown; rawAttributes?: unknown }
  return typeof model.getTableName === 'function' && isSequelize(model.sequelize) ? model.sequelize : undefined
}

/** The Sequelize instances the module's exports lead to: exported directly, through a model, or in a `db` object. */
export function findSequelize(exports: Record<string, unknown>): SequelizeLike[] {
  const found = new Set<SequelizeLike>()
  const visit = (value: unknown, depth: number) => {
    if (isSequelize(value)) return void found.add(value)
    const instance = modelInstance(value)
    if (instance) return void found.add(instance)
    if (depth < 2 && value && typeof value === 'object' && !Array.isArray(value)) {
      for (const inner of Object.values(value)) visit(inner, depth + 1)
    }
  }
  visit(exports, 0)
  return [...found]
}

/**
 * Sequelize models synced by the project's own Sequelize. The instance keeps the models; only its connection is
 * pointed at the scratch database, whatever the app configured, before any model connects.
 */
export function sequelizeSource(file: string, instances: SequelizeLike[]): ModelSource {
  for (const instance of instances) {
    if (instance.getDialect() !== 'postgres') {
      throw new ModelError(`models file ${file}: the Sequelize instance uses the ${instance.getDialect()} dialect: check compares PostgreSQL schemas, so create it with dialect 'postgres'`, file)
    }
  }
  if (instances.every((i) => Object.keys(i.models).length === 0)) {
    throw new ModelError(`models file ${file}: the Sequelize instance has no models: define them (sequelize.define, Model.init or addModels) before the module's exports are read`, file)
  }
  return {
    kind: 'sequelize',
    file,
    async build(url) {
      const parsed = new URL(url)
      const connection = {
        host: decodeURIComponent(parsed.hostname).replace(/^\[(.*)\]$/, '$1'),
        port: Number(parsed.port || 5432),
        database: decodeURIComponent(parsed.pathname.slice(1)),
        username: decodeURIComponent(parsed.username),
        password: decodeURIComponent(parsed.password) || undefined,
      }
      for (const instance of instances) {
        // the pool's connect closure reads this object at every new connection
        const config = instance.connectionManager.config
        Object.assign(config, connection, { replication: false, ssl: undefined, dialectOptions: { ...(config.dialectOptions as object | undefined), ssl: undefined } })
        Object.assign(instance.config, connection)
        await instance.connectionManager.pool?.destroyAllNow?.().catch(() => {})
        try {
          await instance.sync({ logging: false })
        } catch (error) {
          const message = (error instanceof Error ? error.message : String(error)).split('\n')[0]
          throw new ModelError(`models file ${file}: Sequelize could not create the models: ${message}: fix the model`, file, { cause: error })
        } finally {
          await instance.close().catch(() => {})
        }
      }
    },
  }
}
