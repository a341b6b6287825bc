/**
 * The library in a browser: esbuild bundles a page that imports it (platform `browser`, so any
 * Node-only import would fail the build), and headless Chromium scores a DTI and a DBI assessment
 * with the exact figures Node gives. Skipped, saying why, where Chromium is absent (.ci/run
 * installs it).
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
const root = join(__dirname, '..', '..');

const PAGE_SCRIPT = `
import { scoreDti, scoreDbi, criterionOrder, safeScoreDbi, toHtml } from ${JSON.stringify(join(root, 'src', 'index.ts'))};
const dti = scoreDti('dti-province-2022', { points: { awareness: 74, institutions: 30, infrastructure: 41.6, humanResources: 12.63,
  cybersecurity: 54, digitalGovernment: 78.47, digitalEconomy: 61.62, digitalSociety: 46.17 } });
const answers = Object.fromEntries(criterionOrder('dbi-2021-sme').map((id) => [id, id === '2.1.1' ? 15 : '3']));
const dbi = scoreDbi('dbi-2021-sme', { answers });
const bad = safeScoreDbi('dbi-2021-sme', { answers: { ...answers, '3.2.4': 7 } });
document.body.innerHTML = toHtml(dti, { title: 'Đắk Lắk' }) + toHtml(dbi);
window.__results = {
  dti: [dti.total, dti.value, dti.exact.value, dti.pillars.government.value],
  dbi: [dbi.total, dbi.level, dbi.pillars[0].percent, dbi.exact.percent],
  bad: bad.success ? null : [bad.error.name, bad.error.issues[0].pathString, bad.error.issues[0].message.vi],
};
`;

if (!hasChromium) {
  console.warn(`browser test skipped: no Chromium at ${CHROMIUM} (install it with \`apt-get install -y chromium\`)`);
}

describe.skipIf(!hasChromium)('the library in headless Chromium', () => {
  let browser: Browser;
  const dir = mkdtempSync(join(tmpdir(), 'vndi-browser-'));
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('bundles for the browser and scores DTI and DBI exactly, with typed errors', async () => {
    writeFileSync(join(dir, 'entry.ts'), PAGE_SCRIPT);
    // a classic script (IIFE): module scripts are refused on file:// pages
    await build({ entryPoints: [join(dir, 'entry.ts')], bundle: true, format: 'iife', platform: 'browser', target: 'es2022', outfile: join(dir, 'bundle.js'), logLevel: 'silent' });
    writeFileSync(join(dir, 'index.html'), '<!doctype html><html lang="vi"><meta charset="utf-8"><title>vndi</title><body><script src="bundle.js"></script></body></html>');

    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(`file://${join(dir, 'index.html')}`);
    const results = await page.evaluate(() => (globalThis as unknown as { __results: unknown }).__results);
    expect(problems).toEqual([]);
    expect(results).toEqual({
      dti: [398.49, 0.3985, '0.39849', 0.4153],
      // 59 criteria × 3 + 15 = 192; customer 39 of 65 = 60%
      dbi: [192, 3, 60, '60'],
      bad: ['ValidationError', 'answers.3.2.4', 'Giá trị 7 nằm ngoài khoảng cho phép [0, 5]'],
    });
    expect(await page.locator('.vndi-card').count()).toBe(2);
    expect(await page.locator('.vndi-card h3').textContent()).toBe('Đắk Lắk');
    await page.close();
  }, 60_000);
});
