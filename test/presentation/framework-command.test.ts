import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dtiProvince2025, scoreDbi, scoreDti, ValidationError, type DbiFramework, type DtiFramework } from '../../src/index.js';
import { defineFramework } from '../../src/schema.js';
import { FrameworkFileError, loadFrameworkFile, runFrameworkCommand } from '../../src/presentation/cli/framework-command.js';

const fictionalPath = join(__dirname, '../frameworks/dti-fictional.json');
const dir = mkdtempSync(join(tmpdir(), 'vndi-framework-'));
const write = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

function run(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = runFrameworkCommand(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

describe('vndi framework validate', () => {
  it('exits 0 with one bilingual line for a valid file (BOM and $schema accepted)', () => {
    expect(run('validate', fictionalPath)).toEqual({
      code: 0, stderr: '',
      stdout: `${fictionalPath}: hợp lệ / valid — dti-fictional-components (DTI, 5 chỉ số chính / main indicators)\n`,
    });
    const withBom = write('bom.json', '\uFEFF' + readFileSync(fictionalPath, 'utf8'));
    expect(run('validate', withBom).code).toBe(0);
  });

  it('exits 1 with each problem on its own line: path into the file, Vietnamese and English', () => {
    const data = JSON.parse(readFileSync(fictionalPath, 'utf8'));
    data.mainIndicators[3].components[0].max = 89.5; // e1: 89.5 + 60 ≠ 150
    data.mainIndicators[0].components[1].scoring = 'percent';
    data.pillars[1].max = 351;
    const file = write('broken.json', JSON.stringify(data));
    const r = run('validate', file);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    // the shape first: an invariant is checked once the shape is right
    expect(r.stderr).toBe(`${file}: mainIndicators.0.components.1.scoring: Kiểu dữ liệu không hợp lệ: cần một trong "points" | "ratio", nhận được "percent" / Invalid type: expected one of "points" | "ratio", received "percent"\n`);
    data.mainIndicators[0].components[1].scoring = 'ratio';
    const r2 = run('validate', write('broken2.json', JSON.stringify(data)));
    expect(r2.code).toBe(1);
    expect(r2.stderr.trimEnd().split('\n')).toEqual([
      `${join(dir, 'broken2.json')}: mainIndicators.3.max: Tổng điểm tối đa các chỉ số thành phần của "digitalEconomy" là 149,5, phải bằng 150 / The sum of the component maxima of "digitalEconomy" is 149.5; it must equal 150`,
      `${join(dir, 'broken2.json')}: pillars.1.max: Tổng điểm tối đa các chỉ số chính của trụ cột là 350, phải bằng 351 / The sum of the pillar's main indicators' maxima is 350; it must equal 351`,
    ]);
  });

  it('exits 2 with one line, never a stack trace, for a file it cannot read as JSON', () => {
    const cases: [string[], RegExp][] = [
      [['validate', join(dir, 'nope.json')], /nope\.json: không tìm thấy tệp \/ no such file\n$/],
      [['validate', dir], /: là một thư mục, không phải tệp \/ is a folder, not a file\n$/],
      [['validate', write('empty.json', '  \n')], /empty\.json: tệp rỗng \/ the file is empty\n$/],
      [['validate', write('bad.json', '{\n  "kind": "dti",\n  oops\n}')], /bad\.json: không phải JSON hợp lệ \(3:3\) \/ not valid JSON \(3:3\): /],
      [['validate'], /thiếu FILE \/ missing FILE/],
      [['validate', 'a.json', 'b.json'], /thừa tham số: b\.json \/ unexpected arguments: b\.json/],
      [['check', 'a.json'], /lệnh con không hợp lệ "check" \/ unknown subcommand "check"/],
      [[], /Usage:/],
    ];
    for (const [args, pattern] of cases) {
      const r = run(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(pattern);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      if (args.length > 0) {
        // one line
        expect(r.stderr.startsWith('vndi framework: ')).toBe(true);
        expect(r.stderr.indexOf('\n')).toBe(r.stderr.length - 1);
      }
    }
    if (process.getuid?.() !== 0) {
      const locked = write('locked.json', '{}');
      chmodSync(locked, 0o000);
      expect(run('validate', locked)).toMatchObject({ code: 2, stderr: expect.stringMatching(/không có quyền đọc tệp \/ permission denied/) });
    }
  });

  it('prints its usage on --help with exit 0', () => {
    expect(run('--help')).toMatchObject({ code: 0, stdout: expect.stringContaining('vndi framework template dbi|dti') });
  });
});

describe('vndi framework template', () => {
  it.each(['dti', 'dbi'] as const)('prints a %s file that itself validates and scores', (kind) => {
    const r = run('template', kind);
    expect(r.code).toBe(0);
    const data = JSON.parse(r.stdout);
    expect(data.$schema).toBe('https://unpkg.com/vn-digital-index/schema/framework.schema.json');
    expect(run('validate', write(`template-${kind}.json`, r.stdout)).code).toBe(0);
    const f = defineFramework(data);
    if (kind === 'dti') {
      const dti = f as DtiFramework;
      // awareness by its two components: 30 points + 0.5 × 60 = 60; the others at half their maxima
      const points = Object.fromEntries(dti.mainIndicators.filter((m) => m.id !== 'awareness').map((m) => [m.id, (m.max as number) / 2]));
      const s = scoreDti(dti, { points, components: { awareness: { awareness1: 30, awareness2: 0.5 } } });
      expect(s.total).toBe(510); // 60 + 4 × 50 + 100 + 75 + 75
      expect(s.value).toBe(0.51);
    } else {
      const dbi = f as DbiFramework;
      const s = scoreDbi(dbi, { answers: { '1.1.1': 5, '1.1.2': 4, '2.1.1': 0, '2.1.2': 1 } });
      expect(s.total).toBe(10);
    }
  });

  it('prints a bundled framework as a file that defines back to the same data and scores the same', () => {
    const r = run('template', 'dti-province-2025');
    expect(r.code).toBe(0);
    const data = JSON.parse(r.stdout);
    expect(data.$schema).toBe('https://unpkg.com/vn-digital-index/schema/framework.schema.json');
    const { $schema: _schema, ...rest } = data;
    expect(rest).toEqual(JSON.parse(JSON.stringify(dtiProvince2025)));
    const values = { awareness: 0.9581, institutions: 0.9, infrastructure: 0.7648, humanResources: 0.625, cybersecurity: 0.5382, digitalGovernment: 0.8385, digitalEconomy: 0.5904, digitalSociety: 0.4505 };
    expect(scoreDti(defineFramework(data) as DtiFramework, { values }).exact).toEqual(scoreDti(dtiProvince2025, { values }).exact);
    expect(run('validate', write('dti-2025.json', r.stdout)).code).toBe(0);
  });

  it('rejects anything else with exit 2', () => {
    expect(run('template', 'xyz')).toMatchObject({ code: 2, stderr: 'vndi framework: cần dbi, dti, dbi-questionnaire hoặc mã một bộ chỉ số có sẵn, nhận "xyz" / expected dbi, dti, dbi-questionnaire or a bundled framework id, got "xyz" (vndi framework --help)\n' });
  });

  it('prints a questionnaire with every feature that validates, shows its conditions and sector rules, and scores', () => {
    const r = run('template', 'dbi-questionnaire');
    expect(r.code).toBe(0);
    const data = JSON.parse(r.stdout);
    const file = write('template-questionnaire.json', r.stdout);
    expect(run('validate', file)).toMatchObject({ code: 0, stdout: `${file}: hợp lệ / valid — my-dbi-questionnaire (DBI, 4 trụ cột / pillars)\n` });
    const f = defineFramework(data) as DbiFramework;
    // every feature is there
    expect(f.sectorRules).toMatchObject({ unlistedSector: 'common-part-only', otherSectorAnswers: 'ignore' });
    expect(f.levelRule.kind === 'total-percent-bands' && f.levelRule.caps?.length).toBe(2);
    expect(f.pillars[0]!.criteria?.map((c) => c.id)).toEqual(['1.1', '1.2']);
    expect(f.aggregation?.kind).toBe('weighted');
    const shown = run('show', file).stdout;
    expect(shown).toContain('điều kiện / condition: không cao hơn mức 2 khi có trụ cột dưới 20% / no higher than level 2 while any pillar is below 20%');
    expect(shown).toContain("ngành không có trong danh sách / an unlisted sector: chấm trên phần chung / scored on the common part");
    expect(shown).toContain('đ) [hoàn-thành] Đã hoàn thành: 4 điểm / points');
    // strategy: c = 2 and Có = 2 → 4/6; customer: b + d = 2.5, 35 % → 2, n/a → 4.5/5; data: 3 + 1 = 4/6;
    // trade: POS + kho = 4/4. (3 × 66.67 + 3 × 90 + 2 × 66.67 + 2 × 100) / 10 = 80.33 %, level 4
    const s = scoreDbi(f, { sector: 'thuong-mai', answers: { '1.1': 'c', '1.2': 'có', '2.1.1': ['b', 'd'], '2.1.2': 35, '2.1.3': 'n/a', '3.1.1': 3, '3.1.2': 'b', '4.1.1': ['a', 'b'] } });
    expect(s).toMatchObject({ total: 16.5, percent: 80.33, level: 4 });
  });
});

describe('vndi framework show', () => {
  it('prints a file’s tree: main indicators, components with maxima and statuses, assumptions', () => {
    const r = run('show', fictionalPath);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('dti-fictional-components — DTI hư cấu / Fictional DTI');
    expect(lines).toContain('Quyết định / Decision: 998/QĐ-XYZ (2026-01-15), Phụ lục I — Bộ Hư cấu (không có thật) / Ministry of Fiction (not real)');
    expect(lines).toContain('Trạng thái / Status: tái lập / reconstructed');
    expect(lines).toContain('  CQS Chính quyền số / Digital government — tối đa / max 400');
    expect(lines).toContain('  4 Hoạt động kinh tế số / Digital economy activity [digitalEconomy] — tối đa / max 150 [xác nhận / confirmed] — hoạt động / activity — KTS — 2 chỉ số thành phần / components');
    expect(lines).toContain('    4.1 Tỷ lệ doanh nghiệp dùng hóa đơn điện tử / Share of enterprises using e-invoices [e1] — tối đa / max 90 [tái lập / reconstructed] — tỷ lệ × tối đa / ratio × max [xác nhận / confirmed]');
    expect(lines).toContain('    1.1 Tuyên truyền về chuyển đổi số / Outreach on digital transformation [a1] — tối đa / max 40 [xác nhận / confirmed] — điểm / points [xác nhận / confirmed]');
    expect(lines).toContain('  - fictional-e1-max [tái lập / reconstructed]: Điểm tối đa 90 của chỉ số thành phần e1 là giả định (hư cấu). / The 90-point maximum of component e1 is an assumption (fictional).');
  });

  it('prints a bundled framework by id, DTI and DBI', () => {
    const dti = run('show', 'dti-province-2025');
    expect(dti.code).toBe(0);
    expect(dti.stdout).toContain('Trạng thái / Status: tái lập / reconstructed');
    expect(dti.stdout).toContain('  1 Nhận thức số / Digital awareness [awareness] — tối đa / max 100 [tái lập / reconstructed] — nền tảng / foundation — CQS, KTS, XHS');
    const dbi = run('show', 'dbi-2021-sme');
    expect(dbi.code).toBe(0);
    expect(dbi.stdout).toContain('      3.2.4 ');
    expect(dbi.stdout).toContain('Quy tắc xếp mức / Level rule: pillar-bands-and-count');
    expect(run('show', 'dbi-2025-large').stdout).toMatch(/Quy tắc xếp mức \/ Level rule: none — /);
  });

  it('prints a DBI questionnaire: options, figure thresholds with their bounds, "n/a", sectors, aggregation, percent bands', () => {
    const r = run('show', join(__dirname, '../frameworks/dbi-questionnaire-fictional.json'));
    expect(r.code).toBe(0);
    const tree = r.stdout.slice(r.stdout.indexOf('Doanh nghiệp'), r.stdout.indexOf('Giả định'));
    expect(tree).toBe(`Doanh nghiệp / Enterprises: sme — nhập theo / input by tiêu chí / criterion — cộng điểm / aggregation: trung bình tỷ lệ / mean of percentages

Trụ cột / Pillars:
  1 Phần chung / Common part [common] — tối đa / max 15 [xác nhận / confirmed] — tên / name [xác nhận / confirmed]
    1.1 Nhóm 1.1 / Group 1.1 — tối đa / max 15 — 3 tiêu chí / criteria
      1.1.1 Tần suất cập nhật website / Website updates — chọn một / single choice
        ? Doanh nghiệp cập nhật website bao lâu một lần? / How often is the website updated?
        [never] Không / Never: 0 điểm / points
        [weekly] Hằng tuần / Weekly: 5 điểm / points
      1.1.2 Kênh bán hàng / Sales channels — chọn nhiều / multiple choice, tối đa / cap 5 — có thể "n/a" / "n/a" allowed
        [none] Không có / None: 0 điểm / points (loại trừ / exclusive)
        [web] Website: 3 điểm / points
        [app] Ứng dụng / App: 3 điểm / points
      1.1.3 Tỷ lệ hóa đơn điện tử / Share of e-invoices — số liệu / figure 0–100 % (1 số lẻ / decimals)
        ≥ 0: 0 điểm / points
        > 50: 5 điểm / points
  2 Phần theo ngành / Sector part [sector] — tối đa / max ? [xác nhận / confirmed] — tên / name [xác nhận / confirmed] — theo ngành / sector part

Ngành / Sectors:
  retail Bán lẻ / Retail — tối đa / max 5
    2.1 Bán lẻ số / Digital retail — tối đa / max 5 — 1 tiêu chí / criteria
      2.1.1 Thanh toán số / Digital payments — thang / scale 0, 5
  ngành không có trong danh sách / an unlisted sector: từ chối / refused
  câu trả lời cho câu hỏi của ngành khác / answers to another sector's questions: từ chối / refused

Quy tắc xếp mức / Level rule: total-percent-bands [tái lập / reconstructed]
  mức / level 1: ≥ 0%
  mức / level 2: ≥ 100%

Mức / Levels:
  1 Khởi đầu / Beginning: Mới bắt đầu chuyển đổi số / Starting digital transformation
  2 Dẫn dắt / Leading: Đạt toàn bộ điểm / Every point reached

`);
  });

  it('exits 2 for something that is neither an id nor a file, 1 for an invalid file', () => {
    expect(run('show', 'dti-2099')).toMatchObject({ code: 2, stderr: expect.stringContaining('is neither a bundled framework id nor a file') });
    const bad = write('bad-show.json', JSON.stringify({ kind: 'dti', id: 'x' }));
    const r = run('show', bad);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${bad}: title: Thiếu giá trị bắt buộc "title" / Missing required value "title"\n`);
  });
});

describe('loadFrameworkFile', () => {
  it('reads, strips a BOM and defines the framework', () => {
    const f = loadFrameworkFile(write('bom2.json', '\uFEFF' + readFileSync(fictionalPath, 'utf8')));
    expect(f.id).toBe('dti-fictional-components');
    expect(Object.isFrozen(f)).toBe(true);
    expect('$schema' in f).toBe(false);
  });

  it('throws FrameworkFileError for I/O and JSON problems, ValidationError for an invalid framework', () => {
    expect(() => loadFrameworkFile(join(dir, 'missing.json'))).toThrow(FrameworkFileError);
    expect(() => loadFrameworkFile('')).toThrow(FrameworkFileError);
    try {
      loadFrameworkFile(write('nojson.json', 'kind: dti'));
    } catch (e) {
      expect(e).toBeInstanceOf(FrameworkFileError);
      expect((e as FrameworkFileError).reason.vi).toMatch(/^không phải JSON hợp lệ/);
    }
    const data = JSON.parse(readFileSync(fictionalPath, 'utf8'));
    data.totalMax = 1000;
    try {
      loadFrameworkFile(write('total.json', JSON.stringify(data)));
      throw new Error('expected a failure');
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      expect((e as ValidationError).issues.map((i) => i.pathString)).toEqual(['totalMax']);
    }
  });
});

describe('the published JSON Schema', () => {
  it('accepts both templates, the fictional test framework and the guide’s file, and names itself as the templates do', async () => {
    const { Ajv2020 } = await import('ajv/dist/2020.js');
    const schema = JSON.parse(readFileSync(join(__dirname, '../../schema/framework.schema.json'), 'utf8'));
    // formats (date, uri) are not checked here: defineFramework checks them
    const validate = new Ajv2020({ strict: false, allErrors: true, validateFormats: false }).compile(schema);
    for (const kind of ['dti', 'dbi', 'dbi-questionnaire']) {
      const data = JSON.parse(run('template', kind).stdout);
      expect(data.$schema).toBe(schema.$id);
      expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
    }
    expect(validate(JSON.parse(readFileSync(fictionalPath, 'utf8')))).toBe(true);
    const bad = JSON.parse(readFileSync(fictionalPath, 'utf8'));
    bad.mainIndicators[0].components[0].scoring = 'percent';
    expect(validate(bad)).toBe(false);
  });
});

describe('a framework file with hostile names', () => {
  it('framework show and the CSV trailer carry no ESC sequence or bidirectional override (they were printed as written)', async () => {
    const { readFileSync: read, writeFileSync: write, mkdtempSync: mk } = await import('node:fs');
    const { tmpdir: tmp } = await import('node:os');
    const { join: j } = await import('node:path');
    const { defineFramework } = await import('../../src/schema.js');
    const { provenanceOf, toCsv } = await import('../../src/index.js');
    const data = JSON.parse(read(j(__dirname, '..', 'frameworks', 'dti-fictional.json'), 'utf8'));
    const hostile = 'a\u202Eb \u001b[31mred';
    data.title = { vi: hostile, en: hostile };
    data.mainIndicators[0].name = { vi: hostile, en: hostile };
    data.sources[0].title = hostile;
    const path = j(mk(j(tmp(), 'vndi-hostile-')), 'hostile.json');
    write(path, JSON.stringify(data));
    const r = run('show', path);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('ab red');
    expect(r.stdout).not.toMatch(/[\u001b\u202e]/);
    const csv = toCsv(['id'], [['X1']], { provenance: provenanceOf(defineFramework(data)), lang: 'en' });
    expect(csv).toContain('ab [31mred');
    expect(csv).not.toMatch(/[\u001b\u202e]/);
  });
});
