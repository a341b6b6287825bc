/**
 * The self-assessment page in headless Chromium, as an enterprise uses it. For dbi-2021-sme and for
 * a questionnaire with every answer kind (made by the built `vndi form` from a framework file), 100
 * random answer sets are entered through the page's controls (clicks, typing, the keyboard: never
 * through the page API), and after each the page's figures, level and plan are those of `scoreDbi`
 * and `dbiGap` run here. The saved JSON and CSV score back identically through the built `vndi
 * score` and open again in the page; the page makes no network request; axe-core finds no serious
 * or critical violation; screenshots at desktop and phone width and an A4 print are written to
 * test-output/assessment-page/.
 *
 * One browser, one page per framework, the sets driven in a loop; each set changes a few answers
 * (every 50th re-enters all), as an enterprise revising its answers does. Skipped where Chromium is
 * absent (.ci/run installs it).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { dbiGap, getFramework, renderAssessmentPage, scoreDbi, type DbiAnswerInput, type DbiFramework, type DbiResult } from '../../src/index.js';
import { defineDbiFramework, overrideDbiPillarMaxima } from '../../src/schema.js';
import { formatNumber } from '../../src/presentation/format/locale.js';
import { applicable, pageLayout, targetLevels, type PageLayout, type PageQuestion } from '../../src/presentation/page/model.js';
import { dbiPercentText } from '../../src/presentation/report/html.js';
import { word } from '../../src/presentation/page/words.js';
import { buildCli } from './built-cli.js';
import { everyKindData, manyQuestionsData, questionnaire998, randomAnswer, randomSector, rng } from './helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const root = join(__dirname, '..', '..');
const OUT = join(root, 'test-output', 'assessment-page');
const SETS = Number(process.env.VNDI_PAGE_SETS ?? 100);

if (!hasChromium) console.warn(`assessment page browser test skipped: no Chromium at ${CHROMIUM}`);

/** A page opened from file://, with every request, console problem and CSP violation it makes. */
interface Opened {
  readonly page: Page;
  readonly url: string;
  readonly requests: string[];
  readonly problems: string[];
}

async function open(browser: Browser, file: string, viewport = { width: 1280, height: 900 }): Promise<Opened> {
  const context = await browser.newContext({ viewport, acceptDownloads: true });
  const page = await context.newPage();
  const requests: string[] = [];
  const problems: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  // anything that is not the page itself is refused (and recorded above)
  await context.route('**/*', (route) => (route.request().url().startsWith('file://') ? route.continue() : route.abort()));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  const url = `file://${file}`;
  await page.goto(url);
  return { page, url, requests, problems };
}

/** What a control of a question holds for an answer: the `value` of its radio or checkboxes, or a typed text. */
function controlValues(q: PageQuestion, a: DbiAnswerInput | undefined): string[] {
  if (a === undefined) return [];
  if (a === 'n/a') return ['na'];
  const answer = q.criterion?.answer;
  if (q.kind === 'points') return [String(a)];
  if (answer?.kind === 'single') return [String(answer.options.findIndex((o) => o.id === a))];
  if (answer?.kind === 'multiple') {
    const list = a as readonly string[];
    return list.length === 0 ? ['none'] : list.map((id) => String(answer.options.findIndex((o) => o.id === id)));
  }
  return [];
}

/**
 * Enters one answer as a person does: a click on the option's label, or the keyboard (focus, Space;
 * arrows along a scale), ticking and unticking boxes, typing a figure (with a decimal comma now and
 * then). `before` is what the question holds.
 */
async function enter(page: Page, q: PageQuestion, a: DbiAnswerInput, before: DbiAnswerInput | undefined, r: () => number): Promise<void> {
  const k = q.index;
  const toggle = async (value: string) => {
    const input = `#q${k} input[name="a${k}"][value="${value}"]`;
    if (r() < 0.5) {
      await page.focus(input);
      await page.keyboard.press('Space');
    } else await page.click(`#q${k} label:has(> input[name="a${k}"][value="${value}"])`, { force: true, noWaitAfter: true });
  };
  const answer = q.criterion?.answer;
  if (q.kind === 'points' || answer?.kind === 'single') {
    const [want] = controlValues(q, a);
    const [had] = controlValues(q, before);
    if (want === had) return;
    // along the scale with the arrow keys, from the step checked
    if (q.kind === 'points' && had !== undefined && had !== 'na' && want !== 'na' && r() < 0.3) {
      const from = q.steps.indexOf(Number(had));
      const to = q.steps.indexOf(Number(want));
      await page.focus(`#q${k} input[name="a${k}"][value="${had}"]`);
      for (let i = 0; i < Math.abs(to - from); i++) await page.keyboard.press(to > from ? 'ArrowRight' : 'ArrowLeft');
      return;
    }
    return toggle(want!);
  }
  if (answer?.kind === 'multiple') {
    const want = controlValues(q, a);
    const had = controlValues(q, before);
    const alone = (v: string) => v === 'na' || v === 'none' || answer.options[Number(v)]?.exclusive === true;
    if (want.length === 1 && alone(want[0]!)) {
      if (!had.includes(want[0]!)) await toggle(want[0]!);
      return;
    }
    // ticking an option unticks an exclusive one, "none" and "not applicable"
    for (const v of want) if (!had.includes(v)) await toggle(v);
    for (const v of had) if (!alone(v) && !want.includes(v)) await toggle(v);
    return;
  }
  // a typed figure or number, or "not applicable" beside it
  if (a === 'n/a') {
    if (before !== 'n/a') await toggle('na');
    return;
  }
  if (before === 'n/a') await toggle('na');
  const text = r() < 0.5 ? String(a).replace('.', ',') : String(a);
  if (r() < 0.5) await page.fill(`#a${k}`, text);
  else {
    await page.focus(`#a${k}`);
    await page.keyboard.press('Control+A');
    await page.keyboard.type(text);
  }
}

