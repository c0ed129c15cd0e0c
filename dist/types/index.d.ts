export * from './models/index.js';
export { toSchema, buildSchema, type Models, type BuiltSchema } from './models/to-schema.js';
export { loadModels, type LoadedModels } from './models/load.js';
export type { MigrationContext, MigrationFn, MigrationModule } from './runtime/types.js';
export type { ContextFactory, ContextKind } from './config/config.js';
