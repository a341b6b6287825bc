/**
 * Regression tests for every reproducer of issue #9: options and targets are checked, results
 * passed back are checked, duplicates are errors naming both entries, group keys never reach
 * Object.prototype, ties are in code-point order.
 */
import { describe, expect, it } from 'vitest';
import {
  ValidationError, compareResults, coverage, criterionOrder, dbiGap, dbiMeasure, dtiGap, dtiMeasure, mergeUnits, rank, rankChange,
  rankDti, scoreDbi, scoreDti, strengthsAndWeaknesses, summarize, type DbiResult, type DtiResult, type ValidationIssue,
} from '../../src/index.js';
import { fixture, type DbiFixtureRow, type DtiFixtureRow } from '../fixtures.js';
import { issuesOf } from '../helpers.js';


function firstIssue(fn: () => unknown): Pick<ValidationIssue, 'pathString' | 'code'> & { params?: unknown } {
  const [i] = issuesOf(fn);
  return { pathString: i!.pathString, code: i!.code, params: i!.params };
}

const dtiRows = fixture<DtiFixtureRow[]>('dti-2021.json');
const dti = (r: DtiFixtureRow) => scoreDti(r.framework, r.points ? { points: r.points } : { values: r.values! });
const units = dtiRows.map((r) => ({ id: r.id, result: dti(r) }));
const results = units.map((u) => u.result);
const dakLak = units.find((u) => u.id === '66')!.result;
const dbiRows = fixture<DbiFixtureRow[]>('dbi-sme-daklak.json');
const scored = dbiRows.map((e) => ({ id: e.id, district: e.district, result: scoreDbi(e.framework, { answers: e.answers }) }));
const json = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