async function chooseSector(page: Page, layout: PageLayout, sector: string): Promise<void> {
  const listed = layout.framework.sectors!.findIndex((s) => s.id === sector);
  if (listed >= 0) return void (await page.click(`label:has(> input[name="sector"][value="${listed}"])`, { force: true, noWaitAfter: true }));
  await page.focus('input[name="sector"][value="other"]');
  await page.keyboard.press('Space');
  await page.fill('#vndi-sector-other', sector);
}

/** What the page shows and reports after a change. */
interface Seen {
  status: { complete: boolean; unanswered: string[]; issues: unknown[] };
  assessment: { sector?: string; answers: Record<string, DbiAnswerInput> };
  result: DbiResult | null;
  plan: unknown;
  shown: { total: string | null; percent: string | null; level: string | null; pillars: string[][]; plan: string[][]; planTitle: string | null };
}

function read(page: Page): Promise<Seen> {
  return page.evaluate(() => {
    const api = (window as unknown as { vndiAssessment: { status(): unknown; assessment(): unknown; result(): unknown; plan(): unknown } }).vndiAssessment;
    const text = (selector: string) => document.querySelector(selector)?.textContent ?? null;
    const rows = (selector: string) => [...document.querySelectorAll(selector)].map((tr) => [...tr.children].map((c) => c.textContent ?? ''));
    return {
      status: api.status(),
      assessment: api.assessment(),
      result: api.result(),
      plan: api.plan(),
      shown: { total: text('#vndi-total'), percent: text('#vndi-percent'), level: text('#vndi-level'), pillars: rows('table.pillars tbody tr'), plan: rows('table.plan tbody tr'), planTitle: text('#vndi-plan-title') },
    } as never;
  });
}

const json = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

/** An answer compared by what it says: figures and points as numbers. */
function same(q: PageQuestion, a: DbiAnswerInput | undefined): unknown {
  if (a === undefined || a === 'n/a' || Array.isArray(a)) return a;
  return q.kind === 'number' || q.kind === 'figure' || q.kind === 'points' ? Number(a) : a;
}

interface Spec {
  readonly name: string;
  readonly slug: string;
  readonly f: DbiFramework;
  /** The page's file, and the arguments that give `vndi score` the framework. */
  readonly file: string;
  readonly cliFramework: readonly string[];
  readonly seed: number;
}

const sme = getFramework('dbi-2021-sme') as DbiFramework;

