import { describe, expect, it } from 'vitest';
import { getFramework, scoreDti, type DtiFramework } from '../../src/index.js';
import { overrideDtiMaxima } from '../../src/schema.js';

// Đắk Lắk's published DTI 2021 points, from its own plan (issue #2).
const dakLak2021 = {
  awareness: 74, institutions: 30, infrastructure: 41.6, humanResources: 12.63, cybersecurity: 54,
  digitalGovernment: 78.47, digitalEconomy: 61.62, digitalSociety: 46.17,
};

// Quảng Ninh 2022, dti.gov.vn main-indicator values (reference dti-province.md §2.3).
const quangNinh2022 = {
  awareness: 0.9581, institutions: 0.9, infrastructure: 0.7648, humanResources: 0.625, cybersecurity: 0.5382,
  digitalGovernment: 0.8385, digitalEconomy: 0.5904, digitalSociety: 0.4505,
};

describe('scoreDti on Decision 922', () => {
  it('reproduces Đắk Lắk 2021 exactly from points', () => {
    const r = scoreDti('dti-province-2022', { points: dakLak2021 });
    expect(r.total).toBe(398.49);
    expect(r.exact.total).toBe('398.49');
    expect(r.value).toBe(0.3985);
    expect(r.exact.value).toBe('0.39849');
    expect(r.pillars.government.value).toBe(0.4153);
    expect(r.pillars.economy.value).toBe(0.4213);
    expect(r.pillars.society.value).toBe(0.3975);
    expect(r.pillars.government.points).toBe(290.7);
    expect(r.pillars.government.max).toBe(700);
    expect(r.max).toBe(1000);
    expect(r.input).toBe('points');
  });

  it('never shows float drift where plain floats do (41.6 + 12.63 = 54.230000000000004)', () => {
    expect(41.6 + 12.63).not.toBe(54.23);
    const r = scoreDti('dti-province-2022', { points: { ...dakLak2021, awareness: 0, institutions: 0, cybersecurity: 0 } });
    expect(r.exact.total).toBe('240.49');
    expect(r.pillars.government.exact.points).toBe('132.7');
    // Quảng Ninh from values: float products sum to 702.4450000000002
    const q = scoreDti('dti-province-2022', { values: quangNinh2022 });
    expect(q.exact.total).toBe('702.445');
    const full = scoreDti('dti-province-2022', { points: dakLak2021 });
    expect(String(full.total)).toBe('398.49');
    expect(r.mainIndicators.find((m) => m.id === 'humanResources')).toMatchObject({ points: 12.63, value: 0.1263 });
  });

  it('reproduces Quảng Ninh 2022 DTI and pillar values from main-indicator values', () => {
    const r = scoreDti('dti-province-2022', { values: quangNinh2022 });
    expect(r.value).toBe(0.7024);
    expect(r.pillars.government.value).toBe(0.7804);
    expect(r.pillars.economy.value).toBe(0.7187);
    expect(r.pillars.society.value).toBe(0.6864);
    expect(r.exact.total).toBe('702.445');
    expect(r.total).toBe(702.45);
    expect(r.input).toBe('values');
    expect(r.mainIndicators.find((m) => m.id === 'digitalSociety')).toMatchObject({ points: 67.58, value: 0.4505, exact: { points: '67.575' } });
  });

  it('accepts decimal strings and gives the same result', () => {
    const asStrings = Object.fromEntries(Object.entries(dakLak2021).map(([k, v]) => [k, String(v)]));
    expect(scoreDti('dti-province-2022', { points: asStrings })).toEqual(scoreDti('dti-province-2022', { points: dakLak2021 }));
  });

  it('lists smart city as unscored: it never adds points', () => {
    // not an input key of the types or the JSON Schema (it scores nothing); a table that still lists
    // it is read at run time, its value shown and never scored
    const r = scoreDti('dti-province-2022', { values: { ...quangNinh2022, smartCity: 0.8 } as typeof quangNinh2022 });
    expect(r.value).toBe(0.7024);
    expect(r.mainIndicators.find((m) => m.id === 'smartCity')).toMatchObject({ points: 0, max: 0, value: 0.8, group: 'unscored' });
    const without = scoreDti('dti-province-2022', { values: quangNinh2022 });
    expect(without.mainIndicators.find((m) => m.id === 'smartCity')?.value).toBeNull();
  });

  it('gives 0 and 1 at the bounds', () => {
    const zeros = Object.fromEntries(Object.keys(quangNinh2022).map((k) => [k, 0]));
    const ones = Object.fromEntries(Object.keys(quangNinh2022).map((k) => [k, 1]));
    expect(scoreDti('dti-province-2022', { values: zeros })).toMatchObject({ total: 0, value: 0 });
    const top = scoreDti('dti-province-2022', { values: ones });
    expect(top).toMatchObject({ total: 1000, value: 1 });
    expect(top.pillars.society).toMatchObject({ points: 650, value: 1 });
  });

  it('does not mutate its input', () => {
    const input = { points: { ...dakLak2021 } };
    const copy = structuredClone(input);
    Object.freeze(input.points);
    scoreDti('dti-province-2022', input);
    expect(input).toEqual(copy);
  });

  it('accepts a framework object as well as an id', () => {
    const f = getFramework('dti-province-2022') as DtiFramework;
    expect(scoreDti(f, { points: dakLak2021 }).value).toBe(0.3985);
  });
});

describe('scoreDti on Decision 1726 (DTI 2020)', () => {
  it('reproduces Bắc Ninh 2020 from its three pillar values (0.4·CQS + 0.3·KTS + 0.3·XHS)', () => {
    const r = scoreDti('dti-province-2020', { values: { government: 0.4449, economy: 0.3668, society: 0.4052 } });
    expect(r.exact.value).toBe('0.40956');
    expect(r.value).toBe(0.4096);
    expect(r.pillars.government).toMatchObject({ points: 177.96, max: 400, value: 0.4449 });
    expect(r.mainIndicators).toEqual([]);
  });
  it('takes pillar points too', () => {
    const r = scoreDti('dti-province-2020', { points: { government: 177.96, economy: 110.04, society: 121.56 } });
    expect(r.value).toBe(0.4096);
  });
});

describe('scoreDti on Decision 405 (reconstructed)', () => {
  it('uses the 922 maxima as a documented assumption', () => {
    const r = scoreDti('dti-province-2025', { values: quangNinh2022 });
    expect(r.framework.status).toBe('reconstructed');
    expect(r.value).toBe(0.7024);
  });
  it('lets a caller override the maxima; pillar maxima follow', () => {
    const base = getFramework('dti-province-2025') as DtiFramework;
    const custom = overrideDtiMaxima(base, { digitalGovernment: 300 });
    expect(custom.totalMax).toBe(1100);
    expect(custom.pillars.find((p) => p.id === 'government')?.max).toBe(800);
    expect(base.totalMax).toBe(1000);
    const r = scoreDti(custom, { points: { ...dakLak2021, digitalGovernment: 250 } });
    expect(r.max).toBe(1100);
    expect(r.exact.total).toBe('570.02');
  });
});
