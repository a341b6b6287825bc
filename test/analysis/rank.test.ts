import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rank, rankChange, rankDti, scoreDti, ValidationError } from '../../src/index.js';
import { fixture, type DtiFixtureRow } from '../fixtures.js';

describe('rank', () => {
  it('ranks ties as dti.gov.vn does: 2021 Thanh Hóa and Vĩnh Phúc both 12th at 0.4880, next 14th', () => {
    const entries = [
      ...Array.from({ length: 11 }, (_, i) => ({ id: `top${i}`, score: 0.6 - i * 0.01 })),
      { id: 'Thanh Hóa', score: 0.488 },
      { id: 'Vĩnh Phúc', score: '0.4880' },
      { id: 'next', score: 0.4879 },
    ];
    const r = rank(entries);
    expect(r.find((x) => x.id === 'Thanh Hóa')).toMatchObject({ rank: 12, tied: true });
    expect(r.find((x) => x.id === 'Vĩnh Phúc')).toMatchObject({ rank: 12, tied: true });
    expect(r.find((x) => x.id === 'next')).toMatchObject({ rank: 14, tied: false });
  });

  it('decides ties at 4 decimals by default, exactly on request', () => {
    const entries = [{ id: 'a', score: 0.48804 }, { id: 'b', score: 0.48796 }, { id: 'c', score: 0.48805 }];
    expect(rank(entries).map((x) => [x.id, x.rank])).toEqual([['c', 1], ['a', 2], ['b', 2]]);
    expect(rank(entries, { precision: 'exact' }).map((x) => [x.id, x.rank])).toEqual([['c', 1], ['a', 2], ['b', 3]]);
  });

  it('rounds half-up exactly at the precision (0.70245 → 0.7025)', () => {
    expect(rank([{ id: 'a', score: 0.70245 }, { id: 'b', score: 0.7025 }]).map((x) => x.rank)).toEqual([1, 1]);
    expect(rank([{ id: 'a', score: 0.702449 }, { id: 'b', score: 0.7025 }]).map((x) => [x.id, x.rank])).toEqual([['b', 1], ['a', 2]]);
  });

  it('offers dense and ordinal ranking', () => {
    const entries = [{ id: 'a', score: 3 }, { id: 'b', score: 2 }, { id: 'c', score: 2 }, { id: 'd', score: 1 }];
    expect(rank(entries).map((x) => x.rank)).toEqual([1, 2, 2, 4]);
    expect(rank(entries, { method: 'dense' }).map((x) => x.rank)).toEqual([1, 2, 2, 3]);
    expect(rank(entries, { method: 'ordinal' }).map((x) => [x.id, x.rank])).toEqual([['a', 1], ['b', 2], ['c', 3], ['d', 4]]);
    const byName = rank(entries, { method: 'ordinal', tieBreaker: (x, y) => y.id.localeCompare(x.id) });
    expect(byName.map((x) => x.id)).toEqual(['a', 'c', 'b', 'd']);
    expect(rank(entries, { order: 'asc' }).map((x) => x.id)).toEqual(['d', 'b', 'c', 'a']);
  });

  it('puts missing scores last, flagged, never as zero', () => {
    const r = rank([{ id: 'a', score: null }, { id: 'b', score: 0 }, { id: 'c', score: undefined }]);
    expect(r.map((x) => [x.id, x.rank, x.missing])).toEqual([['b', 1, false], ['a', null, true], ['c', null, true]]);
  });

  it('rejects bad scores with a typed error naming the entry', () => {
    try {
      rank([{ id: 'a', score: Number.NaN }, { id: 'b', score: 'x' }]);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      expect((e as ValidationError).issues.map((i) => i.pathString)).toEqual(['entries.0.score', 'entries.1.score']);
    }
    expect(() => rank([], { precision: -1 })).toThrow(ValidationError);
  });

  it('agrees with the order and ignores input permutation (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 60 }), fc.integer(), (ints, seed) => {
        const entries = ints.map((v, i) => ({ id: `u${i}`, score: v / 10 }));
        const r = rank(entries);
        for (let i = 1; i < r.length; i++) {
          expect((r[i - 1]!.score as number) >= (r[i]!.score as number)).toBe(true);
          expect(r[i]!.rank! >= r[i - 1]!.rank!).toBe(true);
        }
        for (const x of r) expect(x.rank).toBe(1 + entries.filter((e) => (e.score as number) > (x.score as number)).length);
        const shuffled = [...entries].sort((a, b) => ((a.id.length * 31 + seed) % 7) - ((b.id.length * 17 + seed) % 5));
        const byId = (list: ReturnType<typeof rank>) => Object.fromEntries(list.map((x) => [x.id, x.rank]));
        expect(byId(rank(shuffled))).toEqual(byId(r));
      }),
    );
  });

  it('takes the exact path for string scores with the same answer as the fast path', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 100000 }), { minLength: 1, maxLength: 40 }), (ints) => {
        const nums = ints.map((v, i) => ({ id: `u${i}`, score: v / 100000 }));
        const strs = ints.map((v, i) => ({ id: `u${i}`, score: (v / 100000).toString() }));
        expect(rank(strs).map((x) => [x.id, x.rank])).toEqual(rank(nums).map((x) => [x.id, x.rank]));
      }),
    );
  });
});

