/**
 * What the HTML reports say: languages and decimals, one format per figure, what the page rests on
 * (decision, status, assumptions, sources, illustrative rows), the rank report's columns, argument
 * checks, and (in Chromium) a radar chart whose labels stay clear of its rings.
 */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { dbiGap, getFramework, rankChange, rankDti, renderReport, scoreDbi, scoreDti, summarize, ValidationError } from '../../src/index.js';
import { fixture, type DbiFixtureRow, type DtiFixtureRow } from '../fixtures.js';

const rows = fixture<DbiFixtureRow[]>('dbi-sme-daklak.json');
const results = rows.map((r) => scoreDbi(r.framework, { answers: r.answers }));
const dti = fixture<DtiFixtureRow[]>('dti-2021.json').map((r) => ({ id: r.id, name: r.name, result: scoreDti(r.framework, { points: r.points! }) }));
const ranking = rankDti(dti, { groupBy: 'region' });
const byId = new Map(dti.map((d) => [d.id, d]));
const previous = rankDti(dti.map((d) => ({ id: d.id, result: d.result })), { by: 'government' });
const changes = rankChange(previous, ranking);
const { registered } = fixture<{ registered: Record<string, number> }>('registered-smes-daklak.json');
const summary = summarize(rows.map((r, i) => ({ district: r.district, result: results[i]! })), { groupBy: 'district', registered, target: 0.5 });

