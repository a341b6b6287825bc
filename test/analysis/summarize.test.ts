import { describe, expect, it } from 'vitest';
import { coverage, scoreDbi, summarize, ValidationError } from '../../src/index.js';
import { fixture, type DbiFixtureRow } from '../fixtures.js';

const rows = fixture<DbiFixtureRow[]>('dbi-sme-daklak.json');
const entries = rows.map((r) => ({ district: r.district, sector: r.sector, size: r.size, year: r.year, result: scoreDbi(r.framework, { answers: r.answers }) }));
const registered = fixture<{ registered: Record<string, number> }>('registered-smes-daklak.json').registered;

function naiveQuantile(values: number[], p: number) {
  const s = [...values].sort((a, b) => a - b);
  const h = (s.length - 1) * p;
  const lo = Math.floor(h);
  return s[lo]! + (h - lo) * ((s[Math.min(lo + 1, s.length - 1)] ?? s[lo]!) - s[lo]!);
}

describe('summarize', () => {
  it('groups by district with counts, level distribution and quartiles', () => {
    const s = summarize(entries, { groupBy: 'district' });
    expect(s.groups.reduce((a, g) => a + g.count, 0)).toBe(rows.length);
    expect(s.overall.count).toBe(rows.length);
    for (const g of s.groups) {
      const mine = entries.filter((e) => e.district === g.key);
      const totals = mine.map((e) => e.result.total);
      expect(g.count).toBe(mine.length);
      expect(g.total.median).toBeCloseTo(naiveQuantile(totals, 0.5), 10);
      expect(g.total.q1).toBeCloseTo(naiveQuantile(totals, 0.25), 10);
      expect(g.total.q3).toBeCloseTo(naiveQuantile(totals, 0.75), 10);
      expect(g.total.min).toBe(Math.min(...totals));
      expect(g.total.max).toBe(Math.max(...totals));
      expect(g.total.mean).toBe(Math.round((totals.reduce((a, b) => a + b, 0) / totals.length) * 100) / 100);
      expect(Object.values(g.levels).reduce((a, b) => a + b, 0)).toBe(mine.length);
      for (const [level, share] of Object.entries(g.atOrAbove)) {
        const n = mine.filter((e) => e.result.level! >= Number(level)).length;
        expect(share).toBe(Math.round((n / mine.length) * 10000) / 10000);
      }
      const customer = mine.map((e) => e.result.pillars[0]!.points);
      expect(g.pillars.customer!.median).toBeCloseTo(naiveQuantile(customer, 0.5), 10);
    }
    expect(s.overall.atOrAbove['0']).toBe(1);
  });

  it('groups by several keys or a function', () => {
    const s = summarize(entries, { groupBy: ['year', 'size'] });
    expect(s.groups[0]!.key).toMatch(/^2023 \/ /);
    expect(s.groups[0]!.keys).toHaveProperty('size');
    const f = summarize(entries, { groupBy: (e) => (e.result.level! >= 3 ? 'advanced' : 'early') });
    expect(f.groups.map((g) => g.key)).toEqual(['advanced', 'early'].filter((k) => f.groups.some((g) => g.key === k)));
  });

  it('reports coverage against registered enterprises and the target', () => {
    const s = summarize(entries, { groupBy: 'district', registered, target: 0.5 });
    for (const g of s.groups) {
      expect(g.coverage?.registered).toBe(registered[g.key]);
      expect(g.coverage?.share).toBe(Math.round((g.count / registered[g.key]!) * 10000) / 10000);
    }
    expect(s.overall.coverage?.assessed).toBe(rows.length);
  });

  it('coverage: share and shortfall to a target', () => {
    expect(coverage(120, 400, 0.5)).toEqual({ assessed: 120, registered: 400, share: 0.3, target: 0.5, meetsTarget: false, shortfall: 80 });
    expect(coverage(3, 5, 0.5)).toMatchObject({ meetsTarget: true, shortfall: 0 });
    expect(coverage(2, 5, 0.5)).toMatchObject({ meetsTarget: false, shortfall: 1 });
    expect(() => coverage(1, 0)).toThrow(ValidationError);
  });

  it('refuses mixed frameworks and empty input', () => {
    const large = scoreDbi('dbi-2021-large', { answers: { customer: 1, strategy: 1, technology: 1, operations: 1, culture: 1, data: 1 } });
    expect(() => summarize([...entries, { district: 'x', sector: 'x', size: 'x', year: 1, result: large }])).toThrow(ValidationError);
    expect(() => summarize([])).toThrow(ValidationError);
  });

  it('summarizes pillar-level frameworks (no level) with "none"', () => {
    const large = fixture<{ answers: Record<string, number> }[]>('dbi-large.json').map((r) => ({ result: scoreDbi('dbi-2021-large', { answers: r.answers }) }));
    const s = summarize(large);
    expect(s.overall.levels).toMatchObject({ none: 3 });
    expect(s.overall.atOrAbove).toEqual({});
  });
});

describe('analyses keep the framework the caller scored with', () => {
  it('summarize uses an overridden framework (readiness maxima supplied by the caller)', async () => {
    const { getFramework } = await import('../../src/index.js'); const { overrideDbiPillarMaxima } = await import('../../src/schema.js');
    const base = getFramework('dbi-2023-sme-readiness') as import('../../src/index.js').DbiFramework;
    const supplied = overrideDbiPillarMaxima(base, Object.fromEntries(base.pillars.map((p) => [p.id, 20])));
    const results = [5, 10, 15].map((v) => ({ result: scoreDbi(supplied, { answers: Object.fromEntries(base.pillars.map((p) => [p.id, v])) }) }));
    const s = summarize(results);
    expect(s.overall.total.median).toBe(70);
    expect(s.overall.meanPercent).toBe(50);
    // rebuilt from JSON, the result falls back to the bundled framework, which has no maxima: re-scoring it says so
    expect(() => summarize(results.map((r) => ({ result: JSON.parse(JSON.stringify(r.result)) })))).toThrow(/pillar maxima/);
  });
});
