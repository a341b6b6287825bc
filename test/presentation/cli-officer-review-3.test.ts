/**
 * Regressions found by running the command line as an officer on the files an office has (a
 * province sheet resubmitted, a values sheet, an enterprise list): each test is one defect, fixed.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { criterionOrder } from '../../src/index.js';
import { runCli } from '../helpers.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'vndi-officer3-'));
});

/** A CSV as Excel writes it for Vietnam: BOM, `;`, decimal commas, CRLF. */
function excelCsv(name: string, rows: readonly (readonly (string | number)[])[]): string {
  const path = join(dir, name);
  writeFileSync(path, '\uFEFF' + rows.map((r) => r.map((v) => (typeof v === 'number' ? String(v).replace('.', ',') : v.includes(';') ? `"${v}"` : v)).join(';')).join('\r\n') + '\r\n');
  return path;
}

const order = criterionOrder('dbi-2021-sme');
/** The 60 answers of an SME that answers x to every criterion (5x on 2.1.1's 0–25 scale). */
const answers = (x: number) => order.map((id) => (id === '2.1.1' ? 5 * x : x));

const DTI_HEADER = ['Mã tỉnh', 'Tên tỉnh', 'Nhận thức số', 'Thể chế số', 'Hạ tầng số', 'Nhân lực số', 'An toàn thông tin mạng', 'Hoạt động chính quyền số', 'Hoạt động kinh tế số', 'Hoạt động xã hội số'];

describe('the notice of merged spellings', () => {
  it('names each line once under --duplicates last, which reads the file twice', async () => {
    const file = excelCsv('resubmitted.csv', [
      DTI_HEADER,
      ['17', 'Hòa Bình', 60, 55.5, 40.25, 30, 35.15, 100.2, 50.3, 40.45],
      ['22', 'Quảng Ninh', 95.81, 90, 76.48, 62.5, 53.82, 167.7, 88.56, 67.58],
      ['17', 'Hoà Bình'.normalize('NFD'), 62, 56, 41, 31, 36, 101, 51, 41],
    ]);
    for (const rule of ['first', 'last']) {
      const r = await runCli(['score', file, '--framework', 'dti-province-2022', '--duplicates', rule, '--format', 'csv']);
      expect(r.code).toBe(0);
      expect(r.err).toContain('Tên tỉnh "Hoà Bình" (dòng 4)');
      expect(r.err).toContain('Tên tỉnh "Hoà Bình" (line 4)');
    }
  });
});

describe('a sheet of DTI values read as points', () => {
  const values = () =>
    excelCsv('gia-tri.csv', [
      DTI_HEADER,
      ['01', 'Hà Nội', 0.955, 0.9, 0.8825, 0.701, 0.686, 0.8518, 0.8027, 0.7337],
      ['66', 'Đắk Lắk', 0.74, 0.3, 0.416, 0.1263, 0.54, 0.3923, 0.4108, 0.3078],
    ]);

  it('is refused row by row, saying --input values, never scored a thousand times too low with exit 0', async () => {
    const r = await runCli(['score', values(), '--framework', 'dti-province-2022', '--format', 'csv']);
    expect(r.code).toBe(1);
    expect(r.out).not.toMatch(/^01,/m);
    expect(r.err).toContain('line 2 (01): points: mọi chỉ số của dòng đều từ 0 đến 1');
    expect(r.err).toContain('--input values');
    // the closing message names the rows' shared problem, not a missing unscored column
    expect(r.err).toContain('cần 8 cột điểm; tệp có 8. Lỗi của 2 dòng: points:');
    expect(r.err).not.toContain('thiếu: Đô thị thông minh');
    expect(r.err).toContain('read 2 rows: 0 scored, 2 rejected, 0 blank, 0 set aside');
  });

  it('scores as values with --input values (0.3985 for Đắk Lắk) and as points only when --input points says so', async () => {
    const v = await runCli(['score', values(), '--framework', 'dti-province-2022', '--input', 'values', '--format', 'csv']);
    expect(v.code).toBe(0);
    expect(v.out).toMatch(/^66,Đắk Lắk,dti-province-2022,398\.48,0\.3985,/m);
    const p = await runCli(['score', values(), '--framework', 'dti-province-2022', '--input', 'points', '--format', 'csv']);
    expect(p.code).toBe(0);
    expect(p.out).toMatch(/^66,Đắk Lắk,dti-province-2022,3\.23,0\.0032,/m);
  });

  it('judges each row alone: points beside a row whose every figure lies in 0–1', async () => {
    const file = excelCsv('diem.csv', [DTI_HEADER, ['66', 'Đắk Lắk', 74, 30, 41.6, 12.63, 54, 78.47, 61.62, 46.17], ['48', 'Đà Nẵng', 1, 0, 0.5, 0, 1, 0, 0, 0.25]]);
    const r = await runCli(['score', file, '--framework', 'dti-province-2022', '--format', 'csv']);
    expect(r.out).toMatch(/^66,Đắk Lắk,dti-province-2022,398\.49,0\.3985,/m);
    // a row whose every point lies in 0–1 is values read as points, whatever the other rows hold
    expect(r.err).toContain('line 3 (48): points:');
  });
});

