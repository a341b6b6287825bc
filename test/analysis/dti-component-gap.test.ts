import { describe, expect, it } from 'vitest';
import { dtiComponentGap, scoreDti, type DtiInput, type DtiComponentStep } from '../../src/index.js';
import { loadDtiFictional } from '../frameworks/load.js';

const fictional = loadDtiFictional();
// Same province as test/score/score-dti-components.test.ts: total 379 of 700.
const input = {
  points: { digitalSociety: 88.2 },
  components: {
    awareness: { a1: 30, a2: 0.75 },
    infrastructure: { i1: 0.62, i2: 12.5, i3: 20 },
    digitalGovernment: { g1: 0.4, g2: 33.33 },
    digitalEconomy: { e1: 0.333, e2: 41 },
  },
};
const result = scoreDti(fictional, input);

/** The input with every step of a plan applied, each figure set to its exact new value. */
function applied(steps: readonly DtiComponentStep[]): DtiInput {
  const components = Object.fromEntries(Object.entries(input.components).map(([k, v]) => [k, { ...v } as Record<string, string | number>]));
  const points: Record<string, string | number> = { ...input.points };
  for (const s of steps) {
    if (s.kind === 'mainIndicator') points[s.id] = s.exact.to;
    else components[s.mainIndicator]![s.id] = s.exact.to;
  }
  return { points, components };
}

