/**
 * Hostile objects: a Proxy whose traps throw, or a getter that throws, passed in every argument
 * position of every function export (and one and two levels inside each argument) must end in the
 * library's own ValidationError naming where it was, never the trap's own Error.
 */
import { describe, expect, it } from 'vitest';
import { isValidationError, type ValidationError } from '../../src/index.js';
import { apiSpecs, exported, functionExports } from './api-specs.js';

class Trap extends Error {
  override name = 'Trap';
}

type Kind = 'get' | 'ownKeys' | 'getPrototypeOf' | 'has' | 'getOwnPropertyDescriptor' | 'getter';
const kinds: readonly Kind[] = ['get', 'ownKeys', 'getPrototypeOf', 'has', 'getOwnPropertyDescriptor', 'getter'];

/** `value` made hostile: a Proxy over it whose `kind` trap throws, or a copy with a throwing getter. */
function hostile(value: unknown, kind: Kind): unknown {
  const target = typeof value === 'object' && value !== null ? value : {};
  if (kind === 'getter') {
    const copy = Array.isArray(target) ? [...target] : ArrayBuffer.isView(target) ? {} : { ...target };
    const keys = Object.keys(copy);
    const key = keys.length ? keys[0]! : 'x';
    Object.defineProperty(copy, key, { get() { throw new Trap(kind); }, enumerable: true, configurable: true });
    return copy;
  }
  return new Proxy(target, { [kind]() { throw new Trap(kind); } });
}

/** Paths into `value` (up to `depth` keys deep) at which to plant a hostile object. */
function places(value: unknown, depth: number): (string | number)[][] {
  const out: (string | number)[][] = [[]];
  if (depth === 0 || typeof value !== 'object' || value === null || ArrayBuffer.isView(value)) return out;
  const keys = Array.isArray(value) ? [...new Set([0, value.length - 1])].filter((i) => i >= 0) : Object.keys(value);
  for (const k of keys) {
    for (const rest of places((value as Record<string | number, unknown>)[k], depth - 1)) out.push([k, ...rest]);
  }
  return out;
}

/** A shallow-copied path down `root` with the value at `path` replaced. */
function plant(root: unknown, path: readonly (string | number)[], kind: Kind): unknown {
  if (path.length === 0) return hostile(root, kind);
  const [k, ...rest] = path;
  const copy = Array.isArray(root) ? [...root] : { ...(root as object) };
  (copy as Record<string | number, unknown>)[k!] = plant((root as Record<string | number, unknown>)[k!], rest, kind);
  return copy;
}

describe('hostile objects (throwing Proxy traps and getters) in every argument of every export', () => {
  const specs = apiSpecs();

  it('every function export has a spec', () => {
    expect(functionExports.filter((k) => !(k in specs))).toEqual([]);
  });

  it.each(functionExports.filter((k) => k in specs))('%s', (name) => {
    const fn = exported(name);
    const escapes = new Set<string>();
    for (const tuple of specs[name]!) {
      for (let pos = 0; pos < Math.max(tuple.length, 1); pos++) {
        for (const path of places(tuple[pos], 2)) {
          for (const kind of kinds) {
            const args = [...tuple];
            args[pos] = plant(tuple[pos], path, kind);
            try {
              fn(...args);
            } catch (e) {
              if (!isValidationError(e)) escapes.add(`${kind} at argument ${pos} ${path.join('.')}: ${(e as Error)?.name}: ${(e as Error)?.message}`);
              else if ((e as ValidationError).message.includes('Trap')) escapes.add(`${kind} at ${pos} ${path.join('.')}: message leaks the trap`);
            }
          }
        }
      }
    }
    expect([...escapes]).toEqual([]);
  });
});

