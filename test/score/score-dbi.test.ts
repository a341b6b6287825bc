import { describe, expect, it } from 'vitest';
import { NotScorableError, criterionOrder, getFramework, scoreDbi, type DbiFramework } from '../../src/index.js';
import { overrideDbiPillarMaxima, withDbiLevelRule } from '../../src/schema.js';

const order = criterionOrder('dbi-2021-sme');
const sme = getFramework('dbi-2021-sme') as DbiFramework;
const pillarIds = sme.pillars.map((p) => p.id);

/** Answers giving each pillar exactly the requested points (criteria filled greedily). */
function answersFor(pillarPoints: Record<string, number>): Record<string, number> {
  const answers: Record<string, number> = {};
  for (const p of sme.pillars) {
    let left = pillarPoints[p.id] ?? 0;
    for (const c of p.components.flatMap((x) => x.criteria)) {
      const steps = c.scale?.kind === 'steps' ? c.scale.values : [];
      const pick = [...steps].reverse().find((s) => s <= left) ?? 0;
      answers[c.id] = pick;
      left -= pick;
    }
    if (left !== 0) throw new Error(`cannot place ${pillarPoints[p.id]} in ${p.id}`);
  }
  return answers;
}

describe('scoreDbi on the 2021 SME set', () => {
  it('sums 60 criteria into 6 pillars and a total of 320', () => {
    expect(order).toHaveLength(60);
    expect(order[0]).toBe('1.1.1');
    expect(order[59]).toBe('6.1.7');
    const full = scoreDbi('dbi-2021-sme', { answers: answersFor({ customer: 65, strategy: 25, technology: 80, operations: 65, culture: 50, data: 35 }) });
    expect(full).toMatchObject({ total: 320, max: 320, percent: 100, level: 5 });
    expect(full.levelName?.vi).toBe('Dẫn dắt');
    expect(full.pillars.map((p) => p.level)).toEqual([5, 5, 5, 5, 5, 5]);
  });

  it('reads 39/65 as level 3 and 40/65 as level 4 (bands are upper-inclusive)', () => {
    const r39 = scoreDbi('dbi-2021-sme', { answers: answersFor({ customer: 39 }) });
    expect(r39.pillars[0]).toMatchObject({ id: 'customer', points: 39, max: 65, percent: 60, level: 3 });
    const r40 = scoreDbi('dbi-2021-sme', { answers: answersFor({ customer: 40 }) });
    expect(r40.pillars[0]).toMatchObject({ percent: 61.54, level: 4 });
    expect(r40.pillars[0]!.exact.percent).toBe('61.53846153846153846153846153846153846154');
  });

  it.each([
    // [pillar, points, expected level]: each band's upper bound and the point just above it
    ['technology', 8, 0], ['technology', 9, 1], ['technology', 16, 1], ['technology', 17, 2],
    ['technology', 32, 2], ['technology', 33, 3], ['technology', 48, 3], ['technology', 49, 4],
    ['technology', 64, 4], ['technology', 65, 5], ['technology', 80, 5],
    ['customer', 6, 0], ['customer', 7, 1], ['customer', 13, 1], ['customer', 14, 2], ['customer', 26, 2], ['customer', 27, 3],
    ['strategy', 0, 0], ['strategy', 5, 1], ['strategy', 10, 2], ['strategy', 15, 3], ['strategy', 20, 4], ['strategy', 25, 5],
    ['culture', 5, 0], ['culture', 6, 1], ['culture', 10, 1], ['culture', 40, 4], ['culture', 41, 5],
    ['data', 3, 0], ['data', 4, 1], ['data', 7, 1], ['data', 8, 2], ['data', 28, 4], ['data', 29, 5],
  ])('pillar %s at %i points is level %i', (pillar, points, level) => {
    const r = scoreDbi('dbi-2021-sme', { answers: answersFor({ [pillar]: points }) });
    expect(r.pillars.find((p) => p.id === pillar)?.level).toBe(level);
  });

  describe('overall rule: total above the threshold AND enough pillars at the level', () => {
    // Each case puts every pillar at a chosen share; totals are the pillar sums.
    const at = (perPillar: Record<string, number>) => scoreDbi('dbi-2021-sme', { answers: answersFor(perPillar) });

    it('total 20 is level 0, 21 with 4 pillars at level 1 is level 1', () => {
      expect(at({ customer: 7, technology: 9, culture: 4 }).total).toBe(20);
      expect(at({ customer: 7, technology: 9, culture: 4 }).level).toBe(0);
      const r = at({ customer: 7, strategy: 5, technology: 9, culture: 0, data: 0, operations: 0 });
      expect(r.total).toBe(21);
      expect(r.pillars.filter((p) => (p.level ?? 0) >= 1)).toHaveLength(3);
      expect(r.level).toBe(0); // only 3 pillars at level 1
      const r4 = at({ customer: 7, strategy: 0, technology: 9, operations: 7, culture: 0, data: 4 });
      expect(r4.total).toBe(27);
      expect(r4.level).toBe(1);
    });

    it('total 64 is not level 2 even with every pillar at level 2; 65 is', () => {
      // 4 pillars at level 2 with a total of exactly 64
      const r = at({ customer: 14, strategy: 10, technology: 17, operations: 14, culture: 5, data: 4 });
      expect(r.total).toBe(64);
      expect(r.level).toBe(1);
      const r65 = at({ customer: 14, strategy: 10, technology: 18, operations: 14, culture: 5, data: 4 });
      expect(r65.total).toBe(65);
      expect(r65.level).toBe(2);
    });

    it('total 128 is not level 3; 129 with 4 pillars at level 3 is', () => {
      const base = { customer: 27, strategy: 15, technology: 33, operations: 27, culture: 11, data: 15 };
      expect(at(base).total).toBe(128);
      expect(at(base).level).toBe(2);
      expect(at({ ...base, culture: 12 }).level).toBe(3);
    });

    it('level 4 needs 5 pillars at level 4; total alone is not enough', () => {
      // total 220 but only 4 pillars at level 4
      const four = { customer: 53, strategy: 20, technology: 65, operations: 53, culture: 20, data: 9 };
      const r = at(four);
      expect(r.total).toBe(220);
      expect(r.pillars.filter((p) => (p.level ?? 0) >= 4)).toHaveLength(4);
      expect(r.level).toBe(3);
      const five = at({ ...four, culture: 31 });
      expect(five.total).toBe(231);
      expect(five.pillars.filter((p) => (p.level ?? 0) >= 4)).toHaveLength(5);
      expect(five.level).toBe(4);
    });

    it('total 192 is level 3 even with every pillar at level 4 (needs more than 192)', () => {
      const r = at({ customer: 40, strategy: 20, technology: 49, operations: 40, culture: 31, data: 12 });
      expect(r.total).toBe(192);
      expect(r.level).toBe(3);
    });

    it('level 5 needs all 6 pillars above 80%', () => {
      const almost = { customer: 65, strategy: 25, technology: 80, operations: 65, culture: 50, data: 28 };
      const r = at(almost);
      expect(r.total).toBe(313);
      expect(r.pillars.find((p) => p.id === 'data')?.level).toBe(4);
      expect(r.level).toBe(4);
      expect(at({ ...almost, data: 29 }).level).toBe(5);
    });
  });

  it('rounds percentages half-up to 2 decimals with the exact share beside', () => {
    const r = scoreDbi('dbi-2021-sme', { answers: answersFor({ customer: 1 }) });
    expect(r.pillars[0]).toMatchObject({ percent: 1.54, exact: { points: '1', percent: '1.538461538461538461538461538461538461538' } });
    expect(r.percent).toBe(0.31);
    expect(r.exact.percent).toBe('0.3125');
  });

  it('accepts string answers', () => {
    const answers = Object.fromEntries(order.map((id) => [id, id === '2.1.1' ? '10' : '2']));
    expect(scoreDbi('dbi-2021-sme', { answers }).total).toBe(128);
  });

  it('follows a caller-supplied level rule', () => {
    if (sme.levelRule.kind !== 'pillar-bands-and-count') throw new Error('rule');
    const lenient = withDbiLevelRule(sme, { ...sme.levelRule, overall: sme.levelRule.overall.map((o) => ({ ...o, minPillarsAtLevel: 0 })) });
    const r = scoreDbi(lenient, { answers: answersFor({ customer: 65, technology: 80 }) });
    expect(r.total).toBe(145);
    expect(r.level).toBe(3);
    expect(scoreDbi(sme, { answers: answersFor({ customer: 65, technology: 80 }) }).level).toBe(0);
  });
});

