/**
 * Exit codes of `vndi`: a bad option value (`--by xx`, a bad `--target`, an unknown `--lang` …) is a
 * usage error and an empty input file an input problem: exit 2, one bilingual line on stderr
 * (Vietnamese first), nothing on stdout, nothing written, no stack trace. The codes are stated the
 * same way by `vndi --help`, docs/cli.md and the README.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import writeXlsxFile from 'write-excel-file/node';
import { describe, expect, it } from 'vitest';
import { runCli as run } from '../helpers.js';

const root = join(__dirname, '..', '..');
const fixture = (name: string) => join(root, 'fixtures', name);
const dir = mkdtempSync(join(tmpdir(), 'vndi-exit-'));
const write = (name: string, content: string | Uint8Array) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const DTI = fixture('dti-2021.json');
const DBI = fixture('dbi-sme-daklak.json');

/** A one-line failure: `vndi: <vi> / <en>…`, exit 2, nothing on stdout, no stack trace. */
async function usage(args: string[]): Promise<{ vi: string; en: string; line: string }> {
  const r = await run(args);
  expect(r.code, args.join(' ')).toBe(2);
  expect(r.out, args.join(' ')).toBe('');
  expect(r.err, args.join(' ')).toMatch(/^vndi: [^\n]+\n$/);
  expect(r.err).not.toMatch(/\n\s+at |Error:/);
  const line = r.err.slice('vndi: '.length, -1);
  const [vi, en] = line.split(' / ');
  return { vi: vi!, en: en!, line };
}

describe('a bad option value is a usage error: exit 2, one line, Vietnamese first', () => {
  it('rank --by xx on DTI rows names the measures of the framework', async () => {
    const { line } = await usage(['rank', DTI, '--by', 'xx']);
    const measures = '"value", "total", "government", "economy", "society", "awareness", "institutions", "infrastructure", "humanResources", "cybersecurity", "smartCity", "digitalGovernment", "digitalEconomy", "digitalSociety"';
    expect(line).toBe(`--by: Tùy chọn không hợp lệ: nhận được "xx", cần một trong ${measures} / --by: Invalid option: received "xx", expected one of ${measures} (vndi --help)`);
  });

  it('rank --by xx on DBI rows (it ranked every row tied at no score and exited 0)', async () => {
    for (const format of ['json', 'html']) {
      const { line } = await usage(['rank', DBI, '--by', 'xx', '--format', format]);
      expect(line).toBe('--by: "xx" không phải thước đo của dbi-2021-sme; cần một trong: total, percent, customer, strategy, technology, operations, culture, data / --by: "xx" is not a measure of dbi-2021-sme; expected one of: total, percent, customer, strategy, technology, operations, culture, data (vndi --help)');
    }
  });

  it('gap --target for DTI: the shape, the rank, and the range, each named (rank:abc printed "Value NaN", exit 1)', async () => {
    const gap = (target: string) => usage(['gap', DTI, '--unit', '66', '--target', target]);
    expect((await gap('foo:1')).line).toBe('--target phải có dạng value:0.5, points:500, rank:10 hoặc unit:<mã> / --target must look like value:0.5, points:500, rank:10 or unit:<id> (vndi --help)');
    expect((await gap('value')).en).toBe('--target must look like value:0.5, points:500, rank:10 or unit:<id> (vndi --help)');
    expect((await gap('rank:abc')).line).toBe('--target rank:abc: thứ hạng phải là số nguyên dương, ví dụ rank:10 / --target rank:abc: the rank must be a whole number, e.g. rank:10 (vndi --help)');
    expect((await gap('rank:0')).line).toBe('--target: Giá trị 0 nằm ngoài khoảng cho phép [1, 62] / --target: Value 0 is outside the allowed range [1, 62] (vndi --help)');
    expect((await gap('value:7')).line).toBe('--target: Giá trị "7" nằm ngoài khoảng cho phép [0, 1] / --target: Value "7" is outside the allowed range [0, 1] (vndi --help)');
    expect((await gap('value:abc')).en).toBe('--target: Value "abc" is not a number (use a number or a decimal string such as "41.6") (vndi --help)');
    expect((await gap('points:-5')).en).toBe('--target: Value "-5" is outside the allowed range [0, 1000] (vndi --help)');
    expect((await gap('unit:ZZ')).line).toBe('--target: không có dòng mã ZZ / --target: no row with id ZZ (vndi --help)');
  });

  it('gap --target for DBI: a level of the framework (level 9 of a 0–5 framework exited 0)', async () => {
    expect((await usage(['gap', DBI, '--unit', 'DN001', '--target', '9'])).line).toBe('--target: dbi-2021-sme không có mức 9 (các mức: 0, 1, 2, 3, 4, 5) / --target: dbi-2021-sme has no level 9 (levels: 0, 1, 2, 3, 4, 5) (vndi --help)');
    expect((await usage(['gap', DBI, '--unit', 'DN001', '--target', 'x'])).line).toBe('--target của DBI là một mức (số nguyên) / --target for DBI is a level (integer) (vndi --help)');
    expect((await usage(['summary', DBI, '--target', '2'])).line).toBe('--target của summary là một tỉ lệ từ 0 đến 1, ví dụ 0.5 / --target for summary is a share between 0 and 1, e.g. 0.5 (vndi --help)');
  });

  it('--lang fr, --format x, --method x, --input x, --year x, an unknown option or command', async () => {
    expect((await usage(['score', DTI, '--lang', 'fr'])).line).toBe('--lang phải là vi hoặc en, nhận "fr" / --lang must be vi or en, got "fr" (vndi --help)');
    expect((await usage(['score', DTI, '--format', 'x'])).line).toBe('không có --format x; các định dạng: table, json, ndjson, csv, md, html, xlsx / unknown --format x; known: table, json, ndjson, csv, md, html, xlsx (vndi --help)');
    expect((await usage(['rank', DTI, '--method', 'x'])).vi).toBe('--method phải là competition, dense hoặc ordinal');
    expect((await usage(['score', DTI, '--input', 'x'])).vi).toBe('--input phải là points hoặc values');
    expect((await usage(['score', DTI, '--year', 'x'])).vi).toBe('--year phải là một năm, ví dụ 2023');
    expect((await usage(['score', DTI, '--framework', 'dti-9999'])).vi).toMatch(/^không có --framework dti-9999; các bộ chỉ số: dti-province-2020, /);
    expect((await usage(['score', DTI, '--bogus'])).vi).toBe('dòng lệnh không hợp lệ');
    expect((await usage(['rescore', DTI])).line).toBe('không có lệnh rescore / unknown command rescore (vndi --help)');
    expect((await usage(['gap', DTI])).line).toBe('gap cần --unit <mã> / gap needs --unit <id> (vndi --help)');
    expect((await usage(['score'])).line).toBe('thiếu <tệp> / missing <file> (vndi --help)');
  });

  it('the same options with good values still run (exit 0)', async () => {
    for (const args of [
      ['rank', DTI, '--by', 'economy', '--format', 'json'],
      ['rank', DBI, '--by', 'customer', '--format', 'json'],
      ['rank', DBI, '--by', 'percent', '--format', 'html'],
      ['gap', DTI, '--unit', '66', '--target', 'value:0.9', '--format', 'json'],
      ['gap', DTI, '--unit', '66', '--target', 'rank:10', '--format', 'json'],
      ['gap', DBI, '--unit', 'DN001', '--target', '5', '--format', 'json'],
      ['score', DTI, '--lang', 'en', '--format', 'csv'],
    ]) {
      const r = await run(args);
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.out.length).toBeGreaterThan(0);
    }
  });
});

