/**
 * Files in and out that hold (issue #20): hostile and merely large inputs, each failure of the issue
 * as a regression test. Workbooks are built by the tests part by part (far cells, whitespace and
 * unused-part bombs, entries hidden from the central directory, entity declarations, deep nesting);
 * line formats get long lines and deep values. Every bad input ends in the library's own bilingual
 * error (or one rejected row), never a crash, and the good rows are still written.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import readXlsxFile from 'read-excel-file/node';
import writeXlsxFile from 'write-excel-file/node';
import { beforeAll, describe, expect, it } from 'vitest';
import { criterionOrder } from '../../src/index.js';
import { XlsxStream } from '../../src/presentation/format/xlsx.js';
import { Workbook, excelDate, excelNumber } from '../../src/presentation/io/workbook.js';
import { runCli as run } from '../helpers.js';
import { hideFromCentralDirectory, repeated, sheetXml, workbookParts, zipParts } from './workbooks.js';

const INDICATORS = ['Nhận thức số', 'Thể chế số', 'Hạ tầng số', 'Nhân lực số', 'An toàn thông tin mạng', 'Hoạt động chính quyền số', 'Hoạt động kinh tế số', 'Hoạt động xã hội số'];
const HEADER = ['Mã tỉnh', 'Tên tỉnh', ...INDICATORS];
const DAK_LAK = ['66', 'Đắk Lắk', 74, 30, 41.6, 12.63, 54, 78.47, 61.62, 46.17];
const QUANG_NINH = ['22', 'Quảng Ninh', 95.81, 90, 76.48, 62.5, 53.82, 167.7, 88.56, 67.575];
const root = join(__dirname, '..', '..');

/** A `;`-separated CSV row with decimal commas. */
const csvRow = (cells: readonly (string | number | null)[]) => cells.map((c) => (typeof c === 'string' && /[";]/.test(c) ? `"${c.replace(/"/g, '""')}"` : String(c ?? '').replace('.', ','))).join(';');

let dir: string;
const path = (name: string) => join(dir, name);
const file = (name: string, content: string | Buffer) => {
  writeFileSync(path(name), content);
  return path(name);
};
const workbook = async (name: string, parts: Parameters<typeof zipParts>[0], level?: number) => file(name, await zipParts(parts, level));

/** `vndi score FILE --framework dti-province-2022 --format json`, with the scored rows. */
async function dti(p: string, extra: string[] = []) {
  const r = await run(['score', p, '--framework', 'dti-province-2022', '--format', 'json', ...extra]);
  return { ...r, rows: r.out ? (JSON.parse(r.out).rows as { id: string; line: number; meta: Record<string, string>; result: { total: number; value: number } }[]) : [] };
}

/** The run's closing tally. */
function tally(err: string) {
  const m = /read ([\d,]+) rows?: ([\d,]+) scored, ([\d,]+) rejected, ([\d,]+) blank/.exec(err);
  if (!m) throw new Error(`no tally in: ${err}`);
  const [read, scored, rejected, blank] = m.slice(1).map((x) => Number(x.replace(/,/g, '')));
  expect(read).toBe(scored! + rejected! + blank!);
  return { read, scored, rejected, blank };
}

/** A refusal of the whole file: exit 1, one bilingual line naming the file, no stack trace. */
function refused(r: { code: number; out: string; err: string }, en: RegExp): void {
  expect(r.code).toBe(1);
  expect(r.out).toBe('');
  const lines = r.err.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^vndi: .*tệp Excel không đọc được: .* \/ .*the Excel file cannot be read: /);
  expect(lines[0]).toMatch(en);
  expect(r.err).not.toMatch(/\n\s+at |unexpected error/);
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'vndi-hold-'));
});

describe('workbooks within Excel’s own bounds', () => {
  it('a value in XFD1048576 (a legal address) costs one cell, set aside outside the table; the rows are scored', async () => {
    const far = `<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>`;
    const xml = sheetXml([HEADER, DAK_LAK, QUANG_NINH]).replace('</sheetData>', `${far}</sheetData>`);
    const p = await workbook('far.xlsx', workbookParts([{ name: 'Điểm', xml }]));
    const r = await dti(p);
    expect(r.code).toBe(0);
    expect(r.rows.map((x) => [x.id, x.result.total])).toEqual([['66', 398.49], ['22', 702.45]]);
    // the rows Excel shows empty between them are blank rows, counted, never held; the far cell has no header
    expect(tally(r.err)).toEqual({ read: 1_048_575, scored: 2, rejected: 0, blank: 1_048_573 });
    // within the table's columns, a far row is read like any other
    const near = sheetXml([HEADER, DAK_LAK]).replace('</sheetData>', `<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>67</t></is></c></row></sheetData>`);
    const n = await dti(await workbook('far-row.xlsx', workbookParts([{ name: 'Điểm', xml: near }])));
    expect(n.code).toBe(1);
    expect(n.err).toMatch(/line 1048576 \(67\): /);
  });

  it('a column beyond XFD (ZZZZZZZZ3), a row beyond 1,048,576, a dimension beyond either: refused at once', async () => {
    for (const [name, xml, en] of [
      ['column', sheetXml([HEADER, DAK_LAK]).replace('</sheetData>', '<row r="3"><c r="ZZZZZZZZ3"><v>1</v></c></row></sheetData>'), /the cell ZZZZZZZZ3 is beyond Excel's limits/],
      ['row', sheetXml([HEADER, DAK_LAK]).replace('</sheetData>', '<row r="1000000000"><c r="A1000000000"><v>1</v></c></row></sheetData>'), /the row 1000000000 is beyond Excel's limits/],
      ['cell row', sheetXml([HEADER, DAK_LAK]).replace('</sheetData>', '<row r="3"><c r="A1000000000"><v>1</v></c></row></sheetData>'), /the cell A1000000000 is beyond Excel's limits/],
      ['dimension', sheetXml([HEADER, DAK_LAK], { dimension: 'A1:XFE2' }), /the sheet dimension A1:XFE2 is beyond Excel's limits/],
      ['address', sheetXml([HEADER, DAK_LAK]).replace('</sheetData>', '<row r="3"><c r="3A"><v>1</v></c></row></sheetData>'), /the cell address 3A is not one/],
      ['order', sheetXml([HEADER, DAK_LAK]).replace('</sheetData>', '<row r="2"><c r="A2"><v>1</v></c></row></sheetData>'), /row 2 comes after row 2/],
    ] as const) {
      const r = await dti(await workbook(`beyond-${name.replace(' ', '-')}.xlsx`, workbookParts([{ name: 'S', xml }])));
      refused(r, en);
    }
  });

  it('a cell text longer than 32,767 characters (inline or shared) is refused; a shared string index the workbook lacks too', async () => {
    const long = 'x'.repeat(40_000);
    const inline = sheetXml([HEADER, [...DAK_LAK.slice(0, 1), long, ...DAK_LAK.slice(2)]]);
    refused(await dti(await workbook('long-inline.xlsx', workbookParts([{ name: 'S', xml: inline }]))), /the cell B2 is longer than Excel's 32,767 characters/);
    const sst = `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>${long}</t></si></sst>`;
    refused(await dti(await workbook('long-shared.xlsx', workbookParts([{ name: 'S', rows: [HEADER, DAK_LAK] }], { sharedStrings: sst }))), /shared string 0 is longer than Excel's 32,767 characters/);
    const index = sheetXml([HEADER, DAK_LAK]).replace('</sheetData>', '<row r="3"><c r="A3" t="s"><v>7</v></c></row></sheetData>');
    const one = '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>a</t></si></sst>';
    refused(await dti(await workbook('index.xlsx', workbookParts([{ name: 'S', xml: index }], { sharedStrings: one }))), /the cell A3 refers to shared string 7, which the workbook does not have \(it has 1\)/);
  });

  it('40 MB of whitespace in 40 KB: a decompression bomb, refused before it is inflated', async () => {
    const xml = sheetXml([HEADER, DAK_LAK]);
    const cut = xml.indexOf('<sheetData>');
    const bomb = () =>
      Readable.from(
        (function* () {
          yield Buffer.from(xml.slice(0, cut));
          const spaces = Buffer.alloc(1 << 20, ' ');
          for (let i = 0; i < 40; i++) yield spaces;
          yield Buffer.from(xml.slice(cut));
        })(),
      );
    const p = await workbook('whitespace.xlsx', workbookParts([{ name: 'S', xml: '' }]).map(([n, c]) => [n, n.endsWith('sheet1.xml') ? bomb : c] as const), 9);
    expect(readFileSync(p).length).toBeLessThan(200_000);
    refused(await dti(p), /inflates from [\d,]+ to 41,9\d\d,\d{3} bytes, more than 100 times \(a decompression bomb\)/);
  });

  it('a 256 MiB part that no sheet uses is never inflated: the sheet is read, in bounded memory', async () => {
    const p = await workbook('unused.xlsx', workbookParts([{ name: 'Điểm', rows: [HEADER, DAK_LAK] }], { extra: [['xl/media/unused.bin', repeated(256 << 20, '\0')]] }), 1);
    expect(readFileSync(p).length).toBeLessThan(2 << 20);
    const r = await dti(p);
    expect(r.code).toBe(0);
    expect(r.rows.map((x) => x.result.total)).toEqual([398.49]);
  });

  it('the sheet read is the one the central directory lists: a sheet hidden from it is refused, a decoy before it is never read', async () => {
    const parts = workbookParts([{ name: 'Điểm', rows: [HEADER, DAK_LAK] }]);
    const hidden = hideFromCentralDirectory(await zipParts(parts), 'xl/worksheets/sheet1.xml');
    refused(await dti(file('hidden.xlsx', hidden)), /lists the sheet Điểm at xl\/worksheets\/sheet1\.xml, which the archive's index does not hold/);
    // a local entry of the same name, first in the file and absent from the index (a reader of local headers takes it)
    const decoy: [string, string] = ['xl/worksheets/sheet1.xml', sheetXml([HEADER, QUANG_NINH])];
    const withDecoy = hideFromCentralDirectory(await zipParts([decoy, ...parts]), 'xl/worksheets/sheet1.xml', 0);
    const r = await dti(file('decoy.xlsx', withDecoy));
    expect(r.code).toBe(0);
    expect(r.rows.map((x) => x.id)).toEqual(['66']);
    // two entries of one name in the index: which one Excel shows is not known, so neither is read
    refused(await dti(file('twice.xlsx', await zipParts([decoy, ...parts]))), /lists the part xl\/worksheets\/sheet1\.xml twice/);
  });

  it('entity expansion (a DOCTYPE with entities), deep nesting and a token beyond 1 MiB are refused', async () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>`;
    const withEntities = laughs + sheetXml([HEADER, ['&lol3;', ...DAK_LAK.slice(1)]]).replace(/^<\?xml[^>]*>/, '').replace('&amp;lol3;', '&lol3;');
    refused(await dti(await workbook('laughs.xlsx', workbookParts([{ name: 'S', xml: withEntities }]))), /has a DOCTYPE declaration/);
    const sst = `${laughs}<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&lol3;</t></si></sst>`;
    refused(await dti(await workbook('laughs-sst.xlsx', workbookParts([{ name: 'S', rows: [HEADER, DAK_LAK] }], { sharedStrings: sst }))), /xl\/sharedStrings\.xml has a DOCTYPE declaration/);
    const deep = sheetXml([HEADER, DAK_LAK]).replace('</sheetData>', `</sheetData>${'<x>'.repeat(100_000)}${'</x>'.repeat(100_000)}`);
    refused(await dti(await workbook('deep.xlsx', workbookParts([{ name: 'S', xml: deep }]))), /nests deeper than 64 levels/);
    // an attribute of 2 MiB of digits and letters (no compression ratio to trip on)
    let noise = '';
    for (let i = 0; noise.length < 2 << 20; i++) noise += (i * 2654435761 % 4294967296).toString(36);
    const token = sheetXml([HEADER, DAK_LAK]).replace('<sheetData>', `<sheetPr codeName="${noise}"/><sheetData>`);
    refused(await dti(await workbook('token.xlsx', workbookParts([{ name: 'S', xml: token }]))), /has an XML token longer than 1,048,576 characters/);
  });

  it('an archive that is not one, or is cut, is refused with exit 1', async () => {
    const good = await zipParts(workbookParts([{ name: 'S', rows: [HEADER, DAK_LAK] }]));
    refused(await dti(file('cut.xlsx', good.subarray(0, good.length - 30))), /not a valid \.xlsx archive/);
    refused(await dti(file('empty-book.xlsx', await zipParts([['a.txt', 'x']]))), /it has no workbook part xl\/workbook\.xml/);
  });
});

describe('the sheet read, its text and its numbers (issue #22’s workbook items)', () => {
  /** A workbook written by write-excel-file (a real writer: shared strings, its own styles), sheet by sheet. */
  async function written(name: string, sheets: readonly { sheet: string; rows: readonly (readonly (string | number | null)[])[] }[]): Promise<string> {
    const p = path(name);
    const data = sheets.map((s) => ({ sheet: s.sheet, data: s.rows.map((r) => r.map((value) => (value === null ? null : typeof value === 'number' ? { value, type: Number } : { value }))) }));
    await writeXlsxFile(data as never, {}).toFile(p);
    return p;
  }

  it('a cover page first: the sheet that has the columns is read, with a notice; none has them: refused naming every sheet', async () => {
    const cover = { sheet: 'Bìa', rows: [['BÁO CÁO CHỈ SỐ DTI 2022'], ['Sở Khoa học và Công nghệ']] };
    const p = await written('cover.xlsx', [cover, { sheet: 'Hướng dẫn', rows: [['Ghi chú'], ['Nhập điểm vào trang sau']] }, { sheet: 'Điểm', rows: [['BẢNG ĐIỂM'], HEADER, DAK_LAK, QUANG_NINH] }]);
    const r = await dti(p);
    expect(r.code).toBe(0);
    expect(r.rows.map((x) => [x.id, x.line, x.result.total])).toEqual([['66', 3, 398.49], ['22', 4, 702.45]]);
    expect(r.err).toMatch(/Reading the sheet "Điểm" \(skipped "Bìa", "Hướng dẫn": no header row\)/);
    const n = await dti(await written('no-header.xlsx', [cover, { sheet: 'Dữ liệu', rows: [['a', 'b'], [1, 2]] }]));
    expect(n.code).toBe(1);
    expect(n.err).toMatch(/no sheet has a header row with known columns .*; the sheets: "Bìa", "Dữ liệu"; choose one with --sheet NAME/);
    // a hidden sheet is named as hidden
    const hidden = await workbook('no-header-hidden.xlsx', workbookParts([{ name: 'Bìa', rows: cover.rows }, { name: 'Ẩn', rows: [['x']], state: 'hidden' }]));
    expect((await dti(hidden)).err).toMatch(/the sheets: "Bìa", "Ẩn" \(ẩn \/ hidden\)/);
  });

  it('--sheet is compared as headers are (no accents, no case), or by position; an unknown name lists the sheets', async () => {
    const p = await written('sheets.xlsx', [{ sheet: 'Bìa', rows: [['x']] }, { sheet: 'Điểm DTI', rows: [HEADER, DAK_LAK] }]);
    for (const name of ['Điểm DTI', 'diem dti', 'ĐIỂM  DTI', '2']) expect((await dti(p, ['--sheet', name])).rows.map((x) => x.id)).toEqual(['66']);
    const missing = await dti(p, ['--sheet', 'Dữ liệu']);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/no sheet named "Dữ liệu"; the sheets are: "Bìa", "Điểm DTI"/);
  });

  it('a sheet whose elements carry a namespace prefix (<x:row>, as the Open XML SDK writes them) reads the same', async () => {
    const plain = sheetXml([HEADER, DAK_LAK]);
    const prefixed = plain.replace(/<(\/?)(worksheet|sheetData|row|c|is|t|v)\b/g, '<$1x:$2').replace('<x:worksheet xmlns=', '<x:worksheet xmlns:x=');
    expect(prefixed).toContain('<x:row r="2"><x:c r="A2" t="inlineStr"><x:is><x:t>66</x:t>');
    const r = await dti(await workbook('prefixed.xlsx', workbookParts([{ name: 'S', xml: prefixed }])));
    expect(r.rows.map((x) => [x.id, x.result.total])).toEqual([['66', 398.49]]);
  });

  it('a hidden first sheet is passed over as Excel does', async () => {
    const p = await workbook('hidden-first.xlsx', workbookParts([{ name: 'Cũ', rows: [HEADER, QUANG_NINH], state: 'hidden' }, { name: 'Mới', rows: [HEADER, DAK_LAK] }]));
    expect((await dti(p)).rows.map((x) => x.id)).toEqual(['66']);
  });

  it('numbers as Excel shows them: a stored 68.59999999999999 reads 68.6 and a cached 200.00000000000003 reads 200', async () => {
    // what writers store for 41.6 and for a formula whose binary result is 200.00000000000003
    const xml = sheetXml([HEADER, DAK_LAK])
      .replace('<v>41.6</v>', '<v>41.599999999999994</v>')
      .replace('<v>78.47</v>', '<f>SUM(H3:H4)</f><v>78.470000000000013</v>');
    const cached = sheetXml([HEADER, ['67', 'X', 100, 100, 100, 100, 100, 200, 150, 150]]).replace('<v>200</v>', '<f>100.1+99.9</f><v>200.00000000000003</v>');
    const r = await dti(await workbook('doubles.xlsx', workbookParts([{ name: 'S', xml: xml.replace('</sheetData>', cached.slice(cached.indexOf('<row r="2">'), cached.indexOf('</sheetData>')).replace(/r="2"/g, 'r="3"').replace(/([A-Z])2"/g, '$13"') + '</sheetData>') }])));
    expect(r.code).toBe(0);
    expect(r.rows.map((x) => [x.id, x.result.total, x.result.value])).toEqual([['66', 398.49, 0.3985], ['67', 1000, 1]]);
  });

  it('a workbook by a real writer (write-excel-file): doubles of 17 significant digits read as Excel shows them, dates as dates', async () => {
    // what a program computing the points stores: 0.1 * 3 * 1000 / 1.5 is 200.00000000000003, 1.263 * 10 is 12.629999999999999
    const [twoHundred, points] = [(0.1 * 3 * 1000) / 1.5, 1.263 * 10];
    expect([String(twoHundred), String(points)]).toEqual(['200.00000000000003', '12.629999999999999']);
    const header = [...HEADER, 'Ngày nhập'].map((value) => ({ value }));
    const cells = (row: readonly (string | number)[]) => row.map((value) => (typeof value === 'number' ? { value, type: Number } : { value }));
    const date = { value: new Date(Date.UTC(2024, 2, 15)), type: Date, format: 'dd/mm/yyyy' };
    const p = path('real-writer.xlsx');
    await writeXlsxFile([header, [...cells([...DAK_LAK.slice(0, 5), points, ...DAK_LAK.slice(6)]), date], [...cells(['67', 'X', 100, 100, 100, 100, 100, twoHundred, 150, 150]), date]] as never, {}).toFile(p);
    const r = await dti(p);
    expect(r.code).toBe(0);
    expect(r.rows.map((x) => [x.id, x.result.total, x.result.value, x.meta['Ngày nhập']])).toEqual([['66', 398.49, 0.3985, '2024-03-15'], ['67', 1000, 1, '2024-03-15']]);
  });

  it('TCVN3 (ABC) text in a workbook is read as Vietnamese, as in a CSV file; --encoding utf-8 keeps it as stored', async () => {
    // what Excel stored when the text was typed in TCVN3 with a .VnTime font: each byte as its Windows-1252 character
    const tcvn = (s: string) => iconv.decode(iconv.encode(s, 'tcvn'), 'windows1252');
    expect(tcvn('Tên tỉnh')).toBe('Tªn tØnh');
    const p = await written('tcvn.xlsx', [{ sheet: 'Sheet1', rows: [HEADER.map(tcvn), [DAK_LAK[0]!, tcvn('Đắk Lắk'), ...DAK_LAK.slice(2)]] }]);
    const r = await dti(p);
    expect(r.code).toBe(0);
    expect(r.rows.map((x) => [x.meta.name, x.result.total])).toEqual([['Đắk Lắk', 398.49]]);
    expect(r.err).toMatch(/Reading the workbook's text as TCVN3 \(ABC\)/);
    const asStored = await dti(p, ['--encoding', 'utf-8']);
    expect(asStored.rows).toEqual([]);
    expect((await dti(p, ['--encoding', 'tcvn3'])).rows.map((x) => x.meta.name)).toEqual(['Đắk Lắk']);
  });
});

describe('line formats in linear time: a row that cannot be read is one rejected row, and the run goes on', () => {

  it('CSV: a 3 MB line between good rows (quoted line breaks in it) is one rejected row; the rows after it keep their lines', async () => {
    const long = `"${'x'.repeat(1_500_000)}\n${'y'.repeat(1_500_000)}"`;
    const text = [HEADER.join(';'), csvRow(DAK_LAK), `67;${long};1;2;3;4;5;6;7;8`, csvRow(QUANG_NINH), ''].join('\r\n');
    const r = await dti(file('long-line.csv', text));
    expect(r.code).toBe(1);
    expect(r.rows.map((x) => [x.id, x.line])).toEqual([['66', 2], ['22', 4]]);
    expect(r.err).toMatch(/line 3: \(row\): [^\n]+ \/ the row is longer than 1,048,576 characters: not read \(the other rows are\)/);
    expect(tally(r.err)).toEqual({ read: 3, scored: 2, rejected: 1, blank: 0 });
  });

  it('CSV: a header longer than 64 KiB is read (it was "no data"); a first line beyond 1 MiB is refused as no table', async () => {
    const notes = Array.from({ length: 400 }, (_, i) => `Ghi chú thêm ${i} ${'x'.repeat(200)}`);
    const r = await dti(file('wide.csv', [[...HEADER, ...notes].join(';'), csvRow([...DAK_LAK, ...notes.map(() => '')])].join('\n')));
    expect(r.rows.map((x) => x.result.total)).toEqual([398.49]);
    // the notice lists the 400 columns within a bounded line
    for (const line of r.err.split('\n')) expect(line.length).toBeLessThanOrEqual(2100);
    const one = await dti(file('one-line.csv', 'x'.repeat(3 << 20)));
    expect(one.code).toBe(1);
    expect(one.err).toMatch(/the first line is longer than 1,048,576 characters: no header row can be found/);
  });

  it('Windows-1258: a 2 MB line is decoded piece by piece, tone marks kept with their letters', async () => {
    const name = 'Hoà Bình '.repeat(250_000);
    const cp1258 = (text: string) => {
      const tones = /[\u0300\u0301\u0303\u0309\u0323]/;
      return iconv.encode([...text.normalize('NFC')].map((ch) => {
        const d = ch.normalize('NFD');
        const tone = d.match(tones)?.[0] ?? '';
        return d.replace(tones, '').normalize('NFC') + tone;
      }).join(''), 'windows1258');
    };
    const text = [HEADER.join(';'), csvRow(['17', name.slice(0, 800_000), ...DAK_LAK.slice(2)]), csvRow(DAK_LAK), ''].join('\n');
    const r = await dti(file('legacy.csv', cp1258(text)));
    expect(r.code).toBe(0);
    expect(r.rows.map((x) => x.id)).toEqual(['17', '66']);
    expect(r.rows[0]!.meta.name).toBe(name.slice(0, 800_000).trim());
  });

  it('NDJSON: a line nested 8,000 deep and a 2 MB line are rejected with their lines; the rows before and after are written', async () => {
    const rows = JSON.parse(readFileSync(join(root, 'fixtures', 'dbi-sme-daklak.json'), 'utf8')).slice(0, 3) as Record<string, unknown>[];
    const deep = `${'['.repeat(8000)}${']'.repeat(8000)}`;
    const lines = [JSON.stringify(rows[0]), JSON.stringify(rows[1]).replace(/}$/, `,"extra":${deep}}`), JSON.stringify({ ...rows[1], note: 'x'.repeat(2 << 20) }), JSON.stringify(rows[2])];
    const r = await run(['score', file('deep.ndjson', lines.join('\n') + '\n'), '--format', 'json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).rows.map((x: { id: string }) => x.id)).toEqual([rows[0]!.id, rows[2]!.id]);
    expect(r.err).toMatch(/line 2: \(row\): [^\n]+ \/ a JSON value nested deeper than 64 levels/);
    expect(r.err).toMatch(/line 3: \(row\): [^\n]+ \/ the JSON line is longer than 1,048,576 characters/);
    expect(tally(r.err)).toEqual({ read: 4, scored: 2, rejected: 2, blank: 0 });
  });

  it('a JSON array is read element by element: a deep, a long, a broken element and a cut end are rejected rows', async () => {
    const rows = JSON.parse(readFileSync(join(root, 'fixtures', 'dbi-sme-daklak.json'), 'utf8')).slice(0, 3) as Record<string, unknown>[];
    const elements = [JSON.stringify(rows[0]), `{"extra":${'['.repeat(100)}${']'.repeat(100)}}`, JSON.stringify({ note: 'x'.repeat(2 << 20) }), '{"id": }', JSON.stringify(rows[1]), JSON.stringify(rows[2]).slice(0, 50)];
    const r = await run(['score', file('array.json', `[\n${elements.join(',\n')}`), '--format', 'json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).rows.map((x: { id: string }) => x.id)).toEqual([rows[0]!.id, rows[1]!.id]);
    expect(r.err).toMatch(/line 2: \(row\): [^\n]+ \/ a JSON value nested deeper than 64 levels/);
    expect(r.err).toMatch(/line 3: \(row\): [^\n]+ \/ the JSON element is longer than 1,048,576 characters/);
    expect(r.err).toMatch(/line 4: \(row\): [^\n]+ \/ invalid JSON element: /);
    expect(r.err).toMatch(/line 6: \(row\): [^\n]+ \/ invalid JSON: the file ends before the array closes, at this element \(a cut file\?\)/);
    expect(tally(r.err)).toEqual({ read: 6, scored: 2, rejected: 4, blank: 0 });
    // cut between two elements: never read as a complete file (exit 0)
    const cut = await run(['score', file('cut.json', `[\n${JSON.stringify(rows[0])},\n`), '--format', 'json']);
    expect(cut.code).toBe(1);
    expect(cut.err).toMatch(/line 2: \(row\): [^\n]+ \/ invalid JSON: the file ends before the array closes/);
  });
});

describe('what reaches the terminal', () => {
  it('headers and file names are neutralised like table cells, and quoted at a bounded length', async () => {
    const hostile = `Ghi\u001b]0;pwned\u0007 \u001b[2J\u202Eexe.png ${'y'.repeat(100_000)}`;
    const p = file('evil\u001b[31m.csv', [csvRow([...HEADER, hostile]), csvRow([...DAK_LAK, 'a'])].join('\n'));
    const r = await dti(p);
    expect(r.code).toBe(0);
    expect(r.err).not.toMatch(/[\u001b\u0007\u202e]/);
    expect(r.err.length).toBeLessThan(10_000);
    // a workbook whose headers are long: its notices stay short
    const wide = Array.from({ length: 200 }, (_, i) => `Cột ${i} ${'z'.repeat(5000)}`);
    const w = await dti(await workbook('wide.xlsx', workbookParts([{ name: 'S', rows: [[...HEADER, ...wide], [...DAK_LAK, ...wide.map(() => null)]] }])));
    expect(w.rows).toHaveLength(1);
    expect(w.err.length).toBeLessThan(10_000);
  });

  it('--encoding constructor (and any inherited name) is an unknown encoding, not an unexpected error', async () => {
    for (const name of ['constructor', '__proto__', 'toString']) {
      const r = await run(['score', join(root, 'fixtures', 'dti-2021.json'), '--encoding', name]);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(new RegExp(`unknown --encoding ${name.replace(/_/g, '_')} \\(use utf-8`));
    }
    const ext = await run(['score', join(root, 'fixtures', 'dti-2021.json'), '--out', path('x.constructor')]);
    expect(ext.code).toBe(2);
    expect(ext.err).toMatch(/name it \.csv/);
  });
});

describe('reports a person reads', () => {
  it('Markdown, HTML and terminal tables of more than 10,000 rows are refused at once, pointing to CSV or XLSX', async () => {
    const order = criterionOrder('dbi-2021-sme');
    const row = order.map((id) => (id === '2.1.1' ? 10 : 3)).join(',');
    const p = file('big.csv', `id,${order.join(',')}\n${Array.from({ length: 10_001 }, (_, i) => `DN${i},${row}`).join('\n')}\n`);
    for (const format of ['md', 'html', 'table']) {
      const r = await run(['score', p, '--framework', 'dbi-2021-sme', '--format', format]);
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err).toMatch(/report is for at most 10,000 rows and this file has more: write CSV or Excel instead \(--out results\.csv or --out results\.xlsx\)/);
    }
    const ranked = await run(['rank', p, '--framework', 'dbi-2021-sme', '--format', 'md']);
    expect(ranked.code).toBe(2);
    const csv = await run(['score', p, '--framework', 'dbi-2021-sme', '--format', 'csv']);
    expect(csv.code).toBe(0);
  });
});

describe('temporary files and signals (the built command)', () => {
  it('SIGHUP, SIGQUIT, SIGTERM and SIGINT during --out each remove the temporary file, with 128 + the signal', async () => {
    const cli = join(root, 'dist', 'cli.js');
    if (!existsSync(cli)) spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'ignore' });
    const order = criterionOrder('dbi-2021-sme');
    const row = order.map((id) => (id === '2.1.1' ? 10 : 3)).join(',');
    const input = file('signal.csv', `id,${order.join(',')}\n${Array.from({ length: 200_000 }, (_, i) => `DN${i},${row}`).join('\n')}\n`);
    for (const [signal, code] of [['SIGHUP', 129], ['SIGQUIT', 131], ['SIGTERM', 143], ['SIGINT', 130]] as const) {
      const outDir = mkdtempSync(join(tmpdir(), `vndi-${signal}-`));
      const child = spawn(process.execPath, [cli, 'score', input, '--framework', 'dbi-2021-sme', '--out', join(outDir, 'o.xlsx')], { stdio: 'ignore' });
      const started = Date.now();
      while (!readdirSync(outDir).some((f) => f.endsWith('.tmp')) && Date.now() - started < 30_000) await new Promise((r) => setTimeout(r, 10));
      expect(readdirSync(outDir).some((f) => f.endsWith('.tmp'))).toBe(true);
      child.kill(signal);
      const exit = await new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
      expect([signal, exit]).toEqual([signal, code]);
      expect(readdirSync(outDir)).toEqual([]);
    }
  }, 120_000);
});

describe('workbooks written as a stream', () => {
  /** The rows of every sheet of a workbook, read back by the reader of this package. */
  async function sheetsOf(p: string): Promise<{ name: string; rows: (string | null)[][] }[]> {
    const book = await Workbook.open(p);
    try {
      const out: { name: string; rows: (string | null)[][] }[] = [];
      for (const sheet of book.sheets) {
        const rows: (string | null)[][] = [];
        for await (const batch of book.rows(sheet)) for (const r of batch) rows[r.row - 1] = r.cells;
        out.push({ name: sheet.name, rows: Array.from(rows, (r) => r ?? []) });
      }
      return out;
    } finally {
      book.close();
    }
  }

  it('past the rows of a sheet, the data goes on in "Kết quả (2)" with its header frozen again; then the status line and the sources', async () => {
    const chunks: Uint8Array[] = [];
    const book = new XlsxStream((b) => chunks.push(b), { lang: 'vi', rowsPerSheet: 4 });
    await book.start(['Mã', 'Giá trị DTI'], [undefined, 4], []);
    await book.rows(Array.from({ length: 7 }, (_, i) => [`P${i}`, i / 10]));
    await book.rows([['=HYPERLINK("http://x","y")', 0.5]]);
    await book.end(undefined);
    const p = file('series.xlsx', Buffer.concat(chunks));
    const sheets = await sheetsOf(p);
    expect(sheets.map((s) => s.name)).toEqual(['Kết quả', 'Kết quả (2)', 'Kết quả (3)', 'Nguồn - Sources']);
    expect(sheets[0]!.rows).toEqual([['Mã', 'Giá trị DTI'], ['P0', '0'], ['P1', '0.1'], ['P2', '0.2']]);
    expect(sheets[1]!.rows).toEqual([['Mã', 'Giá trị DTI'], ['P3', '0.3'], ['P4', '0.4'], ['P5', '0.5']]);
    // a formula-like text is an inline string with the quote-prefix style: shown as written, never evaluated
    expect(sheets[2]!.rows).toEqual([['Mã', 'Giá trị DTI'], ['P6', '0.6'], ['=HYPERLINK("http://x","y")', '0.5']]);
    const third = spawnSync('unzip', ['-p', p, 'xl/worksheets/sheet3.xml'], { encoding: 'utf8' }).stdout;
    const quoted = /<c r="A3" s="(\d+)" t="inlineStr"><is><t>=HYPERLINK/.exec(third);
    expect(quoted).not.toBeNull();
    const styles = spawnSync('unzip', ['-p', p, 'xl/styles.xml'], { encoding: 'utf8' }).stdout;
    expect([...styles.matchAll(/<xf [^>]*>/g)].slice(1)[Number(quoted![1])]![0]).toContain('quotePrefix="1"');
    expect(third).not.toMatch(/<f>/);
    // every data sheet has its header row frozen
    for (const n of [1, 2, 3]) {
      const xml = spawnSync('unzip', ['-p', p, `xl/worksheets/sheet${n}.xml`], { encoding: 'utf8' }).stdout;
      expect(xml).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
    }
  });

  it('vndi score --out x.xlsx streams every row (12,000 here) into a workbook this reader and read-excel-file both read back', async () => {
    const order = criterionOrder('dbi-2021-sme');
    const rows = Array.from({ length: 12_000 }, (_, i) => `DN${i},Doanh nghiệp ${i},${order.map((id) => (id === '2.1.1' ? 5 * (i % 6) : i % 6)).join(',')}`);
    const input = file('12k.csv', `Mã DN,Tên doanh nghiệp,${order.join(',')}\n${rows.join('\n')}\n`);
    const out = path('12k.xlsx');
    const r = await run(['score', input, '--framework', 'dbi-2021-sme', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/wrote .*12k\.xlsx \(12,000 rows\)/);
    const sheets = await sheetsOf(out);
    expect(sheets.map((s) => s.name)).toEqual(['Kết quả', 'Nguồn - Sources']);
    const data = sheets[0]!.rows;
    expect(data[0]!.slice(0, 4)).toEqual(['Mã', 'Tên', 'Bộ chỉ số', 'Tổng điểm']);
    expect(data[12_000]!.slice(0, 3)).toEqual(['DN11999', 'Doanh nghiệp 11999', 'dbi-2021-sme']);
    expect(data[12_002]![0]).toMatch(/^Bộ chỉ số: dbi-2021-sme/);
    const independent = await readXlsxFile(readFileSync(out));
    expect(independent[0]!.data.length).toBe(12_003);
    expect(independent[0]!.data[1]![3]).toBe(0);
  });

  const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
  it.skipIf(!soffice)('LibreOffice opens a written workbook: numbers as numbers, Vietnamese headers, both sheets, a formula-like name as text', async () => {
    const csv = [HEADER.join(';'), csvRow(DAK_LAK), csvRow(['22', '=HYPERLINK("http://x","y")', ...QUANG_NINH.slice(2)])].join('\n');
    const out = path('lo.xlsx');
    expect((await run(['score', file('lo.csv', csv), '--framework', 'dti-province-2022', '--out', out])).code).toBe(0);
    const lo = mkdtempSync(join(tmpdir(), 'vndi-lo-'));
    const converted = spawnSync('soffice', [`-env:UserInstallation=file://${lo}/profile`, '--headless', '--convert-to', 'fods', '--outdir', lo, out], { encoding: 'utf8', timeout: 180_000 });
    expect(converted.status).toBe(0);
    const fods = readFileSync(join(lo, 'lo.fods'), 'utf8');
    expect([...fods.matchAll(/<table:table table:name="([^"]+)"/g)].map((m) => m[1])).toEqual(['Kết quả', 'Nguồn - Sources']);
    for (const h of ['Mã', 'Tên', 'Tổng điểm', 'Giá trị DTI', 'Nhận thức số']) expect(fods).toContain(`<text:p>${h}</text:p>`);
    expect(fods).toMatch(/office:value-type="float" office:value="0.3985"/);
    expect(fods).toMatch(/office:value-type="float" office:value="398.49"/);
    // the name is text as written (the quote-prefix style, no apostrophe shown), never a formula
    expect(fods).toContain('<text:p>=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)</text:p>');
    expect(fods).not.toContain('&apos;=HYPERLINK');
    expect(fods).not.toMatch(/table:formula/);
  }, 200_000);
});

describe('the reading rules (documented in docs/cli.md)', () => {
  it('a numeric cell is the double rounded to 15 significant digits, written out plainly', () => {
    expect(['68.59999999999999', '200.00000000000003', '41.599999999999994', '1E-7', '-0', '0.30000000000000004', '123456789012345678', '1.23456789012345678', '7', ' 3 ', 'abc', '1e400'].map(excelNumber)).toEqual(
      ['68.6', '200', '41.6', '0.0000001', '0', '0.3', '123456789012346000', '1.23456789012346', '7', '3', undefined, undefined],
    );
  });

  it('a date serial as Excel shows it (the 1900 system counts 1900-02-29; the 1904 system from 1904-01-01)', () => {
    expect([1, 59, 60, 61, 45366, 45366.5].map((x) => excelDate(x))).toEqual(['1900-01-01', '1900-02-28', '1900-02-29', '1900-03-01', '2024-03-15', '2024-03-15 12:00:00']);
    expect(excelDate(0, true)).toBe('1904-01-01');
    expect(excelDate(0)).toBeUndefined();
  });
});
