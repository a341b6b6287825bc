/**
 * dbiGap on frameworks written in the file format (test/frameworks/dbi-*.json), property-tested:
 * for random valid assessments and target levels, either re-scoring the plan with scoreDbi gives
 * the level the plan reports, never below its target, under every level condition (and the plan
 * is minimal, never touches an "n/a" answer, only raises), or the target is reported unreachable
 * with a reason, and every answer at its best indeed stays below it. Level conditions are also
 * drawn at random onto the test frameworks.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DBI_2025_CANDIDATE_LEVEL_RULES, criterionOrder, dbiGap, getFramework, scoreDbi, type DbiCriterion, type DbiFramework } from '../../src/index.js';
import { defineDbiFramework, withDbiLevelRule } from '../../src/schema.js';

const raw = (name: string) => JSON.parse(readFileSync(join(__dirname, '..', 'frameworks', `${name}.json`), 'utf8')) as any;
const load = (name: string) => defineDbiFramework(raw(name));

/** dbi-questionnaire under the 1970 rule (pillar bands and a count of pillars) instead of percentage bands. */
function questionnaireWithPillarBands(): DbiFramework {
  const file = raw('dbi-questionnaire');
  file.id = 'example-questionnaire-bands';
  file.levels = [0, 1, 2, 3].map((level) => ({ level, name: { vi: `Mức ${level}`, en: `Level ${level}` }, description: { vi: '—', en: '—' } }));
  file.levelRule = {
    kind: 'pillar-bands-and-count',
    pillarBands: [{ level: 0, upToPercent: 20 }, { level: 1, upToPercent: 40 }, { level: 2, upToPercent: 70 }, { level: 3, upToPercent: 100 }],
    overall: [{ level: 1, totalAbove: 2, minPillarsAtLevel: 1 }, { level: 2, totalAbove: 4, minPillarsAtLevel: 2 }, { level: 3, totalAbove: 7, minPillarsAtLevel: 2 }],
    status: 'reconstructed',
  };
  return defineDbiFramework(file);
}

/**
 * dbi-mean-na (summed) under pillar bands and a count of pillars: a pillar whose criteria are all "n/a" does
 * not count, so a level that needs both pillars is then out of reach.
 */
function meanNaWithPillarBands(): DbiFramework {
  const file = raw('dbi-mean-na');
  file.id = 'mean-na-bands';
  file.aggregation = { kind: 'sum' }; // the 1970 rule compares totals in points
  file.levels = [0, 1, 2, 3].map((level) => ({ level, name: { vi: `Mức ${level}`, en: `Level ${level}` }, description: { vi: '—', en: '—' } }));
  file.levelRule = {
    kind: 'pillar-bands-and-count',
    pillarBands: [{ level: 0, upToPercent: 25 }, { level: 1, upToPercent: 50 }, { level: 2, upToPercent: 75 }, { level: 3, upToPercent: 100 }],
    overall: [{ level: 1, totalAbove: 1, minPillarsAtLevel: 1 }, { level: 2, totalAbove: 4, minPillarsAtLevel: 2 }, { level: 3, totalAbove: 8, minPillarsAtLevel: 2 }],
    status: 'reconstructed',
  };
  return defineDbiFramework(file);
}

const FRAMEWORKS: [string, DbiFramework][] = [
  ['dbi-questionnaire-998 (caps, sector rules, weights, letters)', load('dbi-questionnaire-998')],
  ['dbi-level-caps (caps on the 1970 rule)', load('dbi-level-caps')],
  ['dbi-questionnaire', load('dbi-questionnaire')],
  ['dbi-questionnaire-fictional', load('dbi-questionnaire-fictional')],
  ['dbi-mean-na', load('dbi-mean-na')],
  ['dbi-sectors', load('dbi-sectors')],
  ['dbi-questionnaire under pillar bands', questionnaireWithPillarBands()],
  ['dbi-mean-na under pillar bands', meanNaWithPillarBands()],
  ['dbi-2025-large with a percentage rule', withDbiLevelRule('dbi-2025-large', DBI_2025_CANDIDATE_LEVEL_RULES[0]!.rule)],
];

