/**
 * Caps on hostile framework files and on issue lists: string lengths in the framework schema, the
 * structural bounds of a file, and lists of issues cut at MAX_ISSUES with one `too_many_issues`
 * summary. Time-insensitive: a hostile file is shown to be refused early by what it is answered
 * with (how many issues, which codes, how many left out), never by a timer.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DBI_FRAMEWORKS, DTI_FRAMEWORKS, MAX_ISSUES, ValidationError, criterionOrder, safeScoreDbi, type ValidationIssue } from '../../src/index.js';
import { defineFramework, frameworkIssues, safeDefineFramework, withDbiLevelRule } from '../../src/schema.js';
import { MAX_FRAMEWORK_ARRAY, MAX_FRAMEWORK_KEYS, MAX_FRAMEWORK_KEY_LENGTH, MAX_FRAMEWORK_VALUES } from '../../src/framework/define.js';
import { MAX_ID_LENGTH, MAX_TEXT_LENGTH, MAX_URL_LENGTH } from '../../src/framework/schema.js';
import { issueMessage, makeIssue } from '../../src/errors.js';
import { readFrameworkJson } from '../frameworks/load.js';
import { issuesOf } from '../helpers.js';

const sme = DBI_FRAMEWORKS.find((f) => f.id === 'dbi-2021-sme')!;
// a file of its own (a bundled id with other content is refused)
const file = (): any => ({ ...JSON.parse(JSON.stringify(sme)), id: 'sme-caps' });
const MB5 = 5 * 1024 * 1024;

/** Every framework the library ships and every test framework file, as JSON data. */
const allFiles: [string, unknown][] = [
  ...[...DBI_FRAMEWORKS, ...DTI_FRAMEWORKS].map((f) => [f.id, JSON.parse(JSON.stringify(f))] as [string, unknown]),
  ...readdirSync(new URL('../frameworks/', import.meta.url)).filter((n) => n.endsWith('.json')).map((n) => [n, readFrameworkJson(n)] as [string, unknown]),
];

/** Every string of a file with the key it sits under, and the number of values. */
function walk(data: unknown): { strings: [string, string][]; values: number; longestList: number } {
  const strings: [string, string][] = [];
  let values = 0;
  let longestList = 0;
  const visit = (v: unknown, key: string) => {
    values++;
    if (typeof v === 'string') strings.push([key, v]);
    else if (Array.isArray(v)) {
      longestList = Math.max(longestList, v.length);
      for (const x of v) visit(x, key);
    } else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) visit(x, k);
  };
  visit(data, '');
  return { strings, values, longestList };
}

describe('every bundled and test framework is within the caps', () => {
  it('there are files to check: 9 bundled, 8 test files', () => {
    expect(allFiles).toHaveLength(17);
  });

  it.each(allFiles)('%s: ids ≤ 64 characters of a safe set, texts ≤ 10 000, values and lists far below the bounds, and it defines', (_name, data) => {
    const { strings, values, longestList } = walk(data);
    const ids = strings.filter(([k]) => k === 'id' || k === 'pillar' || k === 'code');
    expect(ids.length).toBeGreaterThan(5);
    for (const [, id] of ids) {
      expect(id.length).toBeLessThanOrEqual(MAX_ID_LENGTH);
      // letters may be Vietnamese (option ids such as "đ", "có"), in NFC
      expect(id).toMatch(/^[\p{L}\p{N}._-]+$/u);
      expect(id).toBe(id.normalize('NFC'));
    }
    for (const [, s] of strings) expect(s.length).toBeLessThanOrEqual(MAX_TEXT_LENGTH);
    expect(values).toBeLessThan(MAX_FRAMEWORK_VALUES / 10);
    expect(longestList).toBeLessThan(MAX_FRAMEWORK_ARRAY / 10);
    expect(frameworkIssues(data)).toEqual([]);
  });
});

