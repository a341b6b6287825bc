/**
 * The officer's path for a questionnaire framework (test/frameworks/dbi-questionnaire-998.json: every
 * feature of the decisions in force): the same enterprises typed as an officer types them in a CSV,
 * in an .xlsx workbook and as JSON rows are scored by `vndi` exactly as the API scores them, figure
 * by figure, and `gap`, `summary` and `rank` give what the API gives.
 *
 * The cell syntax (docs/cli.md): options by id or letter, any case (`B; D`), separated by `;` or
 * `,`; `-` for no option chosen; `n/a`, `Không áp dụng`, `KAD` for "not applicable"; a decimal
 * comma in a figure; the sector by id or name in a `Ngành` column.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import writeXlsxFile from 'write-excel-file/node';
import { beforeAll, describe, expect, it } from 'vitest';
import { dbiGap, rank, scoreDbi, summarize, type DbiAssessment, type DbiResult } from '../../src/index.js';
import { defineDbiFramework } from '../../src/schema.js';
import { readFrameworkJson } from '../frameworks/load.js';
import { runCli } from '../helpers.js';

const frameworkFile = join(__dirname, '..', 'frameworks', 'dbi-questionnaire-998.json');
const f = defineDbiFramework(readFrameworkJson('dbi-questionnaire-998.json'));
const QUESTIONS = ['1.1', '1.2', '2.1.1', '2.1.2', '2.1.3', '3.1.1', '3.1.2', '4.1.1', '4.2.1'];

/** Each enterprise: its cells as an officer types them, its JSON row, and the assessment the API gets. */
const ENTERPRISES: { id: string; name: string; sector: string; cells: (string | number | null)[]; json: Record<string, unknown>; api: DbiAssessment }[] = [
  {
    id: 'DN01', name: 'Công ty A', sector: 'Thương mại',
    cells: ['c', 'có', 'b; d', 35, 'Không áp dụng', 3, 'b', 'a; b', null],
    json: { '1.1': 'c', '1.2': 'có', '2.1.1': ['b', 'd'], '2.1.2': 35, '2.1.3': 'n/a', '3.1.1': 3, '3.1.2': 'b', '4.1.1': ['a', 'b'] },
    api: { sector: 'thuong-mai', answers: { '1.1': 'c', '1.2': 'có', '2.1.1': ['b', 'd'], '2.1.2': 35, '2.1.3': 'n/a', '3.1.1': 3, '3.1.2': 'b', '4.1.1': ['a', 'b'] } },
  },
  {
    // an answer to the trade question 4.1.1 from a tourism enterprise: ignored, with a notice
    id: 'DN02', name: 'Công ty B', sector: 'du-lich',
    cells: ['A', 'không', 'B, C, D, Đ', 80, 'có', 4, 'c', 'a', 'đặt-chỗ'],
    json: { '1.1': 'a', '1.2': 'không', '2.1.1': 'b; c; d; đ', '2.1.2': 80, '2.1.3': 'có', '3.1.1': 4, '3.1.2': 'c', '4.1.1': ['a'], '4.2.1': 'đặt-chỗ' },
    api: { sector: 'du-lich', answers: { '1.1': 'a', '1.2': 'không', '2.1.1': ['b', 'c', 'd', 'đ'], '2.1.2': 80, '2.1.3': 'có', '3.1.1': 4, '3.1.2': 'c', '4.1.1': ['a'], '4.2.1': 'đặt-chỗ' } },
  },
  {
    // a sector the framework does not list: the common part only
    id: 'DN03', name: 'Công ty C', sector: 'Dịch vụ',
    cells: ['đ', 'có', 'a', 10, 'không', 2, 'c', null, null],
    json: { '1.1': 'đ', '1.2': 'có', '2.1.1': ['a'], '2.1.2': 10, '2.1.3': 'không', '3.1.1': 2, '3.1.2': 'c' },
    api: { sector: 'Dịch vụ', answers: { '1.1': 'đ', '1.2': 'có', '2.1.1': ['a'], '2.1.2': 10, '2.1.3': 'không', '3.1.1': 2, '3.1.2': 'c' } },
  },
  {
    // no channel chosen ("-"), a figure with a decimal comma, "KAD", the sector by its name in capitals
    id: 'DN04', name: 'Công ty D', sector: 'DU LỊCH',
    cells: ['tìm-hiểu', 'có', '-', '12,5', 'KAD', 1, 'a', null, 'không'],
    json: { '1.1': 'tìm-hiểu', '1.2': 'có', '2.1.1': [], '2.1.2': 12.5, '2.1.3': 'KAD', '3.1.1': 1, '3.1.2': 'a', '4.2.1': 'không' },
    api: { sector: 'du-lich', answers: { '1.1': 'tìm-hiểu', '1.2': 'có', '2.1.1': [], '2.1.2': 12.5, '2.1.3': 'n/a', '3.1.1': 1, '3.1.2': 'a', '4.2.1': 'không' } },
  },
  {
    id: 'DN05', name: 'Công ty E', sector: 'thuong-mai',
    cells: ['d', 'có', 'sàn-tmđt; ứng-dụng', '30', 'có', 4, 'toàn-bộ', 'c', null],
    json: { '1.1': 'd', '1.2': 'có', '2.1.1': ['sàn-tmđt', 'ứng-dụng'], '2.1.2': '30', '2.1.3': 'có', '3.1.1': 4, '3.1.2': 'toàn-bộ', '4.1.1': ['c'] },
    api: { sector: 'thuong-mai', answers: { '1.1': 'd', '1.2': 'có', '2.1.1': ['sàn-tmđt', 'ứng-dụng'], '2.1.2': '30', '2.1.3': 'có', '3.1.1': 4, '3.1.2': 'toàn-bộ', '4.1.1': ['c'] } },
  },
];

