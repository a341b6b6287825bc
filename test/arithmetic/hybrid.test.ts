/**
 * The scaled-integer arithmetic behind scoreDti gives digit for digit what decimal.js gives: on the
 * operations scoring uses (read, sum, product by a maximum, share of a maximum, half-up rounding,
 * plain strings), over inputs with 0 to 12 decimals, numbers and strings.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as D from '../../src/arithmetic/decimal.js';
import * as H from '../../src/arithmetic/hybrid.js';

const numeral = fc
  .tuple(fc.integer({ min: 0, max: 1000 }), fc.stringMatching(/^\d{0,12}$/))
  .map(([i, f]) => (f === '' ? String(i) : `${i}.${f}`));
const input = fc.oneof(numeral, numeral.map(Number), fc.double({ min: 0, max: 1000, noNaN: true }), fc.constantFrom(0, -0, 0.1, 0.7024, 41.6, 12.63, 1e-7, '0.00000001', 999.995));
const max = fc.oneof(fc.constantFrom(0, 1, 100, 150, 200, 300, 400, 650, 700, 1000), fc.integer({ min: 1, max: 10 ** 9 }));

const same = (h: H.Exact, d: D.Exact) => {
  expect(H.toPlainString(h)).toBe(D.toPlainString(d));
  for (const decimals of [0, 2, 4]) expect(H.toRoundedNumber(h, decimals)).toBe(D.toRoundedNumber(d, decimals));
};

describe('hybrid exact arithmetic', () => {
  it('reads, sums, multiplies and divides as decimal.js does', () => {
    fc.assert(fc.property(fc.array(input, { minLength: 1, maxLength: 9 }), max, (values, m) => {
      const h = values.map((v) => H.exact(v));
      const d = values.map((v) => D.exact(v));
      h.forEach((x, i) => same(x, d[i]!));
      const hs = H.sum(h);
      const ds = D.sum(d);
      same(hs, ds);
      same(H.multiply(h[0]!, m), D.multiply(d[0]!, m));
      if (m > 0) {
        same(H.divide(hs, m), D.divide(ds, m));
        same(H.divide(H.multiply(h[0]!, m), m * 3), D.divide(D.multiply(d[0]!, m), m * 3));
      }
    }), { numRuns: 4_000 });
  });

  it('holds published figures on scaled integers and gives exact quotients', () => {
    const total = H.sum([74, 30, 41.6, 12.63, 54, 78.47, 61.62, 46.17].map((v) => H.exact(v)));
    expect(H.toPlainString(total)).toBe('398.49');
    const value = H.divide(total, 1000);
    expect([H.toPlainString(value), H.toRoundedNumber(value, 4)]).toEqual(['0.39849', 0.3985]);
    const third = H.divide(H.exact(1), 3);
    expect(H.toPlainString(third)).toBe(`0.${'3'.repeat(40)}`);
    // too many decimals for scaled integers: decimal.js takes over, same figures
    const fine = H.exact('0.1234567890123');
    expect(H.toPlainString(H.multiply(fine, 7))).toBe('0.8641975230861');
  });
});
