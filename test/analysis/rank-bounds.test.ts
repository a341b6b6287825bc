/**
 * Ranks with their bounds: where units of the ranking universe have no value, every rank carries
 * the best and worst rank it could have, a single number only when certain; rank changes likewise.
 * The bounds are checked against every way of giving the missing units a value.
 */
import { describe, expect, it } from 'vitest';
import { PROVINCES_63, ValidationError, rank, rankChange, rankDti, scoreDti, type DtiResult, type RankMethod } from '../../src/index.js';

const all = (v: number): DtiResult => scoreDti('dti-province-2022', { values: { awareness: v, institutions: v, infrastructure: v, humanResources: v, cybersecurity: v, digitalGovernment: v, digitalEconomy: v, digitalSociety: v } });

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

describe('rank: bounds', () => {
  it('is certain when every unit has a value', () => {
    const r = rank([{ id: 'a', score: 3 }, { id: 'b', score: 5 }, { id: 'c', score: 5 }]);
    expect(r.map((x) => [x.id, x.rank, x.best, x.worst, x.certain])).toEqual([['b', 1, 1, 1, true], ['c', 1, 1, 1, true], ['a', 3, 3, 3, true]]);
  });

  it('widens every rank by the units without a value: missing scores and units of the universe not listed', () => {
    const r = rank([{ id: 'a', score: 0.61 }, { id: 'b', score: 0.52 }, { id: 'c', score: null }], { universe: 5 });
    expect(r.map((x) => [x.id, x.rank, x.best, x.worst, x.certain])).toEqual([['a', 1, 1, 4, false], ['b', 2, 2, 5, false], ['c', null, 1, 5, false]]);
    expect(() => rank([{ id: 'a', score: 1 }, { id: 'b', score: 2 }], { universe: 1 })).toThrow(ValidationError);
  });

  it.each(['competition', 'dense', 'ordinal'] as RankMethod[])('%s: the true rank, however the missing units are filled, lies within the bounds, and both ends are reached', (method) => {
    const next = rng(method.length);
    for (let trial = 0; trial < 100; trial++) {
      const n = 2 + Math.floor(next() * 9);
      const scores = Array.from({ length: n }, () => (next() < 0.3 ? null : Math.round(next() * 5) / 5));
      const absent = Math.floor(next() * 3);
      const ranked = rank(scores.map((score, i) => ({ id: `u${i}`, score })), { method, universe: n + absent });
      const byId = new Map(ranked.map((x) => [x.id, x]));
      const unknown = scores.filter((s) => s === null).length + absent;
      const reached = new Map<string, Set<number>>();
      // fillings: every unknown unit at one of a few values, including above all and below all
      for (let f = 0; f < 20; f++) {
        const fill = Array.from({ length: unknown }, () => (f === 0 ? -1 : f === 1 ? 2 : Math.round(next() * 5) / 5));
        let k = 0;
        const listed = scores.map((s, i) => ({ id: `u${i}`, score: s }));
        const filled = [...listed.filter((e) => e.score === null).map((e) => ({ id: e.id, score: fill[k++]! })), ...Array.from({ length: absent }, (_, j) => ({ id: `x${j}`, score: fill[k++]! }))];
        const present = listed.filter((e) => e.score !== null);
        // ordinal: a filled unit tied with a listed one may rank either side of it (the listed keep their order)
        const orders = method === 'ordinal' ? [[...present, ...filled], [...filled, ...present]] : [[...present, ...filled]];
        for (const list of orders) {
          for (const x of rank(list, { method })) {
            const b = byId.get(x.id);
            if (!b || b.rank === null) continue;
            expect(x.rank!, `${method} ${x.id}`).toBeGreaterThanOrEqual(b.best);
            expect(x.rank!, `${method} ${x.id}`).toBeLessThanOrEqual(b.worst);
            if (!reached.has(x.id)) reached.set(x.id, new Set());
            reached.get(x.id)!.add(x.rank!);
          }
        }
      }
      for (const b of ranked) {
        if (b.rank === null) continue;
        expect(b.certain).toBe(unknown === 0);
        expect(reached.get(b.id)!.has(b.best), `${method}: best ${b.best} reached`).toBe(true);
        if (method !== 'dense') expect(reached.get(b.id)!.has(b.worst), `${method}: worst ${b.worst} reached`).toBe(true);
      }
    }
  });
});

