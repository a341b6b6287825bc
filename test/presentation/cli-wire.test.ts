/**
 * The command line wired to the framework files (`vndi framework …`, `--framework-file`) and to the
 * officer-facing output (`--lang`, `.xlsx`, the provenance of every output, #8, #10, #11).
 */
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import readXlsxFile from 'read-excel-file/node';
import { beforeAll, describe, expect, it } from 'vitest';
import { getFramework } from '../../src/index.js';
import { main } from '../../src/presentation/cli/main.js';

const root = join(__dirname, '..', '..');
const fx = (name: string) => join(root, 'fixtures', name);
const fictionalPath = join(root, 'test', 'frameworks', 'dti-fictional.json');
const weightedPath = join(root, 'test', 'frameworks', 'dbi-weighted.json');

/** Runs the CLI in-process, capturing stdout (text and bytes) and stderr. */
async function run(args: string[]): Promise<{ code: number; out: string; err: string; bytes: Buffer }> {
  let out = '';
  let err = '';
  const chunks: Buffer[] = [];
  const w1 = process.stdout.write.bind(process.stdout);
  const w2 = process.stderr.write.bind(process.stderr);
  process.stdout.write = ((s: string | Uint8Array) => {
    chunks.push(Buffer.from(s));
    out += typeof s === 'string' ? s : '';
    return true;
  }) as typeof process.stdout.write;
  process.stderr.write = ((s: string) => ((err += s), true)) as typeof process.stderr.write;
  try {
    const code = await main(args);
    return { code, out, err, bytes: Buffer.concat(chunks) };
  } finally {
    process.stdout.write = w1;
    process.stderr.write = w2;
  }
}

let dir: string;
const file = (name: string, content: string) => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'vndi-wire-'));
});

describe('vndi framework validate|template|show', () => {
  it('validates a framework file (exit 0), prints templates and trees, and is listed in the usage', async () => {
    const v = await run(['framework', 'validate', fictionalPath]);
    expect(v.code).toBe(0);
    expect(v.out).toBe(`${fictionalPath}: hợp lệ / valid — dti-fictional-components (DTI, 5 chỉ số chính / main indicators)\n`);
    const t = await run(['framework', 'template', 'dti']);
    expect(t.code).toBe(0);
    const template = file('template.json', t.out);
    expect(JSON.parse(t.out).kind).toBe('dti');
    // the template is itself a valid framework file
    expect((await run(['framework', 'validate', template])).code).toBe(0);
    const s = await run(['framework', 'show', fictionalPath]);
    expect(s.code).toBe(0);
    expect(s.out.split('\n')[0]).toBe('dti-fictional-components — DTI hư cấu / Fictional DTI');
    const help = await run(['--help']);
    expect(help.out).toMatch(/framework validate FILE/);
    expect(help.out).toMatch(/--framework-file <file>/);
  });

  it('an invalid file: each problem with its path, exit 1; a missing file: one line, exit 2', async () => {
    const data = JSON.parse(readFileSync(fictionalPath, 'utf8'));
    data.totalMax = 701;
    const bad = file('bad-fw.json', JSON.stringify(data));
    const v = await run(['framework', 'validate', bad]);
    expect(v.code).toBe(1);
    expect(v.err).toMatch(/totalMax/);
    const missing = await run(['framework', 'validate', join(dir, 'nope.json')]);
    expect(missing.code).toBe(2);
    expect(missing.err.trim().split('\n')).toHaveLength(1);
  });
});

// The fictional framework's hand computation (see test/score/score-dti-components.test.ts):
// awareness a1 30 + a2 0.75 × 60 = 75; infrastructure 0.62 × 50 + 12.5 + 20 = 63.5;
// digitalGovernment 0.4 × 120 + 33.33 = 81.33; digitalEconomy 0.333 × 90 + 41 = 70.97;
// digitalSociety 88.2 → total 379 / 700 = 0.5414; government 219.83 / 400 = 0.5496 (half-up).
const COMPONENT_HEADER = 'Mã;Tên;Bộ chỉ số;a1;a2;i1;i2;i3;g1;g2;e1;e2;digitalSociety';
const COMPONENT_ROW = 'X1;Tỉnh Hư Cấu;dti-province-2022;30;0,75;0,62;12,5;20;0,4;33,33;0,333;41;88,2';

