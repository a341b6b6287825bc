import { describe, expect, it } from 'vitest';
import { criterionOrder, scoreDbi, scoreDti, toHtml, toTable } from '../../src/index.js';

const dtiPoints = { awareness: 74, institutions: 30, infrastructure: 41.6, humanResources: 12.63, cybersecurity: 54, digitalGovernment: 78.47, digitalEconomy: 61.62, digitalSociety: 46.17 };
const answers = Object.fromEntries(criterionOrder('dbi-2021-sme').map((id) => [id, id === '2.1.1' ? 15 : 3]));

describe('toTable', () => {
  it('DBI: meta first, then framework, totals, level, pillars (points, level), then answers; never an object', () => {
    const rows = toTable([{ id: 'DN001', district: 'Buôn Hồ', answers, result: scoreDbi('dbi-2021-sme', { answers }) }]);
    const row = rows[0]!;
    expect(Object.keys(row)).toEqual([
      'id', 'district', 'framework', 'total', 'max', 'percent', 'level',
      'customer', 'customer.level', 'strategy', 'strategy.level', 'technology', 'technology.level',
      'operations', 'operations.level', 'culture', 'culture.level', 'data', 'data.level',
      ...criterionOrder('dbi-2021-sme'),
    ]);
    // 192 of 320 = 60%; customer 13 criteria × 3 = 39 of 65 = 60% → level 3; strategy 15 of 25 = 60% → level 3
    expect(row).toMatchObject({ id: 'DN001', district: 'Buôn Hồ', framework: 'dbi-2021-sme', total: 192, max: 320, percent: 60, level: 3, customer: 39, 'customer.level': 3, strategy: 15, '2.1.1': 15, '6.1.7': 3 });
    for (const v of Object.values(row)) expect(v === null || ['string', 'number', 'boolean'].includes(typeof v)).toBe(true);
  });

  it('DTI: pillar values, then main-indicator points; bare results and mixed rows get the same columns', () => {
    const dti = scoreDti('dti-province-2022', { points: dtiPoints });
    const dbi = scoreDbi('dbi-2021-sme', { answers });
    const rows = toTable([{ id: 'DLK', result: dti }, dbi]);
    expect(Object.keys(rows[0]!).slice(0, 8)).toEqual(['id', 'framework', 'total', 'max', 'value', 'government', 'economy', 'society']);
    expect(rows[0]).toMatchObject({ id: 'DLK', total: 398.49, value: 0.3985, government: 0.4153, economy: 0.4213, society: 0.3975, awareness: 74, smartCity: 0, digitalSociety: 46.17, percent: null, level: null });
    expect(Object.keys(rows[1]!)).toEqual(Object.keys(rows[0]!));
    expect(rows[1]).toMatchObject({ id: null, framework: 'dbi-2021-sme', total: 192, value: null, awareness: null });
  });

  it('keeps only scalar meta fields (no [Object] cells)', () => {
    const rows = toTable([{ id: 'x', tags: ['a'], where: { a: 1 }, result: scoreDti('dti-province-2022', { points: dtiPoints }) }]);
    expect('tags' in rows[0]! || 'where' in rows[0]!).toBe(false);
  });
});

describe('toHtml', () => {
  it('a DTI card with the headline figures and pillar rows, escaped', () => {
    const html = toHtml(scoreDti('dti-province-2022', { points: dtiPoints }), { title: 'Đắk Lắk <script>' });
    expect(html).toContain('<h3 style="margin:0 0 .3em">Đắk Lắk &lt;script&gt;</h3>');
    expect(html).not.toContain('<script>');
    // Vietnamese: decimal commas, values with their 4 published decimals
    expect(html).toContain('Tổng điểm: <b>398,49</b> / 1000 · Giá trị: <b>0,3985</b>');
    // government: 5 foundation (74+30+41.6+12.63+54 = 212.23) + 78.47 = 290.7 of 700
    expect(html).toContain('<tr><td>Chính quyền số</td><td>290,7</td><td>700</td><td>0,4153</td></tr>');
    expect(html).toContain('dti-province-2022 (922/QĐ-BTTTT) — <span class="vndi-status">chính thức</span>');
    const en = toHtml(scoreDti('dti-province-2022', { points: dtiPoints }), { lang: 'en' });
    expect(en).toContain('Total: <b>398.49</b> / 1000 · Value: <b>0.3985</b>');
    expect(en).toContain('<span class="vndi-status">official</span>');
    expect(en).not.toMatch(/\d,\d/);
  });

  it('a DBI card with the level, in English on request', () => {
    const html = toHtml(scoreDbi('dbi-2021-sme', { answers }), { lang: 'en' });
    expect(html).toMatch(/Total: <b>192<\/b> \/ 320 · Share: <b>60%<\/b> · Level 3 — /);
    // the 1970 SME set is a reconstruction: said in both languages, in red
    expect(html).toContain('<span class="vndi-status" style="color:#a11">tái lập / reconstructed</span>');
    expect(html).toContain('<tr><td>Digital customer experience</td><td>39</td><td>65</td><td>60</td><td>3</td></tr>');
  });

  it('says when a framework gives no level', () => {
    const html = toHtml(scoreDbi('dbi-2021-large', { answers: { customer: 10, strategy: 10, technology: 10, operations: 10, culture: 10, data: 10 } }));
    expect(html).toContain('Không xếp mức');
    expect(html).toContain('<td>—</td>');
  });
});

describe('toHtml with a hostile title', () => {
  it('drops terminal escapes and bidirectional overrides as the report does (they were passed through)', () => {
    const points = { awareness: 74, institutions: 30, infrastructure: 41.6, humanResources: 12.63, cybersecurity: 54, digitalGovernment: 78.47, digitalEconomy: 61.62, digitalSociety: 46.17 };
    const html = toHtml(scoreDti('dti-province-2022', { points }), { title: 'a\u202Eb x\u001b[31mred <script>alert(1)</script>' });
    expect(html).toContain('ab x[31mred &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toMatch(/[\u001b\u202e]/);
  });
});
