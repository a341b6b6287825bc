/**
 * Fuzzing the public entry points with 100,000+ malformed inputs: wrong types, `__proto__` /
 * `constructor` keys, huge and tiny numbers, -0, BigInt, deep nesting, long strings. Each must give
 * a result or the library's own error — never another exception, never a polluted prototype — and
 * the quick accept path must never accept what the zod schema rejects.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { NotScorableError, ValidationError, criterionOrder, getFramework, rank, safeScoreDbi, safeScoreDti, type DbiFramework } from '../../src/index.js';
import { compileDbi, dbiZodSchema } from '../../src/assessment/dbi-input.js';

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
