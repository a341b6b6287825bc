import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/index.js';
import { readRows, cellValue } from '../../src/presentation/io/rows.js';
import { main } from '../../src/presentation/cli/main.js';
import { runCli } from '../helpers.js';

const root = join(__dirname, '..', '..');
const fx = (name: string) => join(root, 'fixtures', name);

const run = runCli;

describe('CSV as Excel writes it', () => {
  it('reads a BOM, ";" separators, Vietnamese headers and decimal commas', async () => {
    const text = readFileSync(fx('dti-2021-excel.csv'), 'utf8');
    const records = parseCsv(text);
    expect(records[0]!.fields[0]).toBe('id');
    expect(records[1]!.fields).toContain('41,6');
    const rows = readRows(text, 'x.csv');
    expect(rows[0]).toMatchObject({ line: 2, id: '66', meta: { name: 'Đắk Lắk' } });
    expect(rows[0]!.cells['Nhận thức số']).toBe('74');
    expect(rows[0]!.meta.source).toMatch(/Đắk Lắk provincial plan/);
    expect(rows[1]).toMatchObject({ id: 'MH01', meta: { name: 'Tỉnh Minh Họa 01', source: 'minh họa' } });
  });

  it('scores that CSV exactly: Đắk Lắk 398.49 / 0.3985, an illustrative unit 0.2285', async () => {
    const r = await run(['score', fx('dti-2021-excel.csv'), '--framework', 'dti-province-2022', '--format', 'json']);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.out).rows;
    expect(rows[0].result).toMatchObject({ total: 398.49, value: 0.3985 });
    expect(rows[0].result.pillars.government.value).toBe(0.4153);
    // MH01 (illustrative; issue #11 replaced Quảng Ninh's 2022 figures, which did not belong in a
    // 2021 file): 25.9 + 26.62 + 22.51 + 17.55 + 30.54 + 44.52 + 20.6 + 40.22 = 228.46 → 0.2285;
    // society (123.12 + 40.22)/650 = 0.25129… → 0.2513
    expect(rows[1].result).toMatchObject({ total: 228.46, value: 0.2285 });
    expect(rows[1].result.pillars.society.value).toBe(0.2513);
  });

  it('handles quotes, commas inside quotes, CRLF and a "," separator with quoted decimal commas', async () => {
    const recs = parseCsv('id,name,awareness\r\n1,"Hà Nội, thủ đô","74,5"\n2,"say ""hi""",3\n');
    expect(recs.map((r) => r.fields)).toEqual([['id', 'name', 'awareness'], ['1', 'Hà Nội, thủ đô', '74,5'], ['2', 'say "hi"', '3']]);
    expect(cellValue('74,5')).toBe('74.5');
    expect(cellValue('1.234,5')).toBe('1234.5');
    expect(cellValue('0.5')).toBe('0.5');
  });
});

