/**
 * `vndi rank --previous`: a rank that did not move is written "=" (English) / "giữ nguyên"
 * (Vietnamese) in every output, and a spreadsheet shows "=" as that sign, never `'=`: a formula sign
 * alone is not neutralised (there is nothing to evaluate), which LibreOffice headless confirms.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import readXlsxFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'vndi-rank-unchanged-'));
const fx = (name: string) => join(__dirname, '..', '..', 'fixtures', name);
const same = ['rank', fx('dti-2022.json'), '--previous', fx('dti-2022.json')];

describe('rank --previous: an unchanged rank', () => {
  it('is "=" in plain and English CSV, "giữ nguyên" in Excel CSV, never \'=', async () => {
    const plain = await runCli([...same, '--format', 'csv']);
    expect(plain.code).toBe(0);
    const lines = plain.out.split('\n');
    expect(lines[0]).toMatch(/^rank,id,name,value,change,/);
    expect(lines[1]).toMatch(/^1,MH07,Tỉnh Minh Họa 07,0\.7821,=,/);
    expect(plain.out).not.toContain("'=");
    const en = await runCli([...same, '--format', 'csv', '--lang', 'en']);
    expect(en.out.split('\n')[1]).toMatch(/^1,MH07,Tỉnh Minh Họa 07,0\.7821,=,/);
    const excel = await runCli([...same, '--format', 'csv', '--excel']);
    expect(excel.out.split('\r\n')[1]).toMatch(/^1;MH07;Tỉnh Minh Họa 07;0,7821;giữ nguyên;/);
  });

  it('is the text "=" in an .xlsx written by vndi', async () => {
    const out = join(dir, 'rank-en.xlsx');
    expect((await runCli([...same, '--out', out, '--lang', 'en'])).code).toBe(0);
    const data = (await readXlsxFile(readFileSync(out)))[0]!.data;
    expect(data[0]![4]).toBe('Change from previous year');
    expect(data.slice(1, 64).map((r) => r[4])).toEqual(Array(63).fill('='));
  });

  const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
  it.skipIf(!soffice)('LibreOffice (headless) opens the CSV with "=" as the text "="', async () => {
    const out = join(dir, 'rank-en.csv');
    expect((await runCli([...same, '--out', out, '--lang', 'en'])).code).toBe(0);
    const converted = mkdtempSync(join(tmpdir(), 'vndi-soffice-'));
    // 44: comma separated, 34: '"' quotes, 76: UTF-8, from line 1
    execFileSync('soffice', [`-env:UserInstallation=file://${converted}/profile`, '--headless', '--convert-to', 'xlsx', '--infilter=CSV:44,34,76,1', '--outdir', converted, out], { stdio: 'ignore', timeout: 120_000 });
    const xlsx = readdirSync(converted).find((f) => f.endsWith('.xlsx'))!;
    const data = (await readXlsxFile(readFileSync(join(converted, xlsx))))[0]!.data;
    expect(data[1]!.slice(0, 5)).toEqual([1, 'MH07', 'Tỉnh Minh Họa 07', 0.7821, '=']);
    expect(data.slice(1, 64).every((r) => r[4] === '=')).toBe(true);
  }, 180_000);
});