describe('options are checked', () => {
  const entries = [{ id: 'A', score: 0.5 }, { id: 'B', score: 0.7 }];

  it("rank: order 'DESC' and a misspelt key are errors, not an ascending ranking", () => {
    expect(firstIssue(() => rank(entries, { order: 'DESC' as never }))).toMatchObject({ pathString: 'options.order', code: 'invalid_option', params: { received: 'DESC', allowed: ['desc', 'asc'] } });
    expect(firstIssue(() => rank(entries, { oder: 'desc' } as never))).toMatchObject({ pathString: 'options.oder', code: 'unknown_key' });
    expect(firstIssue(() => rank(entries, { precision: 2.5 }))).toMatchObject({ pathString: 'options.precision', code: 'not_an_integer' });
    expect(firstIssue(() => rank([{ id: 5 as never, score: 1 }]))).toMatchObject({ pathString: 'entries.0.id', code: 'invalid_type' });
    expect(rank(entries, { order: 'asc' }).map((r) => r.id)).toEqual(['A', 'B']);
  });

  it("dbiGap: targetLevel '4' and true are type errors (not 'not in the rule' / 'already at level 3')", () => {
    const answers = dbiRows[0]!.answers;
    for (const targetLevel of ['4', true, 4.5, -1, Number.NaN]) {
      const issue = firstIssue(() => dbiGap('dbi-2021-sme', { answers }, { targetLevel: targetLevel as never }));
      expect(issue.pathString).toBe('options.targetLevel');
    }
    expect(firstIssue(() => dbiGap('dbi-2021-sme', { answers }, { targetLevel: '4' as never })).code).toBe('invalid_type');
    expect(dbiGap('dbi-2021-sme', { answers }, { targetLevel: 4 }).targetLevel).toBe(4);
  });

  it("rankDti: by 'valu' is an error naming the measures, not every unit missing", () => {
    const issue = firstIssue(() => rankDti(units, { by: 'valu' }));
    expect(issue).toMatchObject({ pathString: 'options.by', code: 'invalid_option' });
    expect((issue.params as { allowed: string[] }).allowed).toEqual(expect.arrayContaining(['value', 'total', 'government', 'awareness']));
    expect(firstIssue(() => rankDti(units, { groupBy: 'regions' as never })).pathString).toBe('options.groupBy');
    expect(firstIssue(() => dtiMeasure(dakLak, 'valu')).code).toBe('invalid_option');
    expect(firstIssue(() => dbiMeasure(scored[0]!.result, 'custome')).code).toBe('invalid_option');
    expect(dbiMeasure(scored[0]!.result, 'customer')).toBe(scored[0]!.result.pillars[0]!.points);
  });

  it('strengthsAndWeaknesses: top -1 is an error, not n−1 items', () => {
    expect(firstIssue(() => strengthsAndWeaknesses(dakLak, results, { top: -1 }))).toMatchObject({ pathString: 'options.top', code: 'out_of_range' });
    expect(firstIssue(() => strengthsAndWeaknesses(dakLak, results, { top: '2' as never })).code).toBe('invalid_type');
    expect(firstIssue(() => strengthsAndWeaknesses(dakLak, [scored[0]!.result]))).toMatchObject({ pathString: 'cohort.0.kind', code: 'wrong_framework_kind' });
    expect(strengthsAndWeaknesses(dakLak, results, { top: 0 }).strengths).toEqual([]);
  });

  it('coverage: negative, NaN and string counts are errors (no share −0.5, no NaN, no "43" + "5")', () => {
    expect(firstIssue(() => coverage(-5, 10))).toMatchObject({ pathString: 'assessed', code: 'out_of_range' });
    expect(firstIssue(() => coverage(Number.NaN, 10))).toMatchObject({ pathString: 'assessed', code: 'not_a_number' });
    expect(firstIssue(() => coverage('43' as never, 10))).toMatchObject({ pathString: 'assessed', code: 'invalid_type' });
    expect(firstIssue(() => coverage(4, '10' as never))).toMatchObject({ pathString: 'registered', code: 'invalid_type' });
    expect(firstIssue(() => coverage(4, 10, Number.NaN))).toMatchObject({ pathString: 'target', code: 'not_a_number' });
    expect(firstIssue(() => summarize(scored, { groupBy: 'district', registered: { 'Buôn Hồ': '43' as never } }))).toMatchObject({ pathString: 'options.registered.Buôn Hồ', code: 'invalid_type' });
    expect(coverage(120, 400, 0.5)).toEqual({ assessed: 120, registered: 400, share: 0.3, target: 0.5, meetsTarget: false, shortfall: 80 });
  });

  it('dtiGap: NaN values and NaN / 0 / −1 / 1.5 / too large ranks are errors, not "0 points needed, reachable"', () => {
    expect(firstIssue(() => dtiGap(dakLak, { value: Number.NaN }))).toMatchObject({ pathString: 'target.value', code: 'not_a_number' });
    const codes = [Number.NaN, 0, -1, 1.5, results.length + 1].map((r) => firstIssue(() => dtiGap(dakLak, { rank: r, peers: results })));
    expect(codes.map((c) => c.pathString)).toEqual(Array(5).fill('target.rank'));
    expect(codes.map((c) => c.code)).toEqual(['not_a_number', 'out_of_range', 'out_of_range', 'not_an_integer', 'out_of_range']);
    expect(firstIssue(() => dtiGap(dakLak, { value: 0.5, points: 10 } as never)).code).toBe('conflicting_input');
    expect(firstIssue(() => dtiGap(dakLak, {} as never)).code).toBe('missing_input');
    expect(firstIssue(() => dtiGap(dakLak, { value: 0.5 }, { peer: [] } as never))).toMatchObject({ pathString: 'options.peer', code: 'unknown_key' });
    // rank 1 among the peers needs the leader's value
    const leader = Math.max(...results.map((r) => r.value));
    expect(dtiGap(dakLak, { rank: 1, peers: results }).target.value).toBe(leader);
  });

  it("rankChange: a NaN rank is an error; numeric strings: '0x10' refused, ' 3 ' read as 3", () => {
    expect(firstIssue(() => rankChange([{ id: 'A', rank: Number.NaN }], [{ id: 'A', rank: 1 }]))).toMatchObject({ pathString: 'previous.0.rank', code: 'not_a_number' });
    expect(firstIssue(() => rankChange([{ id: 'A', rank: 1 }], [{ id: 'A', rank: 0 }]))).toMatchObject({ pathString: 'current.0.rank', code: 'out_of_range' });
    expect(firstIssue(() => dtiGap(dakLak, { points: '0x10' }))).toMatchObject({ pathString: 'target.points', code: 'not_a_number' });
    expect(dtiGap(dakLak, { points: ' 500 ' }).target.total).toBe(500);
    expect(dtiGap(dakLak, { points: ' 500 ' })).toEqual(dtiGap(dakLak, { points: 500 }));
    const points = { awareness: 74, institutions: 30, infrastructure: 41.6, humanResources: 12.63, cybersecurity: 54, digitalGovernment: 78.47, digitalEconomy: 61.62, digitalSociety: 46.17 };
    for (const s of ['0x10', '1e5', 'Infinity', '', ' ']) {
      expect(firstIssue(() => scoreDti('dti-province-2022', { points: { ...points, awareness: s } })).code).toBe('not_a_number');
    }
    const spaced = scoreDti('dti-province-2022', { points: { ...points, awareness: ' 74 ', infrastructure: '\t41.6 ' } });
    expect(spaced.total).toBe(398.49);
  });
});

