import { processWide } from '../process-wide.js';

/**
 * Deeply freezes plain data so that no caller can change a framework or a result in place.
 *
 * Runs at import on every bundled framework (about 2,800 objects), so it skips primitives before
 * recursing and walks arrays by index (import time, issue #12).
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  Object.freeze(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (typeof item === 'object' && item !== null) deepFreeze(item);
    }
  } else {
    for (const key of Object.keys(value)) {
      const item: unknown = (value as Record<string, unknown>)[key];
      if (typeof item === 'object' && item !== null) deepFreeze(item);
    }
  }
  return value;
}

/**
 * The frameworks bundled with the package, kept process-wide: a bundled framework object of one
 * copy of the package (`dtiProvince2022`, `getFramework(…)`) must be accepted by another, which has
 * its own copy of the data.
 */
const bundledAnywhere: WeakSet<object> = /* @__PURE__ */ processWide('bundled-frameworks', () => new WeakSet<object>());

/**
 * {@link deepFreeze} for a framework bundled with the package, recorded as bundled process-wide.
 * Called inside each framework's pure initializer, so a bundle that drops the framework drops this
 * too.
 */
export function bundledFramework<T extends object>(framework: T): T {
  bundledAnywhere.add(deepFreeze(framework));
  return framework;
}

/** Whether `value` is a framework bundled with the package, by this copy of it or another. */
export function isBundledFramework(value: unknown): boolean {
  return typeof value === 'object' && value !== null && bundledAnywhere.has(value);
}
