import type * as S from '../schema/schema.js';
import type { ModelTables } from './model-tables.js';
import type { PolicyDeclaration } from './policy.js';
import type { AnyTable } from './table.js';
import type { Models } from './to-schema.js';
type Extras = Pick<S.Table, 'partitionBy' | 'partitionOf' | 'inherits' | 'unlogged' | 'rowLevelSecurity' | 'policies'>;
export declare function buildTableExtras(t: AnyTable, tables: ModelTables, label: string, policies: readonly PolicyDeclaration[], problems: string[]): Extras;
/** One Schema grant per privilege and role; each needs an object and at least one role. */
export declare function buildGrants(models: Models, problems: string[]): S.Grant[];
export {};