describe('duplicates and prototype keys', () => {
  it('rankDti with two units of one id is an error naming both entries', () => {
    const dup = [units[0]!, units[1]!, { ...units[2]!, id: units[0]!.id }];
    const issue = firstIssue(() => rankDti(dup));
    expect(issue).toMatchObject({ pathString: 'units.2.id', code: 'duplicate_id', params: { id: units[0]!.id, indexes: [0, 2] } });
    const [full] = issuesOf(() => rankDti(dup));
    expect(full!.message.en).toBe(`Id "${units[0]!.id}" appears more than once (entries 0, 2)`);
    expect(full!.hint).toBeDefined();
  });

  it('mergeUnits with duplicate ids (in units, or twice in one merge) is an error naming both entries', () => {
    expect(firstIssue(() => mergeUnits([units[0]!, units[0]!], { X: [units[0]!.id] }))).toMatchObject({ code: 'duplicate_id', params: { indexes: [0, 1] } });
    expect(firstIssue(() => mergeUnits(units, { X: [units[0]!.id, units[0]!.id] }))).toMatchObject({ pathString: 'mapping.X.1', code: 'duplicate_id' });
    expect(firstIssue(() => mergeUnits(units, { X: 'a' as never })).code).toBe('invalid_type');
  });

  it('a group named toString, __proto__ or constructor is an ordinary group', () => {
    const names = ['toString', '__proto__', 'constructor', 'hasOwnProperty'];
    const entries = scored.slice(0, 8).map((s, i) => ({ ...s, district: names[i % 4]! }));
    const registered = JSON.parse('{"toString": 10, "__proto__": 20, "constructor": 30}') as Record<string, number>;
    const s = summarize(entries, { groupBy: 'district', registered, target: 0.5 });
    expect(s.groups.map((g) => [g.key, g.count])).toEqual([['__proto__', 2], ['constructor', 2], ['hasOwnProperty', 2], ['toString', 2]]);
    expect(s.groups.map((g) => g.coverage?.registered ?? null)).toEqual([20, 30, null, 10]);
    expect(Object.keys(s.groups[0]!.keys)).toEqual(['district']);
    expect(s.groups[0]!.keys.district).toBe('__proto__');
    expect(s.overall.coverage?.registered).toBe(60);
    expect(({} as Record<string, unknown>).count).toBeUndefined();

    const grouped = rankDti(units.slice(0, 4).map((u, i) => ({ ...u, group: names[i]! })), { groupBy: 'group' });
    expect(grouped.map((g) => [g.group, g.groupName?.en, g.rankInGroup]).sort()).toEqual(names.map((n) => [n, n, 1]).sort());
  });

  it('ties in strengthsAndWeaknesses are in code-point order (never localeCompare)', () => {
    // a cohort of one: every indicator has percentile 50, so the order is the ties' order
    const sw = strengthsAndWeaknesses(dakLak, [dakLak]);
    const ids = sw.all.map((s) => s.id);
    expect(ids).toEqual([...ids].sort());
    expect(ids).toEqual(['awareness', 'cybersecurity', 'digitalEconomy', 'digitalGovernment', 'digitalSociety', 'humanResources', 'infrastructure', 'institutions']);
  });
});