const HEADER = ['STT', 'Mã DN', 'Tên doanh nghiệp', 'Ngành', ...QUESTIONS];
const expected = ENTERPRISES.map((e) => JSON.parse(JSON.stringify(scoreDbi(f, e.api))) as DbiResult);

let dir: string;
const files: Record<'csv' | 'xlsx' | 'json', string> = { csv: '', xlsx: '', json: '' };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vndi-questionnaire-'));
  const quote = (v: string | number | null) => (v === null ? '' : /[",;\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
  const csv = [
    'PHIẾU KHẢO SÁT MỨC ĐỘ SẴN SÀNG CHUYỂN ĐỔI SỐ (hư cấu)',
    '',
    HEADER.join(','),
    ...ENTERPRISES.map((e, i) => [i + 1, e.id, e.name, e.sector, ...e.cells].map(quote).join(',')),
  ].join('\r\n');
  files.csv = join(dir, 'phieu.csv');
  writeFileSync(files.csv, `\uFEFF${csv}\r\n`);
  files.xlsx = join(dir, 'phieu.xlsx');
  const cell = (v: string | number | null) => (v === null ? null : { value: v });
  await writeXlsxFile([HEADER.map(cell), ...ENTERPRISES.map((e, i) => [i + 1, e.id, e.name, e.sector, ...e.cells].map(cell))] as never, {}).toFile(files.xlsx);
  files.json = join(dir, 'phieu.json');
  writeFileSync(files.json, JSON.stringify(ENTERPRISES.map((e) => ({ id: e.id, name: e.name, Ngành: e.sector, answers: e.json })), null, 2));
});

const score = async (file: string) => {
  const r = await runCli(['score', file, '--framework-file', frameworkFile, '--format', 'json']);
  expect(r.code, r.err).toBe(0);
  return { rows: (JSON.parse(r.out) as { rows: { id: string; result: DbiResult }[] }).rows, err: r.err };
};

