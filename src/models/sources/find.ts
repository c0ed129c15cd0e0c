import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type { Config, ModelsKind } from '../../config/config.js'
import { ModelError } from '../../errors.js'
import { displayPath, importModels, missing, modulePath, schemaOf } from '../load.js'
import { dbMigrateSource } from './db-migrate.js'
import { drizzleSource, hasDrizzleTables } from './drizzle.js'
import { findSequelize, sequelizeSource } from './sequelize.js'
import type { ModelSource } from './source.js'
import { sqlSource } from './sql.js'
import { findDataSources, findEntities, typeormSource } from './typeorm.js'

export type { ModelSource } from './source.js'

/** Where projects of each kind keep their models, searched in order when no setting names them. */
const conventionalPlaces = [
  'src/models.ts', 'src/models', 'models/index.js', 'models/index.ts', 'src/models/index.js', 'src/db/models/index.js',
  'src/db/models/index.ts', 'src/data-source.ts', 'src/db/schema.ts', 'src/schema.ts', 'db/schema.ts', 'db/schema.sql', 'db/structure.sql', 'schema.sql', 'structure.sql', 'prisma/schema.prisma',
]

/**
 * The models of the project, of whichever kind they are: the file or folder the settings name (or the first of
 * the conventional places), recognised from what it is and what it exports unless the models-kind setting says.
 */
export async function loadModelSource(config: Pick<Config, 'modelsPath' | 'modelsNamed' | 'modelsKind' | 'cwd'>): Promise<ModelSource> {
  const found = config.modelsNamed || existsSync(config.modelsPath)
    ? config.modelsPath
    : conventionalPlaces.map((p) => join(config.cwd, p)).find((p) => existsSync(p)) ?? config.modelsPath
  const kind = config.modelsKind ?? kindOfFile(found)
  if (found.endsWith('.prisma')) {
    const file = displayPath(found, config.cwd)
    // Prisma's DDL comes only from its schema engine: a native binary fetched at first use, or a separate WebAssembly package
    throw new ModelError(`models file ${file}: Prisma schemas are not read directly yet: write the schema as SQL with your prisma (npx prisma migrate diff --from-empty --to-schema ${file} --script > prisma/schema.sql) and point --models at that file`, file)
  }
  if (kind === 'sql') {
    const file = displayPath(found, config.cwd)
    if (!existsSync(found)) throw missing(file)
    return sqlSource(found, file)
  }
  const path = modulePath(found)
  const file = displayPath(path, config.cwd)
  const exports = await importModels(path, file)
  const instances = findSequelize(exports)
  if (kind === 'sequelize' || (kind === undefined && instances.length > 0)) {
    if (instances.length === 0) {
      throw new ModelError(`models file ${file} exports no Sequelize models or instance: export the models (or the object holding them and the sequelize instance)`, file)
    }
    return sequelizeSource(file, instances)
  }
  if (kind === 'typeorm' || (kind === undefined && (findDataSources(exports).length > 0 || findEntities(exports).length > 0))) {
    return typeormSource(path, file, exports)
  }
  if (kind === 'drizzle' || (kind === undefined && hasDrizzleTables(exports))) return drizzleSource(path, file, exports)
  const loaded = schemaOf(exports, file)
  return dbMigrateSource(file, loaded.schema, (loaded.models.raw ?? []).map((r) => r.sql))
}

/** .sql files and folders of them; anything else is a module whose exports say what it holds. */
function kindOfFile(path: string): ModelsKind | undefined {
  if (path.endsWith('.sql')) return 'sql'
  if (existsSync(path) && statSync(path).isDirectory()) {
    const names = readdirSync(path)
    if (!names.some((n) => /^index\.(m?[jt]s)$/.test(n)) && names.some((n) => n.endsWith('.sql'))) return 'sql'
  }
  return undefined
}
