/**
 * `vndi form` (the self-assessment page as a file) and `renderAssessmentPage` in Node: the page's
 * shell (its policy, its title and framework, its escaping), the options and frameworks it refuses,
 * and the command line's words and exit codes.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getFramework, renderAssessmentPage, type DbiFramework } from '../../src/index.js';
import { defineDbiFramework } from '../../src/schema.js';
import { ASSESSMENT_PAGE_CSP } from '../../src/presentation/page/render.js';
import { PAGE_SCRIPT } from '../../src/presentation/page/generated-runtime.js';
import { readFrameworkJson } from '../frameworks/load.js';
import { issuesOf, runCli } from '../helpers.js';
import { manyQuestionsData, questionnaire998 } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'vndi-form-'));
const file998 = join(__dirname, '..', 'frameworks', 'dbi-questionnaire-998.json');

/** The JSON the page carries for its script. */
function config(html: string): Record<string, unknown> {
  const m = /<script type="application\/json" id="vndi-config">([\s\S]*?)<\/script>/.exec(html);
  return JSON.parse(m![1]!) as Record<string, unknown>;
}

describe('renderAssessmentPage', () => {
  const html = renderAssessmentPage('dbi-2021-sme');

  it('is one file that loads nothing: a policy allowing its own script and style only, no address to fetch', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="vi">')).toBe(true);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${ASSESSMENT_PAGE_CSP}">`);
    expect(ASSESSMENT_PAGE_CSP).toMatch(/^default-src 'none'; script-src 'sha256-[A-Za-z0-9+/]+=*'; style-src 'sha256-[A-Za-z0-9+/]+=*';/);
    expect(ASSESSMENT_PAGE_CSP).not.toMatch(/unsafe|https?:|data:|\*/);
    // the hash is the script's, as the page carries it
    const script = /<script>([\s\S]*)<\/script>\n<\/body>/.exec(html)![1]!;
    expect(script).toBe(PAGE_SCRIPT);
    expect(ASSESSMENT_PAGE_CSP).toContain(`'sha256-${createHash('sha256').update(script, 'utf8').digest('base64')}'`);
    expect(html.match(/<script/g)).toHaveLength(2);
    // (the script's own text is held to the same by test/page/runtime.test.ts)
    const shell = html.replace(/<script[\s\S]*?<\/script>/g, '');
    expect(shell).not.toMatch(/<link|<img|<iframe|src=|@import|url\(/i);
    // source addresses are text in the footer, never links
    expect(shell).not.toMatch(/href=/);
  });

  it('says what it rests on: title, decision, status, assumptions and sources', () => {
    expect(html).toContain('<title>Tự đánh giá mức độ chuyển đổi số — DBI 2021 – DN nhỏ và vừa</title>');
    expect(html).toContain('1970/QĐ-BTTTT');
    expect(html).toContain('tái lập / reconstructed');
    expect(html).toContain('criterion-scale');
    expect(config(html)).toEqual({ lang: 'vi', framework: 'dbi-2021-sme' });
  });

  it('carries a framework file as data, for the page to check again', () => {
    const f = questionnaire998();
    const page = renderAssessmentPage(f as never, { lang: 'en', subtitle: 'Province X', initial: { id: 'DN1', sector: 'du-lich', answers: { '1.1': 'b' } }, messageOrigin: 'https://dx.example.gov.vn' });
    const c = config(page);
    // the file's data (a text whose English repeats the Vietnamese as { vi }), which the page's check takes back to the framework
    expect(defineDbiFramework(c.framework as never)).toEqual(f);
    expect(JSON.stringify(c.framework)).not.toMatch(/"vi":"([^"]*)","en":"\1"/);
    expect(c).toMatchObject({ lang: 'en', initial: { id: 'DN1', sector: 'du-lich', answers: { '1.1': 'b' } }, messageOrigin: 'https://dx.example.gov.vn' });
    expect(page).toContain('<html lang="en">');
    expect(page).toContain('Digital transformation self-assessment — DBI 998 – SMEs (fictional)');
  });

  it('escapes every text: a title, a subtitle, and a framework\'s own texts inside the script data', () => {
    const hostile = '</script><script>alert(1)</script><b onload=x>';
    const data = readFrameworkJson('dbi-questionnaire-998.json') as { pillars: { name: { vi: string } }[] };
    data.pillars[0]!.name.vi = hostile;
    const page = renderAssessmentPage(defineDbiFramework(data) as never, { title: hostile, subtitle: hostile });
    expect(page.match(/<script/g)).toHaveLength(2);
    expect(page).not.toContain('<b onload');
    expect(page).toContain('&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    expect((config(page).framework as { pillars: { name: { vi: string } }[] }).pillars[0]!.name.vi).toBe(hostile);
  });

  it('carries a framework file the page\'s own check takes again: 5,000 questions within the file bounds stay within them in the page', () => {
    const config = (html: string) => JSON.parse(/<script type="application\/json" id="vndi-config">(.*?)<\/script>/s.exec(html)![1]!) as { framework: Record<string, unknown> };
    const many = defineDbiFramework(manyQuestionsData(50));
    expect(many.criterionCount).toBe(5007);
    const carried = config(renderAssessmentPage(many)).framework;
    // what the page runs: the check of the carried data gives the framework rendered
    expect(defineDbiFramework(carried)).toEqual(many);
    for (const name of ['dbi-questionnaire-998.json', 'dbi-sectors.json', 'dbi-weighted.json', 'dbi-level-caps.json', 'dbi-mean-na.json']) {
      const f = defineDbiFramework(readFrameworkJson(name));
      expect(defineDbiFramework(config(renderAssessmentPage(f, { lang: 'en' })).framework), name).toEqual(f);
    }
  });

  it('refuses a DTI framework, an unchecked object, an unknown id and bad options, naming each', () => {
    expect(issuesOf(() => renderAssessmentPage('dti-province-2022'))[0]!.code).toBe('wrong_framework_kind');
    expect(issuesOf(() => renderAssessmentPage('dbi-2099-sme'))[0]!.code).toBe('unknown_framework');
    expect(issuesOf(() => renderAssessmentPage(getFramework('dti-province-2022') as never))[0]!.code).toBe('wrong_framework_kind');
    expect(issuesOf(() => renderAssessmentPage(JSON.parse(JSON.stringify(getFramework('dbi-2021-sme'))) as DbiFramework))[0]!.code).toBe('invalid_framework');
    const bad = issuesOf(() => renderAssessmentPage('dbi-2021-sme', { lang: 'fr', title: 7, subtitle: 'x'.repeat(10_001), messageOrigin: 'https://x.vn/path', colour: 'red' } as never));
    expect(bad.map((i) => i.pathString).sort()).toEqual(['options.colour', 'options.lang', 'options.messageOrigin', 'options.subtitle', 'options.title']);
    expect(issuesOf(() => renderAssessmentPage('dbi-2021-sme', 'x' as never))[0]!.code).toBe('invalid_type');
    for (const origin of ['null', '*', 'https://x.vn/', 'javascript:alert(1)', 'https://a b']) {
      expect(issuesOf(() => renderAssessmentPage('dbi-2021-sme', { messageOrigin: origin }))[0]!.pathString).toBe('options.messageOrigin');
    }
  });

  it('checks the answers it fills in, with the library', () => {
    const issues = issuesOf(() => renderAssessmentPage('dbi-2021-sme', { initial: { answers: { '1.1.1': 9, '9.9.9': 1 } } }));
    expect(issues.map((i) => i.pathString)).toEqual(['options.initial.answers.9.9.9']);
    const scale = issuesOf(() => renderAssessmentPage('dbi-2021-sme', { initial: { answers: { '1.1.1': 9 } } }));
    expect(scale[0]!.pathString).toBe('options.initial.answers.1.1.1');
    expect(issuesOf(() => renderAssessmentPage('dbi-2021-sme', { initial: { id: 5, extra: 1 } as never })).map((i) => i.pathString)).toEqual(['options.initial.extra', 'options.initial.id']);
    expect(issuesOf(() => renderAssessmentPage('dbi-2021-sme', { initial: [] as never }))[0]!.pathString).toBe('options.initial');
  });

  it('a framework that cannot be scored still gets its page (which says why)', () => {
    expect(config(renderAssessmentPage('dbi-2023-sme-readiness'))).toEqual({ lang: 'vi', framework: 'dbi-2023-sme-readiness' });
  });
});

