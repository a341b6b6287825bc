/**
 * The office-file suite (issue #22): the spreadsheets a provincial Department keeps, built here (no
 * binary fixture is committed) in the three forms an office has them, plain CSV, CSV as Excel writes
 * it for Vietnam (BOM, `;`, decimal commas, CRLF) and `.xlsx` from a real workbook writer, and run
 * through every row command. Every run's closing line is checked: rows in = scored + rejected +
 * blank + set aside. Figures are checked against the library's own functions on the rows that count.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import readXlsxFile from 'read-excel-file/node';
import writeXlsxFile from 'write-excel-file/node';
import { beforeAll, describe, expect, it } from 'vitest';
import { criterionOrder, dtiGap, getFramework, rank, scoreDbi, scoreDti, summarize, type DbiCriterion, type DbiFramework, type DbiResult } from '../../src/index.js';
import { defineDbiFramework, overrideDbiPillarMaxima } from '../../src/schema.js';
import { CohortStream } from '../../src/presentation/cli/cohort-stream.js';
import { runCli } from '../helpers.js';

type Cell = string | number | null;
type Form = 'csv' | 'excel' | 'xlsx';
const FORMS: readonly Form[] = ['csv', 'excel', 'xlsx'];

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'vndi-office-'));
});

/** A table written as an office has it: plain CSV, Excel's CSV for Vietnam, or a workbook. */
async function write(name: string, rows: readonly (readonly Cell[])[], form: Form): Promise<string> {
  const path = join(dir, `${name}.${form === 'xlsx' ? 'xlsx' : 'csv'}`);
  if (form === 'xlsx') {
    await writeXlsxFile(rows.map((r) => r.map((v) => (v === null ? null : typeof v === 'number' ? { value: v } : { value: v, type: String }))) as never, {}).toFile(path);
    return path;
  }
  const excel = form === 'excel';
  const sep = excel ? ';' : ',';
  const cell = (v: Cell) => {
    if (v === null) return '';
    const s = typeof v === 'number' ? (excel ? String(v).replace('.', ',') : String(v)) : v;
    return /[",;\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const text = rows.map((r) => r.map(cell).join(sep)).join(excel ? '\r\n' : '\n') + (excel ? '\r\n' : '\n');
  writeFileSync(path, excel ? `\uFEFF${text}` : text);
  return path;
}

interface Tally { read: number; scored: number; rejected: number; blank: number; setAside: number }

/** The run's closing line, parsed and checked: rows in = scored + rejected + blank + set aside, in both languages. */
function tally(err: string): Tally {
  const m = /read ([\d,]+) rows?: ([\d,]+) scored, ([\d,]+) rejected, ([\d,]+) blank, ([\d,]+) set aside/.exec(err);
  if (!m) throw new Error(`no closing line in: ${err}`);
  const [read, scored, rejected, blank, setAside] = m.slice(1).map((x) => Number(x.replace(/,/g, ''))) as [number, number, number, number, number];
  expect(read).toBe(scored + rejected + blank + setAside);
  const vi = /đã đọc ([\d.]+) dòng: ([\d.]+) đã chấm, ([\d.]+) bị từ chối, ([\d.]+) trống, ([\d.]+) để riêng/.exec(err);
  expect(vi?.slice(1).map((x) => Number(x.replace(/\./g, '')))).toEqual([read, scored, rejected, blank, setAside]);
  return { read, scored, rejected, blank, setAside };
}

/** Runs a row command; its closing line is always checked. */
async function vndi(args: string[]): Promise<{ code: number; out: string; err: string; tally: Tally }> {
  const r = await runCli(args);
  return { ...r, tally: tally(r.err) };
}

const json = (out: string) => JSON.parse(out) as Record<string, any>;
const nfd = (s: string) => s.normalize('NFD');
const isNfc = (s: string) => s === s.normalize('NFC');

// ---------------------------------------------------------------- the enterprises of a district office

const ORDER = criterionOrder('dbi-2021-sme');
/** Deterministic answers of enterprise k (criterion 2.1.1 on its 0–25 scale). */
function answersOf(k: number): number[] {
  return ORDER.map((id, c) => (id === '2.1.1' ? 5 * ((k + c) % 6) : (k * 7 + c * 3) % 6));
}
const dbiResult = (k: number): DbiResult => scoreDbi('dbi-2021-sme', { answers: Object.fromEntries(ORDER.map((id, c) => [id, answersOf(k)[c]!])) });
const DBI_HEADER: Cell[] = ['STT', 'Mã số thuế', 'Tên doanh nghiệp', 'Huyện', 'Quy mô', ...ORDER];
const enterprise = (n: number, k: number, id: string, district: string, size = 'nhỏ'): Cell[] => [n, id, `Doanh nghiệp ${k}`, district, size, ...answersOf(k)];

// ---------------------------------------------------------------- the provinces

const INDICATORS = ['Nhận thức số', 'Thể chế số', 'Hạ tầng số', 'Nhân lực số', 'An toàn thông tin mạng', 'Hoạt động chính quyền số', 'Hoạt động kinh tế số', 'Hoạt động xã hội số'];
const KEYS = ['awareness', 'institutions', 'infrastructure', 'humanResources', 'cybersecurity', 'digitalGovernment', 'digitalEconomy', 'digitalSociety'];
// Đắk Lắk's DTI 2021 points (398,49) and Quảng Ninh's 2022 figures as points (702,45); the rest fictional
const POINTS: Record<string, number[]> = {
  dakLak: [74, 30, 41.6, 12.63, 54, 78.47, 61.62, 46.17],
  quangNinh: [95.81, 90, 76.48, 62.5, 53.82, 167.7, 88.56, 67.575],
  a: [60, 50, 55, 40, 45, 120, 70, 60],
  b: [80, 70, 65, 50, 55, 150, 90, 80],
};
const dti = (p: number[]) => scoreDti('dti-province-2022', { points: Object.fromEntries(KEYS.map((k, i) => [k, p[i]!])) });

describe('each unit counted once (--duplicates), alike in score, rank, gap and summary', () => {
  // DN 0101234560 submitted on line 3 and resubmitted on line 9 with other answers
  const rows = (): Cell[][] => [
    DBI_HEADER,
    enterprise(1, 0, '0101234560', 'Buôn Hồ'),
    enterprise(2, 1, '0101234561', 'Buôn Hồ'),
    enterprise(3, 2, '0101234562', 'Krông Pắc'),
    enterprise(4, 3, '0101234563', 'Krông Pắc'),
    enterprise(5, 4, '0101234564', 'Lắk'),
    enterprise(6, 5, '0101234565', 'Lắk'),
    enterprise(7, 9, '0101234560', 'Buôn Hồ'),
  ];
  const entries = (resubmitted: boolean) => [0, 1, 2, 3, 4, 5].map((k) => ({ district: ['Buôn Hồ', 'Buôn Hồ', 'Krông Pắc', 'Krông Pắc', 'Lắk', 'Lắk'][k]!, result: dbiResult(k === 0 && resubmitted ? 9 : k) }));
  const fw = ['--framework', 'dbi-2021-sme'];

  for (const form of FORMS) {
    it(`${form}: by default the first submission counts, the other is rejected naming both lines, exit 1`, async () => {
      const file = await write(`dup-${form}`, rows(), form);
      const message = /line 8 \(0101234560\): id \(Mã số thuế\): [^\n]*lines 2 and 8 are one unit[^\n]*--duplicates first or --duplicates last/;
      const score = await vndi(['score', file, ...fw, '--format', 'json']);
      expect(score.code).toBe(1);
      expect(score.err).toMatch(message);
      expect(json(score.out).rows.map((r: { id: string }) => r.id)).toEqual(['0101234560', '0101234561', '0101234562', '0101234563', '0101234564', '0101234565']);
      expect(score.tally).toEqual({ read: 7, scored: 6, rejected: 1, blank: 0, setAside: 0 });

      const ranked = await vndi(['rank', file, ...fw, '--format', 'json']);
      expect(ranked.code).toBe(1);
      expect(ranked.err).toMatch(message);
      const expected = rank(entries(false).map((e, k) => ({ id: `010123456${k}`, score: e.result.exact.total })), { precision: 'exact' });
      const got = json(ranked.out).rows as { id: string; rank: number; total: number }[];
      expect(got.map((r) => [r.id, r.rank])).toEqual(expected.map((r) => [r.id, r.rank]));
      // each unit's own total beside its rank (a resubmission printed another's total)
      for (const r of got) expect(r.total).toBe(entries(false)[Number(r.id.slice(-1))]!.result.total);

      const gap = await vndi(['gap', file, ...fw, '--unit', '0101234560', '--format', 'json']);
      expect(gap.code).toBe(1);
      expect(json(gap.out).currentLevel).toBe(dbiResult(0).level);

      const summary = await vndi(['summary', file, ...fw, '--group-by', 'Huyện', '--format', 'json']);
      expect(summary.code).toBe(1);
      const { provenance: _, ...figures } = json(summary.out);
      expect(figures).toEqual(JSON.parse(JSON.stringify(summarize(entries(false), { groupBy: 'district' }))));
      expect(figures.overall.count).toBe(6);
    });

    it(`${form}: --duplicates last counts the resubmission, --duplicates first the first; the other set aside with its line, exit 0`, async () => {
      const file = await write(`dup2-${form}`, rows(), form);
      const last = await vndi(['summary', file, ...fw, '--group-by', 'Huyện', '--format', 'json', '--duplicates', 'last']);
      expect(last.code).toBe(0);
      expect(last.err).toMatch(/line 2 \(0101234560\): set aside, not scored: an earlier submission of the unit on line 8, which counts/);
      expect(last.tally).toEqual({ read: 7, scored: 6, rejected: 0, blank: 0, setAside: 1 });
      const { provenance: _, ...figures } = json(last.out);
      expect(figures).toEqual(JSON.parse(JSON.stringify(summarize(entries(true), { groupBy: 'district' }))));
      const ranked = await vndi(['rank', file, ...fw, '--format', 'json', '--duplicates', 'last']);
      expect(json(ranked.out).rows.find((r: { id: string }) => r.id === '0101234560').total).toBe(dbiResult(9).total);
      const gap = await vndi(['gap', file, ...fw, '--unit', '0101234560', '--format', 'json', '--duplicates', 'last']);
      expect(gap.code).toBe(0);
      expect(json(gap.out).currentLevel).toBe(dbiResult(9).level);
      const score = await vndi(['score', file, ...fw, '--format', 'csv', '--duplicates', 'last']);
      expect(score.out.split('\n').filter((l) => l.startsWith('0101234560,'))).toHaveLength(1);
      expect(score.out).toMatch(new RegExp(`^0101234560,Doanh nghiệp 9,Buôn Hồ,nhỏ,dbi-2021-sme,${dbiResult(9).total},`, 'm'));
      const first = await vndi(['score', file, ...fw, '--format', 'json', '--duplicates', 'first']);
      expect(first.code).toBe(0);
      expect(first.err).toMatch(/line 8 \(0101234560\): set aside, not scored: a resubmission of the unit on line 2, which counts/);
      expect(json(first.out).rows[0].result.total).toBe(dbiResult(0).total);
      expect(first.tally).toEqual({ read: 7, scored: 6, rejected: 0, blank: 0, setAside: 1 });
    });
  }

  it('a province entered twice, by its code or by two spellings of its name (NFC and NFD, Hòa Bình and Hoà Bình): one unit', async () => {
    for (const form of FORMS) {
      const byName = await write(`prov-names-${form}`, [
        ['Tên tỉnh', ...INDICATORS],
        ['Hòa Bình', ...POINTS.a!],
        ['Đắk Lắk', ...POINTS.dakLak!],
        [nfd('Hoà Bình'), ...POINTS.b!],
        ['Quảng Ninh', ...POINTS.quangNinh!],
      ], form);
      const args = (cmd: string, ...more: string[]) => [cmd, byName, '--framework', 'dti-province-2022', '--format', 'json', ...more];
      const score = await vndi(args('score'));
      expect(score.code).toBe(1);
      expect(score.err).toMatch(/line 4 \(17\): id [^\n]*lines 2 and 4 are one unit/);
      expect(json(score.out).rows.map((r: { id: string; meta: { name: string } }) => [r.id, r.meta.name])).toEqual([['17', 'Hòa Bình'], ['66', 'Đắk Lắk'], ['22', 'Quảng Ninh']]);
      const ranked = await vndi(args('rank', '--duplicates', 'last'));
      expect(ranked.code).toBe(0);
      const rows = json(ranked.out).rows as { id: string; score: number }[];
      expect(rows.map((r) => r.id)).toEqual(['22', '17', '66']);
      expect(rows[1]!.score).toBe(dti(POINTS.b!).value);
      expect(ranked.tally).toEqual({ read: 4, scored: 3, rejected: 0, blank: 0, setAside: 1 });
      // --unit by any spelling of the name, or by the code
      const gap = await vndi(args('gap', '--unit', 'Hoa Binh', '--target', 'rank:1'));
      expect(gap.code).toBe(1);
      expect(json(gap.out).current.value).toBe(dti(POINTS.a!).value);
    }
    const byCode = await write('prov-codes', [['Mã tỉnh', 'Tên tỉnh', ...INDICATORS], ['17', 'Hòa Bình', ...POINTS.a!], ['1', 'Hà Nội', ...POINTS.b!], ['01', 'Hà Nội', ...POINTS.quangNinh!]], 'csv');
    const r = await vndi(['rank', byCode, '--framework', 'dti-province-2022', '--format', 'json']);
    expect(r.err).toMatch(/line 4 \(01\): id \(Mã tỉnh\): [^\n]*lines 3 and 4 are one unit/);
    expect(json(r.out).rows).toHaveLength(2);
  });

  it('rank --previous: a unit twice in the earlier year\'s file is an error naming its line, unless --duplicates keeps one', async () => {
    const now = await write('prev-now', [['Mã tỉnh', 'Tên tỉnh', ...INDICATORS], ['66', 'Đắk Lắk', ...POINTS.dakLak!], ['22', 'Quảng Ninh', ...POINTS.quangNinh!]], 'csv');
    const before = await write('prev-before', [['Mã tỉnh', 'Tên tỉnh', ...INDICATORS], ['66', 'Đắk Lắk', ...POINTS.a!], ['22', 'Quảng Ninh', ...POINTS.b!], ['66', 'Đắk Lắk', ...POINTS.quangNinh!]], 'csv');
    // read before anything is written: one message, no output
    const r = await runCli(['rank', now, '--framework', 'dti-province-2022', '--previous', before, '--format', 'json']);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/prev-before\.csv: dòng 4: [^\n]* \/ [^\n]*prev-before\.csv: line 4: unit "66" \(Đắk Lắk\) is already on line 2/);
    const last = await vndi(['rank', now, '--framework', 'dti-province-2022', '--previous', before, '--format', 'csv', '--duplicates', 'last']);
    expect(last.code).toBe(0);
    // Đắk Lắk ranked 1st the year before on its last submission (Quảng Ninh's figures), 2nd now
    expect(last.out).toContain('\n2,66,Đắk Lắk,0.3985,down 1\n');
    const first = await vndi(['rank', now, '--framework', 'dti-province-2022', '--previous', before, '--format', 'csv', '--duplicates', 'first']);
    // an unchanged rank is "=" as it is: a sign alone is not neutralised
    expect(first.out).toContain('\n2,66,Đắk Lắk,0.3985,=\n');
  });

  it('--duplicates takes error, first or last (anything else is a usage error)', async () => {
    const file = await write('dup-usage', rows(), 'csv');
    const r = await runCli(['score', file, '--framework', 'dbi-2021-sme', '--duplicates', 'newest']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--duplicates must be first, last or error, got "newest"/);
  });
});

describe('totals and average rows are set aside with their line, in data files and --registered files', () => {
  const fw = ['--framework', 'dbi-2021-sme'];
  const data = (): Cell[][] => [
    ['BÁO CÁO ĐÁNH GIÁ DBI 2024'],
    DBI_HEADER,
    enterprise(1, 0, 'DN0', 'Buôn Hồ'),
    enterprise(2, 1, 'DN1', 'Buôn Hồ'),
    [null, null, 'Cộng huyện Buôn Hồ', 'Buôn Hồ', null, ...ORDER.map((_, c) => answersOf(0)[c]! + answersOf(1)[c]!)],
    enterprise(3, 2, 'DN2', 'Ea Kar'),
    ['Tổng cộng', null, null, null, null, ...ORDER.map(() => 9)],
    ['Trung bình', null, null, null, null, ...ORDER.map(() => 2.5)],
  ];
  const registered = (): Cell[][] => [['STT', 'Huyện', 'Số DN đăng ký'], [1, 'Buôn Hồ', 4], [2, 'Ea Kar', 3], [null, 'Tổng cộng', 7]];

  for (const form of FORMS) {
    it(`${form}: score, rank, gap and summary leave the totals rows out, each named by its line`, async () => {
      const file = await write(`totals-${form}`, data(), form);
      const reg = await write(`totals-reg-${form}`, registered(), form);
      const named = (err: string) => {
        expect(err).toMatch(/line 5: set aside, not scored: a totals or average row \("Cộng huyện Buôn Hồ"\)/);
        expect(err).toMatch(/line 7: set aside, not scored: a totals or average row \("Tổng cộng"\)/);
        expect(err).toMatch(/line 8: set aside, not scored: a totals or average row \("Trung bình"\)/);
      };
      const score = await vndi(['score', file, ...fw, '--format', 'json']);
      expect(score.code).toBe(0);
      named(score.err);
      expect(json(score.out).rows.map((r: { id: string }) => r.id)).toEqual(['DN0', 'DN1', 'DN2']);
      expect(score.tally).toEqual({ read: 6, scored: 3, rejected: 0, blank: 0, setAside: 3 });
      const ranked = await vndi(['rank', file, ...fw, '--format', 'json']);
      named(ranked.err);
      expect(json(ranked.out).rows.map((r: { id: string }) => r.id).sort()).toEqual(['DN0', 'DN1', 'DN2']);
      const gap = await vndi(['gap', file, ...fw, '--unit', 'DN2', '--format', 'json']);
      expect(gap.code).toBe(0);
      named(gap.err);
      const summary = await vndi(['summary', file, ...fw, '--group-by', 'Huyện', '--registered', reg, '--target', '0,5', '--format', 'json']);
      expect(summary.code).toBe(0);
      named(summary.err);
      expect(summary.err).toMatch(/--registered: line 4 is a totals or average row \("Tổng cộng"\), not a group: set aside, not counted/);
      const s = json(summary.out);
      // 3 of 7 registered: 42,86 %, and the target 50 % is 4, one short (a totals row counted doubled the registered)
      expect(s.overall.count).toBe(3);
      expect(s.overall.coverage).toMatchObject({ assessed: 3, registered: 7, share: 0.4286, shortfall: 1 });
      expect(s.groups.map((g: { key: string; count: number; coverage: { share: number; shortfall: number } }) => [g.key, g.count, g.coverage.share, g.coverage.shortfall])).toEqual([['Buôn Hồ', 2, 0.5, 0], ['Ea Kar', 1, 0.3333, 1]]);
    });
  }

  it('a provinces table with an average row: ranked and planned among the real provinces only', async () => {
    const file = await write('dti-average', [
      ['Mã tỉnh', 'Tên tỉnh', ...INDICATORS],
      ['66', 'Đắk Lắk', ...POINTS.dakLak!],
      ['22', 'Quảng Ninh', ...POINTS.quangNinh!],
      [null, 'TRUNG BÌNH CẢ NƯỚC', ...POINTS.a!],
    ], 'excel');
    const ranked = await vndi(['rank', file, '--framework', 'dti-province-2022', '--format', 'json']);
    expect(ranked.code).toBe(0);
    expect(json(ranked.out).rows.map((r: { id: string }) => r.id)).toEqual(['22', '66']);
    expect(ranked.tally).toEqual({ read: 3, scored: 2, rejected: 0, blank: 0, setAside: 1 });
    const gap = await vndi(['gap', file, '--framework', 'dti-province-2022', '--unit', '66', '--target', 'value:0,5', '--format', 'json']);
    // the national average and leader among the two provinces, not the average row
    const peers = [{ id: '66', result: dti(POINTS.dakLak!), region: 'centralHighlands' }, { id: '22', result: dti(POINTS.quangNinh!), region: 'redRiverDelta' }];
    expect(json(gap.out).benchmarks).toEqual(JSON.parse(JSON.stringify(dtiGap(peers[0]!.result, { value: '0.5' }, { peers, id: '66' }).benchmarks)));
  });

  it('an enterprise whose name begins like a label ("Tổng công ty …", "Công ty Trung Bình") is a unit, not a totals row', async () => {
    const file = await write('not-totals', [DBI_HEADER, enterprise(1, 0, 'DN0', 'Lắk'), [2, 'DN1', 'Tổng công ty Cà phê', 'Lắk', 'lớn', ...answersOf(1)], [3, 'DN2', 'Công ty Trung Bình', 'Lắk', 'nhỏ', ...answersOf(2)]], 'csv');
    const r = await vndi(['score', file, ...fw, '--format', 'json']);
    expect(r.tally).toEqual({ read: 3, scored: 3, rejected: 0, blank: 0, setAside: 0 });
  });
});

describe('group keys that differ invisibly are one group, written in NFC, listed once in a notice', () => {
  const fw = ['--framework', 'dbi-2021-sme'];
  // "Krông Pắc" as NFC, NFD, with a non-breaking space and with two spaces
  const spellings = ['Krông Pắc', nfd('Krông Pắc'), 'Krông\u00a0Pắc', 'Krông  Pắc '];
  const data = (): Cell[][] => [DBI_HEADER, ...Array.from({ length: 8 }, (_, k) => enterprise(k + 1, k, `DN${k}`, k < 2 ? 'Lắk' : spellings[k % 4]!))];

  for (const form of FORMS) {
    it(`${form}: summary, score, rank and gap`, async () => {
      const file = await write(`keys-${form}`, data(), form);
      const reg = await write(`keys-reg-${form}`, [['Huyện', 'Số DN đăng ký'], ['Lắk', 4], [nfd('Krông Pắc'), 12]], form);
      const summary = await vndi(['summary', file, ...fw, '--group-by', 'Huyện', '--registered', reg, '--target', '0.5', '--format', 'json']);
      expect(summary.code).toBe(0);
      const s = json(summary.out);
      expect(s.groups.map((g: { key: string; count: number; coverage: { share: number } }) => [g.key, g.count, g.coverage.share])).toEqual([['Krông Pắc', 6, 0.5], ['Lắk', 2, 0.5]]);
      expect(isNfc(s.groups[0].key)).toBe(true);
      const notice = summary.err.split('\n').filter((l) => l.includes('Merged spellings'));
      expect(notice).toHaveLength(1);
      // the NBSP, two-space and NFD spellings, on lines 4, 5, 7, 8 and 9
      expect(notice[0]).toMatch(/Huyện "Krông Pắc" \(lines 4, 5, 7, 8, 9\)/);
      const entries = Array.from({ length: 8 }, (_, k) => ({ district: k < 2 ? 'Lắk' : 'Krông Pắc', result: dbiResult(k) }));
      const { provenance: _, ...figures } = s;
      expect(figures).toEqual(JSON.parse(JSON.stringify(summarize(entries, { groupBy: 'district', registered: { 'Lắk': 4, 'Krông Pắc': 12 }, target: 0.5 }))));

      const score = await vndi(['score', file, ...fw, '--format', 'csv']);
      const districts = score.out.split('\n\n')[0]!.split('\n').slice(1).map((l) => l.split(',')[2]);
      expect(new Set(districts)).toEqual(new Set(['Lắk', 'Krông Pắc']));
      const ranked = await vndi(['rank', file, ...fw, '--format', 'json']);
      expect(json(ranked.out).rows).toHaveLength(8);
      const gap = await vndi(['gap', file, ...fw, '--unit', 'DN3', '--format', 'json']);
      expect(gap.code).toBe(0);
    });
  }

  it('rank --group-by and gap: a region written two ways is one region (its ranks and its regional leader)', async () => {
    const file = await write('regions', [
      ['Mã tỉnh', 'Tên tỉnh', 'Vùng', ...INDICATORS],
      ['66', 'Đắk Lắk', 'Tây Nguyên', ...POINTS.dakLak!],
      ['62', 'Kon Tum', nfd('Tây Nguyên'), ...POINTS.b!],
      ['64', 'Gia Lai', 'Tây\u00a0Nguyên', ...POINTS.a!],
      ['22', 'Quảng Ninh', 'Đồng bằng sông Hồng', ...POINTS.quangNinh!],
    ], 'xlsx');
    const ranked = await vndi(['rank', file, '--framework', 'dti-province-2022', '--group-by', 'Vùng', '--format', 'json']);
    const rows = json(ranked.out).rows as { id: string; group: string; rankInGroup: number; ofInGroup: number }[];
    expect(rows.filter((r) => r.group === 'Tây Nguyên').map((r) => [r.id, r.rankInGroup, r.ofInGroup])).toEqual([['62', 1, 3], ['64', 2, 3], ['66', 3, 3]]);
    expect(rows.every((r) => isNfc(r.group))).toBe(true);
    const gap = await vndi(['gap', file, '--framework', 'dti-province-2022', '--unit', '66', '--target', 'rank:1', '--format', 'json']);
    const b = json(gap.out).benchmarks.find((x: { id: string }) => x.id === 'digitalGovernment');
    // Kon Tum (150 points) leads the region however its region is spelt
    expect(b.gapToRegionalLeader).toBe(Number(((150 - 78.47) / 200).toFixed(4)));
  });
});

describe('every district of the registered file appears, also with none assessed', () => {
  for (const form of FORMS) {
    it(`${form}: coverage 0 % and the full shortfall; no mean where nothing is assessed`, async () => {
      const file = await write(`zero-${form}`, [DBI_HEADER, enterprise(1, 0, 'DN0', 'Buôn Hồ'), enterprise(2, 1, 'DN1', 'Buôn Hồ')], form);
      const reg = await write(`zero-reg-${form}`, [['Huyện', 'Số DN đăng ký'], ['Buôn Hồ', 4], ["Ea H'leo", 79], ['Cư Kuin', 1]], form);
      const r = await vndi(['summary', file, '--framework', 'dbi-2021-sme', '--group-by', 'Huyện', '--registered', reg, '--target', '0,5', '--format', 'json']);
      expect(r.code).toBe(0);
      const groups = json(r.out).groups as { key: string; count: number; coverage: Record<string, unknown>; total: { count: number } }[];
      expect(groups.map((g) => [g.key, g.count, g.coverage.share, g.coverage.shortfall])).toEqual([['Buôn Hồ', 2, 0.5, 0], ['Cư Kuin', 0, 0, 1], ["Ea H'leo", 0, 0, 40]]);
      expect(groups[2]!.total.count).toBe(0);
      expect(json(r.out).overall.coverage).toMatchObject({ assessed: 2, registered: 84, shortfall: 40 });
      const table = await vndi(['summary', file, '--framework', 'dbi-2021-sme', '--group-by', 'Huyện', '--registered', reg, '--target', '0,5', '--format', 'csv', '--excel']);
      expect(table.out).toContain("\r\nEa H'leo;0;0;0;0;0;0;0;;;;;79;0,00;40\r\n");
    });
  }

  it('--registered belongs to summary: with score, rank or gap it is a usage error, not silently ignored', async () => {
    const file = await write('zero-usage', [DBI_HEADER, enterprise(1, 0, 'DN0', 'Buôn Hồ')], 'csv');
    for (const cmd of ['score', 'rank', 'gap']) {
      const r = await runCli([cmd, file, '--framework', 'dbi-2021-sme', '--registered', file, '--unit', 'DN0']);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(new RegExp(`--registered is for summary \\(coverage by group\\), not for ${cmd}`));
    }
  });
});

describe('layouts that gave 0 rows: scored, or one message that says why', () => {
  const expectDakLakAndQuangNinh = (out: string) => {
    const rows = json(out).rows as { id: string; result: { total: number; value: number } }[];
    expect(rows.map((r) => [r.id, r.result.total, r.result.value])).toEqual([['66', 398.49, 0.3985], ['22', 702.45, 0.7024]]);
  };

  for (const form of FORMS) {
    it(`${form}: two header rows (group labels above the indicators; id and name merged down)`, async () => {
      const rows: Cell[][] = [
        ['BẢNG TỔNG HỢP ĐIỂM DTI NĂM 2022'],
        ['Mã tỉnh', 'Tên tỉnh', 'Chỉ số nền tảng', null, null, null, null, 'Chỉ số hoạt động', null, null],
        [null, null, ...INDICATORS],
        ['66', 'Đắk Lắk', ...POINTS.dakLak!],
        ['22', 'Quảng Ninh', ...POINTS.quangNinh!],
      ];
      const file = await write(`two-rows-${form}`, rows, form);
      const r = await vndi(['score', file, '--framework', 'dti-province-2022', '--format', 'json']);
      expect(r.code).toBe(0);
      expect(r.err).toMatch(/The header spans two rows \(2–3\), read as one/);
      expectDakLakAndQuangNinh(r.out);
      expect(r.tally).toEqual({ read: 2, scored: 2, rejected: 0, blank: 0, setAside: 0 });
    });

    it(`${form}: a web form's export (headers "1.1.1. Doanh nghiệp có …")`, async () => {
      const f = getFramework('dbi-2021-sme') as DbiFramework;
      const questions = f.pillars.flatMap((p) => p.components.flatMap((c) => c.criteria)).map((c) => `${c.id}. ${c.name.vi}`);
      const file = await write(`web-form-${form}`, [['Dấu thời gian', 'Địa chỉ email', 'Mã số thuế', 'Tên doanh nghiệp', ...questions], ['2024-05-02 10:31', 'a@dn.vn', '0101234560', 'Doanh nghiệp 0', ...answersOf(0)]], form);
      const r = await vndi(['score', file, '--framework', 'dbi-2021-sme', '--format', 'json']);
      expect(r.code).toBe(0);
      expect(json(r.out).rows[0].result.total).toBe(dbiResult(0).total);
    });

    it(`${form}: a province list by names only, no id column (found by findProvince)`, async () => {
      const file = await write(`names-${form}`, [['Tỉnh/Thành phố', ...INDICATORS.map((n, i) => `${i + 1}. ${n} (${i === 5 ? 200 : i > 5 ? 150 : 100} điểm)`)], ['Đắk Lắk', ...POINTS.dakLak!], ['Tỉnh Quảng Ninh', ...POINTS.quangNinh!], ['Tỉnh Không Có', ...POINTS.a!]], form);
      const r = await vndi(['score', file, '--framework', 'dti-province-2022', '--format', 'json']);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/provinces are identified by name/);
      expect(r.err).toMatch(/line 4: Tỉnh\/Thành phố: không nhận ra tỉnh\/thành "Tỉnh Không Có"[^\n]* \/ no province is named "Tỉnh Không Có"/);
      expectDakLakAndQuangNinh(r.out);
    });

    it(`${form}: no id column at all: one message in the officer's field names, at once`, async () => {
      const file = await write(`no-id-${form}`, [['Tên doanh nghiệp', 'Huyện', ...ORDER], ...Array.from({ length: 50 }, (_, k) => [`DN ${k}`, 'Lắk', ...answersOf(k)])], form);
      const r = await runCli(['score', file, '--framework', 'dbi-2021-sme']);
      expect(r.code).toBe(1);
      const lines = r.err.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/không có cột mã đơn vị \(Mã tỉnh, Mã DN, Mã số thuế, MST, Mã đơn vị, Mã …\); dòng tiêu đề 1[^\n]* có: Tên doanh nghiệp, Huyện, 1\.1\.1/);
    });

    it(`${form}: a file where no row scores ends with ONE message: header row, columns expected and found`, async () => {
      // the criteria under another numbering: every one of 40 rows misses the 60 columns
      const file = await write(`no-row-${form}`, [['Danh sách đánh giá'], ['Mã DN', 'Tên DN', ...ORDER.map((_, c) => `Câu ${c + 1}`)], ...Array.from({ length: 40 }, (_, k) => [`DN${k}`, `DN ${k}`, ...answersOf(k)])], form);
      const errors = join(dir, `no-row-${form}-errors.csv`);
      const r = await vndi(['score', file, '--framework', 'dbi-2021-sme', '--format', 'json', '--errors', errors]);
      expect(r.code).toBe(1);
      const messages = r.err.split('\n').filter((l) => l !== '' && !/Columns not used for scoring|^vndi: (đã đọc|đã ghi)/.test(l));
      expect(messages).toHaveLength(1);
      expect(messages[0]).toMatch(/no row was scored \(40 rejected\)\. Read (sheet "Sheet1", )?header row 2 \(Mã DN, Tên DN, Câu 1, .* Câu 10, … \(\+50\)\)\. Framework dbi-2021-sme expects 60 score columns; the file has 0; missing: 1\.1\.1, 1\.1\.2/);
      expect(messages[0]).toContain(`Each row's problems: see ${errors}`);
      expect(r.tally).toEqual({ read: 40, scored: 0, rejected: 40, blank: 0, setAside: 0 });
      // --errors has every problem of every row: 60 missing values each
      expect(readFileSync(errors, 'utf8').trim().split('\r\n')).toHaveLength(1 + 40 * 60);
    });
  }

  it('a row with many problems is one line on stderr; --errors lists every one (past 50)', async () => {
    const file = await write('many-problems', [['Mã DN', ...ORDER], ['DN1', ...ORDER.map(() => 9)], ['DN2', ...answersOf(2)]], 'csv');
    const errors = join(dir, 'many-problems-errors.csv');
    const r = await vndi(['score', file, '--framework', 'dbi-2021-sme', '--format', 'json', '--errors', errors]);
    expect(r.code).toBe(1);
    const lines = r.err.split('\n').filter((l) => l.startsWith('line 2'));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/answers\.1\.1\.1: [^\n]*outside the allowed range \[0, 5\] — và 58 trường khác cùng lỗi \/ and 58 more fields with the same problem: answers\.1\.1\.2, /);
    const records = readFileSync(errors, 'utf8').trim().split('\r\n');
    expect(records).toHaveLength(61);
    expect(records.some((l) => l.includes('too_many') || /more issues not listed/.test(l))).toBe(false);
  });
});