describe('dtiComponentGap', () => {
  it('lists which components lose the most points, ties by id', () => {
    const gap = dtiComponentGap(result);
    expect(gap.lost).toBe(321); // 700 − 379
    expect(gap.plan).toBeNull();
    // lost = max − points: g1 120 − 48, digitalSociety (given directly) 150 − 88.2, e1 90 − 29.97, g2 80 − 33.33,
    // e2 60 − 41 = 19 and i1 50 − 31 = 19 (tie: 'e2' before 'i1'), i2 30 − 12.5, a2 60 − 45, a1 40 − 30, i3 20 − 20
    expect(gap.losses.map((l) => [l.id, l.kind, l.lost])).toEqual([
      ['g1', 'component', 72], ['digitalSociety', 'mainIndicator', 61.8], ['e1', 'component', 60.03], ['g2', 'component', 46.67],
      ['e2', 'component', 19], ['i1', 'component', 19], ['i2', 'component', 17.5], ['a2', 'component', 15],
      ['a1', 'component', 10], ['i3', 'component', 0],
    ]);
    expect(gap.losses[0]).toMatchObject({
      code: '3.1', mainIndicator: 'digitalGovernment', scoring: 'ratio', points: 48, max: 120, pillars: ['government'],
      // one point: 1/700 on the DTI value, 1/400 on the government pillar
      perPoint: { value: 0.001429, government: 0.0025, economy: 0, society: 0 },
      exact: { points: '48', lost: '72' },
    });
    // a foundation component counts in all three pillars: 1/400, 1/350, 1/350
    expect(gap.losses.find((l) => l.id === 'i1')!.perPoint).toEqual({ value: 0.001429, government: 0.0025, economy: 0.002857, society: 0.002857 });
  });

  it('plans a DTI value of 0.6 (420 points, 41 more) on the foundation components first', () => {
    const plan = dtiComponentGap(result, { target: { value: 0.6 } }).plan!;
    expect(plan).toMatchObject({ target: { total: 420, value: 0.6 }, pointsNeeded: 41, valueNeeded: 0.0586 });
    // foundation components by loss: i1 (19), i2 (17.5), then 4.5 of a2's 15
    expect(plan.steps).toEqual([
      { kind: 'component', id: 'i1', mainIndicator: 'infrastructure', scoring: 'ratio', points: 19, from: 0.62, to: 1, exact: { points: '19', from: '0.62', to: '1' } },
      { kind: 'component', id: 'i2', mainIndicator: 'infrastructure', scoring: 'points', points: 17.5, from: 12.5, to: 30, exact: { points: '17.5', from: '12.5', to: '30' } },
      { kind: 'component', id: 'a2', mainIndicator: 'awareness', scoring: 'ratio', points: 4.5, from: 0.75, to: 0.825, exact: { points: '4.5', from: '0.75', to: '0.825' } },
    ]);
    // pillars: (219.83 + 41) / 400 = 0.652075, (209.47 + 41) / 350 = 0.715628…, (226.7 + 41) / 350 = 0.764857…
    expect(plan.pillars).toEqual({ government: 0.6521, economy: 0.7156, society: 0.7649 });
    const rescored = scoreDti(fictional, applied(plan.steps));
    expect(rescored.exact.total).toBe('420');
    expect(rescored.value).toBe(0.6);
    expect({ government: rescored.pillars.government.value, economy: rescored.pillars.economy.value, society: rescored.pillars.society.value }).toEqual(plan.pillars);
  });

  it('plans 600 points across pillars: foundation, then economy and society activity, then government', () => {
    const plan = dtiComponentGap(result, { target: { points: '600' } }).plan!;
    expect(plan.pointsNeeded).toBe(221);
    // 61.5 foundation (i1 19, i2 17.5, a2 15, a1 10; i3 has nothing to win), 140.83 at 1/350 (digitalSociety 61.8,
    // e1 60.03, e2 19), and the last 18.67 on g1 (48 → 66.67 points: ratio 66.67 / 120 = 0.555583…)
    expect(plan.steps.map((s) => [s.id, s.points, s.to])).toEqual([
      ['i1', 19, 1], ['i2', 17.5, 30], ['a2', 15, 1], ['a1', 10, 40],
      ['digitalSociety', 61.8, 150], ['e1', 60.03, 1], ['e2', 19, 60], ['g1', 18.67, 0.5556],
    ]);
    expect(plan.steps.at(-1)!.exact.to).toBe('0.5555833333333333333333333333333333333333');
    expect(plan.pillars).toEqual({ government: 0.75, economy: 1, society: 1 });
    const rescored = scoreDti(fictional, applied(plan.steps.slice(0, -1)));
    expect(rescored.exact.total).toBe('581.33'); // 600 − 18.67: the last step is g1's
  });

  it('needs nothing when the target is already reached', () => {
    const plan = dtiComponentGap(result, { target: { points: 379 } }).plan!;
    expect(plan).toMatchObject({ pointsNeeded: 0, valueNeeded: 0, steps: [] });
    expect(plan.pillars).toEqual({ government: 0.5496, economy: 0.5985, society: 0.6477 });
  });

  it('works on a framework without components, one item per main indicator', () => {
    const r = scoreDti('dti-province-2022', { points: {
      awareness: 74, institutions: 30, infrastructure: 41.6, humanResources: 12.63, cybersecurity: 54,
      digitalGovernment: 78.47, digitalEconomy: 61.62, digitalSociety: 46.17,
    } });
    const gap = dtiComponentGap(r);
    expect(gap.losses.map((l) => [l.id, l.lost])).toEqual([
      ['digitalGovernment', 121.53], ['digitalSociety', 103.83], ['digitalEconomy', 88.38], ['humanResources', 87.37],
      ['institutions', 70], ['infrastructure', 58.4], ['cybersecurity', 46], ['awareness', 26],
    ]);
    expect(gap.lost).toBe(601.51);
    expect(gap.losses.every((l) => l.kind === 'mainIndicator')).toBe(true);
  });

  it('rejects a target outside the scale, bilingually, and a pillar-input framework', () => {
    const bad = (target: unknown) => {
      try { dtiComponentGap(result, { target } as never); } catch (e) { return (e as { issues: { pathString: string; code: string; message: { en: string } }[] }).issues[0]; }
      throw new Error('expected a failure');
    };
    expect(bad({ value: 1.2 })).toMatchObject({ pathString: 'target.value', code: 'out_of_range', message: { en: 'Value 1.2 is outside the allowed range [0, 1]' } });
    expect(bad({ points: 701 })).toMatchObject({ pathString: 'target.points', code: 'out_of_range' });
    expect(bad({ points: 'lots' })).toMatchObject({ pathString: 'target.points', code: 'not_a_number' });
    expect(bad({ rank: 3 })).toMatchObject({ pathString: 'target', code: 'invalid_type' });
    const r2020 = scoreDti('dti-province-2020', { values: { government: 0.5, economy: 0.5, society: 0.5 } });
    expect(() => dtiComponentGap(r2020)).toThrow(/has no main-indicator points/);
  });
});

describe('dtiComponentGap on a hand-edited result', () => {
  const points = { awareness: 74, institutions: 30, infrastructure: 41.6, humanResources: 12.63, cybersecurity: 54, digitalGovernment: 78.47, digitalEconomy: 61.62, digitalSociety: 46.17 };
  const r = scoreDti('dti-province-2022', { points });
  const codes = (fn: () => unknown): string[] => {
    try { fn(); } catch (e) { return (e as { issues: { code: string }[] }).issues.map((i) => i.code); }
    return [];
  };

  it('refuses a NaN or Infinity total and a runaway exact string (they came back as NaN and -Infinity)', () => {
    expect(dtiComponentGap(r).lost).toBe(601.51); // 1000 − 398.49
    expect(codes(() => dtiComponentGap({ ...r, total: Number.NaN }))).not.toEqual([]);
    expect(codes(() => dtiComponentGap({ ...r, value: Number.POSITIVE_INFINITY }))).not.toEqual([]);
    expect(codes(() => dtiComponentGap({ ...r, exact: { ...r.exact, total: '1'.repeat(200_000) } }))).not.toEqual([]);
  });

  it('refuses null options with a ValidationError (it was a raw TypeError)', () => {
    expect(codes(() => dtiComponentGap(r, null as never))).toEqual(['invalid_type']);
  });
});
