/**
 * Which framework object scored a result. Results are plain data (JSON-safe), so the framework is
 * remembered beside them: analyses then use the very framework the caller scored with — including
 * one whose unpublished facts the caller overrode — and fall back to the bundled framework of the
 * same id only for results rebuilt from JSON. (No framework data is imported here, so that DTI-only
 * code does not bundle the DBI data and vice versa.)
 */
import type { DbiFramework, DtiFramework } from '../framework/schema.js';
import { processWide } from '../process-wide.js';

/**
 * Kept process-wide: a result scored by one copy of the package must be analysed by another with
 * the framework that scored it (a result of a defined framework was refused as "no framework").
 */
const scoredWith: WeakMap<object, DtiFramework | DbiFramework> = /* @__PURE__ */ processWide('scored-with', () => new WeakMap());

/** Records the framework that produced `result`. */
export function recordFramework<T extends object>(result: T, framework: DtiFramework | DbiFramework): T {
  scoredWith.set(result, framework);
  return result;
}

/** The framework recorded for a result, if it was scored in this process. */
export function recordedFramework(result: object): DtiFramework | DbiFramework | undefined {
  return scoredWith.get(result);
}