describe('leading zeros survive in every output', () => {
  const rows = (): Cell[][] => [DBI_HEADER, enterprise(1, 0, '0101234567', '02'), enterprise(2, 1, '0301234567', '02')];

  it('JSON, plain CSV, Markdown and .xlsx keep "0101234567" and "02" as text', async () => {
    const file = await write('zeros', rows(), 'xlsx');
    const fw = ['--framework', 'dbi-2021-sme'];
    expect(json((await vndi(['score', file, ...fw, '--format', 'json'])).out).rows.map((r: { id: string; meta: { district: string } }) => [r.id, r.meta.district])).toEqual([['0101234567', '02'], ['0301234567', '02']]);
    expect((await vndi(['score', file, ...fw, '--format', 'csv'])).out).toMatch(/^0101234567,Doanh nghiệp 0,02,nhỏ,/m);
    expect((await vndi(['score', file, ...fw, '--format', 'md'])).out).toMatch(/^\| 0101234567 \| Doanh nghiệp 0 \| 02 \|/m);
    const out = join(dir, 'zeros-out.xlsx');
    await vndi(['score', file, ...fw, '--out', out]);
    const data = (await readXlsxFile(readFileSync(out)))[0]!.data;
    expect(data[1]!.slice(0, 3)).toEqual(['0101234567', 'Doanh nghiệp 0', '02']);
    const summary = await vndi(['summary', file, ...fw, '--group-by', 'Huyện', '--format', 'json']);
    expect(json(summary.out).groups[0].key).toBe('02');
  });

  it('an id written ="0101234567" (a spreadsheet\'s way of keeping the zero in CSV) is read as 0101234567', async () => {
    const file = join(dir, 'zeros-formula.csv');
    writeFileSync(file, `\uFEFF${['Mã số thuế', 'Huyện', ...ORDER].join(';')}\r\n${['="0101234567"', '="02"', ...answersOf(0)].join(';')}\r\n`);
    const r = await vndi(['score', file, '--framework', 'dbi-2021-sme', '--format', 'json']);
    expect(json(r.out).rows.map((x: { id: string; meta: { district: string } }) => [x.id, x.meta.district])).toEqual([['0101234567', '02']]);
  });

  it('--excel CSV: opened by LibreOffice (headless, vi-VN), the ids are text with their zeros; formulas of the file stay neutralised', async () => {
    const file = await write('zeros-excel', [...rows(), enterprise(3, 2, '=HYPERLINK("http://x","y")', '02')], 'csv');
    const out = join(dir, 'zeros-excel-out.csv');
    const r = await vndi(['score', file, '--framework', 'dbi-2021-sme', '--out', out, '--excel']);
    expect(r.code).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text).toContain('\r\n"=""0101234567""";Doanh nghiệp 0;"=""02""";nhỏ;');
    expect(text).toContain('\r\n"\'=HYPERLINK(""http://x"",""y"")";');
    const converted = mkdtempSync(join(tmpdir(), 'vndi-soffice-'));
    execFileSync('soffice', [`-env:UserInstallation=file://${converted}/profile`, '--headless', '--convert-to', 'xlsx', '--infilter=CSV:59,34,76,1,,1066', '--outdir', converted, out], { stdio: 'ignore', timeout: 120_000 });
    const xlsx = readdirSync(converted).find((f) => f.endsWith('.xlsx'))!;
    const data = (await readXlsxFile(readFileSync(join(converted, xlsx))))[0]!.data;
    expect(data[1]!.slice(0, 3)).toEqual(['0101234567', 'Doanh nghiệp 0', '02']);
    expect(data[2]![0]).toBe('0301234567');
    // the file's own formula is text, not a link
    expect(data[3]![0]).toBe('\'=HYPERLINK("http://x","y")');
    // decimal commas read back as numbers in the Vietnamese locale
    expect(data[1]![7]).toBe(dbiResult(0).percent);
  }, 180_000);
});

