/**
 * The guide docs/encoding-a-new-decision.md is a test: its framework file (the JSON block) is
 * defined, `vndi framework validate` prints what the guide shows, and every commented line of its
 * TypeScript block (`expression; // expected`) is checked against what the library computes.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { defineDtiFramework, frameworkIssues } from '../../src/schema.js';
import { runFrameworkCommand } from '../../src/presentation/cli/framework-command.js';
import { runCli } from '../helpers.js';

const guide = readFileSync(join(__dirname, '../../docs/encoding-a-new-decision.md'), 'utf8');
const blocks = [...guide.matchAll(/```(\w+)[^\n]*\n([\s\S]*?)```/g)].map((m) => ({ lang: m[1]!, text: m[2]! }));
const block = (lang: string, index = 0) => blocks.filter((b) => b.lang === lang)[index]!.text;

const dir = mkdtempSync(join(tmpdir(), 'vndi-guide-'));
const frameworkFile = join(dir, 'dti-999.json');
writeFileSync(frameworkFile, block('json'));

function run(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = runFrameworkCommand(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

/**
 * The TypeScript block as a module: imports from the package point at the sources, the file name at
 * the written JSON, and each `expression; // expected` line becomes a recorded check.
 */
function checkedModule(ts: string): { source: string; count: number } {
  let count = 0;
  const lines = ts.split('\n').map((line, n) => {
    if (line.startsWith('import ')) {
      return line
        .replace("from 'vn-digital-index'", `from ${JSON.stringify(pathToFileURL(join(__dirname, '../../src/index.ts')).href)}`)
        .replace("from 'vn-digital-index/schema'", `from ${JSON.stringify(pathToFileURL(join(__dirname, '../../src/schema.ts')).href)}`);
    }
    const m = /^([^/].*?);\s*\/\/\s*(.+)$/.exec(line);
    if (m && !/^(const|let|import)\b/.test(m[1]!)) {
      count++;
      return `__checks.push({ line: ${n + 1}, code: ${JSON.stringify(m[1])}, actual: (${m[1]}), expected: (${m[2]}) });`;
    }
    return line;
  });
  const source = [
    'export const __checks: { line: number; code: string; actual: unknown; expected: unknown }[] = [];',
    ...lines,
  ].join('\n').replace("readFileSync('dti-999.json'", `readFileSync(${JSON.stringify(frameworkFile)}`);
  return { source, count };
}

describe('docs/encoding-a-new-decision.md', () => {
  it('its framework file is valid and defines the fictional decision', () => {
    const data = JSON.parse(block('json'));
    expect(frameworkIssues(data)).toEqual([]);
    const f = defineDtiFramework(data);
    expect(f.legalBasis.decision).toBe('999/QĐ-XYZ');
    expect(f.title.vi).toContain('hư cấu');
    // the table's figures: 5 main indicators, 700 points, pillars 400 / 350 / 350
    expect([f.mainIndicators.length, f.totalMax, ...f.pillars.map((p) => p.max)]).toEqual([5, 700, 400, 350, 350]);
  });

  it('vndi framework validate prints what the guide shows, and the shown mistake is reported as shown', () => {
    const shown = block('text', 0).trim().replace('dti-999.json', frameworkFile);
    expect(run('validate', frameworkFile)).toEqual({ code: 0, stdout: `${shown}\n`, stderr: '' });
    const data = JSON.parse(block('json'));
    data.mainIndicators[2].components[1].max = 70; // 3.2 copied as 70 points instead of 80
    const wrong = join(dir, 'wrong', 'dti-999.json');
    mkdirSync(join(dir, 'wrong'), { recursive: true });
    writeFileSync(wrong, JSON.stringify(data, null, 2));
    const mistake = block('text', 1).trim().replace('dti-999.json', wrong);
    expect(run('validate', wrong)).toEqual({ code: 1, stdout: '', stderr: `${mistake}\n` });
  });

  it('its TypeScript example computes every commented result', async () => {
    const { source, count } = checkedModule(block('ts'));
    expect(count).toBeGreaterThanOrEqual(10);
    const file = join(dir, 'example.ts');
    writeFileSync(file, source);
    const { __checks } = (await import(pathToFileURL(file).href)) as { __checks: { line: number; code: string; actual: unknown; expected: unknown }[] };
    expect(__checks).toHaveLength(count);
    for (const c of __checks) expect(c.actual, `line ${c.line}: ${c.code}`).toEqual(c.expected);
  });
});

describe('docs/encoding-a-new-decision.md, §6: a DBI questionnaire to a scored spreadsheet', () => {
  const dbiFile = join(dir, 'dbi-998.json');
  writeFileSync(dbiFile, block('json', 1));

  it('its framework file is test/frameworks/dbi-questionnaire-998.json (scored by hand in the tests), and is valid', () => {
    const { $schema: _guide, ...guide } = JSON.parse(block('json', 1));
    const { $schema: _test, ...tested } = JSON.parse(readFileSync(join(__dirname, '../frameworks/dbi-questionnaire-998.json'), 'utf8'));
    expect(guide).toEqual(tested);
    const shown = block('text', 2).trim().replace('dbi-998.json', dbiFile);
    expect(run('validate', dbiFile)).toEqual({ code: 0, stdout: `${shown}\n`, stderr: '' });
  });

  it('vndi scores the spreadsheet as the guide shows', async () => {
    const csv = join(dir, 'phieu-998.csv');
    writeFileSync(csv, block('csv'));
    const r = await runCli(['score', csv, '--framework-file', dbiFile, '--format', 'table']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toBe(block('text', 3));
    expect(r.err).toContain('vndi: dòng 4 (DN03): Ngành Dịch vụ không có phần riêng trong bộ chỉ số');
  });
});