describe('--framework-file', () => {
  it('scores every row of a CSV on the file framework (component columns included), whatever its framework column says', async () => {
    const csv = file('components.csv', `${COMPONENT_HEADER}\n${COMPONENT_ROW}\n`);
    const r = await run(['score', csv, '--framework-file', fictionalPath, '--format', 'json']);
    expect(r.err).toMatch(/1 scored, 0 rejected/);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out);
    expect(out.rows[0].result).toMatchObject({ framework: { id: 'dti-fictional-components' }, total: 379, max: 700, value: 0.5414 });
    expect(out.rows[0].result.pillars.government).toMatchObject({ points: 219.83, value: 0.5496 });
    expect(out.rows[0].result.mainIndicators.find((m: { id: string }) => m.id === 'digitalGovernment').components.map((c: { points: number }) => c.points)).toEqual([48, 33.33]);
    expect(out.provenance.frameworks).toEqual([expect.objectContaining({ id: 'dti-fictional-components', decision: '998/QĐ-XYZ', status: 'reconstructed' })]);
    expect(out.provenance.frameworks[0].assumptions.map((a: { id: string }) => a.id)).toEqual(['fictional-e1-max']);
  });

  it('a table names the file framework, its decision and status; rank and summary-free commands work on it', async () => {
    const csv = file('components2.csv', `${COMPONENT_HEADER}\n${COMPONENT_ROW}\nX2;Tỉnh Hư Cấu 2;;40;1;1;30;20;1;80;1;60;150\n`);
    const t = await run(['score', csv, '--framework-file', fictionalPath, '--format', 'table']);
    expect(t.code).toBe(0);
    expect(t.out).toMatch(/Bộ chỉ số: dti-fictional-components — Quyết định 998\/QĐ-XYZ \(2026-01-15\) — Tình trạng: tái lập \/ reconstructed/);
    expect(t.out).toMatch(/fictional-e1-max/);
    // X2 at every maximum: 700 / 700 = 1
    const r = await run(['rank', csv, '--framework-file', fictionalPath, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).rows.map((x: { id: string; rank: number; score: number }) => [x.id, x.rank, x.score])).toEqual([['X2', 1, 1], ['X1', 2, 0.5414]]);
    // gap to the leader on the file framework: 700 − 379 = 321 points
    const g = await run(['gap', csv, '--framework-file', fictionalPath, '--unit', 'X1', '--target', 'unit:X2', '--format', 'json']);
    expect(g.code).toBe(0);
    expect(JSON.parse(g.out)).toMatchObject({ pointsNeeded: 321, provenance: { frameworks: [{ id: 'dti-fictional-components' }] } });
    const gt = await run(['gap', csv, '--framework-file', fictionalPath, '--unit', 'X1', '--target', 'unit:X2', '--format', 'table']);
    expect(gt.out).toContain('X1 Tỉnh Hư Cấu: DTI 0,5414 → 1; cần thêm 321 điểm\n'); // one language per output: no English half
  });

  it('a DBI test framework: 0.4 × 75 + 0.6 × 40 = 54%, 0.4 × 12 + 0.6 × 100 = 64.8%', async () => {
    const csv = file('weighted.csv', 'Mã DN;1.1.1;1.1.2;2.1.1\nA;2,5;5;2\nB;1,2;0;5\n');
    const r = await run(['score', csv, '--framework-file', weightedPath, '--format', 'json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out);
    expect(out.rows.map((x: { id: string; result: { total: number; percent: number } }) => [x.id, x.result.total, x.result.percent])).toEqual([['A', 9.5, 54], ['B', 6.2, 64.8]]);
    expect(out.provenance.frameworks[0]).toMatchObject({ id: 'example-weighted', decision: '3/QĐ-VD', status: 'reconstructed' });
    const csvOut = await run(['score', csv, '--framework-file', weightedPath, '--format', 'csv', '--lang', 'en']);
    expect(csvOut.out).toMatch(/# Framework: example-weighted — Decision 3\/QĐ-VD \(2027-01-15\) — Status: tái lập \/ reconstructed/);
  });

  it("a file framework's own criterion ids close to a bundled one (2.1.2 beside 1.1.2) are its inputs, not typing slips", async () => {
    // the complete framework file of docs/framework-format.md, as a newcomer copies it
    const guide = readFileSync(join(root, 'docs', 'framework-format.md'), 'utf8');
    const decision = file('my-decision.json', /```json file=my-decision\.json\n([\s\S]*?)\n```/.exec(guide)![1]!);
    // customer 5 + 5 = 10 of 10; data 3 + 3 = 6 of 10 (60%, level 1 band) → 16 of 20, level 1;
    // A2: 1 + 2 = 3 (30%), 0 + 1 = 1 (10%, level 0) → 4, not above 4 → level 0
    const csv = file('bang-diem-2025.csv', 'Mã DN,1.1.1,1.1.2,2.1.1,2.1.2\nA1,5,5,3,3\nA2,1,2,0,1\n');
    const r = await run(['score', csv, '--framework-file', decision, '--format', 'json']);
    expect(r.err).not.toMatch(/did you mean/);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).rows.map((x: { id: string; result: { total: number; percent: number; level: number } }) => [x.id, x.result.total, x.result.percent, x.result.level])).toEqual([['A1', 16, 80, 1], ['A2', 4, 20, 0]]);
    // JSON rows too: 2.1.2 = 3.5 → data 6.5 (65%, level 2), customer 10 (level 2), total 16.5 above 12 → level 2
    const json = file('bang-diem-2025.json', '[{"id":"A1","1.1.1":5,"1.1.2":5,"2.1.1":3,"2.1.2":3.5}]');
    const j = await run(['score', json, '--framework-file', decision, '--format', 'json']);
    expect(j.code).toBe(0);
    expect(JSON.parse(j.out).rows[0].result).toMatchObject({ total: 16.5, percent: 82.5, level: 2 });
    // without the framework file, the slip is still caught
    expect((await run(['score', csv, '--framework', 'dbi-2021-sme'])).err).toMatch(/unknown column "2\.1\.2": did you mean "1\.1\.2"/);
  });

  it('schema of a file framework; a missing file is one line (exit 2); an invalid one lists each path (exit 1); not with --framework', async () => {
    const s = await run(['schema', '--framework-file', fictionalPath]);
    expect(s.code).toBe(0);
    expect(JSON.stringify(JSON.parse(s.out))).toContain('"a1"');
    const csv = file('c3.csv', `${COMPONENT_HEADER}\n${COMPONENT_ROW}\n`);
    const missing = await run(['score', csv, '--framework-file', join(dir, 'none.json')]);
    expect(missing.code).toBe(2);
    expect(missing.err).toBe(`vndi: --framework-file ${join(dir, 'none.json')}: không tìm thấy tệp / no such file\n`);
    const data = JSON.parse(readFileSync(fictionalPath, 'utf8'));
    data.mainIndicators[0].max = 'many';
    delete data.title;
    const invalid = await run(['score', csv, '--framework-file', file('invalid.json', JSON.stringify(data))]);
    expect(invalid.code).toBe(1);
    expect(invalid.err).toMatch(/^title: /m);
    expect(invalid.err).toMatch(/^mainIndicators\.0\.max: /m);
    const both = await run(['score', csv, '--framework-file', fictionalPath, '--framework', 'dti-province-2022']);
    expect(both.code).toBe(2);
    expect(both.err).toMatch(/not both/);
  });
});

