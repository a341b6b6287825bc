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
    return copy(input, 0, []) as T;
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

function copy(value: unknown, depth: number, path: (string | number)[]): unknown {
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null || depth >= SNAPSHOT_DEPTH) return value;
  let proto: unknown;
  let isArray: boolean;
  try {
    isArray = Array.isArray(value);
    proto = Object.getPrototypeOf(value);
  } catch {
    throw new Unreadable(path);
  }
  if (isArray) {
    let length: number;
    try {
      length = (value as unknown[]).length;
    } catch {
      throw new Unreadable(path);
    }
    // a sparse or huge array is not a list of answers; validation rejects it by its length
    if (proto !== Array.prototype || length > 10_000) return value;
    const out: unknown[] = new Array(length);
    for (let i = 0; i < length; i++) {
      let item: unknown;
      try {
        item = (value as unknown[])[i];
      } catch {
        throw new Unreadable([...path, i]);
      }
      out[i] = copy(item, depth + 1, [...path, i]);
    }
    return out;
  }
  if (typeof value === 'function' || (proto !== Object.prototype && proto !== null)) return value;
  let keys: string[];
  try {
    keys = Object.keys(value);
  } catch {
    throw new Unreadable(path);
  }
  const out = Object.create(proto as object | null) as Record<string, unknown>;
  for (const key of keys) {
    let item: unknown;
    try {
      item = (value as Record<string, unknown>)[key];
    } catch {
      throw new Unreadable([...path, key]);
    }
    Object.defineProperty(out, key, { value: copy(item, depth + 1, [...path, key]), enumerable: true, writable: true, configurable: true });
  }
  return out;
}
