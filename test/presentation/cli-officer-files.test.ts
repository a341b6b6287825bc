/**
 * The officer-files suite: files as provincial offices really have them, written by the tests into a
 * temporary folder and run through the command line. Each case checks the scored totals (Đắk Lắk
 * DTI 2021 on the 2022 framework: 398.49 / 0.3985; Quảng Ninh: 702.45 / 0.7024, as published) or
 * the rejected line, and that every row read is accounted for: scored + rejected + blank (+ set
 * aside: totals rows and resubmissions, which the office-file suite, cli-office-suite.test.ts, covers).
 */
import { chmodSync, linkSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import writeXlsxFile from 'write-excel-file/node';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/presentation/cli/main.js';
import { criterionOrder, scoreDbi, summarize, rank } from '../../src/index.js';
import { runCli } from '../helpers.js';

const run = runCli;

/** A JSON object output without its `provenance` (checked by the provenance tests). */
function withoutProvenance(out: string): unknown {
  const { provenance, ...rest } = JSON.parse(out) as { provenance: { frameworks: { id: string }[] } };
  expect(provenance.frameworks.length).toBeGreaterThan(0);
  return rest;
}

/** The run's closing line, parsed: read = scored + rejected + blank + set aside (none in these files). */
function tally(err: string): { read: number; scored: number; rejected: number; blank: number } {
  const m = /read ([\d,]+) rows?: ([\d,]+) scored, ([\d,]+) rejected, ([\d,]+) blank, ([\d,]+) set aside/.exec(err);
  if (!m) throw new Error(`no summary line in: ${err}`);
  const [read, scored, rejected, blank, setAside] = m.slice(1).map((x) => Number(x.replace(/,/g, '')));
  expect(setAside).toBe(0);
  expect(read).toBe(scored! + rejected! + blank! + setAside!);
  expect(err).toMatch(/đã đọc [\d.]+ dòng: [\d.]+ đã chấm, [\d.]+ bị từ chối, [\d.]+ trống, [\d.]+ để riêng/);
  return { read: read!, scored: scored!, rejected: rejected!, blank: blank! };
}

const INDICATORS = ['Nhận thức số', 'Thể chế số', 'Hạ tầng số', 'Nhân lực số', 'An toàn thông tin mạng', 'Hoạt động chính quyền số', 'Hoạt động kinh tế số', 'Hoạt động xã hội số'];
const DAK_LAK = ['74', '30', '41,6', '12,63', '54', '78,47', '61,62', '46,17'];
const QUANG_NINH = ['95,81', '90', '76,48', '62,5', '53,82', '167,7', '88,56', '67,575'];

/** Windows-1258 as legacy software writes it: letters the code page has, precomposed; tone marks combining. */
function cp1258(text: string): Buffer {
  const tones = /[\u0300\u0301\u0303\u0309\u0323]/;
  const split = [...text.normalize('NFC')].map((ch) => {
    const d = ch.normalize('NFD');
    const tone = d.match(tones)?.[0] ?? '';
    return d.replace(tones, '').normalize('NFC') + tone;
  });
  return iconv.encode(split.join(''), 'windows1258');
}

let dir: string;
const file = (name: string, content: string | Buffer) => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};
const dtiJson = async (path: string, extra: string[] = []) => {
  const r = await run(['score', path, '--framework', 'dti-province-2022', '--format', 'json', ...extra]);
  return { ...r, rows: r.out ? (JSON.parse(r.out).rows as { id: string; meta: Record<string, string>; result: { total: number; value: number } }[]) : [] };
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'vndi-officer-'));
});