describe('vndi', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'vndi-'));
  });

  it('lists frameworks', async () => {
    const r = await run(['frameworks', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).map((f: { id: string }) => f.id)).toContain('dbi-2021-sme');
    const t = await run(['frameworks', '--format', 'table']);
    expect(t.out).toMatch(/922\/QĐ-BTTTT/);
  });

  it('reports each bad row with its line and field, still scores the good rows, exits 1', async () => {
    const file = join(dir, 'bad.csv');
    writeFileSync(file, 'id;Nhận thức số;Thể chế số;Hạ tầng số;Nhân lực số;An toàn thông tin mạng;Hoạt động chính quyền số;Hoạt động kinh tế số;Hoạt động xã hội số\n66;74;30;41,6;12,63;54;78,47;61,62;46,17\n67;101;30;41,6;12,63;54;78,47;61,62;46,17\n68;x;30;41,6;12,63;54;78,47;61,62\n');
    const r = await run(['score', file, '--framework', 'dti-province-2022', '--format', 'json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).rows).toHaveLength(1);
    expect(r.err).toMatch(/line 3 \(67\): points\.awareness \(Nhận thức số\): [^\n]+ \/ Value "101" is outside the allowed range \[0, 100\]/);
    // row 4 has 8 fields under 9 headers: rejected whole, never scored with its cells shifted
    expect(r.err).toMatch(/line 4 \(68\): \(row\): [^\n]+ \/ the row has 8 fields but the header has 9 columns/);
    expect(r.err).toMatch(/read 3 rows: 1 scored, 2 rejected, 0 blank/);
    const strict = await run(['score', file, '--framework', 'dti-province-2022', '--format', 'json', '--strict']);
    expect(strict.code).toBe(1);
    expect(strict.out).toBe('');
    expect(strict.err.match(/line \d/g)).toHaveLength(1);
  });

  it('exits 2 on usage errors', async () => {
    expect((await run(['nonsense'])).code).toBe(2);
    expect((await run([])).code).toBe(2);
    expect((await run(['score'])).code).toBe(2);
    expect((await run(['score', fx('dti-2021.json'), '--format', 'pdf'])).code).toBe(2);
    expect((await run(['score', fx('dti-2021.json'), '--bogus'])).code).toBe(2);
    expect((await run(['--help'])).code).toBe(0);
  });

  it('scores JSON and NDJSON, writes CSV for Excel atomically', async () => {
    const ndjson = join(dir, 'rows.ndjson');
    const rows = JSON.parse(readFileSync(fx('dbi-sme-daklak.json'), 'utf8')).slice(0, 3);
    writeFileSync(ndjson, rows.map((r: unknown) => JSON.stringify(r)).join('\n') + '\n');
    const out = join(dir, 'scored.csv');
    const r = await run(['score', ndjson, '--out', out, '--excel']);
    expect(r.code).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    // the officer's own columns (district, sector, size, year) come back between the name and the figures
    expect(text.slice(1).split('\r\n')[0]).toMatch(/^Mã;Tên;Huyện;Ngành;Quy mô;Năm;Bộ chỉ số;Tổng điểm;Điểm tối đa;Tỷ lệ \(%\);Mức;/);
    expect(readdirSync(dir).some((f) => f.endsWith('.tmp'))).toBe(false);
  });

  it('ranks within regions with the change from the previous year', async () => {
    const r = await run(['rank', fx('dti-2022.json'), '--group-by', 'region', '--previous', fx('dti-2021.json'), '--format', 'json']);
    expect(r.code).toBe(0);
    const ranking = JSON.parse(r.out).rows;
    expect(ranking).toHaveLength(63);
    expect(ranking[0].rank).toBe(1);
    // the fixture's fictional units are grouped by their own region column (issue #11)
    const redRiver = ranking.filter((x: { group?: string }) => x.group === 'redRiverDelta');
    expect(redRiver).toHaveLength(12); // Quảng Ninh + 11 illustrative units
    expect(ranking.find((x: { id: string }) => x.id === '22').ofInGroup).toBe(12);
    const md = await run(['rank', fx('dti-2022.json'), '--group-by', 'region', '--previous', fx('dti-2021.json'), '--format', 'md']);
    // Markdown is read by an officer: Vietnamese headers by default, like the table and HTML
    expect(md.out).toMatch(/\| Xếp hạng \| Mã \| Tên \| Giá trị DTI \| Nhóm \| Hạng trong nhóm \| Thay đổi so với năm trước \|/);
  });

  it('plans a DBI gap and a DTI gap', async () => {
    const dbi = await run(['gap', fx('dbi-sme-daklak.json'), '--unit', 'DN001', '--format', 'json']);
    expect(dbi.code).toBe(0);
    const gap = JSON.parse(dbi.out);
    expect(gap.reachable).toBe(true);
    expect(gap.result.level).toBeGreaterThanOrEqual(gap.targetLevel);
    const dti = await run(['gap', fx('dti-2021.json'), '--unit', '66', '--target', 'value:0.5', '--format', 'json']);
    expect(JSON.parse(dti.out).pointsNeeded).toBe(101.51);
    expect((await run(['gap', fx('dti-2021.json'), '--unit', '66', '--target', 'nonsense'])).code).toBe(2);
  });

  it('summarizes by district with coverage', async () => {
    const r = await run(['summary', fx('dbi-sme-daklak.json'), '--group-by', 'district', '--registered', fx('registered-smes-daklak.json'), '--target', '0,5', '--format', 'json']);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.out);
    expect(s.overall.count).toBe(60);
    expect(s.overall.coverage.target).toBe(0.5);
  });

  it('runs the demo', async () => {
    const r = await run(['demo']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Tổng điểm 398.49\/1000 → DTI 0.3985/);
    expect(r.out).toMatch(/Đà Nẵng mới 0.7069/);
  });
});

