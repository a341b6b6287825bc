/**
 * `vndi score` on a DBI framework whose levels are decided on percentage bounds or held by level
 * conditions: a "Ghi chú mức" / "Level note" column in the table, CSV, Excel CSV and .xlsx, filled
 * only where it applies, in the words of the HTML report (one helper, `dbiLevelNote`): the exact
 * percentage where the 2-decimal one hides the bound (75,00 shown, 74,9993… decided: the level
 * below), and the sentence of a level condition that held. A framework that can need neither (the
 * bundled sets) gets no such column.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import readXlsxFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { scoreDbi } from '../../src/index.js';
import { defineDbiFramework } from '../../src/schema.js';
import { dbiLevelNote } from '../../src/presentation/report/html.js';
import { readFrameworkJson } from '../frameworks/load.js';
import { runCli } from '../helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'vndi-level-note-'));

/** test/frameworks/dbi-weighted.json summed, criteria to 4 decimals, bands at 0/25/50/75 % and a pillar floor of 20 %. */
function framework(): Record<string, unknown> {
  const f = readFrameworkJson('dbi-weighted.json') as Record<string, any>;
  f.id = 'example-level-notes';
  delete f.aggregation;
  for (const c of f.pillars[0].components[0].criteria) c.scale.decimals = 4;
  f.levels = [1, 2, 3, 4].map((level) => ({ level, name: { vi: `Mức ${level}`, en: `Level ${level}` }, description: { vi: `Mức ${level} (hư cấu)`, en: `Level ${level} (fictional)` } }));
  f.levelRule = {
    kind: 'total-percent-bands',
    bands: [0, 25, 50, 75].map((fromPercent, i) => ({ level: i + 1, fromPercent, fromInclusive: true })),
    caps: [{ atMost: 2, anyPillarBelowPercent: 20, basis: { vi: 'Không cao hơn Mức 2 khi có trụ cột dưới 20% (hư cấu)', en: 'No higher than level 2 while any pillar is below 20% (fictional)' } }],
    status: 'reconstructed',
  };
  return f;
}
const f = defineDbiFramework(framework());
const frameworkFile = join(dir, 'framework.json');
writeFileSync(frameworkFile, JSON.stringify(framework()));
// DN1: 11,2499 of 15 = 74,99933…% (shown 75,00, level 3); DN2: 66,67 % but People at 0 % (level 3 capped to 2); DN3: nothing to note
const ROWS = [
  { id: 'DN1', answers: { '1.1.1': 5, '1.1.2': 2.2499, '2.1.1': 4 } },
  { id: 'DN2', answers: { '1.1.1': 5, '1.1.2': 5, '2.1.1': 0 } },
  { id: 'DN3', answers: { '1.1.1': 5, '1.1.2': 5, '2.1.1': 5 } },
];
const results = ROWS.map((r) => scoreDbi(f, { answers: r.answers }));
const input = join(dir, 'rows.csv');
writeFileSync(input, `Mã DN,Tên,1.1.1,1.1.2,2.1.1\n${ROWS.map((r) => `${r.id},DN ${r.id},${Object.values(r.answers).join(',')}`).join('\n')}\n`);
const args = ['score', input, '--framework-file', frameworkFile];

describe('the level note of vndi score', () => {
  it('is the report\'s words: the exact percentage where rounding hides the bound, the level condition that held', () => {
    expect(results.map((r) => [r.percent, r.level])).toEqual([[75, 3], [66.67, 2], [100, 4]]);
    expect(dbiLevelNote(results[0]!, 'vi')).toBe('Tỷ lệ 75,00% (chính xác 74,999333…%): mức được xét trên tỷ lệ chính xác.');
    expect(dbiLevelNote(results[0]!, 'en')).toBe('Percentage 75.00% (exactly 74.999333…%): the level is decided on the exact percentage.');
    expect(dbiLevelNote(results[1]!, 'vi')).toBe('Các dải cho mức 3, nhưng điều kiện giới hạn mức: không cao hơn mức 2 khi có trụ cột dưới 20% (Con người).');
    expect(dbiLevelNote(results[1]!, 'en')).toBe('The bands give level 3, but a level condition holds: no higher than level 2 while any pillar is below 20% (People).');
    expect(dbiLevelNote(results[2]!, 'vi')).toBeNull();
  });

  it('CSV: a levelNote column, filled only where it applies', async () => {
    const r = await runCli([...args, '--format', 'csv']);
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toBe('id,name,framework,total,max,percent,level,levelName,infrastructure,infrastructure.level,people,people.level,levelNote');
    expect(lines[1]).toBe(`DN1,DN DN1,example-level-notes,11.2499,15,75,3,Level 3,7.2499,,4,,${dbiLevelNote(results[0]!, 'en')}`);
    expect(lines[2]).toBe(`DN2,DN DN2,example-level-notes,10,15,66.67,2,Level 2,10,,0,,"${dbiLevelNote(results[1]!, 'en')}"`);
    expect(lines[3]).toBe('DN3,DN DN3,example-level-notes,15,15,100,4,Level 4,10,,5,,');
  });

  it('Excel CSV: "Ghi chú mức" in Vietnamese', async () => {
    const r = await runCli([...args, '--format', 'csv', '--excel']);
    const lines = r.out.split('\r\n');
    expect(lines[0]!.endsWith(';Ghi chú mức')).toBe(true);
    // quoted: a decimal comma is a separator elsewhere
    expect(lines[1]!.endsWith(';"Tỷ lệ 75,00% (chính xác 74,999333…%): mức được xét trên tỷ lệ chính xác."')).toBe(true);
    expect(lines[2]!.endsWith(`;"${dbiLevelNote(results[1]!, 'vi')}"`)).toBe(true);
    expect(lines[3]!.endsWith(';5;;')).toBe(true);
  });

  it('.xlsx (vi and en) and the terminal table', async () => {
    for (const lang of ['vi', 'en'] as const) {
      const out = join(dir, `scores-${lang}.xlsx`);
      expect((await runCli([...args, '--out', out, '--lang', lang])).code).toBe(0);
      const data = (await readXlsxFile(readFileSync(out)))[0]!.data;
      expect(data[0]!.at(-1)).toBe(lang === 'vi' ? 'Ghi chú mức' : 'Level note');
      expect(data.slice(1, 4).map((row) => row.at(-1) ?? null)).toEqual([dbiLevelNote(results[0]!, lang), dbiLevelNote(results[1]!, lang), null]);
    }
    const table = await runCli([...args, '--format', 'table']);
    expect(table.out).toMatch(/Ghi chú mức\n/);
    expect(table.out).toContain(`  ${dbiLevelNote(results[0]!, 'vi')}\n`);
    expect(table.out).toContain(`  ${dbiLevelNote(results[1]!, 'vi')}\n`);
  });

  it('no such column for a framework whose levels can need no note (the bundled DBI sets)', async () => {
    const r = await runCli(['score', join(__dirname, '..', '..', 'fixtures', 'dbi-sme-daklak.json'), '--format', 'csv']);
    expect(r.out.split('\n')[0]).not.toContain('levelNote');
  });
});