describe('rankDti: bounds nationally and in the region', () => {
  const highlands = ['62', '64', '66', '67', '68'];
  const others = PROVINCES_63.map((p) => p.code).filter((c) => !highlands.includes(c)).slice(0, 18);
  // three of the five Tây Nguyên provinces without a value, as the audit found
  const units = [
    ...highlands.map((id) => ({ id, result: id === '66' ? all(0.46) : id === '68' ? all(0.7) : null })),
    ...others.map((id, i) => ({ id, result: all(0.3 + i / 40) })),
  ];

  it('says "2–5/5 trong Tây Nguyên, 3 tỉnh chưa có số liệu", never "2/5"', () => {
    const r = rankDti(units, { groupBy: 'region' }).find((x) => x.id === '66')!;
    expect(r).toMatchObject({ rank: r.best, certain: false, of: 23, withoutValue: 3, rankInGroup: 2, bestInGroup: 2, worstInGroup: 5, ofInGroup: 5, withoutValueInGroup: 3 });
    expect(r.worst).toBe(r.best + 3);
    expect(r.labelVi).toBe(`hạng ${r.best}–${r.worst}/23, 3 tỉnh chưa có số liệu; 2–5/5 trong Tây Nguyên, 3 tỉnh chưa có số liệu`);
    expect(r.label).toBe(`${r.best}–${r.worst}/23, 3 provinces without data; 2–5/5 in Central Highlands, 3 provinces without data`);
    const missing = rankDti(units, { groupBy: 'region' }).find((x) => x.id === '62')!;
    expect(missing).toMatchObject({ rank: null, best: 1, worst: 23, missing: true, labelVi: 'chưa có số liệu' });
  });

  it('prints a single number only when certain', () => {
    const full = units.map((u) => ({ ...u, result: u.result ?? all(0.2) }));
    const r = rankDti(full, { groupBy: 'region' }).find((x) => x.id === '66')!;
    expect(r.certain).toBe(true);
    expect(r.labelVi).toMatch(/^hạng \d+\/23; \d\/5 trong Tây Nguyên$/);
  });

  it('ranks among the 63 (or 34) provinces where the units do not list them all', () => {
    const two = [{ id: '66', result: all(0.5) }, { id: 'Lâm Đồng', result: all(0.6) }];
    const r = rankDti(two, { groupBy: 'region', universe: 'provinces-63' });
    expect(r.find((x) => x.id === '66')).toMatchObject({ best: 2, worst: 63, of: 63, withoutValue: 61, bestInGroup: 2, worstInGroup: 5, ofInGroup: 5 });
    expect(rankDti(two, { universe: 'provinces-34' })[0]).toMatchObject({ of: 34, withoutValue: 32 });
    expect(rankDti(PROVINCES_63.map((p, i) => ({ id: p.code, result: all(i / 100) })), { universe: 'provinces-63' }).every((x) => x.certain)).toBe(true);
    // a unit outside the universe, or twice in it, is refused
    expect(() => rankDti([{ id: 'MH01', result: all(0.5) }], { universe: 'provinces-63' })).toThrow(/not a unit of the 63 provinces/);
    expect(() => rankDti([{ id: '60', result: all(0.5) }], { universe: 'provinces-34' })).toThrow(ValidationError); // Bình Thuận merged into Lâm Đồng
    expect(() => rankDti([{ id: '66', result: all(0.5) }, { id: 'Đắk Lắk', result: all(0.4) }], { universe: 'provinces-63' })).toThrow(ValidationError);
    expect(() => rankDti([{ id: '66', group: 'x', result: all(0.5) }], { groupBy: 'group', universe: 'provinces-63' })).toThrow(/list every unit/);
    const listed = rankDti([{ id: 'A', result: all(0.5) }], { universe: ['A', 'B', 'C'] });
    expect(listed[0]).toMatchObject({ best: 1, worst: 3, of: 3 });
  });
});

describe('rankChange: a range where a rank is not certain', () => {
  it('gives a single number only when both ranks are certain', () => {
    const c = rankChange([{ id: 'A', rank: 6 }, { id: 'B', rank: 2 }, { id: 'C', rank: 3 }], [
      { id: 'A', rank: 2, best: 2, worst: 4 }, { id: 'B', rank: 2, best: 2, worst: 5 }, { id: 'C', rank: 1 }, { id: 'D', rank: 4 },
    ]);
    expect(c.map((x) => [x.id, x.change, x.changeBounds, x.direction, x.label, x.labelVi])).toEqual([
      ['A', null, { min: 2, max: 4 }, 'up', 'up 2–4', 'tăng 2–4'],
      ['B', null, { min: -3, max: 0 }, 'uncertain', 'down 0–3', 'giảm 0–3'],
      ['C', 2, { min: 2, max: 2 }, 'up', 'up 2', 'tăng 2'],
      ['D', null, null, 'new', 'new', 'mới'],
    ]);
    const both = rankChange([{ id: 'A', rank: 3, best: 3, worst: 6 }], [{ id: 'A', rank: 4, best: 4, worst: 5 }])[0]!;
    expect([both.changeBounds, both.direction, both.label, both.labelVi]).toEqual([{ min: -2, max: 2 }, 'uncertain', 'down 2 to up 2', 'từ giảm 2 đến tăng 2']);
  });

  it('takes the rankDti rankings as they are, and refuses bounds that do not contain the rank', () => {
    const before = rankDti([{ id: 'A', result: all(0.5) }, { id: 'B', result: all(0.4) }, { id: 'C', result: null }]);
    const now = rankDti([{ id: 'A', result: all(0.3) }, { id: 'B', result: all(0.4) }, { id: 'C', result: all(0.6) }]);
    // A: 1–2 before (C had no value), 3 now: down 1 to 2
    expect(rankChange(before, now).map((x) => [x.id, x.label])).toEqual([['C', 'missing'], ['B', 'up 0–1'], ['A', 'down 1–2']]);
    expect(() => rankChange([{ id: 'A', rank: 2, best: 3 }], [{ id: 'A', rank: 1 }])).toThrow(ValidationError);
  });
});