describe.each(['csv', 'xlsx', 'json'] as const)('vndi on a questionnaire typed as %s', (format) => {
  it('scores every enterprise as the API does, figure by figure', async () => {
    const { rows, err } = await score(files[format]);
    expect(rows.map((r) => r.id)).toEqual(ENTERPRISES.map((e) => e.id));
    rows.forEach((row, i) => expect(row.result, row.id).toEqual(expected[i]));
    // the figures computed by hand in test/score/dbi-questionnaires.test.ts
    expect(rows.map((r) => [r.result.percent, r.result.level])).toEqual([[80.33, 4], [70, 2], [60.42, 2], [expected[3]!.percent, expected[3]!.level], [expected[4]!.percent, expected[4]!.level]]);
    expect(err).toContain('read 5 rows: 5 scored, 0 rejected, 0 blank');
    // what reading the rows did, on stderr: the ignored answer, the unlisted sector
    expect(err).toContain("(DN02): Đã bỏ qua câu trả lời cho câu hỏi của ngành khác: 4.1.1 / line");
    expect(err).toContain('(DN03): Ngành Dịch vụ không có phần riêng trong bộ chỉ số');
  });

  it('gap plans what dbiGap plans', async () => {
    const r = await runCli(['gap', files[format], '--framework-file', frameworkFile, '--unit', 'DN02', '--format', 'json']);
    expect(r.code, r.err).toBe(0);
    const out = JSON.parse(r.out) as { current: DbiResult; steps: unknown[]; why: unknown };
    const api = JSON.parse(JSON.stringify(dbiGap(f, ENTERPRISES[1]!.api)));
    expect({ steps: out.steps, why: out.why, current: out.current }).toEqual({ steps: api.steps, why: api.why, current: api.current });
  });

  it('summary and rank give what summarize and rank give', async () => {
    const results = expected.map((result, i) => ({ id: ENTERPRISES[i]!.id, sector: ENTERPRISES[i]!.sector, result }));
    const s = await runCli(['summary', files[format], '--framework-file', frameworkFile, '--group-by', 'Ngành', '--format', 'json']);
    expect(s.code, s.err).toBe(0);
    const api = JSON.parse(JSON.stringify(summarize(ENTERPRISES.map((e, i) => ({ sector: e.sector, result: scoreDbi(f, e.api) })), { groupBy: 'sector' })));
    const out = JSON.parse(s.out) as { overall: unknown; groups: { key: string }[] };
    expect(out.overall).toEqual(api.overall);
    expect(out.groups.map((g) => g.key)).toEqual(api.groups.map((g: { key: string }) => g.key));
    const k = await runCli(['rank', files[format], '--framework-file', frameworkFile, '--format', 'json']);
    expect(k.code, k.err).toBe(0);
    const ranked = (JSON.parse(k.out) as { rows: { id: string; rank: number }[] }).rows ?? JSON.parse(k.out);
    const apiRank = rank(results.map((r) => ({ id: r.id, score: r.result.total })));
    expect((Array.isArray(ranked) ? ranked : []).map((r: { id: string; rank: number }) => [r.id, r.rank])).toEqual(apiRank.map((r) => [r.id, r.rank]));
  });
});

describe('a bad cell names the rule, with its line', () => {
  it('an exclusive option chosen with another, and another sector question refused by a framework that refuses', async () => {
    const bad = join(dir, 'sai.csv');
    writeFileSync(bad, [HEADER.join(','), `1,DN09,Công ty X,Thương mại,c,có,"a; b",35,n/a,3,b,a,`].join('\n'));
    const r = await runCli(['score', bad, '--framework-file', frameworkFile, '--format', 'json']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('Phương án a là phương án loại trừ (Không sử dụng): không chọn cùng phương án khác của tiêu chí 2.1.1');
    expect(r.err).toContain('Option a is exclusive (Không sử dụng): it cannot be chosen with another option of criterion 2.1.1');
  });
});