describe('--excel without --out or --format', () => {
  it('writes CSV for Excel (BOM, ";", decimal commas), not JSON, into a redirected ket-qua.csv', async () => {
    const file = excelCsv('diem-excel.csv', [DTI_HEADER, ['66', 'Đắk Lắk', 74, 30, 41.6, 12.63, 54, 78.47, 61.62, 46.17]]);
    const r = await runCli(['score', file, '--framework', 'dti-province-2022', '--excel']);
    expect(r.code).toBe(0);
    expect(r.out.startsWith('\uFEFFMã;Tên;')).toBe(true);
    expect(r.out).toContain(';398,49;0,3985;');
  });
});

describe("a questionnaire's pillar whose id is an officer's field", () => {
  it("keeps the file's Ngành column and the sector pillar apart in every header", async () => {
    const template = await runCli(['framework', 'template', 'dbi-questionnaire']);
    const framework = JSON.parse(template.out) as { sectors: { name: { vi: string } }[] };
    for (const s of framework.sectors) s.name.vi = s.name.vi.replace(' (điền tên ngành)', '');
    const q = join(dir, 'q.json');
    writeFileSync(q, JSON.stringify(framework));
    const answers = excelCsv('tra-loi.csv', [
      ['Mã số thuế', 'Tên doanh nghiệp', 'Ngành', '1.1', '1.2', '2.1.1', '2.1.2', '2.1.3', '3.1.1', '3.1.2', '4.1.1', '4.2.1'],
      ['0301000001', 'Công ty A', 'Thương mại', 'd', 'Có', 'b; d', '25,5', 'KAD', '3', 'c', 'a; b', ''],
    ]);
    const csv = await runCli(['score', answers, '--framework-file', q, '--format', 'csv']);
    expect(csv.code).toBe(0);
    const header = csv.out.split('\n')[0]!.split(',');
    expect(header.filter((h) => h === 'sector')).toHaveLength(1);
    expect(header).toContain('sector (input)');
    const row = csv.out.split('\n')[1]!.split(',');
    expect(row[header.indexOf('sector (input)')]).toBe('Thương mại');
    expect(row[header.indexOf('sector')]).toBe('4'); // POS (2) + kho (2): the sector pillar's points
    const excel = await runCli(['score', answers, '--framework-file', q, '--excel']);
    const vi = excel.out.replace('\uFEFF', '').split('\r\n')[0]!.split(';');
    expect(vi.filter((h) => h === 'Ngành')).toHaveLength(1);
    expect(vi).toContain('Giải pháp theo ngành (điền tên trụ cột)');
  });
});

