import { createRequire } from 'node:module'
import { ModelError } from '../../errors.js'
import type { ModelSource } from './source.js'

interface DataSourceLike {
  readonly options: Record<string, unknown>
  initialize(): Promise<DataSourceLike>
  synchronize(): Promise<void>
  destroy(): Promise<void>
}

interface TypeOrm {
  DataSource: new (options: Record<string, unknown>) => DataSourceLike
}

function isDataSource(value: unknown): value is DataSourceLike {
  const v = value as Partial<DataSourceLike> | null
  return typeof v === 'object' && v !== null && typeof v.initialize === 'function' && typeof v.synchronize === 'function'
    && typeof v.options === 'object' && 'isInitialized' in v
}

/** The DataSources the module exports (directly or as `default`). */
export function findDataSources(exports: Record<string, unknown>): DataSourceLike[] {
  return [...new Set([...Object.values(exports), ...Object.values((exports.default ?? {}) as object)].filter(isDataSource))]
}

/** Exported classes TypeORM registered with @Entity (its metadata storage is global, whichever copy decorated them). */
export function findEntities(exports: Record<string, unknown>): Function[] {
  const storage = (globalThis as { typeormMetadataArgsStorage?: { tables: { target: unknown }[] } }).typeormMetadataArgsStorage
  const targets = new Set(storage?.tables.map((t) => t.target) ?? [])
  return Object.values(exports).filter((v): v is Function => typeof v === 'function' && targets.has(v))
}

/**
 * TypeORM entities synchronized by the project's own TypeORM on the scratch database: an exported DataSource keeps
 * its entities and naming strategy with only its connection replaced; exported entity classes get a DataSource of their own.
 */
export function typeormSource(path: string, file: string, exports: Record<string, unknown>): ModelSource {
  let typeorm: TypeOrm
  try {
    typeorm = createRequire(path)('typeorm') as TypeOrm
  } catch (error) {
    throw new ModelError(`models file ${file} holds TypeORM entities, but typeorm is not installed in the project: npm install typeorm there`, file, { cause: error })
  }
  const dataSources = findDataSources(exports)
  const entities = findEntities(exports)
  if (dataSources.length === 0 && entities.length === 0) {
    throw new ModelError(`models file ${file} exports no TypeORM entities or DataSource: export the DataSource, or the @Entity classes`, file)
  }
  for (const ds of dataSources) {
    if (ds.options.type !== 'postgres') {
      throw new ModelError(`models file ${file}: the DataSource is of type ${String(ds.options.type)}: check compares PostgreSQL schemas, so use type 'postgres'`, file)
    }
  }
  const optionsList = dataSources.length ? dataSources.map((ds) => ds.options) : [{ type: 'postgres', entities }]
  return {
    kind: 'typeorm',
    file,
    async build(url) {
      for (const options of optionsList) {
        const scratch = new typeorm.DataSource({
          ...options,
          url, host: undefined, port: undefined, username: undefined, password: undefined, database: undefined, ssl: undefined,
          replication: undefined, extra: undefined, synchronize: false, migrationsRun: false, dropSchema: false, logging: false,
          migrations: [], subscribers: [],
        })
        try {
          await scratch.initialize()
          await scratch.synchronize()
        } catch (error) {
          const message = (error instanceof Error ? error.message : String(error)).split('\n')[0]
          throw new ModelError(`models file ${file}: TypeORM could not create the entities: ${message}: fix the entity`, file, { cause: error })
        } finally {
          if ((scratch as unknown as { isInitialized: boolean }).isInitialized) await scratch.destroy().catch(() => {})
        }
      }
    },
  }
}