/** Valid answers of one criterion. */
function answersOf(c: DbiCriterion): unknown[] {
  // "n/a" drawn often, so that whole pillars are sometimes not applicable
  const na = c.notApplicable ? ['n/a', 'n/a', 'n/a'] : [];
  const a = c.answer;
  if (!a) {
    const s = c.scale!;
    return [...na, ...(s.kind === 'steps' ? s.values : [s.min, s.max, Number(((s.min + s.max) / 3).toFixed(s.decimals))])];
  }
  if (a.kind === 'single') return [...na, ...a.options.map((o) => o.id)];
  if (a.kind === 'multiple') return [...na, [], ...a.options.map((o) => [o.id]), a.options.filter((o) => !o.exclusive).map((o) => o.id)];
  return [...na, a.min, a.max, ...a.thresholds.map((t) => t.from).filter((x) => x >= a.min && x <= a.max), Number(((a.min + a.max) / 7).toFixed(a.decimals))];
}

/** Every applicable answer at its best, built from the framework independently of the planner. */
function bestOf(c: DbiCriterion, current: unknown): unknown {
  if (current === 'n/a') return 'n/a';
  const a = c.answer;
  if (!a) return c.scale!.kind === 'steps' ? Math.max(...c.scale!.values) : c.scale!.max;
  if (a.kind === 'single') return [...a.options].sort((x, y) => y.points - x.points)[0]!.id;
  if (a.kind === 'multiple') {
    const free = a.options.filter((o) => !o.exclusive);
    const alone = a.options.filter((o) => o.exclusive).sort((x, y) => y.points - x.points)[0];
    const sum = free.reduce((s, o) => s + o.points, 0);
    return alone && alone.points > sum ? [alone.id] : free.map((o) => o.id);
  }
  return Math.max(a.max, Number(current));
}

function criteria(f: DbiFramework, sector: string | undefined): DbiCriterion[] {
  return f.pillars.flatMap((p) => {
    const part = p.sectorSpecific ? f.sectors!.find((s) => s.id === sector) : p;
    return part ? [...(part.criteria ?? []), ...part.components.flatMap((c) => c.criteria)] : [];
  });
}

function levelsOf(f: DbiFramework): number[] {
  const r = f.levelRule;
  return r.kind === 'total-percent-bands' ? r.bands.map((b) => b.level) : r.kind === 'pillar-bands-and-count' ? r.overall.map((o) => o.level) : [];
}

type Input = { sector?: string; answers: Record<string, unknown> };
function assessment(f: DbiFramework): fc.Arbitrary<Input> {
  // an enterprise of a sector the framework does not list, where its rules score it on the common part
  const sectors = f.sectors?.map((s) => s.id).concat(f.sectorRules?.unlistedSector === 'common-part-only' ? ['dich-vu'] : []);
  const sectorArb: fc.Arbitrary<string | undefined> = sectors ? fc.constantFrom(...sectors) : fc.constant(undefined);
  return sectorArb.chain((sector): fc.Arbitrary<Input> => {
    if (f.inputLevel === 'pillar') {
      return fc.tuple(...f.pillars.map((p) => fc.integer({ min: 0, max: p.max! }))).map((xs) => ({ answers: Object.fromEntries(f.pillars.map((p, i) => [p.id, xs[i]])) }));
    }
    const list = criteria(f, sector);
    return fc.tuple(...list.map((c) => fc.constantFrom(...answersOf(c)))).map((xs) => ({
      ...(sector ? { sector } : {}),
      answers: Object.fromEntries(list.map((c, i) => [c.id, xs[i]])),
    }));
  });
}