describe('vndi rank --group-by on DBI rows', () => {
  it("ranks each enterprise within its district (bounds where a row of the district was rejected), not silently province-wide only", async () => {
    const file = excelCsv('dn-huyen.csv', [
      ['Mã số thuế', 'Tên doanh nghiệp', 'Huyện', ...order],
      ['0401000001', 'DN 1', 'Krông Pắc', ...answers(2)],
      ['0401000002', 'DN 2', 'Buôn Hồ', ...answers(4)],
      ['0401000003', 'DN 3', 'Krông\u00a0Pắc', ...answers(3)],
      ['0401000004', 'DN 4', 'Buôn Hồ', ...answers(1).map((v, i) => (i === 20 ? 7 : v))],
    ]);
    const r = await runCli(['rank', file, '--framework', 'dbi-2021-sme', '--group-by', 'Huyện', '--format', 'csv']);
    expect(r.code).toBe(1);
    const rows = r.out.split('\n\n')[0]!.split('\n').map((l) => l.split(','));
    expect(rows[0]!.slice(0, 7)).toEqual(['rank', 'id', 'name', 'total', 'level', 'group', 'rankInGroup']);
    const byId = new Map(rows.slice(1).map((c) => [c[1], c]));
    expect(byId.get('0401000002')!.slice(5, 7)).toEqual(['Buôn Hồ', '1–2/2']); // DN 4 (rejected) could rank above it
    expect(byId.get('0401000003')!.slice(5, 7)).toEqual(['Krông Pắc', '1/2']);
    expect(byId.get('0401000001')!.slice(5, 7)).toEqual(['Krông Pắc', '2/2']);
    expect(byId.get('0401000004')!.slice(5, 7)).toEqual(['Buôn Hồ', '']);
    expect(r.err).toContain('read 4 rows: 3 scored, 1 rejected, 0 blank, 0 set aside');
    // the HTML ranking of enterprises has no group column: refused, not left out in silence
    const html = await runCli(['rank', file, '--framework', 'dbi-2021-sme', '--group-by', 'Huyện', '--format', 'html']);
    expect(html.code).toBe(2);
    expect(html.out).toBe('');
    expect(html.err).toContain('báo cáo HTML xếp hạng doanh nghiệp không có --group-by: dùng --format csv, xlsx hoặc table');
  });
});

describe('vndi rank --previous on DBI rows', () => {
  it("gives each enterprise its rank change against the earlier year's file, not silently none", async () => {
    const header = ['Mã số thuế', 'Tên doanh nghiệp', ...order];
    const now = excelCsv('dn-2023.csv', [header, ['0401000001', 'DN 1', ...answers(4)], ['0401000002', 'DN 2', ...answers(2)], ['0401000003', 'DN 3', ...answers(3)]]);
    const before = excelCsv('dn-2022.csv', [header, ['0401000001', 'DN 1', ...answers(1)], ['0401000002', 'DN 2', ...answers(3)], ['0401000003', 'DN 3', ...answers(2)]]);
    const r = await runCli(['rank', now, '--framework', 'dbi-2021-sme', '--previous', before, '--format', 'csv']);
    expect(r.code).toBe(0);
    const rows = r.out.split('\n\n')[0]!.split('\n').map((l) => l.split(','));
    expect(rows[0]).toEqual(['rank', 'id', 'name', 'total', 'level', 'change']);
    expect(rows.slice(1).map((c) => [c[0], c[1], c[5]])).toEqual([
      ['1', '0401000001', 'up 2'],
      ['2', '0401000003', '='],
      ['3', '0401000002', 'down 2'],
    ]);
  });
});

