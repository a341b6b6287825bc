/**
 * Fuzzing the public entry points with 100,000+ malformed inputs, and every function export with
 * hostile arguments: wrong types, `__proto__` /
 * `constructor` keys, huge and tiny numbers, -0, BigInt, deep nesting, long strings. Each must give
 * a result or the library's own error — never another exception, never a polluted prototype — and
 * the quick accept path must never accept what the zod schema rejects.
 */
import { api, apiSpecs, functionExports } from './api-specs.js';
import { isVndiError } from '../../src/index.js';
import { fixture, type DbiFixtureRow, type DtiFixtureRow } from '../fixtures.js';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { NotScorableError, ValidationError, criterionOrder, getFramework, rank, safeScoreDbi, safeScoreDti, type DbiFramework } from '../../src/index.js';
import { compileDbi } from '../../src/assessment/dbi-input.js';
import { dbiZodSchema } from '../../src/assessment/dbi-input-schema.js';

const protoNames = Object.getOwnPropertyNames(Object.prototype).sort();
const sme = getFramework('dbi-2021-sme') as DbiFramework;
const order = criterionOrder(sme);
const valid = Object.fromEntries(order.map((id) => [id, id === '2.1.1' ? 10 : 2]));
const dtiValid = { awareness: 74, institutions: 30, infrastructure: 41.6, humanResources: 12.63, cybersecurity: 54, digitalGovernment: 78.47, digitalEconomy: 61.62, digitalSociety: 46.17 };

const nastyKey = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', 'answers', 'points', 'values', ...order.slice(0, 5), ...Object.keys(dtiValid)),
  fc.string({ maxLength: 12 }),
);
const nastyNumber = fc.oneof(
  fc.constantFrom(-0, 0, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.MAX_VALUE, Number.MIN_VALUE, Number.MAX_SAFE_INTEGER, 2 ** 53 + 2, 1e-7, 1e21, 5.000000000000001, 4.999999999999999),
  fc.double(),
  fc.integer(),
);
const nastyString = fc.oneof(
  fc.constantFrom('', ' ', '3', ' 3 ', '3.0', '03', '+3', '-0', '1e2', '0x3', '3,5', 'NaN', 'Infinity', '٣', '３', '9'.repeat(400), `0.${'0'.repeat(300)}1`, 'x'.repeat(100_000)),
  fc.string({ maxLength: 30 }),
);
const nastyValue = fc.oneof(nastyNumber, nastyString, fc.bigInt(), fc.constantFrom(null, undefined, true, false, [], {}, () => 1, Symbol('s'), new Date(0), new Uint8Array(2)));
const anything = fc.anything({
  key: nastyKey,
  maxDepth: 6,
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withTypedArray: true,
  values: [nastyValue],
});
const deep = fc.integer({ min: 50, max: 2000 }).map((depth) => {
  let o: unknown = 1;
  for (let i = 0; i < depth; i++) o = { answers: o, points: o };
  return o;
});

function onlyOurErrors(fn: () => { success: boolean; error?: unknown }) {
  let r;
  try {
    r = fn();
  } catch (e) {
    throw new Error(`threw ${(e as Error)?.name}: ${(e as Error)?.message}`);
  }
  if (!r.success) expect(r.error instanceof ValidationError || r.error instanceof NotScorableError).toBe(true);
  return r;
}

const c = compileDbi(sme);

