/** The TSDoc example of rankDti, run as written: its stated output must be the real output. */
import { describe, expect, it } from 'vitest';
import { rankDti, scoreDti } from '../../src/index.js';

describe('rankDti TSDoc example', () => {
  it('gives the output the example states', () => {
    const all = (v: number) => ({ values: { awareness: v, institutions: v, infrastructure: v, humanResources: v,
      cybersecurity: v, digitalGovernment: v, digitalEconomy: v, digitalSociety: v } });
    const units = [
      { id: 'A', group: 'centralHighlands', result: scoreDti('dti-province-2022', all(0.46)) },
      { id: 'B', group: 'centralHighlands', result: scoreDti('dti-province-2022', all(0.4)) },
      { id: 'C', group: 'southeast', result: scoreDti('dti-province-2022', all(0.64)) },
    ];
    const ranking = rankDti(units, { by: 'value', groupBy: 'group' });
    expect(ranking.find((r) => r.id === 'B')?.labelVi).toBe('hạng 3/3; 2/2 trong Tây Nguyên');
    expect(ranking.find((r) => r.id === 'B')?.label).toBe('3/3; 2/2 in Central Highlands');
  });
});