describe('an empty input file is exit 2 (an input problem), and nothing is written', () => {
  const noData = (file: string) => `${file}: tệp không có dữ liệu / ${file}: the file has no data`;

  it('no bytes, blanks only, or a byte-order mark only: CSV and JSON alike (an empty .json said "invalid JSON", exit 1)', async () => {
    for (const [name, content] of [['empty.csv', ''], ['empty.json', ''], ['blank.csv', '\n \n\r\n'], ['bom.csv', '\uFEFF'], ['spaces.json', '   \n']] as const) {
      const file = write(name, content);
      expect((await usage(['score', file, '--framework', 'dti-province-2022'])).line, name).toBe(noData(file));
    }
  });

  it('a header and no row, a JSON array with no row, a sheet with a header only: nothing is written to --out', async () => {
    const header = write('header.csv', 'id,awareness,institutions\n\n');
    const out = join(dir, 'o.csv');
    expect((await usage(['score', header, '--framework', 'dti-province-2022', '--out', out])).line).toBe(
      `${header}: tệp không có dòng dữ liệu nào (chỉ có tiêu đề, dòng trống hoặc dòng tổng cộng) / ${header}: the file has no data rows (only a header, blank lines or totals rows)`,
    );
    expect(existsSync(out)).toBe(false);
    const array = write('none.json', '[]');
    expect((await usage(['rank', array, '--format', 'csv'])).line).toBe(`${array}: tệp không có dòng dữ liệu nào / ${array}: the file has no data rows`);
    const xlsx = join(dir, 'header.xlsx');
    await writeXlsxFile([[{ value: 'id' }, { value: 'awareness' }]] as never, {}).toFile(xlsx);
    expect((await usage(['summary', xlsx])).en).toBe(`${xlsx}: the file has no data rows (only a header, blank lines or totals rows)`);
  });
});

describe('the exit codes are stated exactly, the same in --help, docs/cli.md and the README', () => {
  it('--help lists 0, 1, 2 and 130, and docs/cli.md holds the same block', async () => {
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    const block = help.out.slice(help.out.indexOf('Exit codes\n'));
    expect(block.split('\n').filter((l) => /^ {2}\d+ /.test(l)).map((l) => l.trim().split(/\s+/)[0])).toEqual(['0', '1', '2', '130']);
    expect(block).toContain('bad option value (--by, --target, --lang');
    expect(block).toContain('an input file that is missing, unreadable or empty');
    const doc = readFileSync(join(root, 'docs', 'cli.md'), 'utf8');
    expect(doc).toContain(block.trimEnd());
  });

  it('the README names the same codes and links docs/cli.md', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const para = readme.slice(readme.indexOf('**Exit codes:**'), readme.indexOf('## Trust'));
    expect(para).toMatch(/0 done; 1 invalid input data .*; 2 usage or file problem .*; 130 interrupted/s);
    expect(para).toContain('empty');
    expect(para).toContain('[docs/cli.md](docs/cli.md)');
  });
});
