import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { dbiGap, rankDti, renderReport, scoreDbi, scoreDti, summarize } from '../../src/index.js';
import { fixture, type DbiFixtureRow, type DtiFixtureRow } from '../fixtures.js';
import { colourfulShare, colourShare, decodePng } from '../png.js';

const rows = fixture<DbiFixtureRow[]>('dbi-sme-daklak.json');
const results = rows.map((r) => scoreDbi(r.framework, { answers: r.answers }));
const provinces = fixture<DtiFixtureRow[]>('dti-2021.json').map((r) => ({ id: r.id, name: r.name, result: scoreDti(r.framework, { points: r.points! }) }));

const reports = {
  enterprise: renderReport({ kind: 'enterprise', name: 'Doanh nghiệp mẫu 1', result: results[0]!, cohort: results, gap: dbiGap('dbi-2021-sme', { answers: rows[0]!.answers }) }),
  province: renderReport({
    kind: 'province', name: 'Đắk Lắk', result: provinces.find((p) => p.id === '66')!.result, peers: provinces.map((p) => p.result),
    ranking: rankDti(provinces, { groupBy: 'region' }).find((r) => r.id === '66'),
  }),
  cohort: renderReport({ kind: 'cohort', summary: summarize(rows.map((r, i) => ({ district: r.district, result: results[i]! })), { groupBy: 'district' }) }),
};

describe('renderReport (static checks)', () => {
  it('is a self-contained page: no script, no external resource', () => {
    for (const html of Object.values(reports)) {
      expect(html).toMatch(/^<!DOCTYPE html>/);
      expect(html).toContain('<meta charset="utf-8">');
      expect(html).not.toMatch(/<script|<link|src=|href=|@import|url\(/i);
      // source addresses are printed as text in the footer, never fetched or linked
      expect(html.replace(/<span class="url">[^<]*<\/span>/g, '')).not.toMatch(/https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
    }
  });
  it('escapes text', () => {
    const html = renderReport({ kind: 'enterprise', name: '<b>"x"&</b>', result: results[0]! });
    expect(html).toContain('&lt;b&gt;&quot;x&quot;&amp;&lt;/b&gt;');
  });
  it('draws the charts each report promises', () => {
    expect(reports.enterprise).toMatch(/class="chart radar"/);
    expect(reports.enterprise.match(/class="series"/g)).toHaveLength(2);
    expect(reports.province).toMatch(/class="chart bars"/);
    expect(reports.cohort).toMatch(/class="chart stacked"/);
  });
});

const hasChromium = existsSync('/usr/bin/chromium');

describe.skipIf(!hasChromium)('renderReport in headless Chromium', () => {
  let browser: Browser;
  const dir = mkdtempSync(join(tmpdir(), 'vndi-report-'));
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  for (const [kind, html] of Object.entries(reports)) {
    it(`renders the ${kind} report with no console error, charts painted, Vietnamese text intact`, async () => {
      const file = join(dir, `${kind}.html`);
      writeFileSync(file, html);
      const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
      const problems: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
      });
      page.on('pageerror', (e) => problems.push(e.message));
      page.on('requestfailed', (r) => problems.push(`request ${r.url()}`));
      await page.goto(`file://${file}`);
      expect(problems).toEqual([]);

      const charts = page.locator('svg.chart');
      expect(await charts.count()).toBeGreaterThan(0);
      const box = await charts.first().boundingBox();
      expect(box!.width).toBeGreaterThan(200);
      expect(box!.height).toBeGreaterThan(100);

      // Vietnamese text is in the DOM as written and has real glyph widths
      const title = await page.locator('h1').textContent();
      expect(title).toMatch(kind === 'province' ? /Đắk Lắk/ : kind === 'enterprise' ? /Doanh nghiệp mẫu 1/ : /Bức tranh chuyển đổi số doanh nghiệp/);
      const labelWidth = await page
        .locator('svg.chart text')
        .first()
        .evaluate((t) => (t as unknown as { getComputedTextLength(): number }).getComputedTextLength());
      expect(labelWidth).toBeGreaterThan(10);

      // the chart is painted: a screenshot of it holds the chart's colours, not a blank area
      const png = decodePng(await charts.first().screenshot());
      expect(colourfulShare(png)).toBeGreaterThan(0.03);
      // the first series' colour (#1f6fb2) is drawn: strokes and bars, or the level colours of the stacks
      if (kind === 'cohort') expect(colourShare(png, [0xa9, 0xd1, 0x8e], 30) + colourShare(png, [0xff, 0xd9, 0x66], 30)).toBeGreaterThan(0.02);
      else expect(colourShare(png, [0x1f, 0x6f, 0xb2], 60)).toBeGreaterThan(0.002);
      expect(colourShare(png, [255, 255, 255], 6)).toBeLessThan(0.97);
      await page.screenshot({ path: join(dir, `${kind}.png`), fullPage: true });
      await page.close();
    }, 60_000);
  }
});
