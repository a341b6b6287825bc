/**
 * hybrid.ts without decimal.js gives digit for digit what decimal.ts (decimal.js, precision 40,
 * half-up) gives, beyond the scaled-integer range as well: numerals with up to 46 integer digits and
 * 30 decimals, any finite double (1e-7, 5e-324, 1.7976931348623157e308), sums and products past
 * 2^53, non-terminating quotients carried into further operations, half-up ties at 2 and 4
 * decimals, comparison, negative zero. Division by zero is refused (decimal.js would give
 * Infinity, which no figure of the library may be).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as D from '../../src/arithmetic/decimal.js';
import * as H from '../../src/arithmetic/hybrid.js';

const DECIMALS = [0, 1, 2, 3, 4, 6, 10];

const same = (h: H.Exact, d: D.Exact) => {
  expect(H.toPlainString(h)).toBe(D.toPlainString(d));
  for (const decimals of DECIMALS) expect(H.toRoundedNumber(h, decimals)).toBe(D.toRoundedNumber(d, decimals));
};

/** Plain numerals, from a few digits to well past 2^53 and past 40 significant digits. */
const numeral = fc
  .tuple(fc.boolean(), fc.stringMatching(/^(0|[1-9]\d{0,45})$/), fc.stringMatching(/^\d{0,30}$/))
  .map(([negative, i, f]) => `${negative ? '-' : ''}${i}${f === '' ? '' : `.${f}`}`);
const smallNumeral = fc
  .tuple(fc.boolean(), fc.integer({ min: 0, max: 1000 }), fc.stringMatching(/^\d{0,6}$/))
  .map(([negative, i, f]) => `${negative ? '-' : ''}${i}${f === '' ? '' : `.${f}`}`);
const special = fc.constantFrom<number | string>(
  0, -0, '-0', '0.000', 1e-7, 5e-324, 1.7976931348623157e308, 1e21, 9007199254740993, '9007199254740993',
  0.1, 41.6, 999.995, '0.005', '-0.005', '0.00005', '-0.00005', '2.345', '0.12345', '1.5e3', '-2.5E-3',
);
const input = fc.oneof(numeral, smallNumeral, smallNumeral.map(Number), fc.double({ noNaN: true, noDefaultInfinity: true }), special);
/** A multiplier or divisor given as a number (framework maxima are; decimal.ts also takes any). */
const factor = fc.oneof(
  fc.constantFrom(1, 3, 7, 100, 700, 1000, -3, 0.1, 2.5, 1e-9, 1e20),
  fc.integer({ min: -(10 ** 9), max: 10 ** 9 }),
  fc.double({ min: -1e12, max: 1e12, noNaN: true }),
);

type Step = { op: 'add' | 'divExact'; v: number | string } | { op: 'mul' | 'div'; v: number };
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ op: fc.constant<'add'>('add'), v: input }),
  fc.record({ op: fc.constant<'divExact'>('divExact'), v: input }),
  fc.record({ op: fc.constantFrom<'mul' | 'div'>('mul', 'div'), v: factor }),
);

const isZero = (v: number | string) => D.isZero(D.exact(v));