describe('results passed back are checked', () => {
  const altered = <T extends DtiResult | DbiResult>(r: T, total: number): T => ({ ...json(r), total });

  it('a result rebuilt from JSON passes every analysis', () => {
    const back = units.map((u) => ({ id: u.id, result: json(u.result) }));
    expect(rankDti(back)).toEqual(rankDti(units));
    expect(dtiGap(json(dakLak), { value: 0.5 })).toEqual(dtiGap(dakLak, { value: 0.5 }));
    expect(mergeUnits(back, { X: ['66', 'MH01'] })[0]!.result.value).toBe(mergeUnits(units, { X: ['66', 'MH01'] })[0]!.result.value);
    expect(compareResults(json(results[0]!), json(results[1]!))).toEqual(compareResults(results[0]!, results[1]!));
    const backDbi = scored.map((s) => ({ ...s, result: json(s.result) }));
    expect(summarize(backDbi, { groupBy: 'district' })).toEqual(summarize(scored, { groupBy: 'district' }));
  });

  it('one with an altered total is a ValidationError naming total, in every analysis', () => {
    const bad = altered(dakLak, dakLak.total + 1);
    expect(firstIssue(() => dtiGap(bad, { value: 0.5 }))).toMatchObject({ pathString: 'result.total', code: 'inconsistent_result' });
    const [issue] = issuesOf(() => dtiGap(bad, { value: 0.5 }));
    expect(issue!.message.en).toBe(`The result does not add up: total is ${dakLak.total + 1}, but the computed value is ${dakLak.total}`);
    expect(issue!.hint).toMatch(/^Pass results back as the scoring functions returned them/);
    expect(firstIssue(() => rankDti([{ id: '66', result: bad }]))).toMatchObject({ pathString: 'units.0.result.total' });
    expect(firstIssue(() => mergeUnits([{ id: '66', result: bad }], { X: ['66'] }))).toMatchObject({ pathString: 'units.0.result.total' });
    expect(firstIssue(() => compareResults(dakLak, bad))).toMatchObject({ pathString: 'b.total' });
    const dbiBad = [...scored.slice(0, 3), { ...scored[3]!, result: altered(scored[3]!.result, 1) }];
    expect(firstIssue(() => summarize(dbiBad))).toMatchObject({ pathString: 'entries.3.result.total', code: 'inconsistent_result' });
    // the exact string altered consistently still does not add up against the pillars
    const both = { ...json(scored[0]!.result), total: 300, exact: { ...scored[0]!.result.exact, total: '300' } };
    expect(firstIssue(() => summarize([{ result: both }]))).toMatchObject({ pathString: 'entries.0.result.total' });
    // a pillar above its maximum, a non-finite value, an unknown framework, the wrong kind
    const r0 = json(scored[0]!.result);
    const over = { ...r0, pillars: r0.pillars.map((p, i) => (i === 0 ? { ...p, points: 999, exact: { ...p.exact, points: '999' } } : p)) };
    expect(firstIssue(() => summarize([{ result: over }]))).toMatchObject({ pathString: 'entries.0.result.pillars.0.exact.points', code: 'out_of_range' });
    // points no answers give: 7 of the strategy pillar (one criterion, 0–25 in steps of 5)
    const seven = { ...r0, pillars: r0.pillars.map((p, i) => (i === 1 ? { ...p, points: 7, exact: { ...p.exact, points: '7' } } : p)) };
    expect(firstIssue(() => summarize([{ result: seven }]))).toMatchObject({ pathString: 'entries.0.result.pillars.1.exact.points', code: 'not_on_scale', params: { allowed: [0, 5] } });
    expect(firstIssue(() => dtiGap({ ...json(dakLak), value: Number.NaN }, { value: 0.5 })).pathString).toBe('result.value');
    expect(firstIssue(() => dtiGap({ ...json(dakLak), framework: { ...dakLak.framework, id: 'dti-9999' } }, { value: 0.5 }))).toMatchObject({ pathString: 'result.framework.id', code: 'unknown_framework' });
    expect(firstIssue(() => dtiGap(scored[0]!.result as never, { value: 0.5 }))).toMatchObject({ pathString: 'result.kind', code: 'wrong_framework_kind' });
    expect(firstIssue(() => compareResults(dakLak, scored[0]!.result))).toMatchObject({ pathString: 'b.kind', code: 'wrong_framework_kind' });
  });

  it('a result marked with another aggregation than its framework scores by is refused (it was not made by the scorer)', () => {
    const general = { ...json(scored[0]!.result), aggregation: 'mean' as const, percent: 61.5 };
    const issues = issuesOf(() => summarize([{ result: general }]));
    expect(issues.map((i) => i.pathString)).toEqual(['entries.0.result.percent', 'entries.0.result.aggregation']);
    expect(issues.every((i) => i.code === 'inconsistent_result')).toBe(true);
    expect(firstIssue(() => summarize([{ result: { ...json(scored[0]!.result), level: 9 } }]))).toMatchObject({ pathString: 'entries.0.result.level', code: 'inconsistent_result' });
    expect(firstIssue(() => summarize([{ result: { ...json(scored[0]!.result), total: Number.NaN } }]))).toMatchObject({ pathString: 'entries.0.result.total', code: 'inconsistent_result' });
  });

  it('a hand-built level outside the framework is refused', () => {
    const r = { ...json(scored[0]!.result), level: 200 };
    expect(firstIssue(() => summarize([{ result: r }]))).toMatchObject({ pathString: 'entries.0.result.level', code: 'inconsistent_result' });
    const answers = Object.fromEntries(criterionOrder('dbi-2021-sme').map((id) => [id, id === '2.1.1' ? 15 : 3]));
    expect(firstIssue(() => summarize([{ result: { ...json(scoreDbi('dbi-2021-sme', { answers })), level: 5 } }])).code).toBe('inconsistent_result');
  });
});