/** The visible text of a page (tags removed, entities decoded). */
function text(html: string): string {
  return html
    .replace(/<style>[\s\S]*?<\/style>/, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ');
}

const province = (lang?: 'vi' | 'en') =>
  renderReport(
    { kind: 'province', name: 'Đắk Lắk', result: byId.get('66')!.result, peers: dti.map((d) => d.result), ranking: ranking.find((r) => r.id === '66'), change: changes.find((c) => c.id === '66') },
    lang ? { lang } : {},
  );
const enterprise = (lang?: 'vi' | 'en') => renderReport({ kind: 'enterprise', name: 'Doanh nghiệp mẫu 1', result: results[0]!, cohort: results, gap: dbiGap('dbi-2021-sme', { answers: rows[0]!.answers }) }, lang ? { lang } : {});
/** One row given a published source, the others marked illustrative: the first ranked row that is not 66. */
const published = ranking.find((r) => r.id !== '66')!.id;
const provinces = renderReport({
  kind: 'provinces',
  ranked: ranking.map((r) => ({ id: r.id, name: byId.get(r.id)!.name, rank: r.rank, result: byId.get(r.id)!.result, ranking: r, change: changes.find((c) => c.id === r.id), source: r.id === published ? 'dti.gov.vn 2022' : 'minh họa' })),
});
const cohort = renderReport({ kind: 'cohort', summary, ranked: results.slice(0, 3).map((r, i) => ({ id: rows[i]!.id, name: rows[i]!.name, result: r, rank: i + 1, source: 'illustrative' })) });

describe('languages and decimals', () => {
  it('Vietnamese by default: decimal commas, Vietnamese words, html lang', () => {
    const html = province();
    const r = byId.get('66')!.result;
    expect(html).toContain('<html lang="vi">');
    expect(text(html)).toContain(String(r.value.toFixed(4)).replace('.', ','));
    expect(text(html)).toContain(`${String(r.total).replace('.', ',')}/1000`);
    // no dot decimal anywhere in the visible text but the footer's addresses and titles
    const body = text(html.slice(0, html.indexOf('<footer>')));
    expect(body).not.toMatch(/\d\.\d/);
    expect(body).not.toMatch(/\b(rank|coverage|value|points|Leader|Average)\b/i);
  });

  it('English on request: dot decimals, English words', () => {
    const html = province('en');
    expect(html).toContain('<html lang="en">');
    const body = text(html.slice(0, html.indexOf('<footer>')));
    expect(body).toContain(byId.get('66')!.result.value.toFixed(4));
    expect(body).toContain('National rank');
    expect(body).not.toMatch(/\d,\d/);
    expect(text(enterprise('en'))).toContain('Overall level');
  });
});

describe('one format per figure', () => {
  it('every main-indicator value is printed with 4 decimals, the same in the chart and in the table', () => {
    const html = province();
    const r = byId.get('66')!.result;
    const chart = html.slice(html.indexOf('class="chart bars"'), html.indexOf('</svg>', html.indexOf('class="chart bars"')));
    const afterChart = html.slice(html.indexOf('</svg>', html.indexOf('class="chart bars"')));
    for (const m of r.mainIndicators.filter((x) => x.group !== 'unscored')) {
      const printed = m.value!.toFixed(4).replace('.', ',');
      expect(chart).toContain(`>${printed}</text>`);
      expect(afterChart).toContain(`<td class="n">${printed}</td>`);
    }
  });

  it('coverage is a percentage on the card and in the table, with the same decimals', () => {
    const share = summary.overall.coverage!.share;
    const printed = `${(share * 100).toFixed(2).replace(/\.?0+$/, '').replace('.', ',')}%`;
    const cards = cohort.slice(cohort.indexOf('<div class="figures">'), cohort.indexOf('</div></div>') + 12);
    expect(cards).toContain(printed);
    expect(cohort).toContain(`<td class="n">${printed}</td>`);
    expect(cohort).not.toMatch(/>0,\d{4}</); // no share left as 0–1
  });
});

describe('what the page rests on', () => {
  it('a reconstructed framework: status under the title and beside the level; assumptions and sources in the footer', () => {
    const html = enterprise();
    const f = getFramework('dbi-2021-sme');
    const head = html.slice(html.indexOf('<h1>'), html.indexOf('<div class="figures">'));
    expect(text(head)).toContain('1970/QĐ-BTTTT');
    expect(text(head)).toContain('tái lập / reconstructed');
    const levelCard = html.match(/<div class="figure"><b>Mức \d[^]*?<\/div>/)![0];
    expect(levelCard).toContain('tái lập / reconstructed');
    const footer = text(html.slice(html.indexOf('<footer>')));
    for (const a of f.assumptions) expect(footer).toContain(a.description.vi);
    for (const s of f.sources) expect(footer).toContain(s.title);
    expect(text(enterprise('en')).slice(0, 400)).toContain('tái lập / reconstructed'); // the warning stays bilingual
  });

  it('an official framework says so; a framework without assumptions says it has none', () => {
    const html = province();
    expect(text(html.slice(0, html.indexOf('<div class="figures">')))).toMatch(/922\/QĐ-BTTTT.*chính thức/);
    // the page is not marked reconstructed; its one inferred assumption (922 for 2021 and 2023) is in the footer
    expect(html.slice(0, html.indexOf('<footer>'))).not.toContain('tái lập');
    const f = getFramework('dti-province-2022');
    const footer = text(html.slice(html.indexOf('<footer>')));
    if (f.assumptions.length === 0) expect(footer).toContain('Không có giả định');
    for (const a of f.assumptions) expect(footer).toContain(a.description.vi);
    for (const s of f.sources) expect(footer).toContain(s.title);
  });

  it('illustrative rows carry a visible mark and the page a warning; other sources are printed', () => {
    expect(text(provinces)).toContain('Báo cáo có số liệu MINH HỌA');
    const row = (id: string) => provinces.match(new RegExp(`<tr><td class="n">\\d+</td><td>${id}</td>[^]*?</tr>`))![0];
    expect(row('66')).toContain('minh họa / illustrative');
    expect(row(published)).toContain('dti.gov.vn 2022');
    expect(row(published)).not.toContain('minh họa');
    expect(cohort.match(/minh họa \/ illustrative/g)!.length).toBeGreaterThanOrEqual(4); // banner + three rows
  });
});

describe('the rank report keeps what the terminal shows', () => {
  it('rank, region, rank in region and the change from the previous ranking', () => {
    const r = ranking.find((x) => x.id === '66')!;
    const c = changes.find((x) => x.id === '66')!;
    const head = text(provinces.slice(provinces.indexOf('<thead>'), provinces.indexOf('</thead>')));
    expect(head).toContain('Vùng');
    expect(head).toContain('Hạng trong vùng');
    expect(head).toContain('So với năm trước');
    const row = text(provinces.match(/<tr><td class="n">\d+<\/td><td>66<\/td>[^]*?<\/tr>/)![0]);
    expect(row).toContain(`${r.rank} 66 Đắk Lắk`);
    expect(row).toContain(r.groupName!.vi);
    expect(row).toContain(`${r.rankInGroup}/${r.ofInGroup}`);
    expect(row).toContain(c.labelVi);
  });
});

describe('a framework without a level rule', () => {
  it('shows no level chart or level columns, but the reason', () => {
    const large = fixture<{ id: string; name: string; framework: string; answers: Record<string, number> }[]>('dbi-large.json');
    const scored = large.map((r) => scoreDbi(r.framework, { answers: r.answers }));
    expect(scored.every((r) => r.level === null)).toBe(true);
    const html = renderReport({ kind: 'cohort', summary: summarize(scored.map((result) => ({ result }))), ranked: scored.map((result, i) => ({ id: large[i]!.id, result, rank: i + 1 })) });
    expect(html).not.toContain('class="chart stacked"');
    expect(text(html)).not.toMatch(/Mức \d/);
    expect(text(html)).toContain(scored[0]!.noLevelReason!.vi);
    const one = renderReport({ kind: 'enterprise', result: scored[0]! });
    expect(text(one.slice(one.indexOf('<table>'), one.indexOf('</table>')))).not.toContain('Mức');
  });
});

describe('escaping', () => {
  it('every report escapes names, groups, ids and sources', () => {
    const evil = '<script>alert(1)</script>"\'&';
    const pages = [
      renderReport({ kind: 'enterprise', name: evil, result: results[0]!, source: evil }),
      renderReport({ kind: 'province', name: evil, result: byId.get('66')!.result, source: evil }),
      renderReport({
        kind: 'cohort', title: evil,
        summary: summarize(rows.map((r, i) => ({ district: i < 5 ? evil : r.district, result: results[i]! })), { groupBy: 'district' }),
        ranked: [{ id: evil, name: evil, result: results[0]!, rank: 1, source: evil }],
      }),
      renderReport({ kind: 'provinces', title: evil, ranked: [{ id: evil, name: evil, result: byId.get('66')!.result, rank: 1, source: evil }] }),
    ];
    expect(renderReport({ kind: 'enterprise', name: '\u202Egnp.exe\u001b[31m', result: results[0]! })).toContain('<h1>Mức độ chuyển đổi số — gnp.exe[31m</h1>');
    for (const html of pages) {
      expect(html).not.toContain('<script');
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;');
    }
  });
});

describe('regions without a given ranking', () => {
  it('are computed by value when the given ranks are those of a ranking by value, and left out otherwise', () => {
    const national = rankDti(dti.map((d) => ({ id: d.id, result: d.result })));
    const page = renderReport({ kind: 'provinces', ranked: national.map((r) => ({ id: r.id, name: byId.get(r.id)!.name, rank: r.rank, result: byId.get(r.id)!.result })) });
    const r = ranking.find((x) => x.id === '66')!;
    const row = text(page.match(/<tr><td class="n">\d+<\/td><td>66<\/td>[^]*?<\/tr>/)![0]);
    expect(row).toContain(r.groupName!.vi);
    expect(row).toContain(`${r.rankInGroup}/${r.ofInGroup}`);
    // ranked by another measure: no region column that could disagree with the rank column
    const byGov = rankDti(dti.map((d) => ({ id: d.id, result: d.result })), { by: 'government' });
    const other = renderReport({ kind: 'provinces', ranked: byGov.map((x) => ({ id: x.id, rank: x.rank, result: byId.get(x.id)!.result })) });
    expect(text(other.slice(other.indexOf('<thead>'), other.indexOf('</thead>')))).not.toContain('Vùng');
  });
});

describe('argument checks', () => {
  it('bad input is a ValidationError naming the path, never a TypeError', () => {
    const bad: unknown[] = [
      null,
      { kind: 'x' },
      { kind: 'enterprise' },
      { kind: 'enterprise', result: { ...results[0]!, total: NaN } },
      { kind: 'enterprise', result: byId.get('66')!.result },
      { kind: 'province', result: results[0] },
      { kind: 'provinces' },
      { kind: 'provinces', ranked: [{ id: '1', rank: 1, result: null }] },
      { kind: 'cohort', summary: {} },
      { kind: 'enterprise', name: {}, result: results[0] },
      { kind: 'enterprise', result: results[0], gap: { steps: 1 } },
      { kind: 'cohort', summary: { ...summary, overall: { ...summary.overall, key: 5 } } },
      (() => {
        const r = byId.get('66')!.result;
        const broken = { ...r, mainIndicators: r.mainIndicators.map((m) => ({ ...m, exact: { ...m.exact, value: 'abc' } })) };
        return { kind: 'province', result: broken, peers: [broken] };
      })(),
      { kind: 'provinces', ranked: [{ id: '66', rank: 1, result: byId.get('66')!.result, change: { direction: 1 } }] },
    ];
    for (const input of bad) {
      let error: unknown;
      try {
        renderReport(input as never);
      } catch (e) {
        error = e;
      }
      expect(error, JSON.stringify(input)?.slice(0, 60)).toBeInstanceOf(ValidationError);
    }
    try {
      renderReport({ kind: 'enterprise', result: { ...results[0]!, total: NaN } });
    } catch (e) {
      expect((e as ValidationError).issues[0]!.pathString).toBe('result.total');
    }
    expect(() => renderReport({ kind: 'enterprise', result: results[0]! }, { lang: 'fr' as never })).toThrow(ValidationError);
    expect(() => renderReport({ kind: 'enterprise', result: results[0]! }, { provenance: { frameworks: 1 } as never })).toThrow(ValidationError);
  });
});

const hasChromium = existsSync('/usr/bin/chromium');

describe.skipIf(!hasChromium)('radar chart in Chromium', () => {
  let browser: Browser;
  const dir = mkdtempSync(join(tmpdir(), 'vndi-radar-'));
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('has a scale on its rings, and no axis label crosses the outer ring or another label', async () => {
    const file = join(dir, 'enterprise.html');
    writeFileSync(file, enterprise());
    const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
    await page.goto(`file://${file}`);
    const rings = await page.locator('svg.radar text.ring-label').allTextContents();
    expect(rings).toEqual(['20%', '40%', '60%', '80%', '100%']);
    // run in the page (as a string: the tests compile without the DOM library)
    type Box = { x: number; y: number; w: number; h: number; text: string };
    const geometry = (await page.evaluate(`(() => {
      const svg = document.querySelector('svg.radar');
      const outer = [...svg.querySelectorAll('polygon.grid')].pop();
      const m = outer.getScreenCTM();
      const pts = [...outer.points].map((p) => new DOMPoint(p.x, p.y).matrixTransform(m));
      const labels = [...svg.querySelectorAll('text.axis-label')].map((t) => {
        const r = t.getBoundingClientRect();
        return { x: r.left, y: r.top, w: r.width, h: r.height, text: t.textContent };
      });
      const b = svg.getBoundingClientRect();
      return { pts: pts.map((p) => ({ x: p.x, y: p.y })), labels, svg: { x: b.left, y: b.top, w: b.width, h: b.height } };
    })()`)) as { pts: { x: number; y: number }[]; labels: Box[]; svg: Omit<Box, 'text'> };
    expect(geometry.labels).toHaveLength(6);
    const inside = (p: { x: number; y: number }, r: { x: number; y: number; w: number; h: number }) => p.x >= r.x && p.x <= r.x + r.w && p.y >= r.y && p.y <= r.y + r.h;
    // sample the outer ring's edges: no point of the ring lies inside a label's box
    for (let i = 0; i < geometry.pts.length; i++) {
      const a = geometry.pts[i]!;
      const b = geometry.pts[(i + 1) % geometry.pts.length]!;
      for (let k = 0; k <= 100; k++) {
        const p = { x: a.x + ((b.x - a.x) * k) / 100, y: a.y + ((b.y - a.y) * k) / 100 };
        for (const l of geometry.labels) expect(inside(p, l), `${l.text} crosses the outer ring`).toBe(false);
      }
    }
    // labels do not overlap each other and stay inside the chart
    for (const [i, a] of geometry.labels.entries()) {
      expect(a.x).toBeGreaterThanOrEqual(geometry.svg.x);
      expect(a.x + a.w).toBeLessThanOrEqual(geometry.svg.x + geometry.svg.w);
      for (const b of geometry.labels.slice(i + 1)) {
        const overlap = a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
        expect(overlap, `${a.text} overlaps ${b.text}`).toBe(false);
      }
    }
    await page.close();
  }, 60_000);
});
