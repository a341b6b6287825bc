/**
 * Issue #10: every function works on a defined framework exactly as on a bundled one. Results of
 * frameworks written in the file format (test/frameworks/*.json), one per model feature
 * (questionnaire, "n/a" with means, sectors, weights, percentage bands, a DTI component tree), go
 * through summarize, rank, strengthsAndWeaknesses, compareResults, dbiGap, renderReport, toCsv and
 * the command line's table writers; figures are computed by hand in the comments.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareResults, dbiGap, provenanceOf, rank, rankDti, renderReport, scoreDbi, scoreDti, strengthsAndWeaknesses, summarize, toCsv, type DbiAssessment, type DbiFramework, type DbiResult } from '../../src/index.js';
import { defineDbiFramework } from '../../src/schema.js';
import { render, resultsContext } from '../../src/presentation/cli/output.js';
import { loadDtiFictional } from '../frameworks/load.js';

const load = (name: string) => defineDbiFramework(JSON.parse(readFileSync(join(__dirname, '..', 'frameworks', `${name}.json`), 'utf8')));
const scoreAll = (f: DbiFramework, inputs: DbiAssessment[]) => inputs.map((i) => scoreDbi(f, i));
const byDistrict = (results: readonly DbiResult[]) => results.map((result, i) => ({ id: `dn${i + 1}`, district: i % 2 ? 'A' : 'B', result }));

// questionnaire, summed, percentage bands: level 2 above 40% (exclusive), level 3 from 80% (inclusive)
const questionnaire = load('dbi-questionnaire');
const qInputs: DbiAssessment[] = [
  // 2 + min(2, 1 + 2 + 0.5) = 4 | 25% is not above 25: 1, + 1 = 2 → 6 / 10 = 60% → level 2
  { answers: { '1.1.1': 'planning', '1.1.2': ['email', 'app', 'chatbot'], '2.1.1': 25, '2.1.2': 1 } },
  // 3 + 0 = 3 | 60% ≥ 50: 3, + 2 = 5 → 8 / 10 = 80% → level 3 (the bound is inclusive)
  { answers: { '1.1.1': 'ready', '1.1.2': ['none'], '2.1.1': 60, '2.1.2': 2 } },
  // nothing → 0% → level 1
  { answers: { '1.1.1': 'none', '1.1.2': [], '2.1.1': 0, '2.1.2': 0 } },
];
const q = scoreAll(questionnaire, qInputs);

// "n/a" with means of percentages, 25% bands with pillar levels
const meanNa = load('dbi-mean-na');
const nInputs: DbiAssessment[] = [
  // customer all "n/a"; data: mean(4/4, 2/4) = 75% → overall 75% (customer leaves) → level 4
  { answers: { '1.1.1': 'n/a', '1.1.2': 'n/a', '1.2.1': 'n/a', '2.1.1': 4, '2.1.2': 'n/a', '2.1.3': 2 } },
  // customer: mean(mean(25, 50), 75) = 56.25; data: mean(100, 0, 25) = 41.67; overall 48.96 → level 2
  { answers: { '1.1.1': 1, '1.1.2': 2, '1.2.1': 3, '2.1.1': 4, '2.1.2': 0, '2.1.3': 1 } },
];
const n = scoreAll(meanNa, nInputs);

// sector parts: retail 8 + 8 points, tourism 8 + 10.5; bands from 30% and 70% (inclusive)
const sectors = load('dbi-sectors');
const sInputs: DbiAssessment[] = [
  // common 2 + 3, retail 2 + 3 + 0.5 → 10.5 / 16 = 65.625% → level 2
  { sector: 'retail', answers: { '1.1.1': 'dashboard', '1.1.2': 'high', '7.1.1': ['pos', 'ecommerce'], '7.1.2': 0.5 } },
  // common 1 + 1, tourism 3.5 → 5.5 / 18.5 = 29.73% → level 1
  { sector: 'tourism', answers: { '1.1.1': 'manual', '1.1.2': 'low', '7.1.1': ['crm'] } },
];
const s = scoreAll(sectors, sInputs);

// weights 40 / 60, no level rule
const weighted = load('dbi-weighted');
const wInputs: DbiAssessment[] = [
  { answers: { '1.1.1': 2.5, '1.1.2': 4, '2.1.1': 3 } }, // 0.4 × 65 + 0.6 × 60 = 62
  { answers: { '1.1.1': 5, '1.1.2': 5, '2.1.1': 1 } }, // 0.4 × 100 + 0.6 × 20 = 52
];
const w = scoreAll(weighted, wInputs);

describe('the results themselves (the figures every analysis below rests on)', () => {
  it('are as computed by hand', () => {
    expect(q.map((r) => [r.total, r.percent, r.level])).toEqual([[6, 60, 2], [8, 80, 3], [0, 0, 1]]);
    expect(n.map((r) => [r.total, r.max, r.percent, r.level])).toEqual([[6, 8, 75, 4], [11, 24, 48.96, 2]]);
    expect(s.map((r) => [r.total, r.max, r.percent, r.level, r.sector?.id])).toEqual([[10.5, 16, 65.63, 2, 'retail'], [5.5, 18.5, 29.73, 1, 'tourism']]);
    expect(w.map((r) => [r.total, r.percent, r.level])).toEqual([[9.5, 62, null], [11, 52, null]]);
  });
});

describe('summarize', () => {
  it('questionnaire: levels per group and the mean of the percentages', () => {
    const sum = summarize(byDistrict(q), { groupBy: 'district' });
    // A: dn2 (80%, level 3); B: dn1 (60%, level 2) and dn3 (0%, level 1)
    expect(sum.groups.map((g) => [g.key, g.count, g.levels, g.meanPercent, g.total.mean])).toEqual([
      ['A', 1, { 1: 0, 2: 0, 3: 1 }, 80, 8],
      ['B', 2, { 1: 1, 2: 1, 3: 0 }, 30, 3],
    ]);
    // (60 + 80 + 0) / 3 = 46.67; totals (6 + 8 + 0) / 3 = 4.67
    expect([sum.overall.meanPercent, sum.overall.total.mean, sum.overall.atOrAbove]).toEqual([46.67, 4.67, { 3: 0.3333, 2: 0.6667, 1: 1 }]);
  });

  it('"n/a": the mean of the results\' own percentages, and a pillar "n/a" left out of its statistics', () => {
    const sum = summarize(byDistrict(n));
    // (75 + 48.958333…) / 2 = 61.979… → 61.98 (not 17 points / 32 = 53.13)
    expect(sum.overall.meanPercent).toBe(61.98);
    // customer: dn1 is "n/a", so only dn2's 6 points; data: (6 + 5) / 2
    expect([sum.overall.pillars.customer!.count, sum.overall.pillars.customer!.mean]).toEqual([1, 6]);
    expect([sum.overall.pillars.data!.count, sum.overall.pillars.data!.mean]).toEqual([2, 5.5]);
    expect(sum.overall.levels).toEqual({ 1: 0, 2: 1, 3: 0, 4: 1, 5: 0 });
  });

  it('sectors: results of different sectors (different maxima) in one cohort', () => {
    const sum = summarize(byDistrict(s));
    // (65.625 + 29.7297…) / 2 = 47.677… → 47.68; totals (10.5 + 5.5) / 2 = 8; sector part (5.5 + 3.5) / 2 = 4.5
    expect([sum.overall.meanPercent, sum.overall.total.mean, sum.overall.pillars.sector!.mean, sum.overall.total.exact.sum]).toEqual([47.68, 8, 4.5, '16']);
  });

  it('weights and no level rule: everyone under "none", the weighted percentages averaged', () => {
    const sum = summarize(byDistrict(w));
    expect([sum.overall.levels, sum.overall.atOrAbove, sum.overall.meanPercent]).toEqual([{ none: 2 }, {}, 57]);
  });
});

describe('rank, strengthsAndWeaknesses, compareResults', () => {
  it('rank by exact percentage: 80, 60, 0', () => {
    expect(rank(byDistrict(q).map((e) => ({ id: e.id, score: e.result.exact.percent }))).map((r) => [r.id, r.rank])).toEqual([['dn2', 1], ['dn1', 2], ['dn3', 3]]);
    // sectors: 65.625 before 29.73; "n/a": 75 before 48.96
    expect(rank(byDistrict(s).map((e) => ({ id: e.id, score: e.result.exact.percent }))).map((r) => r.id)).toEqual(['dn1', 'dn2']);
    expect(rank(byDistrict(n).map((e) => ({ id: e.id, score: e.result.exact.percent }))).map((r) => r.id)).toEqual(['dn1', 'dn2']);
  });

  it('strengths by pillar percentile; a pillar "n/a" to the enterprise is not one of them', () => {
    // strategy: 80 vs 60 and 0 → (2·2 + 1) / 6 = 83.3; operations: 40 vs 100 and 0 → (2·1 + 1) / 6 = 50
    expect(strengthsAndWeaknesses(q[0]!, q).all.map((x) => [x.id, x.value, x.percentile])).toEqual([['strategy', 80, 83.3], ['operations', 40, 50]]);
    // dn1 has no customer percentage; data 75 vs 75 and 41.67 → (2·1 + 1) / 4 = 75
    expect(strengthsAndWeaknesses(n[0]!, n).all.map((x) => [x.id, x.value, x.percentile])).toEqual([['data', 75, 75]]);
    // the other enterprise's customer pillar is compared with the one cohort value that applies (its own)
    expect(strengthsAndWeaknesses(n[1]!, n).all.find((x) => x.id === 'customer')).toMatchObject({ value: 56.25, percentile: 50 });
    // weighted: infrastructure 65 vs 100 → 25; people 60 vs 20 → 75
    expect(strengthsAndWeaknesses(w[0]!, w).strengths.map((x) => [x.id, x.percentile])).toEqual([['people', 75], ['infrastructure', 25]]);
  });

  it('compareResults lists every changed figure', () => {
    expect(compareResults(q[0]!, q[1]!)).toEqual([
      { field: 'total', from: 6, to: 8, delta: 2 },
      { field: 'percent', from: 60, to: 80, delta: 20 },
      { field: 'level', from: 2, to: 3, delta: 1 },
      { field: 'pillars.strategy.points', from: 4, to: 3, delta: -1 },
      { field: 'pillars.operations.points', from: 2, to: 5, delta: 3 },
    ]);
    expect(compareResults(s[0]!, s[1]!)).toEqual([
      { field: 'total', from: 10.5, to: 5.5, delta: -5 },
      { field: 'percent', from: 65.63, to: 29.73, delta: -35.9 },
      { field: 'level', from: 2, to: 1, delta: -1 },
      { field: 'pillars.common.points', from: 5, to: 2, delta: -3 },
      { field: 'pillars.sector.points', from: 5.5, to: 3.5, delta: -2 },
    ]);
    // "n/a": the customer pillar gets a level only where it applies
    expect(compareResults(n[0]!, n[1]!).find((c) => c.field === 'pillars.customer.level')).toEqual({ field: 'pillars.customer.level', from: null, to: 3, delta: null });
    expect(compareResults(w[0]!, w[1]!).map((c) => c.field)).toEqual(['total', 'percent', 'pillars.infrastructure.points', 'pillars.people.points']);
  });
});

describe('renderReport (HTML)', () => {
  it('an enterprise on a questionnaire, with its plan in answers (option texts and points)', () => {
    // dn3 (0%): to level 2 (above 40%): "Chưa có" → "Đang xây dựng" (+2) and 0% → 50% (+3): 5 of 10
    const gap = dbiGap(questionnaire, qInputs[2]!);
    const html = renderReport({ kind: 'enterprise', name: 'DN 3', result: q[2]!, cohort: q, gap });
    expect(html).toContain('<td>Chưa có (0)</td><td>Đang xây dựng (2)</td>');
    expect(html).toContain('Mức 2 cần tỷ lệ chung trên 40% (hiện 0%).');
    expect(html).toContain('1/QĐ-VD');
    const en = renderReport({ kind: 'enterprise', name: 'DN 3', result: q[2]!, gap }, { lang: 'en' });
    expect(en).toContain('<td>None (0)</td><td>Being drafted (2)</td>');
  });

  it('an enterprise of a sector, its plan adding options', () => {
    // tourism 5.5 / 18.5 = 29.73%: level 2 needs 30%. Greedy: the largest gain is every option
    // (+7), lowered to the least that suffices: booking added (+4) → 9.5 / 18.5 = 51.35%
    const gap = dbiGap(sectors, sInputs[1]!);
    expect(gap.steps.map((x) => [x.criterion, x.fromAnswer, x.toAnswer, x.gain])).toEqual([['7.1.1', ['crm'], ['booking', 'crm'], 4]]);
    expect(scoreDbi(sectors, { sector: 'tourism', answers: gap.improvedAnswers! })).toMatchObject({ total: 9.5, level: 2 });
    const html = renderReport({ kind: 'enterprise', result: s[1]!, gap });
    expect(html).toContain('<td>Quản lý khách hàng (CRM) (3,5)</td><td>Ứng dụng đặt tour, Quản lý khách hàng (CRM) (7,5)</td>');
  });

  it('an enterprise with a pillar "not applicable": the pillar says so instead of 0%', () => {
    const html = renderReport({ kind: 'enterprise', result: n[0]!, cohort: n });
    expect(html).toMatch(/<td>Khách hàng<\/td><td class="n">0<\/td><td class="n">0<\/td><td>không áp dụng<\/td>/);
    expect(html).toContain('75,00%') // percentages with 2 decimals on every page;
  });

  it('a cohort from its summary alone: the summary remembers its defined framework', () => {
    for (const [f, results] of [[questionnaire, q], [meanNa, n], [sectors, s], [weighted, w]] as const) {
      const html = renderReport({ kind: 'cohort', summary: summarize(byDistrict(results), { groupBy: 'district' }) });
      expect(html).toContain(f.legalBasis.decision);
      // the level chart, where the framework gives levels
      expect(html.includes('<svg')).toBe(f.levelRule.kind !== 'none');
    }
    const ranked = renderReport({ kind: 'cohort', summary: summarize(byDistrict(w)), ranked: byDistrict(w).map((e, i) => ({ id: e.id, result: e.result, rank: i + 1 })) });
    expect(ranked).toContain('Bộ chỉ số mẫu không xếp mức.'); // the framework's reason for no level
  });
});

describe('tables: toCsv with the provenance of a defined framework, and the command line writers', () => {
  it('toCsv ends with the framework, its status and its assumptions', () => {
    const csv = toCsv(['id', 'percent'], byDistrict(s).map((e) => [e.id, e.result.percent]), { provenance: provenanceOf(sectors) });
    expect(csv.startsWith('id,percent\ndn1,65.63\ndn2,29.73\n')).toBe(true);
    expect(csv).toContain('# Framework: example-sectors — Decision 4/QĐ-VD (2027-01-15)');
  });

  it('table, Markdown and CSV name the defined framework\'s pillars', () => {
    const rows = byDistrict(q).map((e) => ({ id: e.id, result: e.result }));
    const t = { header: ['id', 'percent', 'strategy', 'operations'], rows: rows.map((r) => [r.id, r.result.percent, r.result.pillars[0]!.percent, r.result.pillars[1]!.percent]), json: rows, ...resultsContext(rows) };
    for (const format of ['table', 'md', 'csv'] as const) {
      const out = render(t, format, { lang: 'vi' });
      expect(out, format).toContain('Chiến lược');
      expect(out, format).toContain('example-questionnaire');
    }
  });
});

describe('a DTI component tree', () => {
  const fictional = loadDtiFictional();
  // A by components: 379 of 700; B directly: 465 (see test/analysis/dti-components-analyses.test.ts)
  const a = scoreDti(fictional, {
    points: { digitalSociety: 88.2 },
    components: { awareness: { a1: 30, a2: 0.75 }, infrastructure: { i1: 0.62, i2: 12.5, i3: 20 }, digitalGovernment: { g1: 0.4, g2: 33.33 }, digitalEconomy: { e1: 0.333, e2: 41 } },
  });
  const b = scoreDti(fictional, { points: { awareness: 85, infrastructure: 70, digitalGovernment: 120, digitalEconomy: 90, digitalSociety: 100 } });

  it('ranks, compares, finds strengths and renders province and provinces reports', () => {
    expect(rank([{ id: 'A', score: a.value }, { id: 'B', score: b.value }]).map((r) => [r.id, r.rank])).toEqual([['B', 1], ['A', 2]]);
    const ranked = rankDti([{ id: 'A', result: a }, { id: 'B', result: b }]);
    expect(compareResults(a, b).find((c) => c.field === 'total')).toMatchObject({ from: 379, to: 465, delta: 86 });
    expect(strengthsAndWeaknesses(a, [a, b]).all.every((x) => x.percentile === 25)).toBe(true);
    expect(renderReport({ kind: 'province', name: 'Tỉnh A', result: a, peers: [a, b] })).toContain('Tỉnh A');
    const results = { A: a, B: b } as const;
    const html = renderReport({ kind: 'provinces', ranked: ranked.map((r) => ({ id: r.id, result: results[r.id as 'A' | 'B'], rank: r.rank, ranking: r })) });
    expect(html).toContain(fictional.legalBasis.decision);
    const csv = toCsv(['id', 'value'], ranked.map((r) => [r.id, r.score]), { provenance: provenanceOf(fictional) });
    expect(csv).toContain(`# Framework: ${fictional.id}`);
  });
});
