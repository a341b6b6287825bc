/**
 * vn-digital-index/schema: checking framework files and inputs with their schemas.
 *
 * `defineFramework` (a framework file, checked for shape and invariants), the override helpers
 * that build checked frameworks, the zod schemas of the framework format and of a DTI input, and
 * the JSON Schema of any framework's input. They load zod, which the main entry and every scoring
 * function leave out: an app that only scores starts faster and bundles smaller. A framework
 * returned here is accepted by every function of the main entry.
 *
 * @example
 * ```ts
 * import { defineDtiFramework } from 'vn-digital-index/schema';
 * import { dtiProvince2022, scoreDti } from 'vn-digital-index';
 *
 * // a framework file (here 922's, copied): checked once, then accepted everywhere
 * const mine = defineDtiFramework(JSON.parse(JSON.stringify(dtiProvince2022)));
 * const r = scoreDti(mine, { values: { awareness: 0.5, institutions: 0.5, infrastructure: 0.5, humanResources: 0.5,
 *   cybersecurity: 0.5, digitalGovernment: 0.5, digitalEconomy: 0.5, digitalSociety: 0.5 } });
 * r.value; // 0.5
 * ```
 *
 * @packageDocumentation
 * @module vn-digital-index/schema
 */

export {
  defineFramework, defineDbiFramework, defineDtiFramework, safeDefineFramework, frameworkIssues,
} from './framework/define.js';
export { overrideDtiMaxima, overrideDbiPillarMaxima, withDbiLevelRule } from './framework/override.js';
export {
  frameworkSchema, dtiFrameworkSchema, dbiFrameworkSchema, dbiLevelRuleSchema, dtiComponentSchema,
} from './framework/schema.js';
export { dtiInputSchema } from './assessment/dti-input-schema.js';
export { inputJsonSchema } from './assessment/json-schema.js';
export type { InputJsonSchema, InputJsonSchemaOptions } from './assessment/json-schema.js';
