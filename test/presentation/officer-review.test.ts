/**
 * Found by checking `vndi` as a provincial officer would (an office's sheets, each output looked at in
 * a browser). Each case is a regression test of one fix.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/presentation/cli/main.js';
import { renderReport } from '../../src/presentation/report/html.js';
import { scoreDti } from '../../src/index.js';
import { runCli } from '../helpers.js';

const fx = (name: string) => fileURLToPath(new URL(`../../fixtures/${name}`, import.meta.url));

const run = runCli;

/** The text of an HTML page without its tags, one space between words. */
const text = (html: string) => html.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('DTI gap as an HTML report', () => {
  it('carries the plan the terminal prints: target, points needed and where (Đắk Lắk 2021 to 0.5)', async () => {
    const r = await run(['gap', fx('dti-2021.json'), '--unit', '66', '--target', 'value:0.5', '--format', 'html']);
    expect(r.code).toBe(0);
    const page = text(r.out);
    // 0.5 × 1000 − 398.49 = 101.51 points; human resources first (12.63 → 100: 87.37), then
    // institutions 101.51 − 87.37 = 14.14 (leverage order of dtiGap); the others need none
    expect(page).toContain('Lộ trình đạt mục tiêu DTI: 0,3985 → 0,5000');
    expect(page).toContain('101,51 / 500 Cần thêm');
    expect(page).toContain('+0,1015 Giá trị DTI');
    expect(page).toMatch(/Nhân lực số 12,63 100 87,37 87,37 /);
    expect(page).toMatch(/Thể chế số 30 100 70 14,14 /);
    expect(page).toMatch(/Hoạt động chính quyền số 78,47 200 121,53 0 /);
  });

  it('in English with --lang en', async () => {
    const r = await run(['gap', fx('dti-2021.json'), '--unit', '66', '--target', 'value:0.5', '--format', 'html', '--lang', 'en']);
    expect(text(r.out)).toContain('Plan to the DTI target: 0.3985 → 0.5000');
    expect(text(r.out)).toContain('101.51 / 500 Points needed');
  });

  it('a malformed gap is a ValidationError naming its path, never a TypeError', () => {
    const result = scoreDti('dti-province-2022', { points: { awareness: 74, institutions: 30, infrastructure: 41.6, humanResources: 12.63, cybersecurity: 54, digitalGovernment: 78.47, digitalEconomy: 61.62, digitalSociety: 46.17 } });
    expect(() => renderReport({ kind: 'province', result, gap: { current: { total: 1, value: 0.001 } } as never })).toThrow(/gap\.target/);
  });
});

describe('HTML layout', () => {
  it("a row's data source is body text, not a 22 px figure; unit names stay on one line", async () => {
    const unit = await run(['gap', fx('dti-2021.json'), '--unit', '66', '--target', 'value:0.5', '--format', 'html']);
    expect(unit.out).toMatch(/<div class="figure text"><b>Đắk Lắk provincial plan/);
    expect(unit.out).toContain('.figure.text b{font-size:14px');
    const rank = await run(['rank', fx('dti-2021.json'), '--format', 'html']);
    expect(rank.out).toContain('<td><span class="nw">Tỉnh Minh Họa 59</span></td>');
    expect(rank.out).toContain('.nw{white-space:nowrap}');
  });
});

describe('one format per figure', () => {
  it('gap: the benchmark gaps are 0–1 value differences, printed with 4 decimals like the values', async () => {
    const r = await run(['gap', fx('dti-2021.json'), '--unit', '66', '--target', 'value:0.5', '--format', 'csv', '--lang', 'vi']);
    const rows = r.out.split('\n').filter((l) => /^(infrastructure|digitalEconomy);/.test(l));
    // infrastructure: value 0.4160 against the peers' average 0.3923 → −0.0237; leader 0.6470 → 0.2310
    // (the table printed 0,231); digital economy: 0.4108 − 0.3988 = −0.0120 (printed -0,012)
    expect(rows[0]).toMatch(/;-0,0237;[^;]*;0,2310\r?$/);
    expect(rows[1]).toMatch(/;-0,0120;[^;]*;0,2504\r?$/);
  });

  it('summary: coverage (%) with 2 decimals in every row; HTML percentages likewise', async () => {
    const r = await run(['summary', fx('dbi-sme-daklak.json'), '--group-by', 'district', '--registered', fx('registered-smes-daklak.json'), '--format', 'html']);
    expect(r.code).toBe(0);
    const percents = [...r.out.matchAll(/>(\d+(?:,\d+)?)%</g)].map((m) => m[1] ?? "");
    expect(percents.length).toBeGreaterThan(10);
    expect(percents.every((p) => /,\d\d$/.test(p))).toBe(true);
  });
});

