/**
 * Ranks with their bounds on every ranking output of `vndi rank`: terminal table, Markdown, CSV,
 * XLSX, HTML and JSON, for DTI rows (nationally and by region, with --universe and --previous) and
 * DBI rows. A rejected row is a unit without a value: three of the five Tây Nguyên provinces here.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import readXlsxFile from 'read-excel-file/node';
import { beforeAll, describe, expect, it } from 'vitest';
import { criterionOrder, renderReport, rank, scoreDbi } from '../../src/index.js';
import { runCli } from '../helpers.js';

const HEADER = ['Mã tỉnh', 'Tỉnh', 'Nhận thức số', 'Thể chế số', 'Hạ tầng số', 'Nhân lực số', 'An toàn thông tin mạng', 'Hoạt động chính quyền số', 'Hoạt động kinh tế số', 'Hoạt động xã hội số'];
// Kon Tum, Gia Lai and Đắk Nông are rejected (101 is above the maximum of 100)
const ROWS = [
  ['62', 'Kon Tum', 101, 30, 41.6, 12.63, 54, 78.47, 61.62, 46.17],
  ['64', 'Gia Lai', 101, 30, 41.6, 12.63, 54, 78.47, 61.62, 46.17],
  ['66', 'Đắk Lắk', 74, 30, 41.6, 12.63, 54, 78.47, 61.62, 46.17],
  ['67', 'Đắk Nông', 101, 30, 41.6, 12.63, 54, 78.47, 61.62, 46.17],
  ['68', 'Lâm Đồng', 80, 70, 60, 50, 54, 150, 100, 90],
  ['48', 'Đà Nẵng', 90, 80, 70, 60, 64, 160, 110, 100],
];

let dir: string;
let file: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'vndi-rank-bounds-'));
  file = join(dir, 'dti.csv');
  writeFileSync(file, [HEADER, ...ROWS].map((r) => r.join(',')).join('\n'));
});
const rankArgs = () => ['rank', file, '--framework', 'dti-province-2022', '--group-by', 'region'];

describe('vndi rank: every output shows the bounds where units have no value', () => {
  it('terminal table: the rank as best–worst, the count in the heading and each unit\'s label', async () => {
    const r = await runCli([...rankArgs(), '--format', 'table']);
    expect(r.code).toBe(1); // three rows rejected, reported
    expect(r.out).toContain('3/6 tỉnh chưa có số liệu: thứ hạng ghi dạng tốt nhất–xấu nhất');
    const line = r.out.split('\n').find((l) => l.includes('Đắk Lắk'))!;
    expect(line).toMatch(/^3–6 +66 +Đắk Lắk +0,3985 +Tây Nguyên +2–5\/5 +hạng 3–6\/6, 3 tỉnh chưa có số liệu; 2–5\/5 trong Tây Nguyên, 3 tỉnh chưa có số liệu$/);
    expect(r.out.split('\n').find((l) => l.includes('Kon Tum'))).toMatch(/^— +62 +Kon Tum .*chưa có số liệu$/);
    // no rank printed as a single number
    expect(r.out).not.toMatch(/^\d+ +66 /m);
  });

  it('Markdown: the same cells and heading', async () => {
    const r = await runCli([...rankArgs(), '--format', 'md']);
    expect(r.out).toContain('3/6 tỉnh chưa có số liệu');
    expect(r.out).toMatch(/\| 3–6 \| 66 \| Đắk Lắk \| 0,3985 \| Tây Nguyên \| 2–5\/5 \|/);
  });

  it('CSV: the rank cell and the ranking column', async () => {
    const r = await runCli([...rankArgs(), '--format', 'csv']);
    const lines = r.out.split('\n');
    expect(lines[0]).toBe('rank,id,name,value,group,rankInGroup,ranking');
    expect(lines).toContain('3–6,66,Đắk Lắk,0.3985,Central Highlands,2–5/5,"3–6/6, 3 provinces without data; 2–5/5 in Central Highlands, 3 provinces without data"');
    expect(lines).toContain(',62,Kon Tum,,Central Highlands,,no result');
  });

  it('XLSX: the rank cell and the ranking column, read back by an independent reader', async () => {
    const out = join(dir, 'rank.xlsx');
    const r = await runCli([...rankArgs(), '--out', out]);
    expect(r.err).toContain('wrote');
    const data = (await readXlsxFile(readFileSync(out)))[0]!.data;
    const header = data[0]!.map(String);
    const row = data.find((x) => x[1] === '66')!;
    expect(row[header.indexOf('Xếp hạng')]).toBe('3–6');
    expect(row[header.indexOf('Hạng trong nhóm')]).toBe('2–5/5');
    expect(row[header.indexOf('Xếp hạng (khoảng)')]).toBe('hạng 3–6/6, 3 tỉnh chưa có số liệu; 2–5/5 trong Tây Nguyên, 3 tỉnh chưa có số liệu');
  });

  it('HTML: the rank cells as bounds and a note with the count', async () => {
    const r = await runCli([...rankArgs(), '--format', 'html']);
    expect(r.out).toContain('3/6 tỉnh chưa có số liệu: thứ hạng ghi dạng tốt nhất–xấu nhất');
    expect(r.out).toMatch(/<td class="n">3–6<\/td><td>66<\/td>/);
    expect(r.out).toContain('2–5/5');
  });

  it('the score report\'s ranking (vndi score --format html) shows the bounds too', async () => {
    const r = await runCli(['score', file, '--framework', 'dti-province-2022', '--format', 'html']);
    expect(r.out).toContain('3/6 tỉnh chưa có số liệu');
    expect(r.out).toMatch(/<td class="n">3–6<\/td><td>66<\/td>/);
  });

  it('JSON: best, worst, certain and the labels of each unit', async () => {
    const r = await runCli([...rankArgs(), '--format', 'json']);
    const rows = JSON.parse(r.out).rows as Record<string, unknown>[];
    expect(rows.find((x) => x.id === '66')).toMatchObject({
      rank: 3, best: 3, worst: 6, certain: false, of: 6, withoutValue: 3,
      rankInGroup: 2, bestInGroup: 2, worstInGroup: 5, ofInGroup: 5, withoutValueInGroup: 3,
      labelVi: 'hạng 3–6/6, 3 tỉnh chưa có số liệu; 2–5/5 trong Tây Nguyên, 3 tỉnh chưa có số liệu',
    });
    expect(rows.find((x) => x.id === '62')).toMatchObject({ rank: null, missing: true, best: 1, worst: 6 });
  });

  it('--universe 63: the provinces not in the file are units without a value too', async () => {
    const r = await runCli([...rankArgs(), '--universe', '63', '--format', 'json']);
    const dakLak = (JSON.parse(r.out).rows as Record<string, unknown>[]).find((x) => x.id === '66');
    expect(dakLak).toMatchObject({ best: 3, worst: 63, of: 63, withoutValue: 60, bestInGroup: 2, worstInGroup: 5, ofInGroup: 5 });
    const bad = await runCli([...rankArgs(), '--universe', '99']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--universe must be 63 or 34/);
    const fictional = join(dir, 'fictional.csv');
    writeFileSync(fictional, [HEADER, ['MH01', 'Tỉnh Minh Họa 01', 74, 30, 41.6, 12.63, 54, 78.47, 61.62, 46.17]].map((x) => x.join(',')).join('\n'));
    const outside = await runCli(['rank', fictional, '--framework', 'dti-province-2022', '--universe', '63']);
    expect(outside.code).toBe(2);
    expect(outside.err).toContain('"MH01" is not a unit of the 63 provinces');
  });

  it('--previous: the change is a range where a rank is not certain', async () => {
    const previous = join(dir, 'previous.csv');
    writeFileSync(previous, [HEADER, ...ROWS.map((r) => [r[0], r[1], 50, 50, 50, 50, 50, 100, 75, 75])].map((x) => x.join(',')).join('\n'));
    const r = await runCli([...rankArgs(), '--previous', previous, '--format', 'csv']);
    const lines = r.out.split('\n');
    // every province tied at rank 1 the year before; Đắk Lắk now 3–6: down 2 to 5
    expect(lines.find((l) => l.startsWith('3–6,66,'))).toContain(',down 2–5,');
    const vi = await runCli([...rankArgs(), '--previous', previous, '--format', 'table']);
    expect(vi.out.split('\n').find((l) => l.includes('Đắk Lắk'))).toContain('giảm 2–5');
  });
});

describe('DBI rank outputs with rejected rows', () => {
  it('table, JSON and the cohort HTML report show the bounds', async () => {
    const ids = criterionOrder('dbi-2021-sme');
    const row = (id: string, v: number) => [id, `DN ${id}`, ...ids.map((c) => (c === '2.1.1' ? 15 : v))].join(',');
    const path = join(dir, 'dn.csv');
    writeFileSync(path, [['Mã DN', 'Tên doanh nghiệp', ...ids].join(','), row('A', 4), row('B', 3), row('C', 9), row('D', 2)].join('\n'));
    const t = await runCli(['rank', path, '--framework', 'dbi-2021-sme', '--format', 'table']);
    expect(t.out).toContain('1/4 đơn vị chưa có số liệu');
    expect(t.out.split('\n').find((l) => l.includes(' B '))).toMatch(/^2–3 +B +DN B /);
    const j = await runCli(['rank', path, '--framework', 'dbi-2021-sme', '--format', 'json']);
    expect((JSON.parse(j.out).rows as Record<string, unknown>[]).find((x) => x.id === 'B')).toMatchObject({ rank: 2, best: 2, worst: 3, certain: false, label: '2–3/4, 1 unit without data' });
    const h = await runCli(['rank', path, '--framework', 'dbi-2021-sme', '--format', 'html']);
    expect(h.out).toContain('1/4 đơn vị chưa có số liệu');
    expect(h.out).toMatch(/<td class="n">2–3<\/td><td>B<\/td>/);
  });

  it('renderReport prints a cohort rank with its bounds', () => {
    const answers = Object.fromEntries(criterionOrder('dbi-2021-sme').map((id) => [id, id === '2.1.1' ? 15 : 3]));
    const result = scoreDbi('dbi-2021-sme', { answers });
    const [r] = rank([{ id: 'X', score: result.total }, { id: 'Y', score: null }]);
    const html = renderReport({ kind: 'cohort', summary: { framework: 'dbi-2021-sme', groupBy: [], overall: { key: 'all', count: 1, levels: {}, total: { mean: 1, q1: 1, median: 1, q3: 1, min: 1, max: 1 } }, groups: [] } as never, ranked: [{ id: 'X', result, rank: r!.rank, best: r!.best, worst: r!.worst, of: 2 }] });
    expect(html).toContain('1/2 đơn vị chưa có số liệu');
    expect(html).toMatch(/<td class="n">1–2<\/td><td>X<\/td>/);
  });
});