describe('fuzzing (100,000+ malformed inputs)', () => {
  afterAll(() => {
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(protoNames);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('scoreDbi: 40,000 arbitrary inputs', () => {
    fc.assert(fc.property(fc.oneof(anything, deep), fc.constantFrom<string>('dbi-2021-sme', 'dbi-2021-large', 'dbi-2023-sme-readiness', 'nope'), (input, id) => {
      onlyOurErrors(() => safeScoreDbi(id, input as never));
    }), { numRuns: 40_000 });
  }, 120_000);

  it('scoreDbi: 30,000 near-valid inputs (one answer replaced); quick path agrees with zod', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 59 }), nastyValue, nastyKey, fc.boolean(), (i, value, key, addKey) => {
      const answers: Record<string, unknown> = { ...valid, [order[i]!]: value };
      if (addKey) Object.defineProperty(answers, key, { value: 1, enumerable: true, configurable: true, writable: true });
      const input = { answers };
      const r = onlyOurErrors(() => safeScoreDbi(sme, input as never));
      expect(r.success).toBe(dbiZodSchema(c).safeParse(input).success);
    }), { numRuns: 30_000 });
  }, 120_000);

  it('scoreDti: 30,000 arbitrary and near-valid inputs', () => {
    fc.assert(fc.property(fc.oneof(anything, deep), (input) => {
      onlyOurErrors(() => safeScoreDti('dti-province-2022', input as never));
    }), { numRuns: 15_000 });
    fc.assert(fc.property(fc.constantFrom(...Object.keys(dtiValid)), nastyValue, fc.constantFrom('points', 'values'), (k, value, mode) => {
      onlyOurErrors(() => safeScoreDti('dti-province-2022', { [mode]: { ...dtiValid, [k]: value } } as never));
    }), { numRuns: 15_000 });
  }, 120_000);

  it('rank: 5,000 arbitrary entry lists', () => {
    fc.assert(fc.property(fc.array(fc.record({ id: fc.string(), score: nastyValue }), { maxLength: 20 }), (entries) => {
      try {
        rank(entries as never);
      } catch (e) {
        expect(e).toBeInstanceOf(ValidationError);
      }
    }), { numRuns: 5_000 });
  });
});

// ---------------------------------------------------------------- every export

/**
 * Deep copy of plain objects and arrays (typed arrays copied, functions, symbols and class
 * instances kept by reference): a snapshot to compare inputs with after a call, and fresh inputs
 * that the library has not seen (so results lose their provenance and are checked in full).
 */
function copy(x: unknown, seen = new Map<object, unknown>()): unknown {
  if (typeof x !== 'object' || x === null) return x;
  if (seen.has(x)) return seen.get(x);
  if (ArrayBuffer.isView(x)) return (x as unknown as { slice(): unknown }).slice();
  const proto = Object.getPrototypeOf(x) as unknown;
  if (!Array.isArray(x) && proto !== Object.prototype && proto !== null) return x;
  const out: Record<PropertyKey, unknown> = Array.isArray(x) ? [] : Object.create(proto as object | null);
  seen.set(x, out);
  for (const k of Reflect.ownKeys(x)) {
    const d = Object.getOwnPropertyDescriptor(x, k)!;
    if ('value' in d) Object.defineProperty(out, k, { ...d, value: copy(d.value, seen) });
  }
  return out;
}

function deepFreeze<T>(x: T, seen = new Set<unknown>()): T {
  if (typeof x === 'object' && x !== null && !seen.has(x) && !ArrayBuffer.isView(x)) {
    seen.add(x);
    for (const k of Reflect.ownKeys(x)) deepFreeze((x as Record<PropertyKey, unknown>)[k], seen);
    Object.freeze(x);
  }
  return x;
}

/** Paths of every non-finite number in a result (typed arrays included). */
function nonFinite(x: unknown, path = '', seen = new Set<unknown>(), out: string[] = []): string[] {
  if (typeof x === 'number') {
    if (!Number.isFinite(x)) out.push(`${path || '(result)'} = ${x}`);
  } else if (typeof x === 'object' && x !== null && !seen.has(x) && out.length < 5 && !isVndiError(x) && !('pathString' in x && 'code' in x)) {
    // (an error's or an issue's params echo the caller's input, NaN included: only results are walked)
    seen.add(x);
    if (ArrayBuffer.isView(x) && !(x instanceof DataView)) {
      const a = x as unknown as ArrayLike<number | bigint>;
      for (let i = 0; i < a.length; i++) if (typeof a[i] === 'number' && !Number.isFinite(a[i])) out.push(`${path}[${i}] = ${a[i]}`);
    } else if (x instanceof Map || x instanceof Set) {
      for (const v of x.values()) nonFinite(v, `${path}.<entry>`, seen, out);
    } else {
      for (const k of Object.keys(x)) nonFinite((x as Record<string, unknown>)[k], path ? `${path}.${k}` : k, seen, out);
    }
  }
  return out;
}