describe('layouts', () => {
  it('a title row, a blank line, row numbers (STT) and a notes column (Ghi chú): found, set aside, every row scored', async () => {
    const csv = [
      'BẢNG ĐIỂM DTI 2022;;;;;;;;;;;',
      ';;;;;;;;;;;',
      ['STT', 'Mã tỉnh', 'Tên tỉnh', ...INDICATORS, 'Ghi chú'].join(';'),
      ['1', '66', 'Đắk Lắk', ...DAK_LAK, 'đã rà soát'].join(';'),
      ';;;;;;;;;;;',
      ['2', '22', 'Quảng Ninh', ...QUANG_NINH, ''].join(';'),
    ].join('\r\n');
    const r = await dtiJson(file('title.csv', '\uFEFF' + csv + '\r\n'));
    expect(r.code).toBe(0);
    expect(r.rows.map((x) => [x.id, x.meta.name, x.result.total, x.result.value])).toEqual([['66', 'Đắk Lắk', 398.49, 0.3985], ['22', 'Quảng Ninh', 702.45, 0.7024]]);
    expect(r.err.match(/Ignored columns STT, Ghi chú/g)).toHaveLength(1);
    expect(tally(r.err)).toEqual({ read: 3, scored: 2, rejected: 0, blank: 1 });
  });

  it('headers without diacritics, in capitals, with double spaces, and Tỉnh/Thành phố', async () => {
    const header = ['MA TINH', 'Tinh / Thanh pho', 'NHAN THUC SO', 'the  che so', 'Ha tang so', 'nhân lực số', 'AN TOAN THONG TIN MANG', 'Hoat dong chinh quyen so', 'Hoạt Động Kinh Tế Số', 'hoat dong xa hoi so'];
    const r = await dtiJson(file('plain.csv', [header.join(','), ['66', 'Đắk Lắk', ...DAK_LAK.map((v) => `"${v}"`)].join(',')].join('\n') + '\n'));
    expect(r.code).toBe(0);
    expect(r.rows[0]).toMatchObject({ id: '66', meta: { name: 'Đắk Lắk' }, result: { total: 398.49, value: 0.3985 } });
    expect(tally(r.err)).toEqual({ read: 1, scored: 1, rejected: 0, blank: 0 });
  });

  it('a comma file with one decimal comma left unquoted: that row rejected with its line, never scored shifted', async () => {
    const lines = [['id', 'name', ...INDICATORS].join(','), ['66', 'Đắk Lắk', '74', '30', '41.6', '12.63', '54', '78.47', '61.62', '46.17'].join(','), ['22', 'Quảng Ninh', '95.81', '90', '76,48', '62.5', '53.82', '167.7', '88.56', '67.575'].join(',')];
    const r = await dtiJson(file('shifted.csv', lines.join('\n') + '\n'));
    expect(r.code).toBe(1);
    expect(r.rows.map((x) => x.result.total)).toEqual([398.49]);
    expect(r.err).toMatch(/line 3 \(22\): \(row\): [^\n]+ \/ the row has 11 fields but the header has 10 columns/);
    expect(tally(r.err)).toEqual({ read: 2, scored: 1, rejected: 1, blank: 0 });
  });

  it('a column named twice (also as id and name of one indicator) is an error; a near miss gets "did you mean"', async () => {
    const dup = await dtiJson(file('dup.csv', ['id', 'name', ...INDICATORS, 'Nhận thức số'].join(';') + '\n66;x;' + DAK_LAK.join(';') + ';1\n'));
    expect(dup.code).toBe(1);
    expect(dup.err).toMatch(/two columns "Nhận thức số" and "Nhận thức số"/);
    const twin = await dtiJson(file('twin.csv', ['id', 'awareness', ...INDICATORS].join(';') + '\n66;74;' + DAK_LAK.join(';') + '\n'));
    expect(twin.code).toBe(1);
    expect(twin.err).toMatch(/two columns "awareness" and "Nhận thức số" are both input awareness/);
    const near = await dtiJson(file('near.csv', ['id', 'name', 'Nhận thức sô', 'The che s', ...INDICATORS.slice(2)].join(';') + '\n66;x;' + DAK_LAK.join(';') + '\n'));
    expect(near.code).toBe(1);
    expect(near.err).toMatch(/unknown column "The che s": did you mean "Thể chế số"\?/);
    expect(near.err.split('\n').filter(Boolean)).toHaveLength(1);
    // a name id and a pillar header as --columns
    const cols = file('map.json', JSON.stringify({ 'The che s': 'institutions', 'Mã số': 'id' }));
    const mapped = await dtiJson(file('mapped.csv', ['Mã số', 'name', 'Nhận thức sô', 'The che s', ...INDICATORS.slice(2)].join(';') + '\n66;x;' + DAK_LAK.join(';') + '\n'), ['--columns', cols]);
    expect(mapped.code).toBe(0);
    expect(mapped.rows[0]!.result.total).toBe(398.49);
  });

  it('--header-row names the header when the title rows look like headers', async () => {
    const csv = ['Mã;Tên', 'Bảng;DTI', ['id', 'name', ...INDICATORS].join(';'), ['66', 'Đắk Lắk', ...DAK_LAK].join(';')].join('\n') + '\n';
    const r = await dtiJson(file('hr.csv', csv), ['--header-row', '3']);
    expect(r.code).toBe(0);
    expect(r.rows[0]!.result.total).toBe(398.49);
    expect(tally(r.err).read).toBe(1);
    expect((await run(['score', join(dir, 'hr.csv'), '--header-row', 'x'])).code).toBe(2);
  });

  it('other columns (a source, an e-mail) are kept with the row and reach the output', async () => {
    const csv = [['Mã', 'Tên', ...INDICATORS, 'Nguồn', 'Email'].join(';'), ['66', 'Đắk Lắk', ...DAK_LAK, 'dti.gov.vn', 'a@b.vn'].join(';')].join('\n');
    const r = await dtiJson(file('meta.csv', csv));
    expect(r.rows[0]!.meta).toEqual({ id: '66', name: 'Đắk Lắk', source: 'dti.gov.vn', Email: 'a@b.vn' });
    expect(r.err).toMatch(/kept as information: Email/);
  });
});