describe('string caps of the framework schema', () => {
  it('a 1 MB id is one issue at `id` (the pattern is not run on it)', () => {
    const issues = issuesOf(() => defineFramework({ ...file(), id: 'a'.repeat(1_000_000) }));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ pathString: 'id', code: 'invalid_framework', params: { received: 1_000_000 } });
    expect(issues[0]!.message.en).toBe('Invalid framework: the number of characters must be ≤ 64');
    expect(issues[0]!.message.vi).toBe('Bộ chỉ số không hợp lệ: cần số ký tự ≤ 64');
  });

  it('ids: 64 characters pass, 65 do not, at every kind of id', () => {
    const ok = file();
    ok.id = 'a'.repeat(64);
    expect(frameworkIssues(ok)).toEqual([]);
    const f = file();
    f.id = 'a'.repeat(65);
    f.pillars[0].id = 'b'.repeat(65);
    f.pillars[0].components[0].id = `1.${'1'.repeat(63)}`;
    f.pillars[0].components[0].criteria[0].id = `1.1.${'1'.repeat(61)}`;
    f.sources[0].id = 'S'.repeat(65);
    expect(frameworkIssues(f).map((i) => [i.pathString, i.code, i.params?.received])).toEqual([
      ['id', 'invalid_framework', 65],
      ['sources.0.id', 'invalid_framework', 65],
      ['pillars.0.id', 'invalid_framework', 65],
      ['pillars.0.components.0.id', 'invalid_framework', 65],
      ['pillars.0.components.0.criteria.0.id', 'invalid_framework', 65],
    ]);
  });

  it('source and assumption ids are of a safe set (no spaces, quotes or markup)', () => {
    const f = JSON.parse(JSON.stringify(DBI_FRAMEWORKS.find((x) => x.id === 'dbi-2023-sme-readiness')));
    f.sources[0].id = '<script>';
    f.assumptions[0].id = 'pillar maxima';
    const issues = frameworkIssues(f);
    expect(issues.map((i) => [i.pathString, i.code])).toEqual([['sources.0.id', 'invalid_type'], ['assumptions.0.id', 'invalid_type']]);
    expect(issues[0]!.message.en).toBe('Invalid type: expected text matching /^[A-Za-z0-9._-]+$/, received "<script>"');
  });

  it('texts: 10 000 characters pass, 10 001 do not; a URL and "$schema" at most 2 048', () => {
    const ok = file();
    ok.title.vi = 'x'.repeat(MAX_TEXT_LENGTH);
    ok.notes[0].en = 'y'.repeat(MAX_TEXT_LENGTH);
    expect(frameworkIssues(ok)).toEqual([]);
    const f = file();
    f.title.vi = 'x'.repeat(MAX_TEXT_LENGTH + 1);
    f.assumptions = [{ id: 'a', description: { vi: 'v', en: 'e' }, status: 'reconstructed', override: 'o'.repeat(MAX_TEXT_LENGTH + 1) }];
    f.sources[0].url = `https://example.org/${'p'.repeat(MAX_URL_LENGTH)}`;
    expect(frameworkIssues(f).map((i) => [i.pathString, i.code, i.params?.received])).toEqual([
      ['title.vi', 'invalid_framework', 10_001],
      ['sources.0.url', 'invalid_framework', MAX_URL_LENGTH + 20],
      ['assumptions.0.override', 'invalid_framework', 10_001],
    ]);
    expect(frameworkIssues({ $schema: 'x'.repeat(MAX_URL_LENGTH + 1), ...file() })).toMatchObject([{ pathString: '$schema', code: 'invalid_framework', params: { received: 2049 } }]);
  });
});

