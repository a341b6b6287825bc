/**
 * Vietnamese messages print numbers the Vietnamese way (decimal comma: `100,01`, `0,3985`), English
 * ones with a point; ids, keys and quoted input stay exactly as given. Numbers with a decimal comma
 * in a list are separated by semicolons, so `0; 0,5; 1` cannot be read as `0, 0, 5, 1`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { issueMessage, viNumber } from '../../src/errors.js';
import { dbiGap, scoreDti } from '../../src/index.js';
import { defineDbiFramework } from '../../src/schema.js';
import { issuesOf } from '../helpers.js';

describe('viNumber', () => {
  it('a decimal point becomes a comma; integers, ids and other text stay', () => {
    expect(viNumber(0.3985)).toBe('0,3985');
    expect(viNumber(-12.5)).toBe('-12,5');
    expect(viNumber(150)).toBe('150');
    expect(viNumber(-0)).toBe('-0');
    expect(viNumber('999.5')).toBe('999,5');
    expect(viNumber('>0.5')).toBe('>0,5');
    expect(viNumber('1.2.1')).toBe('1.2.1');
    expect(viNumber('v1.5x')).toBe('v1.5x');
  });
});

describe('issueMessage: numbers in Vietnamese text', () => {
  it('a received value and its range', () => {
    expect(issueMessage('out_of_range', { received: 100.01, min: 0, max: 100 })).toEqual({
      vi: 'Giá trị 100,01 nằm ngoài khoảng cho phép [0, 100]',
      en: 'Value 100.01 is outside the allowed range [0, 100]',
    });
    // an end with a decimal comma: the ends are separated by a semicolon
    expect(issueMessage('out_of_range', { received: 0.3, min: '>0', max: 0.25 })).toEqual({
      vi: 'Giá trị 0,3 nằm ngoài khoảng cho phép [>0; 0,25]',
      en: 'Value 0.3 is outside the allowed range [>0, 0.25]',
    });
  });

  it('a scale with decimal steps', () => {
    expect(issueMessage('not_on_scale', { received: 0.75, allowed: [0, 0.5, 1] })).toEqual({
      vi: 'Giá trị 0,75 không thuộc thang điểm của tiêu chí (cho phép: 0; 0,5; 1)',
      en: "Value 0.75 is not on the criterion's scale (allowed: 0, 0.5, 1)",
    });
    // whole steps keep commas
    expect(issueMessage('not_on_scale', { received: 12, allowed: [0, 5, 10] }).vi).toBe('Giá trị 12 không thuộc thang điểm của tiêu chí (cho phép: 0, 5, 10)');
  });

  it('a sum the library computed, and a result that does not add up', () => {
    expect(issueMessage('sum_mismatch', { what: 'điểm tối đa', whatEn: 'the maxima', sum: '149.5', expected: 150 })).toEqual({
      vi: 'Tổng điểm tối đa là 149,5, phải bằng 150',
      en: 'The sum of the maxima is 149.5; it must equal 150',
    });
    expect(issueMessage('inconsistent_result', { field: 'value', received: 0.3986, expected: 0.3985 })).toEqual({
      vi: 'Kết quả không khớp: value là 0,3986, nhưng tính lại được 0,3985',
      en: 'The result does not add up: value is 0.3986, but the computed value is 0.3985',
    });
  });

  it('quoted input, keys and ids stay as written', () => {
    expect(issueMessage('not_a_number', { received: '41.6x' }).vi).toBe('Giá trị "41.6x" không phải là số (dùng số hoặc chuỗi thập phân như "41.6")');
    expect(issueMessage('unknown_key', { key: '1.2.1', allowed: ['1.1.1', '1.1.2'] }).vi).toBe('Khóa "1.2.1" không hợp lệ (cho phép: 1.1.1, 1.1.2)');
  });
});

describe('through the library', () => {
  it('scoreDti: points above the maximum, in both languages', () => {
    const [issue] = issuesOf(() =>
      scoreDti('dti-province-2022', {
        points: { awareness: 100.5, institutions: 30, infrastructure: 41.6, humanResources: 12.63, cybersecurity: 54, digitalGovernment: 78.47, digitalEconomy: 61.62, digitalSociety: 46.17 },
      }),
    );
    expect(issue!.message).toEqual({ vi: 'Giá trị 100,5 nằm ngoài khoảng cho phép [0, 100]', en: 'Value 100.5 is outside the allowed range [0, 100]' });
  });

  it('dbiGap: why the next level is not reached, with the percentage in each language', () => {
    // test/frameworks/dbi-sectors.json, tourism: 1 + 1 common points and 3.5 sector points of 18.5:
    // 5.5 / 18.5 = 29.73% (hand-computed in test/framework/defined-everywhere.test.ts); level 2 starts at 30%
    const sectors = defineDbiFramework(JSON.parse(readFileSync(join(__dirname, '..', 'frameworks', 'dbi-sectors.json'), 'utf8')));
    const gap = dbiGap(sectors, { sector: 'tourism', answers: { '1.1.1': 'manual', '1.1.2': 'low', '7.1.1': ['crm'] } });
    expect(gap.why?.message).toEqual({
      vi: 'Mức 2 cần tỷ lệ chung từ 30% trở lên (hiện 29,73%).',
      en: 'Level 2 needs an overall percentage of at least 30% (now 29.73%).',
    });
  });
});
