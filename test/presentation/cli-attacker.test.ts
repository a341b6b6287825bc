/**
 * Hostile files and names found by an attacker's pass over the command line (after the merges of
 * #17–#22): each case here was a defect — a slow path on a small file, a formula or a control that
 * reached a spreadsheet or a terminal — and is kept as its regression test.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { didYouMean, editDistance, planColumns } from '../../src/presentation/io/headers.js';
import { runCli } from '../helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'vndi-attacker-'));
const DTI_HEADER = 'id;Tỉnh;Nhận thức số;Thể chế số;Hạ tầng số;Nhân lực số;An toàn thông tin mạng;Hoạt động chính quyền số;Hoạt động kinh tế số;Hoạt động xã hội số';
const DTI_ROW = 'X1;Tỉnh A;74;30;41,6;12,63;54;78,47;61,62;46,17';

describe('a header row as wide as Excel allows (16,384 columns)', () => {
  /** The plain Levenshtein distance, for checking the banded one. */
  function levenshtein(a: string, b: string): number {
    let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      const cur = [i];
      for (let j = 1; j <= b.length; j++) cur.push(Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
      prev = cur;
    }
    return prev[b.length]!;
  }

  it('editDistance within a limit is the distance, or limit + 1 past it (the banded computation)', () => {
    const words = ['', 'a', 'ab', 'ba', 'abc', 'acb', 'cab', 'aabbcc', 'abcabc', 'ma tinh', 'ma tinhh', 'mã tỉnh', 'hoat dong chinh quyen so', 'hoat dong chinh quyen s9', 'hoat dong kinh te so'];
    for (const a of words)
      for (const b of words)
        for (const limit of [0, 1, 2, 3, Infinity]) {
          const d = levenshtein(a, b);
          expect(Math.min(editDistance(a, b, limit), limit + 1), `${a}|${b}|${limit}`).toBe(Math.min(d, limit + 1));
        }
  });

  it('did-you-mean still names the nearest known header', () => {
    expect(didYouMean('Ma tinhh')).toBe('Mã tỉnh (id)');
    expect(didYouMean('Hoạt động chính quyền sô')).toBe('Hoạt động chính quyền số');
    expect(didYouMean('Nhân thức sô')).toBe('Nhận thức số');
    expect(didYouMean('Khác hẳn mọi tên cột')).toBeUndefined();
  });

  it('16,384 unknown headers are planned as information columns (each header near a known name checked once, not against every name)', () => {
    const header = [...DTI_HEADER.split(';'), ...Array.from({ length: 16_374 }, (_, i) => `Hoạt động chính quyền ${String(i).padStart(5, '0')}`)];
    const plan = planColumns(header);
    expect(plan.information).toHaveLength(16_374);
    // 16,374 equal headers: one answer, the same for each
    expect(planColumns([...DTI_HEADER.split(';'), ...Array.from({ length: 16_374 }, () => 'Thông tin thêm của sở')]).information).toHaveLength(16_374);
    expect(() => planColumns([...DTI_HEADER.split(';'), 'Hoạt động chính quyền s9', 'Hoạt động chính quyền s9'])).toThrow(/did you mean "Hoạt động chính quyền số"\? \(or use --columns\); unknown column "Hoạt động chính quyền s9": did you mean/);
  });

  it('vndi score of a CSV with 16,384 columns scores its row and bounds the notice listing them', async () => {
    const file = join(dir, 'wide.csv');
    const extra = Array.from({ length: 16_374 }, (_, i) => `H${i}`);
    writeFileSync(file, `${DTI_HEADER};${extra.join(';')}\n${DTI_ROW}${';'.repeat(extra.length)}\n`);
    const r = await runCli(['score', file, '--year', '2021', '--format', 'csv']);
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[1]).toMatch(/^X1,Tỉnh A,/);
    expect(r.err.length).toBeLessThan(5_000);
  });
});

describe('a workbook whose number cells hold text (t="n" with "abc")', () => {
  it('no row scored: the message gives the rows\' problem, not a missing Đô thị thông minh (listed by 922, scored nowhere)', async () => {
    const file = join(dir, 'text-in-numbers.csv');
    writeFileSync(file, `${DTI_HEADER}\nX1;Tỉnh A;abc;abc;abc;abc;abc;abc;abc;abc\n`);
    const r = await runCli(['score', file, '--year', '2021', '--format', 'csv']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/Framework dti-province-2022 expects 8 score columns; the file has 8\. The problem of [^:]*: points\.awareness \(Nhận thức số\): Value "abc" is not a number/);
    expect(r.err).not.toContain('smartCity');
  });
});