describe("the officer's own columns come back in every score output", () => {
  const header: Cell[] = ['STT', 'Mã số thuế', 'Tên doanh nghiệp', 'Huyện', 'Ngành', 'Quy mô', 'Người nhập', ...ORDER];
  const rows = (): Cell[][] => [header, [1, 'DN0', 'Doanh nghiệp 0', 'Buôn Hồ', 'Nông nghiệp', 'nhỏ', 'Lan', ...answersOf(0)], [2, 'DN1', 'Doanh nghiệp 1', 'Lắk', 'Thương mại', 'vừa', 'Minh', ...answersOf(1)]];

  for (const form of FORMS) {
    it(`${form} in; CSV, Excel CSV and .xlsx out: district, sector, size and any other column beside the figures`, async () => {
      const file = await write(`own-${form}`, rows(), form);
      const args = ['score', file, '--framework', 'dbi-2021-sme'];
      const csv = await vndi([...args, '--format', 'csv']);
      const lines = csv.out.split('\n');
      expect(lines[0]).toMatch(/^id,name,district,sector,size,Người nhập,framework,total,/);
      expect(lines[1]).toMatch(new RegExp(`^DN0,Doanh nghiệp 0,Buôn Hồ,Nông nghiệp,nhỏ,Lan,dbi-2021-sme,${dbiResult(0).total},`));
      const excel = await vndi([...args, '--format', 'csv', '--excel']);
      expect(excel.out.split('\r\n')[0]).toMatch(/^\uFEFFMã;Tên;Huyện;Ngành;Quy mô;Người nhập;Bộ chỉ số;Tổng điểm;/);
      expect(excel.out).toContain('\r\nDN1;Doanh nghiệp 1;Lắk;Thương mại;vừa;Minh;dbi-2021-sme;');
      const out = join(dir, `own-${form}-out.xlsx`);
      await vndi([...args, '--out', out, '--lang', 'en']);
      const data = (await readXlsxFile(readFileSync(out)))[0]!.data;
      expect(data[0]!.slice(0, 7)).toEqual(['ID', 'Name', 'District', 'Sector', 'Size', 'Người nhập', 'Framework']);
      expect(data[2]!.slice(0, 8)).toEqual(['DN1', 'Doanh nghiệp 1', 'Lắk', 'Thương mại', 'vừa', 'Minh', 'dbi-2021-sme', dbiResult(1).total]);
    });
  }

  it('plain CSV writes level and region names in its language: English words by default, Vietnamese with --lang vi', async () => {
    const file = await write('own-lang', [['Mã tỉnh', 'Tên tỉnh', 'region', ...INDICATORS], ['66', 'Đắk Lắk', 'centralHighlands', ...POINTS.dakLak!]], 'csv');
    const plain = await vndi(['score', file, '--framework', 'dti-province-2022', '--format', 'csv']);
    expect(plain.out).toMatch(/^66,Đắk Lắk,Central Highlands,dti-province-2022,398\.49,/m);
    const vi = await vndi(['score', file, '--framework', 'dti-province-2022', '--format', 'csv', '--lang', 'vi']);
    expect(vi.out).toMatch(/^66;Đắk Lắk;Tây Nguyên;dti-province-2022;398,49;/m);
    const dbiFile = await write('own-lang-dbi', [DBI_HEADER, enterprise(1, 0, 'DN0', 'Lắk')], 'csv');
    const level = dbiResult(0).levelName!;
    expect((await vndi(['score', dbiFile, '--framework', 'dbi-2021-sme', '--format', 'csv'])).out).toContain(`,${dbiResult(0).level},${level.en},`);
    expect((await vndi(['score', dbiFile, '--framework', 'dbi-2021-sme', '--format', 'csv', '--lang', 'vi'])).out).toContain(`;${dbiResult(0).level};${level.vi};`);
  });
});