describe('vndi as an installed command', () => {
  it('runs from the build (dist/cli.js) when built', async () => {
    const cli = join(root, 'dist', 'cli.js');
    if (!existsSync(cli)) execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'ignore' });
    const r = spawnSync(process.execPath, [cli, 'frameworks', '--format', 'json'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toHaveLength(9);
    const usage = spawnSync(process.execPath, [cli, 'bogus'], { encoding: 'utf8' });
    expect(usage.status).toBe(2);
  });
});

describe('vndi details', () => {
  it('reads values with Vietnamese headers and decimal commas (--input values)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vndi-values-'));
    const file = join(dir, 'qn.csv');
    writeFileSync(file, '\uFEFFid;Tỉnh;Nhận thức số;Thể chế số;Hạ tầng số;Nhân lực số;An toàn thông tin mạng;Hoạt động chính quyền số;Hoạt động kinh tế số;Hoạt động xã hội số\r\n22;Quảng Ninh;0,9581;0,9;0,7648;0,625;0,5382;0,8385;0,5904;0,4505\r\n');
    const r = await run(['score', file, '--framework', 'dti-province-2022', '--input', 'values', '--format', 'json']);
    expect(r.code).toBe(0);
    const [row] = JSON.parse(r.out).rows;
    expect([row.result.value, row.result.pillars.government.value, row.result.pillars.economy.value, row.result.pillars.society.value]).toEqual([0.7024, 0.7804, 0.7187, 0.6864]);
    expect((await run(['score', file, '--framework', 'dti-province-2022', '--input', 'both'])).code).toBe(2);
  });

  it('writes HTML reports from the command line', async () => {
    const cohort = await run(['score', fx('dbi-sme-daklak.json'), '--format', 'html']);
    expect(cohort.code).toBe(0);
    expect(cohort.out).toMatch(/^<!DOCTYPE html>/);
    expect(cohort.out).toContain('class="chart stacked"');
    const provinces = await run(['rank', fx('dti-2022.json'), '--format', 'html']);
    expect(provinces.out).toContain('class="chart bars"');
    const gap = await run(['gap', fx('dbi-sme-daklak.json'), '--unit', 'DN002', '--format', 'html']);
    expect(gap.out).toContain('class="chart radar"');
    expect((await run(['frameworks', '--format', 'html'])).code).toBe(2);
  });

  it('shows progress with rows per second on a terminal for long runs, and none when piped', async () => {
    const { progressMeter } = await import('../../src/presentation/io/progress.js');
    const stderr = process.stderr as NodeJS.WriteStream & { isTTY?: boolean };
    const was = stderr.isTTY;
    let written = '';
    const w = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((s: string) => ((written += s), true)) as typeof process.stderr.write;
    let clock = 0;
    try {
      stderr.isTTY = false;
      expect(progressMeter(10 << 20)).toBeUndefined();
      stderr.isTTY = true;
      expect(progressMeter(1000)).toBeUndefined(); // small files: no meter
      const tick = progressMeter(10 << 20, () => clock)!;
      clock = 1000;
      tick(50_000, 5 << 20); // half the file in one second
      clock = 1100;
      tick(60_000, 6 << 20); // within 250 ms of the last redraw: skipped
      clock = 2000;
      tick(100_000, 10 << 20, true);
    } finally {
      stderr.isTTY = was;
      process.stderr.write = w;
    }
    expect(written).toContain('] 50% 50,000 dòng/rows, 50,000 dòng/giây (rows/s)');
    expect(written).not.toContain('60,000');
    expect(written.endsWith('] 100% 100,000 dòng/rows, 50,000 dòng/giây (rows/s)\n')).toBe(true);
  });
});
