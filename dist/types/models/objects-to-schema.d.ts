import { type SchemaObject } from '../schema/objects.js';
import type { Models } from './to-schema.js';
export declare function buildObjects(models: Models, problems: string[]): SchemaObject[];
