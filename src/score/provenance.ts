/**
 * Which framework object scored a result. Results are plain, deeply frozen data (JSON-safe), so the framework is
 * remembered beside them: analyses then use the very framework the caller scored with — including
 * one whose unpublished facts the caller overrode — and fall back to the bundled framework of the
 * same id only for results rebuilt from JSON. (No framework data is imported here, so that DTI-only
 * code does not bundle the DBI data and vice versa.)
 */
import type { DbiFramework, DtiFramework } from '../framework/schema.js';
import { deepFreeze } from '../framework/freeze.js';
import { processWide } from '../process-wide.js';

/**
 * Kept process-wide: a result scored by one copy of the package must be analysed by another with
 * the framework that scored it (a result of a defined framework was refused as "no framework").
 */
const scoredWith: WeakMap<object, DtiFramework | DbiFramework> = /* @__PURE__ */ processWide('scored-with', () => new WeakMap());

/**
 * Records the framework that produced `result`, and freezes the result deeply: a result says who
 * made it, and an edited copy is no longer that result (the result checks re-score any object that
 * is not recorded here). Every producer of a result (the scorers, the summary) returns through here.
 */
export function recordFramework<T extends object>(result: T, framework: DtiFramework | DbiFramework): T {
  scoredWith.set(deepFreeze(result), framework);
  return result;
}

/** The framework recorded for a result, if it was scored in this process. */
export function recordedFramework(result: object): DtiFramework | DbiFramework | undefined {
  return scoredWith.get(result);
}