/** What a plan must be: the property, for one assessment and target (counts the plans reached and refused). */
function checkGap(f: DbiFramework, input: Input, targetLevel: number | undefined, count: { reached: number; unreachable: number }): void {
    const scorable = (() => {
      try {
        return scoreDbi(f, input as never);
      } catch {
        return null; // every criterion "n/a": scoring refuses, and so does the gap analysis
      }
    })();
    if (!scorable) {
      expect(() => dbiGap(f, input as never)).toThrow();
      return;
    }
    const gap = dbiGap(f, input as never, targetLevel === undefined ? {} : { targetLevel });
    const target = targetLevel ?? scorable.level! + 1;
    expect(gap.currentLevel).toBe(scorable.level);
    expect(gap.targetLevel).toBe(target);
    if (gap.reachable) {
      const rescored = scoreDbi(f, { ...input, answers: gap.improvedAnswers! } as never);
      expect(rescored.level!).toBeGreaterThanOrEqual(target);
      expect(rescored).toEqual(gap.result);
      // no level condition holds the re-scored answers below the target
      for (const hit of rescored.levelCap?.hits ?? []) expect(hit.atMost).toBeGreaterThanOrEqual(target);
      if (target <= scorable.level!) {
        expect(gap.steps).toEqual([]);
        return;
      }
      count.reached++;
      expect(gap.steps.length).toBeGreaterThan(0);
      for (const step of gap.steps) {
        expect(input.answers[step.criterion]).not.toBe('n/a');
        expect(step.gain).toBeGreaterThan(0);
        expect(step.to).toBeGreaterThan(step.from);
        expect(gap.improvedAnswers![step.criterion]).toEqual(step.toAnswer ?? step.to);
        // minimal: undoing any one step misses the target
        const undone = { ...gap.improvedAnswers!, [step.criterion]: input.answers[step.criterion] };
        expect(scoreDbi(f, { ...input, answers: undone } as never).level!).toBeLessThan(target);
      }
      // answers without a step are unchanged
      for (const [id, v] of Object.entries(input.answers)) if (!gap.steps.some((s) => s.criterion === id)) expect(gap.improvedAnswers![id]).toEqual(v);
      expect(gap.pointsAdded).toBeCloseTo(gap.steps.reduce((s, x) => s + x.gain, 0), 9);
    } else {
      count.unreachable++;
      expect(gap.reason?.vi.length).toBeGreaterThan(0);
      expect(gap.reason?.en.length).toBeGreaterThan(0);
      expect(gap.steps).toEqual([]);
      if (!levelsOf(f).includes(target)) return;
      const best =
        f.inputLevel === 'pillar'
          ? Object.fromEntries(f.pillars.map((p) => [p.id, p.max]))
          : Object.fromEntries(criteria(f, input.sector).map((c) => [c.id, bestOf(c, input.answers[c.id])]));
      expect(scoreDbi(f, { ...input, answers: best } as never).level!).toBeLessThan(target);
    }
}

describe.each(FRAMEWORKS)('dbiGap on %s', (_name, f) => {
  it('re-scoring the plan reaches the target; an unreachable target is one that every answer at its best misses', () => {
    const count = { reached: 0, unreachable: 0 };
    fc.assert(
      fc.property(assessment(f), fc.constantFrom(undefined, ...levelsOf(f)), (input, targetLevel) => checkGap(f, input, targetLevel, count)),
      { numRuns: 150, seed: 10 },
    );
    expect(count.reached).toBeGreaterThan(0);
    if (_name === 'dbi-mean-na under pillar bands') expect(count.unreachable).toBeGreaterThan(0);
  });
});

/**
 * Level conditions drawn at random onto the test frameworks: "no higher than L while any pillar (or
 * one of those listed) is below x %" or "below pillar level k". The plan must hold under them all.
 */
describe.each([
  ['dbi-questionnaire', raw('dbi-questionnaire')],
  ['dbi-mean-na', raw('dbi-mean-na')],
  ['dbi-sectors', raw('dbi-sectors')],
  ['dbi-questionnaire-998', raw('dbi-questionnaire-998')],
  ['dbi-level-caps', raw('dbi-level-caps')],
] as const)('dbiGap under random level conditions on %s', (name, file) => {
  const ruleLevels: number[] = file.levelRule.kind === 'total-percent-bands' ? file.levelRule.bands.map((b: any) => b.level) : file.levelRule.overall.map((o: any) => o.level);
  const pillarLevels = file.levelRule.kind === 'pillar-bands-and-count' ? file.levelRule.pillarBands.map((b: any) => b.level) : file.levelRule.pillarLevels ? ruleLevels : [];
  const pillarIds: string[] = file.pillars.map((p: any) => p.id);
  const top = Math.max(...ruleLevels);
  const capArb = fc.record({
    atMost: fc.constantFrom(...file.levels.map((l: any) => l.level).filter((l: number) => l < top)),
    floor: pillarLevels.length > 1
      ? fc.oneof(fc.integer({ min: 1, max: 9999 }).map((x) => ({ anyPillarBelowPercent: x / 100 })), fc.constantFrom(...pillarLevels.slice(1)).map((k: number) => ({ anyPillarBelowLevel: k })))
      : fc.integer({ min: 1, max: 9999 }).map((x) => ({ anyPillarBelowPercent: x / 100 })),
    pillars: fc.option(fc.subarray(pillarIds, { minLength: 1 }), { nil: undefined }),
  }).map(({ atMost, floor, pillars }) => ({ atMost, ...floor, ...(pillars ? { pillars } : {}) }));
  it('every plan re-scores to the level it reports, never below its target, and is minimal', () => {
    const count = { reached: 0, unreachable: 0 };
    const withCaps = fc.array(capArb, { minLength: 1, maxLength: 3 }).map((caps) => {
      const f = JSON.parse(JSON.stringify(file));
      f.id = `${name}-caps`;
      f.levelRule.caps = caps;
      return defineDbiFramework(f);
    });
    fc.assert(
      fc.property(withCaps.chain((f) => fc.tuple(fc.constant(f), assessment(f), fc.constantFrom(undefined, ...levelsOf(f)))), ([f, input, targetLevel]) => checkGap(f, input, targetLevel, count)),
      { numRuns: 120, seed: 19 },
    );
    expect(count.reached).toBeGreaterThan(0);
  });
});