describe('rankChange', () => {
  it('labels up, down, same and new', () => {
    const changes = rankChange(
      [{ id: 'A', rank: 5 }, { id: 'B', rank: 2 }, { id: 'D', rank: 3 }],
      [{ id: 'A', rank: 2 }, { id: 'B', rank: 4 }, { id: 'C', rank: 1 }, { id: 'D', rank: 3 }],
    );
    expect(changes.map((c) => c.label)).toEqual(['up 3', 'down 2', 'new', '=']);
    expect(changes.map((c) => c.labelVi)).toEqual(['tăng 3', 'giảm 2', 'mới', 'giữ nguyên']);
  });
});

describe('rankDti', () => {
  const rows = fixture<DtiFixtureRow[]>('dti-2021.json');
  const units = rows.map((r) => ({ id: r.id, result: scoreDti(r.framework, { points: r.points! }) }));

  it('ranks 63 units and within the six regions', () => {
    // the fixture's fictional units carry their region (issue #11), so the groups come from the rows
    const ranking = rankDti(rows.map((r, i) => ({ ...units[i]!, group: r.region })), { groupBy: 'group' });
    expect(ranking).toHaveLength(63);
    const dakLak = ranking.find((r) => r.id === '66')!;
    expect(dakLak.score).toBe(0.3985);
    expect(dakLak.group).toBe('centralHighlands');
    expect(dakLak.ofInGroup).toBe(5);
    expect(dakLak.rankInGroup).toBe(2); // as Đắk Lắk's plan reports: 2/5 in Tây Nguyên
    expect(dakLak.labelVi).toMatch(/trong Tây Nguyên$/);
    const tayNguyen = ranking.filter((r) => r.group === 'centralHighlands').map((r) => r.rankInGroup).sort();
    expect(tayNguyen).toEqual([1, 2, 3, 4, 5]);
  });

  it('ranks by a pillar or a main indicator', () => {
    const byGov = rankDti(units, { by: 'government' });
    const sorted = [...units].sort((a, b) => b.result!.pillars.government.value - a.result!.pillars.government.value);
    expect(byGov[0]!.score).toBe(sorted[0]!.result!.pillars.government.value);
    const byAwareness = rankDti(units, { by: 'awareness' });
    expect(byAwareness[0]!.score).toBe(Math.max(...units.map((u) => u.result!.mainIndicators[0]!.value!)));
  });

  it('flags units without a result as missing and ranks them last', () => {
    const ranking = rankDti([...units.slice(0, 3), { id: 'none', result: null }]);
    expect(ranking[3]).toMatchObject({ id: 'none', rank: null, missing: true, label: 'no result' });
  });
});