describe('dtiGap: the regional leader among peers that carry their region', () => {
  it('a fictional unit counts in the region its data gives, not only units whose code resolves', () => {
    const rows = fixture<(DtiFixtureRow & { region?: string })[]>('dti-2021.json');
    const peers = rows.map((r) => ({ id: r.id, region: r.region, result: dti(r) }));
    const dakLak = peers.find((p) => p.id === '66')!;
    const gap = dtiGap(dakLak.result, { value: 0.5 }, { peers, id: '66' });
    // expected from the fixture itself: the best value among the rows placed in Đắk Lắk's region
    const sameRegion = rows.filter((r) => r.region === dakLak.region).map((r) => dti(r));
    expect(sameRegion.length).toBeGreaterThan(1);
    let ledByAnother = 0;
    for (const b of gap.benchmarks) {
      const best = Math.max(...sameRegion.map((r) => r.mainIndicators.find((m) => m.id === b.id)!.value!));
      expect(b.regionalLeader, b.id).toBe(best);
      if (best > b.value!) ledByAnother++;
    }
    expect(ledByAnother).toBeGreaterThan(0); // the check is not vacuous: an illustrative unit leads somewhere
    // without regions on the peers, only units whose code resolves count: Đắk Lắk alone
    const bare = dtiGap(dakLak.result, { value: 0.5 }, { peers: peers.map(({ id, result }) => ({ id, result })), id: '66' });
    for (const b of bare.benchmarks) expect(b.regionalLeader, b.id).toBe(b.value);
  });
});