describe('a CSV of 200,000 columns (far past Excel\'s 16,384)', () => {
  const file = join(dir, 'columns.csv');
  const n = 200_000;
  writeFileSync(file, `${DTI_HEADER}${';x'.repeat(n)}\n${DTI_ROW}${';1'.repeat(n)}\n`);

  it('is scored to CSV: its information columns are written, no "Maximum call stack size exceeded"', async () => {
    const r = await runCli(['score', file, '--year', '2021', '--format', 'csv']);
    expect(r.err).not.toContain('unexpected error');
    expect(r.code).toBe(0);
    const [header, row] = r.out.split('\n');
    expect(header!.split(',').length).toBe(16 + n);
    expect(row).toMatch(/^X1,Tỉnh A,1,1,/);
  });

  it('is refused as .xlsx (exit 2, nothing written) instead of a workbook with columns past XFD that Excel calls corrupt', async () => {
    const out = join(dir, 'columns.xlsx');
    const r = await runCli(['score', file, '--year', '2021', '--out', out]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('tệp .xlsx chỉ ghi tối đa 16.384 cột (cột cuối XFD), bảng có 200.016 cột trở lên: hãy ghi CSV / an .xlsx output holds at most 16,384 columns (the last is XFD); the table has 200,016 or more: write CSV instead');
    const { existsSync } = await import('node:fs');
    expect(existsSync(out)).toBe(false);
  });
});

describe('an input that is a pipe (a FIFO no one writes to)', () => {
  // opening it waited for a writer on the main thread: Ctrl-C and SIGTERM were never handled, only kill -9 ended it
  // (and with a writer it failed anyway: ESPIPE, the sample read again from its start)
  it('is refused at once, one line, exit 2, as the input, --columns, --registered, --previous and --framework-file', async () => {
    const { execFileSync } = await import('node:child_process');
    const fifo = join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    const csv = join(dir, 'dti.csv');
    writeFileSync(csv, `${DTI_HEADER}\n${DTI_ROW}\n`);
    const refusal = (what: string) => `${what} là một ống (FIFO) hoặc socket, không phải tệp: hãy lưu dữ liệu vào một tệp rồi đọc tệp đó / ${what} is a pipe (FIFO) or socket, not a file: save the data to a file and read that`;
    for (const [args, what] of [
      [['score', fifo, '--year', '2021'], fifo],
      [['score', csv, '--year', '2021', '--columns', fifo], `--columns ${fifo}`],
      [['summary', join(__dirname, '..', '..', 'fixtures', 'dbi-sme-daklak.json'), '--registered', fifo], `--registered ${fifo}`],
      [['rank', csv, '--year', '2021', '--previous', fifo], fifo],
    ] as const) {
      const r = await runCli([...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toBe(`vndi: ${refusal(what)}\n`);
    }
    const f = await runCli(['score', csv, '--framework-file', fifo]);
    expect(f.code).toBe(2);
    expect(f.err).toContain('is a pipe (FIFO) or socket, not a file: save it to a file');
  });
});

describe('--errors naming the --out file or an input', () => {
  it('names --errors and says what the file is: the --out file (not "the input file"), or the input', async () => {
    const csv = join(dir, 'errors-in.csv');
    writeFileSync(csv, `${DTI_HEADER}\n${DTI_ROW}\n`);
    const out = join(dir, 'both.csv');
    const r = await runCli(['score', csv, '--year', '2021', '--out', out, '--errors', out]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`vndi: --errors ${out} cũng là tệp --out ${out}: hai kết quả không ghi chung một tệp; hãy chọn tên khác / --errors ${out} is also the --out file ${out}: two outputs cannot share one file; choose another name\n`);
    const e = await runCli(['score', csv, '--year', '2021', '--errors', csv]);
    expect(e.code).toBe(2);
    expect(e.err).toContain(`--errors ${csv} is the input file ${csv}: refusing to overwrite the original data`);
  });
});

describe('full-width formula signs and a byte order mark before a formula', () => {
  it('spreadsheetText neutralises ＝ ＋ － ＠ (Excel under an East Asian input method reads them as = + - @) and drops U+FEFF', async () => {
    const { spreadsheetText } = await import('../../src/presentation/format/safety.js');
    for (const s of ['＝HYPERLINK("http://x","y")', '＋cmd', '－1+1', '＠SUM(A1)']) expect(spreadsheetText(s)).toBe(`'${s}`);
    expect(spreadsheetText('\uFEFF=1+1')).toBe("'=1+1");
    for (const lone of ['＝', '＋', '－', '＠']) expect(spreadsheetText(lone)).toBe(lone);
    expect(spreadsheetText('Ｘ＝1')).toBe('Ｘ＝1');
  });

  it('vndi score writes them neutralised in CSV, --excel CSV and .xlsx', async () => {
    const csv = join(dir, 'fullwidth.csv');
    writeFileSync(csv, `${DTI_HEADER};Nguồn\nX1;＝HYPERLINK("http://x");74;30;41,6;12,63;54;78,47;61,62;46,17;＠SUM(A1)\n`);
    const plain = await runCli(['score', csv, '--year', '2021', '--format', 'csv']);
    expect(plain.out.split('\n')[1]).toMatch(/^X1,"'＝HYPERLINK\(""http:\/\/x""\)",.*,'＠SUM\(A1\)$/);
    const excel = await runCli(['score', csv, '--year', '2021', '--format', 'csv', '--excel']);
    expect(excel.out.split('\r\n')[1]).toMatch(/^X1;"'＝HYPERLINK\(""http:\/\/x""\)";/);
    const out = join(dir, 'fullwidth.xlsx');
    expect((await runCli(['score', csv, '--year', '2021', '--out', out])).code).toBe(0);
    const { default: readXlsxFile } = await import('read-excel-file/node');
    const { readFileSync } = await import('node:fs');
    const rows = (await readXlsxFile(readFileSync(out)))[0]!.data;
    // in a workbook: the text as written, in a text cell with the quote-prefix style (output.test.ts)
    expect(rows[1]![1]).toBe('＝HYPERLINK("http://x")');
  });
});

describe('an HTML report of a file whose every row is rejected', () => {
  it('says no report was written because no row scored (exit 1), not the library\'s "framework: One of these fields is required"', async () => {
    const csv = join(dir, 'all-bad.csv');
    writeFileSync(csv, `${DTI_HEADER}\nX1;Tỉnh A;abc;30;41,6;12,63;54;78,47;61,62;46,17\n`);
    for (const command of ['score', 'rank']) {
      const out = join(dir, `all-bad-${command}.html`);
      const r = await runCli([command, csv, '--year', '2021', '--out', out]);
      expect(r.code).toBe(1);
      expect(r.err).toContain('vndi: không ghi báo cáo HTML: không dòng nào được chấm (xem các lỗi ở trên) / no HTML report written: no row was scored (see the problems above)\n');
      expect(r.err).not.toContain('is required');
      const { existsSync } = await import('node:fs');
      expect(existsSync(out)).toBe(false);
    }
  });
});

describe('a column headed __proto__ (or constructor, hasOwnProperty)', () => {
  it('is an information column like any other, written in every format, not a run ended by "expected string, number or null"', async () => {
    const csv = join(dir, 'proto-columns.csv');
    writeFileSync(csv, `${DTI_HEADER};__proto__;constructor;hasOwnProperty\n${DTI_ROW};p;c;h\n`);
    const r = await runCli(['score', csv, '--year', '2021', '--format', 'csv']);
    expect(r.code).toBe(0);
    expect(r.out.split('\n').slice(0, 2)).toEqual([
      'id,name,__proto__,constructor,hasOwnProperty,framework,total,value,government,economy,society,awareness,institutions,infrastructure,humanResources,cybersecurity,digitalGovernment,digitalEconomy,digitalSociety',
      'X1,Tỉnh A,p,c,h,dti-province-2022,398.49,0.3985,0.4153,0.4213,0.3975,74,30,41.6,12.63,54,78.47,61.62,46.17',
    ]);
    for (const format of ['table', 'md', 'html', 'json']) expect((await runCli(['score', csv, '--year', '2021', '--format', format])).code, format).toBe(0);
    expect(({} as Record<string, unknown>).p).toBeUndefined();
    const { rowFromFields } = await import('../../src/presentation/io/rows.js');
    const row = rowFromFields(planColumns(['id', '__proto__']), ['X1', 'p'], 2);
    expect(Object.getPrototypeOf(row.meta)).toBe(Object.prototype);
    expect(Object.hasOwn(row.meta, '__proto__') && row.meta['__proto__']).toBe('p');
  });
});

describe('a JSON array of 300,000 empty rows (900 KB)', () => {
  // each rejected row's ValidationError captured a stack the command never prints: 6 µs each, half
  // the 3.6 s of such a file; the built command captures none (the timing is for bench, not here)
  it('the built vndi captures no stack traces, and still reports every row in one line each', async () => {
    const { execFileSync, spawnSync } = await import('node:child_process');
    const { existsSync } = await import('node:fs');
    const root = join(__dirname, '..', '..');
    const cli = join(root, 'dist', 'cli.js');
    if (!existsSync(cli)) execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'ignore' });
    const file = join(dir, 'empties.json');
    writeFileSync(file, `[${Array.from({ length: 3 }, () => '{}').join(',')}]`);
    const probe = join(dir, 'probe.cjs');
    writeFileSync(probe, "process.on('exit', () => process.stderr.write(`stackTraceLimit=${Error.stackTraceLimit}\\n`));\n");
    const r = spawnSync(process.execPath, ['--require', probe, cli, 'score', file, '--framework', 'dti-province-2022', '--format', 'csv'], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('stackTraceLimit=0\n');
    expect(r.stderr.split('\n').filter((l) => /^line \d: values\.awareness/.test(l) || /^line \d/.test(l))).toHaveLength(3);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('a workbook of rows whose one value sits in XFD (1 MB, 200,000 rows took over a minute and 2.7 GB)', () => {
  it('keeps no cell right of the header once it is known, and scores the rows within it', async () => {
    const { zipParts, workbookParts } = await import('./workbooks.js');
    const { Workbook } = await import('../../src/presentation/io/workbook.js');
    const header = DTI_HEADER.split(';');
    const values = DTI_ROW.split(';').map((v, i) => (i < 2 ? v : Number(v.replace(',', '.'))));
    const cell = (v: string | number, ref: string) => (typeof v === 'number' ? `<c r="${ref}"><v>${v}</v></c>` : `<c r="${ref}" t="inlineStr"><is><t>${v}</t></is></c>`);
    const letters = (i: number) => String.fromCharCode(65 + i);
    const n = 20_000;
    const far = Array.from({ length: n }, (_, k) => `<row r="${k + 2}"><c r="XFD${k + 2}"><v>1</v></c></row>`).join('');
    const last = n + 2;
    const xml = `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">${header.map((h, i) => cell(h, `${letters(i)}1`)).join('')}</row>${far}<row r="${last}">${values.map((v, i) => cell(v, `${letters(i)}${last}`)).join('')}<c r="XFD${last}"><v>9</v></c></row></sheetData></worksheet>`;
    const file = join(dir, 'xfd.xlsx');
    writeFileSync(file, await zipParts(workbookParts([{ name: 'S1', xml }])));
    // the reader: past limitColumns, a row holds at most that many cells
    const book = await Workbook.open(file);
    let widest = 0;
    let first = true;
    for await (const batch of book.rows(book.sheets[0]!)) {
      if (first) book.limitColumns(header.length);
      first = false;
      for (const r of batch) if (r.row > 1000) widest = Math.max(widest, r.cells.length);
    }
    book.close();
    expect(widest).toBe(header.length);
    // the command: the far cells are set aside, the one row within the header scores
    const r = await runCli(['score', file, '--year', '2021', '--format', 'csv']);
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[1]).toMatch(/^X1,Tỉnh A,dti-province-2022,398.49,0.3985,/);
  });
});

describe('--columns naming no field', () => {
  it('a header mapped to __proto__, constructor or an empty name is refused (exit 2, one line), never dropped in silence', async () => {
    const csv = join(dir, 'columns.csv');
    writeFileSync(csv, `${DTI_HEADER}\n66;Đắk Lắk;74;30;41,6;12,63;54;78,47;61,62;46,17\n`);
    for (const field of ['__proto__', 'constructor', ' ']) {
      const map = join(dir, `map-${field.trim() || 'blank'}.json`);
      writeFileSync(map, JSON.stringify({ 'Nhận thức số': field }));
      const r = await runCli(['score', csv, '--year', '2021', '--columns', map, '--format', 'csv']);
      expect(r.code).toBe(2);
      expect(r.err.trim().split('\n')).toHaveLength(1);
      expect(r.err).toMatch(/không phải tên trường .* \/ .* is not a field name/);
      expect(r.out).toBe('');
    }
  });
});