describe.skipIf(!hasChromium)('the self-assessment page in headless Chromium', () => {
  let browser: Browser;
  let cli: string;
  let cliDir: string;
  const dir = mkdtempSync(join(tmpdir(), 'vndi-page-'));
  const everyKind = defineDbiFramework(everyKindData());
  const everyKindFile = join(dir, 'khung-998-moi-loai.json');
  writeFileSync(everyKindFile, JSON.stringify(everyKindData(), null, 2));
  const vndi = (args: string[]) => execFileSync(process.execPath, [cli, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    [browser, { cli, dir: cliDir }] = await Promise.all([chromium.launch({ executablePath: CHROMIUM, args: ARGS }), buildCli()]);
    writeFileSync(join(dir, 'sme.html'), renderAssessmentPage('dbi-2021-sme', { subtitle: 'Sở Khoa học và Công nghệ (minh họa)' }));
    // the questionnaire's page as an officer makes it: the built command, from the framework file
    vndi(['form', '--framework-file', everyKindFile, '--out', join(dir, 'q998.html')]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
    if (cliDir) rmSync(cliDir, { recursive: true, force: true });
  });

  const specs: Spec[] = [
    { name: 'dbi-2021-sme', slug: 'dbi-2021-sme', f: sme, file: join(dir, 'sme.html'), cliFramework: ['--framework', 'dbi-2021-sme'], seed: 21 },
    { name: 'a questionnaire with every answer kind', slug: 'questionnaire-998', f: everyKind, file: join(dir, 'q998.html'), cliFramework: ['--framework-file', everyKindFile], seed: 998 },
  ];

  for (const spec of specs) {
    it(`${spec.name}: ${SETS} answer sets entered through the controls give scoreDbi's figures and level and dbiGap's plan; saved files score back through vndi and open again; no request; axe clean`, async () => {
      const f = spec.f;
      const layout = pageLayout(f);
      const { page, url, requests, problems } = await open(browser, spec.file);
      const r = rng(spec.seed);
      const held = new Map<number, DbiAnswerInput>();
      let sector: string | undefined;
      let target: number | undefined;
      const levels = new Set<string>();
      let planned = 0;
      for (let t = 0; t < SETS; t++) {
        const tendency = 0.5 + 0.48 * Math.sin(t / 6 + spec.seed);
        if (f.sectors && (sector === undefined || r() < 0.12)) {
          const next = randomSector(layout, r)!;
          if (next !== sector) await chooseSector(page, layout, next);
          sector = next;
        }
        const questions = applicable(layout, sector);
        const some = questions.filter(() => r() < 5 / questions.length);
        const todo = t % 50 === 0 ? questions : questions.filter((q) => !held.has(q.index) || some.includes(q));
        for (const q of todo) {
          const a = randomAnswer(q, r, tendency);
          await enter(page, q, a, held.get(q.index), r);
          held.set(q.index, a);
        }
        const levelsOfRule = targetLevels(f);
        if (levelsOfRule.length && r() < 0.1) {
          target = r() < 0.3 ? undefined : levelsOfRule[Math.floor(r() * levelsOfRule.length)];
          await page.selectOption('#vndi-target', target === undefined ? '' : String(target));
        }

        const seen = await read(page);
        const expected = Object.fromEntries(questions.map((q) => [q.id, held.get(q.index)!]));
        // what the page read from its controls is what was entered
        expect(seen.assessment.sector, `set ${t}`).toBe(sector);
        expect(Object.keys(seen.assessment.answers).sort(), `set ${t}`).toEqual(Object.keys(expected).sort());
        for (const q of questions) expect(same(q, seen.assessment.answers[q.id]), `set ${t}: ${q.id}`).toEqual(same(q, expected[q.id]));
        const everyNa = questions.every((q) => expected[q.id] === 'n/a');
        if (everyNa) continue;
        expect(seen.status.complete, `set ${t}: ${JSON.stringify(seen.status)}`).toBe(true);
        // the page's figures, level and plan are the library's, run here
        const assessment = seen.assessment;
        const result = scoreDbi(f as never, assessment as never);
        expect(seen.result, `set ${t}`).toEqual(json(result));
        expect(json(scoreDbi(f as never, (sector === undefined ? { answers: expected } : { sector, answers: expected }) as never)), `set ${t}`).toEqual(seen.result);
        const plan = dbiGap(f, assessment, target === undefined ? {} : { targetLevel: target });
        expect(seen.plan, `set ${t}`).toEqual(json(plan));
        // and they are what it shows
        expect(seen.shown.total).toBe(`${formatNumber(result.total, 'vi')}/${formatNumber(result.max, 'vi')}`);
        expect(seen.shown.percent).toBe(dbiPercentText(f, 'overall', result.percent, result.exact.percent, 'vi'));
        expect(seen.shown.percent).toContain(`${formatNumber(result.percent, 'vi', 2)}%`);
        if (result.level === null) expect(seen.shown.level).toBe(word('noLevel', 'vi'));
        else expect(seen.shown.level).toMatch(new RegExp(`^Mức ${result.level}( — |tái lập|$)`));
        expect(seen.shown.pillars.map((row) => row.slice(0, 3))).toEqual(result.pillars.map((p) => [p.name.vi, formatNumber(p.points, 'vi'), formatNumber(p.max, 'vi')]));
        expect(seen.shown.pillars.map((row) => row[4] ?? null)).toEqual(result.pillars.map((p) => (result.pillars.some((x) => x.level !== null) ? (p.level === null ? '—' : String(p.level)) : null)));
        const steps = plan.reachable ? plan.steps : [];
        expect(seen.shown.plan.map((row) => [row[0], row[4]])).toEqual(steps.map((s) => [s.criterion, `+${formatNumber(s.gain, 'vi')}`]));
        const ahead = plan.targetLevel !== null && plan.currentLevel !== null && plan.targetLevel > plan.currentLevel && targetLevels(f).includes(plan.targetLevel);
        expect(seen.shown.planTitle).toBe(ahead ? word('planTo', 'vi', { level: plan.targetLevel! }) : null);
        levels.add(String(result.level));
        if (steps.length) planned++;
      }
      // the sets are not all alike: several levels, and plans with steps
      console.log(`${spec.name}: levels ${[...levels].join(', ')}; ${planned} plans with steps`);
      expect(levels.size).toBeGreaterThanOrEqual(3);
      expect(planned).toBeGreaterThan(10);

      // saved as JSON and CSV by the page's buttons, scored back by the built vndi, opened again
      const last = await read(page);
      await page.fill('#vndi-name', 'Công ty TNHH "Ánh Dương" <b>');
      await page.fill('#vndi-id', 'DN-0042');
      const saved: Record<string, string> = {};
      for (const kind of ['json', 'csv'] as const) {
        const [download] = await Promise.all([page.waitForEvent('download'), page.click(`#vndi-save-${kind}`)]);
        expect(download.suggestedFilename()).toBe(`DN-0042.${kind}`);
        saved[kind] = join(dir, `${spec.slug}-answers.${kind}`);
        await download.saveAs(saved[kind]!);
        const out = JSON.parse(vndi(['score', saved[kind]!, ...spec.cliFramework, '--format', 'json'])) as { rows: { id: string; meta: { name?: string }; result: DbiResult }[] };
        expect(out.rows).toHaveLength(1);
        expect(out.rows[0]!.result).toEqual(last.result);
        expect(out.rows[0]!.id).toBe('DN-0042');
      }
      expect(readFileSync(saved.csv!, 'utf8').startsWith('\uFEFFMã doanh nghiệp;Tên doanh nghiệp;Bộ chỉ số')).toBe(true);
      for (const kind of ['csv', 'json'] as const) {
        await page.evaluate(() => (window as unknown as { vndiAssessment: { clear(): void } }).vndiAssessment.clear());
        expect((await read(page)).result).toBeNull();
        await page.setInputFiles('#vndi-file', saved[kind]!);
        const opened = `Đã mở ${spec.slug}-answers.${kind}.`;
        await page.waitForFunction((text) => document.querySelector('#vndi-file-status')?.textContent === text, opened);
        const back = await read(page);
        expect(back.result).toEqual(last.result);
        expect(back.assessment).toEqual(last.assessment);
        expect(await page.inputValue('#vndi-name')).toBe('Công ty TNHH "Ánh Dương" <b>');
      }

      // accessible: axe-core (injected through the debugger protocol, which the page's policy does not govern)
      const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
      const axe = async () => {
        await page.evaluate(axeSource);
        return page.evaluate(async () => {
          const run = (window as unknown as { axe: { run(o: unknown): Promise<{ violations: { id: string; impact: string; nodes: { target: unknown }[] }[] }> } }).axe.run;
          const res = await run({ resultTypes: ['violations'] });
          return res.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target))}`);
        });
      };
      expect(await axe()).toEqual([]);
      const slug = spec.slug;
      // what a person sees: the top of the page (form and result), and the whole page
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: join(OUT, `${slug}-desktop.png`) });
      await page.screenshot({ path: join(OUT, `${slug}-desktop-full.png`), fullPage: true });
      await page.setViewportSize({ width: 360, height: 740 });
      // nothing wider than the phone's screen
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      expect(await axe()).toEqual([]);
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: join(OUT, `${slug}-phone.png`) });
      await page.evaluate(() => document.getElementById('vndi-result')!.scrollIntoView());
      await page.screenshot({ path: join(OUT, `${slug}-phone-result.png`) });
      await page.screenshot({ path: join(OUT, `${slug}-phone-full.png`), fullPage: true });
      // the A4 record: the print style, as its first page, the whole, and a PDF
      await page.setViewportSize({ width: 794, height: 1123 });
      await page.emulateMedia({ media: 'print' });
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: join(OUT, `${slug}-print-page1.png`) });
      await page.screenshot({ path: join(OUT, `${slug}-print-full.png`), fullPage: true });
      await page.pdf({ path: join(OUT, `${slug}.pdf`), format: 'A4', printBackground: true });
      await page.emulateMedia({ media: 'screen' });

      // no request but the page itself; no console error, no policy violation
      expect([...new Set(requests)].filter((u) => u !== url && !u.startsWith('blob:'))).toEqual([]);
      expect(problems).toEqual([]);
      await page.context().close();
    }, 300_000);
  }

  it('works from the keyboard alone: Tab into each question, arrows along its scale, Enter on a button', async () => {
    const { page, problems } = await open(browser, join(dir, 'sme.html'));
    const focused = () => page.evaluate(() => {
      const e = document.activeElement as HTMLInputElement | null;
      return e ? `${e.tagName.toLowerCase()}#${e.id}[${e.name ?? ''}]` : '';
    });
    const seen: string[] = [];
    for (let i = 0; i < 8 && !(await focused()).includes('[a0]'); i++) {
      await page.keyboard.press('Tab');
      seen.push(await focused());
    }
    // the bar's buttons, the enterprise's fields, then the first question
    expect(seen).toEqual(['button#vndi-next[]', 'a#[]', 'input#vndi-name[]', 'input#vndi-id[]', 'input#[a0]']);
    for (const [k, presses] of [[0, 3], [1, 5], [2, 1]] as const) {
      for (let p = 0; p < presses; p++) await page.keyboard.press('ArrowRight');
      expect(await focused()).toBe(`input#[a${k}]`);
      await page.keyboard.press('Tab');
    }
    const answers = await page.evaluate(() => (window as unknown as { vndiAssessment: { assessment(): { answers: unknown } } }).vndiAssessment.assessment().answers);
    expect(answers).toEqual({ '1.1.1': 3, '1.1.2': 5, '1.1.3': 1 });
    await page.focus('#vndi-next');
    await page.keyboard.press('Enter');
    expect(await focused()).toBe('input#[a3]');
    // a visible focus ring
    expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).toBe('solid');
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('refuses to score with a framework that fails the checks, or a script that is not its own', async () => {
    const html = readFileSync(join(dir, 'q998.html'), 'utf8');
    // a pillar maximum edited in the page: defineDbiFramework refuses the framework, nothing is scored
    const badFramework = html.replace('"max":7,"maxStatus"', '"max":-7,"maxStatus"');
    expect(badFramework).not.toBe(html);
    writeFileSync(join(dir, 'bad-framework.html'), badFramework);
    const a = await open(browser, join(dir, 'bad-framework.html'));
    expect(await a.page.locator('[role=alert] h2').textContent()).toBe(word('badFramework', 'vi'));
    expect(await a.page.locator('[role=alert]').textContent()).toMatch(/pillars\.1\.max/);
    expect(await a.page.evaluate(() => typeof (window as unknown as { vndiAssessment?: unknown }).vndiAssessment)).toBe('undefined');
    expect(await a.page.locator('fieldset').count()).toBe(0);
    expect(a.problems).toEqual([]);
    await a.page.context().close();
    // a bundled framework's id that is not one
    writeFileSync(join(dir, 'bad-id.html'), readFileSync(join(dir, 'sme.html'), 'utf8').replace('"framework":"dbi-2021-sme"', '"framework":"dbi-2099-sme"'));
    const b = await open(browser, join(dir, 'bad-id.html'));
    expect(await b.page.locator('[role=alert]').textContent()).toMatch(/dbi-2099-sme/);
    await b.page.context().close();
    // an edited script no longer has the hash the page's policy allows: it does not run
    writeFileSync(join(dir, 'bad-script.html'), html.replace('vndi-assessment:change', 'vndi-assessment:chang3'));
    const c = await open(browser, join(dir, 'bad-script.html'));
    expect(await c.page.evaluate(() => typeof (window as unknown as { vndiAssessment?: unknown }).vndiAssessment)).toBe('undefined');
    expect(c.problems.join('\n')).toMatch(/Refused to execute inline script|CSP violation: script-src/);
    await c.page.context().close();
  });

  it('a framework that cannot be scored gets a page that says why, not a form; with its maxima supplied, a form', async () => {
    writeFileSync(join(dir, 'readiness.html'), renderAssessmentPage('dbi-2023-sme-readiness'));
    const { page, problems } = await open(browser, join(dir, 'readiness.html'));
    expect(await page.locator('[role=alert] h2').textContent()).toBe(word('cannotScore', 'vi'));
    expect(await page.locator('[role=alert]').textContent()).toMatch(/overrideDbiPillarMaxima/);
    // the officer reads the pillars by their names; the ids are only in the developer's hint, labelled as such
    expect(await page.locator('.missing-maxima li').allTextContents()).toContain('3. Chuỗi cung ứng');
    expect(await page.locator('[role=alert] > p:not(.dev)').allTextContents()).not.toContainEqual(expect.stringMatching(/supplyChain|overrideDbi/));
    expect(await page.locator('.dev b').textContent()).toBe('Dành cho lập trình viên / For developers:');
    expect(await page.locator('fieldset').count()).toBe(0);
    expect(problems).toEqual([]);
    await page.screenshot({ path: join(OUT, 'not-scorable.png') });
    await page.context().close();
    // with its maxima supplied (an override keeps the bundled id: the page checks it as derived from it)
    const maxima = { strategy: 20, customer: 15, supplyChain: 15, informationSystems: 15, riskAndSecurity: 15, pillar6: 10, pillar7: 10 };
    const readiness = overrideDbiPillarMaxima('dbi-2023-sme-readiness', maxima);
    writeFileSync(join(dir, 'readiness-supplied.html'), renderAssessmentPage(readiness));
    const supplied = await open(browser, join(dir, 'readiness-supplied.html'));
    const points = [12, 7.5, 15, 0, 3, 10, 4];
    for (const [k, v] of points.entries()) await supplied.page.fill(`#a${k}`, String(v).replace('.', ','));
    const seen = await read(supplied.page);
    expect(seen.result).toEqual(json(scoreDbi(readiness, { answers: Object.fromEntries(Object.keys(maxima).map((id, k) => [id, points[k]!])) as never })));
    expect(seen.result!.framework.status).toBe('reconstructed');
    expect(supplied.problems).toEqual([]);
    await supplied.page.context().close();
  });

  it('in English: words, decimal points, a pillar-level framework with no level rule', async () => {
    writeFileSync(join(dir, 'large-en.html'), renderAssessmentPage('dbi-2021-large', { lang: 'en' }));
    const { page, problems } = await open(browser, join(dir, 'large-en.html'));
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.locator('#q0 .qstatus').textContent()).toBe('Not answered');
    const values = ['100', '60.5', '0', '110', '1', '85'];
    for (const [k, v] of values.entries()) await page.fill(`#a${k}`, v);
    const seen = await read(page);
    const expected = scoreDbi('dbi-2021-large', { answers: { customer: 100, strategy: 60.5, technology: 0, operations: 110, culture: 1, data: 85 } });
    expect(seen.result).toEqual(json(expected));
    expect(seen.shown.total).toBe('356.5/695');
    expect(seen.shown.level).toBe(word('noLevel', 'en'));
    expect(await page.locator('#vndi-plan-body').textContent()).toBe(expected.noLevelReason!.en);
    // a figure out of bounds is marked with the library's message
    await page.fill('#a0', '126');
    expect(await page.locator('#q0 .qstatus').textContent()).toMatch(/outside the allowed range \[0, 125\]/);
    expect(await page.locator('#q0').getAttribute('class')).toMatch(/invalid/);
    expect(problems).toEqual([]);
    await page.screenshot({ path: join(OUT, 'dbi-2021-large-en.png'), fullPage: true });
    await page.context().close();
  });

  it('hostile texts, saved files and API calls: the texts shown as text, every refusal the library\'s bilingual message, never an exception', async () => {
    // a framework file whose every text is hostile, one of them 3,000 characters without a space, and a hostile subtitle
    const hostile = '</script><script>alert(1)</script>=HYPERLINK("http://x")\u202Eevil<img src=x onerror=alert(2)>';
    const data = everyKindData() as { shortTitle: { vi: string }; pillars: { name: { vi: string }; components: { name: { vi: string }; criteria: { name: { vi: string } }[] }[] }[] };
    data.shortTitle.vi = 'X'.repeat(3000);
    for (const p of data.pillars) {
      p.name.vi += ` ${hostile}`;
      for (const c of p.components) {
        c.name.vi += ` ${hostile}`;
        for (const q of c.criteria) q.name.vi += ` ${hostile}`;
      }
    }
    writeFileSync(join(dir, 'hostile.html'), renderAssessmentPage(defineDbiFramework(data), { subtitle: `${hostile}${'Y'.repeat(3000)}` }));
    for (const width of [360, 1280]) {
      const { page, problems } = await open(browser, join(dir, 'hostile.html'), { width, height: 800 });
      const dialogs: string[] = [];
      page.on('dialog', (d) => void d.dismiss().then(() => dialogs.push(d.message())));
      expect(await page.locator('script').count()).toBe(2);
      expect(await page.locator('img').count()).toBe(0);
      // the texts as text (the bidirectional override taken out, as in every report)
      expect(await page.locator('legend', { hasText: 'HYPERLINK' }).first().textContent()).toContain('</script><script>alert(1)</script>=HYPERLINK("http://x")evil<img');
      // nothing widens the page: long words wrap
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
      if (width === 360) await page.screenshot({ path: join(OUT, 'hostile-texts-360.png') });
      expect(dialogs).toEqual([]);
      expect(problems).toEqual([]);
      await page.context().close();
    }

    // saved files through the page's own "open" button: each ends in the library's message in the page
    const { page, problems } = await open(browser, join(dir, 'sme.html'));
    const status = () => page.locator('#vndi-file-status').textContent();
    const files: [string, string, RegExp][] = [
      ['khac.json', JSON.stringify([{ id: 'A', framework: 'dbi-2021-large', answers: {} }]), /Không mở được khac\.json: .*dbi-2021-large, không phải dbi-2021-sme/],
      ['sau.json', `${'['.repeat(5000)}1${']'.repeat(5000)}`, /lồng sâu quá 64 cấp/],
      ['lon.json', JSON.stringify([{ id: 'a'.repeat(3_000_000), framework: 'dbi-2021-sme', answers: {} }]), /quá 2\.097\.152 ký tự/],
      ['nan.json', '[{"id":"A","framework":"dbi-2021-sme","answers":{"1.1.1":NaN}}]', /JSON không hợp lệ/],
      ['cong-thuc.csv', 'id,framework,1.1.1\n=HYPERLINK("http://x"),dbi-2021-sme,=1+2\n', /"=1\+2" không phải là số/],
      ['la.json', JSON.stringify([{ id: 'A', framework: 'dbi-2021-sme', answers: { '9.9.9': 1 } }]), /Khóa "9\.9\.9" không có trong bộ chỉ số/],
      ['cot-la.csv', 'id,framework,9.9.9,1.1.1\nA,dbi-2021-sme,3,4\n', /^Đã mở cot-la\.csv\. Cột không dùng, bỏ qua: 9\.9\.9\.$/],
    ];
    for (const [name, text, expected] of files) {
      await page.setInputFiles('#vndi-file', { name, mimeType: 'application/octet-stream', buffer: Buffer.from(text) });
      await expect.poll(status, { timeout: 10_000 }).toMatch(expected);
    }
    expect(await page.locator('#vndi-id').inputValue()).toBe('A');

    // the API refuses wrong types with the library's error and changes nothing
    const refusals = await page.evaluate(() => {
      const api = (window as unknown as { vndiAssessment: Record<string, (...a: unknown[]) => unknown> }).vndiAssessment;
      api.setAnswers!({ '1.1.1': 3 });
      const calls: [string, unknown[]][] = [['setAnswers', [null]], ['setAnswers', ['x']], ['setAssessment', [null]], ['setAssessment', [{ answers: null }]], ['setEnterprise', [null]], ['setEnterprise', [{ id: {} }]], ['setTarget', [99]], ['setTarget', ['3']], ['onChange', [null]], ['load', [null]], ['load', ['[]', 42]]];
      const out = calls.map(([fn, args]) => {
        try {
          api[fn]!(...args);
          return `${fn}: accepted`;
        } catch (e) {
          const err = e as { name: string; issues?: { message: { vi: string; en: string } }[] };
          return `${fn}: ${err.name} ${err.issues?.every((i) => i.message.vi && i.message.en) ? 'bilingual' : 'NOT bilingual'}`;
        }
      });
      // an app's listener that throws does not stop the page or the other listeners
      let heard = 0;
      api.onChange!(() => {
        throw new Error('listener of the app');
      });
      api.onChange!(() => void heard++);
      api.setAnswers!({ '1.1.2': 4 }, { merge: true });
      return { out, answers: (api.assessment!() as { answers: unknown }).answers, heard };
    });
    expect(refusals.out.every((r) => r.endsWith('ValidationError bilingual'))).toBe(true);
    expect(refusals.answers).toEqual({ '1.1.1': 3, '1.1.2': 4 });
    expect(refusals.heard).toBe(1);
    expect(problems.filter((p) => !p.includes('listener of the app'))).toEqual([]);
    await page.context().close();
  });

  it('a framework file of 5,000 questions: the form opens, answers count, the provisional result shows', async () => {
    const many = defineDbiFramework(manyQuestionsData(50));
    writeFileSync(join(dir, 'many.html'), renderAssessmentPage(many));
    const { page, problems } = await open(browser, join(dir, 'many.html'));
    expect(await page.locator('[role=alert]').count()).toBe(0);
    expect(await page.locator('fieldset.q[data-q]').count()).toBe(pageLayout(many).questions.length);
    await page.locator('input[name=sector]').first().check();
    const first = pageLayout(many).questions.find((q) => q.id === '3.1.1')!;
    await page.fill(`#a${first.index}`, '4');
    expect(await page.locator('#vndi-progress-text').textContent()).toBe(`1/${applicable(pageLayout(many), many.sectors![0]!.id).length} câu đã trả lời`);
    expect(await page.locator('#vndi-summary').textContent()).toMatch(/^Mức 1 · 4\/25016 điểm · 0,00% \(tạm tính\)$/);
    expect(await page.locator('.problems').count()).toBe(0);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('embedded in an iframe: the API, the change event, and messages with its parent\'s origin only', async () => {
    // same origin (srcdoc): the app drives the page through contentWindow
    const page998 = renderAssessmentPage(questionnaire998() as never);
    writeFileSync(join(dir, 'host.html'), `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Ứng dụng tỉnh</title></head><body><iframe id="form" title="Tự đánh giá" srcdoc="${page998.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}" width="1000" height="700"></iframe></body></html>`);
    const { page, problems } = await open(browser, join(dir, 'host.html'));
    const frame = page.frameLocator('#form');
    await frame.locator('#vndi-form').waitFor();
    const assessment = { sector: 'du-lich', answers: { '1.1': 'đ', '1.2': 'có', '2.1.1': ['b', 'd'], '2.1.2': 31, '2.1.3': 'n/a', '3.1.1': 4, '3.1.2': 'c', '4.2.1': 'đặt-chỗ' } };
    const got = await page.evaluate((a) => {
      const w = (document.getElementById('form') as HTMLIFrameElement).contentWindow as unknown as Window & { vndiAssessment: { setAssessment(x: unknown): unknown; result(): unknown; onChange(l: (c: unknown) => void): () => void } };
      const events: unknown[] = [];
      w.addEventListener('vndi-assessment:change', (e) => events.push((e as CustomEvent).detail));
      const heard: unknown[] = [];
      const stop = w.vndiAssessment.onChange((c) => heard.push(c));
      w.vndiAssessment.setAssessment(a);
      stop();
      return { result: w.vndiAssessment.result(), events, heard };
    }, assessment);
    const expected = json(scoreDbi(questionnaire998() as never, assessment as never));
    expect(got.result).toEqual(expected);
    expect((got.events.at(-1) as { result: unknown }).result).toEqual(expected);
    expect((got.heard.at(-1) as { result: unknown }).result).toEqual(expected);
    // a refused answer is the library's ValidationError, and changes nothing
    const refused = await page.evaluate(() => {
      const w = (document.getElementById('form') as HTMLIFrameElement).contentWindow as unknown as { vndiAssessment: { setAnswers(x: unknown): unknown; assessment(): unknown } };
      const before = w.vndiAssessment.assessment();
      try {
        w.vndiAssessment.setAnswers({ '1.1': 'z' });
        return null;
      } catch (e) {
        return { name: (e as Error).name, issue: (e as { issues: { pathString: string }[] }).issues[0]!.pathString, kept: JSON.stringify(w.vndiAssessment.assessment()) === JSON.stringify(before) };
      }
    });
    expect(refused).toEqual({ name: 'ValidationError', issue: 'answers.1.1', kept: true });
    expect(problems).toEqual([]);
    await page.context().close();

    // another origin: messages, with the origin the page was made for, and no other
    for (const [origin, answered] of [['https://app.example', true], ['https://other.example', false]] as const) {
      const context = await browser.newContext();
      const form = renderAssessmentPage('dbi-2021-sme', { messageOrigin: origin });
      const host = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>app</title></head><body><iframe id="form" title="form" src="https://form.example/tu-danh-gia.html" width="900" height="600"></iframe><script>
        window.messages = [];
        window.addEventListener('message', (e) => { if (e.origin === 'https://form.example') window.messages.push(e.data); });
      </script></body></html>`;
      await context.route('https://app.example/**', (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: host }));
      await context.route('https://form.example/**', (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: form }));
      const p = await context.newPage();
      await p.goto('https://app.example/');
      await p.frameLocator('#form').locator('#vndi-form').waitFor();
      const answers = Object.fromEntries(pageLayout(sme).questions.map((q) => [q.id, q.steps[2]!]));
      const post = (m: unknown) => p.evaluate((x) => (document.getElementById('form') as HTMLIFrameElement).contentWindow!.postMessage(x, 'https://form.example'), m);
      const heard = async () => (await p.evaluate(() => (window as unknown as { messages: unknown[] }).messages)) as { type: string; result?: DbiResult | null; messages?: string[] }[];
      await post({ type: 'vndi-assessment:set', assessment: { answers } });
      await post({ type: 'vndi-assessment:set', assessment: { answers: { '1.1.1': 9 } } });
      await post({ type: 'vndi-assessment:get' });
      if (answered) {
        await p.waitForFunction(() => (window as unknown as { messages: { type: string }[] }).messages.filter((m) => m.type === 'vndi-assessment:change').length >= 3);
        const messages = await heard();
        expect(messages[0]!.type).toBe('vndi-assessment:ready');
        const expected = json(scoreDbi('dbi-2021-sme', { answers: answers as never }));
        // the refused answer changed nothing, and "get" is answered with the page's state
        expect(messages.find((m) => m.type === 'vndi-assessment:error')!.messages![0]).toMatch(/^answers\.1\.1\.1: Giá trị 9 nằm ngoài khoảng cho phép \[0, 5\]/);
        expect(messages.at(-1)).toMatchObject({ type: 'vndi-assessment:change', result: expected });
      } else {
        await p.waitForTimeout(300);
        expect(await heard()).toEqual([]);
      }
      const inside = await p.frameLocator('#form').locator('#vndi-progress-text').textContent();
      expect(inside).toBe(answered ? '60/60 câu đã trả lời' : '0/60 câu đã trả lời');
      await context.close();
    }
  });
});