describe('hostile objects: the exact issue', () => {
  const trap = () => {
    throw new Trap('trap');
  };
  const issueOf = (fn: () => unknown) => {
    try {
      fn();
    } catch (e) {
      expect(isValidationError(e)).toBe(true);
      const [issue] = (e as ValidationError).issues;
      return { path: issue!.pathString, code: issue!.code, en: issue!.message.en, vi: issue!.message.vi };
    }
    throw new Error('expected a ValidationError');
  };
  const unreadable = (path: string) => ({
    path,
    code: 'invalid_type',
    en: 'Invalid type: expected plain data (a property getter or Proxy threw while it was read)',
    vi: 'Kiểu dữ liệu không hợp lệ: cần dữ liệu thuần (một getter hoặc Proxy đã báo lỗi khi được đọc)',
  });

  it('rank and summarize of a Proxy whose get trap throws: invalid_type at entries', async () => {
    const { rank, summarize } = await import('../../src/index.js');
    expect(issueOf(() => rank(new Proxy([], { get: trap })))).toEqual(unreadable('entries'));
    expect(issueOf(() => summarize(new Proxy([], { get: trap })))).toEqual(unreadable('entries'));
    expect(issueOf(() => rank([], new Proxy({}, { ownKeys: trap })))).toEqual(unreadable('options'));
  });

  it('a throwing getter deep inside names its full path', async () => {
    const { rank, summarize, scoreDbi, criterionOrder } = await import('../../src/index.js');
    const entry = Object.defineProperty({ id: 'B' }, 'score', { get: trap, enumerable: true }) as { id: string; score: number };
    expect(issueOf(() => rank([{ id: 'A', score: 1 }, entry]))).toEqual(unreadable('entries.1.score'));
    const result = scoreDbi('dbi-2021-sme', { answers: Object.fromEntries(criterionOrder('dbi-2021-sme').map((id) => [id, id === '2.1.1' ? 10 : 2])) });
    const rebuilt = JSON.parse(JSON.stringify(result)) as Record<string, unknown>;
    Object.defineProperty(rebuilt, 'total', { get: trap, enumerable: true });
    expect(issueOf(() => summarize([{ result }, { result: rebuilt as never }]))).toEqual(unreadable('entries.1.result.total'));
  });

  it('a getter read once: a value that would change on a second read is read once', async () => {
    const { rank } = await import('../../src/index.js');
    let reads = 0;
    const entry = Object.defineProperty({ id: 'B' }, 'score', {
      get() {
        if (reads++ > 0) throw new Trap('second read');
        return 0.5;
      },
      enumerable: true,
    }) as { id: string; score: number };
    expect(rank([{ id: 'A', score: 0.7 }, entry]).map((r) => [r.id, r.rank])).toEqual([['A', 1], ['B', 2]]);
    expect(reads).toBe(1);
  });

  it('framework references: a Proxy framework, a Proxy Date, a Proxy typed array', async () => {
    const { scoreDti, scoreDbiBatch, frameworkInForce, dtiProvince2022 } = await import('../../src/index.js');
    expect(issueOf(() => scoreDti(new Proxy(dtiProvince2022, { get: trap }), { points: {} }))).toEqual(unreadable('framework'));
    expect(issueOf(() => frameworkInForce('dti', new Proxy(new Date(0), { getPrototypeOf: trap })))).toEqual(unreadable('date'));
    // a Proxy around a real typed array is not one (its internal slot is not there)
    expect(issueOf(() => scoreDbiBatch('dbi-2021-sme', new Proxy(new Uint8Array(60), {})))).toMatchObject({ path: 'answers', code: 'invalid_type' });
  });

  it('the error predicates answer false for a hostile object instead of throwing', async () => {
    const { isVndiError, isValidationError: isVal, ValidationError: VE } = await import('../../src/index.js');
    const hostileError = new Proxy({}, { getPrototypeOf: trap, get: trap });
    expect(isVndiError(hostileError)).toBe(false);
    expect(isVal(hostileError)).toBe(false);
    expect(hostileError instanceof VE).toBe(false);
  });
});
