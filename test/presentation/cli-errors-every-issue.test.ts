/**
 * `--errors` lists every problem of a rejected row, past the library's MAX_ISSUES (50) per error,
 * for a questionnaire framework too (answers read as the scorer reads them: options, figures, the
 * sector), from CSV and from JSON rows; stderr stays bounded (one line per kind of problem).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { MAX_ISSUES, safeScoreDbi } from '../../src/index.js';
import { defineDbiFramework } from '../../src/schema.js';
import { readFrameworkJson } from '../frameworks/load.js';
import { runCli } from '../helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'vndi-errors-every-'));
const EXTRA = 60;

/** test/frameworks/dbi-questionnaire.json with 60 more single-choice questions (options a, b) in 1.1. */
function longQuestionnaire(): Record<string, unknown> {
  const f = readFrameworkJson('dbi-questionnaire.json') as { id: string; criterionCount: number; pillars: { components: { criteria: unknown[]; criterionCount: number }[] }[] };
  f.id = 'example-questionnaire-long';
  const component = f.pillars[0]!.components[0]!;
  for (let i = 3; i < 3 + EXTRA; i++) {
    component.criteria.push({
      id: `1.1.${i}`, name: { vi: `Câu ${i}`, en: `Question ${i}` }, question: { vi: `Câu hỏi ${i}?`, en: `Question ${i}?` },
      answer: { kind: 'single', options: [{ id: 'a', text: { vi: 'Không', en: 'No' }, points: 0 }, { id: 'b', text: { vi: 'Có', en: 'Yes' }, points: 0 }] },
    });
  }
  component.criterionCount = component.criteria.length;
  f.criterionCount += EXTRA;
  return f as unknown as Record<string, unknown>;
}

const framework = longQuestionnaire();
const frameworkFile = join(dir, 'framework-long.json');
writeFileSync(frameworkFile, JSON.stringify(framework));
const EXTRA_IDS = Array.from({ length: EXTRA }, (_, i) => `1.1.${i + 3}`);
// every extra question answered with an option that does not exist, and the figure 2.1.2 not a number
const ANSWERS: Record<string, unknown> = { '1.1.1': 'ready', '1.1.2': ['email'], '2.1.1': 20, '2.1.2': 'x', ...Object.fromEntries(EXTRA_IDS.map((id) => [id, 'z'])) };

/** The rows of an --errors file (after its header), as [line, id, field]. */
function errorRows(file: string): string[][] {
  const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  return Papa.parse<string[]>(text.trim(), { delimiter: ';' }).data.slice(1).map((r) => r.slice(0, 3));
}

describe('--errors on a questionnaire framework', () => {
  it('the library caps the error of such a row at MAX_ISSUES', () => {
    const r = safeScoreDbi(defineDbiFramework(framework), { answers: ANSWERS as never });
    expect(r.success).toBe(false);
    if (!r.success) {
      expect(r.error.issues).toHaveLength(MAX_ISSUES + 1);
      expect(r.error.issues.at(-1)!.code).toBe('too_many_issues');
    }
  });

  const expected = [...EXTRA_IDS.map((id) => `answers.${id}`), 'answers.2.1.2'].sort();
  for (const form of ['csv', 'json'] as const) {
    it(`${form} rows: every one of the row's ${EXTRA + 1} problems, none of them "too many issues"`, async () => {
      const file = join(dir, `long.${form}`);
      if (form === 'csv') {
        const ids = Object.keys(ANSWERS);
        const cells = ids.map((id) => (Array.isArray(ANSWERS[id]) ? (ANSWERS[id] as string[]).join('; ') : String(ANSWERS[id])));
        writeFileSync(file, `Mã số thuế,Tên,${ids.join(',')}\nDN01,Công ty A,${cells.join(',')}\n`);
      } else {
        writeFileSync(file, JSON.stringify([{ id: 'DN01', name: 'Công ty A', answers: ANSWERS }]));
      }
      const errors = join(dir, `long-${form}-errors.csv`);
      const r = await runCli(['score', file, '--framework-file', frameworkFile, '--format', 'json', '--errors', errors]);
      expect(r.code).toBe(1);
      const rows = errorRows(errors);
      expect(rows).toHaveLength(EXTRA + 1);
      expect(rows.every((x) => x[0] === (form === 'csv' ? '2' : '1') && x[1] === 'DN01')).toBe(true);
      expect(rows.map((x) => x[2]).sort()).toEqual(expected);
      // the terminal: one line per kind of problem, naming how many more fields share it
      const lines = r.err.split('\n').filter((l) => l.startsWith('line '));
      expect(lines).toHaveLength(2);
      expect(lines[0]).toContain(`and ${EXTRA - 1} more fields with the same problem`);
    });
  }
});