describe("the officer's own SUM column", () => {
  it('is headed as the file\'s ("Tổng điểm (trong tệp)") beside the computed "Tổng điểm", never two columns of one heading', async () => {
    const file = excelCsv('tong-diem.csv', [[...DTI_HEADER, 'Tổng điểm'], ['66', 'Đắk Lắk', 74, 30, 41.6, 12.63, 54, 78.47, 61.62, 46.17, 398.49]]);
    const excel = await runCli(['score', file, '--framework', 'dti-province-2022', '--excel']);
    expect(excel.code).toBe(0);
    const header = excel.out.replace('\uFEFF', '').split('\r\n')[0]!.split(';');
    expect(header.filter((h) => h === 'Tổng điểm')).toHaveLength(1);
    expect(header.indexOf('Tổng điểm (trong tệp)')).toBe(2);
    const en = await runCli(['score', file, '--framework', 'dti-province-2022', '--format', 'md', '--lang', 'en']);
    expect(en.out).toContain('| Tổng điểm (in the file) |');
  });
});

describe('a run where every row has the wrong width', () => {
  it('names the framework the command line gave, never "no framework could be chosen"', async () => {
    const path = join(dir, 'rong.csv');
    // an unquoted "41,6" in a comma-separated file: the row has one field too many
    writeFileSync(path, ['Mã tỉnh,Tên tỉnh,' + DTI_HEADER.slice(2).join(','), '66,Đắk Lắk,74,30,41,6,12.63,54,78.47,61.62,46.17'].join('\n') + '\n');
    const r = await runCli(['score', path, '--framework', 'dti-province-2022', '--format', 'csv']);
    expect(r.code).toBe(1);
    expect(r.err).not.toContain('No framework could be chosen');
    expect(r.err).toContain('Framework dti-province-2022 expects 8 score columns; the file has 8');
    expect(r.err).toContain('the row has 11 fields but the header has 10 columns');
  });
});

describe("the HTML summary's ranking", () => {
  it('gives the ranks their bounds where a row was rejected, as vndi rank does, not certain ranks', async () => {
    const file = excelCsv('dn-tom-tat.csv', [
      ['Mã số thuế', 'Tên doanh nghiệp', 'Huyện', ...order],
      ['0401000001', 'DN 1', 'Ea Kar', ...answers(2)],
      ['0401000002', 'DN 2', 'Ea Kar', ...answers(4)],
      ['0401000003', 'DN 3', 'Ea Kar', ...answers(1).map((v, i) => (i === 20 ? 7 : v))],
    ]);
    const html = await runCli(['summary', file, '--framework', 'dbi-2021-sme', '--group-by', 'Huyện', '--format', 'html']);
    expect(html.code).toBe(1);
    expect(html.out).toContain('1/3 đơn vị chưa có số liệu');
    expect(html.out).toMatch(/1–2<\/td>\s*<td[^>]*>0401000002/);
    expect(html.out).toMatch(/2–3<\/td>\s*<td[^>]*>0401000001/);
  });
});

describe('rank --previous when the two files write a province differently', () => {
  it('matches Hà Nội written 1 (a sheet that dropped the zero) with 01 of last year: its change is "=", never "new"', async () => {
    const now = excelCsv('dti-2022-mat-so-0.csv', [
      DTI_HEADER,
      ['1', 'Hà Nội', 95.5, 90, 88.25, 70.1, 68.6, 170.35, 120.4, 110.05],
      ['66', 'Đắk Lắk', 74, 30, 41.6, 12.63, 54, 78.47, 61.62, 46.17],
    ]);
    const before = excelCsv('dti-2021-ma-day-du.csv', [
      DTI_HEADER,
      ['01', 'Hà Nội', 90, 85, 80, 65, 60, 160, 110, 100],
      ['66', 'Đắk Lắk', 74, 30, 41.6, 12.63, 54, 78.47, 61.62, 46.17],
    ]);
    const r = await runCli(['rank', now, '--framework', 'dti-province-2022', '--previous', before, '--format', 'csv']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^1,1,Hà Nội,0\.8133,=$/m);
    expect(r.out).toMatch(/^2,66,Đắk Lắk,0\.3985,=$/m);
    expect(r.out).not.toContain(',new');
  });
});

