import { describe, expect, it } from 'vitest';
import {
  ValidationError, criterionOrder, safeScoreDbi, safeScoreDti, scoreDbi, scoreDti, type ValidationIssue,
} from '../../src/index.js';
import { issuesOf } from '../helpers.js';

const dti = {
  awareness: 74, institutions: 30, infrastructure: 41.6, humanResources: 12.63, cybersecurity: 54,
  digitalGovernment: 78.47, digitalEconomy: 61.62, digitalSociety: 46.17,
};
const dbi = Object.fromEntries(criterionOrder('dbi-2021-sme').map((id) => [id, id === '2.1.1' ? 10 : 2]));


function expectIssue(issues: ValidationIssue[], pathString: string, code: string) {
  const found = issues.find((i) => i.pathString === pathString && i.code === code);
  expect(found, `${pathString} ${code} in ${JSON.stringify(issues.map((i) => [i.pathString, i.code]))}`).toBeDefined();
  expect(found!.message.vi.length).toBeGreaterThan(10);
  expect(found!.message.en.length).toBeGreaterThan(10);
  expect(found!.message.vi).not.toBe(found!.message.en);
  return found!;
}

describe('DTI input validation', () => {
  it('rejects an unknown framework id', () => {
    // @ts-expect-error -- an unknown id is a compile error too; this checks the run-time answer
    const i = expectIssue(issuesOf(() => scoreDti('dti-2099', { points: dti })), 'framework', 'unknown_framework');
    expect(i.message.en).toContain('dti-province-2022');
  });

  it('names a DBI id passed to scoreDti as a DBI framework, not as no framework', () => {
    // @ts-expect-error -- a DBI id is not a DTI framework id
    const i = expectIssue(issuesOf(() => scoreDti('dbi-2021-sme', { points: dti })), 'framework', 'wrong_framework_kind');
    expect(i.message).toEqual({
      vi: 'Bộ chỉ số "dbi-2021-sme" có loại (kind) "dbi"; cần bộ chỉ số loại "dti"',
      en: 'Framework "dbi-2021-sme" has kind "dbi"; a framework of kind "dti" is needed',
    });
    expect(i.params).toEqual({ id: 'dbi-2021-sme', actual: 'dbi', expected: 'dti', known: ['dti-province-2020', 'dti-province-2022', 'dti-province-2025'] });
    expect(i.hint).toBe('"dbi-2021-sme" names a DBI framework: pass it to the DBI functions (scoreDbi …). DTI frameworks: dti-province-2020, dti-province-2022, dti-province-2025.');
  });

  it('rejects an unknown main indicator', () => {
    // @ts-expect-error -- an unknown main indicator is a compile error too
    const i = expectIssue(issuesOf(() => scoreDti('dti-province-2022', { points: { ...dti, happiness: 3 } })), 'points.happiness', 'unknown_key');
    expect(i.message.vi).toBe('Khóa "happiness" không có trong bộ chỉ số "dti-province-2022"');
    expect(i.message.en).toBe('Key "happiness" is not part of framework dti-province-2022');
  });

  it('rejects a missing main indicator', () => {
    const { cybersecurity: _omit, ...rest } = dti;
    const i = expectIssue(issuesOf(() => scoreDti('dti-province-2022', { points: rest })), 'points.cybersecurity', 'missing_key');
    expect(i.message.en).toBe('Missing required value "cybersecurity"');
    expect(i.message.vi).toBe('Thiếu giá trị bắt buộc "cybersecurity"');
  });

  it('rejects points above the maximum and values above 1', () => {
    const i = expectIssue(issuesOf(() => scoreDti('dti-province-2022', { points: { ...dti, awareness: 100.01 } })), 'points.awareness', 'out_of_range');
    expect(i.message.en).toBe('Value 100.01 is outside the allowed range [0, 100]');
    expect(i.message.vi).toBe('Giá trị 100,01 nằm ngoài khoảng cho phép [0, 100]');
    expectIssue(issuesOf(() => scoreDti('dti-province-2022', { values: { ...dti, awareness: 1.0001 } })), 'values.awareness', 'out_of_range');
    expectIssue(issuesOf(() => scoreDti('dti-province-2022', { points: { ...dti, awareness: -0.5 } })), 'points.awareness', 'out_of_range');
    expectIssue(issuesOf(() => scoreDti('dti-province-2022', { points: { ...dti, digitalGovernment: '200.0000000000000000000001' } })), 'points.digitalGovernment', 'out_of_range');
    expectIssue(issuesOf(() => scoreDti('dti-province-2022', { points: { ...dti, awareness: '-0.0000000000000000001' } })), 'points.awareness', 'out_of_range');
  });

  it('rejects NaN, Infinity and non-numeric strings', () => {
    expectIssue(issuesOf(() => scoreDti('dti-province-2022', { points: { ...dti, awareness: Number.NaN } })), 'points.awareness', 'not_a_number');
    expectIssue(issuesOf(() => scoreDti('dti-province-2022', { points: { ...dti, awareness: Number.POSITIVE_INFINITY } })), 'points.awareness', 'not_finite');
    expectIssue(issuesOf(() => scoreDti('dti-province-2022', { points: { ...dti, awareness: 'bảy mươi' } })), 'points.awareness', 'not_a_number');
    expectIssue(issuesOf(() => scoreDti('dti-province-2022', { points: { ...dti, awareness: '41,6' } })), 'points.awareness', 'not_a_number');
    expectIssue(issuesOf(() => scoreDti('dti-province-2022', { points: { ...dti, awareness: '1e2' } })), 'points.awareness', 'not_a_number');
    expectIssue(issuesOf(() => scoreDti('dti-province-2022', { points: { ...dti, awareness: null as never } })), 'points.awareness', 'invalid_type');
  });

  it('requires exactly one of points and values', () => {
    expectIssue(issuesOf(() => scoreDti('dti-province-2022', {})), '', 'missing_input');
    expectIssue(issuesOf(() => scoreDti('dti-province-2022', { points: dti, values: Object.fromEntries(Object.keys(dti).map((k) => [k, 0.5])) })), '', 'conflicting_input');
    expectIssue(issuesOf(() => scoreDti('dti-province-2022', null as never)), '', 'invalid_type');
    expectIssue(issuesOf(() => scoreDti('dti-province-2022', { points: dti, extra: 1 } as never)), 'extra', 'unknown_key');
  });

  it('reports every issue at once', () => {
    const issues = issuesOf(() => scoreDti('dti-province-2022', { points: { awareness: 101, institutions: 'x' } }));
    expect(issues.length).toBe(8);
  });

  it('safeScoreDti returns the error instead of throwing', () => {
    const r = safeScoreDti('dti-province-2022', { points: { ...dti, awareness: 101 } });
    expect(r.success).toBe(false);
    if (!r.success) expect((r.error as ValidationError).issues[0]?.pathString).toBe('points.awareness');
    const ok = safeScoreDti('dti-province-2022', { points: dti });
    expect(ok.success && ok.data.value).toBe(0.3985);
  });

  it('never returns NaN for any rejected input', () => {
    for (const bad of [Number.NaN, Number.NEGATIVE_INFINITY, 'NaN', 'Infinity', '', ' ', {}, [], true]) {
      const r = safeScoreDti('dti-province-2022', { points: { ...dti, awareness: bad as never } });
      expect(r.success).toBe(false);
    }
  });
});