describe('Vietnamese words in a Vietnamese gap table', () => {
  it('DBI gap: the pillar by its Vietnamese name (not `customer`); machine CSV keeps the id', async () => {
    // DN002 of the Đắk Lắk SME fixture: its first step raises 1.1.7 (pillar "customer") from 1 to 5
    const vi = await run(['gap', fx('dbi-sme-daklak.json'), '--unit', 'DN002', '--target', '4', '--format', 'csv', '--lang', 'vi']);
    expect(vi.out.split('\n')[1]).toMatch(/^1\.1\.7;[^;]+;Trải nghiệm số cho khách hàng;1;5;4\r?$/);
    expect(vi.out).not.toMatch(/;customer;/);
    const machine = await run(['gap', fx('dbi-sme-daklak.json'), '--unit', 'DN002', '--target', '4', '--format', 'csv']);
    expect(machine.out.split('\n')[1]).toMatch(/^1\.1\.7,[^,]+,customer,1,5,4$/);
  });
});

describe('messages name the columns as the file writes them', () => {
  it('--group-by an unknown column lists "Huyện (district)", not the English field ids alone', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const path = join(mkdtempSync(join(tmpdir(), 'vndi-review-')), 'dn.csv');
    writeFileSync(path, 'Mã DN;Tên doanh nghiệp;Huyện;Quy mô;1.1.1\nDN1;A;Lắk;nhỏ;3\n');
    const r = await run(['summary', path, '--framework', 'dbi-2021-sme', '--group-by', 'Xã']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--group-by: không có cột "Xã"; các cột có: Mã DN (id), Tên doanh nghiệp (name), Huyện (district), Quy mô (size)');
  });
});

describe('--errors names the column as the file writes it', () => {
  it('a rejected cell under an unaccented or component header: the field carries that header', async () => {
    const { mkdtempSync, readFileSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'vndi-review-'));
    const path = join(dir, 'dti.csv');
    const header = 'MA TINH;Ten  tinh;NHAN THUC SO;Thể chế số;Hạ tầng số;Nhân lực số;An toàn thông tin mạng;Hoạt động chính quyền số;Hoạt động kinh tế số;Hoạt động xã hội số';
    writeFileSync(path, `BẢNG ĐIỂM DTI 2022\n\n${header}\n66;Đắk Lắk;74;30;41,6;12,63;54;78,47;61,62;46,17\nX1;Tỉnh X;120;30;41,6;12,63;54;78,47;61,62;46,17\n`);
    const errors = join(dir, 'e.csv');
    const r = await run(['score', path, '--framework', 'dti-province-2022', '--format', 'json', '--errors', errors]);
    expect(r.code).toBe(1);
    // Đắk Lắk scores 398.49 as published; line 5 is rejected under the column the officer typed
    expect(JSON.parse(r.out).rows.map((x: { result: { total: number } }) => x.result.total)).toEqual([398.49]);
    expect(r.err).toContain('line 5 (X1): points.awareness (NHAN THUC SO): Giá trị "120" nằm ngoài khoảng cho phép [0, 100] / Value "120" is outside the allowed range [0, 100]');
    expect(readFileSync(errors, 'utf8').split('\r\n')[1]).toBe('5;X1;points.awareness (NHAN THUC SO);"Giá trị ""120"" nằm ngoài khoảng cho phép [0, 100]";"Value ""120"" is outside the allowed range [0, 100]"');

    const fictional = join(dir, 'fict.csv');
    writeFileSync(fictional, 'Mã tỉnh;Tuyên truyền về chuyển đổi số;TY LE CAN BO DUOC TAP HUAN;Tỷ lệ hộ gia đình có cáp quang;Điện toán đám mây;Nền tảng tích hợp;Tỷ lệ hồ sơ trực tuyến toàn trình;Khai thác dữ liệu;Tỷ lệ doanh nghiệp dùng hóa đơn điện tử;Thương mại điện tử;Hoạt động xã hội số\nA;30;0,5;0,8;20;10;0,75;40;0,5;30;100\nC;40;1,2;1;30;20;1;80;1;60;150\n');
    const f = await run(['score', fictional, '--framework-file', fileURLToPath(new URL('../frameworks/dti-fictional.json', import.meta.url)), '--format', 'json']);
    // A: (30 + 0.5 × 60) + (0.8 × 50 + 20 + 10) + (0.75 × 120 + 40) + (0.5 × 90 + 30) + 100 = 435 of 700
    expect(JSON.parse(f.out).rows[0].result.total).toBe(435);
    expect(f.err).toContain('line 3 (C): components.awareness.a2 (TY LE CAN BO DUOC TAP HUAN): Giá trị "1.2" nằm ngoài khoảng cho phép [0, 1] / Value "1.2" is outside the allowed range [0, 1]');
  });
});
