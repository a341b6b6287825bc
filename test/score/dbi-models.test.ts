/**
 * Every DBI model feature, each on a small framework written in the file format
 * (test/frameworks/dbi-*.json), scored against figures computed by hand in the comments.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DBI_2025_CANDIDATE_LEVEL_RULES, NOT_APPLICABLE, ValidationError, criterionOrder, dbiGap, getFramework, scoreDbi, scoreDbiBatch, type DbiAssessment, type DbiFramework, type ValidationIssue } from '../../src/index.js';
import { withDbiLevelRule, defineDbiFramework } from '../../src/schema.js';
import { issuesOf } from '../helpers.js';

const load = (name: string) => defineDbiFramework(JSON.parse(readFileSync(join(__dirname, '..', 'frameworks', `${name}.json`), 'utf8')));
const questionnaire = load('dbi-questionnaire');
const meanNa = load('dbi-mean-na');
const weighted = load('dbi-weighted');
const sectors = load('dbi-sectors');


describe('questionnaire criteria (single, multiple with cap, figure by thresholds)', () => {
  const score = (answers: DbiAssessment['answers']) => scoreDbi(questionnaire, { answers });

  it('lists the questions in order', () => {
    expect(criterionOrder(questionnaire)).toEqual(['1.1.1', '1.1.2', '2.1.1', '2.1.2']);
  });

  it('scores raw answers: 2 + min(2, 1 + 2 + 0.5) + 1 + 1 = 6 of 10', () => {
    // 1.1.1 planning → 2; 1.1.2 email + app + chatbot = 3.5, capped at 2; 2.1.1 25% reaches "from 10
    // inclusive" (1) but not "from 25 exclusive"; 2.1.2 → 1 point
    const r = score({ '1.1.1': 'planning', '1.1.2': ['email', 'app', 'chatbot'], '2.1.1': 25, '2.1.2': 1 });
    expect(r).toMatchObject({ total: 6, max: 10, percent: 60, level: 2, aggregation: 'sum' });
    expect(r.levelName?.vi).toBe('Bắt đầu');
    expect(r.pillars.map((p) => [p.id, p.points, p.max, p.percent, p.level])).toEqual([
      ['strategy', 4, 5, 80, null],
      ['operations', 2, 5, 40, null],
    ]);
    expect(r.criteria?.map((c) => [c.id, c.points, c.max])).toEqual([['1.1.1', 2, 3], ['1.1.2', 2, 2], ['2.1.1', 1, 3], ['2.1.2', 1, 2]]);
    expect(r.exact).toEqual({ total: '6', percent: '60' });
  });

  it.each([
    [9.9, 0], [10, 1], [25, 1], [25.1, 2], ['49.9', 2], [50, 3], [100, 3], [0, 0],
  ])('figure %s%% gives %i points (bounds as declared)', (figure, points) => {
    const r = score({ '1.1.1': 'none', '1.1.2': ['none'], '2.1.1': figure, '2.1.2': 0 });
    expect(r.criteria?.find((c) => c.id === '2.1.1')?.points).toBe(points);
    expect(r.total).toBe(points);
  });

  it('reads the declared inclusive bounds of the level bands: 40% is level 1 (from 40 exclusive), 45% level 2, 80% level 3 (inclusive)', () => {
    expect(score({ '1.1.1': 'planning', '1.1.2': ['none'], '2.1.1': 9.9, '2.1.2': 2 })).toMatchObject({ total: 4, percent: 40, level: 1 });
    expect(score({ '1.1.1': 'planning', '1.1.2': ['chatbot'], '2.1.1': 9.9, '2.1.2': 2 })).toMatchObject({ total: 4.5, percent: 45, level: 2 });
    expect(score({ '1.1.1': 'ready', '1.1.2': ['email', 'social'], '2.1.1': 50, '2.1.2': 0 })).toMatchObject({ total: 8, percent: 80, level: 3 });
  });

  it('rejects answers that are not options, not allowed together, or off the figure range', () => {
    const base = { '1.1.1': 'planning', '1.1.2': ['email'], '2.1.1': 25, '2.1.2': 1 };
    const bad = (patch: Record<string, unknown>) => issuesOf(() => score({ ...base, ...patch } as never)).map((i) => [i.pathString, i.code]);
    expect(bad({ '1.1.1': 'maybe' })).toEqual([['answers.1.1.1', 'not_on_scale']]);
    expect(bad({ '1.1.1': 2 })).toEqual([['answers.1.1.1', 'invalid_type']]);
    expect(bad({ '1.1.2': 'email' })).toEqual([['answers.1.1.2', 'invalid_type']]);
    expect(bad({ '1.1.2': ['fax'] })).toEqual([['answers.1.1.2.0', 'not_on_scale']]);
    expect(bad({ '1.1.2': ['email', 'email'] })).toEqual([['answers.1.1.2.1', 'duplicate_id']]);
    expect(bad({ '1.1.2': ['none', 'email'] })).toEqual([['answers.1.1.2.0', 'conflicting_input']]);
    expect(bad({ '2.1.1': 101 })).toEqual([['answers.2.1.1', 'out_of_range']]);
    expect(bad({ '2.1.1': 10.25 })).toEqual([['answers.2.1.1', 'too_many_decimals']]);
    expect(bad({ '2.1.1': Number.NaN })).toEqual([['answers.2.1.1', 'not_a_number']]);
    expect(bad({ '2.1.2': NOT_APPLICABLE })).toEqual([['answers.2.1.2', 'invalid_type']]);
    expect(bad({ '9.9.9': 1 })).toEqual([['answers.9.9.9', 'unknown_key']]);
    expect(issuesOf(() => score({ '1.1.1': 'planning' })).map((i) => i.pathString)).toEqual(['answers.1.1.2', 'answers.2.1.1', 'answers.2.1.2']);
    expect(issuesOf(() => scoreDbi(questionnaire, { answers: base, sector: 'retail' }))[0]).toMatchObject({ pathString: 'sector', code: 'unknown_key' });
  });

  it('gives every option its text in Vietnamese and English, so an app can render the form', () => {
    const c = questionnaire.pillars[0]!.components[0]!.criteria[1]!;
    expect(c.question?.vi).toContain('kênh');
    expect(c.answer?.kind).toBe('multiple');
    if (c.answer?.kind === 'multiple') expect(c.answer.options.map((o) => o.text.en)).toEqual(['No digital channel', 'Email', 'Social networks', 'Own mobile app', 'Chatbot']);
  });
});

describe('"not applicable" answers and mean aggregation (criterion → group → pillar → overall)', () => {
  it('averages percentages bottom-up, leaving n/a out of every denominator', () => {
    // customer: 1.1 = mean(4/4, 2/4) = 75%, 1.2 = 0/4 = 0% → 37.5%; data: 2.1 = mean(100%, 25%) = 62.5%
    // (2.1.2 n/a); overall = mean(37.5, 62.5) = 50% → level 3 (from 50 inclusive). A plain sum would
    // give 11/20 = 55%.
    const r = scoreDbi(meanNa, { answers: { '1.1.1': 4, '1.1.2': 2, '1.2.1': 0, '2.1.1': 4, '2.1.2': 'n/a', '2.1.3': 1 } });
    expect(r).toMatchObject({ total: 11, max: 20, percent: 50, level: 3, aggregation: 'mean' });
    expect(r.pillars.map((p) => [p.id, p.points, p.max, p.percent, p.level])).toEqual([
      ['customer', 6, 12, 37.5, 2],
      ['data', 5, 8, 62.5, 3],
    ]);
    expect(r.criteria?.find((c) => c.id === '2.1.2')).toEqual({ id: '2.1.2', pillar: 'data', component: '2.1', points: null, max: 4, notApplicable: true });
    // groups: 1.1 = mean(100, 50), 1.2 = 0, 2.1 = mean(100, 25)
    expect(r.components?.map((c) => [c.id, c.points, c.max, c.percent])).toEqual([['1.1', 6, 8, 75], ['1.2', 0, 4, 0], ['2.1', 5, 8, 62.5]]);
  });

  it('keeps exact thirds: (100 + (25 + 50 + 100) / 3) / 2 = 79.1666…% → 79.17, level 4', () => {
    // customer: 1.1.1 n/a, 1.1.2 = 4 → 1.1 = 100%; 1.2 n/a entirely → customer = 100%
    const r = scoreDbi(meanNa, { answers: { '1.1.1': 'n/a', '1.1.2': 4, '1.2.1': 'n/a', '2.1.1': 1, '2.1.2': 2, '2.1.3': 4 } });
    expect(r.percent).toBe(79.17);
    expect(r.exact.percent).toBe('79.16666666666666666666666666666666666667');
    expect(r.level).toBe(4);
    expect(r.pillars[1]).toMatchObject({ percent: 58.33, exact: { percent: '58.33333333333333333333333333333333333333' } });
    expect(r.components?.find((c) => c.id === '1.2')).toMatchObject({ points: 0, max: 0, percent: null });
  });

  it('a pillar answered n/a throughout leaves the overall figure and says so', () => {
    const r = scoreDbi(meanNa, { answers: { '1.1.1': 'n/a', '1.1.2': 'n/a', '1.2.1': 'n/a', '2.1.1': 2, '2.1.2': 2, '2.1.3': 2 } });
    expect(r).toMatchObject({ percent: 50, level: 3, total: 6, max: 12 });
    expect(r.pillars[0]).toMatchObject({ id: 'customer', notApplicable: true, level: null, max: 0 });
    expect(r.pillars[1]!.notApplicable).toBeUndefined();
  });

  it('"Dẫn dắt" only at 100%', () => {
    const full = { '1.1.1': 4, '1.1.2': 4, '1.2.1': 4, '2.1.1': 4, '2.1.2': 4, '2.1.3': 4 };
    expect(scoreDbi(meanNa, { answers: full })).toMatchObject({ percent: 100, level: 5 });
    expect(scoreDbi(meanNa, { answers: { ...full, '2.1.3': 3 } })).toMatchObject({ percent: 95.83, level: 4 });
  });

  it('n/a on an existing points framework leaves the denominator under sum aggregation', () => {
    const sme = getFramework('dbi-2021-sme') as DbiFramework;
    const file = JSON.parse(JSON.stringify(sme));
    file.id = 'dbi-2021-sme-na'; // a file of its own: a bundled id with other content is refused
    file.pillars[0].components[0].criteria[0].notApplicable = true; // 1.1.1 (max 5)
    const withNa = defineDbiFramework(file);
    const answers = Object.fromEntries(criterionOrder(sme).map((id) => [id, id === '2.1.1' ? 15 : 3]));
    // answered: the general path gives the 1970 figures exactly
    const plain = scoreDbi(sme, { answers });
    const general = scoreDbi(withNa, { answers });
    expect({ ...general, framework: plain.framework, aggregation: undefined, components: undefined, criteria: undefined }).toEqual({ ...plain });
    // n/a: customer 36/60 = 60% (level 3), total 189/315 = 60%
    const r = scoreDbi(withNa, { answers: { ...answers, '1.1.1': 'n/a' } });
    expect(r).toMatchObject({ total: 189, max: 315, percent: 60, level: 3 });
    expect(r.pillars[0]).toMatchObject({ points: 36, max: 60, percent: 60, level: 3 });
  });
});

describe('weighted aggregation', () => {
  it('averages pillar percentages with the declared weights: 0.4 × 75 + 0.6 × 40 = 54%', () => {
    // infrastructure (2.5 + 5) / 10 = 75%; people 2 / 5 = 40%; a plain sum would give 9.5/15 = 63.33%
    const r = scoreDbi(weighted, { answers: { '1.1.1': 2.5, '1.1.2': '5', '2.1.1': 2 } });
    expect(r).toMatchObject({ total: 9.5, max: 15, percent: 54, level: null, aggregation: 'weighted' });
    expect(r.noLevelReason?.en).toBe('The example gives no level.');
    expect(r.pillars.map((p) => p.percent)).toEqual([75, 40]);
  });

  it('0.4 × 12 + 0.6 × 100 = 64.8%', () => {
    expect(scoreDbi(weighted, { answers: { '1.1.1': 1.2, '1.1.2': 0, '2.1.1': 5 } })).toMatchObject({ percent: 64.8, exact: { percent: '64.8' } });
  });
});

describe('sector parts', () => {
  it('lists the common criteria, then the named sector\'s', () => {
    expect(criterionOrder(sectors, { sector: 'retail' })).toEqual(['1.1.1', '1.1.2', '7.1.1', '7.1.2']);
    expect(criterionOrder(sectors, { sector: 'tourism' })).toEqual(['1.1.1', '1.1.2', '7.1.1']);
    expect(issuesOf(() => criterionOrder(sectors))[0]).toMatchObject({ code: 'missing_key' });
  });

  it('divides by the sector\'s maximum: retail (6 + 5.5) / (8 + 8) = 71.875%', () => {
    // common: dashboard 2 + full 4 = 6; retail: pos + ecommerce = 5, links 0.5
    const r = scoreDbi(sectors, { sector: 'retail', answers: { '1.1.1': 'dashboard', '1.1.2': 'full', '7.1.1': ['pos', 'ecommerce'], '7.1.2': 0.5 } });
    expect(r).toMatchObject({ total: 11.5, max: 16, percent: 71.88, level: 3 });
    expect(r.exact.percent).toBe('71.875');
    expect(r.sector).toEqual({ id: 'retail', name: { vi: 'Bán lẻ', en: 'Retail' }, max: 8 });
    expect(r.pillars.map((p) => [p.id, p.points, p.max])).toEqual([['common', 6, 8], ['sector', 5.5, 8]]);
  });

  it('tourism (6 + 7.5) / (8 + 10.5) = 72.97…%', () => {
    const r = scoreDbi(sectors, { sector: 'tourism', answers: { '1.1.1': 'dashboard', '1.1.2': 'full', '7.1.1': ['booking', 'crm'] } });
    expect(r).toMatchObject({ total: 13.5, max: 18.5, percent: 72.97, level: 3 });
    expect(r.exact.percent).toBe('72.97297297297297297297297297297297297297');
  });

  it('needs a known sector, and only its criteria', () => {
    const answers = { '1.1.1': 'no', '1.1.2': 'none', '7.1.1': ['booking'] };
    expect(issuesOf(() => scoreDbi(sectors, { answers }))[0]).toMatchObject({ pathString: 'sector', code: 'missing_key' });
    expect(issuesOf(() => scoreDbi(sectors, { sector: 'mining', answers }))[0]).toMatchObject({ pathString: 'sector', code: 'not_on_scale' });
    expect(issuesOf(() => scoreDbi(sectors, { sector: 'tourism', answers: { ...answers, '7.1.2': 1 } }))[0]).toMatchObject({ pathString: 'answers.7.1.2', code: 'unknown_key' });
  });
});

describe('scoreDbiBatch on frameworks beyond points per criterion (each cell the points of its answer; see test/trust/batch.test.ts)', () => {
  it.each([
    ['a questionnaire', questionnaire, {}, { '1.1.1': 'planning', '1.1.2': ['email', 'app', 'chatbot'], '2.1.1': 25, '2.1.2': 1 }],
    ['mean aggregation with n/a', meanNa, {}, { '1.1.1': 4, '1.1.2': 2, '1.2.1': 0, '2.1.1': 4, '2.1.2': 'n/a', '2.1.3': 1 }],
    ['weighted aggregation', weighted, {}, { '1.1.1': 2.5, '1.1.2': '5', '2.1.1': 2 }],
    ['sector parts', sectors, { sector: 'retail' }, { '1.1.1': 'dashboard', '1.1.2': 'full', '7.1.1': ['pos', 'ecommerce'], '7.1.2': 0.5 }],
  ] as const)('scores %s as scoreDbi does', (_name, f, options, answers) => {
    const one = scoreDbi(f, { ...options, answers } as never);
    const points = Float64Array.from(one.criteria!, (c) => (c.points === null ? Number.NaN : c.points));
    const batch = scoreDbiBatch(f, points, options);
    expect(batch.invalid).toEqual([]);
    expect([batch.total[0], batch.level[0], Array.from(batch.pillarPoints)]).toEqual([one.total, one.level ?? -1, one.pillars.map((p) => p.points)]);
  });
});

describe('scoreDbiBatch with a percentage-band level rule', () => {
  it.each(DBI_2025_CANDIDATE_LEVEL_RULES.map((c) => [c.id, c] as const))('agrees with scoreDbi row by row (%s)', (_id, candidate) => {
    const f = withDbiLevelRule('dbi-2025-large', candidate.rule);
    const maxima = [125, 120, 145, 110, 110, 85];
    // rows at and around every band bound, and a spread of others
    const totals = [0, 69.49, 69.5, 173.74, 173.75, 347.5, 521.25, 625.5, 694.99, 695, 12.34, 400.01];
    const rows = totals.map((t) => {
      let left = Math.round(t * 100);
      return maxima.map((m) => {
        const take = Math.min(m * 100, left);
        left -= take;
        return take / 100;
      });
    });
    const batch = scoreDbiBatch(f, Float64Array.from(rows.flat()));
    expect(batch.invalid).toEqual([]);
    rows.forEach((row, r) => {
      const single = scoreDbi(f, { answers: Object.fromEntries(f.pillars.map((p, i) => [p.id, row[i]!])) });
      expect(batch.total[r]).toBe(single.total);
      expect(batch.level[r]).toBe(single.level);
    });
    expect(Array.from(batch.level.subarray(0, 10))).toEqual(
      candidate.id === 'five-levels-25-percent' ? [1, 1, 1, 1, 2, 3, 4, 4, 4, 5] : [0, 0, 1, 1, 2, 3, 4, 5, 5, 5],
    );
  });
});

describe('dbiGap on frameworks beyond the 1970 model (plans of answer changes; see test/analysis/dbi-gap-general.test.ts)', () => {
  it('a questionnaire: the exclusive bound of level 2 (above 40%) needs 5 of 10 points', () => {
    // all at 0 (0%, level 1). Greedy: 1.1.1 → ready (+3, ties with 2.1.1 → 50 and goes to the earlier
    // criterion), then 2.1.1 → 50 (+3): 60%. Minimal: 1.1.1 lowered to planning (2 + 3 = 5: 50% > 40%);
    // 2.1.1 cannot be lowered (2 + 2 = 4 is 40%, not above).
    const gap = dbiGap(questionnaire, { answers: { '1.1.1': 'none', '1.1.2': ['none'], '2.1.1': 0, '2.1.2': 0 } });
    expect(gap).toMatchObject({ currentLevel: 1, targetLevel: 2, reachable: true, pointsAdded: 5 });
    expect(gap.steps.map((s) => [s.criterion, s.fromAnswer, s.toAnswer, s.from, s.to])).toEqual([['1.1.1', 'none', 'planning', 0, 2], ['2.1.1', 0, 50, 0, 3]]);
    expect(scoreDbi(questionnaire, { answers: gap.improvedAnswers! })).toMatchObject({ total: 5, percent: 50, level: 2 });
  });

  it('mean aggregation with "n/a": an "n/a" answer is never changed', () => {
    const answers = { '1.1.1': 'n/a', '1.1.2': 0, '1.2.1': 0, '2.1.1': 0, '2.1.2': 'n/a', '2.1.3': 0 };
    const gap = dbiGap(meanNa, { answers }, { targetLevel: 5 });
    expect(gap.reachable).toBe(true);
    expect(gap.steps.map((s) => s.criterion)).toEqual(['1.1.2', '1.2.1', '2.1.1', '2.1.3']);
    expect(gap.improvedAnswers).toMatchObject({ '1.1.1': 'n/a', '2.1.2': 'n/a' });
    expect(scoreDbi(meanNa, { answers: gap.improvedAnswers! })).toMatchObject({ percent: 100, level: 5 });
  });

  it('weights without a level rule: no plan, and the reason the framework gives', () => {
    const gap = dbiGap(weighted, { answers: { '1.1.1': 0, '1.1.2': 0, '2.1.1': 0 } });
    expect(gap).toMatchObject({ reachable: false, steps: [], reason: weighted.levelRule.kind === 'none' ? weighted.levelRule.reason : null });
  });

  it('a percentage-band rule on pillar-level answers: each raised to the least points that suffice', () => {
    const f = withDbiLevelRule('dbi-2025-large', DBI_2025_CANDIDATE_LEVEL_RULES[0]!.rule);
    const answers = { customer: 0, strategy: 0, technology: 0, operations: 0, culture: 0, data: 0 };
    const gap = dbiGap(f, { answers });
    expect(gap.reachable).toBe(true);
    const rescored = scoreDbi(f, { answers: gap.improvedAnswers! });
    expect(rescored.level).toBe(gap.targetLevel);
    expect(rescored.level).toBe(gap.currentLevel! + 1);
  });
});

describe('percentage band tables (batch) agree with the exact rule (scoreDbi)', () => {
  it('for random bands, bounds and maxima, at every unit count', async () => {
    const fc = (await import('fast-check')).default;
    const { percentBandLevel, percentBandTable } = await import('../../src/level/dbi-level.js');
    fc.assert(fc.property(
      fc.uniqueArray(fc.integer({ min: 1, max: 10000 }), { maxLength: 5 }).map((xs) => xs.sort((a, b) => a - b).map((x) => x / 100)),
      fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
      fc.integer({ min: 1, max: 3000 }),
      (bounds, inclusive, maxUnits) => {
        const bands = [{ level: 0, fromPercent: 0, fromInclusive: true }, ...bounds.map((b, i) => ({ level: i + 1, fromPercent: b, fromInclusive: inclusive[i]! }))];
        const table = percentBandTable(bands, maxUnits);
        for (let u = 0; u <= maxUnits; u++) expect(table[u]).toBe(percentBandLevel(bands, u, maxUnits));
      },
    ), { numRuns: 200 });
  });
});
