import { ValidationError, makeIssue } from '../errors.js';
import { isBundledFramework } from '../framework/freeze.js';
import { isDefinedFramework } from '../framework/registry.js';
import { recordedFramework } from '../score/provenance.js';
import { setOwn } from '../own-key.js';

type Path = readonly (string | number)[];

/**
 * How deep a scoring input is copied. The deepest input scoring reads is
 * input → answers → criterion → list of option ids (4 levels); anything deeper is never read by
 * scoring, only rejected by validation, so it is kept by reference.
 */
const SNAPSHOT_DEPTH = 6;
/**
 * How deep {@link readOnce} copies: the deepest data an analysis reads is a DBI result inside a
 * cohort entry (entries → entry → result → pillars → pillar → components → component → criteria →
 * criterion → exact → figure, 11 levels).
 */
const READ_DEPTH = 16;
/** Longer arrays are kept by reference (a sparse array of length 2³² − 1 is not data to copy). */
const READ_ARRAY_LIMIT = 1 << 25;

/** How far a copy goes, and which objects it keeps by reference as the library's own. */
interface Reach {
  readonly depth: number;
  readonly arrayLimit: number;
  readonly own: (value: object) => boolean;
}
const SNAPSHOT: Reach = { depth: SNAPSHOT_DEPTH, arrayLimit: 10_000, own: isOwn };
const READ: Reach = { depth: READ_DEPTH, arrayLimit: READ_ARRAY_LIMIT, own: isOwn };
// Data that never holds a framework or a result (rank's entries and options): nothing to keep by
// reference, and the rank-only bundle does not carry the framework registry.
const PLAIN: Reach = { depth: READ_DEPTH, arrayLimit: READ_ARRAY_LIMIT, own: () => false };

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
export function snapshotInput<T>(input: T, path: Path = []): T {
  return readGuarded(path, () => copy(input, 0, SNAPSHOT) as T);
}

/**
 * {@link snapshotInput} for the arguments of every other public function (entries, results,
 * options, rows): deeper, for arrays of any real length, and stopping at what this library made —
 * a result scored in this process (whose provenance lives beside it) and a bundled or checked
 * framework — which are kept by reference. A getter or Proxy trap that throws becomes a {@link ValidationError} whose
 * path is `path` followed by the keys down to the unreadable place.
 *
 * One mechanism for the whole API: each function reads its caller's objects once, here, and works
 * on the copy, so neither a throwing trap nor a value that changes between two reads can reach the
 * function's own code.
 */
export function readOnce<T>(value: T, path: Path): T {
  return readGuarded(path, () => copy(value, 0, READ) as T);
}

/**
 * {@link readOnce} for data that never holds a framework or a result scored by the library (rank's
 * entries and options): the same copy, with nothing kept by reference.
 */
export function readPlain<T>(value: T, path: Path): T {
  return readGuarded(path, () => copy(value, 0, PLAIN) as T);
}

/**
 * Runs `read`, a few property reads of a caller's object (a framework's `kind`, a Date's time),
 * turning a getter or Proxy trap that throws into the same {@link ValidationError} at `path`.
 * Only reads go in `read`: any other failure would be reported as unreadable input.
 */
export function readGuarded<T>(path: Path, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof ValidationError) throw error;
    const at = error instanceof Unreadable ? [...path, ...error.path] : [...path];
    throw new ValidationError([unreadableIssue(at)]);
  }
}

/** The issue of a value that could not be read (a getter or a Proxy trap threw). */
export function unreadableIssue(path: Path) {
  return makeIssue(path, 'invalid_type', {
    expected: 'plain data (a property getter or Proxy threw while it was read)',
    expectedVi: 'dữ liệu thuần (một getter hoặc Proxy đã báo lỗi khi được đọc)',
  }, 'Pass plain objects and arrays (for example a JSON.parse(JSON.stringify(x)) copy), not objects with getters or Proxies that throw.');
}

class Unreadable {
  constructor(readonly path: (string | number)[]) {}
}

/** Rethrows an unreadable place found below `key` with `key` in front of its path. */
function below(key: string | number, error: unknown): never {
  if (error instanceof Unreadable) throw new Unreadable([key, ...error.path]);
  throw new Unreadable([key]);
}

/** What the library made and keeps beside its own records: read as it is, never copied. */
function isOwn(value: object): boolean {
  return recordedFramework(value) !== undefined || isDefinedFramework(value) || isBundledFramework(value);
}

// The common case is 60 plain answers: no path is built and no property defined one by one unless
// something goes wrong (the copy sits on every scoring call).
function copy(value: unknown, depth: number, reach: Reach): unknown {
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null || depth >= reach.depth) return value;
  if (reach.own(value)) return value;
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
    // a sparse or huge array is not data to copy; validation rejects it by its length
    if (proto !== Array.prototype || length > reach.arrayLimit) return value;
    const out: unknown[] = new Array(length);
    let i = 0;
    try {
      for (; i < length; i++) out[i] = copy((value as unknown[])[i], depth + 1, reach);
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
      const item = copy((value as Record<string, unknown>)[key], depth + 1, reach);
      // `__proto__` stays an own key, as the caller's object had it
      setOwn(out, key, item);
    }
  } catch (error) {
    below(key, error);
  }
  return out;
}
