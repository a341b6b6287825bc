import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DBI_FRAMEWORKS, criterionOrder, getFramework, scoreDbi, scoreDbiBatch, ValidationError, type DbiFramework } from '../../src/index.js';

const sme = getFramework('dbi-2021-sme') as DbiFramework;
const order = criterionOrder(sme);
const strategy = order.indexOf('2.1.1');

function rowAnswers(a: ArrayLike<number>, r: number, ids: readonly string[]) {
  return Object.fromEntries(ids.map((id, c) => [id, a[r * ids.length + c]!]));
}

function expectSameAsObjectPath(framework: DbiFramework, a: Uint8Array | Float64Array) {
  const ids = criterionOrder(framework);
  const batch = scoreDbiBatch(framework, a);
  const P = framework.pillars.length;
  for (let r = 0; r < batch.rows; r++) {
    const one = scoreDbi(framework, { answers: rowAnswers(a, r, ids) });
    expect(batch.valid[r]).toBe(1);
    expect(batch.total[r]).toBe(one.total);
    expect(batch.level[r]).toBe(one.level ?? -1);
    for (let p = 0; p < P; p++) {
      expect(batch.pillarPoints[r * P + p]).toBe(one.pillars[p]!.points);
      expect(batch.pillarLevel[r * P + p]).toBe(one.pillars[p]!.level ?? -1);
    }
  }
}

describe('scoreDbiBatch agrees with scoreDbi on every row (differential, random data)', () => {
  it('Uint8Array, SME set', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 60, maxLength: 60 }), { minLength: 1, maxLength: 40 }), (rows) => {
        const a = new Uint8Array(rows.length * 60);
        rows.forEach((row, r) => row.forEach((v, c) => (a[r * 60 + c] = c === strategy ? v * 5 : v)));
        expectSameAsObjectPath(sme, a);
      }),
      { numRuns: 60 },
    );
  });

  it('Uint8Array, SME set, rows spread over every level (answers clustered around a maturity)', () => {
    const seen = new Set<number>();
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.array(fc.integer({ min: -1, max: 1 }), { minLength: 60, maxLength: 60 })), { minLength: 1, maxLength: 30 }), (rows) => {
        const a = new Uint8Array(rows.length * 60);
        rows.forEach(([m, noise], r) => noise.forEach((d, c) => {
          const v = Math.min(5, Math.max(0, m + d));
          a[r * 60 + c] = c === strategy ? v * 5 : v;
        }));
        expectSameAsObjectPath(sme, a);
        scoreDbiBatch(sme, a).level.forEach((l) => seen.add(l));
      }),
      { numRuns: 80 },
    );
    expect([...seen].sort()).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('Float64Array, SME set and pillar-level frameworks (decimals)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 120, maxLength: 120 }), (values) => {
        const a = Float64Array.from(values, (v, i) => (i % 60 === strategy ? v * 5 : v));
        expectSameAsObjectPath(sme, a);
      }),
      { numRuns: 40 },
    );
    const large = getFramework('dbi-2021-large') as DbiFramework;
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 8500 }), { minLength: 12, maxLength: 12 }), (cents) => {
        const a = Float64Array.from(cents, (v) => v / 100);
        expectSameAsObjectPath(large, a);
      }),
      { numRuns: 40 },
    );
  });

  it('reports invalid rows by index and leaves them unscored', () => {
    const a = new Uint8Array(60 * 3).fill(2);
    for (let r = 0; r < 3; r++) a[r * 60 + strategy] = 10;
    a[60 + 5] = 9; // row 1, criterion order[5]
    a[120 + strategy] = 12; // row 2, not on the 0–25 by 5 scale
    const b = scoreDbiBatch('dbi-2021-sme', a);
    expect(Array.from(b.valid)).toEqual([1, 0, 0]);
    expect(b.invalid).toEqual([
      { row: 1, column: 5, criterion: order[5], value: 9, code: 'out_of_range' },
      { row: 2, column: strategy, criterion: '2.1.1', value: 12, code: 'not_on_scale' },
    ]);
    expect(b.level[1]).toBe(-1);
    expect(b.total[0]).toBe(128);
    const f = Float64Array.from(a);
    f[5] = Number.NaN;
    f[6] = 2.5;
    expect(scoreDbiBatch('dbi-2021-sme', f).invalid[0]).toMatchObject({ row: 0, column: 5, code: 'not_a_number' });
  });

  it('rejects an array that is not a whole number of rows, or not a typed array', () => {
    expect(() => scoreDbiBatch('dbi-2021-sme', new Uint8Array(61))).toThrow(ValidationError);
    expect(() => scoreDbiBatch('dbi-2021-sme', [1, 2] as never)).toThrow(ValidationError);
  });

  it('gives −1 levels where the framework has no level rule', () => {
    const large = DBI_FRAMEWORKS.find((f) => f.id === 'dbi-2021-large')!;
    const b = scoreDbiBatch(large, new Uint8Array([100, 60, 70, 55, 44, 42]));
    expect(b.level[0]).toBe(-1);
    expect(b.total[0]).toBe(371);
  });
});