describe('every output says what it rests on (officer files, #11)', () => {
  // fixtures/dti-2021.json: Đắk Lắk (a provincial plan) and 62 fictional units marked `source: illustrative`,
  // scored on dti-province-2025 (405/QĐ-BKHCN, reconstructed)
  const f = getFramework('dti-province-2025');
  const args = (format: string, ...more: string[]) => ['score', fx('dti-2021.json'), '--framework', 'dti-province-2025', '--format', format, ...more];
  const reconstructed = 'tái lập / reconstructed';

  it('table (Vietnamese by default): decision, status, assumptions, sources and the illustrative mark', async () => {
    const r = await run(args('table'));
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toBe(`Bộ chỉ số: dti-province-2025 — Quyết định 405/QĐ-BKHCN (${f.legalBasis.date}) — Tình trạng: ${reconstructed}`);
    expect(r.out).toMatch(/MINH HỌA/);
    for (const a of f.assumptions) expect(r.out).toContain(`${a.id}: ${a.description.vi}`);
    expect(r.out).toMatch(/^MH01 +Tỉnh Minh Họa 01 .* 228,46 +0,2285 .*minh họa \/ illustrative$/m);
    // the officer's own columns (region by its name, year, any other) between the name and the figures
    expect(r.out).toMatch(/Mã +Tên +Vùng +Năm +nameEn +Bộ chỉ số +Tổng điểm +Giá trị DTI/);
    const en = await run(args('table', '--lang', 'en'));
    expect(en.out.split('\n')[0]).toBe(`Framework: dti-province-2025 — Decision 405/QĐ-BKHCN (${f.legalBasis.date}) — Status: ${reconstructed}`);
    expect(en.out).toMatch(/ID +Name +Region +Year +nameEn +Framework +Total points +DTI value/);
    expect(en.out).toMatch(/^MH01 .* 228\.46 +0\.2285 /m);
  });

  it('csv --excel: Vietnamese headers, decimal commas, a source column, the provenance trailer written once', async () => {
    const r = await run(args('csv', '--excel'));
    expect(r.code).toBe(0);
    expect(r.out.startsWith('\uFEFFMã;Tên;Vùng;Năm;nameEn;Bộ chỉ số;Tổng điểm;Giá trị DTI;')).toBe(true);
    const [table, trailer] = r.out.slice(1).split('\r\n\r\n');
    const lines = table!.split('\r\n');
    expect(lines).toHaveLength(64);
    expect(lines[0]!.split(';').at(-1)).toBe('Nguồn số liệu');
    expect(lines[2]).toMatch(/^MH01;Tỉnh Minh Họa 01;Đồng bằng sông Hồng;2021;Illustrative Province 01;dti-province-2025;228,46;0,2285;0,2395;.*;minh họa \/ illustrative$/);
    expect(trailer!.split('\r\n')[0]).toBe(`# Bộ chỉ số: dti-province-2025 — Quyết định 405/QĐ-BKHCN (${f.legalBasis.date}) — Tình trạng: ${reconstructed}`);
    for (const a of f.assumptions) expect(trailer).toContain(a.id);
    expect(r.out.match(/# Bộ chỉ số:/g)).toHaveLength(1);
  });

  it('xlsx (--out x.xlsx, read back): Vietnamese headers, numbers as numbers, the status line, a sources sheet', async () => {
    const out = join(dir, 'dti.xlsx');
    const r = await run([...args('xlsx').slice(0, -2), '--out', out]);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/đã ghi .*dti\.xlsx \(63 dòng\)/);
    const sheets = await readXlsxFile(readFileSync(out));
    expect(sheets.map((s) => s.sheet)).toEqual(['Kết quả', 'Nguồn - Sources']);
    const data = sheets[0]!.data;
    expect(data[0]!.slice(0, 8)).toEqual(['Mã', 'Tên', 'Vùng', 'Năm', 'nameEn', 'Bộ chỉ số', 'Tổng điểm', 'Giá trị DTI']);
    expect(data[0]!.at(-1)).toBe('Nguồn số liệu');
    expect(data[2]!.slice(0, 8)).toEqual(['MH01', 'Tỉnh Minh Họa 01', 'Đồng bằng sông Hồng', '2021', 'Illustrative Province 01', 'dti-province-2025', 228.46, 0.2285]);
    expect(data[2]!.at(-1)).toBe('minh họa / illustrative');
    const status = data.slice(64).flat().filter((c) => typeof c === 'string').join('\n');
    expect(status).toContain(`405/QĐ-BKHCN (${f.legalBasis.date}) — Tình trạng: ${reconstructed}`);
    const sources = sheets[1]!.data.flat().filter((c) => typeof c === 'string').join('\n');
    for (const a of f.assumptions) expect(sources).toContain(a.description.vi);
    expect(sources).toContain('minh họa / illustrative');
  });

  it('xlsx to a terminal is a usage error; to a pipe it is the workbook', async () => {
    const tty = process.stdout.isTTY;
    process.stdout.isTTY = true;
    try {
      const r = await run(args('xlsx'));
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/binary workbook: give --out/);
    } finally {
      process.stdout.isTTY = tty;
    }
    const piped = await run(args('xlsx'));
    expect(piped.code).toBe(0);
    expect([...piped.bytes.subarray(0, 2)]).toEqual([0x50, 0x4b]);
    expect((await readXlsxFile(piped.bytes))[0]!.data[1]![0]).toBe('66');
  });

  it('json: { provenance, rows } with the framework, its assumptions and each row source; ndjson one result per line', async () => {
    const r = await run(args('json'));
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out);
    expect(out.rows).toHaveLength(63);
    expect(out.provenance.frameworks).toHaveLength(1);
    expect(out.provenance.frameworks[0]).toMatchObject({ id: 'dti-province-2025', decision: '405/QĐ-BKHCN', status: 'reconstructed' });
    expect(out.provenance.frameworks[0].assumptions.map((a: { id: string }) => a.id)).toEqual(f.assumptions.map((a) => a.id));
    expect(out.provenance.illustrative).toBe(true);
    expect(out.provenance.rows[1]).toEqual({ id: 'MH01', source: 'illustrative', illustrative: true });
    expect(out.provenance.rows[0]).toMatchObject({ id: '66', illustrative: false });
    const nd = await run(args('ndjson'));
    const lines = nd.out.trimEnd().split('\n');
    expect(lines).toHaveLength(63);
    expect(JSON.parse(lines[1]!)).toMatchObject({ id: 'MH01', result: { total: 228.46, value: 0.2285 } });
  });

  it('md: the headline before the table, the assumptions and sources after it, the illustrative mark in rows', async () => {
    const r = await run(args('md', '--lang', 'vi'));
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toBe(`> Bộ chỉ số: dti-province-2025 — Quyết định 405/QĐ-BKHCN (${f.legalBasis.date}) — Tình trạng: ${reconstructed}`);
    expect(r.out).toMatch(/^\| MH01 \| Tỉnh Minh Họa 01 \| Đồng bằng sông Hồng \| 2021 \| Illustrative Province 01 \| dti-province-2025 \| 228,46 \| 0,2285 \|.*\| minh họa \/ illustrative \|$/m);
    expect(r.out).toMatch(/\*\*Giả định đang áp dụng:\*\*/);
    for (const a of f.assumptions) expect(r.out).toContain(`- ${a.id}:`);
  });

  it('html (score and rank): status next to the level, assumptions in the footer, illustrative rows marked, rank change and region', async () => {
    const out = join(dir, 'score.html');
    const r = await run([...args('html').slice(0, -2), '--out', out]);
    expect(r.code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('405/QĐ-BKHCN');
    expect(html).toContain(reconstructed);
    for (const a of f.assumptions) expect(html).toContain(a.id);
    expect(html).toContain('<span class="badge illustrative">minh họa / illustrative</span>');
    // fictional units rank within the region their own column names (MH59 first of 13 in the Mekong delta)
    expect(html).toMatch(/MH59<\/td>.*Đồng bằng sông Cửu Long<\/td><td class="n">1\/13</);
    const rankOut = join(dir, 'rank.html');
    const rk = await run(['rank', fx('dti-2021.json'), '--framework', 'dti-province-2025', '--group-by', 'region', '--previous', fx('dti-2022.json'), '--out', rankOut]);
    expect(rk.code).toBe(0);
    expect(existsSync(rankOut)).toBe(true);
    const rank = readFileSync(rankOut, 'utf8');
    expect(rank).toContain(reconstructed);
    expect(rank).toContain('So với năm trước');
    expect(rank).toContain('minh họa / illustrative');
  });

  it('summary: the overall group in words of the language, coverage as a percentage', async () => {
    const csv = file('sum.csv', 'Mã DN;Huyện;1.1.1;1.1.2;2.1.1\nA;Buôn Hồ;2,5;5;2\nB;Buôn Hồ;1,2;0;5\nC;Krông Pắc;1;1;1\n');
    const registered = file('reg.csv', 'Huyện;Số DN\nBuôn Hồ;3\nKrông Pắc;3\n');
    const r = await run(['summary', csv, '--framework-file', weightedPath, '--group-by', 'Huyện', '--registered', registered, '--format', 'table']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Tỷ lệ đánh giá \(%\)/);
    // Buôn Hồ 2 of 3 = 66.67%; all 3 of 6 = 50% (2 decimals in the whole column: 50,00 beside 66,67)
    expect(r.out).toMatch(/^Buôn Hồ .* 66,67 /m);
    expect(r.out).toMatch(/^Tất cả .* 50,00 /m);
    const en = await run(['summary', csv, '--framework-file', weightedPath, '--group-by', 'Huyện', '--registered', registered, '--format', 'csv', '--lang', 'en']);
    expect(en.out).toMatch(/^All,3,/m);
    expect(en.out.split('\n')[0]).toMatch(/Coverage \(%\)/);
  });
});

