/**
 * Every analysis works on a DTI framework written as a file with components, exactly as on a
 * bundled one: merging, ranking, comparing, strengths, the main-indicator gap and the HTML report.
 */
import { describe, expect, it } from 'vitest';
import { compareResults, dtiGap, mergeUnits, rankDti, renderReport, scoreDti, strengthsAndWeaknesses } from '../../src/index.js';
import { loadDtiFictional } from '../frameworks/load.js';

const fictional = loadDtiFictional();
// A: by components (total 379, see test/score/score-dti-components.test.ts); B: every main indicator directly (total 465)
const a = scoreDti(fictional, {
  points: { digitalSociety: 88.2 },
  components: {
    awareness: { a1: 30, a2: 0.75 }, infrastructure: { i1: 0.62, i2: 12.5, i3: 20 },
    digitalGovernment: { g1: 0.4, g2: 33.33 }, digitalEconomy: { e1: 0.333, e2: 41 },
  },
});
const b = scoreDti(fictional, { points: { awareness: 85, infrastructure: 70, digitalGovernment: 120, digitalEconomy: 90, digitalSociety: 100 } });

describe('analyses on a component-tree framework file', () => {
  it('ranks by DTI value: B 465/700 = 0.6643 before A 0.5414', () => {
    const ranked = rankDti([{ id: '01', result: a }, { id: '02', result: b }]);
    expect(ranked.map((r) => [r.id, r.rank])).toEqual([['02', 1], ['01', 2]]);
  });

  it('merges two units by the mean of their main-indicator values: (379 + 465) / 2 = 422 → 0.6029', () => {
    const [merged] = mergeUnits([{ id: '01', result: a }, { id: '02', result: b }], { '99': ['01', '02'] });
    expect(merged!.result.total).toBe(422);
    expect(merged!.result.value).toBe(0.6029);
    // awareness (0.75 + 0.85) / 2 = 0.8 → 80 points; the merged unit has no component breakdown
    expect(merged!.result.mainIndicators[0]).toMatchObject({ id: 'awareness', points: 80, value: 0.8 });
    expect(merged!.result.mainIndicators[0]!.components).toBeUndefined();
  });

  it('compares two results and finds strengths and weaknesses', () => {
    const changes = compareResults(a, b);
    expect(changes.find((c) => c.field === 'total')).toMatchObject({ from: 379, to: 465 });
    // every main indicator of A is below B's (e.g. awareness 0.75 < 0.85): mid-rank percentile (0 + ½) / 2 = 25
    const sw = strengthsAndWeaknesses(a, [a, b]);
    expect(sw.all.map((s) => [s.id, s.value, s.percentile])).toEqual([
      ['awareness', 0.75, 25], ['digitalEconomy', 0.4731, 25], ['digitalGovernment', 0.4067, 25], ['digitalSociety', 0.588, 25], ['infrastructure', 0.635, 25],
    ]);
    expect(strengthsAndWeaknesses(b, [a, b]).all.every((s) => s.percentile === 75)).toBe(true);
  });

  it('plans at main-indicator level with dtiGap: 0.6 needs 41 points, foundation first', () => {
    const gap = dtiGap(a, { value: 0.6 });
    expect(gap.pointsNeeded).toBe(41);
    expect(gap.indicators.slice(0, 2).map((i) => [i.id, i.headroom, i.needed])).toEqual([['infrastructure', 36.5, 36.5], ['awareness', 25, 4.5]]);
  });

  it('renders a province report', () => {
    const html = renderReport({ kind: 'province', name: 'Tỉnh A', result: a, peers: [a, b] });
    expect(html).toContain('Tỉnh A');
    expect(html).toContain('Hoạt động chính quyền số');
  });
});
