/**
 * Ranking decimal strings on integer keys read from their digits (linear, no decimal arithmetic)
 * gives the ranks an exact decimal.js comparison gives, at every precision.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as D from '../../src/arithmetic/decimal.js';
import { rank, type RankMethod } from '../../src/index.js';

const numeral = fc
  .tuple(fc.constantFrom('', '-'), fc.integer({ min: 0, max: 400 }), fc.stringMatching(/^\d{0,9}$/))
  .map(([s, i, f]) => `${s}${i}${f === '' ? '' : `.${f}`}`);
const score = fc.oneof({ weight: 5, arbitrary: numeral }, fc.constantFrom('1.5', '1.50', '01.5', ' 2 ', '0.00005', '-0', null, 100), fc.double({ min: -500, max: 500, noNaN: true }));

/** Competition / dense / ordinal ranks from an exact comparison, stable in input order. */
function reference(scores: readonly (string | number | null)[], precision: number | 'exact', method: RankMethod): (number | null)[] {
  const key = (s: string | number) => {
    const x = D.exact(typeof s === 'string' ? s.trim() : s);
    return precision === 'exact' ? x : D.roundHalfUp(x, precision);
  };
  const present = scores.map((s, i) => ({ s, i })).filter((e) => e.s !== null) as { s: string | number; i: number }[];
  present.sort((a, b) => D.compare(key(b.s), key(a.s)) || a.i - b.i);
  const out: (number | null)[] = scores.map(() => null);
  let dense = 0;
  present.forEach((e, j) => {
    const tied = j > 0 && D.compare(key(present[j - 1]!.s), key(e.s)) === 0;
    if (!tied) dense++;
    out[e.i] = method === 'ordinal' ? j + 1 : method === 'dense' ? dense : tied ? out[present[j - 1]!.i]! : j + 1;
  });
  return out;
}

describe('rank on digit keys', () => {
  it('agrees with an exact decimal comparison (strings, numbers, ties, precisions, methods)', () => {
    fc.assert(fc.property(fc.array(score, { maxLength: 40 }), fc.constantFrom<number | 'exact'>('exact', 0, 2, 4, 8), fc.constantFrom<RankMethod>('competition', 'dense', 'ordinal'), (scores, precision, method) => {
      const entries = scores.map((s, i) => ({ id: `u${i}`, score: s }));
      const ranked = rank(entries, { precision, method });
      const byId = new Map(ranked.map((r) => [r.id, r.rank]));
      expect(entries.map((e) => byId.get(e.id))).toEqual(reference(scores, precision, method));
      const scoreById = new Map(ranked.map((r) => [r.id, r.score]));
      expect(entries.map((e) => scoreById.get(e.id))).toEqual(scores);
    }), { numRuns: 3_000 });
  });

  it('keeps each score as given, and ranks 16-digit strings on the exact path', () => {
    const r = rank([{ id: 'a', score: '1.50' }, { id: 'b', score: '1.5' }, { id: 'c', score: '12345678901234567.1' }, { id: 'd', score: '12345678901234567.2' }], { precision: 'exact' });
    expect(r.map((x) => [x.id, x.score, x.rank])).toEqual([['d', '12345678901234567.2', 1], ['c', '12345678901234567.1', 2], ['a', '1.50', 3], ['b', '1.5', 3]]);
  });
});