describe('issue lists stop at MAX_ISSUES, with one too_many_issues summary', () => {
  /** 30 notes with 3 unknown keys each: 90 unknown_key issues. */
  const noisy = () => {
    const f = file();
    f.notes = Array.from({ length: 30 }, (_, i) => ({ vi: 'v', en: 'e', x1: i, x2: i, x3: i }));
    return f;
  };

  it('MAX_ISSUES is 50', () => {
    expect(MAX_ISSUES).toBe(50);
  });

  it('defineFramework: the first 50 issues in file order, then one summary counting the 40 left out', () => {
    const issues = issuesOf(() => defineFramework(noisy()));
    expect(issues).toHaveLength(51);
    expect(issues.slice(0, 50).every((i) => i.code === 'unknown_key')).toBe(true);
    expect(issues.slice(0, 4).map((i) => i.pathString)).toEqual(['notes.0.x1', 'notes.0.x2', 'notes.0.x3', 'notes.1.x1']);
    expect(issues[49]!.pathString).toBe('notes.16.x2');
    expect(issues[50]).toMatchObject({ path: [], pathString: '', code: 'too_many_issues', params: { omitted: 40, limit: 50 } });
    expect(issues[50]!.message).toEqual({
      vi: 'Còn 40 lỗi khác không được liệt kê (chỉ báo 50 lỗi đầu tiên)',
      en: '40 more issues not listed (only the first 50 are reported)',
    });
    expect(frameworkIssues(noisy())).toEqual(issues);
  });

  it('exactly 50 issues are listed whole, without a summary', () => {
    const f = file();
    f.notes = Array.from({ length: 25 }, (_, i) => ({ vi: 'v', en: 'e', x1: i, x2: i }));
    const issues = frameworkIssues(f);
    expect(issues).toHaveLength(50);
    expect(issues.some((i) => i.code === 'too_many_issues')).toBe(false);
  });

  it('every ValidationError: 120 issues become 50 and a summary of 70; capping again changes nothing', () => {
    const many = Array.from({ length: 120 }, (_, i) => makeIssue(['answers', `k${i}`], 'unknown_key', { key: `k${i}` }));
    const e = new ValidationError(many);
    expect(e.issues).toHaveLength(51);
    expect(e.issues[50]).toMatchObject({ code: 'too_many_issues', params: { omitted: 70, limit: 50 } });
    expect(e.message).toBe('answers.k0: Khóa "k0" không có trong bộ chỉ số / Key "k0" is not part of the framework (+119 more)');
    expect(new ValidationError(e.issues).issues).toEqual(e.issues);
  });

  it('scoring input: 80 unknown answers give 50 issues and a summary of the 30 others', () => {
    const answers: Record<string, number> = Object.fromEntries(criterionOrder('dbi-2021-sme').map((id) => [id, id === '2.1.1' ? 15 : 3]));
    for (let i = 0; i < 80; i++) answers[`9.9.${i}`] = 1;
    const r = safeScoreDbi('dbi-2021-sme', { answers });
    expect(r.success).toBe(false);
    const issues = (r as { error: ValidationError }).error.issues;
    expect(issues).toHaveLength(51);
    expect(issues.slice(0, 50).every((i) => i.code === 'unknown_key')).toBe(true);
    expect(issues[50]).toMatchObject({ code: 'too_many_issues', params: { omitted: 30, limit: 50 } });
  });

  it('withDbiLevelRule: a rule of a million bands is one issue; 200 bad bands are 50 and a summary', () => {
    const huge = { kind: 'total-percent-bands', bands: Array(1_000_000).fill({ level: 0, fromPercent: 0, fromInclusive: true }), status: 'reconstructed' };
    expect(issuesOf(() => withDbiLevelRule('dbi-2021-sme', huge as never))).toMatchObject([{ pathString: 'levelRule.bands', code: 'invalid_framework' }]);
    const bad = { ...huge, bands: Array.from({ length: 200 }, () => ({ level: -1, fromPercent: 0, fromInclusive: true })) };
    const issues = issuesOf(() => withDbiLevelRule('dbi-2021-sme', bad as never));
    expect(issues).toHaveLength(51);
    expect(issues[0]).toMatchObject({ pathString: 'levelRule.bands.0.level', code: 'out_of_range' });
    expect(issues[50]).toMatchObject({ code: 'too_many_issues', params: { omitted: 150, limit: 50 } });
  });

  it('the summary reads right with odd parameters', () => {
    const m = issueMessage('too_many_issues', {});
    for (const t of [m.vi, m.en]) expect(t).not.toMatch(/undefined|NaN|\[object Object\]/);
  });
});