describe('DBI input validation', () => {
  it('names the criterion path of an out-of-range answer', () => {
    const i = expectIssue(issuesOf(() => scoreDbi('dbi-2021-sme', { answers: { ...dbi, '3.2.4': 6 } })), 'answers.3.2.4', 'out_of_range');
    expect(i.path).toEqual(['answers', '3.2.4']);
    expect(i.params).toMatchObject({ min: 0, max: 5 });
  });

  it('rejects a value that is not on the criterion scale', () => {
    const i = expectIssue(issuesOf(() => scoreDbi('dbi-2021-sme', { answers: { ...dbi, '2.1.1': 12 } })), 'answers.2.1.1', 'not_on_scale');
    expect(i.message.en).toBe("Value 12 is not on the criterion's scale (allowed: 0, 5, 10, 15, 20, 25)");
    expect(i.message.vi).toBe('Giá trị 12 không thuộc thang điểm của tiêu chí (cho phép: 0, 5, 10, 15, 20, 25)');
    expectIssue(issuesOf(() => scoreDbi('dbi-2021-sme', { answers: { ...dbi, '1.1.1': 2.5 } })), 'answers.1.1.1', 'not_on_scale');
    expectIssue(issuesOf(() => scoreDbi('dbi-2021-sme', { answers: { ...dbi, '1.1.1': '2.0000000000000000001' } })), 'answers.1.1.1', 'not_on_scale');
  });

  it('rejects unknown and missing criteria', () => {
    // @ts-expect-error -- an unknown criterion is a compile error too
    expectIssue(issuesOf(() => scoreDbi('dbi-2021-sme', { answers: { ...dbi, '7.1.1': 1 } })), 'answers.7.1.1', 'unknown_key');
    const { '6.1.7': _omit, ...rest } = dbi;
    expectIssue(issuesOf(() => scoreDbi('dbi-2021-sme', { answers: rest })), 'answers.6.1.7', 'missing_key');
    expectIssue(issuesOf(() => scoreDbi('dbi-2021-sme', {} as never)), 'answers', 'missing_key');
  });

  it('rejects NaN, Infinity, BigInt and non-numeric strings', () => {
    expectIssue(issuesOf(() => scoreDbi('dbi-2021-sme', { answers: { ...dbi, '1.1.1': Number.NaN } })), 'answers.1.1.1', 'not_a_number');
    expectIssue(issuesOf(() => scoreDbi('dbi-2021-sme', { answers: { ...dbi, '1.1.1': Number.POSITIVE_INFINITY } })), 'answers.1.1.1', 'not_finite');
    expectIssue(issuesOf(() => scoreDbi('dbi-2021-sme', { answers: { ...dbi, '1.1.1': 'ba' } })), 'answers.1.1.1', 'not_a_number');
    expectIssue(issuesOf(() => scoreDbi('dbi-2021-sme', { answers: { ...dbi, '1.1.1': 3n as never } })), 'answers.1.1.1', 'invalid_type');
  });

  it('rejects too many decimals on pillar-level frameworks', () => {
    const answers = { customer: 100, strategy: 60, technology: 72.5, operations: 55, culture: 44, data: 42.555 };
    expectIssue(issuesOf(() => scoreDbi('dbi-2021-large', { answers })), 'answers.data', 'too_many_decimals');
  });

  it('rejects an unknown DBI framework', () => {
    // @ts-expect-error -- an unknown id is a compile error too
    expectIssue(issuesOf(() => scoreDbi('dbi-1999', { answers: dbi })), 'framework', 'unknown_framework');
  });

  it('names a DTI id passed to a DBI function as a DTI framework', () => {
    // @ts-expect-error -- a DTI id is not a DBI framework id
    const i = expectIssue(issuesOf(() => scoreDbi('dti-province-2022', { answers: dbi })), 'framework', 'wrong_framework_kind');
    expect(i.message.en).toBe('Framework "dti-province-2022" has kind "dti"; a framework of kind "dbi" is needed');
    expect(i.message.vi).toBe('Bộ chỉ số "dti-province-2022" có loại (kind) "dti"; cần bộ chỉ số loại "dbi"');
    expect(i.hint).toMatch(/^"dti-province-2022" names a DTI framework: pass it to the DTI functions \(scoreDti …\)\. DBI frameworks: dbi-2021-sme, /);
    // every function that resolves a DBI id answers the same
    // @ts-expect-error -- a DTI id is not a DBI framework id
    expectIssue(issuesOf(() => criterionOrder('dti-province-2025')), 'framework', 'wrong_framework_kind');
  });

  it('does not mutate the answers and leaves the prototype alone', () => {
    const answers = JSON.parse(JSON.stringify(dbi)) as Record<string, number>;
    const frozen = Object.freeze({ answers: Object.freeze(answers) });
    scoreDbi('dbi-2021-sme', frozen);
    expect(frozen.answers).toEqual(dbi);
    const polluted = JSON.parse(`{"answers": ${JSON.stringify({ ...dbi })}, "__proto__": {"polluted": 1}}`);
    expectIssue(issuesOf(() => scoreDbi('dbi-2021-sme', polluted)), '__proto__', 'unknown_key');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('safeScoreDbi returns the error instead of throwing', () => {
    const r = safeScoreDbi('dbi-2021-sme', { answers: { ...dbi, '3.2.4': 6 } });
    expect(r.success).toBe(false);
    if (!r.success) expect(r.error.message).toContain('answers.3.2.4');
  });
});
