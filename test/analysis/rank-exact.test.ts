/**
 * rank's exact path runs on BigInt decimals (so that a rank-only bundle carries neither zod nor
 * decimal.js): it must agree with decimal.js on every ordering and tie, at every precision.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as X from '../../src/arithmetic/decimal.js';
import { rank, type RankEntry } from '../../src/index.js';


/** Reference ranks: decimal.js keys, competition ranking, descending. */
function reference(entries: readonly RankEntry[], precision: number | 'exact'): (number | null)[] {
  const key = (s: number | string) => {
    const v = X.exact(typeof s === 'string' ? s.trim() : s);
    return precision === 'exact' ? v : X.roundHalfUp(v, precision);
  };
  return entries.map((e) => {
    if (e.score === null || e.score === undefined) return null;
    const k = key(e.score);
    return 1 + entries.filter((o) => o.score !== null && o.score !== undefined && X.compare(key(o.score), k) > 0).length;
  });
}

describe('exact rank without decimal.js', () => {
  it('agrees with decimal.js on 2,000 random lists (strings and numbers, every precision)', () => {
    const digits = fc.string({ unit: fc.constantFrom('0', '1', '5', '9'), minLength: 1, maxLength: 12 });
    const decimalString = fc.tuple(fc.constantFrom('', '-', '+', ' '), digits, digits).map(([sign, i, f]) => `${sign}${i}.${f}`);
    const score = fc.oneof(decimalString, fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }), fc.constantFrom(0.5, 0.05, 0.49995, 0.44445, null));
    fc.assert(
      fc.property(fc.array(score, { minLength: 1, maxLength: 12 }), fc.constantFrom<number | 'exact'>(0, 2, 4, 'exact'), (scores, precision) => {
        const entries = scores.map((s, i) => ({ id: `u${i}`, score: s }));
        // force the general path with a string score: it is the one under test
        const ranked = rank([...entries, { id: 'pad', score: '0' }], { precision });
        const byId = new Map(ranked.map((r) => [r.id, r.rank]));
        const ref = reference([...entries, { id: 'pad', score: '0' }], precision);
        expect([...entries, { id: 'pad' }].map((e) => byId.get(e.id))).toEqual(ref);
      }),
      { numRuns: 2_000 },
    );
  });

  it('the numeric fast path rounds ties exactly too (500 lists of numbers near half-way)', () => {
    const near = fc.integer({ min: -2_000_000, max: 2_000_000 }).map((k) => (k + 0.5) / 10_000 / (k % 3 === 0 ? 1 : 100));
    fc.assert(
      fc.property(fc.array(fc.oneof(near, fc.constantFrom(0.44445, 1.00005, 2.675, 1.005)), { minLength: 1, maxLength: 12 }), fc.constantFrom(2, 4), (scores, precision) => {
        const entries = scores.map((s, i) => ({ id: `u${i}`, score: s }));
        expect(rank(entries, { precision }).sort((a, b) => (a.id < b.id ? -1 : 1)).map((r) => r.rank)).toEqual(
          [...reference(entries, precision).entries()].sort((a, b) => (`u${a[0]}` < `u${b[0]}` ? -1 : 1)).map(([, r]) => r),
        );
      }),
      { numRuns: 500 },
    );
  });
});

describe('code-point order', () => {
  it('orders by code point in every case, astral characters after U+E000–U+FFFF', async () => {
    const { compareCodePoints } = await import('../../src/assessment/check.js');
    const byCodePoint = (a: string, b: string) => {
      const x = [...a].map((c) => c.codePointAt(0)!);
      const y = [...b].map((c) => c.codePointAt(0)!);
      for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
      return x.length - y.length;
    };
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), (a, b) => {
      expect(Math.sign(compareCodePoints(a, b))).toBe(Math.sign(byCodePoint(a, b)));
    }), { numRuns: 3_000 });
    expect(['\u{1F600}', '\uFFFD', 'Đ', 'a', 'B'].sort(compareCodePoints)).toEqual(['B', 'a', 'Đ', '\uFFFD', '\u{1F600}']);
  });
});