describe('vndi form', () => {
  it('writes the page of a bundled framework or a framework file', async () => {
    const out = join(dir, 'tu-danh-gia.html');
    const r = await runCli(['form', '--framework', 'dbi-2021-sme', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.err).toBe(`vndi: đã ghi ${out} / wrote ${out}\n`);
    expect(readFileSync(out, 'utf8')).toBe(renderAssessmentPage('dbi-2021-sme'));
    const en = join(dir, 'self-assessment.htm');
    const f = await runCli(['form', '--framework-file', file998, '--out', en, '--lang', 'en', '--subtitle', 'Sở KH&CN']);
    expect(f.code).toBe(0);
    expect(readFileSync(en, 'utf8')).toBe(renderAssessmentPage(questionnaire998() as never, { lang: 'en', subtitle: 'Sở KH&CN' }));
  });

  it('writes to a pipe when no --out is given', async () => {
    const tty = process.stdout.isTTY;
    process.stdout.isTTY = false;
    try {
      const r = await runCli(['form', '--framework', 'dbi-2021-large']);
      expect(r.code).toBe(0);
      expect(r.out).toBe(renderAssessmentPage('dbi-2021-large'));
    } finally {
      process.stdout.isTTY = tty;
    }
  });

  it('a framework that cannot be scored: the page that says why, and exit 1', async () => {
    const out = join(dir, 'readiness.html');
    const r = await runCli(['form', '--framework', 'dbi-2023-sme-readiness', '--out', out]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/dbi-2023-sme-readiness chưa chấm điểm được, trang chỉ nói lý do: Chưa có điểm tối đa .* \/ dbi-2023-sme-readiness cannot be scored, and the page says why: The pillar maxima .* are not published/);
    expect(readFileSync(out, 'utf8')).toBe(renderAssessmentPage('dbi-2023-sme-readiness'));
  });

  it('refuses a wrong command line with one bilingual line and exit 2', async () => {
    const ownFile = join(dir, 'khung.html');
    writeFileSync(ownFile, readFileSync(file998, 'utf8'));
    const ownLink = join(dir, 'lien-ket.html');
    symlinkSync(ownFile, ownLink);
    const folder = join(dir, 'thu-muc.html');
    mkdirSync(folder);
    const cases: [string[], RegExp][] = [
      [['form', '--out', join(dir, 'x.html')], /form cần --framework <mã> hoặc --framework-file <tệp> \/ form needs --framework <id> or --framework-file <file>/],
      [['form', '--framework', 'dbi-2021-sme', '--framework-file', file998, '--out', join(dir, 'x.html')], /give --framework or --framework-file, not both/],
      [['form', '--framework', 'dti-province-2022', '--out', join(dir, 'x.html')], /form needs a DBI \(enterprise\) framework; dti-province-2022 is a DTI/],
      [['form', '--framework', 'dbi-2099', '--out', join(dir, 'x.html')], /unknown --framework dbi-2099; known: dti-province-2020/],
      [['form', '--framework', 'dbi-2021-sme', '--out', join(dir, 'x.pdf')], /form writes an HTML page: name --out with \.html/],
      [['form', '--framework', 'dbi-2021-sme', '--lang', 'fr', '--out', join(dir, 'x.html')], /--lang must be vi or en, got "fr"/],
      [['form', 'dbi-2021-sme', '--out', join(dir, 'x.html')], /form takes the framework as --framework or --framework-file, not "dbi-2021-sme"/],
      [['form', '--framework', 'dbi-2021-sme', '--out', join(dir, 'no-such-folder', 'x.html')], /does not exist/],
      [['form', '--framework', 'dbi-2021-sme', '--out', join(dir, 'x.html'), '--subtitle', 'x'.repeat(10_001)], /^vndi: --subtitle: Tùy chọn không hợp lệ: subtitle dài 10\.001 ký tự, tối đa 10\.000 \/ --subtitle: Invalid option: subtitle is 10,001 characters long; at most 10,000 \(vndi --help\)\n$/],
      // the framework file itself (by name or through a link) and a folder are never written over
      [['form', '--framework-file', ownFile, '--out', ownFile], /is the input file/],
      [['form', '--framework-file', ownFile, '--out', ownLink], /is the input file/],
      [['form', '--framework', 'dbi-2021-sme', '--out', folder], /is a folder: refusing to write there/],
    ];
    for (const [args, message] of cases) {
      const r = await runCli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err.trim().split('\n')).toHaveLength(1);
      expect(r.err).toMatch(message);
    }
    expect(readFileSync(ownFile, 'utf8')).toBe(readFileSync(file998, 'utf8'));
  });

  it('a framework file with a problem is refused as --framework-file is everywhere', async () => {
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{ "kind": "dbi" }');
    const r = await runCli(['form', '--framework-file', broken, '--out', join(dir, 'x.html')]);
    const score = await runCli(['score', join(dir, 'x.csv'), '--framework-file', broken]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^id: Thiếu giá trị bắt buộc "id" \/ Missing required value "id"$/m);
    expect([r.code, r.err]).toEqual([score.code, score.err]);
  });
});

describe('a framework file\'s scoring column given twice', () => {
  it('is refused, as a bundled framework\'s is, instead of taking one of the two', async () => {
    const csv = join(dir, 'twice.csv');
    writeFileSync(csv, 'id;Ngành;1.1;1.1;1.2;2.1.1;2.1.2;2.1.3;3.1.1;3.1.2;4.1.1\nA;thuong-mai;a;đ;có;b;5;n/a;1;a;a\n');
    const r = await runCli(['score', csv, '--framework-file', file998, '--format', 'json']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/two columns "1.1" and "1.1" are both field "1.1"/);
  });
});