describe('encodings', () => {
  const text = () => [['STT', 'Mã tỉnh', 'Tên tỉnh', ...INDICATORS].join(';'), ['1', '66', 'Đắk Lắk', ...DAK_LAK].join(';'), ['2', '22', 'Quảng Ninh', ...QUANG_NINH].join(';')].join('\r\n') + '\r\n';

  it('Windows-1258 (combining tone marks) is detected and read as NFC', async () => {
    const bytes = cp1258(text());
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const r = await dtiJson(file('cp1258.csv', bytes));
    expect(r.code).toBe(0);
    expect(r.rows.map((x) => [x.meta.name, x.result.total])).toEqual([['Đắk Lắk', 398.49], ['Quảng Ninh', 702.45]]);
    expect(r.err).toMatch(/Reading the file as Windows-1258/);
  });

  it('TCVN3 (ABC) is detected', async () => {
    const r = await dtiJson(file('tcvn.csv', iconv.encode(text(), 'tcvn')));
    expect(r.code).toBe(0);
    expect(r.rows.map((x) => [x.meta.name, x.result.total])).toEqual([['Đắk Lắk', 398.49], ['Quảng Ninh', 702.45]]);
    expect(r.err).toMatch(/Reading the file as TCVN3/);
  });

  it("UTF-16 LE with a BOM and tabs (Excel's Unicode Text), and UTF-16 BE", async () => {
    const tabbed = text().replace(/;/g, '\t');
    const le = await dtiJson(file('unicode.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(tabbed, 'utf16le')])));
    expect(le.rows.map((x) => x.result.total)).toEqual([398.49, 702.45]);
    const be = Buffer.from(tabbed, 'utf16le').swap16();
    const r = await dtiJson(file('be.txt', Buffer.concat([Buffer.from([0xfe, 0xff]), be])));
    expect(r.rows.map((x) => x.result.total)).toEqual([398.49, 702.45]);
  });

  it('--encoding overrides; bytes no Vietnamese code page reads are a clear error, never "missing id"', async () => {
    const r = await dtiJson(file('forced.csv', cp1258(text())), ['--encoding', 'windows-1258']);
    expect(r.rows).toHaveLength(2);
    const junk = Buffer.from([...Buffer.from('id;name\r\n'), 0x81, 0x8d, 0x8f, 0x90, 0x9d, 0x3b, 0x31, 0x0d, 0x0a]);
    const bad = await run(['score', file('junk.csv', junk), '--framework', 'dti-province-2022']);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/not UTF-8 .*--encoding windows-1258 \| tcvn3/);
    expect(bad.err).not.toMatch(/Missing required value "id"/);
    expect((await run(['score', join(dir, 'forced.csv'), '--encoding', 'latin9'])).code).toBe(2);
  });
});

describe('other formats', () => {
  it('.xlsx: the first sheet, or --sheet NAME, under a title row', async () => {
    const sheet = (title: string) => [
      [{ value: title }],
      ['STT', 'Mã tỉnh', 'Tên tỉnh', ...INDICATORS].map((value) => ({ value })),
      [1, '66', 'Đắk Lắk', 74, 30, 41.6, 12.63, 54, 78.47, 61.62, 46.17].map((value) => ({ value })),
      [2, '22', 'Quảng Ninh', 95.81, 90, 76.48, 62.5, 53.82, 167.7, 88.56, 67.575].map((value) => ({ value })),
    ];
    const path = join(dir, 'bang-diem.xlsx');
    await writeXlsxFile([{ data: [[{ value: 'Ghi chú' }]], sheet: 'Hướng dẫn' }, { data: sheet('BẢNG ĐIỂM DTI 2022') as never, sheet: 'Điểm' }], {}).toFile(path);
    const r = await dtiJson(path, ['--sheet', 'Điểm']);
    expect(r.code).toBe(0);
    expect(r.rows.map((x) => [x.id, x.result.total, x.result.value])).toEqual([['66', 398.49, 0.3985], ['22', 702.45, 0.7024]]);
    expect(tally(r.err)).toEqual({ read: 2, scored: 2, rejected: 0, blank: 0 });
    const single = join(dir, 'one-sheet.xlsx');
    await writeXlsxFile(sheet('BẢNG ĐIỂM') as never, {}).toFile(single);
    expect((await dtiJson(single)).rows.map((x) => x.result.total)).toEqual([398.49, 702.45]);
    const missing = await run(['score', path, '--sheet', 'Không có', '--framework', 'dti-province-2022']);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/no sheet named "Không có"/);
  });

  it('NDJSON with a BOM and a broken line: that line rejected with its number, the others scored', async () => {
    const rows = JSON.parse(readFileSync(join(__dirname, '..', '..', 'fixtures', 'dbi-sme-daklak.json'), 'utf8')).slice(0, 3);
    const lines = ['\uFEFF' + JSON.stringify(rows[0]), JSON.stringify(rows[1]).slice(0, 40), '', JSON.stringify(rows[2])];
    const r = await run(['score', file('rows.ndjson', lines.join('\n') + '\n'), '--format', 'json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).rows.map((x: { id: string }) => x.id)).toEqual([rows[0].id, rows[2].id]);
    expect(r.err).toMatch(/line 2: \(row\): [^\n]+ \/ invalid JSON line/);
    expect(tally(r.err)).toEqual({ read: 4, scored: 2, rejected: 1, blank: 1 });
  });
});

describe('every row accounted for', () => {
  it('--errors writes the rejected rows (line, field, reason) as CSV for Excel', async () => {
    const csv = [['id', 'name', ...INDICATORS].join(';'), ['66', 'Đắk Lắk', ...DAK_LAK].join(';'), ['67', 'X', '101', ...DAK_LAK.slice(1)].join(';'), ['68', 'Y', ...DAK_LAK.slice(1)].join(';'), ''].join('\n');
    const errors = join(dir, 'loi.csv');
    const r = await run(['score', file('bad.csv', csv), '--framework', 'dti-province-2022', '--format', 'json', '--errors', errors]);
    expect(r.code).toBe(1);
    const text = readFileSync(errors, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const records = Papa.parse(text.slice(1), { delimiter: ';', skipEmptyLines: true }).data as string[][];
    expect(records[0]).toEqual(['Dòng / line', 'Mã / id', 'Trường / field', 'Lý do', 'Reason']);
    // the field with its column as the file writes it
    expect(records[1]).toEqual(['3', '67', 'points.awareness (Nhận thức số)', 'Giá trị "101" nằm ngoài khoảng cho phép [0, 100]', 'Value "101" is outside the allowed range [0, 100]']);
    expect(records[2]!.slice(0, 3)).toEqual(['4', '68', '(row)']);
    expect(records[2]![3]).toMatch(/^dòng có 9 ô nhưng tiêu đề có 10 cột/);
    expect(records).toHaveLength(3);
    expect(tally(r.err)).toEqual({ read: 3, scored: 1, rejected: 2, blank: 0 });
    expect(r.err).toMatch(/wrote the rejected rows to .*loi\.csv/);
  });

  it('--year chooses the framework in force that year by the file\'s columns', async () => {
    const path = file('year.csv', [['id', 'name', ...INDICATORS].join(';'), ['66', 'Đắk Lắk', ...DAK_LAK].join(';')].join('\n'));
    const r = await run(['score', path, '--year', '2022', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).rows[0].result).toMatchObject({ framework: { id: 'dti-province-2022' }, total: 398.49 });
    const none = await run(['score', path, '--format', 'json']);
    expect(none.code).toBe(1);
    expect(none.err).toMatch(/framework: [^\n]+ \/ One of these fields is required: --framework, --year, framework column/);
  });

  it('summary: --group-by an unknown column lists the columns; --registered as CSV; a missing file is one line, exit 2', async () => {
    const order = criterionOrder('dbi-2021-sme');
    const rows = Array.from({ length: 6 }, (_, i) => [`DN${i}`, `DN ${i}`, i % 2 ? 'Buôn Hồ' : 'Krông Pắc', ...order.map((id) => (id === '2.1.1' ? 5 * (i % 4) : (i + id.length) % 4))]);
    const path = file('dn.csv', [['Mã DN', 'Tên doanh nghiệp', 'Huyện', ...order].join(','), ...rows.map((r) => r.join(','))].join('\n'));
    const unknown = await run(['summary', path, '--framework', 'dbi-2021-sme', '--group-by', 'xa']);
    expect(unknown.code).toBe(2);
    // the columns as the file writes them, each with its field
    expect(unknown.err).toMatch(/--group-by: no column "xa"; the columns are: Mã DN \(id\), Tên doanh nghiệp \(name\), Huyện \(district\)/);
    const registered = file('dk.csv', 'Huyện;Số DN đăng ký\nBuôn Hồ;10\nKrông Pắc;4\n');
    const s = await run(['summary', path, '--framework', 'dbi-2021-sme', '--group-by', 'Huyện', '--registered', registered, '--target', '0,5', '--format', 'json']);
    expect(s.code).toBe(0);
    const json = JSON.parse(s.out);
    expect(json.groups.map((g: { key: string; coverage: { share: number; shortfall: number } }) => [g.key, g.coverage.share, g.coverage.shortfall])).toEqual([['Buôn Hồ', 0.3, 2], ['Krông Pắc', 0.75, 0]]);
    const missing = await run(['summary', path, '--framework', 'dbi-2021-sme', '--registered', join(dir, 'none.csv')]);
    expect(missing.code).toBe(2);
    expect(missing.err.trim().split('\n')).toHaveLength(1);
    expect(missing.err).toMatch(/cannot read --registered .*none\.csv \(ENOENT\)/);
  });

  it('gap reads a DBI CSV as score does', async () => {
    const order = criterionOrder('dbi-2021-sme');
    const path = file('gap.csv', [['Mã DN', ...order].join(';'), ['DN1', ...order.map((id) => (id === '2.1.1' ? 10 : 2))].join(';')].join('\n'));
    const r = await run(['gap', path, '--framework', 'dbi-2021-sme', '--unit', 'DN1', '--format', 'json']);
    expect(r.code).toBe(0);
    const gap = JSON.parse(r.out);
    expect(gap.currentLevel).toBe(scoreDbi('dbi-2021-sme', { answers: Object.fromEntries(order.map((id) => [id, id === '2.1.1' ? 10 : 2])) }).level);
  });
});

describe('the batch path and the streaming summary give what the library gives', () => {
  const order = criterionOrder('dbi-2021-sme');
  let s = 5;
  const rand = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const rows = Array.from({ length: 5000 }, (_, i) => {
    const m = rand();
    const answers = Object.fromEntries(order.map((id) => {
      const v = Math.min(5, Math.max(0, Math.round((m + (rand() - 0.5) * 0.6) * 5)));
      return [id, id === '2.1.1' ? v * 5 : v];
    }));
    if (i % 997 === 3) answers['1.1.2'] = 9; // off the scale: rejected through scoreDbi's messages
    return { id: `DN${i}`, district: `H${i % 7}`, size: i % 3 ? 'nhỏ' : 'vừa', answers };
  });
  const csv = () => [['Mã DN', 'Huyện', 'Quy mô', ...order].join(','), ...rows.map((r) => [r.id, r.district, r.size, ...order.map((id) => r.answers[id])].join(','))].join('\n') + '\n';
  const valid = () => rows.filter((r) => r.answers['1.1.2'] !== 9);

  it('score: JSON results equal scoreDbi row by row; CSV cells equal the results; bad rows get scoreDbi\'s issues', async () => {
    const path = file('many.csv', csv());
    const json = await run(['score', path, '--framework', 'dbi-2021-sme', '--format', 'json']);
    expect(json.code).toBe(1);
    const out = JSON.parse(json.out).rows as { id: string; line: number; meta: Record<string, string>; result: unknown }[];
    expect(out).toHaveLength(valid().length);
    for (const [k, r] of valid().entries()) {
      expect(out[k]!.id).toBe(r.id);
      expect(out[k]!.result).toEqual(JSON.parse(JSON.stringify(scoreDbi('dbi-2021-sme', { answers: r.answers }))));
    }
    expect(json.err).toMatch(/line 5 \(DN3\): answers\.1\.1\.2: [^\n]+ \/ Value "9" is outside the allowed range/);
    const csvOut = await run(['score', path, '--framework', 'dbi-2021-sme', '--format', 'csv']);
    // the rows end at the first empty line; the provenance trailer follows (machine form: English words)
    const [table, trailer] = csvOut.out.split('\n\n');
    const lines = table!.split('\n');
    expect(lines).toHaveLength(valid().length + 1);
    expect(trailer).toMatch(/^# Framework: dbi-2021-sme — Decision 1970\/QĐ-BTTTT .* — Status: tái lập \/ reconstructed\n# Assumptions in force:/);
    valid().forEach((r, k) => {
      const x = scoreDbi('dbi-2021-sme', { answers: r.answers });
      const expected = [r.id, '', r.district, r.size, 'dbi-2021-sme', x.total, x.max, x.percent, x.level, x.levelName?.en, ...x.pillars.flatMap((p) => [p.points, p.level])].map((v) => String(v ?? ''));
      expect(lines[k + 1]!.split(',')).toEqual(expected);
    });
  });

  it('summary: the streaming accumulator equals summarize, by one and by two keys, with coverage', async () => {
    const path = file('many2.csv', csv());
    const entries = valid().map((r) => ({ district: r.district, size: r.size, result: scoreDbi('dbi-2021-sme', { answers: r.answers }) }));
    const registered = Object.fromEntries(Array.from({ length: 7 }, (_, i) => [`H${i}`, 1000 + i]));
    const regFile = file('reg.json', JSON.stringify({ registered }));
    const one = await run(['summary', path, '--framework', 'dbi-2021-sme', '--group-by', 'district', '--registered', regFile, '--target', '0.5', '--format', 'json']);
    expect(withoutProvenance(one.out)).toEqual(JSON.parse(JSON.stringify(summarize(entries, { groupBy: 'district', registered, target: 0.5 }))));
    const two = await run(['summary', path, '--framework', 'dbi-2021-sme', '--group-by', 'district,size', '--format', 'json']);
    expect(withoutProvenance(two.out)).toEqual(JSON.parse(JSON.stringify(summarize(entries, { groupBy: ['district', 'size'] }))));
    const all = await run(['summary', path, '--framework', 'dbi-2021-sme', '--format', 'json']);
    expect(withoutProvenance(all.out)).toEqual(JSON.parse(JSON.stringify(summarize(entries))));
  });

  it('rank: the compact ranking equals ranking the exact totals, the rejected rows as units without a value', async () => {
    const path = file('many3.csv', csv());
    const r = await run(['rank', path, '--framework', 'dbi-2021-sme', '--format', 'json']);
    const results = new Map(valid().map((v) => [v.id, scoreDbi('dbi-2021-sme', { answers: v.answers })]));
    const ranked = rank(rows.map((v) => ({ id: v.id, score: results.get(v.id)?.exact.total ?? null })), { precision: 'exact' });
    const without = rows.length - valid().length;
    const text = (x: (typeof ranked)[number], lang: 'vi' | 'en') => (x.rank === null ? (lang === 'vi' ? 'chưa có số liệu' : 'no result') : `${x.best}–${x.worst}/${rows.length}, ${without} ${lang === 'vi' ? 'đơn vị chưa có số liệu' : 'units without data'}`);
    const expected = ranked.map((x) => ({
      rank: x.rank, best: x.best, worst: x.worst, certain: x.certain, id: x.id,
      total: results.get(x.id)?.total ?? null, percent: results.get(x.id)?.percent ?? null, level: results.get(x.id)?.level ?? null,
      label: text(x, 'en'), labelVi: text(x, 'vi'),
    }));
    expect(without).toBeGreaterThan(0);
    expect(JSON.parse(r.out).rows).toEqual(expected);
  });
});

describe('--out', () => {
  const input = () => file('in.csv', [['id', 'name', ...INDICATORS].join(';'), ['66', 'Đắk Lắk', ...DAK_LAK].join(';')].join('\n'));
  const score = (out: string, extra: string[] = []) => run(['score', input(), '--framework', 'dti-province-2022', '--out', out, ...extra]);
  const noTmp = () => expect(readdirSync(dir, { recursive: true }).filter((f) => String(f).endsWith('.tmp'))).toEqual([]);

  it('writes atomically, confirms path and rows, keeps a replaced file\'s mode (0600 stays 0600)', async () => {
    const out = join(dir, 'private.csv');
    writeFileSync(out, 'old');
    chmodSync(out, 0o600);
    const r = await score(out);
    expect(r.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^id,name,framework,total/);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    expect(r.err).toMatch(/wrote .*private\.csv \(1 rows\)/);
    noTmp();
  });

  it('refuses the input as output, also through a symbolic or a hard link; the input is untouched', async () => {
    const path = input();
    const before = readFileSync(path, 'utf8');
    const same = await run(['score', path, '--framework', 'dti-province-2022', '--out', path, '--format', 'csv']);
    expect(same.code).toBe(2);
    expect(same.err).toMatch(/is the input file/);
    const sym = join(dir, 'sym.csv');
    symlinkSync(path, sym);
    expect((await run(['score', path, '--framework', 'dti-province-2022', '--out', sym])).code).toBe(2);
    const hard = join(dir, 'hard.csv');
    linkSync(path, hard);
    const h = await run(['score', path, '--framework', 'dti-province-2022', '--out', hard]);
    expect(h.code).toBe(2);
    expect(h.err).toMatch(/is the input file/);
    expect(readFileSync(path, 'utf8')).toBe(before);
    noTmp();
  });

  it('a missing folder, a folder as target, an unknown extension: one line, exit 2, no temporary file left', async () => {
    const missing = await score(join(dir, 'no-such-folder', 'x.csv'));
    expect(missing.code).toBe(2);
    expect(missing.err.trim().split('\n')).toHaveLength(1);
    expect(missing.err).toMatch(/does not exist/);
    mkdirSync(join(dir, 'folder.csv'));
    const folder = await score(join(dir, 'folder.csv'));
    expect(folder.code).toBe(2);
    expect(folder.err).toMatch(/is a folder/);
    const ext = await score(join(dir, 'x.pdf'));
    expect(ext.code).toBe(2);
    expect(ext.err).toMatch(/cannot write .*x\.pdf/);
    expect(missing.err + folder.err).not.toMatch(/\n\s+at /);
    noTmp();
  });

  it('an empty input is one line, exit 2 (an input problem, like a missing file)', async () => {
    const r = await run(['score', file('empty.csv', ''), '--framework', 'dti-province-2022']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^vndi: .*empty\.csv: tệp không có dữ liệu \/ .*the file has no data\n$/);
  });

  it('an input that cannot be read is one line, exit 2', async () => {
    const r = await run(['score', join(dir, 'absent.csv'), '--framework', 'dti-province-2022']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^vndi: không đọc được tệp .*absent\.csv \(ENOENT\) \/ cannot read .*absent\.csv \(ENOENT\)\n$/);
  });
});

describe('row details', () => {
  it('a JSON row giving one indicator twice, a framework column with an unknown id, a rank group that does not exist', async () => {
    const points = Object.fromEntries(INDICATORS.map((n, i) => [n, Number(DAK_LAK[i]!.replace(',', '.'))]));
    const twice = await run(['score', file('twice.json', JSON.stringify([{ id: '66', awareness: 74, ...points }])), '--framework', 'dti-province-2022', '--format', 'json']);
    expect(twice.code).toBe(1);
    expect(twice.err).toMatch(/line 1 \(66\): points\.awareness: [^\n]+ \/ Give only one of the fields: "awareness", "Nhận thức số"/);
    const unknown = await run(['score', file('fw.csv', ['id', 'Bộ chỉ số', ...INDICATORS].join(';') + '\n66;dti-2099;' + DAK_LAK.join(';') + '\n'), '--format', 'json']);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toMatch(/line 2 \(66\): framework \(Bộ chỉ số\): [^\n]+ \/ No framework "dti-2099"/);
    const group = await run(['rank', join(dir, 'fw.csv'), '--framework', 'dti-province-2022', '--group-by', 'Vùng miền']);
    expect(group.code).toBe(2);
    expect(group.err).toMatch(/no column "Vùng miền"; the columns are: id, Bộ chỉ số \(framework\)/);
  });
});

describe('interrupted', () => {
  it('Ctrl-C during a long run leaves no temporary file (the built command)', async () => {
    const { spawn, execFileSync } = await import('node:child_process');
    const { existsSync } = await import('node:fs');
    const root = join(__dirname, '..', '..');
    const cli = join(root, 'dist', 'cli.js');
    if (!existsSync(cli)) execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'ignore' });
    const order = criterionOrder('dbi-2021-sme');
    const row = order.map((id) => (id === '2.1.1' ? 10 : 3)).join(',');
    const body = Array.from({ length: 200_000 }, (_, i) => `DN${i},${row}`).join('\n');
    const input = file('long.csv', `id,${order.join(',')}\n${body}\n`);
    const outDir = mkdtempSync(join(tmpdir(), 'vndi-sigint-'));
    const child = spawn(process.execPath, [cli, 'score', input, '--framework', 'dbi-2021-sme', '--out', join(outDir, 'o.csv')], { stdio: 'ignore' });
    const started = Date.now();
    while (!readdirSync(outDir).some((f) => f.endsWith('.tmp')) && Date.now() - started < 20_000) await new Promise((r) => setTimeout(r, 10));
    expect(readdirSync(outDir).some((f) => f.endsWith('.tmp'))).toBe(true);
    child.kill('SIGINT');
    const code = await new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
    expect(code).toBe(130);
    expect(readdirSync(outDir)).toEqual([]);
  });
});

describe('--year with JSON rows', () => {
  it('picks the DBI framework of the year for rows whose keys are DBI criteria', async () => {
    const rows = JSON.parse(readFileSync(join(__dirname, '..', '..', 'fixtures', 'dbi-sme-daklak.json'), 'utf8')).slice(0, 2).map(({ framework: _, ...r }: Record<string, unknown>) => ({ ...r, year: undefined }));
    const r = await run(['score', file('noframework.json', JSON.stringify(rows)), '--year', '2022', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).rows.map((x: { result: { framework: { id: string } } }) => x.result.framework.id)).toEqual(['dbi-2021-sme', 'dbi-2021-sme']);
  });
});
