import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type { Config, ModelsKind } from '../../config/config.js'
import { ModelError } from '../../errors.js'
import { importedFiles } from '../../loader/import.js'
import { recordReads, requiredClosure } from '../../loader/inputs.js'
import { checkCacheRoot } from '../../provision/cache.js'
import { displayPath, importModels, missing, modulePath, schemaOf } from '../load.js'
import { dbMigrateSource } from './db-migrate.js'
import { drizzleSource, hasDrizzleTables } from './drizzle.js'
import { currentManifest, writeManifest, type ModelsIdentity } from './manifest.js'
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

export type ModelsSettings = Pick<Config, 'modelsPath' | 'modelsNamed' | 'modelsKind' | 'cwd'> & Partial<Pick<Config, 'checkCache' | 'noCache'>>

/**
 * The models of the project, of whichever kind they are: the file or folder the settings name (or the first of
 * the conventional places), recognised from what it is and what it exports unless the models-kind setting says.
 * With `noCache: false`, models in db-migrate's language that were imported before from the same files and
 * environment are not imported again: their build's digest comes from the check cache, and build() imports them.
 */
export async function loadModelSource(config: ModelsSettings): Promise<ModelSource> {
  const found = config.modelsNamed || existsSync(config.modelsPath)
    ? config.modelsPath
    : conventionalPlaces.map((p) => join(config.cwd, p)).find((p) => existsSync(p)) ?? config.modelsPath
  const kind = config.modelsKind ?? kindOfFile(found)
  if (found.endsWith('.prisma')) {
    const file = displayPath(found, config.cwd)
    // Prisma's DDL comes only from its schema engine: a native binary fetched at first use, or a separate WebAssembly package
    throw new ModelError(`models file ${file}: Prisma schemas are not read directly yet: write the schema as SQL with your prisma (npx prisma migrate diff --from-empty --to-schema ${file} --script > prisma/schema.sql) and point --models at that file`, file)
  }
  const cacheRoot = config.noCache === false ? checkCacheRoot(config.checkCache ?? null) : undefined
  const cached = cacheRoot ? { cacheRoot } : {}
  if (kind === 'sql') {
    const file = displayPath(found, config.cwd)
    if (!existsSync(found)) throw missing(file)
    return { ...sqlSource(found, file), ...cached }
  }
  const path = modulePath(found)
  const file = displayPath(path, config.cwd)
  const identity: ModelsIdentity = { path, kind, cwd: config.cwd }
  if (!cacheRoot) return moduleSource(path, file, kind)
  const known = currentManifest(cacheRoot, identity)
  if (known) return importedLater(known.file, known.buildDigest, cacheRoot, () => recorded(path, file, kind, cacheRoot, identity))
  return recorded(path, file, kind, cacheRoot, identity)
}

/** The module imported while what it reads is recorded; models in db-migrate's language leave a manifest of it. */
async function recorded(path: string, file: string, kind: ModelsKind | undefined, cacheRoot: string, identity: ModelsIdentity): Promise<ModelSource> {
  const { value: source, reads } = await recordReads(() => moduleSource(path, file, kind))
  if (source.kind !== 'db-migrate' || source.buildDigest === undefined) return source
  try {
    const modules = await importedFiles(path)
    // a CommonJS module the models require may have been required before (by a migration): the module cache knows what it requires
    const files = modules && requiredClosure([...reads.files, ...modules.map((m) => m.path)])
    if (modules && files) writeManifest(cacheRoot, identity, { file, buildDigest: source.buildDigest, modules, files, env: reads })
  } catch {
    // no manifest: the next run imports the models again
  }
  return { ...source, cacheRoot }
}

/** Models known by their build's digest; imported only if they are built. */
function importedLater(file: string, digest: string, cacheRoot: string, load: () => Promise<ModelSource>): ModelSource {
  let loaded: ModelSource | undefined
  let loading: Promise<ModelSource> | undefined
  return {
    kind: 'db-migrate',
    file,
    cacheRoot,
    get buildDigest() {
      return loaded ? loaded.buildDigest : digest
    },
    async build(url) {
      loaded = await (loading ??= load())
      await loaded.build(url)
    },
  }
}

async function moduleSource(path: string, file: string, kind: ModelsKind | undefined): Promise<ModelSource> {
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
