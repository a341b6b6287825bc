import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { criterionOrder, dbiGap, getFramework, scoreDbi, type DbiFramework } from '../../src/index.js';
import { withDbiLevelRule } from '../../src/schema.js';
import { fixture, type DbiFixtureRow } from '../fixtures.js';

const order = criterionOrder('dbi-2021-sme');
const sme = getFramework('dbi-2021-sme') as DbiFramework;

function checkPlan(answers: Record<string, number>, targetLevel?: number) {
  const gap = dbiGap('dbi-2021-sme', { answers }, targetLevel === undefined ? {} : { targetLevel });
  const current = scoreDbi('dbi-2021-sme', { answers }).level!;
  const target = targetLevel ?? current + 1;
  if (target > 5) {
    expect(gap.reachable).toBe(false);
    expect(gap.reason?.en).toMatch(/not in the level rule/);
    return gap;
  }
  if (!gap.reachable) return gap;
  const improved = { ...answers };
  for (const s of gap.steps) {
    expect(improved[s.criterion]).toBe(s.from);
    expect(s.to).toBeGreaterThan(s.from);
    improved[s.criterion] = s.to;
  }
  const rescored = scoreDbi('dbi-2021-sme', { answers: improved });
  expect(rescored.level).toBeGreaterThanOrEqual(target);
  expect(gap.result?.level).toBe(rescored.level);
  // minimal: dropping any one step misses the target
  for (const s of gap.steps) {
    const without = { ...improved, [s.criterion]: s.from };
    expect(scoreDbi('dbi-2021-sme', { answers: without }).level).toBeLessThan(target);
  }
  return gap;
}

describe('dbiGap', () => {
  const rows = fixture<DbiFixtureRow[]>('dbi-sme-daklak.json');

  it('plans the next level for every fixture enterprise, minimal and verified by re-scoring', () => {
    for (const row of rows) checkPlan(row.answers);
  });

  it('plans every higher level for every fixture enterprise', () => {
    for (const row of rows.slice(0, 25)) {
      for (let level = 1; level <= 5; level++) checkPlan(row.answers, level);
    }
  });

  it('explains the binding rule: pillars, not points', () => {
    // total 145 (> 128) but only 2 pillars at level 3
    const answers = Object.fromEntries(order.map((id) => [id, 0]));
    for (const c of sme.pillars[0]!.components.flatMap((x) => x.criteria)) answers[c.id] = 5;
    for (const c of sme.pillars[2]!.components.flatMap((x) => x.criteria)) answers[c.id] = 5;
    const gap = dbiGap('dbi-2021-sme', { answers });
    expect(gap.currentLevel).toBe(0);
    expect(gap.why?.binding).toEqual(['pillars']);
    expect(gap.why?.message.en).toBe('Level 1 needs at least 4 pillars at level 1 or higher (now 2).');
    expect(gap.why?.message.vi).toBe('Mức 1 cần ít nhất 4 trụ cột đạt mức 1 trở lên (hiện 2).');
    const plan = checkPlan(answers, 3);
    expect(plan.steps.length).toBeGreaterThan(0);
  });

  it('explains the binding rule: points', () => {
    const answers = Object.fromEntries(order.map((id) => [id, id === '2.1.1' ? 10 : 2]));
    const gap = dbiGap('dbi-2021-sme', { answers });
    expect(scoreDbi('dbi-2021-sme', { answers }).total).toBe(128);
    expect(gap.currentLevel).toBe(2);
    expect(gap.why?.binding).toEqual(['total', 'pillars']);
    expect(gap.steps.length).toBeGreaterThan(0);
  });

  it('prefers fewer steps: one strategy raise when one criterion suffices', () => {
    // every pillar at level 3 except strategy (10/25 = level 2), total well above 128: level 3;
    // level 4 needs 5 pillars at level 4, so the planner lifts the cheapest ones.
    const answers = Object.fromEntries(order.map((id) => [id, id === '2.1.1' ? 15 : 3]));
    const gap = checkPlan(answers, 4);
    // strategy needs one step; the others need several criteria raised from 3
    expect(gap.steps.some((s) => s.criterion === '2.1.1' && s.to === 20)).toBe(true);
  });

  it('reports an already reached target and unreachable targets', () => {
    const answers = Object.fromEntries(order.map((id) => [id, id === '2.1.1' ? 25 : 5]));
    const top = dbiGap('dbi-2021-sme', { answers });
    expect(top.reachable).toBe(false);
    const done = dbiGap('dbi-2021-sme', { answers }, { targetLevel: 3 });
    expect(done).toMatchObject({ reachable: true, steps: [] });
    expect(done.reason?.en).toBe('The enterprise is already at level 5.');
    const large = dbiGap('dbi-2021-large', { answers: { customer: 1, strategy: 1, technology: 1, operations: 1, culture: 1, data: 1 } });
    expect(large.reachable).toBe(false);
    expect(large.reason?.en).toMatch(/level thresholds/);
  });

  it('every plan on random answers reaches its target and is minimal (property)', () => {
    const answer = fc.constantFrom(0, 1, 2, 3, 4, 5);
    fc.assert(
      fc.property(fc.array(answer, { minLength: 60, maxLength: 60 }), fc.integer({ min: 1, max: 5 }), (values, target) => {
        const answers = Object.fromEntries(order.map((id, i) => [id, id === '2.1.1' ? values[i]! * 5 : values[i]!]));
        checkPlan(answers, target);
      }),
      { numRuns: 150 },
    );
  });

  it('under random level conditions on the SME rule, every plan re-scores to the level it reports, never below its target, and is minimal (property)', () => {
    const rule = sme.levelRule as Extract<DbiFramework['levelRule'], { kind: 'pillar-bands-and-count' }>;
    const cap = fc.record({
      atMost: fc.integer({ min: 0, max: 4 }),
      floor: fc.oneof(fc.integer({ min: 1, max: 9000 }).map((x) => ({ anyPillarBelowPercent: x / 100 })), fc.integer({ min: 1, max: 5 }).map((k) => ({ anyPillarBelowLevel: k }))),
      pillars: fc.option(fc.subarray(sme.pillars.map((p) => p.id), { minLength: 1 }), { nil: undefined }),
    }).map(({ atMost, floor, pillars }) => ({ atMost, ...floor, ...(pillars ? { pillars } : {}) }));
    fc.assert(
      fc.property(fc.array(cap, { minLength: 1, maxLength: 3 }), fc.array(fc.constantFrom(0, 1, 2, 3, 4, 5), { minLength: 60, maxLength: 60 }), fc.integer({ min: 1, max: 5 }), (caps, values, target) => {
        const f = withDbiLevelRule(sme, { ...rule, caps });
        const answers = Object.fromEntries(order.map((id, i) => [id, id === '2.1.1' ? values[i]! * 5 : values[i]!]));
        const current = scoreDbi(f, { answers }).level!;
        const gap = dbiGap(f, { answers }, { targetLevel: target });
        if (target <= current) return;
        // every answer at its best (5, 25) reaches level 5: every target is reachable
        expect(gap.reachable).toBe(true);
        const rescored = scoreDbi(f, { answers: gap.improvedAnswers as Record<string, number> });
        expect(rescored).toEqual(gap.result);
        expect(rescored.level!).toBeGreaterThanOrEqual(target);
        for (const s of gap.steps) expect(scoreDbi(f, { answers: { ...(gap.improvedAnswers as Record<string, number>), [s.criterion]: s.from } }).level!).toBeLessThan(target);
      }),
      { numRuns: 60, seed: 7 },
    );
  });
});
