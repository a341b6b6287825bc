import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  criterionOrder, getFramework, mergeUnits, scoreDbi, scoreDti, type DbiFramework, type DtiFramework,
} from '../../src/index.js';

const sme = getFramework('dbi-2021-sme') as DbiFramework;
const order = criterionOrder(sme);
const answersArb = fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 60, maxLength: 60 }).map((vs) =>
  Object.fromEntries(order.map((id, i) => [id, id === '2.1.1' ? vs[i]! * 5 : vs[i]!])),
);
const dti = getFramework('dti-province-2022') as DtiFramework;
const dtiKeys = dti.mainIndicators.filter((m) => m.group !== 'unscored');
const dtiPointsArb = fc.tuple(...dtiKeys.map((m) => fc.integer({ min: 0, max: m.max! * 100 }))).map((cents) =>
  Object.fromEntries(dtiKeys.map((m, i) => [m.id, cents[i]! / 100])),
);

describe('properties of scoring', () => {
  it('every DBI score lies in [0, max], pillar by pillar', () => {
    fc.assert(
      fc.property(answersArb, (answers) => {
        const r = scoreDbi(sme, { answers });
        expect(r.total).toBeGreaterThanOrEqual(0);
        expect(r.total).toBeLessThanOrEqual(r.max);
        expect(r.percent).toBeLessThanOrEqual(100);
        for (const p of r.pillars) {
          expect(p.points).toBeGreaterThanOrEqual(0);
          expect(p.points).toBeLessThanOrEqual(p.max);
        }
        expect(r.pillars.reduce((s, p) => s + p.points, 0)).toBe(r.total);
      }),
      { numRuns: 300 },
    );
  });

  it('raising any answer never lowers the total, a pillar level or the overall level', () => {
    fc.assert(
      fc.property(answersArb, fc.integer({ min: 0, max: 59 }), (answers, i) => {
        const id = order[i]!;
        const step = id === '2.1.1' ? 5 : 1;
        const max = id === '2.1.1' ? 25 : 5;
        if (answers[id]! >= max) return;
        const before = scoreDbi(sme, { answers });
        const after = scoreDbi(sme, { answers: { ...answers, [id]: answers[id]! + step } });
        expect(after.total).toBeGreaterThan(before.total);
        expect(after.level!).toBeGreaterThanOrEqual(before.level!);
        after.pillars.forEach((p, k) => expect(p.level!).toBeGreaterThanOrEqual(before.pillars[k]!.level!));
      }),
      { numRuns: 400 },
    );
  });

  it('every DTI score lies in [0, max] and the value is total / 1000, exactly', () => {
    fc.assert(
      fc.property(dtiPointsArb, (points) => {
        const r = scoreDti(dti, { points });
        expect(r.total).toBeGreaterThanOrEqual(0);
        expect(r.total).toBeLessThanOrEqual(1000);
        for (const p of Object.values(r.pillars)) expect(p.value).toBeLessThanOrEqual(1);
        expect(Number(r.exact.value) * 1000).toBeCloseTo(Number(r.exact.total), 9);
        const cents = Object.values(points).reduce((s, v) => s + Math.round(v * 100), 0);
        expect(r.exact.total).toBe(String(cents / 100));
      }),
      { numRuns: 300 },
    );
  });

  it('merging a single unit is the identity', () => {
    fc.assert(
      fc.property(dtiPointsArb, (points) => {
        const r = scoreDti(dti, { points });
        const [m] = mergeUnits([{ id: 'a', result: r }], { b: ['a'] });
        expect(m!.result.exact).toEqual(r.exact);
        expect(m!.result.pillars).toEqual(r.pillars);
        expect(m!.result.mainIndicators).toEqual(r.mainIndicators);
      }),
      { numRuns: 100 },
    );
  });

  it('is deterministic: the same input gives byte-identical JSON', () => {
    fc.assert(
      fc.property(answersArb, dtiPointsArb, (answers, points) => {
        expect(JSON.stringify(scoreDbi(sme, { answers }))).toBe(JSON.stringify(scoreDbi(sme, { answers: { ...answers } })));
        expect(JSON.stringify(scoreDti(dti, { points }))).toBe(JSON.stringify(scoreDti('dti-province-2022', { points: JSON.parse(JSON.stringify(points)) })));
      }),
      { numRuns: 100 },
    );
  });
});