describe('summary --registered whose group names differ from the data file', () => {
  it('says which assessed groups the registered file lacks, and which registered name may be theirs', async () => {
    const file = excelCsv('dn-dang-ky.csv', [
      ['Mã số thuế', 'Tên doanh nghiệp', 'Huyện', ...order],
      ['0401000001', 'DN 1', 'Krông Pắc', ...answers(2)],
      ['0401000002', 'DN 2', 'Krông Pắc', ...answers(4)],
      ['0401000003', 'DN 3', 'Ea Kar', ...answers(3)],
    ]);
    const registered = excelCsv('dang-ky.csv', [['Huyện', 'Số doanh nghiệp'], ['Huyện Krông Pắc', 8], ['Ea Kar', 4], ['Tổng cộng', 12]]);
    const r = await runCli(['summary', file, '--framework', 'dbi-2021-sme', '--group-by', 'Huyện', '--registered', registered, '--target', '0,5', '--format', 'csv']);
    // the province-wide coverage counts Krông Pắc's enterprises against the other groups' registered total: exit 1
    expect(r.code).toBe(1);
    // the figures are those of the files as given: Krông Pắc without coverage, "Huyện Krông Pắc" with none assessed …
    expect(r.out).toMatch(/^Huyện Krông Pắc,0,(0,){6},{4}8,0,4$/m);
    // … and the officer is told why, in Vietnamese first
    expect(r.err).toContain('vndi: --registered không có "Krông Pắc" (2 đã chấm; có phải "Huyện Krông Pắc"?)');
    expect(r.err).toContain('--registered does not list "Krông Pắc" (2 assessed; is it "Huyện Krông Pắc"?)');
    const matching = excelCsv('dang-ky-khop.csv', [['Huyện', 'Số doanh nghiệp'], ['Krông Pắc', 8], ['Ea Kar', 4]]);
    const ok = await runCli(['summary', file, '--framework', 'dbi-2021-sme', '--group-by', 'Huyện', '--registered', matching, '--format', 'csv']);
    expect(ok.err).not.toContain('--registered không có');
    expect(ok.code).toBe(0);
  });
});

describe('a --registered file that cannot be read', () => {
  it('is one message, Vietnamese then English, each said once', async () => {
    const file = excelCsv('dn-mot.csv', [['Mã số thuế', 'Tên doanh nghiệp', 'Huyện', ...order], ['0401000001', 'DN 1', 'Ea Kar', ...answers(2)]]);
    const empty = join(dir, 'dang-ky-rong.csv');
    writeFileSync(empty, '');
    const r = await runCli(['summary', file, '--framework', 'dbi-2021-sme', '--group-by', 'Huyện', '--registered', empty, '--format', 'csv']);
    expect(r.code).toBe(2);
    const line = r.err.trim().split('\n').pop()!;
    expect(line.split(' / ')).toHaveLength(2);
    expect(line).toMatch(/^vndi: --registered .*: tệp không có dữ liệu \/ --registered .*: the file has no data$/);
  });
});

describe('a score output with no row scored', () => {
  it("has the columns of the framework the command line names, never another kind's", async () => {
    // every row of an SME file is one field too wide: nothing scores
    const file = join(dir, 'qua-rong.csv');
    writeFileSync(file, `Mã số thuế,Tên doanh nghiệp,${order.join(',')}\n0401000001,DN 1,${answers(2).join(',')},9\n`);
    const dbi = await runCli(['score', file, '--framework', 'dbi-2021-sme', '--format', 'csv']);
    expect(dbi.code).toBe(1);
    const header = dbi.out.trim().split(',');
    expect(header.slice(0, 8)).toEqual(['id', 'name', 'framework', 'total', 'max', 'percent', 'level', 'levelName']);
    expect(header).toContain('customer.level');
    expect(header).not.toContain('government');
    const dti = await runCli(['score', file, '--framework', 'dti-province-2022', '--format', 'csv']);
    expect(dti.out.trim().split(',').slice(0, 8)).toEqual(['id', 'name', 'framework', 'total', 'value', 'government', 'economy', 'society']);
  });
});