describe('a 5 MB hostile file is refused early (by its answer: few issues, known codes)', () => {
  const answer = (text: string): ValidationIssue[] => {
    expect(text.length).toBeGreaterThanOrEqual(MB5);
    const r = safeDefineFramework(JSON.parse(text));
    expect(r.success).toBe(false);
    return [...(r as { error: ValidationError }).error.issues];
  };
  const codes = (issues: readonly ValidationIssue[]) => [...new Set(issues.map((i) => i.code))];

  it('a 5 MB id: one issue at `id`', () => {
    const issues = answer(JSON.stringify({ ...file(), id: 'a'.repeat(MB5) }));
    expect(issues).toMatchObject([{ pathString: 'id', code: 'invalid_framework', params: { received: MB5 } }]);
  });

  it('a 5 MB key: one issue, at the object that holds it, before the schema runs', () => {
    const issues = answer(JSON.stringify({ ...file(), ['k'.repeat(MB5)]: 1 }));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ pathString: '', code: 'invalid_framework' });
    expect(issues[0]!.message.en).toBe(`Invalid framework: a key of ${MB5} characters; at most ${MAX_FRAMEWORK_KEY_LENGTH}`);
  });

  it('100 000 unknown keys: one issue (an object of at most 64 keys)', () => {
    const keys = Array.from({ length: 100_000 }, (_, i) => `"${String(i).padStart(48, 'k')}":0`).join(',');
    const issues = answer(`${JSON.stringify(file()).slice(0, -1)},${keys}}`);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.message.en).toBe(`Invalid framework: an object with ${100_000 + Object.keys(sme).length} keys; at most ${MAX_FRAMEWORK_KEYS}`);
  });

  it('a million years: one issue at `years` (a list of at most 1 000 items)', () => {
    const issues = answer(JSON.stringify({ ...file(), years: Array(1_000_000).fill(20210) }));
    expect(issues).toMatchObject([{ pathString: 'years', code: 'invalid_framework' }]);
    expect(issues[0]!.message.en).toBe('Invalid framework: a list of 1000000 items; at most 1000');
  });

  it('lists within bounds but a million values: one issue (at most 50 000 values)', () => {
    const notes = Array.from({ length: 1000 }, () => ({ vi: Array(900).fill(1), en: 'e' }));
    const issues = answer(JSON.stringify({ ...file(), notes, padding: 'p'.repeat(MB5) }));
    expect(issues).toMatchObject([{ pathString: '', code: 'invalid_framework' }]);
    expect(issues[0]!.message.en).toBe(`Invalid framework: the file holds more than ${MAX_FRAMEWORK_VALUES} values`);
  });

  it('within every bound, an issue at each of 1 000 sources and long notes: 50 issues and a summary of 950', () => {
    const notes = Array.from({ length: 1000 }, () => ({ vi: 'v'.repeat(2700), en: 'e'.repeat(2700) }));
    const sources = Array.from({ length: 1000 }, () => ({ id: 's'.repeat(65), title: 't' }));
    const issues = answer(JSON.stringify({ ...file(), notes, sources }));
    expect(issues).toHaveLength(51);
    expect(codes(issues)).toEqual(['invalid_framework', 'too_many_issues']);
    expect(issues[0]!.pathString).toBe('sources.0.id');
    expect(issues[50]!.params).toEqual({ omitted: 950, limit: 50 });
  });
});