describe('hostile command lines: one line on stderr', () => {
  const csv = () => file('dti-hostile.csv', 'id,awareness,institutions,infrastructure,humanResources,cybersecurity,digitalGovernment,digitalEconomy,digitalSociety\n66,74,30,41.6,12.63,54,78.47,61.62,46.17\n');

  it('a usage error is one line pointing to --help (the 48-line usage text followed it)', async () => {
    for (const args of [['score', csv(), '--bogus'], ['score', csv(), '--framework'], ['bogus'], ['score', csv(), '--lang', 'xx']]) {
      const r = await run(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err, args.join(' ')).toMatch(/^vndi: .* \(vndi --help\)\n$/);
    }
  });

  it('--header-row past the end is an error (it read 0 rows and exited 0)', async () => {
    const r = await run(['score', csv(), '--framework', 'dti-province-2022', '--header-row', '50']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^vndi: .*row 50 holds no header.*\n$/);
    expect((await run(['score', csv(), '--framework', 'dti-province-2022', '--header-row', '1'])).code).toBe(0);
  });

  it('a framework file that is not JSON: the parser\'s excerpt of it stays on the one line, escapes removed', async () => {
    const r = await run(['score', csv(), '--framework-file', file('not-json.json', 'no\n\u001b[31mt json\u202e')]);
    expect(r.code).toBe(2);
    expect(r.err.indexOf('\n')).toBe(r.err.length - 1);
    expect(r.err).not.toMatch(/[\u001b\u202e]/);
  });
});

describe('a rejected row\'s id on stderr', () => {
  it('is clipped and cleaned (a 50 MB cell was echoed whole; an ESC in it reached the terminal)', async () => {
    // every column of the framework, and one field too many: the row is rejected, not the file
    const indicators = 'awareness,institutions,infrastructure,humanResources,cybersecurity,digitalGovernment,digitalEconomy,digitalSociety';
    const csv = file('long-id.csv', `id,${indicators}\n"\u001b[31m${'x'.repeat(200_000)}",1,2,3,4,5,6,7,8,9\n`);
    const r = await run(['score', csv, '--framework', 'dti-province-2022']);
    expect(r.code).toBe(1);
    const line = r.err.split('\n').find((l) => l.startsWith('line 2'))!;
    expect(line.length).toBeLessThan(600);
    expect(line).toContain(`line 2 (${'x'.repeat(55)}`); // the escape sequence removed whole
    expect(r.err).not.toContain('\u001b');
  });
});