describe('decimal commas wherever numbers are read', () => {
  it('gap --target value:0,6 and points:500,5 equal value:0.6 and points:500.5; summary --target 0,5', async () => {
    const file = await write('commas', [['Mã tỉnh', 'Tên tỉnh', ...INDICATORS], ['66', 'Đắk Lắk', ...POINTS.dakLak!], ['22', 'Quảng Ninh', ...POINTS.quangNinh!]], 'excel');
    for (const [comma, point] of [['value:0,6', 'value:0.6'], ['points:500,5', 'points:500.5']]) {
      const a = await vndi(['gap', file, '--framework', 'dti-province-2022', '--unit', '66', '--target', comma!, '--format', 'json']);
      const b = await vndi(['gap', file, '--framework', 'dti-province-2022', '--unit', '66', '--target', point!, '--format', 'json']);
      expect(a.code).toBe(0);
      expect(a.out).toBe(b.out);
    }
  });
});

describe('one cohort summary: vndi summary gives exactly what summarize gives, on every framework', () => {
  const raw = (name: string) => JSON.parse(readFileSync(join(__dirname, '..', 'frameworks', `${name}.json`), 'utf8')) as Record<string, unknown>;
  let seed = 7;
  const rand = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const pickOne = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

  /** A valid answer of a criterion, "n/a" often where allowed. */
  function answer(c: DbiCriterion): unknown {
    if (c.notApplicable && rand() < 0.3) return 'n/a';
    const a = c.answer;
    if (!a) {
      const s = c.scale!;
      return s.kind === 'steps' ? pickOne(s.values) : Number((s.min + rand() * (s.max - s.min)).toFixed(s.decimals));
    }
    if (a.kind === 'single') return pickOne(a.options).id;
    if (a.kind === 'multiple') return a.options.filter((o) => !o.exclusive && rand() < 0.5).map((o) => o.id);
    return Number((a.min + rand() * (a.max - a.min)).toFixed(a.decimals));
  }
  function assessment(f: DbiFramework): { sector?: string; answers: Record<string, unknown> } {
    if (f.inputLevel === 'pillar') return { answers: Object.fromEntries(f.pillars.map((p) => [p.id, Math.round(rand() * p.max! * 100) / 100])) };
    const sector = f.sectors ? pickOne(f.sectors).id : undefined;
    const criteria = f.pillars.flatMap((p) => {
      const part = p.sectorSpecific ? f.sectors!.find((s) => s.id === sector) : p;
      return part ? [...(part.criteria ?? []), ...part.components.flatMap((c) => c.criteria)] : [];
    });
    return { ...(sector ? { sector } : {}), answers: Object.fromEntries(criteria.map((c) => [c.id, answer(c)])) };
  }
  const DISTRICTS = ['Buôn Hồ', 'Krông Pắc', 'Lắk', 'Ea Kar', "Cư M'gar"];

  // the province's copy with its maxima, under an id of its own: a file may not take a bundled framework's id for other content (#18)
  const supplied = overrideDbiPillarMaxima('dbi-2023-sme-readiness', Object.fromEntries((getFramework('dbi-2023-sme-readiness') as DbiFramework).pillars.map((p, i) => [p.id, 10 + 5 * i])));
  const readiness = defineDbiFramework({ ...supplied, id: 'dbi-2023-sme-readiness-tinh' });
  const cases: [string, DbiFramework, string | undefined][] = [
    ...['dbi-2021-sme', 'dbi-2021-large', 'dbi-2021-group', 'dbi-2023-large', 'dbi-2025-large'].map((id) => [id, getFramework(id) as DbiFramework, undefined] as [string, DbiFramework, undefined]),
    ['dbi-2023-sme-readiness (maxima supplied)', readiness, 'readiness'],
    // every DBI test framework of the file format: weights, "n/a", questions, sectors, level caps
    ...readdirSync(join(__dirname, '..', 'frameworks')).filter((n) => n.startsWith('dbi-') && n.endsWith('.json')).map((n) => n.slice(0, -5)).map((name) => [name, defineDbiFramework(raw(name)), name] as [string, DbiFramework, string]),
  ];

  for (const [label, f, file] of cases) {
    it(`${label}: the file through vndi summary (CSV and NDJSON) equals summarize, by district, with coverage`, async () => {
      const n = 240;
      const inputs = Array.from({ length: n }, (_, k) => ({ id: `DN${k}`, district: DISTRICTS[k % 5]!, ...assessment(f) }));
      const entries = inputs.map((e) => ({ district: e.district, result: scoreDbi(f, (e.sector ? { sector: e.sector, answers: e.answers } : { answers: e.answers }) as never) }));
      const registered = Object.fromEntries([...DISTRICTS.map((d, i) => [d, 60 + i]), ['Ea Súp', 30]]);
      const regPath = join(dir, `diff-reg-${label.replace(/\W/g, '')}.json`);
      writeFileSync(regPath, JSON.stringify({ registered }));
      const which = file === undefined ? ['--framework', f.id] : ['--framework-file', file === 'readiness' ? frameworkFile(f) : join(__dirname, '..', 'frameworks', `${file}.json`)];
      const expected = JSON.parse(JSON.stringify(summarize(entries, { groupBy: 'district', registered, target: 0.5 })));
      const ndjson = join(dir, `diff-${label.replace(/\W/g, '')}.ndjson`);
      writeFileSync(ndjson, inputs.map((e) => JSON.stringify({ id: e.id, district: e.district, ...(e.sector ? { sector: e.sector } : {}), answers: e.answers })).join('\n') + '\n');
      const sources = [ndjson];
      if (!beyondCsv(f)) {
        const ids = f.inputLevel === 'pillar' ? f.pillars.map((p) => p.id) : criterionOrder(f);
        sources.push(await write(`diff-${label.replace(/\W/g, '')}`, [['Mã DN', 'Huyện', ...ids], ...inputs.map((e) => [e.id, e.district, ...ids.map((id) => e.answers[id] as number)])], 'csv'));
      }
      for (const source of sources) {
        const r = await vndi(['summary', source, ...which, '--group-by', 'district', '--registered', regPath, '--target', '0.5', '--format', 'json']);
        expect(r.code, r.err).toBe(0);
        const { provenance: _, ...figures } = json(r.out);
        expect(figures).toEqual(expected);
        expect(r.tally).toEqual({ read: n, scored: n, rejected: 0, blank: 0, setAside: 0 });
      }
      // the district registered with none assessed is there, at 0 %
      expect(expected.groups.find((g: { key: string }) => g.key === 'Ea Súp')).toMatchObject({ count: 0, coverage: { share: 0, shortfall: 15 } });
    });
  }

  it('sector frameworks (a sector per enterprise): the streaming accumulator fed row by row equals summarize', () => {
    for (const name of ['dbi-sectors', 'dbi-questionnaire-fictional', 'dbi-questionnaire-998']) {
      const f = defineDbiFramework(raw(name));
      const stream = new CohortStream({ groupBy: ['district'], registered: { 'Lắk': 90 }, target: 0.5 });
      const entries = Array.from({ length: 300 }, (_, k) => {
        const a = assessment(f);
        return { district: DISTRICTS[k % 5]!, result: scoreDbi(f, (a.sector ? { sector: a.sector, answers: a.answers } : { answers: a.answers }) as never) };
      });
      entries.forEach((e, k) => stream.add({ line: k + 2, id: `DN${k}`, meta: { district: e.district }, result: e.result }));
      expect(stream.finish()).toEqual(summarize(entries, { groupBy: 'district', registered: { 'Lắk': 90 }, target: 0.5 }));
    }
  });

  it('a weighted framework\'s mean percentage is the mean of the results\' percentages, not a plain sum of points', async () => {
    const f = defineDbiFramework(raw('dbi-weighted'));
    const a = scoreDbi(f, { answers: { '1.1.1': 3, '1.1.2': 5, '2.1.1': 2 } });
    const b = scoreDbi(f, { answers: { '1.1.1': 5, '1.1.2': 5, '2.1.1': 5 } });
    const ndjson = join(dir, 'weighted.ndjson');
    writeFileSync(ndjson, [{ id: 'A', answers: { '1.1.1': 3, '1.1.2': 5, '2.1.1': 2 } }, { id: 'B', answers: { '1.1.1': 5, '1.1.2': 5, '2.1.1': 5 } }].map((x) => JSON.stringify(x)).join('\n'));
    const r = await vndi(['summary', ndjson, '--framework-file', join(__dirname, '..', 'frameworks', 'dbi-weighted.json'), '--format', 'json']);
    expect(json(r.out).overall.meanPercent).toBe(Number(((a.percent + b.percent) / 2).toFixed(2)));
  });
});

/** Whether a framework's answers go beyond numbers in cells (the CSV path of this test). */
function beyondCsv(f: DbiFramework): boolean {
  return f.sectors !== undefined || f.pillars.some((p) => p.components.some((c) => c.criteria.some((k) => k.answer !== undefined || k.notApplicable === true)));
}

/** A framework object written as a framework file (for --framework-file). */
function frameworkFile(f: DbiFramework): string {
  const path = join(dir, `${f.id}-file.json`);
  writeFileSync(path, JSON.stringify(f));
  return path;
}