describe('unreachable targets and the reason', () => {
  it('a pillar whose criteria are all "n/a" does not count: a level needing both pillars is unreachable, and why', () => {
    const f = meanNaWithPillarBands();
    // customer all "n/a"; data 8 of its applicable 8 points (100%, pillar level 3): total 8 > 1 with
    // one pillar → level 1. Level 2 needs two pillars: the best answers still give level 1.
    const answers = { '1.1.1': 'n/a', '1.1.2': 'n/a', '1.2.1': 'n/a', '2.1.1': 4, '2.1.2': 'n/a', '2.1.3': 4 };
    const gap = dbiGap(f, { answers });
    expect(gap).toMatchObject({ currentLevel: 1, targetLevel: 2, reachable: false, steps: [], improvedAnswers: null });
    expect(gap.reason).toEqual({
      vi: 'Không thể đạt mức 2: kể cả khi mọi câu trả lời ở mức cao nhất, doanh nghiệp chỉ đạt mức 1 (4 tiêu chí "không áp dụng" được giữ nguyên).',
      en: 'Level 2 cannot be reached: even with every answer at its best the enterprise reaches level 1 (4 "not applicable" criteria kept as they are).',
    });
  });

  it('a level outside the rule is reported as such', () => {
    const gap = dbiGap(load('dbi-questionnaire'), { answers: { '1.1.1': 'none', '1.1.2': [], '2.1.1': 0, '2.1.2': 0 } }, { targetLevel: 7 });
    expect(gap.reason?.en).toBe('Level 7 is not in the level rule (highest: 3).');
  });

  it('the percentage-band explanation names the bound and whether it is inclusive', () => {
    const gap = dbiGap(load('dbi-questionnaire'), { answers: { '1.1.1': 'none', '1.1.2': [], '2.1.1': 0, '2.1.2': 1 } });
    expect(gap.why).toEqual({
      nextLevel: 2,
      binding: ['percent'],
      percent: { now: 10, from: 40, fromInclusive: false },
      message: { en: 'Level 2 needs an overall percentage above 40% (now 10%).', vi: 'Mức 2 cần tỷ lệ chung trên 40% (hiện 10%).' },
    });
  });

  it('pillar bands on a questionnaire: the 1970 explanation and a plan that lifts two pillars', () => {
    const f = questionnaireWithPillarBands();
    // strategy 0 of 5, operations 0 of 5: total 0, both pillars level 0 → level 0.
    // Level 2 needs a total above 4 and 2 pillars above 40% (more than 2 of 5 points each).
    const gap = dbiGap(f, { answers: { '1.1.1': 'none', '1.1.2': [], '2.1.1': 0, '2.1.2': 0 } }, { targetLevel: 2 });
    expect(gap.why?.message.en).toBe('Level 1 needs a total above 2 points (now 0) and at least 1 pillars at level 1 or higher (now 0).');
    expect(gap.reachable).toBe(true);
    const r = scoreDbi(f, { answers: gap.improvedAnswers! });
    expect(r.level).toBe(2);
    expect(r.pillars.map((p) => p.points)).toEqual([3, 3]);
    expect(criterionOrder(f)).toEqual(['1.1.1', '1.1.2', '2.1.1', '2.1.2']);
  });

  it('the 1970 path is untouched: the bundled SME set plans in points, without answer fields', () => {
    const answers = Object.fromEntries(criterionOrder('dbi-2021-sme').map((id) => [id, id === '2.1.1' ? 5 : 1]));
    const gap = dbiGap(getFramework('dbi-2021-sme') as DbiFramework, { answers });
    expect(gap.steps.every((s) => !('fromAnswer' in s) && !('toAnswer' in s))).toBe(true);
  });
});
