import { ValidationError, makeIssue } from '../errors.js';

/**
 * How deep an input is copied. The deepest input the library reads is
 * input → answers → criterion → list of option ids (4 levels); anything deeper is never read by
 * scoring, only rejected by validation, so it is kept by reference.
 */
const SNAPSHOT_DEPTH = 6;

/**
 * A plain copy of a caller's input, each property read exactly once.
 *
 * Why: validation and scoring each read the input; a getter (or Proxy) that answers differently on
 * the second read would pass validation with a good value and reach the arithmetic with a bad one
 * (a raw RangeError), and one that throws would escape as the caller's own error instead of a
 * {@link ValidationError}. Reading once into plain data closes both. Plain objects keep their
 * prototype (Object.prototype or null) and own keys, `__proto__` included, so that validation sees
 * what it would have seen; arrays are copied index by index; any other object (Date, Map, typed
 * array, class instance) is kept as is, for validation to reject or accept by its type.
 */
export function snapshotInput<T>(input: T): T {
  try {
    return copy(input, 0) as T;
  } catch (error) {
    if (error instanceof Unreadable) {
      throw new ValidationError([makeIssue(error.path, 'invalid_type', {
        expected: 'plain data (a property getter or Proxy threw while it was read)',
        received: undefined,
      })]);
    }
    throw error;
  }
}

class Unreadable {
  constructor(readonly path: (string | number)[]) {}
}

/** Rethrows an unreadable place found below `key` with `key` in front of its path. */
function below(key: string | number, error: unknown): never {
  if (error instanceof Unreadable) throw new Unreadable([key, ...error.path]);
  throw new Unreadable([key]);
}

// The common case is 60 plain answers: no path is built and no property defined one by one unless
// something goes wrong (the copy sits on every scoring call).
function copy(value: unknown, depth: number): unknown {
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null || depth >= SNAPSHOT_DEPTH) return value;
  let proto: unknown;
  let isArray: boolean;
  try {
    isArray = Array.isArray(value);
    proto = Object.getPrototypeOf(value);
  } catch {
    throw new Unreadable([]);
  }
  if (isArray) {
    let length: number;
    try {
      length = (value as unknown[]).length;
    } catch {
      throw new Unreadable([]);
    }
    // a sparse or huge array is not a list of answers; validation rejects it by its length
    if (proto !== Array.prototype || length > 10_000) return value;
    const out: unknown[] = new Array(length);
    let i = 0;
    try {
      for (; i < length; i++) out[i] = copy((value as unknown[])[i], depth + 1);
    } catch (error) {
      below(i, error);
    }
    return out;
  }
  if (typeof value === 'function' || (proto !== Object.prototype && proto !== null)) return value;
  let keys: string[];
  try {
    keys = Object.keys(value);
  } catch {
    throw new Unreadable([]);
  }
  const out = (proto === null ? Object.create(null) : {}) as Record<string, unknown>;
  let key = '';
  try {
    for (key of keys) {
      const item = copy((value as Record<string, unknown>)[key], depth + 1);
      // `__proto__` stays an own key, as the caller's object had it
      if (key === '__proto__') Object.defineProperty(out, key, { value: item, enumerable: true, writable: true, configurable: true });
      else out[key] = item;
    }
  } catch (error) {
    below(key, error);
  }
  return out;
}