describe('fuzzing every export of the public API', () => {
  /** Valid argument lists per function export (test/trust/api-specs.ts, shared with hostile.test.ts): the fuzzer breaks one argument (or one key) at a time. */
  const specs = apiSpecs();
  // its valid argument is a result of a framework defined in this test run, known by identity: the
  // fuzzer's copies of it are (rightly) refused as results of an unknown framework, so it gets
  // hostile arguments only, as an export without a spec does; hostile.test.ts calls it uncopied
  delete specs.dtiComponentGap;
  /**
   * Every export is held to the full rule. For investigating a regression, VNDI_FUZZ_TOLERATE=a,b
   * collects the foreign errors and non-finite numbers of the named exports (printed with
   * VNDI_FUZZ_REPORT=1) instead of failing; inputs must still be left untouched.
   */
  const tolerated = new Set<string>((process.env.VNDI_FUZZ_TOLERATE ?? '').split(',').filter(Boolean));
  const functions = functionExports;

  it('every spec names a function export; exports without a spec get hostile arguments only', () => {
    expect(Object.keys(specs).filter((k) => !functions.includes(k))).toEqual([]);
    // exports added since the specs were written are still fuzzed: one to three hostile arguments
    const unspecced = functions.filter((k) => !(k in specs));
    const lists = fc.sample(fc.array(hostile, { minLength: 0, maxLength: 3 }), { numRuns: 200, seed: 7 });
    const failures = new Set<string>();
    for (const name of unspecced) {
      const fn = (api as unknown as Record<string, (...args: unknown[]) => unknown>)[name]!;
      for (const list of lists) {
        const args = copy(list) as unknown[];
        const before = copy(args);
        let result: unknown;
        try {
          result = fn(...args);
        } catch (e) {
          if (!isVndiError(e)) failures.add(`${name} (no fuzz spec yet: add one below) threw ${(e as Error)?.name}: ${(e as Error)?.message} on (${list.map(describeValue).join(', ')})`);
          expect(args).toEqual(before);
          continue;
        }
        const bad = nonFinite(result);
        if (bad.length) failures.add(`${name}: non-finite ${bad.join(', ')} on (${list.map(describeValue).join(', ')})`);
        expect(args).toEqual(before);
      }
    }
    expect([...failures]).toEqual([]);
  });

  const hostile = fc.oneof(
    { weight: 4, arbitrary: nastyValue },
    { weight: 1, arbitrary: fc.anything({ key: nastyKey, maxDepth: 2, withBigInt: true, withNullPrototype: true, withTypedArray: true, values: [nastyValue] }) },
    { weight: 1, arbitrary: fc.constantFrom(JSON.parse('{"__proto__": {"polluted": 1}}'), Object.freeze({}), Object.freeze([]), [[]], [{}], new Map(), 'x'.repeat(70), -0, 2n ** 64n) },
  );
  const mutation = fc.record({
    tuple: fc.nat(),
    pos: fc.nat(),
    mode: fc.constantFrom('replace', 'key', 'key', 'deep', 'deep', 'drop', 'freeze'),
    key: nastyKey,
    pick: fc.nat(),
    value: hostile,
  });

  type Mutation = { tuple: number; pos: number; mode: string; key: string; pick: number; value: unknown };
  function describeValue(v: unknown): string {
    try {
      return typeof v === 'string' ? JSON.stringify(v.slice(0, 60)) : typeof v === 'bigint' ? `${v}n` : typeof v === 'symbol' ? v.toString() : JSON.stringify(v)?.slice(0, 200) ?? String(v);
    } catch {
      return Object.prototype.toString.call(v);
    }
  }
  const describeMutation = (m: Mutation) => `${m.mode} (tuple ${m.tuple}, position ${m.pos}, key ${JSON.stringify(m.key)}, pick ${m.pick}) with ${describeValue(m.value)}`;

  function mutate(tuples: readonly (readonly unknown[])[], m: Mutation): unknown[] {
    const args = [...tuples[m.tuple % tuples.length]!];
    const pos = args.length === 0 ? 0 : m.pos % (args.length + (m.mode === 'replace' ? 1 : 0));
    const setKey = (o: unknown, key: string | number, value: unknown): unknown => {
      // an array's `length` cannot hold any value: the whole array is replaced instead
      if (typeof o !== 'object' || o === null || ArrayBuffer.isView(o) || (Array.isArray(o) && key === 'length')) return value;
      const c = Array.isArray(o) ? [...o] : { ...o };
      Object.defineProperty(c, key, { value, enumerable: true, configurable: true, writable: true });
      return c;
    };
    const keysOf = (o: unknown) => (typeof o === 'object' && o !== null && !ArrayBuffer.isView(o) ? Object.keys(o) : []);
    switch (m.mode) {
      case 'replace':
        args[pos] = m.value;
        break;
      case 'key': {
        const keys = keysOf(args[pos]);
        args[pos] = setKey(args[pos], m.pick % 3 === 0 || keys.length === 0 ? m.key : keys[m.pick % keys.length]!, m.value);
        break;
      }
      case 'deep': {
        const keys = keysOf(args[pos]);
        if (keys.length === 0) break;
        const k = keys[m.pick % keys.length]!;
        const inner = (args[pos] as Record<string, unknown>)[k];
        const innerKeys = keysOf(inner);
        const ik = innerKeys.length === 0 || m.pick % 4 === 0 ? m.key : innerKeys[(m.pick >> 2) % innerKeys.length]!;
        args[pos] = setKey(args[pos], k, setKey(inner, ik, m.value));
        break;
      }
      case 'drop':
        args.length = pos;
        break;
      case 'freeze':
        return deepFreeze(copy(args) as unknown[]);
    }
    return copy(args) as unknown[];
  }

  const heavy: Record<string, number> = { dbiGap: 60, renderReport: 80, summarize: 150, mergeUnits: 150, inputJsonSchema: 40, dtiInputSchema: 100, rankDti: 150 };
  const foreign: string[] = [];

  it.each(Object.keys(specs))('%s: hostile arguments give a result or the library\'s own error, finite numbers, inputs untouched', (name) => {
    const fn = (api as unknown as Record<string, (...args: unknown[]) => unknown>)[name]!;
    const tuples = specs[name]!;
    // the valid calls themselves succeed
    for (const t of tuples) expect(() => fn(...copy(t) as unknown[]), `${name} on its valid arguments`).not.toThrow();
    const runs = Math.ceil((heavy[name] ?? 300) * Number(process.env.VNDI_FUZZ_SCALE ?? 1));
    const samples = fc.sample(mutation, { numRuns: runs, seed: Number(process.env.VNDI_FUZZ_SEED ?? 0x9e3779b9) ^ name.length });
    for (const m of samples) {
      const args = mutate(tuples, m);
      const before = copy(args);
      let result: unknown;
      try {
        result = fn(...args);
      } catch (e) {
        if (!isVndiError(e)) {
          if (!tolerated.has(name)) throw new Error(`${name} threw ${(e as Error)?.name}: ${(e as Error)?.message} on ${describeMutation(m)}\n${String((e as Error)?.stack).split("\n").slice(1, 4).join("\n")}`, { cause: e });
          foreign.push(`${name}: ${(e as Error)?.name}: ${String((e as Error)?.message).slice(0, 100)} on ${describeMutation(m)}`);
        }
        expect(args).toEqual(before);
        continue;
      }
      const bad = nonFinite(result);
      if (bad.length && tolerated.has(name)) foreign.push(`${name}: non-finite ${bad.join(', ')} on ${describeMutation(m)}`);
      else expect(bad, `${name} result on ${describeMutation(m)}`).toEqual([]);
      expect(args).toEqual(before);
    }
  }, 30_000);

  afterAll(() => {
    if (foreign.length && process.env.VNDI_FUZZ_REPORT) console.log([...new Set(foreign)].join('\n'));
  });
});