describe('hybrid arithmetic beyond scaled integers, against decimal.js', () => {
  it('reads any finite number or numeral exactly', () => {
    fc.assert(fc.property(input, (v) => same(H.exact(v), D.exact(v))), { numRuns: 3_000 });
  });

  it('chains sums, products and quotients (numbers or exact divisors) as decimal.js does, step by step', () => {
    fc.assert(
      fc.property(input, fc.array(step, { minLength: 1, maxLength: 8 }), (start, steps) => {
        let h = H.exact(start);
        let d = D.exact(start);
        for (const s of steps) {
          if ((s.op === 'div' || s.op === 'divExact') && isZero(s.v)) continue;
          if (s.op === 'add') [h, d] = [H.add(h, H.exact(s.v)), D.add(d, D.exact(s.v))];
          else if (s.op === 'mul') [h, d] = [H.multiply(h, s.v), D.multiply(d, s.v)];
          else if (s.op === 'div') [h, d] = [H.divide(h, s.v), D.divide(d, s.v)];
          else [h, d] = [H.divide(h, H.exact(s.v)), D.divide(d, D.exact(s.v))];
          same(h, d);
        }
      }),
      { numRuns: 2_000 },
    );
  });

  it('sums long lists past 2^53 and past 40 significant digits as decimal.js does', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(numeral, input), { minLength: 2, maxLength: 30 }), (values) => {
        same(H.sum(values.map((v) => H.exact(v))), D.sum(values.map((v) => D.exact(v))));
      }),
      { numRuns: 1_000 },
    );
  });

  it('compares as decimal.js does, quotients as it holds them', () => {
    const value = fc.oneof(
      input.map((v) => [H.exact(v), D.exact(v)] as const),
      fc.tuple(input, factor.filter((m) => m !== 0)).map(([v, m]) => [H.divide(H.exact(v), m), D.divide(D.exact(v), m)] as const),
      fc.tuple(smallNumeral, fc.integer({ min: 1, max: 10 ** 6 })).map(([v, m]) => [H.divide(H.exact(v), m), D.divide(D.exact(v), m)] as const),
    );
    fc.assert(
      fc.property(value, value, ([ha, da], [hb, db]) => {
        expect(H.compare(ha, hb)).toBe(D.compare(da, db));
        expect(H.compare(hb, ha)).toBe(D.compare(db, da));
        expect(H.compare(ha, ha)).toBe(0);
      }),
      { numRuns: 3_000 },
    );
    // equal values in different forms: scaled, numeral past the scaled range, quotient
    expect(H.compare(H.exact('0.5'), H.divide(H.exact(1), 2))).toBe(0);
    expect(H.compare(H.exact('0.50000000000000000000'), H.exact(0.5))).toBe(0);
    expect(H.compare(H.exact('-0'), H.exact(0))).toBe(0);
    expect(H.compare(H.exact('123456789012345678901234567890'), H.exact('123456789012345678901234567891'))).toBe(-1);
  });

  it('rounds half-up, away from zero, exactly at the 2- and 4-decimal ties and just off them', () => {
    const cases: [string, number, number][] = [
      ['0.005', 2, 0.01], ['-0.005', 2, -0.01], ['0.004999999999999999999999', 2, 0], ['2.345', 2, 2.35], ['-2.345', 2, -2.35],
      ['0.00005', 4, 0.0001], ['-0.00005', 4, -0.0001], ['0.12345', 4, 0.1235], ['0.123449999999999999999', 4, 0.1234],
      ['99999999999999999999.995', 2, 100000000000000000000], ['1.00000000000000000000000000005', 4, 1],
    ];
    for (const [text, decimals, expected] of cases) {
      expect(H.toRoundedNumber(H.exact(text), decimals)).toBe(expected);
      expect(D.toRoundedNumber(D.exact(text), decimals)).toBe(expected);
    }
    // ties built by arithmetic past the scaled range: 1e20 + 0.005 and (2·10^25 + 1) / (4·10^27)
    const tie = H.add(H.exact('100000000000000000000'), H.exact('0.005'));
    expect(H.toPlainString(tie)).toBe('100000000000000000000.005');
    expect(H.toRoundedNumber(tie, 2)).toBe(D.toRoundedNumber(D.add(D.exact('100000000000000000000'), D.exact('0.005')), 2));
    expect(H.toPlainString(H.exact(H.toRoundedNumber(tie, 2)))).toBe('100000000000000000000');
    const q = H.divide(H.exact('20000000000000000000000001'), H.exact('4000000000000000000000000000'));
    expect(H.toPlainString(q)).toBe('0.00500000000000000000000000025');
    expect(H.toRoundedNumber(q, 2)).toBe(0.01);
    expect(H.toRoundedNumber(H.divide(H.exact(-1), 200), 2)).toBe(-0.01);
    fc.assert(
      fc.property(fc.integer({ min: -(10 ** 12), max: 10 ** 12 }), fc.constantFrom(2, 4), fc.stringMatching(/^\d{0,20}$/), (units, decimals, tail) => {
        // units + 0.5 in the last kept place, then an arbitrary tail: exactly on or just past the tie
        const c = (BigInt(Math.abs(units)) * 10n + 5n).toString().padStart(decimals + 2, '0');
        const text = `${units < 0 ? '-' : ''}${c.slice(0, -(decimals + 1))}.${c.slice(-(decimals + 1))}${tail}`;
        for (const dec of [decimals, decimals - 1]) expect(H.toRoundedNumber(H.exact(text), dec)).toBe(D.toRoundedNumber(D.exact(text), dec));
      }),
      { numRuns: 2_000 },
    );
  });

  it('carries non-terminating quotients to 40 significant digits, rounded where decimal.js rounds them', () => {
    const third = H.divide(H.exact(1), 3);
    expect(H.toPlainString(third)).toBe(`0.${'3'.repeat(40)}`);
    // 2/7 = 0.(285714): the 41st digit is 1, rounded down
    expect(H.toPlainString(H.divide(H.exact(2), 7))).toBe('0.2857142857142857142857142857142857142857');
    // 1/700 = 0.00(142857): 40 significant digits end …1428, the 41st is 5, rounded up
    expect(H.toPlainString(H.divide(H.exact(1), 700))).toBe('0.001428571428571428571428571428571428571429');
    // decimal.js rounds each quotient before the next operation: 1/3 + 1/3 ends in 6, 2/3 in 7
    expect(H.toPlainString(H.add(third, third))).toBe(`0.${'6'.repeat(40)}`);
    expect(H.toPlainString(H.divide(H.exact(2), 3))).toBe(`0.${'6'.repeat(39)}7`);
    expect(H.toPlainString(H.multiply(third, 3))).toBe(`0.${'9'.repeat(40)}`);
    // a quotient of integers past 2^53 (the DBI scorer's percentages of big maxima)
    const big = H.divide(H.exact('123456789012345678901234567890'), H.exact('987654321098765432109876543210'));
    expect(H.toPlainString(big)).toBe(D.toPlainString(D.divide(D.exact('123456789012345678901234567890'), D.exact('987654321098765432109876543210'))));
    for (const [a, b] of [[1, 3], [2, 7], [1, 700], [-1, 3], [10, -7], [1, 9007199254740993]] as const) {
      expect(H.toPlainString(H.divide(H.exact(a), b))).toBe(D.toPlainString(D.divide(D.exact(a), b)));
    }
  });

  it('never gives a negative zero', () => {
    for (const h of [H.exact(-0), H.exact('-0'), H.multiply(H.exact('-0.0000000001'), 0), H.add(H.exact('-1e-30'), H.exact('1e-30')), H.divide(H.exact('-0'), 7)]) {
      expect(H.toPlainString(h)).toBe('0');
      for (const decimals of DECIMALS) expect(Object.is(H.toRoundedNumber(h, decimals), 0)).toBe(true);
    }
    // rounds to zero from below: 0, not −0 (as decimal.ts)
    expect(Object.is(H.toRoundedNumber(H.exact('-0.004'), 2), 0)).toBe(true);
    expect(Object.is(H.toRoundedNumber(H.divide(H.exact(-1), 3000), 2), 0)).toBe(true);
    expect(Object.is(H.toRoundedNumber(H.exact('-0.0000000000000000000001'), 10), 0)).toBe(true);
  });

  it('refuses a zero divisor (decimal.js gives Infinity or NaN) and a non-numeral', () => {
    expect(D.toPlainString(D.divide(D.exact(1), 0))).toBe('Infinity');
    for (const [a, b] of [[H.exact(1), 0], [H.exact(1), -0], [H.exact('1e-30'), H.exact('0.000')], [H.divide(H.exact(1), 3), 0], [H.exact(0), H.ZERO]] as const) {
      expect(() => H.divide(a, b)).toThrow(RangeError);
    }
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, 'abc', '', '1,5']) expect(() => H.exact(bad)).toThrow(RangeError);
  });
});