describe('frameworks without a published level rule', () => {
  it('dbi-2021-large reports points and percentages and says why there is no level', () => {
    const r = scoreDbi('dbi-2021-large', { answers: { customer: 100, strategy: 60, technology: 72.5, operations: 55, culture: 44, data: 42.5 } });
    expect(r).toMatchObject({ total: 374, max: 695, percent: 53.81, level: null, levelName: null });
    expect(r.pillars[0]).toMatchObject({ id: 'customer', points: 100, max: 125, percent: 80, level: null });
    expect(r.noLevelReason?.en).toMatch(/level thresholds/);
    expect(r.noLevelReason?.vi).toMatch(/Ngưỡng xếp mức/);
  });

  it('dbi-2023-sme-readiness refuses to score until the unpublished maxima are supplied', () => {
    expect(() => scoreDbi('dbi-2023-sme-readiness', { answers: {} })).toThrow(NotScorableError);
    try {
      scoreDbi('dbi-2023-sme-readiness', { answers: {} });
    } catch (e) {
      // the reason says what the person scoring supplies; the function a developer calls is in the hint
      expect((e as NotScorableError).reason.en).toContain('Supply the maximum of each of these pillars');
      expect((e as NotScorableError).reason.vi).toContain('Chưa có điểm tối đa');
      expect((e as NotScorableError).issues[0]!.hint).toContain('overrideDbiPillarMaxima');
    }
    const base = getFramework('dbi-2023-sme-readiness') as DbiFramework;
    const supplied = overrideDbiPillarMaxima(base, Object.fromEntries(base.pillars.map((p) => [p.id, 20])));
    const r = scoreDbi(supplied, { answers: Object.fromEntries(base.pillars.map((p) => [p.id, 10])) });
    expect(r).toMatchObject({ total: 70, max: 140, percent: 50, level: null });
  });

  it('criterionOrder lists pillar ids for pillar-level frameworks', () => {
    expect(criterionOrder('dbi-2021-large')).toEqual(['customer', 'strategy', 'technology', 'operations', 'culture', 'data']);
    expect(pillarIds).toHaveLength(6);
  });
});
